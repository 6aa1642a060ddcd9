"""stage-planner: the default plan by hand, and the plan's invariants (hypothesis)."""
import math

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import calculators
from calculators import screening_overhead as so
from calculators import stage_planner as sp
from calculators.fields import validate
from tests.calculators.strategies import params_for

SETTINGS = settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
PARAMS = params_for(sp.FIELDS, applicants=st.integers(1, 1_000_000), completion_rate=st.floats(0.01, 100),
                    target_hires=st.one_of(st.none(), st.integers(0, 100_000)))


def run(params):
    out = calculators.run("stage-planner", params)
    assert out["ok"], out["errors"]
    return out


def clean(params):
    inputs, errors = validate(sp.FIELDS, params)
    assert not errors, errors
    return inputs


def test_default_plan_by_hand():
    out = run({})
    r = out["result"]
    assert [s["name"] for s in r["stages"]] == ["First-round screen", "Remote interview", "Final panel", "Offer"]
    assert [s["format"] for s in r["stages"]] == ["async", "live", "panel", "offer"]
    assert [round(s["candidates_in"], 9) for s in r["stages"]] == [40, 10, 4, 2.4]
    assert math.isclose(r["hires"], 40 * 0.25 * 0.4 * 0.6 * 0.89)
    # the first round is the screening-overhead model for 40 candidates
    ov = so.model({**so.DEFAULTS, "candidates": 40})
    assert math.isclose(r["stages"][0]["team_hours"], ov["async"]["team_hours"])
    assert math.isclose(r["stages"][0]["days"], ov["async"]["calendar_days"])
    # async reviews: 28 recordings x 11 min = 5.13 h at 5 h a week take 7.2 days, longer than the 3-day window
    assert r["stages"][0]["capacity_bound"] is True
    # remote interview: 10 x (30 scheduling + 2 x (5 + 45 + 10)) minutes; 7.5 h of interviews at 5 h a week
    # take 10.5 days, longer than Glassdoor's 7.5
    assert math.isclose(r["stages"][1]["team_hours"], 10 * 150 / 60)
    assert math.isclose(r["stages"][1]["days"], 7.5 / 5 * 7) and r["stages"][1]["capacity_bound"] is True
    # the screen overruns its window by 4.2 days, the interview its published length by 3: the screen binds most
    assert r["bottleneck"] == "First-round screen"
    # final panel: 4 x (30 + 3 x (5 + 60 + 10)); 4 h of panels fit in Glassdoor's 6.2 days
    assert math.isclose(r["stages"][2]["team_hours"], 4 * 255 / 60)
    assert r["stages"][2]["days"] == 6.2 and r["stages"][2]["capacity_bound"] is False
    # offer: 2.4 x 30 minutes, 3 days
    assert math.isclose(r["stages"][3]["team_hours"], 2.4 * 0.5) and r["stages"][3]["days"] == 3
    assert math.isclose(r["team_hours"], sum(s["team_hours"] for s in r["stages"]))
    assert r["live_first"]["team_hours"] > r["async_first"]["team_hours"]
    assert r["live_first"]["calendar_days"] > r["async_first"]["calendar_days"]
    assert r["applicants_needed"] is None and r["target_hires"] is None
    assert "From 40 applicants, expect about 2.1 hires" in out["html"]
    assert "Jobvite" in out["html"] and "<svg" in out["html"]


def test_target_hires_empty_or_zero_means_not_set():
    for value in ("", None, 0, "0", "  "):
        assert run({"target_hires": value})["result"]["applicants_needed"] is None
    r = run({"target_hires": 5})["result"]
    assert math.isclose(r["applicants_needed"], 5 / (0.25 * 0.4 * 0.6 * 0.89))
    assert r["applicants_needed_whole"] == 94
    assert "you need about 94 applicants" in run({"target_hires": 5})["html"]


def test_live_first_round_and_no_final_round():
    r = run({"screen_format": "live", "final_round": "no"})["result"]
    assert [s["key"] for s in r["stages"]] == ["screen", "interview", "offer"]
    assert r["stages"][0]["format"] == "live"
    assert math.isclose(r["hires"], 40 * 0.25 * 0.4 * 0.89)
    assert r["live_first"]["team_hours"] == r["team_hours"]


def test_capacity_flags_the_bottleneck_only_when_it_binds():
    roomy = run({"interview_hours_per_week": 168, "call_hours_per_week": 168})["result"]
    # with a full week of interview hours the published stage lengths set the pace everywhere except,
    # possibly, async review, which has its own weekly hours
    assert roomy["stages"][1]["capacity_bound"] is False and roomy["stages"][1]["days"] == 7.5
    tight = run({"applicants": 2000, "interview_hours_per_week": 2})
    assert tight["result"]["bottleneck"] == "Remote interview"
    assert any("sets the pace" in w for w in tight["warnings"])


@SETTINGS
@given(PARAMS)
def test_plan_invariants(params):
    out = run(params)
    r, v = out["result"], out["inputs"]
    stages = r["stages"]
    assert stages[0]["candidates_in"] == v["applicants"]
    for a, b in zip(stages, stages[1:]):
        assert b["candidates_in"] == a["candidates_out"]
    for s in stages:
        assert s["candidates_out"] <= s["candidates_in"]
        for key in ("candidates_in", "candidates_out", "team_hours", "days"):
            assert math.isfinite(s[key]) and s[key] >= 0
    product = v["screen_pass_rate"] / 100 * v["interview_pass_rate"] / 100 * v["offer_accept_rate"] / 100
    if v["final_round"]:
        product *= v["final_pass_rate"] / 100
    assert math.isclose(r["hires"], v["applicants"] * product, rel_tol=1e-12)
    assert r["hires"] == stages[-1]["candidates_out"]
    assert math.isclose(r["team_hours"], sum(s["team_hours"] for s in stages), rel_tol=1e-12)
    assert r["calendar_days"] >= max(s["days"] for s in stages)
    assert math.isclose(r["cost"], r["team_hours"] * v["hourly_cost"], rel_tol=1e-12, abs_tol=1e-9)
    assert math.isclose(r["live_first"]["hires"], r["async_first"]["hires"], rel_tol=1e-12)
    for key in ("team_hours", "calendar_days", "cost"):
        assert math.isfinite(r["live_first"][key]) and r["live_first"][key] >= 0


@SETTINGS
@given(PARAMS, st.integers(1, 100_000))
def test_backwards_then_forwards_gives_the_target(params, target):
    v = clean({**params, "target_hires": target})
    r, _ = sp.compute(v)
    needed = r["applicants_needed"]
    forward, _ = sp.compute({**v, "applicants": needed})
    assert math.isclose(forward["hires"], target, rel_tol=1e-9)
    whole = r["applicants_needed_whole"]
    assert whole >= needed - 1e-6
    if whole <= 1_000_000:
        hires_whole = run({**params, "applicants": whole})["result"]["hires"]
        assert hires_whole >= target * (1 - 1e-9)
        if whole > 1:
            assert run({**params, "applicants": whole - 1})["result"]["hires"] < target * (1 + 1e-9)
