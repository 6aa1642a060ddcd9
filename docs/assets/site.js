// Small page behaviours that need no engine: the checklist remembers its ticks in this browser.
// Mounted on Material's document$ so it runs again after each instant navigation.
(function () {
  "use strict";
  const KEY = "hhg-checklist:";

  function mountChecklists(root) {
    root.querySelectorAll("[data-checklist]").forEach(function (list) {
      if (list.dataset.mounted) return;
      list.dataset.mounted = "1";
      const key = KEY + list.dataset.checklist;
      let saved = {};
      try { saved = JSON.parse(localStorage.getItem(key) || "{}") || {}; } catch (e) { saved = {}; }
      list.querySelectorAll("input[type=checkbox][data-check-id]").forEach(function (box) {
        box.checked = saved[box.dataset.checkId] === true;
        box.addEventListener("change", function () {
          saved[box.dataset.checkId] = box.checked;
          try { localStorage.setItem(key, JSON.stringify(saved)); } catch (e) { /* storage off: ticks last this visit */ }
        });
      });
    });
  }

  // A wide table scrolls sideways inside Material's wrapper: make that box reachable by keyboard.
  function focusableScrollers(root) {
    root.querySelectorAll(".md-typeset__scrollwrap").forEach(function (wrap) {
      if (wrap.scrollWidth > wrap.clientWidth && !wrap.hasAttribute("tabindex")) {
        wrap.tabIndex = 0;
        wrap.setAttribute("role", "region");
        wrap.setAttribute("aria-label", "Table (scrolls sideways)");
      }
    });
  }

  function mount() { mountChecklists(document); focusableScrollers(document); }
  if (typeof document$ !== "undefined" && document$.subscribe) document$.subscribe(mount);
  else if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", mount);
  else mount();
})();
