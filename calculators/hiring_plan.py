"""hiring-plan: a personal, printable screening plan from a few answers about the role.

The advisor's rules and the prompt bank are data in ``calculators.prompts``: this module only
matches the reader's answers against those tables, fills in the reasons with the answers that
drove them, and asks the other calculators for the numbers:

- ``screening-overhead`` for the first round at this volume (team hours of live calls vs an async
  round with this many prompts), and
- ``stage-planner`` for the whole process (team hours, calendar days, applicants needed for the
  openings), with a link to the stage planner pre-filled with the same answers.

The result is plain data (stages, prompts, review deadline, move-on rule, numbers, compliance
to-dos, invitation); ``render`` turns it into a fragment that reads on a phone and prints on one
or two pages, and ``to_markdown`` into text to paste into a document or an email.
"""
import math
from urllib.parse import urlencode

from . import prompts as P
from . import render as rd
from .fields import Field
from .sources import SOURCES

NAME = "hiring-plan"
TITLE = "Build my hiring plan"
EXPORTS = ("markdown", "json", "csv")

MAX_TOTAL_APPLICANTS = 100_000  # the most the screening-overhead model takes in one round

JURISDICTIONS = (
    ("us-illinois", "United States: Illinois"),
    ("us-nyc", "United States: New York City"),
    ("us-other", "United States: elsewhere"),
    ("eu", "European Union"),
    ("uk", "United Kingdom"),
    ("other", "Somewhere else"),
)
RISKS = (
    ("low", "Low: easy to undo, quick to train"),
    ("medium", "Medium: a few weeks of training or some customer impact"),
    ("high", "High: senior, safety-critical or hard to replace"),
)

FIELDS = (
    Field("role_family", "Kind of role", "choice", "hourly-frontline",
          choices=tuple((k, f"{f['label']} ({f['examples']})") for k, f in P.FAMILIES.items()),
          help="Pick the closest match. It sets the example prompts and whether the work happens on site."),
    Field("applicants", "Applicants you expect per opening", "integer", 40, unit="applicants",
          min=1, max=MAX_TOTAL_APPLICANTS, step=1,
          help="Your own estimate: how many people usually apply for one opening like this."),
    Field("openings", "Openings to fill", "integer", 2, unit="openings", min=1, max=1000, step=1,
          help="How many people you are hiring for this role."),
    Field("shift_workers", "Do many candidates work shifts?", "yesno", True,
          help="Yes when many candidates cannot take a call during office hours."),
    Field("time_zones", "Are candidates spread across time zones?", "yesno", False,
          help="Yes when candidates live far apart, so a shared hour is hard to find."),
    Field("jurisdiction", "Where are you hiring?", "choice", "us-other", choices=JURISDICTIONS,
          help="Sets the compliance to-dos. General information, not legal advice."),
    Field("ai_scoring", "Will software analyse or score the recordings?", "yesno", False,
          help="Yes when a tool rates, ranks or analyses candidates' recorded answers."),
    Field("role_risk", "How costly would a wrong hire be?", "choice", "medium", choices=RISKS,
          help="Decides whether a final panel is worth its time."),
)
FIELD_BY_NAME = {f.name: f for f in FIELDS}


def check(v):
    total = v["applicants"] * v["openings"]
    if total > MAX_TOTAL_APPLICANTS:
        return {"applicants": f"Applicants per opening x openings: at most {MAX_TOTAL_APPLICANTS:,} "
                              f"applicants in all (you entered {v['applicants']:,} x {v['openings']:,} "
                              f"= {total:,}). Plan one batch at a time."}
    return {}


# --------------------------------------------------------------------------------------------
# The advisor

def facts_of(v, first_format=None, saved_hours=None):
    fam = P.FAMILIES[v["role_family"]]
    total = v["applicants"] * v["openings"]
    return {
        "role_family": v["role_family"], "role_risk": v["role_risk"],
        "shift_workers": v["shift_workers"], "time_zones": v["time_zones"],
        "jurisdiction": v["jurisdiction"], "ai_scoring": v["ai_scoring"],
        "band": P.band_of(total), "on_site": fam["on_site"], "hourly": fam["hourly"],
        "first": first_format,
        # for the reason templates
        "total": f"{total:,}", "s": "" if total == 1 else "s", "family": fam["noun"],
        "a_family": ("an " if fam["noun"][0] in "aeiouh" else "a ") + fam["noun"],
        "risk": v["role_risk"], "saved": saved_phrase(saved_hours),
        "saved_hours": "some" if saved_hours is None else f"about {rd.hours(max(saved_hours, 0))}",
    }


def saved_phrase(hours):
    """How much team time a recorded first round would save, in words, for a reason sentence."""
    if hours is None:
        return "little team time"
    if hours < 0.05:
        return "no team time"
    return f"only about {rd.hours(hours)} of team time"


def _other(name, params):
    """Run another calculator when it is available; None when it is missing or says no."""
    from . import names, run, fields
    if name not in names():
        return None
    known = {f["name"] for f in fields(name)}
    out = run(name, {k: val for k, val in params.items() if k in known})
    return out if out["ok"] else None


def _tidy(x):
    """2.0 -> 2 for a share URL; other values unchanged."""
    return int(x) if isinstance(x, float) and x == int(x) else x


def _round_up(x, step):
    return int(math.ceil(x / step - 1e-9) * step)


def compute(v):
    facts = facts_of(v)
    total = v["applicants"] * v["openings"]
    fam = P.FAMILIES[v["role_family"]]
    n = P.PROMPT_COUNT[v["role_risk"]]
    chosen = [dict(p) for p in P.BANK[v["role_family"]][:n]]
    prompts = [{"id": p["id"], "text": p["text"], "strong_answer": p["strong_answer"],
                "rubric": [dict(level) for level in p["rubric"]]} for p in chosen]

    review = P.first_match(P.REVIEW_DEADLINE_RULES, facts)
    hours = review["hours"]
    response_days = SOURCES["async-response-days"]["value"]
    record_minutes = _round_up(P.SETUP_MINUTES + n * (P.PREP_SECONDS / 60 + P.ANSWER_MINUTES), 5)
    call_minutes = _round_up(5 + 3 * n, 5)

    # The stage design: each table's first matching row. The planner runs with that design; its
    # live-vs-async saving goes into the reasons, so the reasons are formatted last.
    first = P.first_match(P.FIRST_ROUND_RULES, facts)
    facts = facts_of(v, first["format"])
    interview = P.first_match(P.INTERVIEW_RULES, facts)
    final = P.first_match(P.FINAL_RULES, facts)

    planner_params = {
        "applicants": total, "screen_format": first["format"],
        "final_round": "yes" if final["format"] else "no", "target_hires": v["openings"],
        "prompts": n, "answer_minutes": P.ANSWER_MINUTES, "response_days": response_days,
        "review_deadline_days": hours / 24,
    }
    planner = _other("stage-planner", planner_params)
    numbers = {"first_round": None, "stage_planner": None}
    saved = None
    if planner:
        r = planner["result"]
        saved = r["hours_saved"]
        live_screen, async_screen = r["live_first_stages"][0], r["async_first_stages"][0]
        numbers["first_round"] = {
            "candidates": total,
            "live_team_hours": live_screen["team_hours"], "async_team_hours": async_screen["team_hours"],
            "hours_saved": saved,
            "live_days": live_screen["days"], "async_days": async_screen["days"],
        }
        numbers["stage_planner"] = {
            "team_hours": r["team_hours"], "calendar_days": r["calendar_days"], "cost": r["cost"],
            "hires": r["hires"], "applicants_needed": r.get("applicants_needed"),
            "moving_on": r["stages"][0]["candidates_out"], "bottleneck": r.get("bottleneck"),
        }
    facts = facts_of(v, first["format"], saved)

    if first["format"] == "async":
        detail = (f"{n} prompts, {P.PREP_SECONDS} seconds to prepare and up to {P.ANSWER_MINUTES} minutes "
                  f"to answer each, one retake per answer, about {record_minutes} minutes in all. "
                  f"Candidates get {rd.smart(response_days)} days to record; you score each recording "
                  f"within {hours} hours.")
    else:
        detail = (f"A {call_minutes}-minute video or phone call that asks every candidate the same "
                  f"{n} prompts, scored with the same rubric straight after the call.")
    stages = [{"id": "first-round", "name": first["name"], "format": first["format"],
               "reason": first["reason"].format(**facts), "detail": detail, "rule": first["id"]}]

    iv_minutes = SOURCES["interview-minutes"]["value"]
    iv_detail = f"About {iv_minutes} minutes on video with the person the new hire will report to."
    if v["role_family"] == "customer-service":
        iv_detail += " Include five minutes where you play a customer with a real problem."
    stages.append({"id": "interview", "name": interview["name"], "format": interview["format"],
                   "reason": interview["reason"].format(**facts), "detail": iv_detail, "rule": interview["id"]})

    skipped = []
    if final["format"]:
        where = ("in person at the workplace, with a look around" if final["format"] == "in-person"
                 else "on video")
        fdetail = (f"About {SOURCES['final-minutes']['value']} minutes with {SOURCES['panel-size']['value']} "
                   f"people the finalist would work with, {where}.")
        stages.append({"id": "final-panel", "name": final["name"], "format": final["format"],
                       "reason": final["reason"].format(**facts), "detail": fdetail, "rule": final["id"]})
    else:
        skipped.append({"id": "final-panel", "name": final["name"], "reason": final["reason"].format(**facts)})

    # Who moves on
    share = P.MOVE_ON_SHARE[facts["band"]]
    top = 3 * n
    min_total = math.ceil(share * top - 1e-9)
    moving_on = (numbers["stage_planner"] or {}).get("moving_on")

    next_round = stages[1]["name"].lower()
    rule = (f"Score every answer 1 to 3 with the rubric before comparing candidates. Invite to the "
            f"{next_round} everyone with at least {min_total} of {top} points and no answer scored 1. "
            f"If more qualify than you can meet, take the highest totals first.")
    if moving_on is not None:
        rate = planner["inputs"]["screen_pass_rate"]
        rule += (f" At the stage planner's default pass rate of {rd.smart(rate)} %, about "
                 f"{rd.smart(moving_on)} of your {total:,} applicant{facts['s']} move on.")

    compliance = []
    seen = set()
    for row in P.COMPLIANCE_RULES:
        if row["id"] not in seen and P.matches(row["when"], facts):
            seen.add(row["id"])
            compliance.append({"id": row["id"], "text": row["text"], "source": row["source"]})

    invitation = invitation_text(v, first["format"], n, record_minutes, call_minutes, response_days, hours)

    fmt_names = {"async": "a recorded (async) first round", "live": "a live first conversation"}
    then = ", then a final panel " + ("in person" if final["format"] == "in-person" else "on video") \
        if final["format"] else ", and no final panel"
    summary = (f"For {v['openings']:,} {fam['noun']} opening{'s' if v['openings'] != 1 else ''} "
               f"and about {total:,} applicant{facts['s']} in all: {fmt_names[first['format']]} "
               f"with {n} prompts, then a {stages[1]['name'].lower()}{then}.")

    note = ""
    sp = numbers["stage_planner"]
    if sp and sp["hires"] > v["openings"] * 1.5:
        note = (f"These figures are for taking all {total:,} applicants through the process. At these pass "
                f"rates that gives about {rd.smart(sp['hires'])} people you could hire for "
                f"{v['openings']:,} opening{'s' if v['openings'] != 1 else ''}, so you can stop inviting "
                "people to the interview once you have enough strong candidates, and spend less time.")

    result = {
        "summary": summary,
        "total_applicants": total,
        "volume_band": facts["band"],
        "stages": stages,
        "skipped": skipped,
        "prompts": prompts,
        "review_deadline_hours": hours,
        "review_deadline_reason": review["reason"].format(**facts),
        "review_deadline_source": review["source"],
        "move_on_rule": rule,
        "move_on": {"min_points": min_total, "max_points": top, "no_weak_answer": True},
        "numbers": numbers,
        "numbers_note": note,
        "stage_planner_params": planner_params,
        "stage_planner_query": urlencode({k: _tidy(val) for k, val in planner_params.items()}),
        "screening_overhead_query": urlencode({"candidates": total, "prompts": n,
                                               "answer_minutes": P.ANSWER_MINUTES}),
        "compliance": compliance,
        "law_reviewed": P.LAW_REVIEWED,
        "invitation": invitation,
    }
    warnings = []
    needed = (numbers["stage_planner"] or {}).get("applicants_needed")
    if needed is not None and total < needed - 1e-9:
        warnings.append(f"At the stage planner's default pass rates you need about {rd.num(math.ceil(needed - 1e-9))} "
                        f"applicants to fill {v['openings']:,} opening{'s' if v['openings'] != 1 else ''}, and "
                        f"you expect {total:,}. Widen your search, or open the stage planner with your own "
                        "pass rates if yours are higher.")
    if first["format"] == "async" and facts["band"] == "few":
        warnings.append(f"With only {total:,} applicant{facts['s']}, a live call may be simpler: offer one "
                        "to anyone who asks.")
    return result, warnings


def invitation_text(v, fmt, n, record_minutes, call_minutes, response_days, hours):
    role = "[role]"
    when_back = "within a day" if hours <= 24 else f"within {hours // 24} days"
    if fmt == "async":
        subject = f"Next step for the {role} role: a short recorded interview"
        paras = [
            "Hello [name],",
            f"Thank you for applying for the {role} role at [your business]. The next step is a short "
            f"recorded interview that you do whenever suits you, day or night, within "
            f"{rd.smart(response_days)} days of this message.",
            f"What to expect: you will see {n} questions, one at a time. You get {P.PREP_SECONDS} seconds "
            f"to think and up to {P.ANSWER_MINUTES} minutes to answer each one. It takes about "
            f"{record_minutes} minutes in all.",
            "Retakes: if you are not happy with an answer, you can record it once more.",
            "What you need: a phone, tablet or computer with a camera and a microphone, a quiet spot "
            "and a steady internet connection. There is nothing to prepare in advance.",
        ]
        if v["ai_scoring"]:
            paras.append("How we use software: a tool will analyse your recorded answers to help us score "
                         "them. Before you start, we will explain how it works and what it looks at, and "
                         "ask for your consent. A person on our team makes every decision.")
        paras += [
            "Another format: if a recorded interview does not work for you, for any reason, reply to this "
            "message and we will arrange a live call or written answers instead. It will not count "
            "against you.",
            "Your recording: only the people deciding on this role will watch it. We keep it for "
            "[retention period] and then delete it.",
            f"When you will hear back: we review every recording {when_back} of receiving it, and we "
            "will tell you the outcome either way.",
            "Thank you,\n[your name]",
        ]
    else:
        subject = f"Next step for the {role} role: a {call_minutes}-minute call"
        paras = [
            "Hello [name],",
            f"Thank you for applying for the {role} role at [your business]. We would like to talk with "
            f"you on a {call_minutes}-minute video or phone call, whichever you prefer.",
            f"What to expect: we ask every candidate the same {n} questions about their experience and "
            "how they handle situations at work, and leave time for your questions.",
            "Times: reply with two or three times that suit you over the next few days, or pick a slot "
            "from [booking link].",
            "Another format: if a call does not work for you, for any reason, tell us and we will find "
            "another way, such as written answers. It will not count against you.",
            f"When you will hear back: {when_back} of our call, either way.",
            "Thank you,\n[your name]",
        ]
    return {"format": fmt, "subject": subject, "body": "\n\n".join(paras)}


# --------------------------------------------------------------------------------------------
# Output

FORMAT_LABELS = {"async": "Recorded (async)", "live": "Live video or phone", "in-person": "In person"}


def answers_rows(v):
    rows = []
    for f in FIELDS:
        value = v[f.name]
        if f.name == "role_family":
            shown = P.FAMILIES[value]["label"]
        elif f.name == "role_risk":
            shown = value
        elif f.kind == "integer":
            shown = rd.num(value)
        else:
            shown = rd.fmt_field_value(f, value)
        rows.append((f.label, shown))
    return rows


def _label(label):
    """'Openings to fill' -> 'Openings to fill:'; a question keeps its question mark alone."""
    return label if label.endswith("?") else label + ":"


def _source_html(key):
    return rd.source_link(key)


def render(v, result, warnings):
    r = result
    e = rd.esc
    out = ['<div class="calc-result hiring-plan">',
           f'<p class="calc-headline">{e(r["summary"])}</p>',
           '<section class="plan-section plan-answers"><h3>Your answers</h3><ul class="plan-answer-list">']
    out += [f"<li>{e(_label(label))} <strong>{e(shown)}</strong></li>" for label, shown in answers_rows(v)]
    out.append("</ul></section>")

    out.append('<section class="plan-section plan-stages"><h3>Your stages</h3><ol class="plan-stage-list">')
    for s in r["stages"]:
        out.append(f'<li class="plan-stage"><p class="plan-stage-name"><strong>{e(s["name"])}</strong> '
                   f'<span class="plan-format plan-format-{e(s["format"])}">Format: {e(FORMAT_LABELS[s["format"]].lower())}</span></p>'
                   f'<p class="plan-stage-detail">{e(s["detail"])}</p>'
                   f'<p class="plan-reason"><strong>Why:</strong> {e(s["reason"])}</p></li>')
    out.append("</ol>")
    for s in r["skipped"]:
        out.append(f'<p class="plan-skipped"><strong>Not included: {e(s["name"].lower())}.</strong> '
                   f'{e(s["reason"])}</p>')
    out.append("</section>")

    out.append(f'<section class="plan-section plan-prompts"><h3>First-round prompts ({len(r["prompts"])})</h3>'
               '<p>Ask every candidate the same prompts in the same order, and agree on the rubric before '
               'anyone watches or listens.</p><ol class="plan-prompt-list">')
    for p in r["prompts"]:
        levels = "".join(f'<li><strong>{e(level["score"])} {e(level["label"])}:</strong> {e(level["anchor"])}</li>'
                         for level in reversed(p["rubric"]))
        out.append(f'<li class="plan-prompt"><p class="plan-prompt-text"><strong>{e(p["text"])}</strong></p>'
                   f'<p class="plan-strong"><strong>A strong answer shows:</strong> {e(p["strong_answer"])}</p>'
                   f'<ul class="plan-rubric">{levels}</ul></li>')
    out.append("</ol></section>")

    review_src = (f' <span class="plan-source">({_source_html(r["review_deadline_source"])})</span>'
                  if r["review_deadline_source"] else "")
    out.append('<section class="plan-section plan-review"><h3>Reviewing and moving on</h3>'
               f'<p><strong>Review deadline: {e(r["review_deadline_hours"])} hours.</strong> '
               f'{e(r["review_deadline_reason"])}{review_src}</p>'
               f'<p><strong>Who moves on:</strong> {e(r["move_on_rule"])}</p></section>')

    out.append(numbers_html(r))

    out.append('<section class="plan-section plan-compliance"><h3>Compliance to-dos</h3>'
               f'<p class="plan-note">General information as of {e(r["law_reviewed"])}, not legal advice. '
               'Check the current rules where you hire.</p><ul class="plan-compliance-list">')
    for c in r["compliance"]:
        out.append(f'<li class="plan-todo">{e(c["text"])} <span class="plan-source">Source: '
                   f'{_source_html(c["source"])}</span></li>')
    out.append("</ul></section>")

    inv = r["invitation"]
    body = "".join(f"<p>{'<br>'.join(e(line) for line in para.split(chr(10)))}</p>"
                   for para in inv["body"].split("\n\n"))
    title = "Invitation to the recorded round" if inv["format"] == "async" else "Invitation to the first call"
    out.append(f'<section class="plan-section plan-invitation"><h3>{e(title)}</h3>'
               '<p>Copy it, fill in the parts in square brackets, and send it.</p>'
               f'<div class="plan-message"><p><strong>Subject:</strong> {e(inv["subject"])}</p>{body}</div></section>')
    out.append(rd.warnings_html(warnings))
    out.append("</div>")
    return "".join(out)


def numbers_html(r):
    e = rd.esc
    rows = []
    fr = r["numbers"]["first_round"]
    if fr:
        rows.append(["First round as live calls: team time", rd.hours(fr["live_team_hours"])])
        rows.append(["First round as a recorded round: team time", rd.hours(fr["async_team_hours"])])
    sp = r["numbers"]["stage_planner"]
    if sp:
        if sp.get("team_hours") is not None:
            rows.append(["Whole process: team time", rd.hours(sp["team_hours"])])
        if sp.get("calendar_days") is not None:
            rows.append(["Whole process: calendar days", rd.days(sp["calendar_days"])])
        if sp.get("hires") is not None:
            rows.append(["Expected hires from these applicants", rd.smart(sp["hires"])])
        if sp.get("applicants_needed") is not None:
            rows.append(["Applicants needed for your openings", rd.num(math.ceil(sp["applicants_needed"] - 1e-9))])
    parts = ['<section class="plan-section plan-numbers"><h3>Time and numbers for this volume</h3>']
    if rows:
        parts.append(rd.table(["", "Estimate"], rows, caption="Estimates from the guide's calculators, "
                                                              "with their default assumptions"))
    if r["numbers_note"]:
        parts.append(f'<p>{e(r["numbers_note"])}</p>')
    links = [f'<a class="plan-link" href="../stage-planner/?{e(r["stage_planner_query"])}">'
             'Open the stage planner with these answers</a>',
             f'<a class="plan-link" href="../screening-overhead/?{e(r["screening_overhead_query"])}">'
             'Compare live calls and a recorded round for your first round</a>']
    parts.append('<ul class="plan-links">' + "".join(f"<li>{link}</li>" for link in links) + "</ul></section>")
    return "".join(parts)


def _md_numbers(r):
    lines = []
    fr = r["numbers"]["first_round"]
    if fr:
        lines.append(f"- First round as live calls: {rd.hours(fr['live_team_hours'])} of team time")
        lines.append(f"- First round as a recorded round: {rd.hours(fr['async_team_hours'])} of team time")
    sp = r["numbers"]["stage_planner"]
    if sp:
        if sp.get("team_hours") is not None:
            lines.append(f"- Whole process: {rd.hours(sp['team_hours'])} of team time")
        if sp.get("calendar_days") is not None:
            lines.append(f"- Whole process: {rd.days(sp['calendar_days'])} on the calendar")
        if sp.get("hires") is not None:
            lines.append(f"- Expected hires from these applicants: {rd.smart(sp['hires'])}")
        if sp.get("applicants_needed") is not None:
            lines.append(f"- Applicants needed for your openings: "
                         f"{rd.num(math.ceil(sp['applicants_needed'] - 1e-9))}")
    return lines


def to_markdown(v, result):
    r = result
    out = ["# Hiring plan", "", r["summary"], "", "## Your answers", ""]
    out += [f"- {_label(label)} {shown}" for label, shown in answers_rows(v)]
    out += ["", "## Your stages", ""]
    for i, s in enumerate(r["stages"], start=1):
        out += [f"{i}. **{s['name']}** ({FORMAT_LABELS[s['format']].lower()}). {s['detail']}",
                f"   Why: {s['reason']}"]
    for s in r["skipped"]:
        out += ["", f"Not included: {s['name'].lower()}. {s['reason']}"]
    out += ["", f"## First-round prompts ({len(r['prompts'])})", "",
            "Ask every candidate the same prompts in the same order, and agree on the rubric before "
            "anyone watches or listens.", ""]
    for i, p in enumerate(r["prompts"], start=1):
        out += [f"### {i}. {p['text']}", "", f"A strong answer shows: {p['strong_answer']}", ""]
        out += [f"- {level['score']} {level['label']}: {level['anchor']}" for level in reversed(p["rubric"])]
        out.append("")
    out += ["## Reviewing and moving on", "",
            f"Review deadline: {r['review_deadline_hours']} hours. {r['review_deadline_reason']}", "",
            f"Who moves on: {r['move_on_rule']}", ""]
    nums = _md_numbers(r)
    out += ["## Time and numbers for this volume", ""]
    if nums:
        out += ["Estimates from the guide's calculators, with their default assumptions:", ""] + nums + [""]
    if r["numbers_note"]:
        out += [r["numbers_note"], ""]
    sp_in = ", ".join(f"{k} {_tidy(val)}" for k, val in r["stage_planner_params"].items())
    out += [f"To change these numbers, open the guide's stage planner with: {sp_in}.", ""]
    out += ["## Compliance to-dos", "",
            f"General information as of {r['law_reviewed']}, not legal advice. Check the current rules "
            "where you hire.", ""]
    for c in r["compliance"]:
        s = SOURCES[c["source"]]
        cite = f"{s['publisher']} ({s['year']})" + (f", {s['url']}" if s["url"] else "")
        out.append(f"- {c['text']} Source: {cite}.")
    inv = r["invitation"]
    out += ["", "## Invitation to send", "", f"Subject: {inv['subject']}", ""]
    for para in inv["body"].split("\n\n"):
        out += ["> " + line for line in para.split("\n")]
        out.append(">")
    if out[-1] == ">":
        out.pop()
    return "\n".join(out) + "\n"


def export_rows(v, result):
    r = result
    rows = [["result", "summary", r["summary"]],
            ["result", "total_applicants", r["total_applicants"]],
            ["result", "volume_band", r["volume_band"]]]
    for i, s in enumerate(r["stages"], start=1):
        rows.append(["stage", f"{i}. {s['name']}", f"{s['format']}: {s['reason']}"])
    for s in r["skipped"]:
        rows.append(["not_included", s["name"], s["reason"]])
    for i, p in enumerate(r["prompts"], start=1):
        rows.append(["prompt", f"{i}. {p['text']}", p["strong_answer"]])
        for level in p["rubric"]:
            rows.append(["rubric", f"{i}.{level['score']} {level['label']}", level["anchor"]])
    rows += [["result", "review_deadline_hours", r["review_deadline_hours"]],
             ["result", "move_on_rule", r["move_on_rule"]]]
    for section in ("first_round", "stage_planner"):
        for k, val in (r["numbers"][section] or {}).items():
            rows.append(["numbers", f"{section}.{k}", val])
    for c in r["compliance"]:
        rows.append(["compliance", c["id"], c["text"]])
    rows += [["invitation", "subject", r["invitation"]["subject"]],
             ["invitation", "body", r["invitation"]["body"]]]
    return rows
