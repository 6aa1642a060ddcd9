"""Calculator widgets in Chromium, on the test build served from a sub-path.

The results a reader sees after editing the form must be, as text, what CPython's
calculators.run returns for the same inputs: the browser computes nothing itself.
"""
import json
import re
import time
from urllib.parse import parse_qs, quote, urlsplit

import pytest
from playwright.sync_api import expect

import calculators
from site_pages import page_url
from widget_support import ENGINE_START_S, expected, norm, wait_text

PAGES = {"screening-overhead": "calculators/screening-overhead", "stage-planner": "calculators/stage-planner"}


def widget(page, name):
    return page.locator(f'[data-calculator="{name}"]').first


def results_text(page, name):
    return norm(widget(page, name).locator("[data-results]").text_content())


def wait_results(page, name, want, timeout=ENGINE_START_S):
    wait_text(widget(page, name).locator("[data-results]"), want, timeout)


def set_field(page, name, field, value):
    el = widget(page, name).locator(f'[name="{field}"]')
    tag = el.evaluate("e => e.tagName + ':' + (e.type || '')")
    if tag.startswith("SELECT"):
        el.select_option(str(value))
    elif tag == "INPUT:checkbox":
        el.set_checked(str(value) in ("yes", "true", "1"))
    else:
        el.fill(str(value))


def watch_csp(context):
    context.add_init_script(
        "window.__csp = []; document.addEventListener('securitypolicyviolation', "
        "e => window.__csp.push(e.violatedDirective + ' ' + e.blockedURI));")


def open_page(new_page, base_url, name, query="", **options):
    page, watch = new_page(**options)
    watch_csp(page.context)
    page.goto(page_url(base_url, PAGES[name]) + query, wait_until="load")
    return page, watch


def engine_requests(watch):
    return [u for u in watch.requests if "/assets/engine/" in u]


# --- no script ------------------------------------------------------------------------------

def test_without_javascript_each_calculator_page_shows_its_default_results(new_page, base_url):
    page, _ = new_page(java_script_enabled=False)
    for name, path in PAGES.items():
        page.goto(page_url(base_url, path), wait_until="load")
        w = widget(page, name)
        assert w.get_attribute("data-state") == "static"
        assert results_text(page, name) == expected(name, {})
        assert w.locator(f'[name="{calculators.fields(name)[0]["name"]}"]').is_visible()


# --- live results equal CPython's -------------------------------------------------------------

SCENARIOS = {
    "screening-overhead": [
        {"candidates": "50"},
        {"candidates": "200", "call_minutes": "30", "no_show_rate": "25", "hourly_cost": "60"},
        {"candidates": "8", "completion_rate": "95", "currency": "EUR", "rebook_no_shows": "no"},
    ],
    "stage-planner": [
        {"applicants": "300", "screen_format": "live"},
        {"final_round": "no", "offer_accept_rate": "70"},
        {"target_hires": "3", "applicants": "40", "screen_pass_rate": "20"},
    ],
}


@pytest.mark.parametrize("name", list(PAGES))
def test_typing_gives_the_same_results_as_cpython(new_page, base_url, name):
    page, watch = open_page(new_page, base_url, name)
    assert engine_requests(watch) == [], "the engine must wait for the reader's intent"
    w = widget(page, name)
    page.locator("details.calc-advanced > summary").first.click()  # advanced fields become editable
    params = {}
    for scenario in SCENARIOS[name]:
        for field, value in scenario.items():
            set_field(page, name, field, value)
        params.update(scenario)
        wait_results(page, name, expected(name, params))
        assert "NaN" not in w.text_content()
    expect(w).to_have_attribute("data-state", "ready")
    # The URL holds exactly the fields that differ from their defaults.
    query = {k: v[0] for k, v in parse_qs(urlsplit(page.url).query).items()}
    defaults = {f["name"]: f for f in calculators.fields(name)}
    assert set(query) <= set(defaults)
    for field, value in query.items():
        assert calculators.run(name, {field: value})["inputs"][field] != defaults[field]["default"], field
    assert calculators.run(name, query)["html"] == calculators.run(name, params)["html"]
    assert page.evaluate("window.__csp") == []
    assert watch.foreign_requests == []


def test_invalid_values_show_the_message_and_keep_the_last_result(new_page, base_url):
    name = "screening-overhead"
    page, _ = open_page(new_page, base_url, name)
    w = widget(page, name)
    set_field(page, name, "candidates", "40")
    good = expected(name, {"candidates": "40"})
    wait_results(page, name, good)
    for bad in ("abc", "-5", "1e999", "NaN", "12.5"):
        set_field(page, name, "candidates", bad)
        message = calculators.run(name, {"candidates": bad})["errors"]["candidates"]
        error = w.locator('[data-field="candidates"] .calc-field-error')
        expect(error).to_have_text(message)
        expect(w.locator('[name="candidates"]')).to_have_attribute("aria-invalid", "true")
        expect(w.locator("[data-stale]")).to_be_visible()
        expect(w.locator("[data-stale]")).to_contain_text("Not updated")
        assert results_text(page, name) == good, "the last good result stays"
        assert "NaN" not in norm(w.locator("[data-results]").text_content())
        assert "NaN" not in norm(w.locator("[data-stale]").text_content())
    set_field(page, name, "candidates", "75")
    wait_results(page, name, expected(name, {"candidates": "75"}))
    expect(w.locator('[data-field="candidates"] .calc-field-error')).to_be_hidden()
    expect(w.locator("[data-stale]")).to_be_hidden()
    assert w.locator('[name="candidates"]').get_attribute("aria-invalid") is None


# --- share links ------------------------------------------------------------------------------

def test_a_share_url_restores_and_computes_its_scenario(new_page, base_url):
    name = "stage-planner"
    params = {"applicants": "220", "screen_format": "live", "final_round": "no"}
    query = "?" + "&".join(f"{k}={quote(v)}" for k, v in params.items())
    page, watch = open_page(new_page, base_url, name, query)
    w = widget(page, name)
    # Restored into the form at once, computed without any interaction.
    expect(w.locator('[name="applicants"]')).to_have_value("220")
    expect(w.locator('[name="screen_format"]')).to_have_value("live")
    assert not w.locator('[name="final_round"]').is_checked()
    wait_results(page, name, expected(name, params))
    expect(w).to_have_attribute("data-state", "ready")
    # Copy link gives the same scenario back.
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    w.locator('[data-action="copy-link"]').click()
    expect(w.locator("[data-action-note]")).to_have_text("Link copied.")
    copied = page.evaluate("navigator.clipboard.readText()")
    assert {k: v[0] for k, v in parse_qs(urlsplit(copied).query).items()} == params
    assert page.evaluate("window.__csp") == []


def test_hostile_query_strings_are_just_bad_values(new_page, base_url):
    name = "screening-overhead"
    script = "<script>window.__pwned=1</script><img src=x onerror=window.__pwned=2>"
    huge = "9" * 5000
    query = ("?candidates=" + quote(script) + "&call_minutes=" + huge + "&no_show_rate=1e999"
             "&unknown_field=" + quote("<b>x</b>") + "&currency=" + quote("\"><svg onload=alert(1)>")
             + "&rebook_no_shows=" + quote("<i>maybe</i>"))
    page, watch = open_page(new_page, base_url, name, query)
    dialogs = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    w = widget(page, name)
    params = {"candidates": script, "call_minutes": huge[:2000], "no_show_rate": "1e999",
              "currency": "\"><svg onload=alert(1)>", "rebook_no_shows": "<i>maybe</i>"}
    errors = calculators.run(name, params)["errors"]
    assert set(errors) == {"candidates", "call_minutes", "no_show_rate", "currency", "rebook_no_shows"}
    for field, message in errors.items():
        expect(w.locator(f'[data-field="{field}"] .calc-field-error')).to_have_text(message, timeout=ENGINE_START_S * 1000)
    expect(w.locator('[name="candidates"]')).to_have_value(script)
    expect(w.locator('[data-field="rebook_no_shows"] .calc-field-error')).to_be_visible()  # not folded away
    # Nothing from the URL became markup: the results are still the default scenario, labelled so.
    assert results_text(page, name) == expected(name, {})
    expect(w.locator("[data-stale]")).to_contain_text("default scenario")
    assert w.locator("script, img[src='x'], svg[onload], b, i").count() == 0
    assert page.evaluate("window.__pwned") is None
    assert dialogs == []
    assert page.evaluate("window.__csp") == []
    assert watch.foreign_requests == []


# --- one engine per visit ---------------------------------------------------------------------

def test_guide_pages_request_no_engine_bytes(new_page, base_url):
    page, watch = new_page()
    watch_csp(page.context)
    page.goto(page_url(base_url, "basics/formats"), wait_until="load")
    page.locator("article p").first.click()
    page.keyboard.press("Tab")
    page.wait_for_timeout(300)
    assert engine_requests(watch) == []
    assert [u for u in watch.requests if "pyodide" in u] == []


def test_instant_navigation_reuses_the_worker(new_page, base_url):
    page, watch = open_page(new_page, base_url, "screening-overhead")
    page.evaluate("window.__visit = 'same'")
    set_field(page, "screening-overhead", "candidates", "33")
    wait_results(page, "screening-overhead", expected("screening-overhead", {"candidates": "33"}))
    page.locator(".md-nav a[href$='stage-planner/']").first.click()
    page.wait_for_url("**/stage-planner/")
    expect(widget(page, "stage-planner")).to_have_attribute("data-state", "ready")
    assert page.evaluate("window.__visit") == "same", "navigation reloaded the page"
    set_field(page, "stage-planner", "applicants", "140")
    wait_results(page, "stage-planner", expected("stage-planner", {"applicants": "140"}))
    # and back again, to a guide page with a widget
    page.locator(".md-nav a[href$='process/hidden-cost/']").first.click()
    page.wait_for_url("**/hidden-cost/")
    expect(widget(page, "screening-overhead")).to_have_attribute("data-state", "ready")
    set_field(page, "screening-overhead", "candidates", "12")
    wait_results(page, "screening-overhead", expected("screening-overhead", {"candidates": "12"}))
    assert page.evaluate("window.__visit") == "same"
    wasm = [u for u in watch.requests if u.endswith(".wasm")]
    assert len(wasm) == 1, wasm
    engine_workers = [wk.url for wk in page.workers if "/assets/engine/" in wk.url]
    assert len(engine_workers) == 1, engine_workers
    assert page.evaluate("window.__csp") == []


# --- failure and recovery ---------------------------------------------------------------------

def test_blocked_wasm_reaches_error_keeps_figures_and_recovers_on_retry(new_page, base_url):
    name = "screening-overhead"
    page, watch = new_page()
    watch_csp(page.context)
    page.context.route("**/*.wasm", lambda route: route.abort())
    page.goto(page_url(base_url, PAGES[name]), wait_until="load")
    w = widget(page, name)
    started = time.monotonic()
    set_field(page, name, "candidates", "90")
    expect(w).to_have_attribute("data-state", "error", timeout=20_000)
    assert time.monotonic() - started < 20
    assert results_text(page, name) == expected(name, {}), "the pre-rendered figures stay"
    expect(w.locator("[data-status-text]")).to_contain_text("default scenario")
    retry = w.get_by_role("button", name=re.compile("Retry"))
    expect(retry).to_be_visible()
    page.context.unroute("**/*.wasm")
    retry.click()
    wait_results(page, name, expected(name, {"candidates": "90"}))
    expect(w).to_have_attribute("data-state", "ready")
    expect(retry).to_be_hidden()
    assert page.evaluate("window.__csp") == []


# --- keyboard ---------------------------------------------------------------------------------

def test_keyboard_only(new_page, base_url):
    name = "stage-planner"
    page, _ = open_page(new_page, base_url, name)
    target = widget(page, name).locator('[name="applicants"]')
    for _ in range(200):  # tab through the page until the field has focus
        page.keyboard.press("Tab")
        if target.evaluate("e => e === document.activeElement"):
            break
    else:
        pytest.fail("could not reach the first field with Tab")
    page.keyboard.press("Control+A")
    page.keyboard.type("260")
    wait_results(page, name, expected(name, {"applicants": "260"}))
    assert target.evaluate("e => e === document.activeElement"), "focus stayed on the field"
    page.keyboard.press("Tab")
    nxt = page.evaluate("document.activeElement.name")
    assert nxt and nxt != "applicants", "Tab moves on"
    page.keyboard.press("Shift+Tab")
    assert target.evaluate("e => e === document.activeElement"), "Shift+Tab comes back"
    page.keyboard.press("ArrowDown")  # a select further on changes by keyboard, too
    page.keyboard.press("Tab")
    page.keyboard.press("ArrowDown")
    wait_results(page, name, expected(name, {"applicants": "260", "screen_format": "live"}))


# --- downloads and files (generic over every calculator with a page) --------------------------

def test_downloads_equal_cpython_exports(new_page, base_url):
    name = "screening-overhead"
    page, _ = open_page(new_page, base_url, name, "?candidates=64")
    w = widget(page, name)
    wait_results(page, name, expected(name, {"candidates": "64"}))
    for fmt in calculators.formats(name):
        with page.expect_download() as info:
            w.locator(f'[data-action="export"][data-format="{fmt}"]').click()
        text = open(info.value.path(), encoding="utf-8").read()
        assert text == calculators.export(name, {"candidates": "64"}, fmt), fmt
        if fmt == "json":
            assert json.loads(text)["inputs"]["candidates"] == 64


def test_a_chosen_file_is_read_in_the_browser_and_never_put_in_the_url(new_page, base_url, tmp_path):
    name = next(n for n in calculators.names() if any(f["kind"] == "file" for f in calculators.fields(n)))
    field = next(f for f in calculators.fields(name) if f["kind"] == "file")
    page, watch = new_page()
    page.goto(page_url(base_url, f"calculators/{name}"), wait_until="load")
    w = widget(page, name)
    lines = str(field["default"]).strip().splitlines()
    text = "\n".join(lines[:12]) + "\n"
    assert expected(name, {field["name"]: text}) != expected(name, {})
    path = tmp_path / "mine.csv"
    path.write_text(text, encoding="utf-8")
    w.locator(f'[name="{field["name"]}"]').set_input_files(str(path))
    wait_results(page, name, expected(name, {field["name"]: text}))
    other = next(f for f in calculators.fields(name) if f["kind"] in ("number", "integer", "choice"))
    set_field(page, name, other["name"], "dmy" if other["kind"] == "choice" else str(other["default"] * 2))
    page.wait_for_timeout(200)
    assert field["name"] not in parse_qs(urlsplit(page.url).query)
    assert "candidate" not in page.url.lower()
    assert page.evaluate("Object.keys(localStorage).filter(k => localStorage.getItem(k).includes('candidate_id'))") == []
    assert watch.foreign_requests == []


def test_markdown_export_and_copy_as_text(new_page, base_url):
    names = [n for n in calculators.names() if "markdown" in calculators.formats(n)]
    assert names, "at least one calculator offers a markdown export"
    name = names[0]
    page, _ = new_page()
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    page.goto(page_url(base_url, f"calculators/{name}"), wait_until="load")
    w = widget(page, name)
    with page.expect_download(timeout=ENGINE_START_S * 1000) as info:
        w.locator('[data-action="export"][data-format="markdown"]').click()
    want = calculators.export(name, {}, "markdown")
    assert open(info.value.path(), encoding="utf-8").read() == want
    w.locator('[data-action="copy-text"]').click()
    expect(w.locator("[data-action-note]")).to_have_text("Copied as text.")
    assert page.evaluate("navigator.clipboard.readText()") == want


def test_an_industry_preset_fills_the_form_and_computes(new_page, base_url):
    import yaml
    from conftest import ROOT
    name = "screening-overhead"
    industries = yaml.safe_load((ROOT / "docs" / "_data" / "industries.yml").read_text(encoding="utf-8"))
    with_preset = [i for i in industries if (i.get("presets") or {}).get(name)]
    assert with_preset, "at least one industry has a preset for this calculator"
    chosen = with_preset[-1]
    values = {k: ("yes" if v is True else "no" if v is False else str(v)) for k, v in chosen["presets"][name].items()}
    page, _ = open_page(new_page, base_url, name)
    w = widget(page, name)
    w.locator("[data-preset]").select_option(chosen["id"])
    wait_results(page, name, expected(name, values))
    for field, value in values.items():
        el = w.locator(f'[name="{field}"]')
        if el.get_attribute("type") == "checkbox":
            assert el.is_checked() == (value == "yes")
        elif value.replace(".", "", 1).isdigit():
            assert float(el.input_value()) == float(value), field
        else:
            assert el.input_value() == value, field


def test_a_stalled_start_reaches_error_within_20_seconds(new_page, base_url):
    # The .wasm request is never answered: Pyodide's loadPyodide would wait for ever.
    name = "stage-planner"
    page, _ = new_page()
    page.context.route("**/*.wasm", lambda route: None)
    page.goto(page_url(base_url, PAGES[name]), wait_until="load")
    w = widget(page, name)
    started = time.monotonic()
    w.locator('[name="applicants"]').focus()
    expect(w).to_have_attribute("data-state", "error", timeout=20_000)
    assert time.monotonic() - started < 20
    assert results_text(page, name) == expected(name, {})
    expect(w.get_by_role("button", name=re.compile("Retry"))).to_be_visible()


def test_a_runaway_computation_is_stopped_and_a_fresh_engine_takes_over(new_page, base_url):
    # Fault injection: the worker is served with one extra line that spins for ever on a marked
    # input (candidates=777), as a runaway computation would. The controller must stop that worker,
    # say so, keep the last good figures, and compute the next input on a fresh worker.
    name = "screening-overhead"
    page, watch = new_page()
    served = []

    def hanging_worker(route):
        body = route.fetch().text()
        hook = 'addEventListener("message", (event) => {\n  const msg = event.data || {};\n'
        assert hook in body, "the worker's message handler changed: update this test's hook"
        spin = hook + '  if (msg.params && String(msg.params.candidates) === "777") { for (;;) {} }\n'
        served.append(route.request.url)
        route.fulfill(body=body.replace(hook, spin), content_type="text/javascript")

    page.context.route("**/engine-worker.js", hanging_worker)
    page.goto(page_url(base_url, PAGES[name]), wait_until="load")
    w = widget(page, name)
    set_field(page, name, "candidates", "30")
    wait_results(page, name, expected(name, {"candidates": "30"}))
    assert len(served) == 1
    set_field(page, name, "candidates", "777")
    expect(w).to_contain_text("took too long and was stopped", timeout=30_000)
    assert results_text(page, name) == expected(name, {"candidates": "30"}), "the last good figures stay"
    set_field(page, name, "candidates", "31")
    wait_results(page, name, expected(name, {"candidates": "31"}))
    expect(w).to_have_attribute("data-state", "ready")
    assert len(served) == 2, "a fresh worker was started"
    assert watch.console_errors == []


def test_without_webassembly_the_widget_stays_static_and_says_why(new_page, base_url):
    name = "screening-overhead"
    page, watch = new_page()
    page.context.add_init_script("delete globalThis.WebAssembly;")
    page.goto(page_url(base_url, PAGES[name]), wait_until="load")
    w = widget(page, name)
    expect(w.locator("[data-status-text]")).to_contain_text("cannot run the live calculator")
    set_field(page, name, "candidates", "70")
    page.wait_for_timeout(300)
    expect(w).to_have_attribute("data-state", "static")
    assert results_text(page, name) == expected(name, {})
    assert engine_requests(watch) == []
