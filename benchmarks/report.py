"""Statistics, the printed table, the JSON file and README.md's "Performance" section."""
import re
import statistics


def summary(values):
    xs = sorted(v for v in values if v is not None)
    if not xs:
        return {"median": None, "p95": None, "runs": 0}
    p95 = xs[0] if len(xs) == 1 else statistics.quantiles(xs, n=20, method="inclusive")[18]
    return {"median": statistics.median(xs), "p95": p95, "runs": len(xs), "min": xs[0], "max": xs[-1]}


def fmt_value(v, unit):
    if v is None:
        return "n/a"
    if unit == "ms":
        return f"{v / 1000:.2f} s" if v >= 10_000 else f"{v:.0f} ms" if v >= 100 else f"{v:.1f} ms"
    if unit == "s":
        return f"{v:.2f} s"
    if unit == "B":
        if v >= 1_000_000:
            return f"{v / 1_000_000:.2f} MB"
        if v >= 1000:
            return f"{v / 1000:.1f} kB"
        return f"{v:.0f} B"
    if unit == "n":
        return f"{v:,.0f}"
    return f"{v:g}"


def fmt_ratio(r):
    return "n/a" if r is None else f"{r:.2f}x"


COLUMNS = ("metric", "ours median", "p95", "runs", "baseline", "ratio", "budget", "result")


def table_rows(rows):
    out = []
    for r in rows:
        s = r["ours"]
        out.append((r["metric"], fmt_value(s["median"], r["unit"]), fmt_value(s["p95"], r["unit"]), str(s["runs"]),
                    fmt_value(r.get("baseline"), r["unit"]) if r.get("baseline") is not None else "",
                    fmt_ratio(r.get("ratio")) if r.get("baseline") is not None else "",
                    r.get("budget", ""), r.get("verdict", "")))
    return out


def text_table(rows):
    cells = [COLUMNS] + table_rows(rows)
    widths = [max(len(c[i]) for c in cells) for i in range(len(COLUMNS))]
    lines = []
    for n, c in enumerate(cells):
        lines.append("  ".join(x.ljust(w) for x, w in zip(c, widths)).rstrip())
        if n == 0:
            lines.append("  ".join("-" * w for w in widths))
    return "\n".join(lines)


def markdown_table(rows):
    cells = table_rows(rows)
    lines = ["| " + " | ".join(COLUMNS) + " |", "|" + "---|" * len(COLUMNS)]
    lines += ["| " + " | ".join(c.replace("|", "\\|") for c in row) + " |" for row in cells]
    return "\n".join(lines)


def readme_section(rows, machine, notes):
    head = (f"Measured by `make bench` ({machine['date']}, commit {machine['commit']}) on {machine['cpu']}, "
            f"{machine['cores']} cores, {machine['memory']}, {machine['os']}, {machine['chromium']} headless, "
            f"Pyodide {machine['pyodide']}; load average {machine['load_before']} before the run. "
            "Medians and 95th percentiles over the runs shown; the baseline is a copy of the calculator "
            "page that loads the same local Pyodide on the main thread at page load (the usual way), "
            "measured in the same run. Figures: `benchmarks/results/latest.json`.")
    import textwrap
    body = [textwrap.fill(head, 100), "", markdown_table(rows)]
    if notes:
        body += [""] + [textwrap.fill(n, 100, initial_indent="- ", subsequent_indent="  ") for n in notes]
    return "\n".join(body) + "\n"


def update_readme(path, section_text):
    text = path.read_text(encoding="utf-8")
    new, n = re.subn(r"(## Performance\n)(.*?)(\n## )", lambda m: m.group(1) + section_text + m.group(3),
                     text, count=1, flags=re.S)
    if n:
        path.write_text(new, encoding="utf-8")
    return bool(n)
