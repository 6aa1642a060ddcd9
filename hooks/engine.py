"""Build hook: the browser engine for the calculators, and the Content-Security-Policy.

At build time this hook
1. builds the ``calculators`` wheel from pyproject.toml with the standard tool
   (``python -m build --wheel --no-isolation``, setuptools pinned in requirements.txt), in a
   temporary copy so that parallel builds never write into the source tree;
2. runs pyodide-build's ``pyodide lockfile add-wheels`` on a copy of
   ``node_modules/pyodide/pyodide-lock.json`` so that the lock lists the wheel with its sha256
   (Pyodide checks it on load), then keeps only the packages this site ships;
3. puts the wheel, that lock, the worker (docs/assets/engine-worker.js) and only the Pyodide runtime
   files the worker needs under ``assets/engine/<version>/`` in the built site, where <version> is a
   hash of every input, so a short HTTP cache can never mix two builds;
4. measures the download (raw and gzip) for the widget's "downloads about N MB once" line and hands
   version and sizes to the widget macro (macros.widgets.ENGINE);
5. writes a Content-Security-Policy <meta> into every page with the sha256 of every inline script
   the site uses (union over all pages, because Material's instant navigation keeps the first page's
   policy while it swaps in other pages).

The expensive part (wheel + lock + gzip sizes) is cached in build/engine/<version>/ (git-ignored).
To upgrade Pyodide see CONTRIBUTING.md ("How to upgrade Pyodide").
"""
import base64
import hashlib
import json
import logging
import os
import re
import shutil
import subprocess
import sys
import tempfile
import zlib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYODIDE = ROOT / "node_modules" / "pyodide"
WORKER = ROOT / "docs" / "assets" / "engine-worker.js"
CACHE = ROOT / "build" / "engine"
# The runtime files the module worker needs; nothing else from the npm package is published.
RUNTIME = ("pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm", "python_stdlib.zip")
PACKAGE = "calculators"
WORKER_NAME = "engine-worker.js"
LOCK_NAME = "pyodide-lock.json"
CSP_MARK = "<!--hhg-csp-->"

log = logging.getLogger("mkdocs.hooks.engine")
STATE: dict = {}


def _version():
    """A short hash of every input of the engine directory."""
    h = hashlib.sha256()
    inputs = [ROOT / "pyproject.toml", WORKER, Path(__file__), PYODIDE / "package.json", PYODIDE / LOCK_NAME]
    inputs += sorted((ROOT / PACKAGE).glob("*.py"))
    for p in inputs:
        h.update(str(p.relative_to(ROOT)).encode() + b"\0")
        h.update(p.read_bytes() if p.exists() else b"<missing>")
        h.update(b"\0")
    return h.hexdigest()[:12]


def _run(cmd, cwd):
    proc = subprocess.run(cmd, cwd=cwd, capture_output=True, text=True,
                          env=dict(os.environ, SOURCE_DATE_EPOCH="315532800", PYTHONDONTWRITEBYTECODE="1"))
    if proc.returncode != 0:
        raise RuntimeError(f"engine hook: {' '.join(map(str, cmd))} failed:\n{proc.stdout}\n{proc.stderr}")
    return proc


def _pyodide_cli():
    exe = Path(sys.executable).with_name("pyodide")
    return [str(exe)] if exe.exists() else [sys.executable, "-m", "pyodide_cli"]


def _build_cache(version):
    """Build wheel + lock for ``version`` into CACHE/<version> (atomically); return that folder."""
    dest = CACHE / version
    if (dest / "meta.json").exists():
        return dest
    CACHE.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="engine-", dir=CACHE) as tmp:
        tmp = Path(tmp)
        src = tmp / "src"
        src.mkdir()
        shutil.copy2(ROOT / "pyproject.toml", src / "pyproject.toml")
        shutil.copytree(ROOT / PACKAGE, src / PACKAGE, ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
        out = tmp / "out"
        out.mkdir()
        _run([sys.executable, "-m", "build", "--wheel", "--no-isolation", "--outdir", str(out), str(src)], tmp)
        wheels = list(out.glob(f"{PACKAGE}-*-py3-none-any.whl"))
        if len(wheels) != 1:
            raise RuntimeError(f"engine hook: expected one pure-Python wheel, got {wheels}")
        wheel = wheels[0]
        _run(_pyodide_cli() + ["lockfile", "add-wheels", "--input", str(PYODIDE / LOCK_NAME),
                               "--output", str(out / LOCK_NAME), str(wheel)], tmp)
        lock = json.loads((out / LOCK_NAME).read_text(encoding="utf-8"))
        keep, todo = set(), [PACKAGE]
        while todo:  # the wheel and whatever it depends on (nothing today: standard library only)
            name = todo.pop()
            if name not in keep:
                keep.add(name)
                todo += lock["packages"][name].get("depends", [])
        entry = lock["packages"][PACKAGE]
        if entry["sha256"] != hashlib.sha256(wheel.read_bytes()).hexdigest() or entry["file_name"] != wheel.name:
            raise RuntimeError("engine hook: the lock file does not describe the wheel that was built")
        lock["packages"] = {k: v for k, v in lock["packages"].items() if k in keep}
        files = tmp / "files"
        files.mkdir()
        shutil.copy2(wheel, files / wheel.name)
        (files / LOCK_NAME).write_text(json.dumps(lock, indent=1, sort_keys=True) + "\n", encoding="utf-8")
        sizes = {}
        for p in [PYODIDE / f for f in RUNTIME] + [files / wheel.name, files / LOCK_NAME]:
            data = p.read_bytes()
            sizes[p.name] = {"bytes": len(data), "gzip": len(zlib.compress(data, 6))}
        meta = {"version": version, "wheel": wheel.name, "sha256": entry["sha256"], "sizes": sizes}
        (files / "meta.json").write_text(json.dumps(meta, indent=1) + "\n", encoding="utf-8")
        try:
            files.rename(dest)
        except OSError:  # a parallel build got there first
            if not (dest / "meta.json").exists():
                raise
    for old in CACHE.iterdir():  # keep the cache small: the last few versions
        if old.is_dir() and old.name != version and not old.name.startswith("engine-"):
            if (old / "meta.json").exists() and old.stat().st_mtime < dest.stat().st_mtime - 3600:
                shutil.rmtree(old, ignore_errors=True)
    return dest


def engine_info():
    """Build (or reuse) the engine files; return {"version", "dir", "bytes", "gzip_bytes", ...}."""
    missing = [name for name in RUNTIME + (LOCK_NAME, "package.json") if not (PYODIDE / name).exists()]
    if missing:
        raise RuntimeError(f"engine hook: {PYODIDE} lacks {', '.join(missing)}; run 'make setup' "
                           "(or 'npm ci') to install the pinned Pyodide runtime")
    version = _version()
    folder = _build_cache(version)
    meta = json.loads((folder / "meta.json").read_text(encoding="utf-8"))
    worker_size = WORKER.stat().st_size
    total = sum(s["bytes"] for s in meta["sizes"].values()) + worker_size
    gz = sum(s["gzip"] for s in meta["sizes"].values()) + len(zlib.compress(WORKER.read_bytes(), 6))
    # What the worker fetches (and so can count for the progress bar): everything but the modules.
    fetched = sum(s["bytes"] for n, s in meta["sizes"].items() if not n.endswith(".mjs"))
    return {"version": version, "dir": folder, "wheel": meta["wheel"], "sha256": meta["sha256"],
            "bytes": total, "gzip_bytes": gz, "fetch_bytes": fetched, "sizes": meta["sizes"]}


def on_config(config, **kwargs):
    if str(ROOT) not in sys.path:
        sys.path.insert(0, str(ROOT))
    info = engine_info()
    STATE.clear()
    STATE.update(info)
    from macros import widgets  # the same module object mkdocs-macros loaded
    widgets.ENGINE.clear()
    widgets.ENGINE.update({k: info[k] for k in ("version", "bytes", "gzip_bytes", "fetch_bytes")})
    log.info("engine %s: %.1f MB (%.1f MB gzip)", info["version"], info["bytes"] / 1e6, info["gzip_bytes"] / 1e6)
    return config


def on_files(files, config, **kwargs):
    """The worker is published only inside the versioned engine folder."""
    worker = files.get_file_from_path("assets/" + WORKER_NAME)
    if worker is not None:
        files.remove(worker)
    return files


def on_post_page(output, page, config, **kwargs):
    return _add_csp_mark(output)


def _add_csp_mark(html):
    if CSP_MARK in html or "<head>" not in html:
        return html
    # First thing in <head> after the charset, so the policy covers everything after it.
    m = re.search(r'<meta charset="[^"]*">', html)
    at = m.end() if m else html.index("<head>") + len("<head>")
    return html[:at] + CSP_MARK + html[at:]


INLINE_SCRIPT = re.compile(r"<script(?P<attrs>(?:\s[^>]*)?)>(?P<body>.*?)</script>", re.S | re.I)
DATA_TYPES = ("application/json", "application/ld+json", "text/template")


def inline_script_hashes(html):
    """sha256 CSP sources of every executable inline script in ``html``."""
    out = set()
    for m in INLINE_SCRIPT.finditer(html):
        attrs = m.group("attrs") or ""
        if re.search(r"\ssrc\s*=", attrs):
            continue
        t = re.search(r'\stype\s*=\s*"([^"]*)"', attrs)
        if t and t.group(1).strip().lower() in DATA_TYPES:
            continue
        digest = hashlib.sha256(m.group("body").encode("utf-8")).digest()
        out.add("'sha256-" + base64.b64encode(digest).decode() + "'")
    return out


def csp(hashes):
    """The site's policy. GitHub Pages cannot send headers, so it travels in a <meta>."""
    return "; ".join([
        "default-src 'self'",
        "script-src 'self' 'wasm-unsafe-eval' " + " ".join(sorted(hashes)),
        "worker-src 'self'",
        "connect-src 'self'",
        "font-src 'self'",
        "img-src 'self' data:",
        "style-src 'self' 'unsafe-inline'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
    ])


def on_post_build(config, **kwargs):
    site = Path(config["site_dir"])
    info = STATE or engine_info()
    # 1. the engine folder
    engine_root = site / "assets" / "engine"
    if engine_root.exists():
        for old in engine_root.iterdir():
            if old.name != info["version"]:
                shutil.rmtree(old, ignore_errors=True) if old.is_dir() else old.unlink()
    dest = engine_root / info["version"]
    dest.mkdir(parents=True, exist_ok=True)
    for name in RUNTIME:
        shutil.copyfile(PYODIDE / name, dest / name)
    for name in (info["wheel"], LOCK_NAME):
        shutil.copyfile(info["dir"] / name, dest / name)
    shutil.copyfile(WORKER, dest / WORKER_NAME)
    # 2. the CSP on every page (pages, 404 and any static template)
    pages = list(site.rglob("*.html"))
    texts = {p: p.read_text(encoding="utf-8") for p in pages}
    hashes = set()
    for text in texts.values():
        hashes |= inline_script_hashes(text)
    meta = f'<meta http-equiv="Content-Security-Policy" content="{csp(hashes)}">'
    for p, text in texts.items():
        marked = _add_csp_mark(text)
        if CSP_MARK in marked:
            p.write_text(marked.replace(CSP_MARK, meta, 1), encoding="utf-8")
