"""Build, serve and instrument the site for the benchmark; write the naive baseline pages."""
import functools
import html.parser
import http.server
import json
import os
import re
import shutil
import subprocess
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT))

from conftest import CHROMIUM, CHROMIUM_ARGS, SUBPATH, SubpathHandler, build_site, free_port  # noqa: E402

__all__ = ["CHROMIUM", "CHROMIUM_ARGS", "SUBPATH", "build_site", "free_port", "ROOT", "Server",
           "find_engine", "prepare_fallback_engine", "write_naive_pages", "timed_build"]

BENCH_DIR = "_bench"
# The core runtime files Pyodide needs (no source maps, typings or console pages).
PYODIDE_CORE = ("pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm", "python_stdlib.zip", "pyodide-lock.json")


def timed_build(dest, site_url):
    """Strict build into ``dest``: (seconds of wall time, completed process)."""
    t0 = time.perf_counter()
    proc = build_site(dest, site_url)
    return time.perf_counter() - t0, proc


class Server:
    """The built site under SUBPATH, like GitHub Pages (404 page, ``Cache-Control: max-age=600``),
    logging every response with its body size: the bytes a page costs, workers included."""

    def __init__(self, directory, port=None):
        self.directory = Path(directory)
        self.port = port or free_port()
        self.base = f"http://127.0.0.1:{self.port}{SUBPATH}"
        self.log = []
        self.lock = threading.Lock()
        outer = self

        class Handler(SubpathHandler):
            def end_headers(self):
                self.send_header("Cache-Control", "max-age=600")
                super().end_headers()

            def send_response(self, code, message=None):
                self._bench_code = code
                super().send_response(code, message)

            def copyfile(self, source, outputfile):
                start = source.tell()
                super().copyfile(source, outputfile)
                outer._record(self.path, getattr(self, "_bench_code", 200), source.tell() - start)

            def send_error(self, code, message=None, explain=None):
                super().send_error(code, message, explain)
                outer._record(self.path, code, 0)

            def do_GET(self):
                super().do_GET()
                if getattr(self, "_bench_code", 200) == 304:
                    outer._record(self.path, 304, 0)

        self.httpd = http.server.ThreadingHTTPServer(
            ("127.0.0.1", self.port), functools.partial(Handler, directory=str(self.directory)))
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    def _record(self, path, code, size):
        with self.lock:
            self.log.append({"t": time.monotonic(), "path": path.split("?")[0], "status": code, "bytes": size})

    def start(self):
        self.thread.start()
        return self

    def stop(self):
        self.httpd.shutdown()
        self.httpd.server_close()

    def mark(self):
        with self.lock:
            return len(self.log)

    def since(self, mark):
        with self.lock:
            return list(self.log[mark:])

    def wait_quiet(self, quiet=0.5, timeout=15.0):
        """Wait until no response has been logged for ``quiet`` seconds."""
        end = time.monotonic() + timeout
        while time.monotonic() < end:
            with self.lock:
                last = self.log[-1]["t"] if self.log else 0
            if time.monotonic() - last >= quiet:
                return
            time.sleep(0.05)


def is_engine_path(path, engine_prefixes):
    """Engine bytes: the versioned engine folder(s), any wasm/wheel/Pyodide file, the worker script."""
    rel = path[len(SUBPATH):] if path.startswith(SUBPATH) else path
    name = rel.rsplit("/", 1)[-1]
    return (any(rel.startswith(p) for p in engine_prefixes) or name.endswith((".wasm", ".whl"))
            or name.startswith(("pyodide", "python_stdlib")) or "engine-worker" in name)


def find_engine(site):
    """The engine the build hook put into the site: {"dir", "lock", "wheel"} relative to the site,
    or None while there is none."""
    site = Path(site)
    for mjs in sorted(site.rglob("pyodide.mjs")):
        rel = mjs.parent.relative_to(site).as_posix()
        if rel.startswith(BENCH_DIR):
            continue
        lock, wheel = None, None
        for cand in sorted(mjs.parent.rglob("*.json")) + sorted(site.rglob("*lock*.json")):
            try:
                data = json.loads(cand.read_text(encoding="utf-8"))
            except (OSError, ValueError):
                continue
            pkg = (data.get("packages") or {}).get("calculators") if isinstance(data, dict) else None
            if pkg:
                lock = cand.relative_to(site).as_posix()
                wheel = (cand.parent / pkg["file_name"]).resolve()
                wheel = wheel.relative_to(site.resolve()).as_posix() if wheel.exists() else None
                break
        return {"dir": rel + "/", "lock": lock, "wheel": wheel, "source": "site"}
    return None


def prepare_fallback_engine(site):
    """Until the build hook exists: the same runtime from node_modules/pyodide and a wheel of the
    calculators package added to a copy of Pyodide's lock file, under _bench/engine/."""
    dest = Path(site) / BENCH_DIR / "engine"
    dest.mkdir(parents=True, exist_ok=True)
    for name in PYODIDE_CORE:
        shutil.copy2(ROOT / "node_modules" / "pyodide" / name, dest / name)
    tmp = Path(site).parent / "bench-wheel-src"
    shutil.rmtree(tmp, ignore_errors=True)
    tmp.mkdir()
    shutil.copy2(ROOT / "pyproject.toml", tmp / "pyproject.toml")
    shutil.copytree(ROOT / "calculators", tmp / "calculators", ignore=shutil.ignore_patterns("__pycache__"))
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q",
                    "-w", str(dest), str(tmp)], check=True, capture_output=True)
    wheel = next(dest.glob("calculators-*.whl"))
    pyodide_cli = Path(sys.executable).parent / "pyodide"
    subprocess.run([str(pyodide_cli), "lockfile", "add-wheels", "--input", str(dest / "pyodide-lock.json"),
                    "--output", str(dest / "calculators-lock.json"), "--base-path", str(dest), str(wheel)],
                   check=True, capture_output=True, cwd=dest)
    return {"dir": f"{BENCH_DIR}/engine/", "lock": f"{BENCH_DIR}/engine/calculators-lock.json",
            "wheel": f"{BENCH_DIR}/engine/{wheel.name}", "source": "fallback (node_modules/pyodide)"}


class _ElementRange(html.parser.HTMLParser):
    """Finds the source offsets of the inner HTML of the first element having attribute ``attr``."""
    VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}

    def __init__(self, text, attr):
        super().__init__(convert_charrefs=True)
        self.attr, self.depth, self.start, self.end = attr, 0, None, None
        self.lines = [0]
        for line in text.splitlines(keepends=True):
            self.lines.append(self.lines[-1] + len(line))
        self.feed(text)

    def _offset(self):
        line, col = self.getpos()
        return self.lines[line - 1] + col

    def handle_starttag(self, tag, attrs):
        if self.end is not None or tag in self.VOID:
            return
        if self.start is None:
            if any(k == self.attr for k, _ in attrs):
                self.start = self._offset() + len(self.get_starttag_text())
                self.depth = 1
        else:
            self.depth += 1

    def handle_endtag(self, tag):
        if self.start is None or self.end is not None or tag in self.VOID:
            return
        self.depth -= 1
        if self.depth == 0:
            self.end = self._offset()


NAIVE_JS = """\
// The usual way a MkDocs page embeds Pyodide: load it eagerly on the main thread at page load.
// Written by benchmarks/site.py; not part of the site.
import {{ loadPyodide }} from "{engine}pyodide.mjs";

const mark = (name) => {{ (window.__naive ||= {{}})[name] = performance.now(); }};
mark("start");
const pyodide = await loadPyodide({{ lockFileURL: new URL("{lock}", import.meta.url).href }});
mark("pyodide");
await pyodide.loadPackage("calculators");
mark("package");
const target = document.querySelector("[data-naive-results]");
if (target) {{
  const calculators = pyodide.pyimport("calculators");
  const params = pyodide.toPy({{}});
  const out = calculators.run("{calculator}", params);
  target.innerHTML = out.get("html");
  out.destroy(); params.destroy();
  mark("result");
}}
mark("done");
"""

MINIMAL_PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>Naive Pyodide embedding</title></head>
<body><main><h1>Screening overhead</h1>
<p>The usual way: the calculator loads Pyodide on the main thread as soon as the page opens.</p>
<div data-naive-results><p>Loading the calculator&hellip;</p></div></main>
<script type="module" src="../naive.mjs"></script></body></html>
"""


def _derive(page_html, with_results):
    """A copy of one of our pages the naive way: no CSP meta, no controller of ours, the
    pre-rendered results replaced by a loading line, and the eager script at the end of the body."""
    text = re.sub(r'<meta[^>]+http-equiv="?Content-Security-Policy"?[^>]*>', "", page_html, flags=re.I)
    text = re.sub(r'<script[^>]*src="[^"]*(calculator|engine)[^"]*"[^>]*>\s*</script>', "", text, flags=re.I)
    text = re.sub(r'<link[^>]*rel="?modulepreload"?[^>]*>', "", text, flags=re.I)
    if with_results:
        rng = _ElementRange(text, "data-results")
        if rng.start is None or rng.end is None:
            return None
        text = (text[:rng.start - 1] + " data-naive-results>" + "<p>Loading the calculator&hellip;</p>"
                + text[rng.end:])
        text = re.sub(r"\sdata-calculator=", " data-naive-calculator=", text)
    return text.replace("</body>", '<script type="module" src="../naive.mjs"></script>\n</body>', 1)


def write_naive_pages(site, engine, calc_page, guide_page, calculator="screening-overhead"):
    """Write _bench/naive.mjs, _bench/naive/ (calculator page) and _bench/naive-guide/ (guide page
    with the same site-wide eager script, as extra_javascript would put on every page).
    Returns {"calc": how the calculator page was made, "guide": ...}."""
    site = Path(site)
    bench = site / BENCH_DIR
    (bench / "naive").mkdir(parents=True, exist_ok=True)
    (bench / "naive-guide").mkdir(parents=True, exist_ok=True)
    # naive.mjs sits in _bench/; URLs relative to it.
    engine_rel = "../" + engine["dir"]
    lock_rel = "../" + engine["lock"]
    (bench / "naive.mjs").write_text(NAIVE_JS.format(engine=engine_rel, lock=lock_rel, calculator=calculator),
                                     encoding="utf-8")
    how = {}
    calc_src = site / calc_page / "index.html"
    derived = _derive(calc_src.read_text(encoding="utf-8"), True) if calc_src.exists() else None
    if derived is None:
        derived, how["calc"] = MINIMAL_PAGE, "minimal page (the calculator page has no widget yet)"
    else:
        how["calc"] = f"copy of {calc_page} with eager Pyodide instead of pre-rendered results"
    (bench / "naive" / "index.html").write_text(derived, encoding="utf-8")
    guide_src = site / guide_page / "index.html"
    derived = _derive(guide_src.read_text(encoding="utf-8"), False)
    how["guide"] = f"copy of {guide_page} with the same site-wide eager script"
    (bench / "naive-guide" / "index.html").write_text(derived, encoding="utf-8")
    return how


def screening_csv(rows=50_000, seed=7):
    """A deterministic screening-metrics CSV of ``rows`` candidates (some messy on purpose)."""
    import datetime as dt
    import random
    rnd = random.Random(seed)
    start = dt.datetime(2026, 1, 5, 9, 0)
    roles = ("Cashier", "Shift lead", "Warehouse associate", "Support agent")
    out = ["candidate_id,role,format,invited_at,completed_at,reviewed_at,decided_at"]
    fmt = "%Y-%m-%dT%H:%M"
    for i in range(rows):
        inv = start + dt.timedelta(minutes=rnd.randrange(0, 60 * 24 * 300))
        cells = [f"C-{100000 + i}", rnd.choice(roles), rnd.choice(("async", "live")), inv.strftime(fmt), "", "", ""]
        if rnd.random() < 0.75:
            comp = inv + dt.timedelta(minutes=rnd.randrange(10, 60 * 24 * 5))
            cells[4] = comp.strftime(fmt)
            if rnd.random() < 0.85:
                rev = comp + dt.timedelta(minutes=rnd.randrange(5, 60 * 24 * 4))
                cells[5] = rev.strftime(fmt)
                if rnd.random() < 0.8:
                    cells[6] = (rev + dt.timedelta(minutes=rnd.randrange(30, 60 * 24 * 6))).strftime(fmt)
        if i % 997 == 0:
            cells[3] = "n/a"
        out.append(",".join(cells))
    return "\n".join(out) + "\n"
