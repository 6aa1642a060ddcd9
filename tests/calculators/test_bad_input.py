"""Hostile or broken input gives ok: False with a clear message, never an exception, NaN or Infinity."""
import json
import re

import pytest

import calculators
from calculators.fields import fmt_bound
from tests.calculators.corpus import SCRIPT, bad_cases

ALL = [(name, params, field) for name in calculators.names() for params, field in bad_cases(name)]


def _id(case):
    name, params, field = case
    return f"{name}:{field}:{str(params)[:40]}"


@pytest.mark.parametrize("case", ALL, ids=[_id(c) for c in ALL])
def test_bad_value_is_an_error_not_an_exception(case):
    name, params, field = case
    out = calculators.run(name, params)
    text = json.dumps(out, allow_nan=False)  # raises on NaN or Infinity anywhere
    assert out["ok"] is False
    assert field in out["errors"], out["errors"]
    assert "result" not in out
    assert "<script" not in out["html"].lower()  # echoed only as data in inputs, never as markup
    assert not re.search(r"\sid=", out["html"])
    assert len(text) < 50_000, "a hostile value must not be echoed back whole"


def _numeric_fields():
    for name in calculators.names():
        for f in calculators.fields(name):
            if f["kind"] in ("number", "integer", "percent"):
                yield name, f


@pytest.mark.parametrize("name,f", list(_numeric_fields()), ids=lambda x: x if isinstance(x, str) else x["name"])
def test_message_names_field_range_and_unit(name, f):
    out = calculators.run(name, {f["name"]: "abc"})
    message = out["errors"][f["name"]]
    assert f["label"] in message
    if f["min"] is not None:
        assert fmt_bound(f["min"]) in message
    if f["max"] is not None:
        assert fmt_bound(f["max"]) in message
    if f["unit"]:
        assert f["unit"] in message


@pytest.mark.parametrize("name", calculators.names())
def test_errors_are_escaped_in_html(name):
    field = calculators.fields(name)[0]["name"]
    out = calculators.run(name, {field: SCRIPT})
    assert out["ok"] is False
    assert "<script" not in out["html"]
    assert out["inputs"][field] in (SCRIPT, None)  # the raw value is echoed only in inputs, as data


def test_unknown_calculator_and_wrong_name_types():
    for name in ("nope", None, 5, ["screening-overhead"], SCRIPT):
        out = calculators.run(name, {})
        assert out["ok"] is False and "calculator" in out["errors"]
        assert "<script" not in out["html"]
        json.dumps(out, allow_nan=False)


def test_issue_examples_screening_overhead():
    cases = {"candidates": ["", "abc", "NaN", "inf", "-1", "1e400", "10%", SCRIPT, "9" * 100_000, [5], None,
                            1_000_000],
             "interviewers_per_call": [0, "0"], "no_show_rate": [101, "100.5"], "completion_rate": [0, "0"]}
    for field, values in cases.items():
        for value in values:
            out = calculators.run("screening-overhead", {field: value})
            assert out["ok"] is False and field in out["errors"], (field, value)


def test_warnings_are_not_errors():
    out = calculators.run("screening-overhead", {"prompts": 8, "completion_rate": 30, "review_deadline_days": 5})
    assert out["ok"] is True and out["errors"] == {}
    text = " ".join(out["warnings"])
    assert "five" in text and "completion rate" in text.lower() and "48 hours" in text
    assert 'class="calc-warnings"' in out["html"]


def test_edge_values_that_are_allowed():
    ok = [{"candidates": 100_000}, {"candidates": 1}, {"hourly_cost": 500}, {"call_minutes": 240},
          {"scheduling_minutes": 0, "followup_minutes": 0, "no_show_rate": 0, "reschedule_rate": 0, "prep_minutes": 0},
          {"scheduling_minutes": 240, "followup_minutes": 240}, {"no_show_rate": 100}, {"completion_rate": 0.5},
          {"prompts": 10}, {"interviewers_per_call": 5}, {"candidates": " 25 "}, {"hourly_cost": "1e2"},
          {"rebook_no_shows": "off"}, {"currency": "eur"}]
    for params in ok:
        out = calculators.run("screening-overhead", params)
        assert out["ok"] is True, (params, out["errors"])
        json.dumps(out, allow_nan=False)
    for params in ({"applicants": 1_000_000}, {"target_hires": ""}, {"target_hires": None}, {"target_hires": 0},
                   {"target_hires": "  "}, {"final_round": "no"}, {"screen_format": "LIVE"}):
        out = calculators.run("stage-planner", params)
        assert out["ok"] is True, (params, out["errors"])
