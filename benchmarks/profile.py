"""A Chromium trace of one cold visit, summarised: what the main-thread long tasks are made of.

``python -m benchmarks.profile [URL-of-a-served-site]`` (or BENCH_PROFILE=1 with ``python -m
benchmarks``) records a DevTools timeline trace of: open the calculator page in a fresh context,
first input, engine ready, first live result; the same for the naive baseline page. The trace
(loadable in chrome://tracing or DevTools' Performance panel) is written under
benchmarks/results/tmp/ (not committed); the summary lists every main-thread task over 50 ms with
the events inside it that took the most time (script URL, function, GC, layout, parsing).
"""
import json
from collections import defaultdict
from pathlib import Path

from . import measure

CATEGORIES = ["devtools.timeline", "disabled-by-default-devtools.timeline", "v8", "v8.execute",
              "blink.user_timing", "loading", "disabled-by-default-v8.gc", "toplevel", "blink", "v8.wasm",
              "disabled-by-default-v8.wasm.detailed", "netlog", "disabled-by-default-network"]
TMP = Path(__file__).resolve().parent / "results" / "tmp"

INTERESTING = {"EvaluateScript", "v8.compile", "v8.compileModule", "v8.evaluateModule", "FunctionCall",
               "ParseHTML", "Layout", "UpdateLayoutTree", "Paint", "ParseAuthorStyleSheet", "RunMicrotasks",
               "V8.GCScavenger", "MajorGC", "MinorGC", "V8.GC_MARK_COMPACTOR", "TimerFire", "EventDispatch",
               "XHRReadyStateChange", "FireAnimationFrame", "v8.run", "V8.Execute", "ScheduleStyleRecalculation",
               "HitTest", "PrePaint", "Layerize", "CompileScript", "CompileCode", "CacheModule",
               "v8.produceModuleCache", "v8.produceCache", "ResourceReceivedData", "HandlePostMessage",
               "WebAssembly.Compile", "v8.wasm.streamFromResponseCallback", "v8.wasm.compiledModule",
               "wasm.SyncCompile", "wasm.AsyncCompile"}


def _label(ev):
    data = (ev.get("args") or {}).get("data") or {}
    url = data.get("url") or (ev.get("args") or {}).get("fileName") or ""
    fn = data.get("functionName") or ""
    extra = data.get("type") or ""
    parts = [ev["name"]]
    if extra:
        parts.append(extra)
    if fn:
        parts.append(fn)
    if url:
        parts.append(url.rsplit("/", 2)[-2] + "/" + url.rsplit("/", 1)[-1] if "/" in url else url)
    return " ".join(parts)


def summarise(trace_path, page_url_part, limit=8):
    events = json.loads(Path(trace_path).read_text())
    events = events["traceEvents"] if isinstance(events, dict) else events
    # The renderer main thread of our page: the CrRendererMain thread that has a navigationStart or
    # ParseHTML for the page URL.
    names = {(e["pid"], e["tid"]): e["args"]["name"] for e in events
             if e.get("ph") == "M" and e.get("name") == "thread_name"}
    mains = [k for k, n in names.items() if n == "CrRendererMain"]
    nav = {}
    for e in events:
        if e.get("name") == "navigationStart" and (e["pid"], e["tid"]) in mains:
            url = ((e.get("args") or {}).get("data") or {}).get("documentLoaderURL", "")
            if page_url_part in url:
                nav[(e["pid"], e["tid"])] = e["ts"]
    if not nav:
        return {"error": f"no navigationStart for {page_url_part} in the trace"}
    key, t_nav = next(iter(nav.items()))
    mine = sorted((e for e in events if (e["pid"], e["tid"]) == key and e.get("ph") == "X" and "dur" in e),
                  key=lambda e: e["ts"])
    tasks, end = [], 0
    for e in mine:  # outermost tasks over 50 ms only
        if e["name"] in ("RunTask", "ThreadControllerImpl::RunTask") and e["dur"] > 50_000 and e["ts"] >= t_nav:
            if e["ts"] >= end:
                tasks.append(e)
                end = e["ts"] + e["dur"]
    out = []
    for t in tasks:
        inner = [e for e in mine if e is not t and t["ts"] <= e["ts"] and e["ts"] + e["dur"] <= t["ts"] + t["dur"]]
        by = defaultdict(float)
        for e in inner:
            if e["name"] in INTERESTING:
                by[_label(e)] += e["dur"] / 1000
        top = sorted(by.items(), key=lambda kv: -kv[1])[:limit]
        out.append({"start_ms": round((t["ts"] - t_nav) / 1000, 1), "dur_ms": round(t["dur"] / 1000, 1),
                    "top": [(k, round(v, 1)) for k, v in top]})
    # Worker threads: how long the engine's worker was busy (not blocking the page, for context).
    workers = [k for k, n in names.items() if "Worker" in n and k[0] == key[0]]
    busy = {}
    for k in workers:
        evs = [e for e in events if (e["pid"], e["tid"]) == k and e.get("ph") == "X" and "dur" in e]
        by = defaultdict(float)
        for e in evs:
            by[_label(e)] += e["dur"] / 1000
        total = sum(e["dur"] for e in evs if e["name"] in ("RunTask", "ThreadControllerImpl::RunTask")) / 1000
        if total:
            busy[f"{names[k]} {k[1]}"] = {"busy_ms": round(total, 1), "first_ms": round((evs[0]["ts"] - t_nav) / 1000),
                                         "last_ms": round((evs[-1]["ts"] + evs[-1]["dur"] - t_nav) / 1000),
                                         "top": [(a, round(b, 1)) for a, b in sorted(by.items(), key=lambda kv: -kv[1])[:12]]}
    return {"long_tasks": out, "threads": busy}


def record(browser, server, url, prefixes, field, first_value, name, naive=False):
    TMP.mkdir(parents=True, exist_ok=True)
    path = TMP / f"trace-{name}.json"
    ctx = measure.new_context(browser)
    try:
        page = ctx.new_page()
        browser.start_tracing(page=page, path=str(path), categories=CATEGORIES)
        try:
            if naive:
                m = measure.naive_page(page, server, url, prefixes)
            else:
                m = measure.calc_page(page, server, url, prefixes, field, first_value, None)
        finally:
            browser.stop_tracing()
    finally:
        ctx.close()
    return path, m


def print_summary(title, s, m):
    print(f"\n== profile: {title}")
    if "error" in s:
        print("  ", s["error"])
        return
    keys = ("fcp_ms", "ready_ms", "engine_start_ms", "result_ms", "pyodide_ms", "package_ms", "long_tasks_ms",
            "tbt_ms", "blocking_ms")
    print("   measured:", {k: round(m[k], 1) for k in keys if isinstance(m.get(k), (int, float))})
    for t in s["long_tasks"]:
        print(f"   task at {t['start_ms']} ms, {t['dur_ms']} ms:")
        for label, ms in t["top"]:
            print(f"      {ms:8.1f} ms  {label}")
    for name, t in s.get("threads", {}).items():
        print(f"   thread {name}: busy {t['busy_ms']} ms between {t['first_ms']} and {t['last_ms']} ms")
        for label, ms in t["top"]:
            print(f"      {ms:8.1f} ms  {label}")


def profile(p, server, base, prefixes, field, first_value, calc_page="calculators/screening-overhead/"):
    browser = measure.launch(p)
    result = {}
    try:
        for name, url, naive in (("ours", base + calc_page, False), ("naive", base + "_bench/naive/", True)):
            path, m = record(browser, server, url, prefixes, field, first_value, name, naive)
            s = summarise(path, url.split("127.0.0.1")[-1].split("/", 1)[-1])
            print_summary(f"{name} ({path})", s, m)
            result[name] = {"trace": str(path), "measured": m, "summary": s}
    finally:
        browser.close()
    return result


def main():
    """Build, serve and profile only (no table)."""
    import tempfile

    from playwright.sync_api import sync_playwright

    from .run import CALC_PAGE, GUIDE_PAGE, CALC_NAME, edit_plan
    from .site import SUBPATH, Server, find_engine, free_port, timed_build, write_naive_pages

    with tempfile.TemporaryDirectory(prefix="hhg-profile-") as tmp:
        site = Path(tmp) / "site"
        port = free_port()
        base = f"http://127.0.0.1:{port}{SUBPATH}"
        secs, proc = timed_build(site, base)
        if proc.returncode:
            print(proc.stderr[-3000:])
            return
        engine = find_engine(site)
        write_naive_pages(site, engine, CALC_PAGE, GUIDE_PAGE, CALC_NAME)
        server = Server(site, port).start()
        field, first, _ = edit_plan(50)
        try:
            with sync_playwright() as p:
                profile(p, server, base, [engine["dir"]], field, first, CALC_PAGE)
        finally:
            server.stop()


if __name__ == "__main__":
    main()
