"""The public contract, for EVERY registered calculator: names, fields, run, formats, export.

Loops over calculators.names(), so a calculator added later is covered without editing this file.
"""
import csv
import io
import json
import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import calculators
from calculators.sources import SOURCES

NAMES = calculators.names()
FIELD_KEYS = {"name", "label", "kind", "unit", "min", "max", "step", "default", "help", "group"}
KINDS = {"number", "integer", "percent", "choice", "yesno", "text", "file"}


def as_form_value(value):
    """A default as a form or URL would send it."""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if value is None:
        return ""
    return str(value)


def test_names_are_stable_and_unique():
    assert NAMES[:2] == ["screening-overhead", "stage-planner"]
    assert len(NAMES) == len(set(NAMES))
    for name in NAMES:
        assert re.fullmatch(r"[a-z][a-z0-9-]*", name)


@pytest.mark.parametrize("name", NAMES)
def test_fields_are_json_safe_and_complete(name):
    fields = calculators.fields(name)
    json.dumps(fields, allow_nan=False)
    names = [f["name"] for f in fields]
    assert len(names) == len(set(names))
    for f in fields:
        assert FIELD_KEYS <= set(f), f["name"]
        assert re.fullmatch(r"[a-z][a-z0-9_]*", f["name"])
        assert f["kind"] in KINDS and f["label"] and f["group"] in ("main", "advanced")
        if f["kind"] == "choice":
            assert f["default"] in [c["value"] for c in f["choices"]]
        if "source" in f:
            src = f["source"]
            assert {"title", "year", "url", "reliability", "kind", "key"} <= set(src)
            assert src["key"] in SOURCES
            assert f["assumption"] == (src["kind"] == "assumption")
            if f["low"] is not None and f["high"] is not None and f["kind"] in ("number", "integer", "percent"):
                assert f["low"] <= f["default"] <= f["high"], (f["name"], f["low"], f["default"], f["high"])
                if f["min"] is not None:
                    assert f["low"] >= f["min"], f["name"]
                if f["max"] is not None:
                    assert f["high"] <= f["max"], f["name"]


@pytest.mark.parametrize("name", NAMES)
def test_defaults_run_and_are_json_safe(name):
    out = calculators.run(name, {})
    assert out["ok"] is True, out["errors"]
    assert set(out) >= {"ok", "errors", "inputs", "result", "warnings", "html"}
    json.dumps(out, allow_nan=False)
    assert isinstance(out["html"], str) and out["html"].strip()
    assert not re.search(r"\sid=", out["html"]), "no element ids: a page may show the widget twice"
    assert out == calculators.run(name, None)
    assert set(out["inputs"]) == {f["name"] for f in calculators.fields(name)}


@pytest.mark.parametrize("name", NAMES)
def test_form_strings_give_the_same_answer(name):
    params = {f["name"]: as_form_value(f["default"]) for f in calculators.fields(name)}
    params["an_unknown_field"] = "ignored"
    out = calculators.run(name, params)
    assert out["ok"] is True, out["errors"]
    assert out["result"] == calculators.run(name, {})["result"]


@pytest.mark.parametrize("name", NAMES)
def test_exports_are_text(name):
    offered = calculators.formats(name)
    assert {"csv", "json"} <= set(offered)
    for fmt in offered:
        text = calculators.export(name, {}, fmt)
        assert isinstance(text, str) and text
    doc = json.loads(calculators.export(name, {}, "json"))
    assert doc["ok"] is True and doc["calculator"] == name
    rows = list(csv.reader(io.StringIO(calculators.export(name, {}, "csv"))))
    assert len(rows) > 3 and all(len(r) >= 2 for r in rows)
    bad_field = calculators.fields(name)[0]["name"]
    bad = json.loads(calculators.export(name, {bad_field: [1]}, "json"))
    assert bad["ok"] is False and bad_field in bad["errors"]
    with pytest.raises(ValueError):
        calculators.export(name, {}, "xlsx")


FILE_CALCULATORS = [n for n in NAMES if any(f["kind"] == "file" for f in calculators.fields(n))]


@pytest.mark.parametrize("name", FILE_CALCULATORS)
def test_downloads_never_hold_the_text_of_a_chosen_file(name):
    # A file's text is the reader's data: run() keeps it in inputs (the model needs it), but a
    # download leaves it out and says so, whether the file is good, too long or the sample.
    field = next(f for f in calculators.fields(name) if f["kind"] == "file")
    default = str(field["default"])
    mine = default.replace("C-10", "ZQX-77")  # a marker that cannot appear in any other text
    assert "ZQX-77" in mine and calculators.run(name, {field["name"]: mine})["inputs"][field["name"]] == mine
    lines = len(mine.splitlines())
    for fmt in calculators.formats(name):
        text = calculators.export(name, {field["name"]: mine}, fmt)
        assert "ZQX-77" not in text, fmt
        assert default.splitlines()[0] not in text, fmt  # not even the header row
    doc = json.loads(calculators.export(name, {field["name"]: mine}, "json"))
    assert doc["inputs"][field["name"]] == (
        f"(your file, not included here: {lines:,} lines, {len(mine):,} characters)")
    sample = json.loads(calculators.export(name, {}, "json"))["inputs"][field["name"]]
    assert sample == "(the sample file that comes with the calculator, not included here)"
    too_long = "ZQX-77," * (field["max_chars"] // 7 + 1)
    bad = json.loads(calculators.export(name, {field["name"]: too_long}, "json"))
    assert bad["ok"] is False and field["name"] in bad["errors"]
    assert bad["inputs"][field["name"]] == "(your file, not included here)"
    assert "ZQX-77" not in calculators.export(name, {field["name"]: too_long}, "csv")
    # Every other input is exported as run() returns it.
    assert {k: v for k, v in doc["inputs"].items() if k != field["name"]} == {
        k: v for k, v in calculators.run(name, {field["name"]: mine})["inputs"].items() if k != field["name"]}


@pytest.mark.parametrize("name", NAMES)
def test_unknown_field_names_are_ignored(name):
    assert calculators.run(name, {"zzz": "<b>", "__class__": 1})["ok"] is True


def test_unknown_calculator_in_fields_raises_keyerror():
    with pytest.raises(KeyError):
        calculators.fields("nope")


# Anything at all, as a form, a URL, a script or a broken client could send it.
ANY_VALUE = st.one_of(
    st.none(), st.booleans(), st.integers(min_value=-10**500, max_value=10**500), st.floats(),
    st.text(max_size=80), st.sampled_from(["", "yes", "no", "async", "live", "1e400", "NaN", "-0", "USD"]),
    st.lists(st.integers(), max_size=3), st.dictionaries(st.text(max_size=5), st.integers(), max_size=2),
)


@pytest.mark.parametrize("name", NAMES)
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_run_never_raises_and_stays_json_safe(name, data):
    field_names = [f["name"] for f in calculators.fields(name)]
    params = data.draw(st.dictionaries(st.sampled_from(field_names + ["other"]), ANY_VALUE, max_size=8))
    out = calculators.run(name, params)
    json.dumps(out, allow_nan=False)
    assert out["ok"] in (True, False)
    assert out["ok"] == (not out["errors"])
    assert "<script" not in out["html"].lower()


def test_export_of_unknown_calculator_is_text_not_an_exception():
    for name in ("nope", None, ["screening-overhead"], 5):
        for fmt in ("csv", "json"):
            text = calculators.export(name, {}, fmt)
            assert isinstance(text, str) and "Unknown calculator" in text


@pytest.mark.parametrize("name", NAMES)
def test_export_of_bad_params_is_text(name):
    for params in (None, "junk", [1], {"x": float("nan")}):
        for fmt in calculators.formats(name):
            assert isinstance(calculators.export(name, params, fmt), str)
    json.loads(calculators.export(name, {calculators.fields(name)[0]["name"]: float("nan")}, "json"))
