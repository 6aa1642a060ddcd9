"""The Hybrid Hiring Guide's calculators: pure Python, standard library only, no I/O.

The same package runs at build time (mkdocs-macros pre-renders each calculator's default
scenario) and in the reader's browser on Pyodide. Public API:

    names()                      -> list of calculator names
    fields(name)                 -> list of JSON-safe field descriptions
    run(name, params)            -> {"ok", "errors", "inputs", "result", "warnings", "html"}; never raises
    formats(name)                -> the export formats it offers, e.g. ["csv", "json"]
    export(name, params, fmt)    -> the text of a download ("csv", "json", "markdown" where offered)

A calculator is a module with NAME, TITLE, FIELDS, compute(inputs) -> (result, warnings) and
render(inputs, result, warnings) -> html; optionally check(inputs) -> errors for rules that
involve several fields, export_rows(inputs, result) for CSV, to_markdown(inputs, result), and
EXPORTS (the formats offered; default ("csv", "json")).
"""
import csv
import io
import json
import math

from . import render
from .fields import validate

_MODULES = []


def _load():
    """Import the calculator modules on first use (keeps the import cheap and cycle-free)."""
    if not _MODULES:
        from . import screening_overhead, stage_planner, screening_metrics, hiring_plan
        for m in (screening_overhead, stage_planner, screening_metrics, hiring_plan):
            if getattr(m, "NAME", None):
                _MODULES.append(m)
    return {m.NAME: m for m in _MODULES}


def names():
    return list(_load())


def fields(name):
    module = _load().get(name)
    if module is None:
        raise KeyError(f"unknown calculator {name!r}; known: {', '.join(names())}")
    return [f.to_dict() for f in module.FIELDS]


def formats(name):
    module = _load().get(name)
    if module is None:
        raise KeyError(f"unknown calculator {name!r}; known: {', '.join(names())}")
    return list(getattr(module, "EXPORTS", ("csv", "json")))


def _finite(value):
    """True when every number in a JSON-like structure is finite."""
    if isinstance(value, float):
        return math.isfinite(value)
    if isinstance(value, dict):
        return all(_finite(v) for v in value.values())
    if isinstance(value, (list, tuple)):
        return all(_finite(v) for v in value)
    return True


def run(name, params=None):
    module = _load().get(name) if isinstance(name, str) else None
    if module is None:
        return {"ok": False, "errors": {"calculator": f"Unknown calculator; choose one of: {', '.join(names())}."},
                "inputs": {}, "html": '<div class="calc-errors" role="alert"><p>Unknown calculator.</p></div>'}
    inputs, errors = validate(module.FIELDS, params)
    if not errors and hasattr(module, "check"):
        errors = module.check(inputs)
    if errors:
        return {"ok": False, "errors": errors, "inputs": inputs, "html": render.errors_html(module.FIELDS, errors)}
    try:
        result, warnings = module.compute(inputs)
        if not _finite(result):
            raise ArithmeticError("non-finite result")
        html = module.render(inputs, result, warnings)
    except (ArithmeticError, ValueError, OverflowError):
        errors = {"inputs": "These inputs are too extreme to calculate with; try smaller numbers."}
        return {"ok": False, "errors": errors, "inputs": inputs, "html": render.errors_html(module.FIELDS, errors)}
    return {"ok": True, "errors": {}, "inputs": inputs, "result": result, "warnings": warnings, "html": html}


def _flatten(prefix, value, rows):
    if isinstance(value, dict):
        for k, v in value.items():
            _flatten(f"{prefix}.{k}" if prefix else str(k), v, rows)
    elif isinstance(value, list):
        for i, v in enumerate(value):
            _flatten(f"{prefix}.{i}", v, rows)
    else:
        rows.append([prefix, value])


def _file_note(field, value, bad):
    """What a download says in place of a file's text (the reader's data stays out of downloads)."""
    if not isinstance(value, str):
        return value
    if bad:
        return "(your file, not included here)"
    if value == field.default:
        return "(the sample file that comes with the calculator, not included here)"
    lines = len(value.splitlines())
    return (f"(your file, not included here: {lines:,} line{'s' if lines != 1 else ''}, "
            f"{len(value):,} characters)")


def _shareable_inputs(module, out):
    """``out["inputs"]`` with the text of every file field replaced by a short note."""
    inputs = dict(out["inputs"])
    for f in getattr(module, "FIELDS", ()):
        if f.kind == "file" and f.name in inputs:
            inputs[f.name] = _file_note(f, inputs[f.name], f.name in out["errors"])
    return inputs


def export(name, params=None, fmt="csv"):
    """The text of a download for ``run(name, params)``: csv, json, or markdown where offered.

    A download never holds the text of a file the reader chose (kind "file"): its inputs say
    "(your file, not included here: N lines, M characters)" instead. ``run`` itself is unchanged.
    """
    out = run(name, params)
    module = _load().get(name) if isinstance(name, str) else None
    shared = _shareable_inputs(module, out)
    if fmt == "json":
        doc = {"calculator": name, "ok": out["ok"], "inputs": shared}
        doc.update({"result": out["result"]} if out["ok"] else {"errors": out["errors"]})
        return json.dumps(doc, indent=2, ensure_ascii=False, sort_keys=False) + "\n"
    if fmt == "csv":
        buf = io.StringIO()
        w = csv.writer(buf, lineterminator="\n")
        if not out["ok"]:
            w.writerow(["field", "error"])
            w.writerows(out["errors"].items())
            return buf.getvalue()
        w.writerow(["section", "name", "value"])
        for k, v in shared.items():
            if not (isinstance(v, str) and len(v) > 200):
                w.writerow(["input", k, v])
        rows = module.export_rows(out["inputs"], out["result"]) if hasattr(module, "export_rows") else None
        if rows is None:
            rows = []
            _flatten("", out["result"], rows)
            rows = [["result", *r] for r in rows]
        w.writerows(rows)
        return buf.getvalue()
    if fmt == "markdown" and module is not None and hasattr(module, "to_markdown"):
        if not out["ok"]:
            return "Some inputs need fixing:\n\n" + "".join(f"- {m}\n" for m in out["errors"].values())
        return module.to_markdown(out["inputs"], out["result"])
    raise ValueError(f"export format {fmt!r} is not offered for {name!r}")
