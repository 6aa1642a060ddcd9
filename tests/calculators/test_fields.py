"""The shared validation core: calculators.fields.Field and validate."""
import json
import math

import pytest

from calculators.fields import CURRENCIES, Field, currency_field, fmt_bound, validate
from calculators.sources import SOURCES

NUM = Field("n", "Count", "number", 5.0, unit="minutes", min=0, max=100)
INT = Field("k", "People", "integer", 2, unit="people", min=1, max=10)
PCT = Field("p", "Rate", "percent", 10, unit="%", min=0, max=100, min_exclusive=True)
YN = Field("y", "Rebook", "yesno", True)
CH = Field("c", "Format", "choice", "async", choices=(("async", "Async"), ("live", "Live")))
TXT = Field("t", "Notes", "text", "", max_chars=10)
OPT = Field("o", "Target", "integer", None, min=0, max=100, optional=True)


@pytest.mark.parametrize("raw,value", [(5, 5.0), ("5", 5.0), (" 7.5 ", 7.5), ("1e1", 10.0), (0, 0.0), ("100", 100.0),
                                       (".5", 0.5), ("+3", 3.0)])
def test_numbers_parse(raw, value):
    assert NUM.parse(raw) == (value, None)
    assert isinstance(NUM.parse(raw)[0], float)


@pytest.mark.parametrize("raw", ["", "abc", "NaN", "inf", "1e400", "-1", "100.01", "10%", "1,5", True, None, [1],
                                 float("nan"), float("inf"), "9" * 1000, "0x1A", "5 5"])
def test_bad_numbers_give_a_message_not_a_value(raw):
    value, message = NUM.parse(raw)
    assert value is None
    assert message == "Count: enter a number from 0 to 100 minutes."


def test_integers():
    assert INT.parse("3") == (3, None) and isinstance(INT.parse("3")[0], int)
    assert INT.parse(4.0) == (4, None) and isinstance(INT.parse(4.0)[0], int)
    assert INT.parse("2.5")[0] is None and INT.parse(0)[0] is None and INT.parse(11)[0] is None
    assert "whole number from 1 to 10 people" in INT.parse("x")[1]


def test_percent_min_exclusive():
    assert PCT.parse("0")[0] is None
    assert "above 0 and up to 100 %" in PCT.parse("0")[1]
    assert PCT.parse("0.1") == (0.1, None) and PCT.parse(100) == (100.0, None)
    assert PCT.parse(100.5)[0] is None and PCT.parse("10%")[0] is None


@pytest.mark.parametrize("raw,value", [(True, True), (False, False), (1, True), (0, False), ("yes", True),
                                       ("No", False), (" ON ", True), ("off", False), ("true", True),
                                       ("FALSE", False), ("1", True), ("0", False)])
def test_yesno(raw, value):
    assert YN.parse(raw) == (value, None)


@pytest.mark.parametrize("raw", ["maybe", "", 2, None, 1.5, [True], "yes please"])
def test_yesno_bad(raw):
    assert YN.parse(raw) == (None, "Rebook: enter yes or no.")


def test_choice():
    assert CH.parse("LIVE") == ("live", None) and CH.parse(" async ") == ("async", None)
    assert CH.parse("phone") == (None, "Format: enter one of: async, live.")
    assert CH.parse(None)[0] is None and CH.parse(1)[0] is None


def test_text_limits():
    assert TXT.parse("hello") == ("hello", None)
    assert TXT.parse("x" * 11)[0] is None and "limit is 10" in TXT.parse("x" * 11)[1]
    assert TXT.parse(5)[0] is None


def test_optional_means_not_set():
    assert OPT.parse("") == (None, None) and OPT.parse("  ") == (None, None) and OPT.parse(None) == (None, None)
    assert OPT.parse("0") == (0, None) and OPT.parse(7) == (7, None)
    value, message = OPT.parse("x")
    assert value is None and message.endswith("or leave it empty.")
    assert OPT.to_dict()["optional"] is True and "optional" not in NUM.to_dict()


def test_validate_defaults_errors_and_echo():
    fields = (NUM, INT, YN)
    assert validate(fields, None) == ({"n": 5.0, "k": 2, "y": True}, {})
    inputs, errors = validate(fields, {"n": "9" * 500, "k": [1], "zzz": 1})
    assert set(errors) == {"n", "k"}
    assert inputs["n"] == "9" * 64 and inputs["k"] is None and inputs["y"] is True
    inputs, errors = validate(fields, ["n", 5])
    assert errors == {"params": "Inputs must be a set of named fields."}
    assert inputs == {"n": 5.0, "k": 2, "y": True}


def test_to_dict_is_json_safe_and_carries_the_source():
    f = Field("hourly_cost", "Hourly cost", "number", 43.64, min=0, max=500, source="bls-hr-pay")
    d = f.to_dict()
    json.dumps(d, allow_nan=False)
    assert d["source"]["key"] == "bls-hr-pay" and d["source"]["year"] == SOURCES["bls-hr-pay"]["year"]
    assert d["assumption"] is False
    assert (d["low"], d["high"]) == (27.5, 67.5)  # the field's own unit: pay x benefits factor


def test_range_of_source_uses_per_field_overrides():
    prompts = Field("prompts", "Prompts", "integer", 4, min=1, max=20, source="ijsa-async-setup")
    answer = Field("answer_minutes", "Answer", "number", 2, min=0, max=30, source="ijsa-async-setup")
    assert prompts.range_of_source() == (4, 5)
    assert answer.range_of_source() == (1, 3)


def test_assumption_flag():
    d = Field("no_show_rate", "No-show rate", "percent", 10, min=0, max=100, source="indeed-no-show").to_dict()
    assert d["assumption"] is True


def test_sources_table_is_complete():
    for key, s in SOURCES.items():
        assert {"figure", "value", "low", "high", "unit", "title", "publisher", "year", "url", "reliability",
                "kind"} <= set(s), key
        assert s["kind"] in ("published", "assumption", "law"), key
        if s["low"] is not None:
            assert s["low"] <= s["high"], key
            if s["value"] is not None:
                assert s["low"] <= s["value"] <= s["high"], key
        if s["kind"] == "published":
            assert s["year"], key


def test_currency_field():
    f = currency_field()
    assert f.default == "USD" and f.parse("eur") == ("EUR", None)
    assert set(v for v, _ in f.choices) == set(CURRENCIES)
    assert "US dollar" in f.help


def test_fmt_bound():
    assert fmt_bound(None) == "any" and fmt_bound(100000) == "100,000" and fmt_bound(0.5) == "0.5"
    assert not math.isnan(float(fmt_bound(1.0)))


def test_a_default_and_the_same_value_typed_give_identical_inputs():
    """Typing the default value in a form must not change inputs or exports (20 vs 20.0)."""
    import calculators
    for name in calculators.names():
        for f in calculators.fields(name):
            if f["kind"] in ("text", "file") or f["default"] is None:
                continue
            typed = {True: "yes", False: "no"}.get(f["default"], str(f["default"])) if f["kind"] == "yesno" else str(f["default"])
            a = calculators.run(name, {})
            b = calculators.run(name, {f["name"]: typed})
            assert a["inputs"] == b["inputs"] and repr(a["inputs"][f["name"]]) == repr(b["inputs"][f["name"]]), (name, f["name"])
            assert calculators.export(name, {}, "json") == calculators.export(name, {f["name"]: typed}, "json"), (name, f["name"])
