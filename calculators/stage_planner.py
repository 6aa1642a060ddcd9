"""stage-planner: the three-stage hybrid process end to end, from applicants to hires.

Stages, in order: a first-round screen (async or live), a remote interview, an optional final
panel, then the offer. Every count is an expected value (not rounded), so that

    hires = applicants x screen pass x interview pass x (final pass, when there is a final round)
            x offer acceptance

holds exactly. The first round is the screening-overhead model itself (same field names, same
defaults), run with ``candidates = applicants``; the pass rate already counts candidates who never
complete an async screen or never turn up to a call, so there is no other attrition.

Later live stages, per candidate: scheduling_minutes + interviewers x (prep_minutes + stage
length + followup_minutes) of team time. Days a live stage adds: the published figure for that
kind of stage (booking included), or, when it is longer, the weeks the interviews need at your
weekly interview hours; then interviewer capacity, not pass rates, sets the pace (the bottleneck).
The calendar is the sum of the stages' days (each stage waits for the previous one's results).
"""
import dataclasses
import math

from . import render as rd
from . import screening_overhead as so
from .fields import Field, currency_field

NAME = "stage-planner"
TITLE = "Stage planner: from applicants to hires"

_SO = so.FIELD_BY_NAME
# screening-overhead inputs the planner shows too (same names, so a share URL means the same thing)
SHARED = ("call_minutes", "interviewers_per_call", "scheduling_minutes", "prep_minutes", "followup_minutes",
          "no_show_rate", "booking_lag_days", "call_hours_per_week", "prompts", "answer_minutes",
          "completion_rate", "setup_minutes", "reviewers", "response_days", "review_deadline_days",
          "review_hours_per_week")


FIELDS = (
    Field("applicants", "Applicants entering the first round", "integer", 40, unit="applicants",
          min=1, max=1_000_000, step=1,
          help="How many applicants you put through the first-round screen (after any CV sift)."),
    Field("screen_format", "First-round format", "choice", "async",
          choices=(("async", "Async (recorded answers)"), ("live", "Live screening call")),
          help="How the first round is run. The plan with the other format is shown beside it."),
    Field("screen_pass_rate", "Pass the first-round screen", "percent", 25, unit="%", min=1, max=100, step=1,
          source="screen-pass",
          help="Share of applicants who pass the first round, counting those who never complete it "
               "(no recording, or a no-show) as not passing."),
    Field("interview_pass_rate", "Pass the remote interview", "percent", 40, unit="%", min=1, max=100, step=1,
          source="interview-pass", help="Share of interviewed candidates who move on."),
    Field("final_round", "Hold a final panel", "yesno", True,
          help="A final live or in-person panel, worth it when a wrong hire would be costly."),
    Field("final_pass_rate", "Pass the final panel", "percent", 60, unit="%", min=1, max=100, step=1,
          source="final-pass", help="Share of panel candidates who get an offer."),
    Field("offer_accept_rate", "Offers accepted", "percent", 89, unit="%", min=1, max=100, step=1,
          source="jobvite-offer-accept",
          help="Share of offers accepted: 89 % in Jobvite's benchmark (as reported secondhand)."),
    Field("target_hires", "Hires you need (optional)", "integer", None, unit="hires", min=0, max=100_000,
          step=1, optional=True,
          help="Leave empty, or 0, for no target. With a target, the plan also says how many applicants "
               "you need."),
    _SO["hourly_cost"],
    currency_field(),
    Field("interview_minutes", "Length of the remote interview", "number", 45, unit="minutes",
          min=1, max=480, step=5, source="interview-minutes", group="advanced",
          help="The scheduled length of the second-round live video interview."),
    Field("interview_interviewers", "Interviewers in the remote interview", "integer", 2, unit="people",
          min=1, max=10, step=1, group="advanced", help="How many people from your side join it."),
    Field("interview_days", "Days the remote interview adds", "number", 7.5, unit="days", min=0, max=90,
          step=0.5, source="glassdoor-phone-screen", group="advanced",
          help="Glassdoor found a phone-screen step adds 6.8 to 8.2 days to hiring; we use it for a remote "
               "interview round. Capacity can make it longer."),
    Field("final_minutes", "Length of the final panel", "number", 60, unit="minutes", min=1, max=480, step=5,
          source="final-minutes", group="advanced", help="The scheduled length of the final panel."),
    Field("panel_size", "People on the final panel", "integer", 3, unit="people", min=1, max=10, step=1,
          source="panel-size", group="advanced", help="How many people from your side sit on the panel."),
    Field("final_days", "Days the final panel adds", "number", 6.2, unit="days", min=0, max=90, step=0.1,
          source="glassdoor-panel", group="advanced",
          help="Glassdoor found a panel interview adds 5.6 to 6.8 days to hiring."),
    Field("interview_hours_per_week", "Hours of interviews per week", "number", 5, unit="hours per week",
          min=0.5, max=168, step=0.5, source="call-capacity", group="advanced",
          help="Hours of remote interviews and panels your team can hold each week."),
    Field("offer_minutes", "Team time per offer", "number", 30, unit="minutes", min=0, max=600, step=5,
          source="offer-minutes", group="advanced", help="Preparing, making and confirming one offer."),
    Field("offer_days", "Days for an offer", "number", 3, unit="days", min=0, max=60, step=0.5,
          source="offer-days", group="advanced", help="From decision to the candidate's answer."),
    *(dataclasses.replace(_SO[n], group="advanced") for n in SHARED),
)

# The model in words, for the "How we calculate" page (kept beside the code it describes).
EXPLANATION = (
    ("Candidates through the stages",
     "Each stage takes the candidates the previous stage passed on and passes on its pass rate of them: "
     "applicants -> first-round screen -> remote interview -> final panel (if you hold one) -> offer. "
     "The first-round pass rate already counts candidates who never record or never turn up as not "
     "passing, so there is no other drop-out. Expected hires = applicants x every pass rate x offer "
     "acceptance; counts are expected values, not rounded."),
    ("The first round",
     "The first-round screen is the screening-overhead model itself, run for all applicants in the format "
     "you choose, with the same inputs (call length, scheduling, no-shows, prompts, completion rate and "
     "the rest; inputs the planner does not show take that calculator's defaults). Its team time and its "
     "calendar days become the first stage's."),
    ("Remote interview and final panel",
     "Each candidate costs one round of scheduling plus, for every interviewer, preparation, the "
     "interview itself and notes. The days a stage adds are the published figure for that kind of stage "
     "(Glassdoor: a phone-screen step adds 6.8 to 8.2 days, a panel 5.6 to 6.8 days; booking is part "
     "of that) or, when it is longer, the weeks the interviews need at your weekly interview hours "
     "(interview hours / hours per week x 7 days). When the second is longer, interviewer capacity, not pass rates, sets the pace: the plan names that stage as "
     "the bottleneck."),
    ("Offer, totals and cost",
     "Each offer costs the offer minutes and the offer stage adds its days. Team hours are the sum of the "
     "stages' hours, calendar days the sum of their days (each stage waits for the previous one's "
     "results), and cost = team hours x hourly cost in the currency you pick."),
    ("Planning backwards from a target",
     "With a target number of hires, applicants needed = target / (every pass rate x offer acceptance). "
     "Running the plan forwards from that number gives back the target; the page rounds it up to whole "
     "applicants. Leave the target empty (or 0) for no target."),
    ("The comparison",
     "The same plan is computed with the other first-round format, so you see the team hours, cost and "
     "days an async first round saves (or costs) against live screening calls. Hires are the same in "
     "both: the pass rates do not depend on the format."),
)

FIELD_BY_NAME = {f.name: f for f in FIELDS}

STAGE_LABELS = {"screen": "First-round screen", "interview": "Remote interview", "final": "Final panel",
                "offer": "Offer"}


def _live_stage(v, key, fmt, n_in, rate, minutes, people, published_days):
    per_candidate = v["scheduling_minutes"] + people * (v["prep_minutes"] + minutes + v["followup_minutes"])
    slot_hours = n_in * minutes / 60
    capacity_days = slot_hours / v["interview_hours_per_week"] * 7  # the published days include the booking lag
    return {"key": key, "name": STAGE_LABELS[key], "format": fmt, "candidates_in": n_in,
            "candidates_out": n_in * rate, "team_hours": n_in * per_candidate / 60,
            "pass_rate": rate * 100, "team_minutes_per_candidate": float(per_candidate), "interviewers": people,
            "days": max(published_days, capacity_days), "capacity_bound": capacity_days > published_days,
            "slot_hours": slot_hours, "capacity_excess_days": max(0.0, capacity_days - published_days)}


def plan(v, screen_format):
    """The stages, hires, team hours and calendar days for one first-round format."""
    ov_inputs = dict(so.DEFAULTS)
    ov_inputs.update({k: v[k] for k in SHARED})
    ov_inputs.update(candidates=v["applicants"], hourly_cost=v["hourly_cost"])
    first = so.model(ov_inputs)[screen_format]
    n = v["applicants"]
    stages = [{"key": "screen", "name": STAGE_LABELS["screen"], "format": screen_format, "candidates_in": n,
               "candidates_out": n * (v["screen_pass_rate"] / 100), "team_hours": first["team_hours"],
               "pass_rate": float(v["screen_pass_rate"]), "team_minutes_per_candidate": first["team_hours"] * 60 / n,
               "interviewers": v["interviewers_per_call"] if screen_format == "live" else v["reviewers"],
               "days": first["calendar_days"], "capacity_bound": first["capacity_bound"],
               "slot_hours": first.get("slot_hours", first.get("review_hours", 0.0)),
               "capacity_excess_days": max(0.0, first["work_days"] - first["wait_days"])}]
    stages.append(_live_stage(v, "interview", "live", stages[-1]["candidates_out"], v["interview_pass_rate"] / 100,
                              v["interview_minutes"], v["interview_interviewers"], v["interview_days"]))
    if v["final_round"]:
        stages.append(_live_stage(v, "final", "panel", stages[-1]["candidates_out"], v["final_pass_rate"] / 100,
                                  v["final_minutes"], v["panel_size"], v["final_days"]))
    n_in = stages[-1]["candidates_out"]
    stages.append({"key": "offer", "name": STAGE_LABELS["offer"], "format": "offer", "candidates_in": n_in,
                   "candidates_out": n_in * (v["offer_accept_rate"] / 100),  # a share <= 1: never more out than in
                   "team_hours": n_in * v["offer_minutes"] / 60, "days": float(v["offer_days"]),
                   "pass_rate": float(v["offer_accept_rate"]), "team_minutes_per_candidate": float(v["offer_minutes"]),
                   "interviewers": 0,
                   "capacity_bound": False, "slot_hours": 0.0, "capacity_excess_days": 0.0})
    team_hours = math.fsum(s["team_hours"] for s in stages)  # same bits on every Python
    return {"format": screen_format, "stages": stages, "hires": stages[-1]["candidates_out"],
            "team_hours": team_hours, "cost": team_hours * v["hourly_cost"],
            "calendar_days": math.fsum(s["days"] for s in stages)}


def pass_product(v):
    """The share of applicants who end up hired (expected value)."""
    product = v["screen_pass_rate"] / 100 * v["interview_pass_rate"] / 100 * v["offer_accept_rate"] / 100
    if v["final_round"]:
        product *= v["final_pass_rate"] / 100
    return product


def compute(v):
    main = plan(v, v["screen_format"])
    other = plan(v, "live" if v["screen_format"] == "async" else "async")
    live, asy = (other, main) if v["screen_format"] == "async" else (main, other)
    product = pass_product(v)
    target = v["target_hires"] or None
    needed = target / product if target else None
    bound = [s for s in main["stages"] if s["capacity_bound"]]
    worst = max(bound, key=lambda s: s["capacity_excess_days"]) if bound else None
    bottleneck = worst["name"] if worst else None

    def summary(p):
        return {k: p[k] for k in ("team_hours", "calendar_days", "cost", "hires")}

    result = {
        "stages": main["stages"],
        "hires": main["hires"],
        "team_hours": main["team_hours"],
        "calendar_days": main["calendar_days"],
        "cost": main["cost"],
        "hire_rate": product,
        "applicants_per_hire": 1 / product,
        "target_hires": target,
        "applicants_needed": needed,
        "applicants_needed_whole": math.ceil(needed - 1e-9) if needed is not None else None,
        "bottleneck": bottleneck,
        "async_first": summary(asy),
        "live_first": summary(live),
        "live_first_stages": live["stages"],
        "async_first_stages": asy["stages"],
        "hours_saved": live["team_hours"] - asy["team_hours"],
        "days_saved": live["calendar_days"] - asy["calendar_days"],
        "cost_saved": live["cost"] - asy["cost"],
    }
    warnings = []
    if v["screen_format"] == "async" and v["screen_pass_rate"] > v["completion_rate"]:
        warnings.append(f"The first-round pass rate ({rd.smart(v['screen_pass_rate'])} %) is above the async "
                        f"completion rate ({rd.smart(v['completion_rate'])} %): nobody can pass without recording.")
    if bottleneck:
        what = "recordings to review" if worst["format"] == "async" else "calls" if worst["format"] == "live" \
            and worst["key"] == "screen" else "interviews"
        knob = {"async": "review_hours_per_week", "live": "call_hours_per_week"}.get(worst["format"]) \
            if worst["key"] == "screen" else "interview_hours_per_week"
        warnings.append(f"Interviewer time, not pass rates, sets the pace at the {worst['name'].lower()} stage: "
                        f"it needs {rd.hours(worst['slot_hours'])} of {what}, which adds about "
                        f"{rd.days(worst['capacity_excess_days'])}. Raising \u201c{FIELD_BY_NAME[knob].label}\u201d "
                        "would shorten the plan.")
    if main["hires"] < 1 and not target:
        warnings.append("This plan is expected to make less than one hire: add applicants or check the pass rates.")
    if target and needed > 1_000_000:
        warnings.append("The applicants needed for that target exceed a million: check the pass rates.")
    if v["prompts"] > 5 and v["screen_format"] == "async":
        warnings.append(f"{v['prompts']} async prompts is a lot: more than five tends to make candidates drop out.")
    if v["offer_accept_rate"] < 70:
        warnings.append("Fewer than 70 % of offers accepted is low: check pay, speed and how the role is sold.")
    return result, warnings


def render(v, result, warnings):
    cur = v["currency"]
    fmt_label = "an async" if v["screen_format"] == "async" else "a live"
    head = (f"From {rd.num(v['applicants'])} applicants, expect about {rd.smart(result['hires'])} "
            f"hire{'' if round(result['hires'], 1) == 1 else 's'} in about {rd.days(result['calendar_days'])}, "
            f"for {rd.hours(result['team_hours'])} of team time with {fmt_label} first round.")
    if result["applicants_needed"] is not None:
        head += (f" For {rd.num(result['target_hires'])} hire{'' if result['target_hires'] == 1 else 's'} you "
                 f"need about {rd.num(result['applicants_needed_whole'])} applicants.")
    rows = [[s["name"] + (" (capacity sets the pace)" if s["capacity_bound"] else ""),
             rd.smart(s["candidates_in"]), f"{rd.smart(s['pass_rate'])} %", rd.smart(s["candidates_out"]),
             rd.hours(s["team_hours"]), rd.days(s["days"])] for s in result["stages"]]
    rows.append(["Whole process", rd.num(v["applicants"]), f"{rd.smart(result['hire_rate'] * 100)} %",
                 rd.smart(result["hires"]),
                 rd.hours(result["team_hours"]), rd.days(result["calendar_days"])])
    a, li = result["async_first"], result["live_first"]
    compare = [
        ["Team time", rd.hours(a["team_hours"]), rd.hours(li["team_hours"])],
        ["Cost of that time", rd.money(a["cost"], cur), rd.money(li["cost"], cur)],
        ["Days from first round to accepted offer", rd.days(a["calendar_days"]), rd.days(li["calendar_days"])],
        ["Expected hires", rd.smart(a["hires"]), rd.smart(li["hires"])],
    ]
    funnel_cats = [s["name"] for s in result["stages"]] + ["Hired"]
    funnel_vals = [s["candidates_in"] for s in result["stages"]] + [result["hires"]]
    parts = [
        '<div class="calc-result">',
        f'<p class="calc-headline">{rd.esc(head)}</p>',
        rd.table(["Stage", "Candidates in", "Pass rate", "Candidates out", "Team time", "Days"], rows,
                 caption="Your plan, stage by stage"),
        rd.bar_chart("Candidates at each stage", funnel_cats,
                     [("Candidates", "live", funnel_vals)], fmt=rd.smart),
        rd.table(["", "Async first round", "Live first round"], compare,
                 caption="The same plan with each first-round format"),
        f"<p>An async first round saves {rd.esc(rd.hours(result['hours_saved']))} of team time and "
        f"{rd.esc(rd.days(result['days_saved']))} compared with live screening calls "
        "(negative means it costs more).</p>",
        rd.warnings_html(warnings),
        rd.assumptions(FIELDS, v, so.value_formatter(cur)),
        "</div>",
    ]
    return "".join(parts)


def export_rows(v, result):
    rows = []
    for s in result["stages"]:
        for k in ("format", "candidates_in", "pass_rate", "candidates_out", "team_hours", "days"):
            rows.append(["stage", f"{s['key']}.{k}", s[k]])
    for k in ("hires", "team_hours", "calendar_days", "cost", "applicants_needed", "bottleneck",
              "hours_saved", "days_saved", "cost_saved"):
        rows.append(["result", k, result[k]])
    for name in ("async_first", "live_first"):
        for k, val in result[name].items():
            rows.append(["compare", f"{name}.{k}", val])
    return rows
