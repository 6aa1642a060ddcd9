"""mkdocs-macros entry point: registers the page macros from the modules beside it.

Each module exposes plain functions; `define_env` makes them callable from Markdown as
{{ name(...) }}. Keep the logic in `calculators/` (models) and in the data files under
`docs/_data/` (content); the functions here only turn those into Markdown or HTML.
"""
from . import content, widgets, calc_docs, prompts


def define_env(env):
    for module in (content, widgets, calc_docs, prompts):
        for name in module.__all__:
            env.macro(getattr(module, name), name)
