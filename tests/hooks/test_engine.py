"""The engine files the build hook puts into the site, and the Content-Security-Policy on every page."""
import base64
import hashlib
import json
import re
import zipfile

from conftest import ROOT

import calculators

RUNTIME = {"pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm", "python_stdlib.zip"}


def engine_dir(site_dir):
    folders = [p for p in (site_dir / "assets" / "engine").iterdir() if p.is_dir()]
    assert len(folders) == 1, "exactly one versioned engine folder"
    assert re.fullmatch(r"[0-9a-f]{12}", folders[0].name)
    return folders[0]


def test_engine_folder_holds_only_what_the_worker_needs(site_dir):
    folder = engine_dir(site_dir)
    names = {p.name for p in folder.iterdir()}
    wheels = {n for n in names if n.endswith(".whl")}
    assert names == RUNTIME | wheels | {"pyodide-lock.json", "engine-worker.js"}
    assert len(wheels) == 1 and next(iter(wheels)).startswith("calculators-") and "py3-none-any" in next(iter(wheels))
    for name in RUNTIME:
        assert (folder / name).read_bytes() == (ROOT / "node_modules" / "pyodide" / name).read_bytes(), name
    elsewhere = [p for p in site_dir.rglob("*") if "pyodide" in p.name and folder not in p.parents]
    assert elsewhere == [], "no Pyodide file outside the versioned folder"
    assert not (site_dir / "assets" / "engine-worker.js").exists(), "the worker lives only in the versioned folder"


def test_lock_lists_the_wheel_with_its_sha256(site_dir):
    folder = engine_dir(site_dir)
    lock = json.loads((folder / "pyodide-lock.json").read_text(encoding="utf-8"))
    original = json.loads((ROOT / "node_modules" / "pyodide" / "pyodide-lock.json").read_text(encoding="utf-8"))
    assert lock["info"] == original["info"]
    entry = lock["packages"]["calculators"]
    wheel = folder / entry["file_name"]
    assert entry["sha256"] == hashlib.sha256(wheel.read_bytes()).hexdigest()
    assert entry["imports"] == ["calculators"] and entry["depends"] == []
    assert set(lock["packages"]) == {"calculators"}, "no entries for files the site does not ship"


def test_wheel_holds_the_current_calculators_source(site_dir):
    folder = engine_dir(site_dir)
    wheel = next(folder.glob("*.whl"))
    with zipfile.ZipFile(wheel) as z:
        for path in sorted((ROOT / "calculators").glob("*.py")):
            assert z.read(f"calculators/{path.name}") == path.read_bytes(), path.name


def test_calculator_pages_point_at_the_engine_and_guide_pages_do_not(site_dir):
    version = engine_dir(site_dir).name
    for page in site_dir.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        engines = set(re.findall(r'data-engine="([^"]*)"', html))
        assert engines <= {version}, page
        if "data-calculator=" in html and "calc-missing" not in html:
            assert engines == {version}, page
            assert re.search(r"about \d+(\.\d)? MB compressed", html), page
        assert "pyodide" not in html.replace("Pyodide", ""), f"{page} names engine files directly"


def test_every_page_has_a_strict_csp_meta(site_dir):
    pages = list(site_dir.rglob("*.html"))
    assert len(pages) > 20
    for page in pages:
        html = page.read_text(encoding="utf-8")
        metas = re.findall(r'<meta http-equiv="Content-Security-Policy" content="([^"]*)">', html)
        assert len(metas) == 1, page
        policy = dict((d.split(" ", 1) + [""])[:2] for d in (x.strip() for x in metas[0].split(";")))
        script = policy["script-src"].split()
        assert "'self'" in script and "'wasm-unsafe-eval'" in script
        assert "'unsafe-eval'" not in script and "'unsafe-inline'" not in script
        assert all(s in ("'self'", "'wasm-unsafe-eval'") or s.startswith("'sha256-") for s in script)
        for d in ("worker-src", "connect-src", "font-src", "default-src"):
            assert policy[d] == "'self'", (page, d)
        # every inline script on the page is allowed by its hash
        head_start = html.index(metas[0])
        for body in re.findall(r"<script>(.*?)</script>", html, re.S):

            digest = base64.b64encode(hashlib.sha256(body.encode()).digest()).decode()
            assert f"'sha256-{digest}'" in script, page
        assert head_start < html.index("</head>")


def test_widget_is_prerendered_from_the_model(site_dir):
    html = (site_dir / "calculators" / "screening-overhead" / "index.html").read_text(encoding="utf-8")
    assert calculators.run("screening-overhead", {})["html"] in html
    for f in calculators.fields("screening-overhead"):
        assert f'name="{f["name"]}"' in html, f["name"]
    assert 'data-state="static"' in html and "data-results" in html
