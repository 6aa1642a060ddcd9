"""Scenario generator for screening-metrics in the Pyodide parity test: a small, messy CSV file
(header spellings, separators, quotes, byte-order marks, line endings, ISO and spreadsheet dates with
and without times and offsets, missing-value tokens, duplicate ids, blank lines, unreadable dates,
dates before the invitation) plus the other params, sometimes as a form sends them."""
from datetime import datetime, timedelta

HEADERS = {
    "candidate_id": ["candidate_id", "Candidate ID", "candidate", "ID", "Applicant"],
    "invited_at": ["invited_at", "Invited At", "invitation sent", "SENT", "Interview sent on"],
    "completed_at": ["completed_at", "Completed", "recorded", "Submitted"],
    "reviewed_at": ["reviewed_at", "Reviewed", "screened"],
    "decided_at": ["decided_at", "Decision", "decision date", "Decided-At"],
    "format": ["format", "Format"],
    "role": ["role", "Role"],
}
ROLES = ["Cashier", "Line cook", "Driver", "Care aide", "Office assistant", "Shift lead"]
FORMATS = ["async", "live", "Async", "one-way", "remote", "video call", "n/a", ""]
MISSING = ["", "-", "n/a", "NA", "null", "None"]
BAD_DATES = ["2026-02-30", "yesterday", "31/31/2026", "2026-13-01", "2026-01-05T25:00", "soon"]


def _date(rng, dt, style):
    if style == "iso-t":
        text = dt.strftime("%Y-%m-%dT%H:%M:%S")
        extra = rng.choice(["", "Z", "+02:00", "-0500", ".250Z", "+05:30"])
        return text + extra
    if style == "iso-space":
        return dt.strftime("%Y-%m-%d %H:%M")
    if style == "iso-date":
        return dt.strftime("%Y-%m-%d")
    if style == "dmy":
        return dt.strftime("%d/%m/%Y %H:%M") if rng.random() < 0.5 else dt.strftime("%d.%m.%Y")
    if style == "mdy":
        return dt.strftime("%m/%d/%Y %I:%M %p") if rng.random() < 0.5 else f"{dt.month}/{dt.day}/{dt:%y}"
    return dt.strftime("%Y/%m/%d")


def screening_metrics(rng, fields):
    columns = ["candidate_id", "invited_at"]
    columns += [c for c in ("completed_at", "reviewed_at", "decided_at", "format", "role") if rng.random() < 0.8]
    rng.shuffle(columns)
    if rng.random() < 0.3:
        columns.insert(rng.randrange(len(columns) + 1), "notes")  # an extra column
    names = {c: rng.choice(HEADERS.get(c, ["Notes"])) for c in columns}
    params = {}
    for c in ("candidate_id", "invited_at"):  # headers that need an override
        if names.get(c) in ("Applicant", "Interview sent on"):
            params[f"col_{c}"] = names[c].upper() if rng.random() < 0.5 else names[c]
    sep = rng.choice([",", ",", ";", "\t"])
    style = rng.choice(["iso-t", "iso-space", "iso-date", "dmy", "mdy", "ymd-slash"])
    start = datetime(2026, rng.randint(1, 12), rng.randint(1, 28), rng.randint(0, 23), rng.randint(0, 59))
    lines = [sep.join(f'"{names[c]}"' if rng.random() < 0.2 else names[c] for c in columns)]
    for i in range(rng.choice([0, 1, 2, 5, 12, 30, 60, 60, 150])):
        inv = start + timedelta(minutes=rng.randint(0, 60 * 24 * 90))
        comp = inv + timedelta(minutes=rng.randint(0, 60 * 24 * 6)) if rng.random() < 0.75 else None
        rev = (comp or inv) + timedelta(minutes=rng.randint(0, 60 * 24 * 4)) if rng.random() < 0.7 else None
        dec = (rev or inv) + timedelta(minutes=rng.randint(0, 60 * 24 * 8)) if rng.random() < 0.7 else None
        values = {"candidate_id": f"C-{i:04d}", "invited_at": inv, "completed_at": comp, "reviewed_at": rev,
                  "decided_at": dec, "format": rng.choice(FORMATS), "role": rng.choice(ROLES),
                  "notes": rng.choice(["", "called back", "asked for; a text option", "moved to nights"])}
        mess = rng.random()
        if mess < 0.04:
            values["candidate_id"] = rng.choice(MISSING)
        elif mess < 0.08:
            values["invited_at"] = None
        elif mess < 0.12:
            values["decided_at"] = inv - timedelta(hours=rng.randint(1, 72))
        elif mess < 0.16 and i:
            values["candidate_id"] = f"C-{rng.randrange(i):04d}"  # a repeated id
        cells = []
        for c in columns:
            v = values[c]
            if isinstance(v, datetime):
                text = _date(rng, v, style)
            elif v is None:
                text = rng.choice(MISSING)
            else:
                text = v
            if c.endswith("_at") and rng.random() < 0.02:
                text = rng.choice(BAD_DATES)
            if sep in text or rng.random() < 0.1:
                text = '"' + text.replace('"', '""') + '"'
            cells.append(text)
        lines.append(sep.join(cells))
        if rng.random() < 0.03:
            lines.append(rng.choice(["", "   ", sep * (len(columns) - 1)]))
    newline = rng.choice(["\n", "\n", "\r\n"])
    params["csv"] = ("\ufeff" if rng.random() < 0.2 else "") + newline.join(lines) + newline
    if rng.random() < 0.8:
        params["date_order"] = rng.choice(["auto", "auto", "dmy", "mdy", "AUTO"])
    if rng.random() < 0.7:
        hours = rng.choice([1, 12, 24, 48, 72, 36.5, 720])
        params["review_deadline_hours"] = str(hours) if rng.random() < 0.3 else hours
    return params
