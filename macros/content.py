"""Structured content rendered from the data files in docs/_data/ (and the citation table in
calculators.sources): comparison table, checklist, FAQ (+ JSON-LD), industries, glossary, sources.
"""
import json
from functools import cache
from html import escape
from pathlib import Path

import yaml

from calculators.sources import SOURCES

DATA = Path(__file__).resolve().parent.parent / "docs" / "_data"

__all__ = ["comparison_table", "checklist", "faq", "faq_jsonld", "industry_stages",
           "industries_table", "glossary", "sources_table", "source"]


@cache
def data(name):
    """The parsed YAML file docs/_data/<name>.yml."""
    return yaml.safe_load((DATA / f"{name}.yml").read_text(encoding="utf-8"))


def _cell(text):
    return str(text).replace("|", "\\|").replace("\n", " ")


def comparison_table():
    d = data("comparison")
    cols = d["columns"]
    lines = ["| " + " | ".join(_cell(cols[k]) for k in ("aspect", "remote", "async")) + " |",
             "|---|---|---|"]
    for row in d["rows"]:
        lines.append(f"| **{_cell(row['aspect'])}** | {_cell(row['remote'])} | {_cell(row['async'])} |")
    return "\n".join(lines)


def checklist():
    """Real checkboxes; site.js remembers ticks in localStorage under data-checklist ids."""
    items = []
    for i, item in enumerate(data("checklist")["items"], start=1):
        cid = f"check-{escape(item['id'])}"
        items.append(
            f'<li><input type="checkbox" id="{cid}" data-check-id="{escape(item["id"])}">'
            f'<label for="{cid}"><strong>{i}. {escape(item["title"])}</strong></label>'
            f'<p>{escape(item["detail"])}</p></li>'
        )
    return ('<ol class="checklist" data-checklist="implementation">' + "".join(items) + "</ol>")


def faq():
    out = []
    for item in data("faq"):
        out.append(f"### {item['q']}\n\n{item['a'].strip()}\n")
    return "\n".join(out)


def faq_jsonld():
    doc = {
        "@context": "https://schema.org",
        "@type": "FAQPage",
        "mainEntity": [
            {"@type": "Question", "name": item["q"],
             "acceptedAnswer": {"@type": "Answer", "text": " ".join(item["a"].split())}}
            for item in data("faq")
        ],
    }
    text = json.dumps(doc, ensure_ascii=False).replace("</", "<\\/")
    return f'<script type="application/ld+json">{text}</script>'


def _industry(ind_id):
    for ind in data("industries"):
        if ind["id"] == ind_id:
            return ind
    raise KeyError(f"no industry {ind_id!r} in docs/_data/industries.yml")


FORMAT_LABELS = {"async": "Async (recorded)", "live": "Live video", "in-person": "In person",
                 "live-or-in-person": "Live panel or in person", "phone": "Phone call"}


def industry_stages(ind_id):
    """The recommended stage design for one industry, as a Markdown table."""
    ind = _industry(ind_id)
    lines = ["| Stage | Format | What happens |", "|---|---|---|"]
    for i, st in enumerate(ind["stages"], start=1):
        lines.append(f"| {i}. {_cell(st['name'])} | {_cell(FORMAT_LABELS.get(st['format'], st['format']))} "
                     f"| {_cell(st['what'])} |")
    return "\n".join(lines)


def industries_table():
    """One row per industry: its page, the scheduling friction, and its stage formats in order."""
    lines = ["| Setting | What makes scheduling hard | Recommended stages |", "|---|---|---|"]
    for ind in data("industries"):
        stages = " → ".join(FORMAT_LABELS.get(st["format"], st["format"]) for st in ind["stages"])
        lines.append(f"| [{_cell(ind['name'])}]({ind['id']}.md) | {_cell(ind['friction'])} | {_cell(stages)} |")
    return "\n".join(lines)


def glossary():
    out = []
    for t in sorted(data("glossary"), key=lambda t: t["term"].lower()):
        aka = f" *(also: {', '.join(t['aka'])})*" if t.get("aka") else ""
        out.append(f"{t['term']}{aka}\n:   {t['definition'].strip()}\n")
    return "\n".join(out)


def source(key):
    """Inline citation for a figure: 'as reported by X (year)', linked."""
    s = SOURCES[key]
    if s["kind"] == "assumption" and not s["year"]:
        return "*(assumption: no published figure found)*"
    link = f"[{s['publisher']} ({s['year']})]({s['url']})" if s["url"] else f"{s['publisher']} ({s['year']})"
    return link


def sources_table():
    lines = ["| Figure | Source | Year | Reliability |", "|---|---|---|---|"]
    for key, s in sorted(SOURCES.items(), key=lambda kv: (kv[1]["kind"], kv[1]["publisher"].lower())):
        title = f"[{_cell(s['title'])}]({s['url']})" if s["url"] else _cell(s["title"])
        lines.append(f"| {_cell(s['figure'])} | {_cell(s['publisher'])}: {title} | "
                     f"{s['year'] or 'n/a'} | {_cell(s['reliability'])} |")
    return "\n".join(lines)
