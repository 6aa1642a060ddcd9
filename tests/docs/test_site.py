"""The strict build and what the built HTML must contain: data items on their pages, the FAQ's
JSON-LD, per-page meta tags, the review date, the 404 page and sitemap, and no third-party assets."""
import json
import re
from html.parser import HTMLParser

import pytest
import yaml

from conftest import ROOT, SUBPATH
from site_pages import built, nav_pages

DATA = ROOT / "docs" / "_data"


def load(name):
    return yaml.safe_load((DATA / f"{name}.yml").read_text(encoding="utf-8"))


class Collect(HTMLParser):
    """Collects tags with attributes, and the visible text of <article>."""

    def __init__(self):
        super().__init__()
        self.tags, self.text, self._in_article, self._skip = [], [], 0, 0

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        if tag == "article":
            self._in_article += 1
        if tag in ("script", "style", "svg"):
            self._skip += 1

    def handle_endtag(self, tag):
        if tag == "article":
            self._in_article -= 1
        if tag in ("script", "style", "svg"):
            self._skip -= 1

    def handle_data(self, data):
        if self._in_article and not self._skip:
            self.text.append(data)


def parse(html):
    c = Collect()
    c.feed(html)
    return c


def visible(html):
    # "".join: inline tags such as glossary <abbr> must not split "term?" into "term ?"
    return " ".join("".join(parse(html).text).split())


def test_nav_lists_enough_pages():
    assert len(nav_pages()) >= 10


@pytest.mark.parametrize("page", nav_pages())
def test_page_has_meta_and_review_date(site_dir, page):
    html = built(site_dir, page)
    tags = parse(html).tags
    metas = {(a.get("name") or a.get("property")): a.get("content", "") for t, a in tags if t == "meta"}
    assert len(metas.get("description", "")) > 30, "each page needs its own meta description"
    assert "Placeholder" not in metas["description"]
    for key in ("og:title", "og:description", "og:url", "og:type"):
        assert metas.get(key), f"missing {key}"
    assert re.search(r'class="page-reviewed">Facts on this page last reviewed on <time datetime="\d{4}-\d\d-\d\d"', html)


def test_meta_descriptions_are_unique(site_dir):
    seen = {}
    for page in nav_pages():
        tags = parse(built(site_dir, page)).tags
        desc = next(a["content"] for t, a in tags if t == "meta" and a.get("name") == "description")
        assert desc not in seen, f"{page} repeats the description of {seen.get(desc)}"
        seen[desc] = page


def test_guide_is_substantial(site_dir):
    words = {p: len(visible(built(site_dir, p)).split()) for p in nav_pages()}
    prose_pages = [p for p, n in words.items() if n >= 250]
    assert len(prose_pages) >= 10, words
    assert sum(words.values()) >= 6000, words


def test_comparison_rows_on_page(site_dir):
    text = visible(built(site_dir, "basics/comparison"))
    for row in load("comparison")["rows"]:
        for key in ("aspect", "remote", "async"):
            assert " ".join(row[key].split()) in text


def test_checklist_has_real_checkboxes(site_dir):
    html = built(site_dir, "process/checklist")
    tags = parse(html).tags
    boxes = [a for t, a in tags if t == "input" and a.get("type") == "checkbox" and "data-check-id" in a]
    items = load("checklist")["items"]
    assert [b["data-check-id"] for b in boxes] == [i["id"] for i in items]
    assert len(items) >= 6
    labels = {a.get("for") for t, a in tags if t == "label"}
    assert all(b["id"] in labels for b in boxes), "every checkbox needs a label"
    text = visible(html)
    for item in items:
        assert item["title"] in text


def test_faq_items_and_jsonld(site_dir):
    html = built(site_dir, "faq")
    faq = load("faq")
    assert len(faq) >= 8
    text = visible(html)
    for item in faq:
        assert item["q"] in text
        assert " ".join(item["a"].split())[:80] in text
    blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    assert len(blocks) == 1
    doc = json.loads(blocks[0])
    assert doc["@type"] == "FAQPage"
    pairs = [(q["name"], q["acceptedAnswer"]["text"]) for q in doc["mainEntity"]]
    assert pairs == [(i["q"], " ".join(i["a"].split())) for i in faq]


def test_glossary_terms_on_page(site_dir):
    text = visible(built(site_dir, "glossary"))
    terms = load("glossary")
    assert len(terms) >= 20
    for t in terms:
        assert t["term"] in text
        assert " ".join(t["definition"].split())[:60] in text


def test_glossary_tooltips_site_wide(site_dir):
    """Glossary phrases on other pages become focusable <abbr> elements with the short definition."""
    found = 0
    for page in nav_pages():
        if page == "glossary":
            continue
        found += len(re.findall(r'<abbr tabindex="0" title="[^"]+">', built(site_dir, page)))
    assert found >= 10


def test_industries_each_have_a_page_with_stages(site_dir):
    industries = load("industries")
    ids = {i["id"] for i in industries}
    assert ids == {"retail", "hospitality", "healthcare-staffing", "logistics", "education-support",
                   "office-roles", "small-teams"}
    overview = visible(built(site_dir, "industries/index"))
    for ind in industries:
        assert ind["name"] in overview
        text = visible(built(site_dir, f"industries/{ind['id']}"))
        for stage in ind["stages"]:
            assert " ".join(stage["what"].split()) in text


def test_sources_page_lists_every_citation(site_dir):
    from calculators.sources import SOURCES
    text = visible(built(site_dir, "sources"))
    published = [s for s in SOURCES.values() if s["kind"] == "published"]
    assert len(published) >= 12
    for s in SOURCES.values():
        assert " ".join(s["figure"].split()) in text
        assert (str(s["year"]) if s["year"] else "n/a") in text


def test_404_page_and_sitemap(site_dir):
    assert "Page not found" in (site_dir / "404.html").read_text(encoding="utf-8")
    sitemap = (site_dir / "sitemap.xml").read_text(encoding="utf-8")
    assert sitemap.count("<loc>") >= len(nav_pages())


def test_no_third_party_assets(site_dir, base_url):
    """No script, stylesheet, font, image, frame or preload comes from another origin."""
    origin = base_url.split(SUBPATH)[0]
    offenders = []
    for path in site_dir.rglob("*.html"):
        html = path.read_text(encoding="utf-8")
        for tag, attrs in parse(html).tags:
            urls = []
            if tag in ("script", "img", "iframe", "source", "audio", "video", "embed"):
                urls.append(attrs.get("src"))
            if tag == "link" and attrs.get("rel") not in ("canonical", "alternate"):
                urls.append(attrs.get("href"))
            if tag == "object":
                urls.append(attrs.get("data"))
            for url in filter(None, urls):
                if re.match(r"^(https?:)?//", url) and not url.startswith(origin):
                    offenders.append((path.name, tag, url))
        for url in re.findall(r"url\(\s*['\"]?((?:https?:)?//[^'\")]+)", html):
            offenders.append((path.name, "css url()", url))
    for css in site_dir.rglob("*.css"):
        for url in re.findall(r"(?:url\(\s*['\"]?|@import\s+['\"])((?:https?:)?//[^'\")]+)", css.read_text(encoding="utf-8")):
            if "w3.org" not in url:  # SVG namespace strings are not requests
                offenders.append((css.name, "css", url))
    assert offenders == []


def test_prose_quotes_the_models_current_figures(site_dir):
    """Worked examples in the guide take their numbers from the models, so they cannot go stale."""
    import calculators
    from calculators import render
    over = calculators.run("screening-overhead", {})["result"]
    text = visible(built(site_dir, "process/hidden-cost"))
    assert f"about {render.minutes(over['live']['minutes_per_screen'])} per candidate actually screened" in text
    assert f"about {render.num(over['multiplier'], 1)} times the call itself" in text
    plan = calculators.run("stage-planner", {})["result"]
    text = visible(built(site_dir, "process/hybrid-process"))
    assert f"you can expect about {render.smart(plan['hires'])} hires" in text
    assert f"about {render.num(plan['stages'][1]['candidates_in'])} people reach a live interview" in text


def test_every_industry_preset_is_a_valid_scenario():
    """Presets fill the form by field name: a misspelt field or a bad value would be silently lost."""
    import calculators
    for ind in load("industries"):
        assert ind.get("presets"), ind["id"]
        for name, values in ind["presets"].items():
            known = {f["name"] for f in calculators.fields(name)}
            assert set(values) <= known, (ind["id"], name, set(values) - known)
            out = calculators.run(name, values)
            assert out["ok"], (ind["id"], name, out["errors"])
