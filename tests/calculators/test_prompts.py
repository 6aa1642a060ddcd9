"""The prompt bank and the advisor's rule tables (calculators/prompts.py), and the macros that render
them for the guide (macros/prompts.py)."""
import itertools
import re
from html import unescape

import markdown
import pytest

from calculators import prompts as P
from calculators.sources import SOURCES
from macros import prompts as M

FAMILY_IDS = ["hourly-frontline", "care-support", "driver-warehouse", "customer-service", "office-admin",
              "professional", "manager"]


def test_every_family_has_a_bank():
    assert list(P.FAMILIES) == FAMILY_IDS
    assert set(P.BANK) == set(FAMILY_IDS)
    for fid, fam in P.FAMILIES.items():
        assert fam["label"] and fam["examples"] and fam["noun"]
        assert isinstance(fam["on_site"], bool) and isinstance(fam["hourly"], bool)


@pytest.mark.parametrize("family", FAMILY_IDS)
def test_bank_prompts_are_complete(family):
    bank = P.BANK[family]
    assert len(bank) >= 5
    assert len(bank) >= max(P.PROMPT_COUNT.values())
    assert len({p["id"] for p in bank}) == len(bank)
    assert len({p["text"] for p in bank}) == len(bank)
    for p in bank:
        assert set(p) == {"id", "text", "strong_answer", "rubric"}
        assert re.fullmatch(r"[a-z0-9-]+", p["id"])
        assert p["text"].strip() and p["text"][-1] in "?."
        assert len(p["strong_answer"]) > 30
        assert len(p["rubric"]) >= 3
        assert [lvl["score"] for lvl in p["rubric"]] == list(range(1, len(p["rubric"]) + 1))
        anchors = [lvl["anchor"] for lvl in p["rubric"]]
        assert len(set(anchors)) == len(anchors), "each level needs its own anchor"
        assert all(a.strip() and a[-1] == "." for a in anchors)
        assert [lvl["label"] for lvl in p["rubric"]] == ["Weak", "Good", "Strong"]


def test_no_prompt_is_shared_between_families():
    texts = [p["text"] for bank in P.BANK.values() for p in bank]
    assert len(texts) == len(set(texts))


def test_prompt_counts_follow_the_guide_three_to_five():
    assert P.PROMPT_COUNT == {"low": 3, "medium": 4, "high": 5}


def test_bands_are_contiguous_from_one():
    expected_lo = 1
    for i, (_, lo, hi) in enumerate(P.VOLUME_BANDS):
        assert lo == expected_lo
        if hi is None:
            assert i == len(P.VOLUME_BANDS) - 1
        else:
            expected_lo = hi + 1
    assert P.band_of(1) == "few" and P.band_of(3) == "few" and P.band_of(4) == "moderate"
    assert P.band_of(49) == "moderate" and P.band_of(50) == "high" and P.band_of(10**6) == "high"


def test_matches_reads_tuples_as_any_of():
    facts = {"role_family": "manager", "role_risk": "high"}
    assert P.matches({}, facts)
    assert P.matches({"role_family": ("manager", "professional")}, facts)
    assert not P.matches({"role_family": ("office-admin",)}, facts)
    assert P.matches({"role_family": "manager", "role_risk": "high"}, facts)
    assert not P.matches({"role_family": "manager", "role_risk": "low"}, facts)
    assert not P.matches({"missing": True}, facts)


RULE_TABLES = [P.FIRST_ROUND_RULES, P.INTERVIEW_RULES, P.FINAL_RULES, P.REVIEW_DEADLINE_RULES]


@pytest.mark.parametrize("rules", RULE_TABLES)
def test_every_rule_table_ends_with_a_catch_all(rules):
    assert rules[-1]["when"] == {}
    assert all(rule["when"] for rule in rules[:-1]), "a catch-all before the end hides later rows"
    assert len({rule["id"] for rule in rules}) == len(rules)
    for rule in rules:
        assert rule["reason"][0].isupper() and rule["reason"].endswith(".")


def test_stage_rules_name_a_known_format():
    for rule in P.FIRST_ROUND_RULES + P.INTERVIEW_RULES + P.FINAL_RULES:
        assert rule["format"] in ("async", "live", "in-person", None)
        assert rule["name"]
    assert all(rule["format"] for rule in P.FIRST_ROUND_RULES + P.INTERVIEW_RULES)
    assert all(rule["format"] != "in-person" for rule in P.FINAL_RULES if rule["when"].get("role_risk") != "high")


def test_every_combination_of_facts_finds_a_rule():
    for family, band, risk, shift, tz, first in itertools.product(
            FAMILY_IDS, [b for b, _, _ in P.VOLUME_BANDS], ["low", "medium", "high"], [True, False], [True, False],
            ["async", "live"]):
        fam = P.FAMILIES[family]
        facts = {"role_family": family, "band": band, "role_risk": risk, "shift_workers": shift,
                 "time_zones": tz, "first": first, "on_site": fam["on_site"], "hourly": fam["hourly"]}
        for rules in RULE_TABLES:
            assert P.first_match(rules, facts) in rules


def test_compliance_rules():
    ids = [row["id"] for row in P.COMPLIANCE_RULES]
    assert set(ids) == {"illinois-aivi", "nyc-ll144", "eu-ai-act", "uk-retention", "accommodations", "retention"}
    for row in P.COMPLIANCE_RULES:
        assert row["source"] in SOURCES
        assert SOURCES[row["source"]]["kind"] == "law"
        assert row["text"].strip().endswith(".")
    # the two to-dos that always apply have a catch-all row
    for cid in ("accommodations", "retention"):
        assert any(row["id"] == cid and row["when"] == {} for row in P.COMPLIANCE_RULES)
    assert re.fullmatch(r"[A-Z][a-z]+ \d{4}", P.LAW_REVIEWED)


def test_constants_rest_on_their_sources():
    s = SOURCES["ijsa-async-setup"]
    assert s["low"] <= P.ANSWER_MINUTES <= s["high"]
    assert P.PREP_SECONDS == 30  # "30 s to prepare", the same study
    assert "async-response-days" in SOURCES and "interview-minutes" in SOURCES


# ---------------------------------------------------------------------------------------------
# The macros

def _html(md_text):
    return markdown.markdown(md_text, extensions=["tables"])


def test_prompt_bank_renders_every_family_prompt_and_level():
    text = M.prompt_bank()
    html = _html(text)
    assert len(re.findall(r"<h2>", html)) == len(P.FAMILIES)
    assert len(re.findall(r"<h3>", html)) == sum(len(b) for b in P.BANK.values())
    plain = unescape(re.sub(r"<[^>]+>", "", html))
    for fid, fam in P.FAMILIES.items():
        assert f"<h2>{fam['label']}</h2>" in html
        for i, p in enumerate(P.BANK[fid], start=1):
            assert f"{i}. {p['text']}" in plain
            assert p["strong_answer"] in plain
            for lvl in p["rubric"]:
                assert f"{lvl['score']}, {lvl['label'].lower()}: {lvl['anchor']}" in plain
    # readable on a phone: lists and headings, no wide tables
    assert "<table" not in html
    assert html.count("<ul>") == sum(len(b) for b in P.BANK.values())


def test_prompt_bank_heading_level_is_adjustable():
    assert M.prompt_bank(level=3).count("\n### ") == len(P.FAMILIES)
    assert "\n#### 1. " in M.prompt_bank(level=3)
    assert M.prompt_bank(level=99).count("\n##### ") == len(P.FAMILIES)


def test_markdown_escaping():
    assert M._md("a *b* _c_ [d] <e> | `f`") == r"a \*b\* \_c\_ \[d\] &lt;e&gt; \| \`f\`"


def test_plan_rules_renders_every_rule_in_words():
    text = M.plan_rules()
    html = _html(text)
    rows = sum(len(rules) for rules in RULE_TABLES)
    assert html.count("<tr>") == rows + len(RULE_TABLES)  # plus one header row per table
    assert "Any other case" in text
    assert re.search(r"\b50 or more applicants in all\b", text)
    assert "1 to 3 applicants in all" in text
    assert "role_family" not in text and "band" not in text and "{" not in text
    for rule in P.FIRST_ROUND_RULES + P.INTERVIEW_RULES:
        assert rule["name"] in text
    assert "Decide within 24 hours" in text and "Decide within 48 hours" in text
    assert all(f"{n} for {risk} risk" in text for risk, n in P.PROMPT_COUNT.items())


def test_macros_are_registered():
    import macros

    class Env:
        def __init__(self):
            self.registered = {}

        def macro(self, fn, name):
            self.registered[name] = fn

    env = Env()
    macros.define_env(env)
    assert env.registered["prompt_bank"] is M.prompt_bank
    assert env.registered["plan_rules"] is M.plan_rules
