"""Shared fixtures: a test build of the site served from a sub-path, and headless Chromium.

The site is built once per session with SITE_URL pointing at the local server, under
/hybrid-hiring-guide/ like GitHub Pages, so that instant navigation and relative URLs are tested
the way readers get them.
"""
import functools
import http.server
import os
import socket
import subprocess
import sys
import threading
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SUBPATH = "/hybrid-hiring-guide/"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]

sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def build_site(dest, site_url):
    """Run the strict MkDocs build into ``dest``; return the completed process."""
    env = dict(os.environ, SITE_URL=site_url, NO_MKDOCS_2_WARNING="1")
    return subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(dest)],
                          cwd=ROOT, env=env, capture_output=True, text=True)


class SubpathHandler(http.server.SimpleHTTPRequestHandler):
    """Serves the built site only under SUBPATH; everything else is a 404, as on GitHub Pages."""
    extensions_map = {**http.server.SimpleHTTPRequestHandler.extensions_map,
                      ".mjs": "text/javascript", ".js": "text/javascript", ".wasm": "application/wasm",
                      ".json": "application/json", ".whl": "application/zip", ".zip": "application/zip"}

    def translate_path(self, path):
        if not path.startswith(SUBPATH):
            return "/nonexistent"
        return super().translate_path("/" + path[len(SUBPATH):])

    def send_error(self, code, message=None, explain=None):
        if code == 404 and self.path.startswith(SUBPATH):  # GitHub Pages serves the site's 404 page
            page = Path(self.directory) / "404.html"
            if page.exists():
                body = page.read_bytes()
                self.send_response(404)
                self.send_header("Content-Type", "text/html; charset=utf-8")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)
                return
        super().send_error(code, message, explain)

    def log_message(self, *args):
        pass


def serve(directory):
    port = free_port()
    handler = functools.partial(SubpathHandler, directory=str(directory))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{port}{SUBPATH}"


@pytest.fixture(scope="session")
def built_site(tmp_path_factory):
    """(site directory, base URL) of a strict test build served from a sub-path."""
    port = free_port()
    base = f"http://127.0.0.1:{port}{SUBPATH}"
    dest = tmp_path_factory.mktemp("site")
    proc = build_site(dest, base)
    assert proc.returncode == 0, f"strict build failed:\n{proc.stdout}\n{proc.stderr}"
    handler = functools.partial(SubpathHandler, directory=str(dest))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield dest, base
    server.shutdown()


@pytest.fixture(scope="session")
def site_dir(built_site):
    return built_site[0]


@pytest.fixture(scope="session")
def base_url(built_site):
    return built_site[1]


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield b
        b.close()


class PageWatch:
    """Collects console errors, page errors and any request that leaves the site's origin."""

    def __init__(self, page, origin):
        self.page, self.origin = page, origin
        self.console_errors, self.foreign_requests, self.requests = [], [], []
        page.on("console", lambda m: m.type == "error" and self.console_errors.append(m.text))
        page.on("pageerror", lambda e: self.console_errors.append(str(e)))
        page.on("request", self._on_request)

    def _on_request(self, req):
        self.requests.append(req.url)
        if not (req.url.startswith(self.origin) or req.url.startswith(("data:", "blob:", "about:"))):
            self.foreign_requests.append(req.url)


@pytest.fixture
def new_page(browser, base_url):
    """Factory: new_page(color_scheme="light", **context_options) -> (page, watch)."""
    contexts = []
    origin = base_url.split(SUBPATH)[0]

    def make(color_scheme="light", **options):
        ctx = browser.new_context(color_scheme=color_scheme, **options)
        # Keep every test hermetic: anything outside the site's origin is refused.
        ctx.route(lambda url: not url.startswith(origin), lambda route: route.abort())
        contexts.append(ctx)
        page = ctx.new_page()
        return page, PageWatch(page, origin)

    yield make
    for ctx in contexts:
        ctx.close()
