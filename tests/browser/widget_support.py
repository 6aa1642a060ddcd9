"""Helpers shared by the widget tests: the text a reader sees, and waiting for it.

The browser computes nothing itself, so every check compares a widget's text with the text of
CPython's calculators.run(...)["html"] for the same inputs.
"""
import time
from html.parser import HTMLParser

import calculators

ENGINE_START_S = 60  # generous for a busy 2-core machine; speed is measured by benchmarks/, not here


class _Text(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts = []

    def handle_data(self, data):
        self.parts.append(data)


def norm(text):
    return " ".join((text or "").split())


def html_text(html):
    """The text content of an HTML fragment, whitespace normalised (what textContent gives)."""
    p = _Text()
    p.feed(html)
    p.close()
    return norm("".join(p.parts))


def expected(name, params):
    """What the widget's results must read for these inputs: CPython's run(), as text."""
    return html_text(calculators.run(name, params)["html"])


def wait_text(locator, want, timeout=ENGINE_START_S):
    """Wait until the locator's normalised text equals ``want``; fail with both texts if not."""
    deadline = time.monotonic() + timeout
    got = norm(locator.text_content())
    while got != want and time.monotonic() < deadline:
        locator.page.wait_for_timeout(50)
        got = norm(locator.text_content())
    assert got == want
