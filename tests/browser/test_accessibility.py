"""axe-core (from npm, node_modules/axe-core) on every built page, in light and dark scheme: no
serious or critical violation. The same visit checks that no page reports a Content-Security-Policy
violation and that no request leaves the site's origin."""
import pytest
from playwright.sync_api import expect

from conftest import ROOT
from site_pages import nav_pages, page_url

AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
BLOCKING = ("serious", "critical")


def run_axe(page):
    # Evaluated through the DevTools protocol, so the page's CSP (no inline scripts) does not block it.
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        page.evaluate(AXE.read_text(encoding="utf-8"))
    result = page.evaluate(
        "async () => (await axe.run(document, {resultTypes: ['violations']})).violations"
        ".map(v => ({id: v.id, impact: v.impact, nodes: v.nodes.map(n => n.target.join(' ')).slice(0, 5)}))")
    return [v for v in result if v["impact"] in BLOCKING]


def watch_csp(context):
    context.add_init_script(
        "window.__csp = []; document.addEventListener('securitypolicyviolation', "
        "e => window.__csp.push(location.pathname + ': ' + e.violatedDirective + ' ' + e.blockedURI));")


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_no_serious_axe_violation_csp_violation_or_foreign_request(new_page, base_url, scheme):
    page, watch = new_page(color_scheme=scheme)
    watch_csp(page.context)
    found, csp = {}, []
    for p in nav_pages() + ["no-such-page"]:
        page.goto(page_url(base_url, p) if p != "no-such-page" else base_url + "no-such-page/", wait_until="load")
        expected_scheme = "slate" if scheme == "dark" else "default"
        assert page.evaluate("document.body.getAttribute('data-md-color-scheme')") == expected_scheme
        violations = run_axe(page)
        if violations:
            found[p] = violations
        csp += page.evaluate("window.__csp")
    assert found == {}
    assert csp == []
    assert watch.foreign_requests == []


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_live_widget_with_errors_has_no_serious_axe_violation(new_page, base_url, scheme):
    page, watch = new_page(color_scheme=scheme)
    watch_csp(page.context)
    page.goto(page_url(base_url, "calculators/screening-overhead"), wait_until="load")
    widget = page.locator('[data-calculator="screening-overhead"]')
    page.locator('[data-calculator="screening-overhead"] details.calc-advanced > summary').click()
    page.locator('[data-calculator="screening-overhead"] [name="candidates"]').fill("lots")
    expect(widget.locator('[data-field="candidates"] .calc-field-error')).to_be_visible(timeout=60_000)
    expect(widget).to_have_attribute("data-state", "ready")
    widget.locator("details").first.evaluate("d => d.open = true")
    assert run_axe(page) == []
    assert page.evaluate("window.__csp") == []
    assert watch.foreign_requests == []
