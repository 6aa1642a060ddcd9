"""Glossary tooltips site-wide: append an abbreviation line for each glossary term to every page's
Markdown (the `abbr` extension turns matches into <abbr title=...>, shown by Material's tooltips),
then make those terms reachable by keyboard so the explanation shows on focus, not just on hover.
The glossary page itself is left alone: it already defines every term in full.
"""
import re
from functools import cache
from pathlib import Path

import yaml

DATA = Path(__file__).resolve().parent.parent / "docs" / "_data" / "glossary.yml"


@cache
def _abbr_lines():
    terms = yaml.safe_load(DATA.read_text(encoding="utf-8"))
    lines = []
    for t in terms:
        for word in t.get("tooltip_forms", []):
            text = " ".join(t.get("short", t["definition"]).split()).replace('"', "'")
            lines.append(f"*[{word}]: {text}")
    return "\n".join(lines)


def on_page_markdown(markdown, page, **kwargs):
    if page.file.src_uri == "glossary.md":
        return markdown
    return markdown + "\n\n" + _abbr_lines() + "\n"


def on_page_content(html, page, **kwargs):
    return re.sub(r"<abbr title=", '<abbr tabindex="0" title=', html)
