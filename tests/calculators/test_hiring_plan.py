"""hiring-plan: the advisor's decisions, prompts, compliance to-dos, numbers, output and bad input.

The expected decisions below are written out from issue 7 independently of the rule tables in
calculators/prompts.py, so a wrong row in those tables fails here.
"""
import csv
import io
import itertools
import json
import re
from urllib.parse import parse_qsl

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import calculators
from calculators import hiring_plan
from calculators.prompts import BANK, FAMILIES as P_FAMILIES
from calculators.sources import SOURCES
from tests.calculators.corpus import HUGE, SCRIPT
from tests.calculators.strategies import params_for

NAME = "hiring-plan"
FAMILIES = ["hourly-frontline", "care-support", "driver-warehouse", "customer-service", "office-admin",
            "professional", "manager"]
ON_SITE = {"hourly-frontline", "care-support", "driver-warehouse", "manager"}
P_FAMILY_NOUN = {k: f["noun"] for k, f in P_FAMILIES.items()}
HOURLY = {"hourly-frontline", "care-support", "driver-warehouse", "customer-service"}
JURISDICTIONS = ["us-illinois", "us-nyc", "us-other", "eu", "uk", "other"]
RISKS = ["low", "medium", "high"]
# volume band -> (applicants per opening, openings): 3, 20 and 300 applicants in all
BANDS = {"few": (3, 1), "moderate": (20, 1), "high": (150, 2)}
SITUATIONS = {"office-hours": (False, False), "shift-workers": (True, False), "time-zones": (False, True)}


def plan(**params):
    out = calculators.run(NAME, params)
    assert out["ok"], out["errors"]
    return out["result"]


def params_of(family, band, risk, situation, **extra):
    applicants, openings = BANDS[band]
    shift, tz = SITUATIONS[situation]
    return dict(role_family=family, applicants=applicants, openings=openings, shift_workers=shift,
                time_zones=tz, role_risk=risk, **extra)


def expected_first_format(band, situation):
    if situation != "office-hours":
        return "async"  # shift workers or time zones: candidates record when it suits them
    return "live" if band == "few" else "async"


def expected_final(family, risk, situation):
    """None when no final panel, else its format."""
    if risk == "low":
        return None
    if risk == "medium":
        return "live" if family in ("manager", "professional") else None
    if situation == "time-zones":
        return "live"
    return "in-person" if family in ON_SITE else "live"


DECISIONS = list(itertools.product(FAMILIES, BANDS, RISKS, SITUATIONS))


@pytest.mark.parametrize("family,band,risk,situation", DECISIONS)
def test_decision_table(family, band, risk, situation):
    r = plan(**params_of(family, band, risk, situation))
    stages = r["stages"]
    assert stages[0]["id"] == "first-round"
    assert stages[0]["format"] == expected_first_format(band, situation)
    assert stages[1]["id"] == "interview" and stages[1]["format"] == "live"
    final = expected_final(family, risk, situation)
    panels = [s for s in stages if s["id"] == "final-panel"]
    if final is None:
        assert panels == [] and len(stages) == 2
        assert [s["id"] for s in r["skipped"]] == ["final-panel"]
    else:
        assert len(panels) == 1 and stages[-1] is panels[0] and panels[0]["format"] == final
        assert r["skipped"] == []
    if risk == "low":
        assert all(s["format"] != "in-person" for s in stages)
    for s in stages:
        assert set(s) >= {"name", "format", "reason"} and s["format"] in ("async", "live", "in-person")


@pytest.mark.parametrize("family,band,risk,situation", DECISIONS)
def test_each_reason_is_one_sentence_naming_the_answer_behind_it(family, band, risk, situation):
    r = plan(**params_of(family, band, risk, situation))
    for s in r["stages"] + r["skipped"]:
        reason = s["reason"]
        assert reason[0].isupper() and reason.endswith(".")
        assert not re.search(r"[.!?]\s", reason), f"more than one sentence: {reason}"
        assert "{" not in reason and "}" not in reason
    first = r["stages"][0]["reason"]
    if situation == "shift-workers":
        assert "shifts" in first
    elif situation == "time-zones":
        assert "time zones" in first
    else:
        assert f"{r['total_applicants']:,} applicant" in first
    final_reason = ([s for s in r["stages"] if s["id"] == "final-panel"] or r["skipped"])[0]["reason"]
    assert {"low": "cost little", "medium": "medium", "high": "costly"}[risk] in final_reason


def test_extremes_from_the_issue():
    r = plan(role_family="hourly-frontline", applicants=300, openings=1, shift_workers="yes", time_zones="no",
             role_risk="high")
    assert r["stages"][0]["format"] == "async"
    r = plan(role_family="manager", applicants=3, openings=1, shift_workers="no", time_zones="no", role_risk="high")
    assert r["stages"][0]["format"] == "live"
    assert r["stages"][-1]["id"] == "final-panel"


def test_band_edges_use_applicants_times_openings():
    def first(applicants, openings):
        return plan(role_family="professional", applicants=applicants, openings=openings, shift_workers=False,
                    time_zones=False, role_risk="high")["stages"][0]["format"]
    assert first(1, 1) == "live"
    assert first(3, 1) == "live"
    assert first(1, 3) == "live"
    assert first(4, 1) == "async"
    assert first(2, 2) == "async"  # 4 in all
    assert first(49, 1) == "async"
    assert first(50, 1) == "async"


def test_few_applicants_reason_quotes_the_time_a_recorded_set_would_save():
    r = plan(role_family="manager", applicants=3, openings=1, shift_workers=False, time_zones=False,
             role_risk="high")
    saved = r["numbers"]["first_round"]["hours_saved"]
    assert saved == pytest.approx(r["numbers"]["first_round"]["live_team_hours"]
                                  - r["numbers"]["first_round"]["async_team_hours"])
    assert calculators.render.hours(saved) in r["stages"][0]["reason"]
    one = plan(role_family="manager", applicants=1, openings=1, shift_workers=False, time_zones=False,
               role_risk="high")
    if one["numbers"]["first_round"]["hours_saved"] < 0.05:
        assert "no team time" in one["stages"][0]["reason"]
    assert "1 applicant in all" in one["stages"][0]["reason"]
    for band in ("moderate", "high"):
        r = plan(**params_of("office-admin", band, "medium", "office-hours"))
        saved = r["numbers"]["first_round"]["hours_saved"]
        assert saved > 0
        assert f"saves about {calculators.render.hours(saved)} of team time" in r["stages"][0]["reason"]


@settings(max_examples=300, deadline=None)
@given(params_for(hiring_plan.FIELDS, applicants=st.integers(1, 2000), openings=st.integers(1, 50)))
def test_invariants_for_any_valid_answers(params):
    out = calculators.run(NAME, params)
    assert out["ok"], out["errors"]
    json.dumps(out, allow_nan=False)
    r = out["result"]
    assert [s["id"] for s in r["stages"]][:2] == ["first-round", "interview"]
    assert len(r["stages"]) + len(r["skipped"]) == 3
    if params["role_risk"] == "low":
        assert all(s["format"] != "in-person" for s in r["stages"])
        assert all(s["id"] != "final-panel" for s in r["stages"])
    if params["shift_workers"] or params["time_zones"] or params["applicants"] * params["openings"] >= 50:
        assert r["stages"][0]["format"] == "async"
    if params["role_risk"] == "high":
        assert r["stages"][-1]["id"] == "final-panel"
    assert 3 <= len(r["prompts"]) <= 5
    assert r["review_deadline_hours"] in (24, 48)
    assert {c["id"] for c in r["compliance"]} >= {"accommodations", "retention"}
    assert r["invitation"]["format"] == r["stages"][0]["format"]


# ---------------------------------------------------------------------------------------------
# Prompts

@pytest.mark.parametrize("family,risk", list(itertools.product(FAMILIES, RISKS)))
def test_prompts_come_from_the_family_bank(family, risk):
    r = plan(role_family=family, role_risk=risk)
    prompts = r["prompts"]
    assert 3 <= len(prompts) <= 5
    assert len(prompts) == {"low": 3, "medium": 4, "high": 5}[risk]
    bank = {p["text"]: p for p in BANK[family]}
    assert len({p["text"] for p in prompts}) == len(prompts)
    for p in prompts:
        assert set(p) >= {"text", "strong_answer", "rubric"}
        assert p["text"] in bank
        assert p["strong_answer"] == bank[p["text"]]["strong_answer"]
        assert len(p["rubric"]) >= 3
        assert [lvl["score"] for lvl in p["rubric"]] == sorted(lvl["score"] for lvl in p["rubric"])
        assert all(lvl["anchor"].strip() and lvl["label"].strip() for lvl in p["rubric"])


def test_result_prompts_are_copies_not_the_bank_itself():
    r = hiring_plan.compute(calculators.run(NAME, {})["inputs"])[0]
    r["prompts"][0]["rubric"][0]["anchor"] = "changed"
    r["prompts"][0]["text"] = "changed"
    assert all(p["text"] != "changed" for p in BANK["hourly-frontline"])
    assert all(lvl["anchor"] != "changed" for p in BANK["hourly-frontline"] for lvl in p["rubric"])


# ---------------------------------------------------------------------------------------------
# Compliance

def expected_compliance(jurisdiction, ai):
    ids = set()
    if jurisdiction == "us-illinois" and ai:
        ids.add("illinois-aivi")
    if jurisdiction == "us-nyc" and ai:
        ids.add("nyc-ll144")
    if jurisdiction == "eu" and ai:
        ids.add("eu-ai-act")
    if jurisdiction == "uk":
        ids.add("uk-retention")
    return ids | {"accommodations", "retention"}


@pytest.mark.parametrize("jurisdiction,ai", list(itertools.product(JURISDICTIONS, [True, False])))
def test_compliance_ids_exactly_when_their_conditions_hold(jurisdiction, ai):
    for family, band in (("hourly-frontline", "high"), ("manager", "few")):
        r = plan(**params_of(family, band, "medium", "office-hours", jurisdiction=jurisdiction, ai_scoring=ai))
        ids = [c["id"] for c in r["compliance"]]
        assert len(ids) == len(set(ids))
        assert set(ids) == expected_compliance(jurisdiction, ai)
        for c in r["compliance"]:
            assert set(c) == {"id", "text", "source"}
            assert c["source"] in SOURCES and c["text"].strip()


def test_compliance_sources_fit_the_place():
    def source(jurisdiction, cid, ai=True):
        r = plan(jurisdiction=jurisdiction, ai_scoring=ai)
        return {c["id"]: c["source"] for c in r["compliance"]}[cid]
    assert source("us-illinois", "illinois-aivi") == "illinois-aivi"
    assert source("us-nyc", "nyc-ll144") == "nyc-ll144"
    assert source("eu", "eu-ai-act") == "eu-ai-act"
    assert source("uk", "uk-retention") == "ico-recruitment"
    assert source("us-other", "retention") == "eeoc-recordkeeping"
    assert source("eu", "retention") == "gdpr-storage-limitation"
    assert "emotion recognition" in {c["id"]: c["text"] for c in plan(jurisdiction="eu", ai_scoring=True)
                                     ["compliance"]}["eu-ai-act"]


# ---------------------------------------------------------------------------------------------
# Review deadline, move-on rule, numbers, invitation

@pytest.mark.parametrize("family", FAMILIES)
def test_review_deadline(family):
    moderate = plan(**params_of(family, "moderate", "medium", "office-hours"))
    high = plan(**params_of(family, "high", "medium", "office-hours"))
    assert moderate["review_deadline_hours"] == (24 if family in HOURLY else 48)
    assert high["review_deadline_hours"] == 24
    assert str(high["review_deadline_hours"]) in high["stages"][0]["detail"]
    for r in (moderate, high):  # the reason names the answer behind it
        reason = r["review_deadline_reason"]
        assert f"{r['total_applicants']:,} applicants" in reason or P_FAMILY_NOUN[family] in reason
        assert not re.search(r"[.!?]\s", reason) and reason.endswith(".")


@pytest.mark.parametrize("band,risk", list(itertools.product(BANDS, RISKS)))
def test_move_on_rule(band, risk):
    r = plan(**params_of("office-admin", band, risk, "office-hours"))
    rule, m = r["move_on_rule"], r["move_on"]
    assert m["max_points"] == 3 * len(r["prompts"])
    assert 0 < m["min_points"] <= m["max_points"]
    assert m["min_points"] >= 2 * len(r["prompts"])  # at least "good" on average
    assert f"at least {m['min_points']} of {m['max_points']} points" in rule
    assert "no answer scored 1" in rule
    assert r["stages"][1]["name"].lower() in rule


def test_numbers_are_the_stage_planners_for_these_answers():
    for params in (params_of("driver-warehouse", "high", "high", "shift-workers"),
                   params_of("manager", "few", "high", "office-hours")):
        r = plan(**params)
        sp_params = r["stage_planner_params"]
        assert sp_params["applicants"] == r["total_applicants"] == params["applicants"] * params["openings"]
        assert sp_params["screen_format"] == r["stages"][0]["format"]
        assert sp_params["final_round"] == ("yes" if r["stages"][-1]["id"] == "final-panel" else "no")
        assert sp_params["target_hires"] == params["openings"]
        assert sp_params["prompts"] == len(r["prompts"])
        sp = calculators.run("stage-planner", sp_params)
        assert sp["ok"]
        for k in ("team_hours", "calendar_days", "hires", "applicants_needed"):
            assert r["numbers"]["stage_planner"][k] == sp["result"][k]
        # the share link opens the stage planner with the same answers
        query = dict(parse_qsl(r["stage_planner_query"]))
        assert calculators.run("stage-planner", query)["result"]["team_hours"] == sp["result"]["team_hours"]
        html = calculators.run(NAME, params)["html"]
        assert f'href="../stage-planner/?{calculators.render.esc(r["stage_planner_query"])}"' in html


def test_too_few_applicants_for_the_openings_is_a_warning():
    out = calculators.run(NAME, params_of("manager", "few", "high", "office-hours"))
    needed = out["result"]["numbers"]["stage_planner"]["applicants_needed"]
    assert needed > 3
    assert any("Widen your search" in w for w in out["warnings"])
    out = calculators.run(NAME, params_of("hourly-frontline", "high", "low", "shift-workers"))
    assert not any("Widen your search" in w for w in out["warnings"])


@pytest.mark.parametrize("ai", [True, False])
def test_invitation_for_the_recorded_round(ai):
    r = plan(role_family="care-support", applicants=60, openings=1, shift_workers=True, ai_scoring=ai,
             role_risk="medium")
    inv = r["invitation"]
    assert inv["format"] == "async" and inv["subject"]
    body = inv["body"]
    assert f"{len(r['prompts'])} questions" in body                     # what to expect
    assert re.search(r"about \d+ minutes in all", body)                 # how long it takes
    assert "record it once more" in body                                # retakes
    assert "camera" in body and "microphone" in body                    # device needs
    assert "live call or written answers" in body                       # alternative format
    assert "within a day" in body and "hear back" in body               # when they hear back (24 h)
    assert ("software" in body) is ai and ("consent" in body) is ai
    assert "{" not in body


def test_invitation_for_a_live_first_call():
    r = plan(**params_of("professional", "few", "high", "office-hours"))
    inv = r["invitation"]
    assert inv["format"] == "live"
    assert "call" in inv["subject"] and "another way" in inv["body"]
    assert "within 2 days" in inv["body"]


# ---------------------------------------------------------------------------------------------
# Bad input

CHOICES = {"role_family": FAMILIES, "jurisdiction": JURISDICTIONS, "role_risk": RISKS}


@pytest.mark.parametrize("field", sorted(CHOICES))
@pytest.mark.parametrize("value", ["", "  ", "ceo", "US-Texas", SCRIPT, HUGE, None, 3, ["manager"], {"a": 1}])
def test_unknown_or_empty_choice_names_the_allowed_values(field, value):
    out = calculators.run(NAME, {field: value})
    json.dumps(out, allow_nan=False)
    assert out["ok"] is False and "result" not in out
    message = out["errors"][field]
    for allowed in CHOICES[field]:
        assert allowed in message
    assert "<script" not in out["html"]


@pytest.mark.parametrize("field", ["shift_workers", "time_zones", "ai_scoring"])
@pytest.mark.parametrize("value", ["", "maybe", "yes please", SCRIPT, None, 2, [True]])
def test_bad_yes_no(field, value):
    out = calculators.run(NAME, {field: value})
    assert out["ok"] is False and "yes or no" in out["errors"][field]


@pytest.mark.parametrize("field", ["shift_workers", "time_zones", "ai_scoring"])
def test_yes_no_forms_from_the_contract(field):
    for yes in (True, "yes", "true", "on", "1", "YES", 1):
        assert calculators.run(NAME, {field: yes})["inputs"][field] is True
    for no in (False, "no", "false", "off", "0", 0):
        assert calculators.run(NAME, {field: no})["inputs"][field] is False


def test_choices_accept_any_case_and_spaces():
    out = calculators.run(NAME, {"role_family": " Manager ", "jurisdiction": "US-NYC", "role_risk": "HIGH"})
    assert out["ok"] and out["inputs"]["role_family"] == "manager" and out["inputs"]["jurisdiction"] == "us-nyc"


@pytest.mark.parametrize("params,field,words", [
    ({"applicants": 0}, "applicants", ["1", "100,000"]),
    ({"applicants": ""}, "applicants", ["1", "100,000"]),
    ({"applicants": "1e400"}, "applicants", ["100,000"]),
    ({"applicants": 2.5}, "applicants", ["whole number"]),
    ({"openings": 0}, "openings", ["1", "1,000"]),
    ({"openings": -1}, "openings", ["1", "1,000"]),
    ({"applicants": 1000, "openings": 101}, "applicants", ["100,000", "101"]),
    ({"applicants": 100_000, "openings": 2}, "applicants", ["100,000", "200,000"]),
])
def test_bad_numbers(params, field, words):
    out = calculators.run(NAME, params)
    assert out["ok"] is False
    for w in words:
        assert w in out["errors"][field]


def test_largest_allowed_volume_works():
    out = calculators.run(NAME, {"applicants": 1000, "openings": 100})
    assert out["ok"], out["errors"]
    assert out["result"]["total_applicants"] == 100_000


@settings(max_examples=300, deadline=None)
@given(st.dictionaries(st.sampled_from([f.name for f in hiring_plan.FIELDS] + ["extra"]),
                       st.one_of(st.none(), st.booleans(), st.integers(-10**9, 10**9), st.floats(),
                                 st.text(max_size=80), st.lists(st.integers(), max_size=3)), max_size=9))
def test_nothing_raises_for_any_params(params):
    out = calculators.run(NAME, params)
    json.dumps(out, allow_nan=False)
    assert set(out) >= {"ok", "errors", "inputs", "html"}
    assert "<script" not in out["html"].lower()
    assert calculators.export(NAME, params, "markdown")
    assert calculators.export(NAME, params, "csv")
    json.loads(calculators.export(NAME, params, "json"))


# ---------------------------------------------------------------------------------------------
# HTML and exports

SAMPLES = [params_of("hourly-frontline", "high", "low", "shift-workers", jurisdiction="us-illinois", ai_scoring=True),
           params_of("manager", "few", "high", "office-hours", jurisdiction="uk"),
           params_of("customer-service", "moderate", "medium", "time-zones", jurisdiction="eu", ai_scoring=True),
           {}]


@pytest.mark.parametrize("params", SAMPLES)
def test_html_holds_the_whole_plan_escaped(params):
    out = calculators.run(NAME, params)
    html, r = out["html"], out["result"]
    esc = calculators.render.esc
    assert not re.search(r"\sid=", html)
    assert html.startswith('<div class="calc-result hiring-plan">') and html.endswith("</div>")
    assert html.count("<div") == html.count("</div>") and html.count("<section") == html.count("</section>")
    assert esc(r["summary"]) in html
    for s in r["stages"]:
        assert esc(s["name"]) in html and esc(s["reason"]) in html and esc(s["detail"]) in html
        assert f"plan-format-{s['format']}" in html
    for p in r["prompts"]:
        assert esc(p["text"]) in html and esc(p["strong_answer"]) in html
        for lvl in p["rubric"]:
            assert esc(lvl["anchor"]) in html
    for c in r["compliance"]:
        assert esc(c["text"]) in html
    assert esc(r["move_on_rule"]) in html
    assert esc(r["invitation"]["subject"]) in html
    assert "not legal advice" in html
    assert esc(r["numbers_note"]) in html
    # every quote in text content is escaped: no raw double quote outside attribute syntax
    text_only = re.sub(r"<[^>]*>", "", html)
    assert '"' not in text_only and "<" not in text_only


@pytest.mark.parametrize("params", SAMPLES)
def test_markdown_export_matches_the_result(params):
    out = calculators.run(NAME, params)
    r = out["result"]
    md = calculators.export(NAME, params, "markdown")
    assert isinstance(md, str) and md == hiring_plan.to_markdown(out["inputs"], r)
    assert md.startswith("# Hiring plan\n") and md.endswith("\n")
    assert r["summary"] in md
    for i, s in enumerate(r["stages"], start=1):
        assert f"{i}. **{s['name']}**" in md and s["reason"] in md and s["detail"] in md
    for s in r["skipped"]:
        assert s["reason"] in md
    for i, p in enumerate(r["prompts"], start=1):
        assert f"### {i}. {p['text']}" in md and p["strong_answer"] in md
        for lvl in p["rubric"]:
            assert f"- {lvl['score']} {lvl['label']}: {lvl['anchor']}" in md
    assert f"Review deadline: {r['review_deadline_hours']} hours." in md
    assert r["move_on_rule"] in md
    for c in r["compliance"]:
        assert c["text"] in md and SOURCES[c["source"]]["publisher"] in md
    assert r["invitation"]["subject"] in md
    for para in r["invitation"]["body"].split("\n\n"):
        for line in para.split("\n"):
            assert "> " + line in md
    assert "not legal advice" in md
    if r["numbers_note"]:
        assert r["numbers_note"] in md


def test_json_and_csv_exports_match_the_result():
    params = SAMPLES[1]
    out = calculators.run(NAME, params)
    doc = json.loads(calculators.export(NAME, params, "json"))
    assert doc["calculator"] == NAME and doc["ok"] is True
    assert doc["result"] == json.loads(json.dumps(out["result"]))
    rows = list(csv.reader(io.StringIO(calculators.export(NAME, params, "csv"))))
    assert rows[0] == ["section", "name", "value"]
    stage_rows = [row for row in rows if row[0] == "stage"]
    assert [row[2] for row in stage_rows] == [f"{s['format']}: {s['reason']}" for s in out["result"]["stages"]]
    assert [row[1] for row in rows if row[0] == "compliance"] == [c["id"] for c in out["result"]["compliance"]]
    assert sum(row[0] == "prompt" for row in rows) == len(out["result"]["prompts"])
    assert calculators.formats(NAME) == ["markdown", "json", "csv"]


def test_markdown_export_of_bad_input_lists_the_problems():
    md = calculators.export(NAME, {"role_family": "ceo", "role_risk": "huge"}, "markdown")
    assert md.startswith("Some inputs need fixing")
    assert "hourly-frontline" in md and "low, medium, high" in md


def test_fields_are_the_public_names_from_the_issue():
    names = [f["name"] for f in calculators.fields(NAME)]
    assert names == ["role_family", "applicants", "openings", "shift_workers", "time_zones", "jurisdiction",
                     "ai_scoring", "role_risk"]
    choices = {f["name"]: [c["value"] for c in f.get("choices", [])] for f in calculators.fields(NAME)}
    assert choices["role_family"] == FAMILIES
    assert choices["jurisdiction"] == JURISDICTIONS
    assert choices["role_risk"] == RISKS
