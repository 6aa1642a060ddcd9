"""The prompt bank page: every role family's first-round prompts, what a strong answer shows and
the rubric, rendered from calculators.prompts (the same data the hiring-plan calculator picks from);
and the hiring plan's rules as tables, from the same module, so the page cannot drift from the code.
"""
from html import escape

from calculators.prompts import (BANK, FAMILIES, FINAL_RULES, FIRST_ROUND_RULES, INTERVIEW_RULES, PROMPT_COUNT,
                                 REVIEW_DEADLINE_RULES, VOLUME_BANDS)

__all__ = ["prompt_bank", "plan_rules"]


def _md(text):
    """Plain text safe inside Markdown: HTML-escaped, and no character Markdown would act on."""
    out = escape(str(text), quote=False)
    for ch in ("\\", "*", "_", "`", "[", "]", "|"):
        out = out.replace(ch, "\\" + ch)
    return out


def prompt_bank(level=2):
    """Markdown for the whole bank: a heading per role family, then each prompt with what a strong
    answer shows and its rubric levels, strongest first. ``level`` is the family heading level."""
    level = min(max(int(level), 1), 5)
    hashes, sub = "#" * level, "#" * (level + 1)
    counts = sorted(set(PROMPT_COUNT.values()))
    lines = [f"Each role family has {min(len(p) for p in BANK.values())} or more prompts, in the order we "
             f"would use them: the hiring plan takes the first {counts[0]} to {counts[-1]}, depending on "
             "how costly a wrong hire would be. Score each answer from 1 to 3 against the anchors "
             "before you compare candidates.", ""]
    for fid, family in FAMILIES.items():
        lines += [f"{hashes} {_md(family['label'])}", "", f"Examples: {_md(family['examples'])}.", ""]
        for i, p in enumerate(BANK[fid], start=1):
            lines += [f"{sub} {i}. {_md(p['text'])}", "",
                      f"**What a strong answer shows:** {_md(p['strong_answer'])}", ""]
            for lvl in sorted(p["rubric"], key=lambda x: -x["score"]):
                lines.append(f"- **{lvl['score']}, {_md(lvl['label'].lower())}:** {_md(lvl['anchor'])}")
            lines.append("")
    return "\n".join(lines)


def _band_words(band):
    for name, lo, hi in VOLUME_BANDS:
        if name == band:
            return f"{lo:,} or more applicants in all" if hi is None else f"{lo:,} to {hi:,} applicants in all"
    return band


def _condition(when):
    """A rule's conditions in words: 'candidates work shifts and a wrong hire would be costly'."""
    if not when:
        return "Any other case"
    parts = []
    for key, want in when.items():
        wants = want if isinstance(want, tuple) else (want,)
        if key == "shift_workers":
            parts.append("many candidates work shifts" if want else "candidates can take calls in office hours")
        elif key == "time_zones":
            parts.append("candidates are spread across time zones" if want else "candidates share a time zone")
        elif key == "band":
            parts.append(" or ".join(_band_words(b) for b in wants))
        elif key == "role_family":
            parts.append("the role is " + " or ".join(FAMILIES[f]["noun"] for f in wants))
        elif key == "role_risk":
            parts.append("a wrong hire would cost: " + " or ".join(wants))
        elif key == "first":
            parts.append("the first round is a live call" if want == "live" else "the first round is recorded")
        elif key == "on_site":
            parts.append("the work happens on site" if want else "the work is not tied to a site")
        elif key == "hourly":
            hourly = [f["noun"] for f in FAMILIES.values() if f["hourly"] == want]
            parts.append("the role is one of: " + "; ".join(hourly))
        else:
            parts.append(f"{key}: {', '.join(str(w) for w in wants)}")
    text = " and ".join(parts)
    return text[0].upper() + text[1:]


def _rule_table(rules, then):
    lines = ["| If | Then |", "|---|---|"]
    for rule in rules:
        lines.append(f"| {_md(_condition(rule['when']))} | {_md(then(rule))} |")
    return "\n".join(lines)


def plan_rules():
    """Markdown tables of the hiring plan's rules, rendered from the same data the advisor uses.
    In each table the first row whose conditions hold decides."""
    def stage(rule):
        return rule["name"] if rule["format"] else "No final panel"
    sections = [
        ("First round", FIRST_ROUND_RULES, stage),
        ("Second round", INTERVIEW_RULES, stage),
        ("Final panel", FINAL_RULES, stage),
        ("Review deadline", REVIEW_DEADLINE_RULES, lambda r: f"Decide within {r['hours']} hours"),
    ]
    counts = ", ".join(f"{n} for {risk} risk" for risk, n in PROMPT_COUNT.items())
    out = [f"**Prompts:** {counts}, taken from the top of the role family's list in the prompt bank.", ""]
    for title, rules, then in sections:
        out += [f"**{title}** (the first row that fits decides)", "", _rule_table(rules, then), ""]
    return "\n".join(out)
