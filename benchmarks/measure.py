"""The measurements in headless Chromium: each returns a dict of figures for one run.

Times are milliseconds from the page's navigation start (``performance.now()``) unless said;
bytes are response bodies as the local server sent them (workers and service workers included),
split into engine bytes (Pyodide runtime, wheel, lock, worker) and the rest.
"""
import time

from .site import CHROMIUM, CHROMIUM_ARGS, is_engine_path

# Installed in every page before its own scripts: long tasks and first contentful paint.
INIT_JS = """
if (typeof window !== "undefined" && !window.__bench) {
  window.__bench = { lt: [], fcp: null };
  try {
    new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__bench.lt.push([e.startTime, e.duration]); })
      .observe({ type: "longtask", buffered: true });
  } catch (e) { window.__bench.ltError = String(e); }
  try {
    new PerformanceObserver((l) => { for (const e of l.getEntries()) if (e.name === "first-contentful-paint") window.__bench.fcp = e.startTime; })
      .observe({ type: "paint", buffered: true });
  } catch (e) {}
}
"""

# First input on a widget that has not started: input event -> engine ready and the results text
# changed. Re-queries [data-results] in case the controller replaces the element.
FIRST_INPUT_JS = """
async ({ field, value, timeout, lead }) => {
  const root = document.querySelector("[data-calculator]");
  if (!root) return { missing: "widget" };
  if (lead) {  // the reader focuses the field, then types: intent starts the engine first
    const el = root.querySelector(`[name="${field}"]`);
    el && el.focus();
    await new Promise((r) => setTimeout(r, lead));
  }
  const input = root.querySelector(`[name="${field}"]`);
  if (!input) return { missing: "input " + field };
  const results = () => root.querySelector("[data-results]");
  const before = results() ? results().textContent : "";
  const out = { stateBefore: root.dataset.state };
  return await new Promise((resolve) => {
    let timer, mo;
    const finish = () => { mo.disconnect(); clearTimeout(timer); out.end = performance.now(); out.stateAfter = root.dataset.state; resolve(out); };
    const check = () => {
      const now = performance.now();
      const state = root.dataset.state;
      if (out.loading === undefined && state === "loading") out.loading = now;
      if (out.ready === undefined && state === "ready") out.ready = now;
      if (state === "error") { out.error = now; finish(); return; }
      if (out.result === undefined && state === "ready" && results() && results().textContent !== before) out.result = now;
      if (out.result !== undefined && out.ready !== undefined) finish();
    };
    mo = new MutationObserver(check);
    mo.observe(root, { subtree: true, childList: true, characterData: true, attributes: true });
    timer = setTimeout(() => { out.timeout = true; finish(); }, timeout);
    out.t0 = performance.now();
    input.value = String(value);
    input.dispatchEvent(new Event("input", { bubbles: true }));
    check();
  });
}
"""

# Recompute latency: one edit at a time, input event -> results text changed (debounce included).
RECOMPUTE_JS = """
async ({ field, values, timeout, gap }) => {
  const root = document.querySelector("[data-calculator]");
  const input = root.querySelector(`[name="${field}"]`);
  const results = () => root.querySelector("[data-results]");
  const lat = [];
  for (const v of values) {
    const before = results().textContent;
    lat.push(await new Promise((resolve) => {
      let t0, timer;
      const mo = new MutationObserver(() => {
        const r = results();
        if (r && r.textContent !== before) { const t1 = performance.now(); mo.disconnect(); clearTimeout(timer); resolve(t1 - t0); }
      });
      mo.observe(root, { subtree: true, childList: true, characterData: true });
      timer = setTimeout(() => { mo.disconnect(); resolve(null); }, timeout);
      t0 = performance.now();
      input.value = String(v);
      input.dispatchEvent(new Event("input", { bubbles: true }));
    }));
    await new Promise((r) => setTimeout(r, gap));
  }
  return lat;
}
"""

# Screening-metrics file analysis: change event on the file input -> results text changed.
FILE_WATCH_JS = """
() => {
  const root = document.querySelector('[data-calculator="screening-metrics"]');
  const results = () => root.querySelector("[data-results]");
  const w = window.__sm = { before: results().textContent };
  document.addEventListener("change", (e) => { if (e.target.type === "file" && w.t0 === undefined) w.t0 = performance.now(); }, true);
  const mo = new MutationObserver(() => {
    if (root.dataset.state === "error") { w.error = performance.now(); mo.disconnect(); }
    const r = results();
    if (w.t0 !== undefined && r && r.textContent !== w.before) {
      w.t1 = performance.now(); w.text = r.textContent.replace(/\\s+/g, " ").trim().slice(0, 200); mo.disconnect();
    }
  });
  mo.observe(root, { subtree: true, childList: true, characterData: true, attributes: true });
}
"""


def launch(playwright):
    return playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)


def new_context(browser):
    ctx = browser.new_context()
    ctx.add_init_script(INIT_JS)
    return ctx


def _bytes(entries, engine_prefixes):
    total = sum(e["bytes"] for e in entries)
    engine = sum(e["bytes"] for e in entries if is_engine_path(e["path"], engine_prefixes))
    return {"bytes": total, "engine_bytes": engine, "requests": len(entries),
            "engine_files": sorted({e["path"] for e in entries if is_engine_path(e["path"], engine_prefixes)})}


def _waterfall(entries, t0):
    """Each response's end, in ms after ``t0`` (server clock), with its size: where the time went."""
    return [[round((e["t"] - t0) * 1000), e["path"].rsplit("/", 1)[-1] or e["path"], e["status"], e["bytes"]]
            for e in entries]


def _blocking(bench, until):
    """Long Tasks API entries (> 50 ms) that started before ``until``: their total and the TBT."""
    tasks = [(s, d) for s, d in bench["lt"] if until is None or s < until]
    return {"long_tasks_ms": sum(d for _, d in tasks), "tbt_ms": sum(max(0.0, d - 50) for _, d in tasks),
            "long_tasks": len(tasks), "longest_ms": max((d for _, d in tasks), default=0.0),
            "long_task_list": [[round(s), round(d)] for s, d in tasks]}


# DevTools' "RunTask" covers every main-thread task, including the microtask checkpoints run from
# IPC callbacks in which Pyodide starts; "ThreadControllerImpl::RunTask" and the Long Tasks API
# only see scheduler tasks and miss them.
TRACE_CATEGORIES = ["disabled-by-default-devtools.timeline", "blink.user_timing"]


class Trace:
    """A light Chromium trace of one page: the renderer main thread's tasks, as Lighthouse counts
    them (the Long Tasks API misses the long microtask-only tasks that start Pyodide)."""

    def __init__(self, browser, page):
        self.browser = browser
        browser.start_tracing(page=page, categories=TRACE_CATEGORIES)

    def stop(self, url_part):
        """[(start ms after navigationStart, duration ms)] of every outermost main-thread task."""
        import json
        raw = self.browser.stop_tracing()
        events = json.loads(raw)
        events = events["traceEvents"] if isinstance(events, dict) else events
        nav = [e for e in events if e.get("name") == "navigationStart"
               and url_part in (((e.get("args") or {}).get("data") or {}).get("documentLoaderURL") or "")]
        if not nav:
            return None
        key, t_nav = (nav[-1]["pid"], nav[-1]["tid"]), nav[-1]["ts"]
        tasks, end = [], 0
        for e in sorted((e for e in events if (e.get("pid"), e.get("tid")) == key and e.get("ph") == "X"
                         and e.get("name") == "RunTask" and "dur" in e), key=lambda e: e["ts"]):
            if e["ts"] >= end and e["ts"] >= t_nav:
                tasks.append(((e["ts"] - t_nav) / 1000, e["dur"] / 1000))
                end = e["ts"] + e["dur"]
        return tasks


def trace_blocking(tasks, until):
    """Main-thread tasks over 50 ms that started before ``until`` (ms after navigation)."""
    if tasks is None:
        return {}
    long = [(s, d) for s, d in tasks if d > 50 and (until is None or s < until)]
    return {"blocking_ms": sum(d for _, d in long), "blocking_tbt_ms": sum(d - 50 for _, d in long),
            "blocking_tasks": [[round(s), round(d)] for s, d in long]}


class CdpTrace:
    """Chromium tracing through CDP (persistent contexts have no Browser object to trace with)."""

    def __init__(self, context, page, categories):
        self.cdp = context.new_cdp_session(page)
        self.page, self.events, self.done = page, [], []
        self.cdp.on("Tracing.dataCollected", lambda ev: self.events.extend(ev["value"]))
        self.cdp.on("Tracing.tracingComplete", lambda ev: self.done.append(True))
        self.cdp.send("Tracing.start", {"traceConfig": {"includedCategories": categories},
                                        "transferMode": "ReportEvents"})

    def stop(self, timeout_s=30):
        self.cdp.send("Tracing.end")
        end = time.monotonic() + timeout_s
        while not self.done and time.monotonic() < end:
            self.page.wait_for_timeout(100)
        self.cdp.detach()
        return self.events


WASM_CATEGORIES = ["v8.wasm", "disabled-by-default-v8.wasm.detailed"]


def wasm_cache_use(events):
    """From a trace of one visit: was the wasm module deserialized from V8's code cache, and how
    many functions were compiled lazily (thousands when nothing came from the cache)?"""
    names = [e.get("name") for e in events if e.get("ph") in ("X", "B")]
    return {"wasm_deserialized": names.count("wasm.Deserialize"), "wasm_lazy_compiles": names.count("wasm.CompileLazy")}


class Watch:
    """Console errors and page errors of one page (to explain a failed measurement)."""

    def __init__(self, page):
        self.errors = []
        page.on("console", lambda m: m.type == "error" and self.errors.append(m.text[:300]))
        page.on("pageerror", lambda e: self.errors.append(str(e)[:300]))


def plain_page(browser, server, url, engine_prefixes):
    """A page without a calculator: FCP and bytes until the network is quiet."""
    ctx = new_context(browser)
    try:
        page = ctx.new_page()
        mark = server.mark()
        page.goto(url, wait_until="load")
        server.wait_quiet()
        b = page.evaluate("() => window.__bench")
        return {"fcp_ms": b["fcp"], **_bytes(server.since(mark), engine_prefixes)}
    finally:
        ctx.close()


def naive_page(page, server, url, engine_prefixes, timeout_s=120, reload=False, browser=None):
    """The baseline: navigation -> result written by Pyodide on the main thread.
    With ``browser``, a light trace measures main-thread blocking."""
    watch = Watch(page)
    trace = Trace(browser, page) if browser is not None else None
    mark, t_nav = server.mark(), time.monotonic()
    if reload:
        page.reload(wait_until="load")
    else:
        page.goto(url, wait_until="load")
    try:
        page.wait_for_function("() => window.__naive && window.__naive.done", timeout=timeout_s * 1000)
    except Exception as exc:  # noqa: BLE001 - a failed baseline is reported, not fatal
        if trace:
            trace.stop(url)
        return {"error": f"baseline did not finish: {exc.__class__.__name__}; {watch.errors[:3]}"}
    server.wait_quiet()
    naive = page.evaluate("() => window.__naive")
    bench = page.evaluate("() => window.__bench")
    until = naive.get("result", naive["done"])
    tasks = trace.stop(url) if trace else None
    return {"waterfall": _waterfall(server.since(mark), t_nav),
            "fcp_ms": bench["fcp"], "result_ms": naive.get("result"), "done_ms": naive["done"],
            "pyodide_ms": naive.get("pyodide"), "package_ms": naive.get("package"),
            **_blocking(bench, until), **trace_blocking(tasks, until), **_bytes(server.since(mark), engine_prefixes)}


def naive_cold(browser, server, url, engine_prefixes):
    ctx = new_context(browser)
    try:
        return naive_page(ctx.new_page(), server, url, engine_prefixes, browser=browser)
    finally:
        ctx.close()


def calc_page(page, server, url, engine_prefixes, field, first_value, edit_values, reload=False,
              timeout_s=120, browser=None, lead_ms=0):
    """Our calculator page: FCP, bytes before input, first input -> first live result, blocking
    from navigation until ready (traced when ``browser`` is given), bytes after the engine, and
    (if edit_values) recompute latency."""
    watch = Watch(page)
    trace = Trace(browser, page) if browser is not None else None
    mark = server.mark()
    if reload:
        page.reload(wait_until="load")
    else:
        page.goto(url, wait_until="load")
    server.wait_quiet()
    before = _bytes(server.since(mark), engine_prefixes)
    state = page.evaluate("() => { const r = document.querySelector('[data-calculator]'); return r ? r.dataset.state : null; }")
    out = {"fcp_ms": page.evaluate("() => window.__bench.fcp"), "state_on_load": state,
           "before_input": before}
    if state is None:
        out["error"] = "no [data-calculator] widget on the page"
        if trace:
            trace.stop(url)
        return out
    t_input, mark_input = time.monotonic(), server.mark()
    first = page.evaluate(FIRST_INPUT_JS, {"field": field, "value": first_value, "timeout": timeout_s * 1000,
                                          "lead": lead_ms})
    out["first_input"] = first
    out["waterfall"] = _waterfall(server.since(mark_input), t_input)
    tasks = trace.stop(url) if trace else None
    if first.get("missing") or first.get("timeout") or first.get("error") is not None:
        out["error"] = f"engine did not start: {first}; console: {watch.errors[:3]}"
        return out
    out["engine_start_ms"] = first["result"] - first["t0"]
    out["ready_ms"] = first["ready"]
    # Start-up phases the worker reports (ms since the worker began), when it does.
    out["engine_timings"] = page.evaluate("() => globalThis.__hhgEngineTimings || null")
    server.wait_quiet()
    bench = page.evaluate("() => window.__bench")
    out.update(_blocking(bench, first["ready"]))
    out.update(trace_blocking(tasks, first["ready"]))
    out["after_engine"] = _bytes(server.since(mark), engine_prefixes)
    if edit_values:
        lat = page.evaluate(RECOMPUTE_JS, {"field": field, "values": edit_values, "timeout": 5000, "gap": 30})
        out["recompute_ms"] = [x for x in lat if x is not None]
        out["recompute_timeouts"] = sum(1 for x in lat if x is None)
    return out


def calc_cold(browser, server, url, engine_prefixes, field, first_value, edit_values, lead_ms=0):
    ctx = new_context(browser)
    try:
        return calc_page(ctx.new_page(), server, url, engine_prefixes, field, first_value, edit_values,
                         browser=None if lead_ms else browser, lead_ms=lead_ms)
    finally:
        ctx.close()


def metrics_file(page, server, url, csv_texts, timeout_s=60):
    """Screening-metrics in the browser: start the engine (focus), then time each file analysis."""
    watch = Watch(page)
    page.goto(url, wait_until="load")
    root = page.query_selector('[data-calculator="screening-metrics"]')
    file_input = root and root.query_selector('input[type="file"]')
    if not file_input:
        return {"error": "no screening-metrics widget with a file input"}
    file_input.focus()
    try:
        page.wait_for_function(
            "() => ['ready','error'].includes(document.querySelector('[data-calculator=\"screening-metrics\"]').dataset.state)",
            timeout=timeout_s * 1000)
    except Exception:  # noqa: BLE001
        return {"error": f"engine did not start on focus; console: {watch.errors[:3]}"}
    times, texts = [], []
    for i, text in enumerate(csv_texts):
        page.evaluate(FILE_WATCH_JS)
        file_input.set_input_files({"name": f"screening-{i}.csv", "mimeType": "text/csv", "buffer": text.encode()})
        try:
            page.wait_for_function("() => window.__sm.t1 !== undefined || window.__sm.error !== undefined",
                                   timeout=timeout_s * 1000)
        except Exception:  # noqa: BLE001
            status = page.evaluate("""() => { const r = document.querySelector('[data-calculator="screening-metrics"]');
                return r.dataset.state + ': ' + r.innerText.replace(/\\s+/g, ' ').slice(0, 400); }""")
            return {"error": f"no result within {timeout_s} s; widget: {status}; console: {watch.errors[:3]}",
                    "ms": times}
        sm = page.evaluate("() => window.__sm")
        if sm.get("error") is not None:
            return {"error": "widget reached error", "ms": times}
        times.append(sm["t1"] - sm["t0"])
        texts.append(sm.get("text"))
    return {"ms": times, "result_text": texts}
