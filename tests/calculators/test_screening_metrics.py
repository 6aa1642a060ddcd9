"""screening-metrics: the exact definitions of issue 6, generated data with known answers, and the
messy-input corpus (missing values, unreadable dates, decisions before invitations, duplicate ids,
blank lines, extra columns, separators, quotes, byte-order marks, date orders, hostile params)."""
import json
import random
import re
import statistics
from datetime import datetime, timedelta, timezone

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import calculators
from calculators import screening_metrics as sm
from calculators.sample_data import SAMPLE_CSV

NAME = "screening-metrics"
HEADER = "candidate_id,invited_at,completed_at,reviewed_at,decided_at"


def run(csv_text, **params):
    out = calculators.run(NAME, {"csv": csv_text, **params})
    json.dumps(out, allow_nan=False)  # JSON-safe, finite
    assert isinstance(out["html"], str)
    return out


def result(csv_text, **params):
    out = run(csv_text, **params)
    assert out["ok"], out["errors"]
    return out["result"]


def expected_p90(xs):
    xs = sorted(xs)
    return xs[0] if len(xs) == 1 else statistics.quantiles(xs, n=10, method="inclusive")[8]


# ------------------------------------------------------------------------- the default scenario
def test_default_is_the_sample_csv_and_reports_its_messy_rows():
    default = calculators.run(NAME, {})
    assert default["ok"]
    assert default == calculators.run(NAME, {"csv": SAMPLE_CSV})
    r = default["result"]
    assert r["rows_read"] == 58  # the blank line is not a row
    assert r["rows_used"] == 54
    assert r["rows_skipped"] == {"missing_invited_at": 1, "unparseable_date": 1,
                                 "date_before_invited_at": 1, "duplicate_candidate_id": 1}
    assert 0 < r["completion_rate"] < 1
    for key in ("time_to_screen", "time_to_decision"):
        assert r[key]["median_hours"] > 0 and r[key]["p90_hours"] >= r[key]["median_hours"]
    assert [g["value"] for g in r["by_format"]] == ["async", "live"]
    assert {g["value"] for g in r["by_role"]} == {"Cashier", "Shift lead", "Warehouse associate"}
    assert default["warnings"] == []


def test_sample_csv_is_realistic():
    lines = SAMPLE_CSV.splitlines()
    assert 40 <= len([x for x in lines if x.strip()]) - 1 <= 80
    assert "" in lines  # a blank line on purpose
    assert SAMPLE_CSV.endswith("\n") and "\r" not in SAMPLE_CSV


def test_public_fields():
    fields = {f["name"]: f for f in calculators.fields(NAME)}
    assert fields["csv"]["kind"] == "file" and fields["csv"]["default"] == SAMPLE_CSV
    assert fields["csv"]["max_chars"] >= 6_000_000
    assert [c["value"] for c in fields["date_order"]["choices"]] == ["auto", "dmy", "mdy"]
    assert fields["review_deadline_hours"]["default"] == 48
    for c in sm.COLUMNS:
        assert fields[f"col_{c}"]["kind"] == "text" and fields[f"col_{c}"]["default"] == ""


# ------------------------------------------------------------------------------ generated data
def _fmt_time(dt_utc, style, offset_minutes):
    local = dt_utc + timedelta(minutes=offset_minutes)
    if style == "iso-t":
        text = local.strftime("%Y-%m-%dT%H:%M:%S")
    elif style == "iso-space":
        text = local.strftime("%Y-%m-%d %H:%M")
    elif style == "dmy":
        text = local.strftime("%d/%m/%Y %H:%M")
    else:  # mdy with AM/PM
        text = local.strftime("%m/%d/%Y %I:%M %p")
    if style.startswith("iso"):
        if offset_minutes == 0:
            text += "Z" if style == "iso-t" else ""
        else:
            sign = "+" if offset_minutes > 0 else "-"
            h, m = divmod(abs(offset_minutes), 60)
            text += f"{sign}{h:02d}:{m:02d}"
    return text


candidate = st.tuples(
    st.integers(0, 60 * 24 * 400),  # invitation, minutes after the start
    st.one_of(st.none(), st.integers(0, 60 * 24 * 20)),  # completion, minutes after the invitation
    st.one_of(st.none(), st.integers(0, 60 * 24 * 20)),  # review
    st.one_of(st.none(), st.integers(0, 60 * 24 * 30)),  # decision
    st.sampled_from(["async", "live", "One-way", "Remote"]),
)


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    cands=st.lists(candidate, min_size=1, max_size=40),
    style=st.sampled_from(["iso-t", "iso-space", "dmy", "mdy"]),
    offset=st.sampled_from([0, 120, -300, 330]),
    delimiter=st.sampled_from([",", ";", "\t"]),
    headers=st.sampled_from([
        ("candidate_id", "invited_at", "completed_at", "reviewed_at", "decided_at", "format"),
        ("Candidate ID", "Invitation sent", "Submitted", "Screened", "Decision date", "Format"),
        ("ID", "Sent", "recorded", "REVIEWED", "decision", "FORMAT"),
        ("candidate-id", "Invited-At", "completed", "reviewed_at", "Decided", "format"),
    ]),
    bom=st.booleans(),
    crlf=st.booleans(),
    deadline=st.sampled_from([24, 48, 72.5]),
)
def test_generated_data_gives_the_true_figures(cands, style, offset, delimiter, headers, bom, crlf,
                                                deadline):
    start = datetime(2026, 1, 5, tzinfo=timezone.utc)
    offset = 0 if style in ("dmy", "mdy") else offset  # spreadsheet dates carry no offset
    lines = [delimiter.join(headers)]
    screen, decision, review, formats = [], [], [], {}
    completed = within = 0
    for i, (inv, comp, rev, dec, fmt) in enumerate(cands):
        t0 = start + timedelta(minutes=inv)
        cells = [f"c{i}", _fmt_time(t0, style, offset)]
        for extra in (comp, rev, dec):
            cells.append("" if extra is None else _fmt_time(t0 + timedelta(minutes=extra), style, offset))
        cells.append(fmt)
        lines.append(delimiter.join(f'"{c}"' if i % 3 == 0 else c for c in cells))
        completed += comp is not None
        if rev is not None:
            screen.append(rev / 60)
        if dec is not None:
            decision.append(dec / 60)
        if comp is not None and rev is not None:
            review.append((rev - comp) / 60)
            within += (rev - comp) / 60 <= deadline
        key = "async" if fmt in ("async", "One-way") else "live"
        formats[key] = formats.get(key, 0) + 1
    nl = "\r\n" if crlf else "\n"
    text = ("\ufeff" if bom else "") + nl.join(lines) + nl
    order = {"dmy": "dmy", "mdy": "mdy"}.get(style, "auto")
    r = result(text, date_order=order, review_deadline_hours=deadline)
    assert r["rows_used"] == len(cands) and r["rows_skipped"] == {}
    assert r["completion_rate"] == completed / len(cands)
    for key, xs in (("time_to_screen", screen), ("time_to_decision", decision)):
        assert r[key]["count"] == len(xs)
        if xs:
            assert r[key]["median_hours"] == statistics.median(xs)
            assert r[key]["p90_hours"] == expected_p90(xs)
            assert sum(b["count"] for b in r[key]["histogram"]) == len(xs)
        else:
            assert r[key]["median_hours"] is None and r[key]["p90_hours"] is None
    rd = r["review_deadline"]
    assert rd["reviewed"] == len(review) and rd["within"] == within
    assert rd["share_within"] == (within / len(review) if review else None)
    assert {g["value"]: g["rows"] for g in r["by_format"]} == formats
    assert sum(w["invited"] for w in r["weekly"]) == len(cands)


@given(st.lists(st.floats(-1e6, 1e6, allow_nan=False), min_size=1, max_size=60))
def test_median_and_p90_match_the_statistics_module(xs):
    s = sorted(xs)
    assert sm.median(s) == statistics.median(xs)
    assert sm.p90(s) == expected_p90(xs)


def test_single_value_gives_that_value_for_median_and_p90():
    r = result(HEADER + "\nA,2026-03-02T09:00,2026-03-02T10:00,2026-03-03T09:30,2026-03-05T09:00\n")
    assert r["time_to_screen"] == {**r["time_to_screen"], "count": 1, "median_hours": 24.5, "p90_hours": 24.5}
    assert r["time_to_decision"]["median_hours"] == r["time_to_decision"]["p90_hours"] == 72
    assert r["completion_rate"] == 1


def test_p90_interpolates_between_closest_ranks():
    rows = [f"c{i},2026-03-02,,2026-03-0{2 + i}," for i in range(5)]  # 0, 24, 48, 72, 96 hours
    r = result(HEADER + "\n" + "\n".join(rows) + "\n")
    assert r["time_to_screen"]["median_hours"] == 48
    assert r["time_to_screen"]["p90_hours"] == pytest.approx(86.4)  # 72 + 0.6 * 24
    assert r["time_to_screen"]["p90_hours"] == statistics.quantiles([0, 24, 48, 72, 96], n=10,
                                                                   method="inclusive")[8]
    assert r["completion_rate"] == 0


def test_two_values_median_is_their_mean():
    r = result(HEADER + "\na,2026-03-02,,2026-03-03,\nb,2026-03-02,,2026-03-05,\n")
    assert r["time_to_screen"]["median_hours"] == 48
    assert r["time_to_screen"]["p90_hours"] == pytest.approx(24 + 0.9 * 48)


# ----------------------------------------------------------------------------- exact definitions
@pytest.mark.parametrize("header", [
    "candidate_id,invited_at", "Candidate ID,Invited At", "CANDIDATE-ID,INVITED-AT", "candidate,invited",
    "id,invitation sent", "Id,Sent", " candidate _ id , invited_at ", "ID;Invitation-Sent",
])
def test_headers_match_ignoring_case_spaces_underscores_hyphens(header):
    sep = ";" if ";" in header else ","
    r = result(f"{header}\nx{sep}2026-01-01\n")
    assert r["rows_used"] == 1


@pytest.mark.parametrize("names,column", [
    (("completed", "recorded", "submitted", "Completed At"), "completed_at"),
    (("reviewed", "screened", "Reviewed_At"), "reviewed_at"),
    (("decided", "decision", "decision date", "Decided At"), "decided_at"),
])
def test_date_column_synonyms(names, column):
    for name in names:
        r = result(f"id,invited,{name}\nx,2026-01-01,2026-01-02\n")
        assert r["columns"][column] == name


def test_the_name_itself_wins_over_a_synonym():
    r = result("id,candidate_id,invited_at\nrow-number-1,C1,2026-01-01\n")
    assert r["columns"]["candidate_id"] == "candidate_id"


@pytest.mark.parametrize("token", ["", "-", "n/a", "N/A", "na", "NA", "null", "NULL", "none", "None", "  n/a  "])
def test_missing_value_tokens(token):
    r = result(f"{HEADER}\nA,2026-01-01,{token},{token},{token}\n")
    assert r["rows_used"] == 1 and r["completion_rate"] == 0
    assert r["time_to_screen"]["count"] == 0 and r["time_to_decision"]["count"] == 0
    skipped = run(f"{HEADER}\n{token},2026-01-01,,,\nB,{token},,,\n")["result"]["rows_skipped"]
    assert skipped == {"missing_candidate_id": 1, "missing_invited_at": 1}


def test_time_without_offset_is_utc_and_date_without_time_is_midnight():
    r = result(f"{HEADER}\n"
               "a,2026-03-02,2026-03-02T06:00,2026-03-02T10:00+02:00,2026-03-03 00:00:00Z\n")
    assert r["time_to_screen"]["median_hours"] == 8  # 10:00+02:00 is 08:00 UTC
    assert r["time_to_decision"]["median_hours"] == 24
    r = result(f"{HEADER}\na,2026-03-02T23:00-05:00,,2026-03-03T04:00:00.000Z,\n")
    assert r["time_to_screen"]["median_hours"] == 0
    assert r["weekly"][0]["week_start"] == "2026-03-02"  # Monday of the UTC week


def test_row_rules_and_their_reasons():
    text = (f"{HEADER}\n"
            "A,2026-01-05,2026-01-06,,\n"           # used
            ",2026-01-05,,,\n"                      # no id
            "B,,2026-01-06,,\n"                     # no invitation
            "C,yesterday,,,\n"                      # unreadable invitation
            "D,2026-01-05,2026-02-30,,\n"           # impossible date
            "E,2026-01-05,,,2026-01-04\n"           # decision before invitation
            "F,2026-01-05 10:00,2026-01-05 09:59,,\n"  # a minute early still counts
            "A,2026-01-07,,,\n"                     # duplicate of a used id
            "G,2026-01-05,,2026-01-04,\n"           # reviewed before invitation
            "G,2026-01-05,,,\n"                     # first occurrence was skipped: this one is used
            "H,2026-01-05T25:00,,,\n")              # hour 25
    r = result(text)
    assert r["rows_used"] == 2
    assert r["rows_read"] == 11
    assert r["rows_skipped"] == {"missing_candidate_id": 1, "missing_invited_at": 1, "unparseable_date": 3,
                                 "date_before_invited_at": 3, "duplicate_candidate_id": 1}
    assert list(r["rows_skipped"]) == [k for k in sm.REASONS if k in r["rows_skipped"]]


def test_first_occurrence_wins():
    r = result(f"{HEADER}\nA,2026-01-05,,,2026-01-06\nA,2026-01-05,,,2026-01-15\n")
    assert r["time_to_decision"]["median_hours"] == 24
    assert r["rows_skipped"] == {"duplicate_candidate_id": 1}


def test_blank_lines_are_ignored_and_not_counted():
    text = f"\n\n{HEADER}\n\nA,2026-01-05,,,\n   \n,,,,\n\r\nB,2026-01-05,,,\n\n"
    r = result(text)
    assert r["rows_used"] == 2 and r["rows_read"] == 2 and r["rows_skipped"] == {}


def test_extra_and_short_rows():
    r = result("id,role,invited_at,notes,completed_at,whatever\n"
               "A,Cashier,2026-01-05,\"said: \"\"call me\"\", ok\",2026-01-06,1,2,3,4\n"
               "B,Driver,2026-01-05\n")
    assert r["rows_used"] == 2 and r["completion_rate"] == 0.5


def test_quoted_fields_with_delimiters_and_newlines():
    text = ('candidate_id;role;invited_at;completed_at\n'
            '"A;1";"Cook; line";"2026-01-05";"2026-01-06"\n'
            '"B";"Night\nshift";2026-01-05;\n')
    r = result(text)
    assert r["rows_used"] == 2 and r["completion_rate"] == 0.5
    assert {g["value"] for g in r["by_role"]} == {"Cook; line", "Night shift"}


@pytest.mark.parametrize("sep", [",", ";", "\t"])
def test_separators_and_bom(sep):
    text = "\ufeff" + sep.join(["Candidate", "Invited", "Completed"]) + "\r\n" + sep.join(["A", "2026-01-05", "2026-01-06 12:00"]) + "\r\n"
    r = result(text)
    assert r["rows_used"] == 1 and r["completion_rate"] == 1
    assert r["columns"]["candidate_id"] == "Candidate"


def order_warnings(out):
    return [w for w in out["warnings"] if "month/day" in w]


def test_date_orders():
    text = f"{HEADER}\nA,05/10/2026,,06/10/2026,\n"
    assert result(text, date_order="dmy")["time_to_screen"]["median_hours"] == 24
    assert result(text, date_order="mdy")["time_to_screen"]["median_hours"] == 24 * 31
    # auto: a day above 12 settles it for the whole file
    text_dmy = text + "B,13/10/2026,,,\n"
    r = run(text_dmy, date_order="auto")
    assert r["result"]["date_order"] == "dmy" and order_warnings(r) == []
    assert r["result"]["time_to_screen"]["median_hours"] == 24
    text_mdy = text + "B,10/13/2026,,,\n"
    r = run(text_mdy, date_order="auto")
    assert r["result"]["date_order"] == "mdy" and order_warnings(r) == []
    # still ambiguous: month/day, with a warning telling the reader to choose
    r = run(text, date_order="auto")
    assert r["result"]["date_order"] == "mdy"
    assert any("Date order" in w for w in order_warnings(r))
    # both kinds: the majority wins, the others are unreadable, and a warning says so
    r = run(text_dmy + "C,10/13/2026,,,\nD,14/10/2026,,,\n", date_order="auto")
    assert r["result"]["date_order"] == "dmy"
    assert r["result"]["rows_skipped"] == {"unparseable_date": 1}
    assert len(order_warnings(r)) == 1
    assert run(text, date_order="auto")["result"]["date_order_how"] == "guess"
    assert run(text_dmy, date_order="auto")["result"]["date_order_how"] == "file"
    assert run(text, date_order="dmy")["result"]["date_order_how"] == "you"
    # ISO dates alone: no question to ask
    iso = run(f"{HEADER}\nA,2026-01-05,,,\n")
    assert order_warnings(iso) == [] and iso["result"]["date_order_how"] == "not needed"
    assert "All your dates are in the ISO form" in iso["html"]


def test_spreadsheet_forms():
    text = (f"{HEADER}\n"
            "A,3/2/26,3/2/2026 9:30 PM,03.03.2026 09:30,2026/03/04\n")
    r = result(text, date_order="mdy")
    assert r["completion_rate"] == 1
    # 3/2 read month/day is March 2, 00:00; 9:30 PM is 21:30; 03.03 is March 3
    assert r["time_to_screen"]["median_hours"] == 24 + 9.5
    assert r["time_to_decision"]["median_hours"] == 48
    bad = run(f"{HEADER}\nA,3/2/2026 13:00 PM,,,\nB,2026-01-05T10:00+25:00,,,\nC,2026-01-05 10:61,,,\n")
    assert bad["result"]["rows_skipped"] == {"unparseable_date": 3}


def test_deadline_adherence_counts_from_completion():
    text = (f"{HEADER}\n"
            "A,2026-01-05,2026-01-06,2026-01-07,\n"        # 24 h after completion
            "B,2026-01-05,2026-01-06,2026-01-08,\n"        # 48 h
            "C,2026-01-05,2026-01-06,2026-01-08T00:01,\n"  # just over 48 h
            "D,2026-01-05,2026-01-06,,\n"                  # waiting for review
            "E,2026-01-05,,,\n")
    rd = result(text)["review_deadline"]
    assert (rd["reviewed"], rd["within"], rd["awaiting_review"]) == (3, 2, 1)
    assert rd["share_within"] == 2 / 3
    assert result(text, review_deadline_hours="24")["review_deadline"]["within"] == 1


def test_weekly_trend_and_role_split():
    text = ("id,invited_at,completed_at,role\n"
            "a,2026-03-01T23:59,2026-03-02,Cook\n"   # Sunday: week of Feb 23
            "b,2026-03-02T00:00,,cook\n"             # Monday: week of Mar 2 (roles merge by case)
            "c,2026-03-08,2026-03-09,Driver\n"       # Sunday: week of Mar 2
            "d,2026-03-09,,\n")                      # no role
    r = result(text)
    assert [(w["week_start"], w["invited"], w["completed"]) for w in r["weekly"]] == [
        ("2026-02-23", 1, 1), ("2026-03-02", 2, 1), ("2026-03-09", 1, 0)]
    assert [(g["value"], g["rows"]) for g in r["by_role"]] == [("Cook", 2), ("Driver", 1), ("not given", 1)]
    assert r["by_format"] == []


def test_many_roles_are_capped():
    rows = "".join(f"c{i},2026-01-05,,role {i % 20}\n" for i in range(100))
    r = result("id,invited,completed,role\n" + rows)
    assert len(r["by_role"]) == sm.MAX_GROUPS
    assert sum(g["rows"] for g in r["by_role"]) == 100
    assert r["by_role"][-1]["value"].startswith("all ")


def test_column_overrides():
    text = "Person,Interview sent on,Done,Looked at\nA,2026-01-05,2026-01-06,2026-01-06T12:00\n"
    out = run(text)
    assert not out["ok"] and "csv" in out["errors"]
    r = result(text, col_candidate_id="person", col_invited_at="INTERVIEW SENT ON",
               col_completed_at="Done", col_reviewed_at="looked_at")
    assert r["rows_used"] == 1 and r["time_to_screen"]["median_hours"] == 36
    out = run(SAMPLE_CSV, col_decided_at="Offer date")
    assert not out["ok"] and set(out["errors"]) == {"col_decided_at"}
    assert "Offer date" in out["errors"]["col_decided_at"]


def test_missing_optional_columns_warn():
    out = run("id,invited\nA,2026-01-05\n")
    assert out["ok"] and out["result"]["completion_rate"] == 0
    text = " ".join(out["warnings"])
    for word in ("completion date", "review date", "decision date"):
        assert word in text


# ----------------------------------------------------------------------------------- bad input
@pytest.mark.parametrize("text", [
    "", "   \n\n", "\ufeff", "candidate_id,invited_at\n", "just one line", "a,b,c\n1,2,3\n",
    "\x00\x01\x02", "id,invited\n\"A,2026-01-01\n" + "x" * 200_000, "id,invited\n" + "\"" * 1001,
    "<script>alert(1)</script>", "id,invited\n<script>,2026-01-01\n", "id\tinvited\n" + "\n" * 5000,
])
def test_broken_files_never_raise(text):
    out = run(text)
    assert "<script>" not in out["html"]
    if out["ok"]:
        assert out["result"]["rows_used"] >= 0


@pytest.mark.parametrize("params", [
    {"csv": None}, {"csv": 12}, {"csv": ["a"]}, {"csv": {"a": 1}}, {"date_order": "ymd"},
    {"date_order": None}, {"review_deadline_hours": "NaN"}, {"review_deadline_hours": "inf"},
    {"review_deadline_hours": -1}, {"review_deadline_hours": 0}, {"review_deadline_hours": "1e400"},
    {"review_deadline_hours": "48%"}, {"review_deadline_hours": "<script>"}, {"col_role": "x" * 100_000},
    {"col_role": 5}, {"review_deadline_hours": [48]}, {"review_deadline_hours": None},
])
def test_bad_params_give_errors(params):
    out = calculators.run(NAME, params)
    assert not out["ok"] and out["errors"]
    assert "<script>" not in out["html"]
    json.dumps(out, allow_nan=False)


def test_too_long_file_gets_a_clear_message():
    out = calculators.run(NAME, {"csv": "x" * (sm.MAX_CHARS + 1)})
    assert not out["ok"]
    assert "limit" in out["errors"]["csv"] and "8,000,000" in out["errors"]["csv"]


def test_no_usable_row_is_a_result_with_a_warning():
    out = run(f"{HEADER}\n,2026-01-01,,,\nB,,,,\n")
    assert out["ok"] and out["result"]["rows_used"] == 0
    assert out["result"]["completion_rate"] is None
    assert out["result"]["time_to_screen"]["median_hours"] is None
    assert any("No row" in w for w in out["warnings"])


def test_unclosed_quote_stops_with_a_warning_not_an_error():
    text = f"{HEADER}\nA,2026-01-05,,,\nB,\"2026-01-05,,,\n" + "C,2026-01-05,,,\n" * 10
    out = run(text)
    assert out["ok"]
    assert out["result"]["rows_used"] == 1
    assert out["result"]["rows_skipped"] == {"unparseable_date": 1}
    assert any("quote" in w for w in out["warnings"])


# -------------------------------------------------------------------------------------- html
def test_html_is_escaped_has_no_ids_and_does_not_echo_the_file():
    text = ("id,invited_at,completed_at,role,format\n"
            "SECRET-ID-123,2026-01-05,2026-01-06,<b>Chef & \"cook\"</b>,<i>async</i>\n"
            "JANE-DOE-456,2026-01-05,,<script>x</script>,live\n"
            ",2026-01-05,,,\n")
    out = run(text)
    html = out["html"]
    assert "<script>" not in html and "<b>" not in html and "<i>" not in html
    assert "&lt;b&gt;Chef &amp; &quot;cook&quot;&lt;/b&gt;" in html
    assert "SECRET-ID-123" not in html and "JANE-DOE-456" not in html
    assert not re.search(r"\sid=", html)
    assert "never" in html and "uploaded" in html


def test_html_reads_the_figures_in_plain_words_with_the_guides_targets():
    html = calculators.run(NAME, {})["html"]
    assert "Half of your candidates waited more than" in html
    assert "24 to 48 hours" in html
    assert "Glassdoor" in html  # the phone-screen comparison carries its source
    assert 'class="calc-chart"' in html and "calc-chart-data" in html
    assert "Why rows were skipped" in html


def test_exports():
    assert "rows_used" in calculators.export(NAME, {}, "csv")
    doc = json.loads(calculators.export(NAME, {}, "json"))
    assert doc["result"]["rows_used"] == 54
    # The file's text stays out of downloads (the figures computed from it are the point).
    assert "C-1001" not in calculators.export(NAME, {}, "json")
    assert "C-1001" not in calculators.export(NAME, {}, "csv")
    mine = json.loads(calculators.export(NAME, {"csv": SAMPLE_CSV.replace("C-1001", "C-9001")}, "json"))
    assert mine["inputs"]["csv"].startswith("(your file, not included here: ")
    assert mine["result"]["rows_used"] == 54


# -------------------------------------------------------------------------------------- size
def _big_file(n, seed=6):
    r = random.Random(seed)
    start = datetime(2025, 1, 6, 8)
    lines = ["Candidate ID,Role,Format,Invited At,Completed At,Reviewed At,Decided At,Notes"]
    for i in range(n):
        inv = start + timedelta(minutes=r.randint(0, 60 * 24 * 365))
        comp = inv + timedelta(minutes=r.randint(10, 60 * 24 * 5)) if r.random() < 0.7 else None
        rev = comp + timedelta(minutes=r.randint(10, 60 * 72)) if comp and r.random() < 0.9 else None
        dec = rev + timedelta(minutes=r.randint(10, 60 * 72)) if rev else None
        cells = [x.strftime("%Y-%m-%dT%H:%M:%S") if x else "" for x in (inv, comp, rev, dec)]
        lines.append(f"C{i:06d},{r.choice(['Cashier', 'Driver', 'Nurse aide'])},{r.choice(['async', 'live'])},"
                     f"{','.join(cells)},a note about the candidate")
    return "\n".join(lines) + "\n"


def test_fifty_thousand_rows_parse():
    text = _big_file(50_000)
    assert len(text) > 4_000_000
    r = result(text)
    assert r["rows_used"] == 50_000 and r["rows_skipped"] == {}
    assert 0.6 < r["completion_rate"] < 0.8


@given(st.integers(1, 9999), st.integers(0, 13), st.integers(0, 32), st.one_of(st.none(), st.tuples(
    st.integers(0, 25), st.integers(0, 61), st.one_of(st.none(), st.integers(0, 61)))), st.sampled_from("T "))
def test_fast_iso_path_agrees_with_the_general_parser(y, mo, d, time, sep):
    text = f"{y:04d}-{mo:02d}-{d:02d}"
    if time:
        h, mi, s = time
        text += f"{sep}{h:02d}:{mi:02d}" + (f":{s:02d}" if s is not None else "")
    fast = sm._parse_first(text, {})
    m = sm._ISO_RE.fullmatch(text)
    g = m.groups()
    assert fast == sm._seconds(int(g[0]), int(g[1]), int(g[2]), g[3:])


def test_build_hook_writes_the_same_sample_csv():
    import importlib.util
    from pathlib import Path
    path = Path(__file__).resolve().parents[2] / "hooks" / "sample_csv.py"
    spec = importlib.util.spec_from_file_location("sample_csv_hook", path)
    hook = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(hook)
    assert hook.sample_csv() == SAMPLE_CSV
    assert hook.PATH == "calculators/sample-screening-data.csv"


@given(st.lists(st.lists(st.text(alphabet="ab ,;\t\r\n-:0", max_size=8), min_size=1, max_size=5), max_size=8),
       st.sampled_from([",", ";", "\t"]))
def test_files_without_quotes_split_like_the_csv_module(rows, sep):
    import csv
    import io
    text = "\n".join(sep.join(r) for r in rows)
    if text.startswith("\ufeff"):
        return
    fast = [r for r in sm._reader(text) if not sm._is_blank(r)]
    slow = [r for r in csv.reader(io.StringIO(text, newline=""), delimiter=sm._sniff(text)) if not sm._is_blank(r)]
    assert fast == slow
