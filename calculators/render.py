"""HTML building blocks shared by every calculator's result: numbers for people, tables,
an accessible SVG bar chart with its data table, the assumptions used, warnings and errors.

Everything interpolated is escaped here; a calculator only passes plain strings and numbers.
The fragment is identical at build time and in the browser.
"""
from html import escape

from .fields import CURRENCIES
from .sources import SOURCES


def esc(value):
    return escape(str(value), quote=True)


def num(x, digits=0):
    """1234.5 -> '1,235' (digits=0) or '1,234.5' (digits=1)."""
    text = f"{x:,.{digits}f}"
    return "0" if text in ("-0", "-0.0", "-0.00") else text


def smart(x):
    """A count or amount with sensible precision: 0.4 -> '0.4', 12.3 -> '12', 1234 -> '1,234'."""
    return num(x, 1) if abs(x) < 10 and round(x, 1) != round(x) else num(x)


def hours(x):
    return f"{smart(x)} h"


def minutes(x):
    return f"{smart(x)} min"


def days(x):
    return f"{smart(x)} day" if round(x, 1) == 1 else f"{smart(x)} days"


def money(x, currency="USD"):
    symbol = CURRENCIES.get(currency, currency + " ")
    sign = "-" if x < 0 and round(x) != 0 else ""
    return f"{sign}{symbol}{num(abs(x))}"


def pct(fraction, digits=0):
    return f"{num(fraction * 100, digits)} %"


def table(headers, rows, caption="", cls="calc-table", numeric_from=1, numeric=None):
    """A plain data table; columns from ``numeric_from`` on (or exactly the column indexes in
    ``numeric``, when given) are right-aligned numbers.

    It sits in a keyboard-reachable box that scrolls sideways when the table is wider than the
    screen (a phone), instead of squeezing every cell."""
    label = caption or "Results table"
    out = [f'<div class="calc-table-scroll" role="region" tabindex="0" aria-label="{esc(label)}">'
           f'<table class="{esc(cls)}">']
    if caption:
        out.append(f"<caption>{esc(caption)}</caption>")
    out.append("<thead><tr>" + "".join(f'<th scope="col">{esc(h)}</th>' for h in headers) + "</tr></thead><tbody>")
    is_number = (lambda i: i in numeric) if numeric is not None else (lambda i: i >= numeric_from)
    for row in rows:
        cells = [f'<th scope="row">{esc(row[0])}</th>']
        cells += [f'<td class="num">{esc(c)}</td>' if is_number(i) else f"<td>{esc(c)}</td>"
                  for i, c in enumerate(row[1:], start=1)]
        out.append("<tr>" + "".join(cells) + "</tr>")
    out.append("</tbody></table></div>")
    return "".join(out)


def bar_chart(title, categories, series, fmt=smart, unit=""):
    """Horizontal grouped bars as inline SVG, followed by the same numbers as a table.

    ``series`` is a list of ``(label, css_class, values)``, one value per category. Each category's
    name sits on its own line above its bars, so the chart stays legible on a phone. Colours come
    from the stylesheet (classes ``bar-<css_class>``) so that both colour schemes work; the SVG is
    a picture of the table below it, which is what screen readers read.
    """
    width, value_room, bar_h, gap, line = 320, 64, 12, 3, 15
    bar_w = width - value_room
    peak = max([v for _, _, vals in series for v in vals] + [0]) or 1
    parts, y = [], 0
    legend_x = 0
    for label, cls, _ in series:  # legend: one row, or one line per series when long
        needed = 16 + 7 * len(label) + 12
        if legend_x and legend_x + needed > width:
            legend_x, y = 0, y + line
        parts.append(f'<rect class="bar-{esc(cls)}" x="{legend_x}" y="{y + 3}" width="10" height="10"/>'
                     f'<text x="{legend_x + 14}" y="{y + 12}" class="chart-text">{esc(label)}</text>')
        legend_x += needed
    y += line + 8
    for ci, cat in enumerate(categories):
        parts.append(f'<text x="0" y="{y + 11}" class="chart-text chart-category">{esc(cat)}</text>')
        y += line
        for _, cls, vals in series:
            v = max(vals[ci], 0)
            w = bar_w * v / peak
            parts.append(f'<rect class="bar-{esc(cls)}" x="0" y="{y}" width="{w:.1f}" height="{bar_h}"/>'
                         f'<text x="{w + 4:.1f}" y="{y + bar_h - 1}" class="chart-text">'
                         f'{esc(fmt(vals[ci]) + unit)}</text>')
            y += bar_h + gap
        y += 7
    svg = (f'<svg class="calc-chart-svg" viewBox="0 0 {width} {y}" role="img" '
           f'aria-label="{esc(title)}: chart; the same figures are in the table that follows" '
           'preserveAspectRatio="xMinYMin meet" xmlns="http://www.w3.org/2000/svg">' + "".join(parts) + "</svg>")
    data = table([""] + [label for label, _, _ in series],
                 [[cat] + [fmt(vals[ci]) + unit for _, _, vals in series] for ci, cat in enumerate(categories)],
                 caption=f"{title} (data behind the chart)", cls="calc-table calc-chart-data")
    return (f'<figure class="calc-chart"><figcaption>{esc(title)}</figcaption>{svg}'
            f'<details class="calc-chart-table"><summary>Show the chart as a table</summary>{data}</details></figure>')


def source_link(key):
    s = SOURCES[key]
    if s["kind"] == "assumption" and not s["year"]:
        return "Assumption: no published figure found"
    text = f"{s['publisher']} ({s['year']})"
    if s["url"]:
        return f'<a href="{esc(s["url"])}" rel="noopener">{esc(text)}</a>'
    return esc(text)


def assumptions(fields, inputs, fmt_value):
    """The inputs used, each with its default, range and source, as a folded table."""
    rows = []
    for f in fields:
        if f.kind in ("text", "file"):
            continue
        used = fmt_value(f, inputs[f.name])
        default = fmt_value(f, f.default)
        rng = ""
        src = "Your input" if not f.source else source_link(f.source)
        if f.source:
            lo, hi = f.range_of_source()
            if lo is not None:
                rng = f"{fmt_value(f, lo)} to {fmt_value(f, hi)}"
            if SOURCES[f.source]["kind"] == "assumption":
                src = "Assumption. " + src if SOURCES[f.source]["year"] else src
            src += f' <span class="calc-reliability">({esc(SOURCES[f.source]["reliability"])})</span>'
        rows.append(f'<tr><th scope="row">{esc(f.label)}</th><td class="num">{esc(used)}</td>'
                    f'<td class="num">{esc(default)}</td><td>{esc(rng)}</td><td>{src}</td></tr>')
    return ('<details class="calc-assumptions"><summary>Assumptions used and their sources</summary>'
            '<div class="calc-table-scroll" role="region" tabindex="0" aria-label="Assumptions used">'
            '<table class="calc-table"><thead><tr><th scope="col">Input</th><th scope="col">Used</th>'
            '<th scope="col">Default</th><th scope="col">Published range</th><th scope="col">Source</th>'
            '</tr></thead><tbody>' + "".join(rows) + "</tbody></table></div>"
            "<p>The published defaults are US figures. Replace them with your own numbers; "
            "amounts are shown in the currency you choose, not converted.</p></details>")


def fmt_field_value(f, value):
    """A field value as a person reads it: '10 %', '20 min', 'yes', '$45'."""
    if value is None:
        return ""
    if f.kind == "yesno":
        return "yes" if value else "no"
    if f.kind == "choice":
        return dict(f.choices).get(value, str(value))
    if f.kind in ("text", "file"):
        return str(value)
    if f.kind == "percent":
        return f"{smart(value)} %"
    text = smart(value) if f.kind != "integer" else num(value)
    return f"{text} {f.unit}".strip()


def warnings_html(warnings):
    if not warnings:
        return ""
    items = "".join(f"<li>{esc(w)}</li>" for w in warnings)
    return f'<div class="calc-warnings" role="note"><p><strong>Worth a second look</strong></p><ul>{items}</ul></div>'


def errors_html(fields, errors):
    items = "".join(f"<li>{esc(msg)}</li>" for name, msg in errors.items())
    return ('<div class="calc-errors" role="alert"><p><strong>Some inputs need fixing before we can '
            f'calculate:</strong></p><ul>{items}</ul></div>')
