"""The prompt bank and the hiring-plan advisor's rules, kept as plain data.

Two things live here, both read by ``calculators.hiring_plan`` and by the guide's prompt bank page
(``macros/prompts.py``), so the page and the plan cannot drift apart:

- ``FAMILIES`` and ``BANK``: for each role family, first-round prompts in the order we would use
  them. Each prompt has ``text`` (what the candidate sees), ``strong_answer`` (what a strong answer
  shows) and ``rubric``: anchored levels from 1 (weak) to 3 (strong), each describing what a
  reviewer sees or hears at that level, agreed before anyone watches a recording.
- The advisor's rules: a few small tables of conditions -> stage designs, each with its reason,
  evaluated top to bottom (the first matching row wins). Reasons are templates filled with the
  reader's own answers (``{total}``, ``{family}``, ...) so each one names the answer behind it.

Standard library only, no I/O: this module also runs in the browser on Pyodide.
"""

LEVELS = ((1, "Weak"), (2, "Good"), (3, "Strong"))


def _rubric(weak, good, strong):
    return [{"score": s, "label": label, "anchor": anchor}
            for (s, label), anchor in zip(LEVELS, (weak, good, strong))]


# id -> label, the kinds of jobs it covers, and whether the work happens on site
FAMILIES = {
    "hourly-frontline": {
        "label": "Hourly frontline",
        "examples": "retail, hospitality, food service, cleaning",
        "noun": "hourly frontline",
        "on_site": True, "hourly": True,
    },
    "care-support": {
        "label": "Care and support",
        "examples": "care assistants, home care, support workers, teaching assistants",
        "noun": "care",
        "on_site": True, "hourly": True,
    },
    "driver-warehouse": {
        "label": "Drivers and warehouse",
        "examples": "delivery drivers, warehouse associates, forklift operators",
        "noun": "driving or warehouse",
        "on_site": True, "hourly": True,
    },
    "customer-service": {
        "label": "Customer service",
        "examples": "call center, chat and email support, front desk",
        "noun": "customer service",
        "on_site": False, "hourly": True,
    },
    "office-admin": {
        "label": "Office and admin",
        "examples": "administrators, receptionists, bookkeeping assistants, coordinators",
        "noun": "office",
        "on_site": False, "hourly": False,
    },
    "professional": {
        "label": "Professional",
        "examples": "accountants, engineers, designers, nurses, specialists",
        "noun": "professional",
        "on_site": False, "hourly": False,
    },
    "manager": {
        "label": "Manager",
        "examples": "store, shift, team and department managers",
        "noun": "manager",
        "on_site": True, "hourly": False,
    },
}


def _p(pid, text, strong_answer, weak, good, strong):
    return {"id": pid, "text": text, "strong_answer": strong_answer, "rubric": _rubric(weak, good, strong)}


BANK = {
    "hourly-frontline": [
        _p("unhappy-customer",
           "Tell us about a time a customer was unhappy. What did you do, and how did it end?",
           "A real situation told in order: they stayed calm, listened, fixed what they could, "
           "asked a manager for help when it was beyond them, and say how it ended.",
           "No real example, or the story blames the customer and stops there.",
           "A real example with a sensible fix, but little about what they did themselves.",
           "A specific example: they listened, took ownership, solved it or handed it on the right "
           "way, and say what they would repeat."),
        _p("shifts-and-travel",
           "Our shifts include early mornings, late evenings and weekends. Which shifts can you work, "
           "and how will you get to work?",
           "Clear, honest availability that fits the shifts, and a realistic way to arrive on time, "
           "with a backup.",
           "Vague (\"whenever\") with no plan, or availability that does not fit the shifts.",
           "Clear availability that fits some shifts; the travel plan has gaps.",
           "Clear availability that fits the shifts, a reliable way to get there and a backup plan."),
        _p("busy-shift",
           "It is busy, a line is forming, and a coworker has not shown up. What do you do in the "
           "first ten minutes?",
           "Serves the customers in front of them first, tells the supervisor, keeps the area safe "
           "and tidy, and helps the team without being asked.",
           "Waits to be told what to do, or walks away from the line.",
           "Keeps serving and tells someone, but no plan beyond that.",
           "Serves first, tells the supervisor straight away, splits the work sensibly and keeps "
           "customers informed about the wait."),
        _p("learn-quickly",
           "Tell us about a time you had to learn something new quickly, at work, school or home. "
           "How did you learn it?",
           "Asks questions, watches and practices, uses notes or a checklist, and checks their own "
           "work until it is right.",
           "No example, or says they never need to learn anything new.",
           "A real example, but they cannot say how they learned.",
           "A real example with clear steps (asking, practicing, checking) and how they knew they "
           "had got it right."),
        _p("why-here",
           "Why do you want to work here, and what do you know about us?",
           "Knows something specific about the business and links it to what they enjoy or want to "
           "learn.",
           "Nothing about this business; any job would do.",
           "Some general interest in the kind of work, but nothing about this place.",
           "Something specific about this business and a clear link to what they enjoy or want to "
           "learn."),
    ],
    "care-support": [
        _p("dignity",
           "Tell us about a time you cared for or supported someone who needed help. How did you "
           "respect their dignity and their choices?",
           "A real example (paid, volunteer or family) showing patience, asking before helping, "
           "privacy, and letting the person choose where they can.",
           "No example, or talks about the person as a task to finish.",
           "A real example showing kindness, but little about the person's own choices.",
           "A real example with concrete ways they protected privacy, asked consent and let the "
           "person choose."),
        _p("refuses-help",
           "Someone you support refuses their medication or help with washing. What do you do?",
           "Respects the refusal, stays calm, tries to understand why, tries again later or another "
           "way, never forces, and records and reports it under the care plan.",
           "Would force or trick the person, or ignore the refusal and say nothing.",
           "Respects the refusal and tells someone, but no idea of recording or trying again.",
           "Respects it, looks for the reason, tries again later, records it and reports it the "
           "same day as the care plan says."),
        _p("safeguarding",
           "You notice a bruise, or a change in someone's mood, that worries you. What do you do next?",
           "Writes down the facts, reports to the right person the same day, does not investigate "
           "alone, and does not promise to keep it secret.",
           "Would do nothing, or would keep it to themselves if asked.",
           "Would tell a manager, but unsure when or what to write down.",
           "Records what they saw, reports to the named person the same day, does not investigate "
           "alone or promise secrecy."),
        _p("hard-shift",
           "Care work can be tiring and emotional. How do you look after yourself after a hard shift?",
           "Concrete habits, knows when to ask for support, and keeps healthy boundaries with the "
           "people they support.",
           "Has not thought about it, or says it never affects them.",
           "Some general ideas, such as rest, but no clear habits or support.",
           "Concrete habits, knows who to talk to at work and when, and keeps clear boundaries."),
        _p("running-late",
           "Visits are timed and you may work alone. How do you plan your day, and what do you do "
           "if you are running late?",
           "Plans the route and timings, tells the office and the person early, and never cuts care "
           "short without reporting it.",
           "No plan; would rush or skip parts of a visit without saying so.",
           "Plans the day and would call someone, but late or without a clear order of who to tell.",
           "Plans ahead, calls the office and the person as soon as they know, and reports any "
           "shortened visit."),
    ],
    "driver-warehouse": [
        _p("experience",
           "Tell us about your driving or warehouse experience. Which vehicles, equipment or "
           "systems have you used, and for how long?",
           "Names specific vehicles, licences, equipment (for example a forklift or a handheld "
           "scanner) and how long they used them, and is honest about gaps.",
           "Vague or overstated, with nothing specific.",
           "Some specifics, but unclear how much real use they have had.",
           "Specific equipment, licences and time on each, and an honest word about what they "
           "have not used yet."),
        _p("safety-check",
           "Walk us through how you check a vehicle or a piece of equipment before you use it.",
           "A step-by-step check (for example tires, lights, brakes, fluids, forks, chains), reports "
           "defects, and will not use unsafe equipment.",
           "Does not check, or cannot say what they would look at.",
           "Checks a few obvious things, but no order and no word on reporting defects.",
           "A clear routine in order, reports and records defects, and refuses to use anything "
           "unsafe until it is fixed."),
        _p("behind-schedule",
           "You are behind schedule and the quickest way means skipping a safety step. What do you do?",
           "Keeps the safety step, tells the dispatcher or supervisor early, and accepts the delay.",
           "Would skip the step to save time.",
           "Would keep the step, but not tell anyone about the delay.",
           "Keeps the step, tells the supervisor early with a new time, and explains why."),
        _p("something-went-wrong",
           "Describe a time something went wrong on a delivery or a shift, such as a wrong item, "
           "damage or a missed drop. How did you handle it?",
           "Owns the mistake, reports it promptly, helps fix it, and says what they changed.",
           "No example, or blames others.",
           "A real example and a fix, but reported late or not at all.",
           "A real example: reported it straight away, helped fix it, and changed how they work."),
        _p("long-shift",
           "This job means early starts, lifting and long hours on your feet or at the wheel. How "
           "do you stay safe and alert through a long shift?",
           "Breaks, safe lifting, rest before shifts, water and food, and speaking up when tired "
           "or unwell.",
           "Has not thought about it, or would push on when unsafe.",
           "Some sensible habits, but would not say when they are too tired to work safely.",
           "Concrete habits, safe lifting, and would stop and tell someone when tired or unwell."),
    ],
    "customer-service": [
        _p("charged-twice",
           "A customer says they were charged twice and they are angry. Show us how you would start "
           "that conversation, as if we were the customer.",
           "A calm greeting, acknowledges the frustration, apologizes for the trouble without "
           "blaming, checks the facts, and says what happens next and when.",
           "Defensive or scripted, no apology, or promises what they cannot check.",
           "Polite and calm, but no clear next step or time frame.",
           "Warm and calm, acknowledges the feeling, checks the facts and gives a clear next step "
           "with a time."),
        _p("saying-no",
           "Tell us about a time you could not give a customer what they wanted. How did you say "
           "no and keep them on side?",
           "Explains the reason plainly, offers what they can do instead, and keeps the customer's "
           "goodwill.",
           "No example, or the story ends with an argument.",
           "A real example where they said no politely, but offered nothing else.",
           "A real example: explained why, offered a real alternative, and the customer left "
           "satisfied or at least understood."),
        _p("explain-simply",
           "Explain something you know well, such as a product, a hobby or a process, to someone "
           "who has never heard of it. Take no more than two minutes.",
           "A clear order, plain words, an example, and a check that the listener is following.",
           "Hard to follow, full of jargon, or runs far over time.",
           "Understandable, but no clear order or example.",
           "Clear order, plain words, a good example, within the time."),
        _p("queue",
           "You have a queue of calls, chats and emails waiting. How do you decide what to handle "
           "first?",
           "Sorts by urgency and impact, keeps to the team's response times, and flags a spike to "
           "the team lead.",
           "Takes whatever comes next with no thought, or avoids the hard ones.",
           "Has a sensible order, but would not tell anyone when the queue grows.",
           "Clear priorities, keeps to response times, and raises a spike early."),
        _p("feedback",
           "Tell us about feedback you got on your work and what you changed because of it.",
           "A specific piece of feedback, a real change, and what improved.",
           "Cannot think of any feedback, or dismisses it.",
           "A real example, but no clear change.",
           "A specific example, the change they made, and the result."),
    ],
    "office-admin": [
        _p("many-deadlines",
           "Tell us about a time you kept many tasks or deadlines on track at once. What system did "
           "you use?",
           "A real example with a concrete system (a list, a calendar, a shared tracker) and how it "
           "kept everything on time.",
           "No example or no system; relies on memory.",
           "A real example with a basic system, but some things slipped.",
           "A real example, a concrete system, and proof it worked."),
        _p("software",
           "Which office software do you use most, and what is something useful you have done with it?",
           "Names specific tools and a concrete result, such as a spreadsheet or template that saved "
           "time or cut errors.",
           "Names no tools, or only \"computers\".",
           "Names tools they use day to day, but no example of doing more with them.",
           "Specific tools and a concrete thing they built or improved, with its result."),
        _p("mistake-sent",
           "You spot a mistake in an invoice or a document that has already gone out. What do you do?",
           "Tells the right person promptly, corrects it, lets the recipient know, and checks how to "
           "prevent a repeat.",
           "Would hide it or hope nobody notices.",
           "Would fix it, but not tell anyone.",
           "Owns it, tells the right person, sends a correction, and changes a step to prevent it "
           "again."),
        _p("two-managers",
           "Two managers each ask you for something urgent at the same time. How do you handle it?",
           "Checks the real deadlines, asks when it is unclear, agrees an order, and keeps both "
           "informed.",
           "Picks one at random, or does neither well without saying so.",
           "Makes a sensible choice, but does not tell the other manager.",
           "Checks deadlines, asks when unclear, agrees the order and keeps both managers informed."),
        _p("confidential",
           "How do you handle confidential information, such as pay or personal details?",
           "Shares it only with people who need it, stores it securely, and knows what to do if it "
           "goes to the wrong person.",
           "Would share it casually, or has not thought about it.",
           "Keeps it private, but vague on storing it or what to do after a slip.",
           "Need-to-know sharing, secure storage, and a clear plan if something goes wrong."),
    ],
    "professional": [
        _p("proud-work",
           "Walk us through a recent piece of work you are proud of: the problem, what you did, "
           "and the result.",
           "A clear problem, their own part in it (not only the team's), the choices they made and "
           "a result they can measure or show.",
           "Vague, or only what the team did.",
           "A clear example, but their own part or the result is thin.",
           "A clear problem, their own decisions and the reasons, and a concrete result."),
        _p("explain-to-client",
           "Explain an idea from your field to a client who is not an expert.",
           "Plain words, an everyday example, and why it matters to the client.",
           "Jargon-heavy, or talks down to the listener.",
           "Mostly clear, but no example or no link to the client's concern.",
           "Plain words, a good example, and why it matters to the client."),
        _p("disagreement",
           "Tell us about a time you disagreed with a colleague or client about how to do the work. "
           "What happened?",
           "Listens, argues with evidence, looks for common ground, and accepts or commits to the "
           "final decision.",
           "No example, or the story is about winning.",
           "A real example resolved politely, but little about how they weighed the other view.",
           "A real example: listened, used evidence, found a way forward, and kept the relationship."),
        _p("mistake",
           "Describe a mistake you made at work, how you found it, and what you changed.",
           "Owns a real mistake, explains how it was caught, and names the change in how they work.",
           "No mistake, or blames others.",
           "A real mistake and the fix, but no lasting change.",
           "A real mistake, owned, fixed, and a change in how they work that stopped a repeat."),
        _p("first-three-months",
           "What would you want to learn and achieve in your first three months in this role?",
           "Realistic goals that show they read the role: learning the business and the people "
           "first, then one or two concrete contributions.",
           "Generic goals that would fit any job.",
           "Sensible goals, but loosely tied to this role.",
           "Specific, realistic goals tied to this role, starting with learning."),
    ],
    "manager": [
        _p("team-led",
           "Tell us about a team you led: its size, what it had to deliver, and one result you are "
           "proud of.",
           "A concrete team and goal, what they personally did as the leader, and a result with a "
           "number or a clear before and after.",
           "Vague about the team, or only their own tasks.",
           "A real team and result, but unclear what they did as the leader.",
           "A concrete team, their own leadership choices, and a measurable result."),
        _p("underperformer",
           "Describe a time a team member was not performing. What did you do, and what happened?",
           "Talked early and privately, agreed clear expectations and support, followed up, and "
           "acted fairly on the outcome.",
           "Avoided it, or went straight to blame or dismissal.",
           "Addressed it, but late or without clear expectations or follow-up.",
           "Early, private, clear expectations and support, follow-up, and a fair outcome."),
        _p("hard-decision",
           "Tell us about a hard decision you made with incomplete information. How did you decide, "
           "and would you decide the same today?",
           "Explains the options, what they knew and did not, how they weighed the risk, and what "
           "they learned.",
           "No real decision, or no reasoning.",
           "A real decision with some reasoning, but no reflection.",
           "Clear options and trade-offs, honest reflection on the outcome."),
        _p("new-hire-first-month",
           "How do you make sure a new person on your team succeeds in their first month?",
           "A concrete plan: a first-week welcome, clear goals, a buddy or contact, regular "
           "check-ins and early feedback.",
           "Leaves it to the new person, or says they learn on the job.",
           "Some good steps, but no structure or follow-up.",
           "A concrete plan with goals, regular check-ins and early feedback, from real experience."),
        _p("unpopular-change",
           "Tell us about a time you had to carry out a change your team did not like.",
           "Explained the reason, listened to concerns, changed what they could, and followed "
           "through.",
           "Forced it through without explaining, or dodged it.",
           "Explained the change, but did not listen to concerns or follow up.",
           "Explained why, listened, adapted where possible, and saw it through."),
    ],
}


# The numbers the plan and the invitation rest on.
ANSWER_MINUTES = 2          # typical answer time in practice (ijsa-async-setup)
PREP_SECONDS = 30           # typical preparation time (ijsa-async-setup)
SETUP_MINUTES = 5           # assumption: opening the link, checking camera and microphone
RETAKES = 1                 # one re-record per answer improves reactions (tilston-reactions)
RESPONSE_DAYS = {"shift": 5, "default": 3}  # assumption: days a candidate gets to record

# Volume bands on the total number of applicants (applicants per opening x openings).
# "few": so few that a recorded set saves little team time (the plan quotes how much, from the
# screening-overhead model), while a live call lets you ask follow-ups and sell the role.
VOLUME_BANDS = (("few", 1, 3), ("moderate", 4, 49), ("high", 50, None))

# How many first-round prompts, by the cost of a wrong hire (the guide's rule: three to five).
PROMPT_COUNT = {"low": 3, "medium": 4, "high": 5}

# Conditions are matched against the plan's facts: role_family, band, role_risk, shift_workers,
# time_zones, on_site, hourly. A condition value may be a tuple (any of these). First match wins.
FIRST_ROUND_RULES = [
    {"id": "shift-workers", "when": {"shift_workers": True}, "format": "async",
     "name": "Recorded first round",
     "reason": "You said candidates work shifts and cannot take calls in office hours, so they "
               "record their answers whenever suits them."},
    {"id": "time-zones", "when": {"time_zones": True}, "format": "async",
     "name": "Recorded first round",
     "reason": "You said candidates are spread across time zones, so a recorded round saves "
               "hunting for an hour that suits both sides."},
    {"id": "high-volume", "when": {"band": "high"}, "format": "async",
     "name": "Recorded first round",
     "reason": "You expect {total} applicants in all, and reviewing recordings at your own pace "
               "saves {saved_hours} of team time compared with booking {total} calls."},
    {"id": "few-applicants", "when": {"band": "few"}, "format": "live",
     "name": "Live first conversation",
     "reason": "You expect only {total} applicant{s} in all, so a recorded set would save {saved}, "
               "and a live call lets you ask follow-up questions and tell them about the role."},
    # everything else: a moderate number of applicants (band "moderate")
    {"id": "moderate-volume", "when": {}, "format": "async",
     "name": "Recorded first round",
     "reason": "You expect {total} applicants in all, enough that one recorded set saves "
               "{saved_hours} of team time compared with {total} separate calls."},
]

INTERVIEW_RULES = [
    {"id": "conversation-is-the-job", "when": {"role_family": "customer-service"}, "format": "live",
     "name": "Live interview with a role-play call",
     "reason": "For a customer service role the conversation is the job, so the second round is a "
               "live call that includes a short role-play."},
    {"id": "after-live-first", "when": {"first": "live"}, "format": "live",
     "name": "Structured video interview",
     "reason": "Your first conversation decides who is worth a deeper look, and a structured video "
               "interview with the same questions for each of them makes them easy to compare."},
    {"id": "default", "when": {}, "format": "live",
     "name": "Video interview",
     "reason": "A live video interview with the people who pass the first round lets you ask the "
               "follow-up questions a recording cannot."},
]

FINAL_RULES = [
    {"id": "low-risk", "when": {"role_risk": "low"}, "format": None,
     "name": "Final panel",
     "reason": "You said a wrong hire would cost little, so the video interview decides and a "
               "panel would only slow you down."},
    {"id": "high-risk-far-away", "when": {"role_risk": "high", "time_zones": True}, "format": "live",
     "name": "Final panel (video)",
     "reason": "You said a wrong hire would be costly, so a final panel is worth it, and because "
               "candidates are spread across time zones it runs on video."},
    {"id": "high-risk-on-site", "when": {"role_risk": "high", "on_site": True}, "format": "in-person",
     "name": "Final panel (in person)",
     "reason": "You said a wrong hire would be costly and this is an on-site {family} role, so "
               "the finalists meet the team where they will work."},
    {"id": "high-risk", "when": {"role_risk": "high"}, "format": "live",
     "name": "Final panel (video)",
     "reason": "You said a wrong hire would be costly, so a short final panel with the people they "
               "would work with is worth its cost."},
    {"id": "medium-risk-senior", "when": {"role_risk": "medium", "role_family": ("manager", "professional")},
     "format": "live", "name": "Final panel (video)",
     "reason": "You rated the cost of a wrong hire medium for {a_family} role, so a short video "
               "panel with a second colleague checks the choice without travel."},
    # everything else: medium risk for the other role families
    {"id": "medium-risk", "when": {}, "format": None,
     "name": "Final panel",
     "reason": "You rated the cost of a wrong hire medium for {a_family} role, so the video "
               "interview decides and no extra panel is needed."},
]

# Hours to decide on each first-round candidate. Hourly markets and high volume move fastest.
REVIEW_DEADLINE_RULES = [
    {"id": "fast", "when": {"hourly": True}, "hours": 24, "source": "cronofy-dropout",
     "reason": "You are hiring for {a_family} role, where hiring moves fast and 42 to 43 % of "
               "candidates in Cronofy's polls say they have dropped out of a slow process, so "
               "decide within a day."},
    {"id": "volume", "when": {"band": "high"}, "hours": 24, "source": None,
     "reason": "You expect {total} applicants in all, so reviewing every day keeps the pile small "
               "and the best people from drifting away."},
    {"id": "default", "when": {}, "hours": 48, "source": None,
     "reason": "For {a_family} role with {total} applicant{s} in all, two days leaves time to score "
               "carefully while candidates still hear back quickly."},
]

# Move on everyone whose first-round total reaches this share of the top score, with no prompt
# scored 1 (weak). Stricter at high volume, where you can afford to be choosy.
MOVE_ON_SHARE = {"few": 2 / 3, "moderate": 2 / 3, "high": 0.8}


def matches(when, facts):
    """True when every condition in ``when`` holds for ``facts`` (a tuple means any of)."""
    for key, want in when.items():
        have = facts.get(key)
        if isinstance(want, tuple):
            if have not in want:
                return False
        elif have != want:
            return False
    return True


def first_match(rules, facts):
    for rule in rules:
        if matches(rule["when"], facts):
            return rule
    raise LookupError("no rule matched")  # every table ends with a catch-all; tests prove it


def band_of(total):
    for name, lo, hi in VOLUME_BANDS:
        if total >= lo and (hi is None or total <= hi):
            return name
    return VOLUME_BANDS[-1][0]


# Compliance to-dos: general information, not legal advice, as the guide describes the rules on
# LAW_REVIEWED. Each id appears once, from the first row whose conditions hold (facts:
# jurisdiction, ai_scoring). ``source`` is a key in calculators.sources.SOURCES.
LAW_REVIEWED = "December 2026"

COMPLIANCE_RULES = [
    {"id": "illinois-aivi", "when": {"jurisdiction": "us-illinois", "ai_scoring": True},
     "source": "illinois-aivi",
     "text": "Illinois AI Video Interview Act: before the recorded round, tell each candidate that AI "
             "may analyse the video, explain how it works and what it looks at, and get their "
             "consent. Share videos only with the people evaluating them, and delete them within "
             "30 days if the candidate asks."},
    {"id": "nyc-ll144", "when": {"jurisdiction": "us-nyc", "ai_scoring": True},
     "source": "nyc-ll144",
     "text": "New York City Local Law 144: use the scoring tool only after an independent bias "
             "audit in the past year, publish its summary, tell candidates at least 10 business "
             "days ahead, and explain how to ask for another way to be assessed."},
    {"id": "eu-ai-act", "when": {"jurisdiction": "eu", "ai_scoring": True},
     "source": "eu-ai-act",
     "text": "EU AI Act: software that evaluates candidates counts as high-risk, so check that your "
             "vendor meets its duties, keep a person responsible for every decision, tell "
             "candidates, and never use emotion recognition, which is banned at work since "
             "2 February 2025."},
    {"id": "uk-retention", "when": {"jurisdiction": "uk"},
     "source": "ico-recruitment",
     "text": "UK data protection: write down a retention period for recruitment records, including "
             "recordings and scores, and keep nothing longer than it says."},
    {"id": "accommodations", "when": {},
     "source": "ada-accommodation",
     "text": "Tell every candidate how to ask for another format, such as a live call or written "
             "answers, and offer it without counting it against them. Disability law in many "
             "places (the ADA in the US, for example) expects this."},
    {"id": "retention", "when": {"jurisdiction": ("us-illinois", "us-nyc", "us-other")},
     "source": "eeoc-recordkeeping",
     "text": "Decide how long you keep recordings and notes, say so in the invitation, and delete "
             "them on schedule. US employers with 15 or more employees must keep hiring records "
             "for at least one year."},
    {"id": "retention", "when": {"jurisdiction": "uk"},
     "source": "ico-recruitment",
     "text": "Tell candidates how long you keep recordings and notes, in the invitation and your "
             "privacy notice, and set a reminder to delete them when that period ends."},
    {"id": "retention", "when": {},
     "source": "gdpr-storage-limitation",
     "text": "Decide how long you keep recordings and notes, say so in the invitation, and delete "
             "them on schedule. Data protection laws such as the EU's GDPR say personal data must "
             "not be kept longer than needed."},
]
