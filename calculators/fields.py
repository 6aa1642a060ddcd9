"""Input fields: their public description and the validation every calculator shares.

A calculator lists its inputs as ``Field`` objects. ``validate`` turns raw params (strings from a
form or a URL, or numbers) into clean values, with one message per bad field that names the
field, what is allowed and the unit. Nothing here raises for any input.
"""
import math
import re
from dataclasses import dataclass

from .sources import SOURCES

NUMBER_RE = re.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?")
YES = {"yes", "true", "on", "1", "y"}
NO = {"no", "false", "off", "0", "n"}
MAX_RAW_CHARS = 64  # longest number or choice we read; longer text fields set max_chars

CURRENCIES = {  # code -> symbol shown before amounts
    "USD": "$", "CAD": "CA$", "AUD": "A$", "NZD": "NZ$", "EUR": "€", "GBP": "£",
    "CHF": "CHF ", "INR": "₹", "ZAR": "R ", "SGD": "S$",
}


@dataclass(frozen=True)
class Field:
    name: str
    label: str
    kind: str  # "number", "integer", "percent", "choice", "yesno", "text", "file" (text read from a chosen file)
    default: object
    unit: str = ""
    min: float | None = None
    max: float | None = None
    step: float | None = None
    help: str = ""
    group: str = "main"  # "main" is shown; "advanced" is folded away
    choices: tuple = ()  # ((value, label), ...) for kind "choice"
    source: str | None = None  # key into sources.SOURCES where the default is a published figure
    min_exclusive: bool = False  # True when min itself is not allowed (e.g. completion rate > 0)
    max_chars: int = MAX_RAW_CHARS  # for kinds "text" and "file"
    optional: bool = False  # True when an empty value ("" or None) means "not set" (value None)

    def to_dict(self):
        """The JSON-safe public description returned by ``calculators.fields(name)``."""
        d = {
            "name": self.name, "label": self.label, "kind": self.kind, "unit": self.unit,
            "min": self.min, "max": self.max, "step": self.step, "default": self.default,
            "help": self.help, "group": self.group,
        }
        if self.choices:
            d["choices"] = [{"value": v, "label": lab} for v, lab in self.choices]
        if self.min_exclusive:
            d["min_exclusive"] = True
        if self.kind in ("text", "file"):
            d["max_chars"] = self.max_chars
        if self.optional:
            d["optional"] = True
        if self.source:
            s = SOURCES[self.source]
            d["source"] = {k: s[k] for k in ("title", "publisher", "year", "url", "reliability", "kind")}
            d["source"]["key"] = self.source
            d["assumption"] = s["kind"] == "assumption"
            d["low"], d["high"] = self.range_of_source()
        return d

    def range_of_source(self):
        """The field's low/high range: the source's range, in the field's own unit."""
        s = SOURCES[self.source]
        return s.get("field_low", {}).get(self.name, s["low"]), s.get("field_high", {}).get(self.name, s["high"])

    def allowed(self):
        """Plain words for what this field accepts, used in every error message."""
        if self.kind == "choice":
            return "one of: " + ", ".join(v for v, _ in self.choices)
        if self.kind == "yesno":
            return "yes or no"
        if self.kind in ("text", "file"):
            return f"text of at most {self.max_chars:,} characters"
        lo, hi = fmt_bound(self.min), fmt_bound(self.max)
        what = "a whole number" if self.kind == "integer" else "a number"
        unit = f" {self.unit}" if self.unit else ""
        if self.min_exclusive:
            return f"{what} above {lo} and up to {hi}{unit}"
        return f"{what} from {lo} to {hi}{unit}"

    def parse(self, raw):
        """Return (value, None) for a good raw value, or (None, message) for a bad one."""
        bad = (None, f"{self.label}: enter {self.allowed()}" + (", or leave it empty." if self.optional else "."))
        if self.optional and (raw is None or (isinstance(raw, str) and len(raw) <= MAX_RAW_CHARS
                                              and not raw.strip())):
            return None, None
        if self.kind in ("text", "file"):
            if not isinstance(raw, str):
                return bad
            if len(raw) > self.max_chars:
                return None, f"{self.label}: too long ({len(raw):,} characters); the limit is {self.max_chars:,}."
            return raw, None
        if self.kind == "yesno":
            if isinstance(raw, bool):
                return raw, None
            if isinstance(raw, int) and raw in (0, 1):
                return bool(raw), None
            if isinstance(raw, str) and len(raw) <= MAX_RAW_CHARS:
                word = raw.strip().lower()
                if word in YES:
                    return True, None
                if word in NO:
                    return False, None
            return bad
        if self.kind == "choice":
            if isinstance(raw, str) and len(raw) <= MAX_RAW_CHARS:
                word = raw.strip().lower()
                for value, _ in self.choices:
                    if word == value.lower():
                        return value, None
            return bad
        # numbers
        if isinstance(raw, bool):
            return bad
        if isinstance(raw, (int, float)):
            try:
                number = float(raw)
            except OverflowError:  # an int too large for a float, e.g. 10**400
                return bad
        elif isinstance(raw, str) and len(raw) <= MAX_RAW_CHARS and NUMBER_RE.fullmatch(raw.strip()):
            try:
                number = float(raw.strip())
            except (ValueError, OverflowError):  # pragma: no cover - the regex admits only floats
                return bad
        else:
            return bad
        if not math.isfinite(number):
            return bad
        if self.kind == "integer":
            if number != math.floor(number):
                return bad
            number = int(number)
        if self.min is not None and (number < self.min or (self.min_exclusive and number == self.min)):
            return bad
        if self.max is not None and number > self.max:
            return bad
        if self.kind != "integer" and number == math.floor(number) and abs(number) < 2**53:
            number = float(number)
        return number, None


def fmt_bound(x):
    if x is None:
        return "any"
    if x == int(x):
        return f"{int(x):,}"
    return f"{x:,}"


def validate(fields, params):
    """Clean ``params`` against ``fields``.

    Returns ``(inputs, errors)``: ``inputs`` holds every field, its clean value where it was
    good or missing (the default), and a short, safe echo of the raw value where it was bad;
    ``errors`` maps field name -> message. Unknown params are ignored.
    """
    inputs, errors = {}, {}
    if params is None:
        params = {}
    if not isinstance(params, dict):
        return {f.name: f.default for f in fields}, {"params": "Inputs must be a set of named fields."}
    for f in fields:
        if f.name not in params:  # the default, in the same type a typed value would have (20 -> 20.0)
            value, message = f.parse(f.default)
            inputs[f.name] = f.default if message else value
            continue
        raw = params[f.name]
        value, message = f.parse(raw)
        if message is None:
            inputs[f.name] = value
        else:
            errors[f.name] = message
            inputs[f.name] = raw[:MAX_RAW_CHARS] if isinstance(raw, str) else None
    return inputs, errors


def currency_field(default="USD"):
    """The shared currency choice: amounts are shown with its symbol, never converted."""
    return Field(
        "currency", "Currency", "choice", default,
        choices=tuple((c, c) for c in CURRENCIES),
        help="Amounts are shown in this currency. The published defaults are US dollar figures: "
             "replace the hourly cost with your own before comparing.",
        group="advanced",
    )
