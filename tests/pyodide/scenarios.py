"""Generated scenarios for the Pyodide parity test: valid (and some merely unusual) params.

``SCENARIOS`` maps a calculator name to a generator ``gen(rng, fields) -> params``; a calculator
without an entry gets ``generic``, which draws every field from its public description. To add your
own (for example a CSV generator for a file field), register it here:

    SCENARIOS["my-calculator"] = my_generator
"""
import math

NUMBER_KINDS = ("number", "integer", "percent")


def _number(rng, f):
    lo = f["min"] if f["min"] is not None else 0.0
    hi = f["max"] if f["max"] is not None else max(lo, 0) + 1_000_000
    pick = rng.random()
    if pick < 0.08:
        x = hi
    elif pick < 0.16 and not f.get("min_exclusive"):
        x = lo
    elif pick < 0.55 and hi > 0:
        floor = max(lo, f["step"] or 0.01, 0.01)
        x = math.exp(rng.uniform(math.log(floor), math.log(hi))) if floor < hi else hi
    else:
        x = rng.uniform(lo, hi)
    if f.get("min_exclusive") and x <= lo:
        x = lo + (f["step"] or 0.01)
    if f["kind"] == "integer":
        x = min(max(round(x), math.ceil(lo)), math.floor(hi))
    elif rng.random() < 0.5:
        x = min(max(round(x, 2), lo), hi)
        if f.get("min_exclusive") and x <= lo:
            x = hi
    if rng.random() < 0.3:  # as a form or a URL sends it
        return str(x) if f["kind"] != "integer" else str(int(x))
    return x


def generic(rng, fields):
    params = {}
    for f in fields:
        if rng.random() < 0.15:
            continue  # missing: the default
        kind = f["kind"]
        if f.get("optional") and rng.random() < 0.2:
            params[f["name"]] = rng.choice(["", None])
        elif kind in NUMBER_KINDS:
            params[f["name"]] = _number(rng, f)
        elif kind == "choice":
            value = rng.choice([c["value"] for c in f["choices"]])
            params[f["name"]] = value.upper() if rng.random() < 0.1 else value
        elif kind == "yesno":
            params[f["name"]] = rng.choice([True, False, "yes", "no", "on", "off", "1", "0", "TRUE", 1, 0])
    return params


def screening_overhead(rng, fields):
    """Generic, plus realistic small-business batches half of the time."""
    params = generic(rng, fields)
    if rng.random() < 0.5:
        params.update(candidates=rng.randint(1, 200), call_minutes=rng.choice([10, 15, 20, 30, 45]),
                      no_show_rate=rng.choice([0, 5, 10, 20, 35]), prompts=rng.randint(1, 8))
    return params


def stage_planner(rng, fields):
    params = generic(rng, fields)
    if rng.random() < 0.5:
        params.update(applicants=rng.randint(1, 2000), target_hires=rng.choice(["", 0, 1, 2, 5, 20]))
    return params


def hiring_plan(rng, fields):
    """Generic answers, with volumes a business plans for (the generic draw often exceeds 100,000
    applicants in all), including the issue's extremes."""
    params = generic(rng, fields)
    pick = rng.random()
    if pick < 0.15:
        params.update(applicants=rng.choice([1, 2, 3, 4, 49, 50, 300]), openings=1)
    elif pick < 0.9:
        params.update(applicants=rng.choice([rng.randint(1, 60), rng.randint(1, 3000)]),
                      openings=rng.choice([1, 1, 2, 3, 5, 10, 40]))
    return params


SCENARIOS = {
    "screening-overhead": screening_overhead,
    "stage-planner": stage_planner,
    "hiring-plan": hiring_plan,
}


def scenarios(name, fields, count, rng, tries=10):
    """``count`` params for ``name``; each is redrawn (up to ``tries`` times) until it is valid, so that
    rules across fields (checked by the calculator's check()) do not turn most scenarios into errors."""
    import calculators

    gen = SCENARIOS.get(name, generic)
    out = []
    for _ in range(count):
        for _ in range(tries):
            params = gen(rng, fields)
            if calculators.run(name, params)["ok"]:
                break
        out.append(params)
    return out


# screening-metrics draws a whole CSV file; its generator lives beside this module.
from tests.pyodide.metrics_scenarios import screening_metrics  # noqa: E402

SCENARIOS["screening-metrics"] = screening_metrics
