"""Calculator widgets (filled in by the browser-calculators work)."""
__all__: list[str] = []
