"""Hypothesis strategies: clean, valid params for a calculator, built from its FIELDS."""
from hypothesis import strategies as st


def field_strategy(f):
    if f.kind == "integer":
        hi = min(f.max, 10_000) if f.max is not None else 10_000  # keep runs fast; affine tests scale up
        return st.integers(min_value=int(f.min), max_value=int(hi))
    if f.kind in ("number", "percent"):
        lo = f.min if f.min is not None else 0
        return st.floats(min_value=lo, max_value=f.max, allow_nan=False, allow_infinity=False,
                         exclude_min=f.min_exclusive)
    if f.kind == "yesno":
        return st.booleans()
    if f.kind == "choice":
        return st.sampled_from([v for v, _ in f.choices])
    return st.just(f.default)


def params_for(fields, **fixed):
    """A strategy for a full params dict; ``fixed`` maps names to strategies or values."""
    parts = {}
    for f in fields:
        if f.name in fixed:
            v = fixed[f.name]
            parts[f.name] = v if isinstance(v, st.SearchStrategy) else st.just(v)
        elif f.optional:
            parts[f.name] = st.one_of(st.none(), field_strategy(f))
        else:
            parts[f.name] = field_strategy(f)
    return st.fixed_dictionaries(parts)
