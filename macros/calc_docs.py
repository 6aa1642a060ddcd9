"""'How we calculate' pages, generated from the models themselves so the docs cannot drift from the code.

    {{ how_we_calculate("screening-overhead") }}

renders the model in words (the module's EXPLANATION), the assumptions table from
calculators.fields() (value, range, source, year, reliability), which inputs move the result most
(when the model reports a sensitivity analysis), and the pre-rendered default result
(calculators.run(name, {})["html"]).
"""
from html import escape

import calculators
from calculators import render

from .content import _cell

__all__ = ["how_we_calculate", "model_figure"]

SINGULAR = {"minutes": "minute", "people": "person", "candidates": "candidate", "prompts": "prompt",
            "days": "day", "hours per week": "hour per week", "hires": "hire", "applicants": "applicant"}


def _value(f, value):
    """A field value as a reader sees it, from a public field description."""
    if value is None or value == "":
        return "not set"
    kind = f["kind"]
    if kind == "yesno":
        return "yes" if value else "no"
    if kind == "choice":
        return {c["value"]: c["label"] for c in f.get("choices", [])}.get(value, str(value))
    if kind in ("text", "file"):
        return "sample data" if value else "empty"
    text = render.num(value) if kind == "integer" else render.smart(value)
    if f["name"] == "hourly_cost":
        return f"${render.num(value, 2)} per hour"  # the default currency: US dollars
    unit = f.get("unit") or ""
    if value == 1:
        unit = SINGULAR.get(unit, unit)
    return f"{text} {unit}".strip() if unit != "%" else f"{text} %"


def _source_cell(f):
    src = f.get("source")
    if not src:
        return "Your input", "", ""
    if src["kind"] == "assumption" and not src["year"]:
        text = "Assumption: no published figure"
    else:
        text = f"{src['publisher']}: {src['title']}"
        text = f"[{_cell(text)}]({src['url']})" if src["url"] else _cell(text)
        if src["kind"] == "assumption":
            text = "Assumption, informed by " + text
    return text, src["year"] or "n/a", src["reliability"]


def assumptions_table(name):
    lines = ["| Input | Default | Range we test | Source | Year | Reliability |",
             "|---|---|---|---|---|---|"]
    for f in calculators.fields(name):
        source, year, reliability = _source_cell(f)
        rng = ""
        if f.get("low") is not None and f.get("high") is not None:
            rng = f"{_value(f, f['low'])} to {_value(f, f['high'])}"
        lines.append(f"| {_cell(f['label'])} (`{f['name']}`) | {_cell(_value(f, f['default']))} | {_cell(rng)} | "
                     f"{source} | {year} | {_cell(reliability)} |")
    return "\n".join(lines)


def _sensitivity(result, labels):
    rows = result.get("sensitivity")
    if not rows:
        return ""
    lines = ["| Input | Low end | High end | Hours saved at low | Hours saved at high |",
             "|---|---|---|---|---|"]
    for row in rows:
        if row["swing"] <= 0:
            continue
        f = labels[row["name"]]
        lines.append(f"| {_cell(f['label'])} | {_cell(_value(f, row['low']))} | {_cell(_value(f, row['high']))} | "
                     f"{render.hours(row['hours_saved_low'])} | {render.hours(row['hours_saved_high'])} |")
    still = [labels[r["name"]]["label"].lower() for r in rows if r["swing"] <= 0]
    text = "\n".join(lines)
    if still:
        text += "\n\nThese inputs change costs or calendar days but not the hours saved: " + ", ".join(still) + "."
    return text


def how_we_calculate(name):
    """Markdown for a calculator's 'How we calculate' page."""
    module = calculators._load()[name]
    fields = {f["name"]: f for f in calculators.fields(name)}
    out = calculators.run(name, {})
    parts = ["## The model in words\n"]
    for heading, text in getattr(module, "EXPLANATION", ()):
        parts.append(f"### {heading}\n\n{text}\n")
    parts.append("## Assumptions and sources\n\n"
                 "Every input, its default, the range we test it over, and where the default comes from. "
                 "The published figures are US figures; replace them with your own.\n")
    parts.append(assumptions_table(name) + "\n")
    sens = _sensitivity(out.get("result", {}), fields)
    if sens:
        parts.append("## What moves the result most\n\n"
                     "Each input moved across its range, with everything else at its default:\n")
        parts.append(sens + "\n")
    parts.append("## The default scenario\n\n"
                 "This is what the calculator shows before you change anything, computed when the site "
                 "was built by the same code that runs in your browser.\n")
    parts.append(f'<div class="calc-static" data-default-of="{escape(name)}">{out["html"]}</div>\n')
    return "\n".join(parts)


STYLES = {
    "smart": render.smart, "int": lambda x: render.num(x), "hours": render.hours, "minutes": render.minutes,
    "days": render.days, "money": render.money, "pct": render.pct,
    "percent": lambda x: f"{render.smart(x)} %", "x": lambda x: render.num(x, 1),
}


def model_figure(name, path, style="smart", **params):
    """One number from a calculator's result, formatted, for prose that quotes the model.

    {{ model_figure("screening-overhead", "live.minutes_per_screen", "minutes") }} -> "74 min".
    The prose then cannot drift from the model: change a default and the page follows.
    Extra keyword arguments are params for the run (default scenario when none).
    """
    out = calculators.run(name, params)
    if not out["ok"]:
        raise ValueError(f"model_figure: {name} {params} is invalid: {out['errors']}")
    value = out["result"]
    if path.startswith("inputs."):  # an input as the model used it, e.g. a default pass rate
        value, path = out["inputs"], path[len("inputs."):]
    for key in path.split("."):
        value = value[int(key)] if isinstance(value, list) else value[key]
    return STYLES[style](value)
