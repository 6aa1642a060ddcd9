"""The benchmark run: build, serve, measure ours and the baseline, print and save the table."""
import argparse
import datetime as dt
import json
import os
import platform
import subprocess
import sys
import tempfile
import time
import traceback
from pathlib import Path

from . import measure, report
from .site import (ROOT, SUBPATH, Server, find_engine, free_port, prepare_fallback_engine, screening_csv,
                   timed_build, write_naive_pages)

CALC_NAME = "screening-overhead"
CALC_PAGE = "calculators/screening-overhead/"
GUIDE_PAGE = "basics/formats/"
METRICS_PAGE = "calculators/screening-metrics/"
RESULTS = ROOT / "benchmarks" / "results"
PAIRS = (("first_visible", "fcp_ms", "result_ms"), ("engine_cold", "engine_start_ms", "result_ms"),
         ("blocking", "blocking_ms", "blocking_ms"))
FOCUS_LEAD_MS = 1000  # reader focuses a field, then types a second later


def options(argv):
    env = os.environ
    p = argparse.ArgumentParser(prog="python -m benchmarks", description=__doc__)
    p.add_argument("--runs", type=int, default=int(env.get("RUNS") or env.get("BENCH_RUNS") or 5),
                   help="browser runs per metric (env RUNS or BENCH_RUNS; default 5)")
    p.add_argument("--edits", type=int, default=int(env.get("BENCH_EDITS") or 60),
                   help="edits per recompute run, at least 50 (env BENCH_EDITS)")
    p.add_argument("--readme", action="store_true", default=env.get("BENCH_README", "") not in ("", "0"),
                   help="replace the table in README.md's Performance section (env BENCH_README=1)")
    p.add_argument("--profile", action="store_true", default=env.get("BENCH_PROFILE", "") not in ("", "0"),
                   help="trace one cold visit (ours and baseline) and summarise it (env BENCH_PROFILE=1)")
    p.add_argument("--no-profile-on-miss", action="store_true", help="do not trace when a time budget is missed")
    p.add_argument("--output", default=env.get("BENCH_OUTPUT") or str(RESULTS / "latest.json"),
                   help="where to write the JSON (env BENCH_OUTPUT)")
    a = p.parse_args(argv)
    a.runs = max(1, a.runs)
    a.edits = max(50, a.edits)
    return a


def _sh(cmd):
    try:
        return subprocess.run(cmd, capture_output=True, text=True, cwd=ROOT, timeout=10).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        return ""


def machine_info():
    cpu, mem = platform.processor() or "unknown CPU", "unknown memory"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal"):
                mem = f"{int(line.split()[1]) / 1024 / 1024:.1f} GB RAM"
    except OSError:
        pass
    os_name = platform.platform()
    try:
        for line in Path("/etc/os-release").read_text().splitlines():
            if line.startswith("PRETTY_NAME="):
                os_name = line.split("=", 1)[1].strip('"')
    except OSError:
        pass
    try:
        pyodide = json.loads((ROOT / "node_modules" / "pyodide" / "package.json").read_text())["version"]
    except (OSError, ValueError, KeyError):
        pyodide = "unknown"
    return {"date": dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%d %H:%M UTC"), "cpu": cpu,
            "cores": os.cpu_count(), "memory": mem, "os": os_name, "python": platform.python_version(),
            "pyodide": pyodide, "commit": _sh(["git", "rev-parse", "--short", "HEAD"]) or "unknown",
            "dirty": bool(_sh(["git", "status", "--porcelain", "--untracked-files=no"])),
            "load_before": " ".join(f"{x:.2f}" for x in os.getloadavg())}


def edit_plan(edits):
    """The field the benchmark types into, the first value, and the values of the edits."""
    import calculators
    fields = calculators.fields(CALC_NAME)
    f = next(x for x in fields if x["kind"] in ("integer", "number") and x.get("max", 0) - x.get("min", 0) >= edits + 20)
    default = f["default"]
    base = default + 17 if default + 17 + edits <= f["max"] else f["min"] + 1
    first = base
    values = [base + 1 + i for i in range(edits)]
    if f["kind"] == "integer":
        first, values = int(first), [int(v) for v in values]
    return f["name"], first, values


def cpython_metrics(runs):
    import calculators
    if "screening-metrics" not in calculators.names():
        return None, "screening-metrics is not registered yet (issue 6)"
    times = []
    for i in range(runs):
        text = screening_csv(50_000 - i)
        t0 = time.perf_counter()
        out = calculators.run("screening-metrics", {"csv": text})
        times.append((time.perf_counter() - t0) * 1000)
        if not out.get("ok"):
            return times, f"run() did not succeed: {out.get('errors')}"
    return times, None


def main(argv=None):
    a = options(sys.argv[1:] if argv is None else argv)
    started = time.monotonic()
    machine = machine_info()
    notes, errors, prof, rows = [], [], None, []
    pairs = {key: [] for key, _, _ in PAIRS}
    samples = {k: [] for k in (
        "build_s", "fcp", "naive_fcp", "naive_result", "naive_result_warm", "engine_cold", "engine_focus", "engine_warm",
        "recompute", "blocking", "tbt", "naive_blocking", "naive_tbt", "longtasks", "naive_longtasks", "guide_bytes", "guide_engine_bytes",
        "naive_guide_bytes", "naive_guide_engine_bytes", "calc_bytes_before", "calc_engine_bytes_before",
        "calc_bytes_after", "naive_calc_bytes", "metrics_cpython", "metrics_browser", "warm_engine_bytes",
        "warm_lazy_compiles", "naive_warm_lazy_compiles")}
    raw = {"ours_cold": [], "ours_focus": [], "ours_warm": [], "naive_cold": [], "naive_warm": [], "guide": [], "naive_guide": []}
    print(f"benchmarks: {a.runs} runs, {a.edits} edits per recompute run; machine: {machine['cpu']}, "
          f"{machine['cores']} cores, load {machine['load_before']}", flush=True)

    with tempfile.TemporaryDirectory(prefix="hhg-bench-") as tmp:
        tmp = Path(tmp)
        site = tmp / "site"
        port = free_port()
        base = f"http://127.0.0.1:{port}{SUBPATH}"
        # mkdocs build wall time: the build we serve, plus up to two more into scratch folders.
        for i in range(min(a.runs, 3)):
            secs, proc = timed_build(site if i == 0 else tmp / f"site-{i}", base)
            if proc.returncode != 0:
                print(proc.stdout[-3000:], proc.stderr[-3000:], sep="\n")
                print("benchmarks: the strict build failed; nothing to measure.")
                return 0
            samples["build_s"].append(secs)
            print(f"  build {i + 1}: {secs:.2f} s", flush=True)

        engine = find_engine(site)
        if engine is None or engine.get("lock") is None:
            why = "no engine in the built site" if engine is None else "no lock file with calculators in the engine folder"
            engine = prepare_fallback_engine(site)
            notes.append(f"Baseline engine: {why}, so the benchmark prepared node_modules/pyodide and a "
                         "calculators wheel itself under _bench/engine/.")
        site_engine = find_engine(site)
        prefixes = sorted({engine["dir"]} | ({site_engine["dir"]} if site_engine else set()))
        how = write_naive_pages(site, engine, CALC_PAGE, GUIDE_PAGE, CALC_NAME)
        print(f"  engine: {engine}\n  baseline: {how['calc']}", flush=True)

        server = Server(site, port).start()
        field, first_value, edit_values = edit_plan(a.edits)
        try:
            times, why = cpython_metrics(a.runs)
            samples["metrics_cpython"] = times or []
            if why:
                notes.append(f"50,000-row analysis: {why}.")
            from playwright.sync_api import sync_playwright
            with sync_playwright() as p:
                browser = measure.launch(p)
                machine["chromium"] = f"Chromium {browser.version}"
                for r in range(a.runs):
                    order = ["naive", "ours", "guide", "naive_guide", "ours_focus"]
                    if r % 2:
                        order = ["ours_focus", "ours", "naive", "naive_guide", "guide"]
                    this_run = {}
                    for what in order:
                        try:
                            if what == "naive":
                                m = measure.naive_cold(browser, server, base + "_bench/naive/", prefixes)
                                raw["naive_cold"].append(m)
                                if "error" not in m:
                                    samples["naive_fcp"].append(m["fcp_ms"])
                                    samples["naive_result"].append(m["result_ms"])
                                    samples["naive_blocking"].append(m.get("blocking_ms"))
                                    samples["naive_tbt"].append(m.get("blocking_tbt_ms"))
                                    samples["naive_longtasks"].append(m["long_tasks_ms"])
                                    samples["naive_calc_bytes"].append(m["bytes"])
                            elif what == "ours":
                                m = measure.calc_cold(browser, server, base + CALC_PAGE, prefixes, field,
                                                      first_value, edit_values)
                                raw["ours_cold"].append(m)
                                samples["fcp"].append(m.get("fcp_ms"))
                                samples["calc_bytes_before"].append(m["before_input"]["bytes"])
                                samples["calc_engine_bytes_before"].append(m["before_input"]["engine_bytes"])
                                if "engine_start_ms" in m:
                                    samples["engine_cold"].append(m["engine_start_ms"])
                                    samples["blocking"].append(m.get("blocking_ms"))
                                    samples["tbt"].append(m.get("blocking_tbt_ms"))
                                    samples["longtasks"].append(m["long_tasks_ms"])
                                    samples["calc_bytes_after"].append(m["after_engine"]["bytes"])
                                    samples["recompute"] += m.get("recompute_ms", [])
                            elif what == "ours_focus":
                                m = measure.calc_cold(browser, server, base + CALC_PAGE, prefixes, field,
                                                      first_value, None, lead_ms=FOCUS_LEAD_MS)
                                raw["ours_focus"].append(m)
                                if "engine_start_ms" in m:
                                    samples["engine_focus"].append(m["engine_start_ms"])
                            elif what == "guide":
                                m = measure.plain_page(browser, server, base + GUIDE_PAGE, prefixes)
                                raw["guide"].append(m)
                                samples["guide_bytes"].append(m["bytes"])
                                samples["guide_engine_bytes"].append(m["engine_bytes"])
                            else:
                                m = measure.naive_cold(browser, server, base + "_bench/naive-guide/", prefixes)
                                raw["naive_guide"].append(m)
                                if "error" not in m:
                                    samples["naive_guide_bytes"].append(m["bytes"])
                                    samples["naive_guide_engine_bytes"].append(m["engine_bytes"])
                            this_run[what] = m
                            if m.get("error"):
                                errors.append(f"run {r + 1} {what}: {m['error']}")
                        except Exception as exc:  # noqa: BLE001 - report and go on
                            errors.append(f"run {r + 1} {what}: {exc.__class__.__name__}: {str(exc)[:300]}")
                    # Ours and the baseline measured back to back: per-run ratios resist the load drift
                    # of a shared machine better than a ratio of medians.
                    o, n = this_run.get("ours") or {}, this_run.get("naive") or {}
                    for key, ours_key, naive_key in PAIRS:
                        if o.get(ours_key) is not None and n.get(naive_key):
                            pairs[key].append(o[ours_key] / n[naive_key])
                    print(f"  run {r + 1}/{a.runs} done ({time.monotonic() - started:.0f} s)", flush=True)
                browser.close()
                warm(p, server, base, prefixes, field, first_value, a.runs, samples, raw, errors)
                metrics_browser(p, server, base, a.runs, samples, raw, errors)
                rows = build_rows(samples, pairs)
                missed = [r["metric"] for r in rows if r["verdict"] == "missed" and r["unit"] == "ms"]
                if a.profile or (missed and not a.no_profile_on_miss):
                    print(f"\nprofiling one cold visit (missed: {missed or 'none'})", flush=True)
                    try:
                        from .profile import profile
                        prof = profile(p, server, base, prefixes, field, first_value, CALC_PAGE)
                    except Exception as exc:  # noqa: BLE001
                        errors.append(f"profile: {exc.__class__.__name__}: {str(exc)[:300]}")
        finally:
            server.stop()

    phases = {}
    for kind in ("ours_cold", "ours_warm"):
        ts = [m.get("engine_timings") or {} for m in raw[kind]]
        keys = sorted({k for t in ts for k in (t.get("phases") or {})}, key=lambda k: min(
            (t["phases"][k] for t in ts if k in (t.get("phases") or {})), default=0))
        phases[kind] = {k: report.summary([(t.get("phases") or {}).get(k) for t in ts])["median"] for k in keys}
        phases[kind]["ready (worker)"] = report.summary([t.get("workerMs") for t in ts])["median"]
        if any(phases[kind].values()):
            print(f"worker start-up phases, {kind.replace('ours_', '')} (median ms since the worker began): "
                  + ", ".join(f"{k} {v:.0f}" for k, v in phases[kind].items() if v is not None))
    machine.setdefault("chromium", "Chromium (did not start)")
    machine["load_after"] = " ".join(f"{x:.2f}" for x in os.getloadavg())
    machine["seconds"] = round(time.monotonic() - started, 1)
    notes += [
        f"Baseline: {how['calc']}; its guide-page twin is a {how['guide']}.",
        "Bytes are response bodies as served by the local server (uncompressed; GitHub Pages gzips text), "
        "workers included; engine bytes are the Pyodide runtime, lock, wheel and worker.",
        f"Engine start: the first event is an input event on `{field}` with no focus before it (no head start).",
        "Ratios of the first visible result, cold engine start and blocking are medians of per-run ratios "
        "(ours and the baseline measured back to back); the other ratios divide the medians.",
    ]
    print()
    print(report.text_table(rows))
    for n in notes:
        print("note:", n)
    for e in errors:
        print("error:", e)
    print(f"\nmachine: {machine}")
    out = {"machine": machine, "options": {"runs": a.runs, "edits": a.edits}, "engine": engine,
           "baseline": how, "rows": rows, "paired_ratios": pairs, "worker_phases": phases,
           "profile": {k: {"trace": v["trace"], "summary": v["summary"]} for k, v in (prof or {}).items()}, "samples": samples, "raw": raw, "notes": notes, "errors": errors}
    path = Path(a.output)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(out, indent=1, default=str) + "\n", encoding="utf-8")
    print(f"written: {path}")
    if a.readme:
        ok = report.update_readme(ROOT / "README.md", report.readme_section(rows, machine, notes))
        print("README.md Performance section", "updated" if ok else "NOT found")
    return 0


def warm(p, server, base, prefixes, field, first_value, runs, samples, raw, errors):
    """Same profile (persistent context: HTTP cache and any service worker survive), reload."""
    with tempfile.TemporaryDirectory(prefix="hhg-bench-profile-") as profile:
        ctx = p.chromium.launch_persistent_context(profile, executable_path=measure.CHROMIUM,
                                                   args=measure.CHROMIUM_ARGS, headless=True)
        ctx.add_init_script(measure.INIT_JS)
        try:
            page = ctx.new_page()
            prime = measure.calc_page(page, server, base + CALC_PAGE, prefixes, field, first_value, None)
            if prime.get("error"):
                errors.append(f"warm priming: {prime['error']}")
                return
            naive = ctx.new_page()
            measure.naive_page(naive, server, base + "_bench/naive/", prefixes)
            for r in range(runs):
                try:
                    # A return visit to the plain URL (a reload would keep the scenario in the query,
                    # which restores and computes it at load, before any input).
                    last = r == runs - 1  # trace the last return visit: is V8's wasm code cache used?
                    trace = measure.CdpTrace(ctx, page, measure.WASM_CATEGORIES) if last else None
                    m = measure.calc_page(page, server, base + CALC_PAGE, prefixes, field, first_value + r + 1,
                                          None)
                    if trace:
                        m.update(measure.wasm_cache_use(trace.stop()))
                        samples["warm_lazy_compiles"].append(m["wasm_lazy_compiles"])
                    raw["ours_warm"].append(m)
                    if "engine_start_ms" in m:
                        samples["engine_warm"].append(m["engine_start_ms"])
                        samples["warm_engine_bytes"].append(m["after_engine"]["engine_bytes"])
                    else:
                        errors.append(f"warm run {r + 1}: {m.get('error')}")
                    trace = measure.CdpTrace(ctx, naive, measure.WASM_CATEGORIES) if last else None
                    n = measure.naive_page(naive, server, base + "_bench/naive/", prefixes)
                    if trace:
                        n.update(measure.wasm_cache_use(trace.stop()))
                        samples["naive_warm_lazy_compiles"].append(n["wasm_lazy_compiles"])
                    raw["naive_warm"].append(n)
                    if "error" not in n:
                        samples["naive_result_warm"].append(n["result_ms"])
                except Exception as exc:  # noqa: BLE001
                    errors.append(f"warm run {r + 1}: {exc.__class__.__name__}: {str(exc)[:300]}")
        finally:
            ctx.close()


def metrics_browser(p, server, base, runs, samples, raw, errors):
    import calculators
    if "screening-metrics" not in calculators.names():
        return
    browser = measure.launch(p)
    try:
        ctx = measure.new_context(browser)
        texts = [screening_csv(50_000 - i) for i in range(runs)]
        m = measure.metrics_file(ctx.new_page(), server, base + METRICS_PAGE, texts)
        raw["metrics_browser"] = m
        samples["metrics_browser"] = m.get("ms", [])
        if m.get("error"):
            errors.append(f"screening-metrics in the browser: {m['error']}")
    except Exception as exc:  # noqa: BLE001
        errors.append(f"screening-metrics in the browser: {exc.__class__.__name__}: {str(exc)[:300]}")
        traceback.print_exc()
    finally:
        browser.close()


def _row(metric, unit, ours, baseline=None, budget="", check=None, paired=None):
    """One table row; the ratio is the median of per-run ratios when ``paired`` has them, else
    the ratio of the medians."""
    s = report.summary(ours)
    b = report.summary(baseline)["median"] if baseline is not None else None
    ratio = s["median"] / b if (b and s["median"] is not None) else None
    if paired:
        ratio = report.summary(paired)["median"]
    verdict = "info"
    if check is not None:
        verdict = "n/a" if s["median"] is None else ("met" if check(s, ratio) else "missed")
    return {"metric": metric, "unit": unit, "ours": s, "baseline": b, "ratio": ratio, "budget": budget,
            "verdict": verdict}


def build_rows(s, pairs):
    def ratio_le(limit):
        return lambda st, r: r is not None and r <= limit

    return [
        _row("first visible result, calculator page (ours: FCP, pre-rendered; baseline: result written)", "ms",
             s["fcp"], s["naive_result"], "<= 0.3x", ratio_le(0.3), pairs["first_visible"]),
        _row("first contentful paint, calculator page", "ms", s["fcp"], s["naive_fcp"]),
        _row("engine start, cold: first input -> live result (baseline: load -> result)", "ms",
             s["engine_cold"], s["naive_result"], "<= 1.25x", ratio_le(1.25), pairs["engine_cold"]),
        _row(f"engine start, cold, field focused {FOCUS_LEAD_MS} ms before the first input: input -> live result",
             "ms", s["engine_focus"], s["naive_result"]),
        _row("engine start, warm: reload, same profile (baseline: reload -> result)", "ms",
             s["engine_warm"], s["naive_result_warm"]),
        _row("wasm functions compiled lazily on a warm visit (few when V8's code cache is used)", "n",
             s["warm_lazy_compiles"], s["naive_warm_lazy_compiles"]),
        _row("recompute: input event -> updated text (all edits of all runs)", "ms", s["recompute"], None,
             "median <= 20 ms, p95 <= 50 ms",
             lambda st, r: st["median"] <= 20 and st["p95"] <= 50),
        _row("main-thread blocking, navigation -> engine ready (traced main-thread tasks > 50 ms, total)", "ms",
             s["blocking"], s["naive_blocking"], "<= 0.1x or < 100 ms",
             lambda st, r: st["median"] < 100 or (r is not None and r <= 0.1), pairs["blocking"]),
        _row("total blocking time (time over 50 ms of those tasks), same window", "ms", s["tbt"], s["naive_tbt"]),
        _row("same window, Long Tasks API (PerformanceObserver) total", "ms", s["longtasks"], s["naive_longtasks"]),
        _row("engine bytes, guide page (basics/formats/)", "B", s["guide_engine_bytes"],
             s["naive_guide_engine_bytes"], "0 B", lambda st, r: st["max"] == 0),
        _row("all bytes, guide page", "B", s["guide_bytes"], s["naive_guide_bytes"]),
        _row("all bytes, calculator page before any input", "B", s["calc_bytes_before"], s["naive_calc_bytes"]),
        _row("engine bytes, calculator page before any input", "B", s["calc_engine_bytes_before"]),
        _row("all bytes, calculator page after the engine started", "B", s["calc_bytes_after"],
             s["naive_calc_bytes"]),
        _row("engine bytes on a warm reload (same profile)", "B", s["warm_engine_bytes"]),
        _row("mkdocs build --strict, wall time", "s", s["build_s"], None, "<= 5 s",
             lambda st, r: st["median"] <= 5),
        _row("50,000-row screening-metrics analysis, CPython", "ms", s["metrics_cpython"], None, "<= 2 s",
             lambda st, r: st["median"] <= 2000),
        _row("50,000-row screening-metrics analysis, browser (engine started)", "ms", s["metrics_browser"], None,
             "<= 3 s", lambda st, r: st["median"] <= 3000),
    ]
