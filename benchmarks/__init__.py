"""`make bench`: the performance budget of DESIGN.md, measured side by side with a naive page.

Run as ``python -m benchmarks`` (``make bench``). It builds the site into a temporary folder with
SITE_URL pointing at a local server that it starts (served under /hybrid-hiring-guide/ with
GitHub Pages' ``Cache-Control: max-age=600``), writes a baseline page of its own into the served
tree (``_bench/naive/``: the same calculator page, but the same local Pyodide files loaded eagerly
on the main thread at page load, the usual way a MkDocs site embeds Pyodide), drives Debian's
headless Chromium through Playwright over several runs and prints a table: median, p95, runs,
baseline, ratio, budget, met or missed. The figures go to ``benchmarks/results/latest.json``.

It always exits 0: a benchmark measures, tests check.

Options (environment variables, or the same names as ``--runs N`` etc.):
    RUNS=5             browser runs per metric (``make bench RUNS=3``)
    BENCH_EDITS=60     edits measured per recompute run (at least 50)
    BENCH_README=1     also replace the table in README.md's "Performance" section
    BENCH_PROFILE=1    record a Chromium trace of one cold engine start and summarise the long
                       tasks in it (also done automatically when a time budget is missed)
"""
