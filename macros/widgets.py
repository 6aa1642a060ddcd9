"""Calculator widgets: {{ calculator("name") }} renders one calculator into a page.

The widget works with no script at all: a form generated from ``calculators.fields(name)`` and the
results region pre-filled with ``calculators.run(name, {})["html"]`` (the default scenario). The
generic controller (docs/assets/calculator.js) makes it live on Pyodide when the reader starts
using it. Public hooks (acceptance tests rely on them): ``data-calculator`` and ``data-state`` on
the root, inputs named after the fields, the results region marked ``data-results``.

Build facts (engine version path, download size) come from hooks/engine.py, which fills ENGINE
before pages render; without them the widget stays static and says so.
"""
import json
import logging
from html import escape

import calculators
from calculators import render

from . import content

__all__ = ["calculator"]

log = logging.getLogger("mkdocs.plugins.widgets")

# Filled by hooks/engine.py in on_config: {"version": "<hash>", "bytes": int, "gzip_bytes": int}.
ENGINE: dict = {}

GROUP_TITLES = {"main": "Your numbers", "advanced": "Advanced assumptions"}


def _e(value):
    return escape(str(value), quote=True)


def presets(name):
    """[(id, label, {field: value as text})] for every industry with a preset for ``name``."""
    known = {f["name"] for f in calculators.fields(name)}
    out = []
    for ind in content.data("industries"):
        values = ((ind or {}).get("presets") or {}).get(name)
        if not isinstance(values, dict) or not values:
            continue
        clean = {k: _form_text(v) for k, v in values.items() if k in known}
        if clean:
            out.append((str(ind.get("id", "")), str(ind.get("name", ind.get("id", ""))), clean))
    return out


def _form_text(value):
    """A value as it goes into a form control or a preset (not as a person reads it)."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float) and value == int(value) and abs(value) < 1e15:
        return str(int(value))
    return str(value)


def _bound(x):
    return render.smart(x) if isinstance(x, (int, float)) else str(x)


def _help(f):
    """Help sentences: what it is, what is allowed, and where the default comes from."""
    parts = []
    if f.get("help"):
        parts.append(_e(f["help"]))
    kind = f["kind"]
    unit = f" {f['unit']}" if f.get("unit") else (" %" if kind == "percent" else "")
    if kind in ("number", "integer", "percent") and f.get("min") is not None and f.get("max") is not None:
        lo = "above " + _bound(f["min"]) if f.get("min_exclusive") else _bound(f["min"])
        parts.append(_e(f"Allowed: {lo} to {_bound(f['max'])}{unit}."))
    src = f.get("source")
    if src:
        default = _form_text(f["default"]) + unit
        if f.get("assumption") or src.get("kind") == "assumption":
            text = f"Default {default} is an assumption, not a published figure."
        else:
            text = f"Default {default}: {src.get('publisher') or src.get('title')} ({src.get('year')})"
            text += f", {src['reliability']}." if src.get("reliability") else "."
        if f.get("low") is not None and f.get("high") is not None:
            text += f" Published range {_bound(f['low'])} to {_bound(f['high'])}{unit}."
        parts.append(_e(text))
        if src.get("url") and not (f.get("assumption") or src.get("kind") == "assumption"):
            parts.append(f'<a href="{_e(src["url"])}" rel="noopener">Source</a>')
    return " ".join(parts)


def _control(f, fid, described):
    kind, name = f["kind"], _e(f["name"])
    value = _form_text(f["default"])
    aria = f'aria-describedby="{described}"'
    if kind == "choice":
        opts = "".join(
            f'<option value="{_e(c["value"])}"{" selected" if c["value"] == f["default"] else ""}>{_e(c["label"])}</option>'
            for c in f.get("choices", []))
        return f'<select id="{fid}" name="{name}" {aria}>{opts}</select>'
    if kind == "yesno":
        checked = " checked" if f["default"] else ""
        return (f'<input type="checkbox" id="{fid}" name="{name}" value="yes"{checked} {aria} '
                f'data-kind="yesno">')
    if kind == "file":
        return (f'<input type="file" id="{fid}" name="{name}" accept=".csv,.txt,text/csv,text/plain" {aria} '
                f'data-kind="file" data-label="{_e(f["label"])}" data-max-chars="{int(f.get("max_chars") or 0)}">')
    if kind == "text":
        limit = int(f.get("max_chars") or 64)
        if limit > 200:
            return (f'<textarea id="{fid}" name="{name}" rows="4" maxlength="{limit}" {aria} '
                    f'spellcheck="false">{_e(value)}</textarea>')
        return f'<input type="text" id="{fid}" name="{name}" value="{_e(value)}" maxlength="{limit}" {aria}>'
    mode = "numeric" if kind == "integer" else "decimal"
    return (f'<input type="text" inputmode="{mode}" id="{fid}" name="{name}" value="{_e(value)}" '
            f'autocomplete="off" spellcheck="false" {aria} data-default="{_e(value)}">')


def _field(f, prefix):
    fid = f"{prefix}-{f['name']}"
    help_id, err_id = f"{fid}-help", f"{fid}-error"
    unit = f.get("unit") or ("%" if f["kind"] == "percent" else "")
    sr_unit = f' <span class="calc-sr">({_e(unit)})</span>' if unit else ""
    label = f'<label for="{fid}">{_e(f["label"])}{sr_unit}</label>'
    help_html = _help(f)
    control = _control(f, fid, f"{help_id} {err_id}" if help_html else err_id)
    if f["kind"] == "yesno":
        body = f'<div class="calc-check">{control}{label}</div>'
    else:
        adorn = f'<span class="calc-unit" aria-hidden="true">{_e(unit)}</span>' if unit else ""
        body = f'{label}<div class="calc-control">{control}{adorn}</div>'
    return (f'<div class="calc-field calc-kind-{_e(f["kind"])}" data-field="{_e(f["name"])}">{body}'
            + (f'<p class="calc-help" id="{help_id}">{help_html}</p>' if help_html else "") +
            f'<p class="calc-field-error" id="{err_id}" hidden></p></div>')


def _mb(n):
    return f"{n / 1e6:.1f}".rstrip("0").rstrip(".")


def calculator(name, id=None):
    """The widget for calculator ``name``: form, pre-rendered results, share/download actions."""
    if name not in calculators.names():
        # The model has not landed yet: keep the build green and say so on the page.
        log.info("calculator %r is not registered yet; rendering a placeholder", name)
        return (f'<div class="calc-widget calc-missing" data-calculator="{_e(name)}" data-state="static">'
                f'<p>This calculator is being written and will appear here soon.</p></div>')
    fields = calculators.fields(name)
    prefix = _e(id or f"calc-{name}")
    run_default = calculators.run(name, {})
    groups: dict[str, list] = {}
    for f in fields:
        groups.setdefault(f.get("group") or "main", []).append(f)
    parts = []
    for group, items in groups.items():
        if group == "advanced":
            continue
        title = GROUP_TITLES.get(group, group.replace("-", " ").replace("_", " ").capitalize())
        parts.append(f'<fieldset class="calc-group"><legend>{_e(title)}</legend>'
                     + "".join(_field(f, prefix) for f in items) + "</fieldset>")
    if "advanced" in groups:
        parts.append('<details class="calc-advanced"><summary>Advanced assumptions</summary>'
                     '<div class="calc-group">' + "".join(_field(f, prefix) for f in groups["advanced"])
                     + "</div></details>")
    preset_html = ""
    found = presets(name)
    if found:
        opts = "".join(f'<option value="{_e(pid)}" data-values="{_e(json.dumps(vals, sort_keys=True))}">'
                       f'{_e(label)}</option>' for pid, label, vals in found)
        preset_html = (f'<div class="calc-presets"><label for="{prefix}-preset">Start from an example</label>'
                       f'<select id="{prefix}-preset" data-preset><option value="">Choose an industry example</option>'
                       f'{opts}</select></div>')
    engine_attr, small = "", ""
    if ENGINE.get("version"):
        engine_attr = (f' data-engine="{_e(ENGINE["version"])}" data-engine-bytes="{int(ENGINE.get("fetch_bytes") or 0)}"')
        small = (f'Typing in the form recalculates here in your browser. The first time, that downloads the '
                 f'calculator engine once: about {_mb(ENGINE["gzip_bytes"])} MB compressed '
                 f'({_mb(ENGINE["bytes"])} MB unpacked). Nothing you type leaves your device.')
    else:
        small = "Live recalculation is not part of this build; the results show the default scenario."
    exports = ['<button type="button" class="md-button" data-action="copy-link">Copy link</button>']
    labels = {"csv": "Download CSV", "json": "Download JSON", "markdown": "Download Markdown"}
    for fmt in calculators.formats(name):
        exports.append(f'<button type="button" class="md-button" data-action="export" data-format="{_e(fmt)}">'
                       f'{_e(labels.get(fmt, "Download " + fmt))}</button>')
    if "markdown" in calculators.formats(name):
        exports.append('<button type="button" class="md-button" data-action="copy-text" data-format="markdown">'
                       'Copy as text</button>')
    exports.append('<button type="button" class="md-button" data-action="print">Print</button>')
    title = getattr(calculators._load()[name], "TITLE", name)
    return (
        f'<div class="calc-widget" id="{prefix}" data-calculator="{_e(name)}" data-state="static"{engine_attr}>'
        f'<form class="calc-form" data-calc-form novalidate autocomplete="off" aria-label="{_e(title)}: inputs">'
        f'{preset_html}{"".join(parts)}</form>'
        f'<div class="calc-status" data-status><p class="calc-status-text" data-status-text role="status">'
        f'Showing the default scenario, calculated when this page was built.</p>'
        f'<progress class="calc-progress" data-progress max="100" hidden aria-label="Calculator engine download"></progress>'
        f'<p class="calc-stale" data-stale hidden></p></div>'
        f'<div class="calc-results" data-results aria-live="polite">{run_default["html"]}</div>'
        f'<div class="calc-actions" data-actions hidden>{"".join(exports)}'
        f'<p class="calc-action-note" data-action-note role="status"></p></div>'
        f'<p class="calc-smallprint">{_e(small)}</p>'
        f'</div>'
    )
