// The one controller for every calculator widget (see macros/widgets.py for the markup).
//
// Loaded on every page as a small ES module; it does nothing on pages without a widget and never
// requests engine files there. On a widget it starts the engine (Pyodide in a module worker,
// assets/engine/<version>/engine-worker.js) on the reader's first intent: focus, pointer or input.
// One worker serves the whole visit: it lives on globalThis and survives Material's instant
// navigation; widgets are mounted on Material's document$ and guarded against double mounting.
//
// The browser never computes anything itself: it sends the form's values and shows the HTML that
// calculators.run returned (escaped by the Python). Field errors are set as text, never as HTML.
// Nothing here is specific to one calculator.

const KEY = "__hhgCalculatorEngine";
const STALL_MS = 15000; // no download progress for this long while starting: the start has failed
const BOOT_MS = 45000; // once every download is in, start-up work (compiling, Python) may take this long
const RUN_LIMIT_MS = 12000; // a computation longer than this is stopped (worker terminated)
const MAX_URL_VALUE = 2000; // longer values from a URL are cut (they are bad values anyway)
const MAX_FILE_BYTES = 100e6; // a file field without a stated limit: never read more than this
const YES = ["yes", "true", "on", "1", "y"];
const NO = ["no", "false", "off", "0", "n"];

const TEXT = {
  static: "Showing the default scenario, calculated when this page was built.",
  loading: "Starting the live calculator (a one-time download). The figures below stay readable meanwhile.",
  ready: "Live: the results follow your inputs as you type.",
  unsupported: "This browser cannot run the live calculator (it needs module Web Workers and WebAssembly). " +
    "The figures below are for the default scenario.",
  nobuild: "Live recalculation is not part of this build. The figures below are for the default scenario.",
};

// ---------------------------------------------------------------------------------------------
// Feature detection (no request is made).

function supportsModuleWorker() {
  if (typeof Worker !== "function") return false;
  let supported = false;
  const probe = { get type() { supported = true; return "module"; } };
  try {
    // An unparsable URL: the options are read first, then construction fails. Nothing is fetched.
    new Worker("http://[", probe).terminate();
  } catch (e) { /* expected */ }
  return supported;
}

function supported() {
  return typeof WebAssembly === "object" && typeof WebAssembly.instantiate === "function" &&
    typeof Promise === "function" && typeof URLSearchParams === "function" && supportsModuleWorker();
}

// ---------------------------------------------------------------------------------------------
// The engine: one worker per visit.

class Engine {
  constructor(version) {
    this.version = version;
    this.worker = null;
    this.state = "idle"; // idle | loading | ready | error
    this.error = "";
    this.loaded = 0;
    this.startMs = 0;
    this.readyMs = 0;
    this.nextId = 1;
    this.pending = new Map(); // id -> {msg, resolve, reject, timer, sent}
    this.listeners = new Set();
    this.stallTimer = 0;
  }

  url() {
    return new URL("engine/" + encodeURIComponent(this.version) + "/engine-worker.js", import.meta.url);
  }

  subscribe(fn) { this.listeners.add(fn); return () => this.listeners.delete(fn); }

  emit(event) { for (const fn of Array.from(this.listeners)) { try { fn(event, this); } catch (e) { console.error(e); } } }

  start() {
    if (this.state === "loading" || this.state === "ready") return;
    this.state = "loading";
    this.error = "";
    this.loaded = 0;
    this.startMs = performance.now();
    let worker;
    try {
      worker = new Worker(this.url(), { type: "module" });
    } catch (e) {
      this.fail("The browser refused to start the calculator engine.");
      return;
    }
    this.worker = worker;
    worker.onmessage = (ev) => this.onMessage(worker, ev.data || {});
    worker.onerror = (ev) => {
      if (ev && ev.preventDefault) ev.preventDefault();
      if (worker === this.worker) this.fail("The calculator engine stopped unexpectedly.");
    };
    this.armStall();
    this.emit({ type: "state" });
  }

  armStall(ms) {
    clearTimeout(this.stallTimer);
    this.stallTimer = setTimeout(() => {
      if (this.state === "loading") this.fail("The calculator engine did not finish downloading or starting.");
    }, ms || STALL_MS);
  }

  onMessage(worker, msg) {
    if (worker !== this.worker) return;
    if (msg.type === "progress") {
      this.loaded = msg.loaded || 0;
      this.armStall(msg.idle ? BOOT_MS : STALL_MS);
      this.emit({ type: "progress" });
    } else if (msg.type === "ready") {
      clearTimeout(this.stallTimer);
      this.state = "ready";
      this.readyMs = performance.now() - this.startMs;
      globalThis.__hhgEngineTimings = { startMs: Math.round(this.readyMs), workerMs: msg.ms, phases: msg.phases };
      for (const [id, p] of this.pending) if (!p.sent) this.send(id, p);
      this.emit({ type: "state" });
    } else if (msg.type === "failed") {
      this.fail(msg.message || "The calculator engine could not start.");
    } else if (typeof msg.id === "number" && this.pending.has(msg.id)) {
      const p = this.pending.get(msg.id);
      this.pending.delete(msg.id);
      clearTimeout(p.timer);
      globalThis.__hhgLastEngineMs = msg.ms; // time spent in the worker (benchmarks)
      if (msg.ok) p.resolve(msg.value); else p.reject(new Error(msg.message || "The calculation failed."));
    }
  }

  send(id, p) {
    p.sent = true;
    p.timer = setTimeout(() => this.tooLong(id), RUN_LIMIT_MS);
    this.worker.postMessage(Object.assign({ id }, p.msg));
  }

  request(msg) {
    return new Promise((resolve, reject) => {
      const id = this.nextId++;
      const p = { msg, resolve, reject, timer: 0, sent: false };
      this.pending.set(id, p);
      if (this.state === "ready") this.send(id, p);
      else if (this.state === "idle") this.start();
      else if (this.state === "error") { this.pending.delete(id); reject(new Error(this.error)); }
    });
  }

  stop() {
    clearTimeout(this.stallTimer);
    if (this.worker) { this.worker.onmessage = null; this.worker.onerror = null; this.worker.terminate(); }
    this.worker = null;
  }

  rejectAll(reason) {
    for (const p of this.pending.values()) { clearTimeout(p.timer); p.reject(reason); }
    this.pending.clear();
  }

  fail(message) {
    if (this.state === "error") return;
    this.stop();
    this.state = "error";
    this.error = message;
    this.rejectAll(new Error(message));
    this.emit({ type: "state" });
  }

  tooLong(id) {
    // A computation that runs too long: stop that worker and start a fresh one.
    if (!this.pending.has(id)) return;
    const err = new Error("That calculation took too long and was stopped.");
    err.tooLong = true;
    this.stop();
    this.rejectAll(err);
    this.state = "idle";
    this.emit({ type: "restart" });
    this.start();
  }

  retry() {
    this.stop();
    this.rejectAll(new Error("restarted"));
    this.state = "idle";
    this.start();
  }
}

function engineFor(version) {
  let engine = globalThis[KEY];
  if (engine && engine.version !== version) { // a newer build of the site: replace the old engine
    engine.stop();
    engine = null;
  }
  if (!engine) {
    engine = new Engine(version);
    globalThis[KEY] = engine;
  }
  return engine;
}

// ---------------------------------------------------------------------------------------------
// One widget.

function mb(bytes) { return (bytes / 1e6).toFixed(1); }

function whole(n) { return Math.round(n).toLocaleString("en-US"); } // 8,000,000 as the model writes it

// Characters as Python counts them (code points): a JavaScript string counts a character outside
// the Basic Multilingual Plane (an emoji, say) twice.
function codePoints(text) {
  const pairs = text.match(/[\uD800-\uDBFF][\uDC00-\uDFFF]/g);
  return text.length - (pairs ? pairs.length : 0);
}

class Widget {
  constructor(root) {
    this.root = root;
    this.name = root.getAttribute("data-calculator");
    this.form = root.querySelector("[data-calc-form]");
    this.results = root.querySelector("[data-results]");
    this.statusText = root.querySelector("[data-status-text]");
    this.progress = root.querySelector("[data-progress]");
    this.stale = root.querySelector("[data-stale]");
    this.actions = root.querySelector("[data-actions]");
    this.note = root.querySelector("[data-action-note]");
    this.total = Number(root.getAttribute("data-engine-bytes")) || 0;
    this.fields = new Map(); // name -> {el, kind, error}
    this.files = new Map(); // name -> text read from the chosen file (never in the URL or storage)
    this.fileErrors = new Map(); // name -> message for a chosen file that cannot be used (too long)
    this.fileReads = 0; // latest file read; an older read that finishes later is ignored
    this.touched = new Set();
    this.seq = 0; // latest request number; older replies are ignored
    this.shown = "default"; // what the results show: "default" scenario or "live" inputs
    this.dirty = false; // the form differs from what the results show
    this.waitingForInput = false;
    this.inflight = false;
    this.engine = null;
  }

  mount() {
    for (const wrap of this.root.querySelectorAll("[data-field]")) {
      const name = wrap.getAttribute("data-field");
      const el = this.form && this.form.elements.namedItem(name);
      if (!el || !el.getAttribute) continue;
      const kind = el.getAttribute("data-kind") || (el.tagName === "SELECT" ? "choice" : "text");
      this.fields.set(name, { el, kind, wrap, error: wrap.querySelector(".calc-field-error") });
    }
    if (this.form) this.form.addEventListener("submit", (e) => e.preventDefault());
    this.root.addEventListener("click", (e) => this.onClick(e));
    const version = this.root.getAttribute("data-engine");
    if (this.actions) this.actions.hidden = false;
    if (!version || !/^[A-Za-z0-9._-]+$/.test(version)) return this.setStatic(TEXT.nobuild);
    if (!supported()) return this.setStatic(TEXT.unsupported);
    this.engine = engineFor(version);
    const off = this.engine.subscribe((event) => {
      if (!this.root.isConnected) { off(); return; }
      this.onEngine(event);
    });
    const intent = () => this.engine.start();
    this.root.addEventListener("focusin", intent);
    this.root.addEventListener("pointerdown", intent);
    if (this.form) {
      this.form.addEventListener("input", (e) => this.onInput(e));
      this.form.addEventListener("change", (e) => this.onInput(e));
    }
    const restored = this.restoreFromUrl();
    this.render();
    if (restored) {
      this.dirty = true;
      this.showStale("These figures are for the default scenario; the values from your link are being calculated.");
      this.compute();
    } else if (this.engine.state === "ready" || this.engine.state === "loading") {
      this.render();
    }
  }

  setStatic(text) {
    this.root.setAttribute("data-state", "static");
    if (this.statusText) this.statusText.textContent = text;
    for (const b of this.root.querySelectorAll('[data-action="export"], [data-action="copy-text"]')) b.hidden = true;
  }

  // --- form values ---------------------------------------------------------------------------

  defaultOf(f) {
    const el = f.el;
    if (el.type === "checkbox") return el.defaultChecked ? "yes" : "no";
    if (el.tagName === "SELECT") {
      const opt = Array.from(el.options).find((o) => o.defaultSelected) || el.options[0];
      return opt ? opt.value : "";
    }
    return el.defaultValue;
  }

  valueOf(f) {
    const el = f.el;
    if (el.type === "checkbox") return el.checked ? "yes" : "no";
    return el.value;
  }

  setValue(f, value) {
    const el = f.el;
    if (el.type === "checkbox") {
      const v = String(value).trim().toLowerCase();
      el.checked = YES.includes(v);
      // A word that is neither yes nor no (e.g. from a hand-edited link) goes to the model as it
      // is, so the reader sees the model's message, until the box is changed by hand.
      f.raw = YES.includes(v) || NO.includes(v) ? undefined : String(value);
      return;
    }
    if (el.tagName === "SELECT") {
      const want = String(value).trim().toLowerCase();
      const opt = Array.from(el.options).find((o) => o.value.toLowerCase() === want);
      if (opt) { el.value = opt.value; return; }
      // A value the list does not offer (e.g. from a hand-edited link): show it as a bad choice.
      let bad = el.querySelector("option[data-bad-value]");
      if (!bad) { bad = document.createElement("option"); bad.setAttribute("data-bad-value", ""); el.appendChild(bad); }
      bad.value = String(value);
      bad.textContent = String(value); // text, never HTML
      el.value = bad.value;
      return;
    }
    el.value = String(value);
  }

  // The inputs sent to the engine: what differs from the defaults (exactly what a share link
  // holds), plus any chosen file. Everything else takes the model's own default.
  params() {
    const out = {};
    for (const [name, f] of this.fields) {
      if (f.kind === "file") {
        if (this.files.has(name)) out[name] = this.files.get(name);
        continue;
      }
      if (f.raw !== undefined) { out[name] = f.raw; continue; }
      const value = this.valueOf(f);
      if (value !== this.defaultOf(f)) out[name] = value;
    }
    return out;
  }

  // --- URL -----------------------------------------------------------------------------------

  restoreFromUrl() {
    let query;
    try { query = new URLSearchParams(location.search); } catch (e) { return false; }
    let any = false;
    for (const [name, f] of this.fields) {
      if (f.kind === "file" || !query.has(name)) continue;
      this.setValue(f, query.get(name).slice(0, MAX_URL_VALUE));
      this.touched.add(name);
      any = true;
    }
    return any;
  }

  writeUrl() {
    let url;
    try { url = new URL(location.href); } catch (e) { return; }
    const params = this.params();
    for (const [name, f] of this.fields) {
      url.searchParams.delete(name);
      if (f.kind !== "file" && Object.prototype.hasOwnProperty.call(params, name)) url.searchParams.set(name, params[name]);
    }
    if (url.href !== location.href) {
      try { history.replaceState(history.state, "", url.href); } catch (e) { /* ignore */ }
    }
  }

  // --- events --------------------------------------------------------------------------------

  onInput(event) {
    const target = event.target;
    if (!target || !this.form.contains(target)) return;
    if (target.hasAttribute("data-preset")) {
      if (event.type === "change") this.applyPreset(target);
      return;
    }
    const name = target.name;
    const f = this.fields.get(name);
    if (!f) return;
    if (f.kind === "file") {
      if (event.type !== "change") return;
      this.readFile(name, target);
      return;
    }
    // Text inputs report both input and change: compute on input; selects and checkboxes on change.
    if (event.type === "change" && target.tagName !== "SELECT" && target.type !== "checkbox") return;
    if (event.type === "input" && (target.tagName === "SELECT" || target.type === "checkbox")) return;
    this.touched.add(name);
    f.raw = undefined;
    this.waitingForInput = false;
    this.compute();
  }

  applyPreset(select) {
    const opt = select.options[select.selectedIndex];
    if (!opt || !opt.value) return;
    let values = {};
    try { values = JSON.parse(opt.getAttribute("data-values") || "{}") || {}; } catch (e) { values = {}; }
    for (const [name, f] of this.fields) {
      if (f.kind === "file") continue;
      this.setValue(f, Object.prototype.hasOwnProperty.call(values, name) ? values[name] : this.defaultOf(f));
    }
    this.waitingForInput = false;
    this.compute();
  }

  // A chosen file is read here and its text goes to the engine with the other inputs. The limit is
  // the model's own (data-max-chars, in characters): a file over it is refused here, in the model's
  // words, so that it is never copied into the engine or sent again on every keystroke. A file far
  // over it (more bytes than the limit could take in UTF-8) is refused from its size, unread, so
  // that even a huge file cannot freeze the tab.
  async readFile(name, input) {
    const read = ++this.fileReads;
    const f = this.fields.get(name);
    const file = input.files && input.files[0];
    this.fileErrors.delete(name);
    if (!file) { this.files.delete(name); this.compute(); return; }
    const max = Number(f.el.getAttribute("data-max-chars")) || 0;
    const label = f.el.getAttribute("data-label") || name;
    const refuse = (message) => {
      this.files.delete(name);
      this.fileErrors.set(name, message);
      this.compute();
    };
    if (max > 0 && file.size > 4 * max) { // UTF-8 takes at most 4 bytes a character
      refuse(`${label}: too long (${mb(file.size)} MB); the limit is ${whole(max)} characters, about ${mb(max)} MB.`);
      return;
    }
    if (file.size > MAX_FILE_BYTES) {
      refuse(`${label}: this file is too large to read (${mb(file.size)} MB).`);
      return;
    }
    let text;
    try {
      text = await file.text();
    } catch (e) {
      if (read === this.fileReads) refuse(`${label}: this file could not be read; choose a plain text or CSV file.`);
      return;
    }
    if (read !== this.fileReads) return; // another file was chosen meanwhile
    const n = max > 0 && text.length > max ? codePoints(text) : 0;
    if (n > max) {
      refuse(`${label}: too long (${whole(n)} characters); the limit is ${whole(max)}.`); // as the model says it
      return;
    }
    this.files.set(name, text);
    this.compute();
  }

  onClick(event) {
    const button = event.target.closest && event.target.closest("button");
    if (!button || !this.root.contains(button)) return;
    const action = button.getAttribute("data-action");
    if (action === "retry") { this.engine && this.engine.retry(); return; }
    if (action === "copy-link") { this.writeUrl(); this.copy(location.href, "Link copied.", "Copy this link: "); return; }
    if (action === "print") { this.print(); return; }
    if (action === "export" || action === "copy-text") this.exportAs(button.getAttribute("data-format"), action);
  }

  // --- computing -----------------------------------------------------------------------------

  compute() {
    if (!this.engine) return;
    this.writeUrl();
    this.dirty = true;
    const seq = ++this.seq;
    if (this.fileErrors.size) {
      // A chosen file cannot be used: no result until another file is chosen (as for any bad input).
      this.inflight = false;
      this.showFieldErrors(Object.fromEntries(this.fileErrors));
      this.showStale("Not updated: the chosen file cannot be used. " + this.labelShown());
      return;
    }
    const started = performance.now();
    this.inflight = true;
    this.engine.request({ type: "run", name: this.name, params: this.params() }).then(
      (out) => {
        if (seq !== this.seq) return;
        this.inflight = false;
        globalThis.__hhgLastRunMs = performance.now() - started;
        this.applyResult(out);
      },
      (err) => {
        if (seq !== this.seq) return;
        this.inflight = false;
        if (err && err.tooLong) {
          this.waitingForInput = true;
          this.showStale(err.message + " " + this.labelShown());
        }
        // Engine failures are shown by the engine state (error + Retry).
      },
    );
  }

  applyResult(out) {
    if (out && out.ok) {
      this.results.innerHTML = out.html; // HTML from calculators.run, escaped by the Python
      this.shown = "live";
      this.dirty = false;
      this.showFieldErrors({});
      this.hideStale();
      this.root.setAttribute("data-updated", String(this.seq));
    } else {
      const errors = (out && out.errors) || {};
      this.showFieldErrors(errors);
      const n = Object.keys(errors).length;
      const summary = n === 1 ? "1 input needs fixing." : n + " inputs need fixing.";
      this.showStale("Not updated: " + summary + " " + this.labelShown());
    }
  }

  labelShown() {
    return this.shown === "default"
      ? "The figures below are for the default scenario."
      : "The figures below are for your last valid inputs.";
  }

  showFieldErrors(errors) {
    const other = [];
    for (const [name, f] of this.fields) {
      const msg = errors[name];
      if (f.error) { f.error.textContent = msg || ""; f.error.hidden = !msg; }
      if (msg) f.el.setAttribute("aria-invalid", "true"); else f.el.removeAttribute("aria-invalid");
      const folded = msg && f.wrap.closest("details:not([open])");
      if (folded) folded.open = true; // an error must never hide in a folded section
    }
    for (const [name, msg] of Object.entries(errors)) if (!this.fields.has(name)) other.push(String(msg));
    this.otherErrors = other;
    if (Object.keys(errors).length && this.statusText) {
      // Announce the messages (the status line is a polite live region).
      this.statusText.textContent = "Not updated. " + Object.values(errors).map(String).join(" ");
    } else {
      this.render();
    }
  }

  showStale(text) {
    if (!this.stale) return;
    const extra = (this.otherErrors || []).join(" ");
    this.stale.textContent = extra ? extra + " " + text : text;
    this.stale.hidden = false;
    this.root.classList.add("calc-is-stale");
  }

  hideStale() {
    if (!this.stale) return;
    this.stale.hidden = true;
    this.stale.textContent = "";
    this.root.classList.remove("calc-is-stale");
  }

  // --- engine state ----------------------------------------------------------------------------

  onEngine(event) {
    if (event.type === "progress") { this.renderProgress(); return; }
    this.render();
    if (event.type === "state" && this.engine.state === "ready" && this.dirty && !this.inflight &&
        !this.waitingForInput) this.compute();
  }

  renderProgress() {
    if (!this.progress) return;
    const e = this.engine;
    if (e.state !== "loading") { this.progress.hidden = true; return; }
    this.progress.hidden = false;
    if (this.total > 0) {
      const loaded = Math.min(e.loaded, this.total);
      this.progress.max = this.total;
      this.progress.value = loaded;
      this.progress.setAttribute("aria-valuetext", `${mb(loaded)} of ${mb(this.total)} MB`);
    } else {
      this.progress.removeAttribute("value"); // size unknown: indeterminate
    }
  }

  render() {
    const e = this.engine;
    if (!e) return;
    const state = e.state === "idle" ? "static" : e.state;
    this.root.setAttribute("data-state", state);
    this.renderProgress();
    let retry = this.root.querySelector('[data-action="retry"]');
    if (state === "error") {
      if (this.statusText) {
        this.statusText.textContent = "The live calculator could not start: " + e.error +
          " " + this.labelShown() + " Check your connection and press Retry.";
      }
      if (!retry) {
        retry = document.createElement("button");
        retry.type = "button";
        retry.className = "md-button calc-retry";
        retry.setAttribute("data-action", "retry");
        retry.textContent = "Retry";
        this.statusText.parentNode.insertBefore(retry, this.progress || null);
      }
      retry.hidden = false;
      if (this.dirty && this.shown === "default") {
        this.showStale("Not updated: the calculator is not running. " + this.labelShown());
      }
      return;
    }
    if (retry) retry.hidden = true;
    if (this.statusText && !this.root.querySelector(".calc-field-error:not([hidden])")) {
      this.statusText.textContent = TEXT[state] || TEXT.static;
    }
  }

  // --- actions ---------------------------------------------------------------------------------

  async copy(text, done, fallback) {
    try {
      await navigator.clipboard.writeText(text);
      this.say(done);
    } catch (e) {
      this.say(fallback + text);
    }
  }

  say(text) { if (this.note) this.note.textContent = text; }

  async exportAs(format, action) {
    if (!this.engine || !format) return;
    this.say("Preparing…");
    let out;
    try {
      out = await this.engine.request({ type: "export", name: this.name, params: this.params(), format });
    } catch (e) {
      this.say("The download needs the live calculator, which is not running: " + e.message);
      return;
    }
    const text = (out && out.text) || "";
    if (action === "copy-text") { this.copy(text, "Copied as text.", "Copy failed; here is the text: "); return; }
    const ext = { markdown: "md", csv: "csv", json: "json" }[format] || "txt";
    const type = { markdown: "text/markdown", csv: "text/csv", json: "application/json" }[format] || "text/plain";
    const url = URL.createObjectURL(new Blob([text], { type: type + ";charset=utf-8" }));
    const a = document.createElement("a");
    a.href = url;
    a.download = `${this.name}.${ext}`;
    a.hidden = true;
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10000);
    this.say(`Downloaded ${a.download}.`);
  }

  print() {
    // One page: this widget's results only (print CSS), and the link that restores its inputs.
    const html = document.documentElement;
    this.writeUrl();
    const link = document.createElement("p");
    link.className = "calc-print-link";
    link.textContent = "The inputs behind these figures: " + location.href;
    this.results.after(link);
    html.classList.add("calc-printing");
    this.root.classList.add("calc-print-target");
    const done = () => {
      html.classList.remove("calc-printing");
      this.root.classList.remove("calc-print-target");
      link.remove();
      removeEventListener("afterprint", done);
    };
    addEventListener("afterprint", done);
    window.print();
  }
}

// ---------------------------------------------------------------------------------------------
// Mounting: on every page Material shows (document$), each widget once.

function mountAll() {
  for (const root of document.querySelectorAll("[data-calculator]")) {
    if (root.__hhgWidget || root.classList.contains("calc-missing")) continue;
    const widget = new Widget(root);
    root.__hhgWidget = widget;
    try { widget.mount(); } catch (e) { console.error(e); }
  }
}

if (typeof document$ !== "undefined" && document$ && typeof document$.subscribe === "function") {
  document$.subscribe(mountAll);
} else if (document.readyState === "loading") {
  document.addEventListener("DOMContentLoaded", mountAll);
} else {
  mountAll();
}
