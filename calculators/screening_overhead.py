"""screening-overhead: what one round of live screening calls really costs, next to an async
(one-way video) first round for the same candidates.

All results are expected values for the whole batch, not rounded. Team time is counted in
person-minutes: a 20-minute call with two interviewers costs 40 minutes.

Live, per candidate (p = no-show rate, r = reschedule rate, b = 1 when a no-show is offered one
more slot, I = interviewers per call):
    booked slots      a = 1 + b * p               (expected bookings per candidate)
    held calls        h = (1 - p) * a             (expected completed screens per candidate)
    scheduling        a * (1 + r) * scheduling_minutes   (a reschedule repeats the back-and-forth)
    preparation       a * I * prep_minutes
    calls             h * I * call_minutes
    lost slots        (a - h) * I * call_minutes (the interviewers keep the slot free for nobody)
    follow-up         h * I * followup_minutes   (no notes are written for a no-show)
Async, per invited candidate (c = completion rate, R = reviewers):
    set-up            setup_minutes, once for the batch
    invite, remind    invite_minutes + reminder_minutes
    review            c * R * (prompts * answer_minutes / playback_speed + scoring_minutes)
    follow-up         c * async_followup_minutes
Calendar:
    live   = booking lag (plus one more lag when any candidate is rebooked or rescheduled, weighted
             by its probability) + the weeks the booked call slots need at your weekly call hours
    async  = max(response window, weeks of review work at your weekly review hours) + review deadline
"""
import math

from . import render as rd
from .fields import CURRENCIES, Field, currency_field

NAME = "screening-overhead"
TITLE = "Screening overhead: live calls vs an async first round"

HOURLY_COST = round(30.52 * 1.43, 2)  # BLS median HR specialist pay x BLS benefits factor = 43.64

FIELDS = (
    Field("candidates", "Candidates to screen", "integer", 20, unit="candidates", min=1, max=100_000, step=1,
          help="How many candidates you would screen in this round."),
    Field("hourly_cost", "Hourly cost of your team's time", "number", HOURLY_COST, unit="per hour",
          min=0, max=2000, step=0.01, source="bls-hr-pay",
          help="Default: the US median pay of a human-resources specialist ($30.52 an hour, BLS) times "
               "1.43 for benefits (BLS: benefits are about 30 % of employer cost), about 43.64. "
               "Use your own figure, in your own currency."),
    currency_field(),
    Field("call_minutes", "Length of one screening call", "number", 20, unit="minutes", min=1, max=240, step=1,
          help="The scheduled length of a live screening call."),
    Field("interviewers_per_call", "Interviewers on each call", "integer", 1, unit="people", min=1, max=10, step=1,
          help="How many people from your side join each call."),
    Field("scheduling_minutes", "Outreach and scheduling per call", "number", 30, unit="minutes",
          min=0, max=480, step=1, source="yello-scheduling",
          help="Team time to reach the candidate and agree on a time. In a Yello survey, 67 % of recruiters "
               "said scheduling one interview takes 30 minutes to 2 hours."),
    Field("followup_minutes", "Notes and follow-up per call", "number", 10, unit="minutes",
          min=0, max=480, step=1, source="followup-minutes",
          help="Each interviewer's notes and next-step messages after a call."),
    Field("no_show_rate", "No-show rate", "percent", 10, unit="%", min=0, max=100, step=1,
          source="indeed-no-show",
          help="Share of booked calls where the candidate does not turn up. No per-call rate is published "
               "(84 % of employers have had a no-show, Indeed 2019), so 10 % is an assumption."),
    Field("prompts", "Async prompts (questions)", "integer", 4, unit="prompts", min=1, max=20, step=1,
          source="ijsa-async-setup",
          help="Questions in the async first round. Most employers use 4 to 5; more than five causes drop-off."),
    Field("answer_minutes", "Longest answer per prompt", "number", 2, unit="minutes", min=0, max=30, step=0.5,
          source="ijsa-async-setup",
          help="Recording time allowed per answer; reviewers watch about this much per prompt. "
               "Two minutes is the common setting (IJSA 2022)."),
    Field("completion_rate", "Async completion rate", "percent", 70, unit="%", min=0, max=100, step=1,
          min_exclusive=True, source="async-completion",
          help="Share of invited candidates who record their answers. Vendors report about 50 % to over 90 %; "
               "70 % is an assumption."),
    # advanced: live
    Field("prep_minutes", "Preparation per call", "number", 5, unit="minutes", min=0, max=240, step=1,
          source="prep-minutes", group="advanced",
          help="Each interviewer's time to read the CV before a call."),
    Field("reschedule_rate", "Reschedule rate", "percent", 10, unit="%", min=0, max=100, step=1,
          source="reschedule-rate", group="advanced",
          help="Share of booked calls moved once; a move repeats the scheduling. No published rate: an assumption."),
    Field("rebook_no_shows", "Offer no-shows a second slot", "yesno", True, group="advanced",
          help="If yes, a candidate who misses the call is booked once more."),
    Field("booking_lag_days", "Days until a call can be booked", "number", 3, unit="days", min=0, max=60,
          step=0.5, source="cronofy-booking-days", group="advanced",
          help="Calendar days from first contact to the earliest call. 41 % of recruiters take 3 days or more "
               "(Cronofy and JobAdder 2019)."),
    Field("call_hours_per_week", "Hours of screening calls per week", "number", 5, unit="hours per week",
          min=0.5, max=168, step=0.5, source="call-capacity", group="advanced",
          help="Hours of call slots your interviewers can hold each week; more calls than this spill into "
               "the following weeks."),
    # advanced: async
    Field("setup_minutes", "Async set-up (once)", "number", 60, unit="minutes", min=0, max=6000, step=5,
          source="async-setup", group="advanced",
          help="Writing the questions and the scoring rubric, once for the whole batch."),
    Field("invite_minutes", "Inviting each candidate", "number", 2, unit="minutes", min=0, max=120, step=0.5,
          source="async-invite", group="advanced",
          help="Team time to send one async invitation."),
    Field("reminder_minutes", "Reminders per invited candidate", "number", 1, unit="minutes", min=0, max=120,
          step=0.5, source="async-reminder", group="advanced",
          help="Team time spent on reminders for each invited candidate (often automated)."),
    Field("reviewers", "Reviewers per recording", "integer", 1, unit="people", min=1, max=10, step=1,
          group="advanced", help="How many people watch and score each recording."),
    Field("playback_speed", "Playback speed", "number", 1, unit="x", min=0.5, max=3, step=0.25, group="advanced",
          help="1 is normal speed; some reviewers watch at 1.25x or 1.5x."),
    Field("scoring_minutes", "Scoring per recording", "number", 3, unit="minutes", min=0, max=240, step=0.5,
          source="async-scoring", group="advanced",
          help="Each reviewer's time to score one recording against the rubric."),
    Field("async_followup_minutes", "Follow-up per recording", "number", 5, unit="minutes", min=0, max=480,
          step=1, source="async-followup", group="advanced",
          help="Team time to tell a candidate the outcome and move them on."),
    Field("response_days", "Days candidates get to record", "number", 3, unit="days", min=0, max=60, step=0.5,
          source="async-response-days", group="advanced",
          help="The response window in your async invitation."),
    Field("review_deadline_days", "Review deadline", "number", 2, unit="days", min=0, max=60, step=0.5,
          source="review-deadline", group="advanced",
          help="Your promise to review each recording within this many days (24 to 48 hours works well)."),
    Field("review_hours_per_week", "Hours of review per week", "number", 5, unit="hours per week",
          min=0.5, max=168, step=0.5, source="call-capacity", group="advanced",
          help="Hours a week your reviewers, together, can give to watching and scoring recordings."),
)

# The model in words, for the "How we calculate" page (kept beside the code it describes).
EXPLANATION = (
    ("What we count",
     "Team time is counted in person-minutes: a 20-minute call with two interviewers costs 40 minutes. "
     "Every figure is an expected value for the whole batch of candidates, not a rounded count, so "
     "0.1 no-shows per candidate shows up as a fraction."),
    ("Bookings and completed calls",
     "Each candidate is booked once. A share of them, the no-show rate, does not turn up; when no-shows "
     "are offered a second slot, each no-show is booked once more, and that second call can be missed "
     "too. So bookings per candidate = 1 + no-show rate (with rebooking), and completed calls per "
     "candidate = bookings x (1 - no-show rate)."),
    ("Live team time",
     "Scheduling: every booking costs the outreach-and-scheduling minutes, and a rescheduled booking "
     "costs them again (bookings x (1 + reschedule rate) x scheduling minutes). Preparation: every "
     "interviewer prepares for every booking. Calls: every completed call costs its length times the "
     "interviewers. Lost slots: a missed call still blocks its slot for every interviewer. Notes and "
     "follow-up: each interviewer writes them after a completed call only."),
    ("Async team time",
     "Set-up (writing the questions and the rubric) is paid once for the batch. Every invited candidate "
     "costs the inviting and reminder minutes. Only candidates who complete (the completion rate) are "
     "reviewed: each reviewer watches prompts x answer length at the playback speed, then scores; "
     "each completed recording also gets the follow-up minutes."),
    ("Per completed screen, the multiplier and cost",
     "Team minutes per completed screen = team minutes / completed screens. The headline multiplier is "
     "the live figure divided by the call length: how many call-lengths of team time one completed call "
     "really costs. Cost = team hours x hourly cost, in the currency you pick (nothing is converted). "
     "Hours saved = live team hours - async team hours, and can be negative for a handful of candidates, "
     "because the async set-up is paid up front; the break-even is set-up / (live minutes per candidate "
     "- async minutes per candidate, set-up aside)."),
    ("Calendar days",
     "Live: the first calls wait for the booking lag; when any candidate needs another booking (a "
     "reschedule or a rebooked no-show), the last of them waits one more lag, weighted by the chance "
     "that this happens at all; and the booked slots take as many weeks as your weekly call hours "
     "need (slot hours / call hours per week x 7 days). Async: candidates record within the response "
     "window while reviews start as recordings arrive, so the round lasts the longer of the window and "
     "the weeks of review work at your weekly review hours, plus the review deadline for the last "
     "recordings."),
    ("Sensitivity",
     "For every input with a published or assumed low/high range, we recompute the hours saved at the "
     "low and at the high end, all else equal, and list the inputs that swing it most."),
)

FIELD_BY_NAME = {f.name: f for f in FIELDS}
DEFAULTS = {f.name: f.default for f in FIELDS}

# component key -> label, in chart order
COMPONENTS = (
    ("setup", "Set-up (once)"),
    ("scheduling", "Scheduling and inviting"),
    ("preparation", "Preparation"),
    ("screening", "Calls / watching and scoring"),
    ("lost_slots", "Slots lost to no-shows"),
    ("followup", "Notes and follow-up"),
)


def live_model(v):
    """Live screening calls: team minutes by component, screens, slots and calendar days."""
    n = v["candidates"]
    p, r = v["no_show_rate"] / 100, v["reschedule_rate"] / 100
    b = 1.0 if v["rebook_no_shows"] else 0.0
    i = v["interviewers_per_call"]
    booked = 1 + b * p                # bookings per candidate
    held = (1 - p) * booked           # completed calls per candidate
    minutes = {
        "setup": 0.0,
        "scheduling": n * booked * (1 + r) * v["scheduling_minutes"],
        "preparation": n * booked * i * v["prep_minutes"],
        "screening": n * held * i * v["call_minutes"],
        "lost_slots": n * (booked - held) * i * v["call_minutes"],
        "followup": n * held * i * v["followup_minutes"],
    }
    screened = n * held
    slot_hours = n * booked * v["call_minutes"] / 60
    work_days = slot_hours / v["call_hours_per_week"] * 7
    # chance that at least one candidate needs another booking (a reschedule or a rebooked no-show)
    q = 1 - (1 - r) * (1 - b * p)
    tail = v["booking_lag_days"] * (1 - (1 - q) ** n) if q > 0 else 0.0
    wait_days = v["booking_lag_days"] + tail
    return minutes, screened, {"wait_days": wait_days, "work_days": work_days,
                               "calendar_days": wait_days + work_days, "slot_hours": slot_hours,
                               "bookings": n * booked}


def async_model(v):
    """Async first round: team minutes by component, screens and calendar days."""
    n = v["candidates"]
    c = v["completion_rate"] / 100
    watch = v["prompts"] * v["answer_minutes"] / v["playback_speed"]
    review_each = v["reviewers"] * (watch + v["scoring_minutes"])
    minutes = {
        "setup": float(v["setup_minutes"]),
        "scheduling": n * (v["invite_minutes"] + v["reminder_minutes"]),
        "preparation": 0.0,
        "screening": n * c * review_each,
        "lost_slots": 0.0,
        "followup": n * c * v["async_followup_minutes"],
    }
    screened = n * c
    review_hours = minutes["screening"] / 60
    work_days = review_hours / v["review_hours_per_week"] * 7
    wait_days = v["response_days"]
    return minutes, screened, {"wait_days": wait_days, "work_days": work_days,
                               "calendar_days": max(wait_days, work_days) + v["review_deadline_days"],
                               "review_hours": review_hours, "invited": float(n)}


def _summary(minutes, screened, cal, cost_per_hour, pace_limit, candidates):
    total = math.fsum(minutes.values())  # fsum: the same bits on every Python (sum() differs by version)
    hours = total / 60
    out = {
        "team_hours": hours,
        "cost": hours * cost_per_hour,
        "screened": screened,
        "minutes_per_screen": total / screened if screened > 0 else None,
        "minutes_per_candidate": total / candidates,
        "calendar_days": cal["calendar_days"],
        "components": {k: m / 60 for k, m in minutes.items()},
        "wait_days": cal["wait_days"],
        "work_days": cal["work_days"],
        "capacity_bound": cal["work_days"] > pace_limit,
    }
    for k in ("slot_hours", "bookings", "review_hours", "invited"):
        if k in cal:
            out[k] = cal[k]
    return out


def model(v):
    """Both formats for the inputs ``v`` (clean values), without the sensitivity analysis."""
    lm, ls, lc = live_model(v)
    am, as_, ac = async_model(v)
    live = _summary(lm, ls, lc, v["hourly_cost"], lc["wait_days"], v["candidates"])
    asy = _summary(am, as_, ac, v["hourly_cost"], ac["wait_days"], v["candidates"])
    mps = live["minutes_per_screen"]
    # async first pays off from this many candidates on (team hours are affine in candidates)
    per_live = math.fsum(lm.values()) / v["candidates"]
    per_async = (math.fsum(am.values()) - am["setup"]) / v["candidates"]
    if per_live > per_async:
        break_even = am["setup"] / (per_live - per_async)
    else:
        break_even = None
    return {
        "live": live,
        "async": asy,
        "hours_saved": live["team_hours"] - asy["team_hours"],
        "cost_saved": live["cost"] - asy["cost"],
        "days_saved": live["calendar_days"] - asy["calendar_days"],
        "multiplier": mps / v["call_minutes"] if mps is not None else None,
        "break_even_candidates": break_even,
    }


def sensitivity(v):
    """For each input with a published (or assumed) low/high range, hours_saved at both ends."""
    rows = []
    for f in FIELDS:
        if not f.source:
            continue
        lo, hi = f.range_of_source()
        if lo is None or hi is None:
            continue
        ends = []
        for x in (lo, hi):
            if f.min is not None:
                x = max(x, f.min)
            if f.min_exclusive and x <= f.min:
                x = f.min + (f.step or 1)
            if f.max is not None:
                x = min(x, f.max)
            w = dict(v)
            w[f.name] = x
            m = model(w)
            ends.append((x, m["hours_saved"], m["days_saved"]))
        swing = abs(ends[1][1] - ends[0][1])
        rows.append({"name": f.name, "label": f.label, "low": ends[0][0], "high": ends[1][0],
                     "hours_saved_low": ends[0][1], "hours_saved_high": ends[1][1], "swing": swing,
                     "days_saved_low": ends[0][2], "days_saved_high": ends[1][2]})
    rows.sort(key=lambda row: (-row["swing"], row["name"]))
    return rows


def compute(v):
    result = model(v)
    sens = sensitivity(v)
    result["sensitivity"] = sens
    result["top_drivers"] = [row["name"] for row in sens if row["swing"] > 0][:3]
    warnings = []
    if v["prompts"] > 5:
        warnings.append(f"{v['prompts']} async prompts is a lot: more than five questions tends to make "
                        "candidates drop out. Three to five focused prompts work best for a first round.")
    if v["completion_rate"] < 50:
        warnings.append(f"A completion rate of {rd.smart(v['completion_rate'])} % is low: check that the "
                        "invitation explains why, how long it takes and how to ask for another format.")
    if v["no_show_rate"] >= 30:
        warnings.append(f"A no-show rate of {rd.smart(v['no_show_rate'])} % is high: confirm each call "
                        "the day before, or let candidates pick their own slot.")
    if v["no_show_rate"] >= 100:
        warnings.append("With every candidate missing the call, no live screen is ever completed.")
    if v["review_deadline_days"] > 2:
        warnings.append("A review deadline over 2 days lets good candidates slip away; aim for 24 to 48 hours.")
    if v["answer_minutes"] > 3:
        warnings.append("Answers longer than 3 minutes add review time without adding much signal; "
                        "2 minutes is the common setting.")
    if result["hours_saved"] < 0:
        be = result["break_even_candidates"]
        more = (f" It starts to pay off from about {rd.num(be + 0.5)} candidates."
                if be is not None else "")
        warnings.append("With these inputs an async first round costs more team time than live calls." + more)
    if v["hourly_cost"] == 0:
        warnings.append("The hourly cost is 0, so every cost shows as 0.")
    return result, warnings


SINGULAR = {"minutes": "minute", "people": "person", "candidates": "candidate", "prompts": "prompt",
            "days": "day", "hours per week": "hour per week", "hires": "hire", "applicants": "applicant"}


def value_formatter(currency):
    """How an input reads in the assumptions table; money inputs carry the chosen currency."""
    symbol = CURRENCIES.get(currency, "")

    def fmt(f, value):
        if f.name == "hourly_cost" and value is not None:
            return f"{symbol}{rd.num(value, 2)} per hour"
        if f.name == "target_hires" and not value:
            return "not set"
        text = rd.fmt_field_value(f, value)
        if value == 1 and f.unit in SINGULAR and f.kind in ("number", "integer"):
            text = text[: -len(f.unit)] + SINGULAR[f.unit]
        return text
    return fmt


def render_html(v, result, warnings, fields=FIELDS):
    cur = v["currency"]
    live, asy = result["live"], result["async"]
    call = rd.smart(v["call_minutes"])
    if live["minutes_per_screen"] is not None:
        head = (f"Each {call}-minute call costs your team about {rd.num(live['minutes_per_screen'])} "
                f"minutes ({rd.num(result['multiplier'], 1)} times its length); ")
    else:
        head = f"With a 100 % no-show rate no {call}-minute call is ever held; "
    n = rd.num(v["candidates"])
    who = f"{n} candidate{'' if v['candidates'] == 1 else 's'}"
    saved = result["hours_saved"]
    amount = rd.hours(abs(saved)) if abs(saved) >= 1 else rd.minutes(abs(saved) * 60)
    if round(abs(saved) * 60, 1) == 0:
        head += f"for {who}, an async first round takes about the same team time"
    elif saved > 0:
        head += f"for {who}, an async first round saves about {amount} of team time"
    else:
        head += f"for {who}, an async first round costs about {amount} more team time"
    days = result["days_saved"]
    if round(days, 1) > 0:
        head += f" and finishes {rd.days(days)} sooner."
    elif round(days, 1) < 0:
        head += f" and takes {rd.days(-days)} longer."
    else:
        head += "."
    def mps(x):
        return rd.minutes(x) if x is not None else "none held"
    rows = [
        ["Team time", rd.hours(live["team_hours"]), rd.hours(asy["team_hours"])],
        ["Cost of that time", rd.money(live["cost"], cur), rd.money(asy["cost"], cur)],
        ["Team time per candidate", rd.minutes(live["minutes_per_candidate"]),
         rd.minutes(asy["minutes_per_candidate"])],
        ["Completed screens", rd.smart(live["screened"]), rd.smart(asy["screened"])],
        ["Team time per completed screen", mps(live["minutes_per_screen"]), mps(asy["minutes_per_screen"])],
        ["Days until every screen is done", rd.days(live["calendar_days"]), rd.days(asy["calendar_days"])],
    ]
    parts = [
        '<div class="calc-result">',
        f'<p class="calc-headline">{rd.esc(head)}</p>',
        rd.table(["", "Live calls", "Async first round"], rows, caption="Both formats for the same candidates"),
        f"<p>Difference: {rd.esc(rd.hours(result['hours_saved']))} of team time, "
        f"{rd.esc(rd.money(result['cost_saved'], cur))}, "
        f"{rd.esc(rd.days(result['days_saved']))} on the calendar (live minus async).</p>",
        rd.bar_chart("Team hours by component",
                         [label for _, label in COMPONENTS],
                         [("Live calls", "live", [live["components"][k] for k, _ in COMPONENTS]),
                          ("Async first round", "async", [asy["components"][k] for k, _ in COMPONENTS])],
                         fmt=rd.smart, unit=" h"),
    ]
    if result["top_drivers"]:
        labels = [FIELD_BY_NAME[n].label.lower() for n in result["top_drivers"]]
        parts.append(f"<p>The inputs that move the saving most, across their published ranges: "
                     f"{rd.esc(', '.join(labels))}.</p>")
    parts.append(rd.warnings_html(warnings))
    parts.append(rd.assumptions(fields, v, value_formatter(cur)))
    parts.append("</div>")
    return "".join(parts)


def render(v, result, warnings):
    return render_html(v, result, warnings)


def export_rows(v, result):
    rows = []
    for fmt in ("live", "async"):
        for k in ("team_hours", "cost", "screened", "minutes_per_screen", "minutes_per_candidate", "calendar_days"):
            rows.append(["result", f"{fmt}.{k}", result[fmt][k]])
        for k, _ in COMPONENTS:
            rows.append(["component_hours", f"{fmt}.{k}", result[fmt]["components"][k]])
    for k in ("hours_saved", "cost_saved", "days_saved", "multiplier", "break_even_candidates"):
        rows.append(["result", k, result[k]])
    for row in result["sensitivity"]:
        rows.append(["sensitivity", row["name"], f"{row['hours_saved_low']!r} to {row['hours_saved_high']!r}"])
    return rows
