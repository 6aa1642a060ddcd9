"""The list of pages in mkdocs.yml's nav and where each lands in the built site (shared by tests)."""
import re

from conftest import ROOT


def nav_pages():
    """Every page in mkdocs.yml's nav, as 'section/page' without .md ('index' for the home page)."""
    text = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    nav = text[text.index("\nnav:"):]
    return re.findall(r"([\w/-]+)\.md", nav)


def built_path(site_dir, page):
    if page == "index":
        return site_dir / "index.html"
    if page.endswith("/index"):
        return site_dir / page[:-len("index")] / "index.html"
    return site_dir / page / "index.html"


def built(site_dir, page):
    return built_path(site_dir, page).read_text(encoding="utf-8")


def page_url(base_url, page):
    rel = built_path(__import__("pathlib").Path(""), page).as_posix()
    return base_url + rel[:-len("index.html")]
