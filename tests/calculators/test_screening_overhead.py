"""screening-overhead: the default scenario by hand, and the model's invariants (hypothesis)."""
import math

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import calculators
from calculators import screening_overhead as so
from calculators.fields import validate
from tests.calculators.strategies import params_for

SETTINGS = settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
# completion rates below 0.01 % (e.g. 1e-311) overflow "minutes per completed screen": run() then
# answers ok: False ("too extreme"), tested below; the properties use realistic positive rates
POSITIVE = st.floats(0.01, 100)
SIGNED = {"hours_saved", "cost_saved", "days_saved", "hours_saved_low", "hours_saved_high",
          "days_saved_low", "days_saved_high"}


def run(params):
    out = calculators.run("screening-overhead", params)
    assert out["ok"], out["errors"]
    return out


def clean(params):
    inputs, errors = validate(so.FIELDS, params)
    assert not errors
    return inputs


def close(a, b, rel=1e-9):
    return math.isclose(a, b, rel_tol=rel, abs_tol=1e-9)


def test_default_scenario_by_hand():
    r = run({})["result"]
    live, asy = r["live"], r["async"]
    # live, 20 candidates: 1.1 bookings each (10 % no-shows rebooked once), 0.99 calls held each
    minutes = 20 * 1.1 * 1.1 * 30 + 20 * 1.1 * 5 + 20 * 0.99 * 20 + 20 * 0.11 * 20 + 20 * 0.99 * 10
    assert close(minutes, 1474)
    assert close(live["team_hours"], 1474 / 60)
    assert close(live["screened"], 19.8)
    assert close(live["minutes_per_screen"], 1474 / 19.8)
    assert close(r["multiplier"], 1474 / 19.8 / 20)
    assert close(live["cost"], 1474 / 60 * 43.64)
    # async: 60 set-up + 20 x (2 + 1) + 14 completed x (4 x 2 + 3 review + 5 follow-up)
    assert close(asy["team_hours"], (60 + 60 + 14 * 16) / 60)
    assert close(asy["screened"], 14)
    assert close(r["hours_saved"], (1474 - 344) / 60)
    # calendar: booking lag + a weighted second lag + 22 slots of 20 min at 5 h a week
    tail = 3 * (1 - 0.81 ** 20)
    assert close(live["calendar_days"], 3 + tail + 22 * 20 / 60 / 5 * 7)
    assert close(asy["calendar_days"], max(3, 154 / 60 / 5 * 7) + 2)
    assert r["top_drivers"][0] == "scheduling_minutes"
    assert close(r["break_even_candidates"], 60 / (1474 / 20 - (344 - 60) / 20))


def test_headline_and_html():
    out = run({})
    html = out["html"]
    assert "Each 20-minute call costs your team about 74 minutes" in html
    assert "<svg" in html and "calc-chart-data" in html and "calc-assumptions" in html
    assert "Bureau of Labor Statistics" in html and "Assumption" in html
    assert "$43.64 per hour" in html
    eur = run({"currency": "EUR", "hourly_cost": 40})["html"]
    assert "€" in eur and "$" not in eur.replace("US dollar", "")


def test_no_show_100_has_no_completed_live_screen():
    r = run({"no_show_rate": 100})
    assert r["result"]["live"]["screened"] == 0
    assert r["result"]["live"]["minutes_per_screen"] is None and r["result"]["multiplier"] is None
    assert "no 20-minute call is ever held" in r["html"]


def test_sensitivity_covers_every_sourced_field():
    r = run({})["result"]
    names = {row["name"] for row in r["sensitivity"]}
    assert names == {f.name for f in so.FIELDS if f.source}
    swings = [row["swing"] for row in r["sensitivity"]]
    assert swings == sorted(swings, reverse=True)
    row = next(row for row in r["sensitivity"] if row["name"] == "hourly_cost")
    assert row["swing"] == 0  # money does not change hours


def walk(value, key=""):
    if isinstance(value, dict):
        for k, v in value.items():
            yield from walk(v, k)
    elif isinstance(value, list):
        for v in value:
            yield from walk(v, key)
    else:
        yield key, value


@SETTINGS
@given(params_for(so.FIELDS, completion_rate=POSITIVE))
def test_numbers_finite_and_non_negative(params):
    out = run(params)
    for key, value in walk(out["result"]):
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            assert math.isfinite(value), key
            if key not in SIGNED:
                assert value >= 0, (key, value)


@SETTINGS
@given(params_for(so.FIELDS, candidates=st.integers(1, 30_000)), st.integers(1, 30_000))
def test_team_hours_affine_in_candidates(params, step):
    hours = []
    for n in (params["candidates"], params["candidates"] + step, params["candidates"] + 2 * step):
        r = so.model(clean({**params, "candidates": n}))
        hours.append((r["live"]["team_hours"], r["async"]["team_hours"]))
    setup = clean(params)["setup_minutes"] / 60
    for i in (0, 1):
        a, b, c = (h[i] for h in hours)
        assert math.isclose(b - a, c - b, rel_tol=1e-9, abs_tol=1e-6)
    # without the one-off set-up, team time is proportional to candidates
    n = params["candidates"]
    assert math.isclose(hours[0][0] / n, hours[1][0] / (n + step), rel_tol=1e-9, abs_tol=1e-12)
    assert math.isclose((hours[0][1] - setup) / n, (hours[1][1] - setup) / (n + step), rel_tol=1e-9, abs_tol=1e-12)


@SETTINGS
@given(params_for(so.FIELDS, no_show_rate=st.floats(0, 99.9)))
def test_live_minutes_per_screen_at_least_the_call(params):
    v = clean(params)
    r = so.model(v)
    floor = v["call_minutes"] * v["interviewers_per_call"]
    assert r["live"]["minutes_per_screen"] >= floor * (1 - 1e-12)
    assert r["multiplier"] >= v["interviewers_per_call"] * (1 - 1e-12)


@SETTINGS
@given(params_for(so.FIELDS, scheduling_minutes=0, followup_minutes=0, prep_minutes=0, no_show_rate=0,
                  reschedule_rate=0))
def test_live_minutes_per_screen_is_the_call_without_overhead(params):
    v = clean(params)
    r = so.model(v)
    assert math.isclose(r["live"]["minutes_per_screen"], v["call_minutes"] * v["interviewers_per_call"], rel_tol=1e-12)


@SETTINGS
@given(params_for(so.FIELDS, completion_rate=POSITIVE), st.floats(0, 99.9), st.floats(0, 99.9))
def test_more_no_shows_never_make_a_live_screen_cheaper(params, p1, p2):
    lo, hi = sorted((p1, p2))
    a = so.model(clean({**params, "no_show_rate": lo}))["live"]["minutes_per_screen"]
    b = so.model(clean({**params, "no_show_rate": hi}))["live"]["minutes_per_screen"]
    assert b >= a * (1 - 1e-12)


@SETTINGS
@given(params_for(so.FIELDS, completion_rate=POSITIVE), st.integers(1, 20), st.integers(1, 20), st.floats(0, 30), st.floats(0, 30))
def test_more_or_longer_prompts_never_lower_async_hours(params, k1, k2, m1, m2):
    base = {**params, "prompts": min(k1, k2), "answer_minutes": min(m1, m2)}
    h0 = so.model(clean(base))["async"]["team_hours"]
    h1 = so.model(clean({**base, "prompts": max(k1, k2)}))["async"]["team_hours"]
    h2 = so.model(clean({**base, "answer_minutes": max(m1, m2)}))["async"]["team_hours"]
    assert h1 >= h0 * (1 - 1e-12) and h2 >= h0 * (1 - 1e-12)


def without_costs(value):
    if isinstance(value, dict):
        return {k: without_costs(v) for k, v in value.items() if k not in ("cost", "cost_saved")}
    if isinstance(value, list):
        return [without_costs(v) for v in value]
    return value


@SETTINGS
@given(params_for(so.FIELDS, completion_rate=POSITIVE), st.floats(0, 2000), st.floats(0, 2000))
def test_cost_is_hours_times_rate_and_rate_changes_costs_only(params, c1, c2):
    r1 = run({**params, "hourly_cost": c1})["result"]
    r2 = run({**params, "hourly_cost": c2})["result"]
    for r, c in ((r1, c1), (r2, c2)):
        for fmt in ("live", "async"):
            assert r[fmt]["cost"] == r[fmt]["team_hours"] * c
    assert without_costs(r1) == without_costs(r2)


@pytest.mark.parametrize("n", [2, 5, 20, 100, 1000, 100_000])
def test_async_saves_more_as_volume_grows(n):
    r = run({"candidates": n})["result"]
    assert r["hours_saved"] > 0
    assert r["hours_saved"] > run({"candidates": n - 1})["result"]["hours_saved"]


def test_one_candidate_does_not_repay_the_setup():
    r = run({"candidates": 1})["result"]
    assert -0.05 < r["hours_saved"] < 0 and 1 < r["break_even_candidates"] < 2


def test_absurdly_small_completion_rate_is_an_error_not_an_exception():
    out = calculators.run("screening-overhead", {"completion_rate": 2.2e-311, "setup_minutes": 0})
    assert out["ok"] is False and "inputs" in out["errors"]


def test_few_candidates_and_heavy_setup_warn():
    out = run({"candidates": 1, "setup_minutes": 600})
    assert out["result"]["hours_saved"] < 0
    assert any("pays off" in w or "pay off" in w for w in out["warnings"])
