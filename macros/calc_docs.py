"""'How we calculate' pages, generated from calculators.fields() (filled in by the models work)."""
__all__: list[str] = []
