"""Your own screening numbers from a CSV: completion rate, time to screen, time to decision.

The reader's file is one text param (``csv``); everything runs where ``run`` runs, so in the
browser the file never leaves the reader's machine. Definitions (public, so that any two correct
implementations agree):

- Columns: ``candidate_id``, ``invited_at``, ``completed_at``, ``reviewed_at``, ``decided_at`` and
  the optional ``format`` and ``role``. A header matches when it equals the column's name or one of
  its synonyms after ignoring case, spaces, underscores and hyphens (``SYNONYMS``). The name itself
  wins over a synonym; among headers with the same match, the leftmost wins. The ``col_*`` params
  name a header to use instead (matched the same way).
- Empty cells and ``-``, ``n/a``, ``na``, ``null``, ``none`` (any case) are missing values.
- Dates: ISO 8601 (``2026-03-02``, ``2026-03-02T09:15``, seconds, fractions, ``Z`` or an offset such
  as ``+02:00``; ``2026/03/02`` too) and spreadsheet forms ``d/m/y`` or ``m/d/y`` (``/``, ``.`` or
  ``-``; 2-digit years are 20xx; an optional time, with or without AM/PM). A time without an offset
  is UTC; a date without a time is midnight. ``date_order`` says how to read ``03/04/2026``;
  ``auto`` decides once per file from the values that fit only one order, and when nothing settles
  it reads month/day and says so in a warning.
- A row is used when it has a candidate id and a valid ``invited_at``, none of its present dates
  fails to parse, none is earlier than ``invited_at``, and its id was not used by an earlier row
  (the first used occurrence wins). Lines whose cells are all empty are blank lines: ignored, not
  counted. Every other row is skipped and counted under the first reason that applies, in the
  order of ``REASONS``.
- ``completion_rate`` = used rows with ``completed_at`` / used rows. ``time_to_screen`` =
  ``reviewed_at - invited_at`` and ``time_to_decision`` = ``decided_at - invited_at``, in hours,
  over the used rows that have that date. The median is the usual one; the 90th percentile is
  ``statistics.quantiles(xs, n=10, method="inclusive")[8]`` (linear interpolation between closest
  ranks); with one value both are that value.
- Review-deadline adherence: among used rows with both ``completed_at`` and ``reviewed_at``, the
  share reviewed at most ``review_deadline_hours`` after completion.
"""
import csv
import io
import re
from datetime import date
from itertools import repeat
from operator import itemgetter

from . import render as ui
from .fields import Field
from .render import esc, num, pct
from .sample_data import SAMPLE_CSV
from .sources import SOURCES

NAME = "screening-metrics"
TITLE = "Your screening metrics"
MAX_CHARS = 8_000_000  # about 80,000 rows of a typical export; 50,000 rows are about 5 MB

COLUMNS = ("candidate_id", "invited_at", "completed_at", "reviewed_at", "decided_at", "format", "role")
COLUMN_LABELS = {
    "candidate_id": "Candidate id", "invited_at": "Invitation date", "completed_at": "Completion date",
    "reviewed_at": "Review date", "decided_at": "Decision date", "format": "Format", "role": "Role",
}
# Header spellings each column accepts, in order of preference (the name itself first).
SYNONYMS = {
    "candidate_id": ("candidate_id", "candidate", "id"),
    "invited_at": ("invited_at", "invited", "invitation sent", "sent"),
    "completed_at": ("completed_at", "completed", "recorded", "submitted"),
    "reviewed_at": ("reviewed_at", "reviewed", "screened"),
    "decided_at": ("decided_at", "decided", "decision", "decision date"),
    "format": ("format",),
    "role": ("role",),
}
MISSING = frozenset({"", "-", "n/a", "na", "null", "none"})
REASONS = {  # reason key -> what it means, in the order the rules are checked
    "missing_candidate_id": "no candidate id",
    "missing_invited_at": "no invitation date",
    "unparseable_date": "a date we could not read",
    "date_before_invited_at": "a date earlier than the invitation",
    "duplicate_candidate_id": "a candidate id already used by an earlier row",
}
# Distribution buckets, in hours: (label, low, high); high None means no upper end.
BUCKETS = (("under 1 day", 0, 24), ("1 to 2 days", 24, 48), ("2 to 3 days", 48, 72),
           ("3 to 5 days", 72, 120), ("5 to 7 days", 120, 168), ("1 to 2 weeks", 168, 336),
           ("2 weeks or more", 336, None))
MAX_GROUPS = 8  # formats or roles shown one by one; the rest are summed as "all others"
CHART_WEEKS = 26
FORMAT_WORDS = {
    "async": {"async", "asynchronous", "oneway", "onewayvideo", "onewayinterview", "recorded",
              "recordedvideo", "videorecorded", "asyncvideo"},
    "live": {"live", "remote", "livevideo", "videocall", "video", "call", "phone", "phonescreen",
             "phonecall", "synchronous", "inperson", "liveinterview"},
}
_FORMAT_OF = {w: k for k, words in FORMAT_WORDS.items() for w in words}


def _key(text):
    """A header or word as compared: lower case, without spaces, underscores or hyphens."""
    return re.sub(r"[\s_\-]+", "", text.lower())


_OVERRIDE_HELP = "The header of this column in your file. Leave empty to let us find it."
FIELDS = [
    Field("csv", "Your CSV file", "file", SAMPLE_CSV, max_chars=MAX_CHARS,
          help="A CSV export with one row per candidate: an id, the invitation date and, where you "
               "have them, the completion, review and decision dates. It is read in your browser "
               "and never uploaded. Files of up to 8 million characters (about 80,000 rows) work."),
    Field("date_order", "Date order", "choice", "auto",
          choices=(("auto", "Find out from the file"), ("dmy", "Day/month/year (03/04 = 3 April)"),
                   ("mdy", "Month/day/year (03/04 = March 4)")),
          help="How to read dates such as 03/04/2026. ISO dates such as 2026-04-03 are always read "
               "correctly."),
    Field("review_deadline_hours", "Review deadline", "number", 48.0, unit="hours", min=1, max=720, step=1,
          help="The time your team gives itself to review a completed recording. The guide suggests "
               "24 to 48 hours."),
] + [
    Field(f"col_{c}", f"{COLUMN_LABELS[c]} column", "text", "", max_chars=200, group="advanced",
          help=_OVERRIDE_HELP)
    for c in COLUMNS
]

# ---------------------------------------------------------------------------------------- dates
_TIME = (r"(?:(?:T|,?\s+)(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?"
         r"(?:\s*([ap])\.?m\.?)?(?:\s*(Z|UTC|GMT|[+-]\d{2}(?::?\d{2})?))?)?")
_ISO_RE = re.compile(r"(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})" + _TIME, re.I)
_NUMERIC_RE = re.compile(r"(\d{1,2})[-/.](\d{1,2})[-/.](\d{4}|\d{2})" + _TIME, re.I)
_BAD = "bad"  # a cache value: the text is present but is not a date we can read


def _seconds(y, mo, d, t):
    """Seconds since 0001-01-01 UTC for a date and the regex groups of its time, or _BAD."""
    try:
        ordinal = date(y, mo, d).toordinal()
    except ValueError:
        return _BAD
    hh, mi, ss, frac, ampm, off = t
    if hh is None:
        return ordinal * 86400
    h, m, s = int(hh), int(mi), int(ss or 0)
    if ampm:
        if not 1 <= h <= 12:
            return _BAD
        h = h % 12 + (12 if ampm in "pP" else 0)
    if h > 23 or m > 59 or s > 59:
        return _BAD
    secs = ordinal * 86400 + h * 3600 + m * 60 + s
    if frac:
        secs += int(frac) / 10 ** len(frac)
    if off and off.upper() not in ("Z", "UTC", "GMT"):
        oh, om = int(off[1:3]), int(off[-2:]) if len(off) > 3 else 0
        if oh > 23 or om > 59:
            return _BAD
        secs -= (1 if off[0] == "+" else -1) * (oh * 3600 + om * 60)
    return secs


def _order_evidence(matches):
    """Counts of spreadsheet dates (regex matches) that fit only day/month, only month/day, or either
    way with different results."""
    dmy = mdy = either = 0
    for m in matches:
        a, b = int(m.group(1)), int(m.group(2))
        if a > 12 and 1 <= b <= 12:
            dmy += 1
        elif b > 12 and 1 <= a <= 12:
            mdy += 1
        elif a != b and 1 <= a <= 12 and 1 <= b <= 12:
            either += 1
    return dmy, mdy, either


_DAY_RE = re.compile(r"\d{4}-\d\d-\d\d")
_CLOCK_RE = re.compile(r"(\d\d):(\d\d)(?::(\d\d))?")


def _day(text, days):
    """Day ordinal of 'YYYY-MM-DD' (cached in ``days``), or -1 when it is not one."""
    ordinal = days.get(text)
    if ordinal is None:
        ordinal = -1
        if _DAY_RE.fullmatch(text):
            try:
                ordinal = date(int(text[:4]), int(text[5:7]), int(text[8:])).toordinal()
            except ValueError:
                pass
        days[text] = ordinal
    return ordinal


def _clock(text, days):
    """Seconds after midnight of 'HH:MM' or 'HH:MM:SS' (cached in ``days``), or -1."""
    secs = days.get(text)
    if secs is None:
        secs = -1
        m = _CLOCK_RE.fullmatch(text)
        if m:
            h, mi, ss = int(m.group(1)), int(m.group(2)), int(m.group(3) or 0)
            if h <= 23 and mi <= 59 and ss <= 59:
                secs = h * 3600 + mi * 60 + ss
        days[text] = secs
    return secs


def _parse_first(text, days):
    """Seconds (UTC) for a cell; None when missing; _BAD when unreadable; for a spreadsheet date,
    whose reading depends on the date order, its regex match. ``days`` caches the parts of the
    usual ISO forms (YYYY-MM-DD, then optionally T or space and HH:MM[:SS])."""
    t = text.strip()
    n = len(t)
    if n < 5 and t.lower() in MISSING:
        return None
    if n == 10 or ((n == 16 or n == 19) and t[10] in "T "):  # fast path; same result as below
        ordinal = _day(t[:10], days)
        if ordinal > 0:
            if n == 10:
                return ordinal * 86400
            secs = _clock(t[11:], days)
            if secs >= 0:
                return ordinal * 86400 + secs
    m = _ISO_RE.fullmatch(t)
    if m:
        g = m.groups()
        return _seconds(int(g[0]), int(g[1]), int(g[2]), g[3:])
    return _NUMERIC_RE.fullmatch(t) or _BAD


def _parse_numeric(m, day_first):
    g = m.groups()
    a, b, y = int(g[0]), int(g[1]), int(g[2])
    if len(g[2]) == 2:
        y += 2000
    d, mo = (a, b) if day_first else (b, a)
    return _seconds(y, mo, d, g[3:])


def parse_dates(texts, date_order):
    """({text: seconds | None | _BAD}, order used, how it was chosen, warning or None) for the date
    cells of a file. How: "you" (date_order was dmy or mdy), "file" (auto, settled by the file),
    "guess" (auto, nothing settled it) or "not needed" (auto, no day/month-or-month/day dates).

    ``date_order`` "auto" decides from the spreadsheet dates that fit only one order; when none
    settles it, month/day is used and the warning asks the reader to choose.
    """
    days = {}
    cache = {t: _parse_first(t, days) for t in texts}
    numeric = [(t, m) for t, m in cache.items() if isinstance(m, re.Match)]
    warning = None
    order, how = date_order, "you"
    if order == "auto":
        how = "file"
        dmy, mdy, either = _order_evidence(m for _, m in numeric)
        if dmy and mdy:
            order = "dmy" if dmy > mdy else "mdy"
            warning = ("Some of your dates only make sense as day/month and others only as month/day, "
                       "so one kind cannot be read. We read them as "
                       f"{'day/month' if order == 'dmy' else 'month/day'}; the list of skipped rows counts "
                       "the dates we could not read.")
        elif dmy or mdy:
            order = "dmy" if dmy else "mdy"
        else:
            order, how = "mdy", "guess" if either else "not needed"
            if either:
                warning = ("Your dates could be read as day/month or as month/day (for example "
                           "03/04/2026), and nothing in the file settles it. We read them as "
                           "month/day. If that is wrong, set Date order to day/month.")
    day_first = order == "dmy"
    for t, m in numeric:
        cache[t] = _parse_numeric(m, day_first)
    return cache, order, how, warning


# ------------------------------------------------------------------------------------ reading
def _sniff(text):
    """The delimiter: whichever of comma, semicolon and tab appears most in the first line outside
    quotes (comma on a tie)."""
    first = next((line for line in text[:65536].splitlines() if line.strip()), "")
    counts = {",": 0, ";": 0, "\t": 0}
    quoted = False
    for ch in first:
        if ch == '"':
            quoted = not quoted
        elif not quoted and ch in counts:
            counts[ch] += 1
    best = max(counts.values())
    return next(d for d in (",", ";", "\t") if counts[d] == best)


def _reader(text):
    """Rows of cells. A file without any quote mark is split directly (the csv module gives the
    same rows for it, more slowly: it matters on Pyodide)."""
    if text.startswith("\ufeff"):
        text = text[1:]
    delimiter = _sniff(text)
    if '"' not in text:
        lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
        return (line.split(delimiter) for line in lines)
    return csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)


def _is_blank(row):
    return not "".join(row).strip()


def _header(text):
    """The first non-blank row, or None."""
    try:
        for row in _reader(text):
            if not _is_blank(row):
                return row
    except csv.Error:
        return None
    return None


def _map_columns(header, inputs):
    """(column -> index or None, errors)."""
    keys = [_key(h) for h in header]
    mapping, errors = {}, {}
    for c in COLUMNS:
        override = (inputs.get(f"col_{c}") or "").strip()
        if override:
            k = _key(override)
            mapping[c] = keys.index(k) if k in keys else None
            if mapping[c] is None:
                errors[f"col_{c}"] = (f"{COLUMN_LABELS[c]} column: your file has no column named "
                                      f"\u201c{override[:60]}\u201d. Check the spelling, or leave it empty.")
            continue
        mapping[c] = None
        for name in SYNONYMS[c]:
            k = _key(name)
            if k in keys:
                mapping[c] = keys.index(k)
                break
    for c, words in (("candidate_id", "candidate_id, Candidate, ID"),
                     ("invited_at", "invited_at, Invited, Invitation sent, Sent")):
        if mapping[c] is None and f"col_{c}" not in errors:
            errors.setdefault("csv", "")
            errors["csv"] += (f"We could not find the {COLUMN_LABELS[c].lower()} column in your file. "
                              f"Name its header {words}, or type its header under {COLUMN_LABELS[c]} column. ")
    if "csv" in errors:
        errors["csv"] = errors["csv"].strip()
    return mapping, errors


def check(inputs):
    """Errors that stop the analysis: an empty file, or no id or invitation column."""
    header = _header(inputs["csv"])
    if header is None:
        return {"csv": "Your CSV file is empty: it needs a header row and one row per candidate."}
    return _map_columns(header, inputs)[1]


# ---------------------------------------------------------------------------------- statistics
def median(xs):
    """Median of a sorted, non-empty list (as statistics.median)."""
    n = len(xs)
    i = n // 2
    return xs[i] if n % 2 else (xs[i - 1] + xs[i]) / 2


def p90(xs):
    """statistics.quantiles(xs, n=10, method="inclusive")[8] of a sorted list; one value -> itself."""
    n = len(xs)
    if n == 1:
        return xs[0]
    j, delta = divmod(9 * (n - 1), 10)
    return (xs[j] * (10 - delta) + xs[j + 1] * delta) / 10


def _summary(values, buckets=False):
    xs = sorted(values)
    out = {"count": len(xs), "median_hours": median(xs) if xs else None, "p90_hours": p90(xs) if xs else None}
    if buckets:
        counts = [0] * len(BUCKETS)
        for x in xs:
            for i, (_, lo, hi) in enumerate(BUCKETS):
                if hi is None or x < hi:
                    counts[i] += 1
                    break
        out["histogram"] = [{"label": lab, "low_hours": lo, "high_hours": hi, "count": n}
                            for (lab, lo, hi), n in zip(BUCKETS, counts)]
    return out


def _group_label(c, raw):
    text = " ".join(raw.split())
    if text.lower() in MISSING:
        return "not given"
    if c == "format":
        return _FORMAT_OF.get(_key(text), text[:40])
    return text[:40]


def _label(labels, c, raw):
    """The group label of a format or role cell; labels that differ only in case share the first
    spelling seen. ``labels`` caches (column, cell) and (column, lower-case label)."""
    label = labels.get((c, raw))
    if label is None:
        label = _group_label(c, raw)
        label = labels[(c, raw)] = labels.setdefault((c, "\0" + label.lower()), label)
    return label


def _figures(recs, deadline_s):
    """Completion, time to screen and decision, and deadline adherence for a list of records."""
    completed = awaiting = within = 0
    screen, decision, review = [], [], []
    for inv, comp, rev, dec, _, _ in recs:
        if comp is not None:
            completed += 1
            if rev is None:
                awaiting += 1
            else:
                x = rev - comp
                review.append(x / 3600)
                within += x <= deadline_s
        if rev is not None:
            screen.append((rev - inv) / 3600)
        if dec is not None:
            decision.append((dec - inv) / 3600)
    n = len(recs)
    return {
        "rows": n,
        "completed": completed,
        "completion_rate": completed / n if n else None,
        "time_to_screen": screen,
        "time_to_decision": decision,
        "time_to_review": review,
        "review_within_deadline": within / len(review) if review else None,
        "reviewed_after_completion": len(review),
        "reviewed_within": within,
        "awaiting_review": awaiting,
    }


def _groups(recs, pos, deadline_s):
    by = {}
    for r in recs:
        group = by.get(r[pos])
        if group is None:
            group = by[r[pos]] = []
        group.append(r)
    items = sorted(by.items(), key=lambda kv: (-len(kv[1]), kv[0].lower()))
    if len(items) > MAX_GROUPS:
        rest = [r for _, rs in items[MAX_GROUPS - 1:] for r in rs]
        items = items[:MAX_GROUPS - 1] + [(f"all {len(items) - MAX_GROUPS + 1} others", rest)]
    out = []
    for label, rs in items:
        f = _figures(rs, deadline_s)
        out.append({"value": label, "rows": f["rows"], "completion_rate": f["completion_rate"],
                    "time_to_screen": _summary(f["time_to_screen"]),
                    "time_to_decision": _summary(f["time_to_decision"]),
                    "review_within_deadline": f["review_within_deadline"]})
    return out


# ------------------------------------------------------------------------------------- compute
def compute(inputs):
    warnings = []
    header, rows, broken_at = None, [], None
    reader = _reader(inputs["csv"])
    try:
        for row in reader:
            if _is_blank(row):
                continue
            if header is None:
                header = row
            else:
                rows.append(row)
    except csv.Error:
        broken_at = len(rows) + 1
    mapping, _ = _map_columns(header or [], inputs)
    ci, ii = mapping["candidate_id"], mapping["invited_at"]
    date_cols = [c for c in ("completed_at", "reviewed_at", "decided_at") if mapping[c] is not None]
    didx = [mapping[c] for c in date_cols]
    fi, ri = mapping["format"], mapping["role"]
    used_idx = [i for i in (ci, ii, fi, ri, *didx) if i is not None]
    width = max(used_idx) + 1
    for row in rows:
        if len(row) < width:
            row.extend([""] * (width - len(row)))
    # every distinct date text, to choose the date order and parse each text once
    texts = set(map(itemgetter(ii), rows))
    for i in didx:
        texts.update(map(itemgetter(i), rows))
    cache, order, how, warning = parse_dates(texts, inputs["date_order"])
    if warning:
        warnings.append(warning)

    def values(c):
        i = mapping[c]
        return repeat(None) if i is None else map(cache.__getitem__, map(itemgetter(i), rows))

    skipped = dict.fromkeys(REASONS, 0)
    joined = 0  # unreadable date cells holding a line break: usually a quote never closed
    seen = set()
    recs = []  # (invited, completed, reviewed, decided, format, role) in seconds
    labels = {}  # (column, raw cell) -> group label
    for row, inv, comp, rev, dec in zip(rows, values("invited_at"), values("completed_at"),
                                        values("reviewed_at"), values("decided_at")):
        cid = row[ci].strip()
        if cid.lower() in MISSING:
            skipped["missing_candidate_id"] += 1
            continue
        if inv is None:
            skipped["missing_invited_at"] += 1
            continue
        if inv is _BAD or comp is _BAD or rev is _BAD or dec is _BAD:
            skipped["unparseable_date"] += 1
            if "\n" in row[ii] or any("\n" in row[i] for i in didx):
                joined += 1
            continue
        if (comp is not None and comp < inv) or (rev is not None and rev < inv) or (dec is not None and dec < inv):
            skipped["date_before_invited_at"] += 1
            continue
        if cid in seen:
            skipped["duplicate_candidate_id"] += 1
            continue
        seen.add(cid)
        recs.append((inv, comp, rev, dec,
                     _label(labels, "format", row[fi]) if fi is not None else None,
                     _label(labels, "role", row[ri]) if ri is not None else None))

    deadline = inputs["review_deadline_hours"]
    f = _figures(recs, deadline * 3600)
    weeks = {}
    for r in recs:
        ordinal = int(r[0] // 86400)
        weeks.setdefault(ordinal - (ordinal - 1) % 7, []).append(r)
    weekly = []
    for start in sorted(weeks):
        w = _figures(weeks[start], deadline * 3600)
        weekly.append({"week_start": date.fromordinal(start).isoformat(), "invited": w["rows"],
                       "completed": w["completed"], "completion_rate": w["completion_rate"],
                       "median_screen_hours": _summary(w["time_to_screen"])["median_hours"],
                       "median_decision_hours": _summary(w["time_to_decision"])["median_hours"]})
    has_format = fi is not None and any(r[4] != "not given" for r in recs)
    has_role = ri is not None and any(r[5] != "not given" for r in recs)
    result = {
        "rows_used": len(recs),
        "rows_skipped": {k: v for k, v in skipped.items() if v},
        "rows_read": len(rows),
        "completion_rate": f["completion_rate"],
        "completed": f["completed"],
        "time_to_screen": _summary(f["time_to_screen"], buckets=True),
        "time_to_decision": _summary(f["time_to_decision"], buckets=True),
        "time_to_review": _summary(f["time_to_review"]),
        "review_deadline": {"hours": deadline, "share_within": f["review_within_deadline"],
                            "reviewed": f["reviewed_after_completion"], "within": f["reviewed_within"],
                            "awaiting_review": f["awaiting_review"]},
        "weekly": weekly,
        "by_format": _groups(recs, 4, deadline * 3600) if has_format else [],
        "by_role": _groups(recs, 5, deadline * 3600) if has_role else [],
        "columns": {c: (header[i][:60] if i is not None else None) for c, i in mapping.items()},
        "date_order": order,
        "date_order_how": how,
    }

    if broken_at is not None:
        warnings.append(f"We stopped reading your file at data row {broken_at:,}: the rest could not be read "
                        "as CSV (often a quote that is never closed). The figures use the rows before it.")
    if not recs:
        warnings.append("No row of your file could be used, so there are no figures yet. "
                        "The list of skipped rows says why.")
    elif len(recs) < 20:
        warnings.append(f"Only {len(recs)} {'candidate' if len(recs) == 1 else 'candidates'} could be used. With so few, one person can move "
                        "the medians a lot: read them as a rough guide.")
    for c in ("completed_at", "reviewed_at", "decided_at"):
        if mapping[c] is None:
            what = {"completed_at": "completion rate", "reviewed_at": "time to screen and review deadline",
                    "decided_at": "time to decision"}[c]
            warnings.append(f"Your file has no {COLUMN_LABELS[c].lower()} column, so the {what} cannot "
                            f"be worked out. If it is there under another name, type that name under "
                            f"{COLUMN_LABELS[c]} column.")
    if joined:
        warnings.append(f"{joined:,} {'row has' if joined == 1 else 'rows have'} a date cell that runs over "
                        "several lines. That usually means a quote mark that is never closed, which joins the "
                        "lines after it into one cell: check your file around those rows.")
    early = sum(1 for x in f["time_to_review"] if x < 0)
    if early:
        warnings.append(f"{early:,} {'row has' if early == 1 else 'rows have'} a review date before the "
                        "completion date. Check those dates: they count as reviewed on time.")
    return result, warnings


# -------------------------------------------------------------------------------------- render
def _dur(hours):
    """Hours for people: '20 hours' under two days, else '3.2 days'."""
    if hours is None:
        return "no data"
    if hours < 48:
        return f"{ui.smart(hours)} hours" if round(hours, 1) != 1 else "1 hour"
    return f"{num(hours / 24, 1)} days"


def _share_words(fraction):
    """0.7 -> 'about 7 in 10'."""
    tenths = round(fraction * 10)
    if tenths == 10:
        return "nearly all" if fraction < 1 else "all"
    if tenths == 0:
        return "almost none" if fraction > 0 else "none"
    return f"about {tenths} in 10"


def _reading(result, deadline):
    """Plain sentences about the figures, most important first."""
    out = []
    ttd, tts = result["time_to_decision"], result["time_to_screen"]
    if ttd["count"]:
        out.append(f"Half of your candidates waited more than {_dur(ttd['median_hours'])} for a decision "
                   f"after the invitation; one in ten waited more than {_dur(ttd['p90_hours'])}.")
    if tts["count"]:
        out.append(f"Half were screened (their answers or call reviewed) within {_dur(tts['median_hours'])} "
                   f"of the invitation; the slowest tenth took more than {_dur(tts['p90_hours'])}.")
    cr = result["completion_rate"]
    if cr is not None and result["columns"]["completed_at"] is not None:
        out.append(f"{_share_words(cr).capitalize()} of the candidates you invited completed the first "
                   f"round ({pct(cr)}).")
    rd = result["review_deadline"]
    if rd["share_within"] is not None:
        out.append(f"Your team reviewed {pct(rd['share_within'])} of completed first rounds within "
                   f"{ui.smart(deadline)} hours of completion.")
    if rd["awaiting_review"]:
        n = rd["awaiting_review"]
        out.append(f"{n:,} completed {'round has' if n == 1 else 'rounds have'} no review date yet: "
                   "each is a candidate waiting to hear back.")
    return out


def _targets():
    g = SOURCES["glassdoor-phone-screen"]
    c = SOURCES["async-completion"]
    phone = (f"A live phone screen adds {g['low']} to {g['high']} days to hiring "
             f"({g['publisher']}, {g['year']}): an async first round should decide faster.")
    return {
        "completion": (f"Vendors report about {c['low']} % to over {c['high']} % (their own figures, low "
                       "reliability). Keep the set to three to five prompts to limit drop-off."),
        "screen": "No published benchmark: compare your own weeks and formats.",
        "decision": phone,
        "deadline": "Set a review deadline of 24 to 48 hours, and keep to it.",
    }


def render(inputs, result, warnings):
    deadline = inputs["review_deadline_hours"]
    out = ['<div class="calc-result calc-metrics">']
    reading = _reading(result, deadline)
    used = result["rows_used"]
    if reading:
        out.append(f'<p class="calc-headline">{esc(reading[0])}</p>')
    out.append(ui.warnings_html(warnings))
    if used:
        t = _targets()
        tts, ttd, rd = result["time_to_screen"], result["time_to_decision"], result["review_deadline"]
        cr = result["completion_rate"]
        rows = [
            ["Candidates used", num(used), "", ""],
            ["Completion rate", pct(cr) if result["columns"]["completed_at"] else "no data", "",
             t["completion"]],
            ["Time to screen", _dur(tts["median_hours"]), _dur(tts["p90_hours"]), t["screen"]],
            ["Time to decision", _dur(ttd["median_hours"]), _dur(ttd["p90_hours"]), t["decision"]],
            [f"Reviewed within {ui.smart(deadline)} hours of completion",
             pct(rd["share_within"]) if rd["share_within"] is not None else "no data", "", t["deadline"]],
        ]
        out.append(_table(["Measure", "Your figure (median)", "Slowest tenth from (90th percentile)",
                           "The guide\u2019s suggestion"], rows, "Your figures", numeric={1, 2}))
        if len(reading) > 1:
            out.append('<ul class="calc-reading">' + "".join(f"<li>{esc(s)}</li>" for s in reading[1:]) + "</ul>")
        series = [(label, cls, [b["count"] for b in part["histogram"]])
                  for label, cls, part in (("Until screened", "async", tts), ("Until a decision", "live", ttd))
                  if part["count"]]
        if series:
            out.append(ui.bar_chart("How long candidates waited after the invitation (number of candidates)",
                                    [b[0] for b in BUCKETS], series, fmt=lambda v: num(v)))
        has_completed = result["columns"]["completed_at"] is not None
        out.append(_weekly_html(result["weekly"], has_completed))
        for key, title in (("by_format", "By format"), ("by_role", "By role")):
            if result[key]:
                out.append(_groups_html(result[key], title, deadline, has_completed))
    out.append(_skipped_html(result))
    out.append(_columns_html(result))
    out.append("<p class=\"calc-note\">Your file is read on this page, in your browser: it is never "
               "uploaded, stored or put in the link you share.</p></div>")
    return "".join(out)


def _table(headers, rows, caption, numeric):
    """A data table whose columns in ``numeric`` (indexes) are right-aligned figures."""
    return ui.table(headers, rows, caption=caption, numeric=numeric)


def _week_label(iso, with_year):
    d = date.fromisoformat(iso)
    return f"{d.strftime('%b')} {d.day}, {d.year}" if with_year else f"{d.strftime('%b')} {d.day}"


def _chart_days(hours):
    """Days for the weekly chart; -1 (drawn as no bar, labelled "no data") when the week has none."""
    return -1 if hours is None else hours / 24


def _rate(fraction, has_column=True):
    return pct(fraction) if has_column and fraction is not None else "no data"


def _weekly_html(weekly, has_completed=True):
    if not weekly:
        return ""
    shown = weekly[-CHART_WEEKS:]
    with_year = shown[0]["week_start"][:4] != shown[-1]["week_start"][:4]
    cats = [_week_label(w["week_start"], with_year) for w in shown]
    note = (f"<p>Showing the latest {CHART_WEEKS} of {len(weekly)} weeks.</p>" if len(weekly) > CHART_WEEKS else "")
    chart = ui.bar_chart(
        "Median days from invitation, by week of invitation", cats,
        [("Until screened", "async", [_chart_days(w["median_screen_hours"]) for w in shown]),
         ("Until a decision", "live", [_chart_days(w["median_decision_hours"]) for w in shown])],
        fmt=lambda v: "no data" if v < 0 else f"{num(v, 1)} days")
    rows = [[c, num(w["invited"]), _rate(w["completion_rate"], has_completed), _dur(w["median_screen_hours"]),
             _dur(w["median_decision_hours"])] for c, w in zip(cats, shown)]
    table = _table(["Week of", "Invited", "Completion rate", "Median time to screen", "Median time to decision"],
                   rows, "Week by week (by the week of the invitation; weeks start on Monday)", numeric={1, 2, 3, 4})
    return f'<section class="calc-trend"><h3>Week by week</h3>{note}{chart}{table}</section>'


def _groups_html(groups, title, deadline, has_completed=True):
    rows = [[g["value"], num(g["rows"]), _rate(g["completion_rate"], has_completed), _dur(g["time_to_screen"]["median_hours"]),
             _dur(g["time_to_decision"]["median_hours"]),
             pct(g["review_within_deadline"]) if g["review_within_deadline"] is not None else "no data"]
            for g in groups]
    return _table([title[3:].capitalize(), "Candidates", "Completion rate", "Median time to screen",
                   "Median time to decision", f"Reviewed within {ui.smart(deadline)} h"],
                  rows, title, numeric={1, 2, 3, 4, 5})


def _skipped_html(result):
    skipped = result["rows_skipped"]
    total = sum(skipped.values())
    head = (f"<p>We used {num(result['rows_used'])} of the {num(result['rows_read'])} rows in your file"
            + (f" and skipped {num(total)}.</p>" if total else ".</p>"))
    if not total:
        return f'<div class="calc-rows">{head}</div>'
    items = "".join(f"<li>{num(n)} {'row' if n == 1 else 'rows'}: {esc(REASONS[k])}</li>" for k, n in skipped.items())
    return (f'<div class="calc-rows">{head}<details><summary>Why rows were skipped</summary><ul>{items}</ul>'
            "<p>Blank lines are ignored. When a candidate id appears twice, the first usable row counts.</p>"
            "</details></div>")


def _columns_html(result):
    rows = [[COLUMN_LABELS[c], h if h is not None else "not found"] for c, h in result["columns"].items()]
    how = result["date_order_how"]
    if how == "not needed":
        dates = "All your dates are in the ISO form, such as 2026-04-03: year, month, day. "
    else:
        order = {"dmy": "day/month/year", "mdy": "month/day/year"}[result["date_order"]]
        why = {"you": "as you chose", "file": "as your file shows",
               "guess": "a guess: choose Date order if it is wrong"}[how]
        dates = (f"Dates such as 03/04/2026 were read as {order} ({why}); ISO dates such as 2026-04-03 "
                 "are always read as year-month-day. ")
    return ('<details class="calc-columns"><summary>Columns we used</summary>'
            + _table(["What", "Column in your file"], rows, "Columns we used", numeric=set())
            + f"<p>{esc(dates)}Times without a time zone are read as UTC.</p></details>")
