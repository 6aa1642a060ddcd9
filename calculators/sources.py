"""Every published figure the site cites, with its source: the one home for citations.

Fields cite these by key (``Field(source="bls-hr-pay")``), the guide's Sources page is
rendered from this table, and the "How we calculate" pages read it through ``fields()``.
``low``/``high`` give the range a reader should keep in mind; ``reliability`` says how far
to trust the figure. Figures marked ``kind="assumption"`` have no trustworthy published rate:
the value is ours, shown as an editable assumption.
"""

SOURCES = {
    "bls-hr-pay": {
        "figure": "Median pay of US human-resources specialists: $30.52 an hour",
        "value": 30.52, "low": 22.0, "high": 45.0, "unit": "$/h",
        "title": "Occupational Outlook Handbook: Human Resources Specialists",
        "publisher": "US Bureau of Labor Statistics", "year": 2020,
        "url": "https://www.bls.gov/ooh/business-and-financial/human-resources-specialists.htm",
        "reliability": "high, but dated (2020 data)", "kind": "published",
        # hourly_cost is pay x benefits factor: 22 x 1.25 to 45 x 1.5
        "field_low": {"hourly_cost": 27.5}, "field_high": {"hourly_cost": 67.5},
    },
    "bls-benefits": {
        "figure": "Benefits are about 30 % of employer cost, so pay x about 1.43 is the full hourly cost",
        "value": 1.43, "low": 1.25, "high": 1.5, "unit": "x pay",
        "title": "Employer Costs for Employee Compensation, December 2019",
        "publisher": "US Bureau of Labor Statistics", "year": 2019,
        "url": "https://www.bls.gov/news.release/ecec.toc.htm",
        "reliability": "high, but dated", "kind": "published",
    },
    "yello-scheduling": {
        "figure": "67 % of recruiters say scheduling one interview takes 30 minutes to 2 hours",
        "value": 30, "low": 15, "high": 120, "unit": "minutes",
        "title": "Interview scheduling survey",
        "publisher": "Yello", "year": 2019,
        "url": "https://yello.co/",
        "reliability": "vendor survey", "kind": "published",
    },
    "cronofy-messages": {
        "figure": "60 % of recruiters need three or more emails or calls to book one interview",
        "value": 3, "low": 2, "high": 6, "unit": "messages",
        "title": "Interview scheduling survey (272 recruiters)",
        "publisher": "Cronofy and JobAdder", "year": 2019,
        "url": "https://www.cronofy.com/reports",
        "reliability": "vendor survey, small sample", "kind": "published",
    },
    "cronofy-booking-days": {
        "figure": "41 % of recruiters take 3 days or more to get an interview booked; 11 % a week or more",
        "value": 3, "low": 1, "high": 7, "unit": "days",
        "title": "Interview scheduling survey (272 recruiters)",
        "publisher": "Cronofy and JobAdder", "year": 2019,
        "url": "https://www.cronofy.com/reports",
        "reliability": "vendor survey, small sample", "kind": "published",
    },
    "glassdoor-phone-screen": {
        "figure": "A phone screen adds 6.8 to 8.2 days to hiring; a panel interview 5.6 to 6.8 days",
        "value": 7.5, "low": 6.8, "high": 8.2, "unit": "days",
        "title": "Why Is Hiring Taking Longer? New Insights from Glassdoor Data (344,250 interview reviews)",
        "publisher": "Glassdoor Economic Research", "year": 2015,
        "url": "https://www.glassdoor.com/research/studies/why-is-hiring-taking-longer/",
        "reliability": "high", "kind": "published",
    },
    "glassdoor-panel": {
        "figure": "A panel interview adds 5.6 to 6.8 days to hiring",
        "value": 6.2, "low": 5.6, "high": 6.8, "unit": "days",
        "title": "Why Is Hiring Taking Longer? New Insights from Glassdoor Data (344,250 interview reviews)",
        "publisher": "Glassdoor Economic Research", "year": 2015,
        "url": "https://www.glassdoor.com/research/studies/why-is-hiring-taking-longer/",
        "reliability": "high", "kind": "published",
    },
    "cronofy-dropout": {
        "figure": "42 to 43 % of candidates say they have dropped out of a process over slow scheduling",
        "value": 42, "low": 42, "high": 43, "unit": "%",
        "title": "Candidate Expectations Reports (2021, n=6,500; 2024, n=12,000)",
        "publisher": "Cronofy", "year": 2024,
        "url": "https://www.cronofy.com/reports",
        "reliability": "vendor-commissioned poll", "kind": "published",
    },
    "goodtime-scheduling-share": {
        "figure": "Recruiters spend 38 % of their time scheduling",
        "value": 38, "low": 25, "high": 45, "unit": "%",
        "title": "Hiring Insights Report",
        "publisher": "GoodTime", "year": 2026,
        "url": "https://goodtime.io/",
        "reliability": "vendor survey", "kind": "published",
    },
    "ijsa-async-setup": {
        "figure": "Most one-way interviews use 4 to 5 questions, 30 seconds to prepare and 2 minutes to answer",
        "value": 2, "low": 1, "high": 3, "unit": "minutes per answer",
        "title": "Archival study of one Australian one-way interview platform (628,000 candidates)",
        "publisher": "International Journal of Selection and Assessment", "year": 2022,
        "url": "https://onlinelibrary.wiley.com/journal/14682389",
        "reliability": "high", "kind": "published",
        "field_low": {"prompts": 4}, "field_high": {"prompts": 5},
    },
    "tilston-reactions": {
        "figure": "More preparation time and the option to re-record improve candidates' reactions; more questions worsen them",
        "value": None, "low": None, "high": None, "unit": "",
        "title": "Tilston et al., applicant reactions to asynchronous video interviews (27,809 real applicants)",
        "publisher": "Human Resource Management", "year": 2024,
        "url": "https://onlinelibrary.wiley.com/journal/1099050x",
        "reliability": "high", "kind": "published",
    },
    "talentboard-fairness": {
        "figure": "Candidates rate in-person interviews fairest, then live video, then recorded video",
        "value": None, "low": None, "high": None, "unit": "",
        "title": "Candidate Experience Research",
        "publisher": "Talent Board", "year": 2022,
        "url": "https://www.thetalentboard.org/",
        "reliability": "medium", "kind": "published",
    },
    "async-completion": {
        "figure": "Async completion rates are reported from about 50 % to over 90 %; we assume 70 %",
        "value": 70, "low": 50, "high": 90, "unit": "%",
        "title": "Async interview vendors' own published figures",
        "publisher": "various vendors", "year": 2024,
        "url": "",
        "reliability": "low: the 70 % default is an assumption", "kind": "assumption",
    },
    "indeed-no-show": {
        "figure": "84 % of employers have had a candidate not show up; no per-interview rate is published, so we assume 10 %",
        "value": 10, "low": 5, "high": 20, "unit": "%",
        "title": "Candidate ghosting survey",
        "publisher": "Indeed", "year": 2019,
        "url": "https://www.indeed.com/lead/candidate-ghosting-report",
        "reliability": "the 10 % rate is an assumption", "kind": "assumption",
    },
    "reschedule-rate": {
        "figure": "No published reschedule rate found; we assume 10 % of calls are moved once",
        "value": 10, "low": 5, "high": 25, "unit": "%",
        "title": "No published source",
        "publisher": "assumption", "year": None,
        "url": "",
        "reliability": "assumption", "kind": "assumption",
    },
    "careerplug-funnel": {
        "figure": "3 % of applicants get an interview, 27 % of interviews end in a hire, about 180 applicants per hire",
        "value": 27, "low": 20, "high": 35, "unit": "% of interviews",
        "title": "Recruiting Metrics Report (2024 data from 60,000 small businesses)",
        "publisher": "CareerPlug", "year": 2025,
        "url": "https://www.careerplug.com/recruiting-metrics-and-kpis/",
        "reliability": "medium-high", "kind": "published",
    },
    "jobvite-offer-accept": {
        "figure": "89 % of offers are accepted",
        "value": 89, "low": 80, "high": 95, "unit": "%",
        "title": "Recruiting Benchmark Report (as reported secondhand)",
        "publisher": "Jobvite", "year": 2019,
        "url": "https://www.jobvite.com/",
        "reliability": "medium", "kind": "published",
    },
    "glassdoor-time-to-hire": {
        "figure": "Time to hire in the US is about 24 days",
        "value": 24, "low": 20, "high": 28, "unit": "days",
        "title": "Time to hire in 25 countries",
        "publisher": "Glassdoor", "year": 2017,
        "url": "https://www.glassdoor.com/research/time-to-hire-in-25-countries/",
        "reliability": "high", "kind": "published",
    },
    "shrm-time-to-fill": {
        "figure": "Time to fill is about 42 to 44 days",
        "value": 44, "low": 42, "high": 44, "unit": "days",
        "title": "Human Capital Benchmarking (2016 and 2022)",
        "publisher": "SHRM", "year": 2022,
        "url": "https://www.shrm.org/",
        "reliability": "medium", "kind": "published",
    },
    "shrm-cost-per-hire": {
        "figure": "Cost per hire is about $4,700",
        "value": 4700, "low": 4000, "high": 5500, "unit": "$",
        "title": "Talent Acquisition Benchmarking (2022 data)",
        "publisher": "SHRM", "year": 2022,
        "url": "https://www.shrm.org/",
        "reliability": "medium", "kind": "published",
    },
    "sackett-structured": {
        "figure": "Structured interviews are the strongest single predictor of job performance in a large re-analysis",
        "value": None, "low": None, "high": None, "unit": "",
        "title": "Sackett, Zhang, Berry and Lievens: Revisiting meta-analytic estimates of validity in personnel selection",
        "publisher": "Journal of Applied Psychology", "year": 2022,
        "url": "https://doi.org/10.1037/apl0000994",
        "reliability": "high", "kind": "published",
    },
    "illinois-aivi": {
        "figure": "Illinois Artificial Intelligence Video Interview Act (820 ILCS 42), in force since January 2020",
        "value": None, "low": None, "high": None, "unit": "",
        "title": "Artificial Intelligence Video Interview Act, 820 ILCS 42",
        "publisher": "Illinois General Assembly", "year": 2020,
        "url": "https://www.ilga.gov/legislation/ilcs/ilcs3.asp?ActID=4015&ChapterID=68",
        "reliability": "primary law", "kind": "law",
    },
    "nyc-ll144": {
        "figure": "New York City Local Law 144 on automated employment decision tools",
        "value": None, "low": None, "high": None, "unit": "",
        "title": "Automated Employment Decision Tools (Local Law 144 of 2021)",
        "publisher": "NYC Department of Consumer and Worker Protection", "year": 2023,
        "url": "https://www.nyc.gov/site/dca/about/automated-employment-decision-tools.page",
        "reliability": "primary law", "kind": "law",
    },
    "eu-ai-act": {
        "figure": "EU AI Act: recruiting and candidate evaluation AI is high-risk (Annex III); emotion recognition at work banned since 2 February 2025",
        "value": None, "low": None, "high": None, "unit": "",
        "title": "Regulation (EU) 2024/1689 (Artificial Intelligence Act)",
        "publisher": "European Union", "year": 2024,
        "url": "https://eur-lex.europa.eu/eli/reg/2024/1689/oj",
        "reliability": "primary law", "kind": "law",
    },
    "ico-recruitment": {
        "figure": "UK: keep recruitment records only as long as a written retention period says, and tell candidates",
        "value": None, "low": None, "high": None, "unit": "",
        "title": "Employment practices and data protection: recruitment and selection",
        "publisher": "Information Commissioner's Office (UK)", "year": 2024,
        "url": "https://ico.org.uk/for-organisations/uk-gdpr-guidance-and-resources/employment/recruitment-and-selection/",
        "reliability": "regulator guidance", "kind": "law",
    },
    "ada-accommodation": {
        "figure": "Americans with Disabilities Act: offer a reasonable accommodation, such as another interview format, on request",
        "value": None, "low": None, "high": None, "unit": "",
        "title": "Americans with Disabilities Act: employment (Title I)",
        "publisher": "US Department of Justice / EEOC", "year": 1990,
        "url": "https://www.ada.gov/topics/intro-to-ada/",
        "reliability": "primary law", "kind": "law",
    },
    "eeoc-recordkeeping": {
        "figure": "US employers with 15 or more employees must keep hiring records, including interview records, for one year (29 CFR 1602.14)",
        "value": None, "low": None, "high": None, "unit": "",
        "title": "Recordkeeping requirements under Title VII, the ADA and GINA (29 CFR Part 1602)",
        "publisher": "US Equal Employment Opportunity Commission", "year": 2024,
        "url": "https://www.eeoc.gov/employers/recordkeeping-requirements",
        "reliability": "primary regulation", "kind": "law",
    },
    "gdpr-storage-limitation": {
        "figure": "GDPR: personal data must be kept no longer than needed for its purpose (storage limitation, Article 5(1)(e))",
        "value": None, "low": None, "high": None, "unit": "",
        "title": "Regulation (EU) 2016/679 (General Data Protection Regulation), Article 5",
        "publisher": "European Union", "year": 2016,
        "url": "https://eur-lex.europa.eu/eli/reg/2016/679/oj",
        "reliability": "primary law", "kind": "law",
    },
}


def _assumption(figure, value, low, high, unit):
    return {"figure": figure, "value": value, "low": low, "high": high, "unit": unit,
            "title": "No published source", "publisher": "assumption", "year": None, "url": "",
            "reliability": "assumption", "kind": "assumption"}


# The estimation models' own assumptions (no trustworthy published figure exists for these):
# shown as editable values with a plausible range, never as facts.
SOURCES.update({
    "prep-minutes": _assumption("We assume 5 minutes to read the CV and prepare for each call or interview",
                                5, 2, 15, "minutes"),
    "followup-minutes": _assumption("We assume 10 minutes of notes and next-step messages after each call",
                                    10, 5, 20, "minutes"),
    "call-capacity": _assumption("We assume your team can hold 5 hours of screening calls (or reviews) a week",
                                 5, 2, 10, "hours per week"),
    "async-setup": _assumption("We assume 60 minutes, once, to write the async questions and the rubric",
                               60, 30, 180, "minutes"),
    "async-invite": _assumption("We assume 2 minutes to invite each candidate to an async screen",
                                2, 1, 5, "minutes"),
    "async-reminder": _assumption("We assume 1 minute of reminders for each invited candidate",
                                  1, 0, 3, "minutes"),
    "async-scoring": _assumption("We assume 3 minutes for a reviewer to score one recording against the rubric",
                                 3, 2, 5, "minutes"),
    "async-followup": _assumption("We assume 5 minutes of follow-up for each completed recording",
                                  5, 2, 10, "minutes"),
    "async-response-days": _assumption("We assume candidates get 3 days to record their answers",
                                       3, 2, 5, "days"),
    "review-deadline": _assumption("We assume a review deadline of 2 days (the guide suggests 24 to 48 hours)",
                                   2, 1, 3, "days"),
    "interview-minutes": _assumption("We assume a remote (live video) interview lasts 45 minutes",
                                     45, 30, 60, "minutes"),
    "final-minutes": _assumption("We assume a final panel lasts 60 minutes", 60, 45, 90, "minutes"),
    "panel-size": _assumption("We assume 3 people sit on a final panel", 3, 2, 4, "people"),
    "offer-minutes": _assumption("We assume 30 minutes of team time to make each offer", 30, 15, 60, "minutes"),
    "offer-days": _assumption("We assume an offer takes 3 days to be made and answered", 3, 1, 7, "days"),
    "screen-pass": _assumption("We assume 25 % of candidates pass the first-round screen (including those who "
                               "never complete it)", 25, 15, 50, "%"),
    "interview-pass": _assumption("We assume 40 % of candidates pass the remote interview", 40, 25, 60, "%"),
    "final-pass": _assumption("We assume 60 % of candidates pass the final panel", 60, 40, 80, "%"),
})


def cite(key):
    """The short citation a reader sees: 'as reported by <publisher> (<year>)'."""
    s = SOURCES[key]
    if s["kind"] == "assumption" and not s["year"]:
        return "assumption (no published figure found)"
    return f"{s['publisher']} ({s['year']})"
