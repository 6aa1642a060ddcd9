"""`make bench`: the performance budget of DESIGN.md, measured side by side with a naive page.

Run as ``python -m benchmarks`` (``make bench``). It builds the site into a temporary folder with
SITE_URL pointing at a local server that it starts (served under /hybrid-hiring-guide/ with
GitHub Pages' ``Cache-Control: max-age=600``), writes a baseline page of its own into the served
tree (``_bench/naive/``: the same calculator page, but the same local Pyodide files loaded eagerly
on the main thread at page load, the usual way a MkDocs site embeds Pyodide), drives Debian's
headless Chromium through Playwright over several runs and prints a table: median, p95, runs,
baseline, ratio, budget, met or missed. The figures go to ``benchmarks/results/latest.json``.

It always exits 0: a benchmark measures, tests check.

How each figure is taken (measure.py):
- first visible result: ours is the first contentful paint (the figures are pre-rendered in the
  HTML); the baseline's is the moment its script writes the result into the page.
- engine start: an input event on a field of a widget that has not started (no focus before it),
  to the moment the results text has changed and ``data-state`` is ``ready`` (MutationObserver,
  ``performance.now()``); cold in a fresh browser context, warm in a persistent profile (HTTP cache,
  V8 code cache and any service worker kept) on a return visit. Also: the same with the field
  focused a second before the input, as a reader does.
- recompute: one edit at a time, input event to changed results text, 60 edits per run.
- main-thread blocking: a light DevTools trace of each cold visit; the renderer main thread's
  tasks over 50 ms from navigation until ready (the baseline: until its result). The Long Tasks API
  is reported beside it but misses Pyodide's start-up, which runs in microtask checkpoints outside
  scheduler tasks.
- bytes: response bodies as the local server sent them, workers included.
- ratios: for the first visible result, cold start and blocking, the median of per-run ratios
  (ours and the baseline measured back to back, which resists the load drift of a shared machine).

Options (environment variables, or the same names as ``--runs N`` etc.):
    RUNS=5             browser runs per metric (``make bench RUNS=3``)
    BENCH_EDITS=60     edits measured per recompute run (at least 50)
    BENCH_README=1     also replace the table in README.md's "Performance" section
    BENCH_PROFILE=1    record a Chromium trace of one cold engine start and summarise the long
                       tasks in it (also done automatically when a time budget is missed)
"""
