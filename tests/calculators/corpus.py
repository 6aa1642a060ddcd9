"""The bad-input corpus, shared by tests/calculators/test_bad_input.py and the Pyodide parity test.

``bad_cases(name)`` yields ``(params, field_name)`` pairs: params that must give ``ok: False`` with
an error for ``field_name`` (or for the whole params when field_name is "params"). The values are
the hostile or broken things a form, a URL or a script can send; which apply to a field depends on
its kind, range and limits (read from ``calculators.fields``).
"""
import calculators

HUGE = "9" * 100_000            # a 100 kB string
SCRIPT = "<script>alert(1)</script>"

# bad for every number, integer and percent field
NUMBER_BAD = ["", "   ", "abc", "NaN", "nan", float("nan"), "inf", "-inf", "Infinity", float("inf"),
              float("-inf"), "1e400", 10**400, -10**400, "10%", "1,5", "0x10", SCRIPT, HUGE, [1], {"value": 1}, None,
              True, False]
CHOICE_BAD = ["", "maybe", SCRIPT, HUGE, [1], {"value": 1}, None, float("nan"), 5]
YESNO_BAD = ["", "maybe", SCRIPT, HUGE, [True], {"value": 1}, None, float("nan"), 2, -1, "2"]
TEXT_BAD = [None, 5, 1.5, [SCRIPT], {"value": 1}, True]
PARAMS_BAD = ["not a dict", ["candidates", 5], 42, SCRIPT]


def _number_values(f):
    values = list(NUMBER_BAD)
    if f.get("optional"):
        values = [x for x in values if x not in ("", "   ") and x is not None]
    lo, hi = f.get("min"), f.get("max")
    if lo is not None:
        values += [lo - 1, str(lo - 1), lo - 1e-6]
        if f.get("min_exclusive"):
            values += [lo, str(lo)]
    if lo is not None and lo >= 0:
        values += [-1, "-1"]
    if hi is not None:
        values += [hi + 1, str(hi + 1), hi * 10 + 1, 1e300]
    if f["kind"] == "percent":
        values += [101, "150"] if hi is not None and hi < 101 else []
    if f["kind"] == "integer":
        values += [1.5, "2.5"] if (lo is None or lo <= 1.5) and (hi is None or hi >= 2.5) else []
    return values


def bad_values(f):
    """The hostile values for one field description (a dict from calculators.fields)."""
    kind = f["kind"]
    if kind in ("number", "integer", "percent"):
        return _number_values(f)
    if kind == "choice":
        return list(CHOICE_BAD)
    if kind == "yesno":
        return list(YESNO_BAD)
    values = list(TEXT_BAD)
    if len(HUGE) > f.get("max_chars", 64):
        values.append(HUGE)
    values.append("x" * (f.get("max_chars", 64) + 1))
    return values


# Named cases from the issue that are not one field's generic bad value.
SPECIFIC = {
    "screening-overhead": [({"candidates": 1_000_000}, "candidates"), ({"candidates": "1000000"}, "candidates"),
                           ({"interviewers_per_call": 0}, "interviewers_per_call"),
                           ({"completion_rate": 0}, "completion_rate"), ({"no_show_rate": 101}, "no_show_rate"),
                           ({"prompts": 0}, "prompts"), ({"call_minutes": 0}, "call_minutes")],
    "stage-planner": [({"applicants": 1_000_001}, "applicants"), ({"screen_pass_rate": 0}, "screen_pass_rate"),
                      ({"offer_accept_rate": 100.5}, "offer_accept_rate"), ({"screen_format": "phone"}, "screen_format"),
                      ({"target_hires": -3}, "target_hires"), ({"target_hires": "two"}, "target_hires")],
}


def bad_cases(name):
    cases = []
    for f in calculators.fields(name):
        for value in bad_values(f):
            cases.append(({f["name"]: value}, f["name"]))
    cases += SPECIFIC.get(name, [])
    cases += [(params, "params") for params in PARAMS_BAD]
    return cases
