"""The hiring plan in Chromium: fill the questions, get the same plan as CPython, download the same
Markdown, follow the pre-filled stage planner link, and read it on a phone."""
from urllib.parse import parse_qsl, urlsplit

import calculators
from site_pages import page_url
from widget_support import ENGINE_START_S, html_text as text_of, wait_text

NAME = "hiring-plan"
ANSWERS = {"role_family": "manager", "applicants": "3", "openings": "1", "shift_workers": "no",
           "time_zones": "no", "jurisdiction": "us-illinois", "ai_scoring": "yes", "role_risk": "high"}


def fill(widget, answers):
    for field, value in answers.items():
        el = widget.locator(f'[name="{field}"]')
        kind = el.evaluate("e => e.tagName + ':' + (e.type || '')")
        if kind.startswith("SELECT"):
            el.select_option(value)
        elif kind == "INPUT:checkbox":
            el.set_checked(value == "yes")
        else:
            el.fill(value)


def test_fill_the_questions_download_the_markdown_and_open_the_stage_planner(new_page, base_url):
    page, watch = new_page(viewport={"width": 390, "height": 844}, accept_downloads=True)
    page.goto(page_url(base_url, "calculators/hiring-plan"), wait_until="load")
    widget = page.locator(f'[data-calculator="{NAME}"]')
    results = widget.locator("[data-results]")
    wait_text(results, text_of(calculators.run(NAME, {})["html"]), timeout=5)  # pre-rendered default

    fill(widget, ANSWERS)
    want = calculators.run(NAME, ANSWERS)
    assert want["ok"] and want["result"]["stages"][0]["format"] == "live"
    wait_text(results, text_of(want["html"]))
    shared = dict(parse_qsl(urlsplit(page.url).query))
    assert calculators.run(NAME, shared)["result"] == want["result"]  # the URL holds the answers

    with page.expect_download(timeout=ENGINE_START_S * 1000) as info:
        widget.locator('[data-action="export"][data-format="markdown"]').click()
    markdown = open(info.value.path(), encoding="utf-8").read()
    assert markdown == calculators.export(NAME, ANSWERS, "markdown")
    assert "Illinois AI Video Interview Act" in markdown

    # readable on a phone: nothing wider than the screen
    assert page.evaluate("document.documentElement.scrollWidth") <= 390

    # the pre-filled stage planner link lands on the planner with the same numbers
    page.locator(".plan-links a").first.click()
    page.wait_for_url("**/calculators/stage-planner/?**")
    query = dict(parse_qsl(urlsplit(page.url).query))
    assert query == {k: str(v) for k, v in dict(parse_qsl(want["result"]["stage_planner_query"])).items()}
    planner = page.locator('[data-calculator="stage-planner"] [data-results]')
    wait_text(planner, text_of(calculators.run("stage-planner", query)["html"]))
    assert watch.foreign_requests == []
    assert watch.console_errors == []


def test_the_plan_prints_without_the_form(new_page, base_url):
    page, _ = new_page()
    page.goto(page_url(base_url, "calculators/hiring-plan"), wait_until="load")
    page.emulate_media(media="print")
    widget = page.locator(f'[data-calculator="{NAME}"]')
    assert widget.locator(".hiring-plan").is_visible()
    assert not widget.locator("form").is_visible()
    assert not widget.locator("[data-actions]").is_visible()
    for section in ("plan-stages", "plan-prompts", "plan-review", "plan-compliance", "plan-invitation"):
        assert widget.locator(f".{section}").is_visible(), section
