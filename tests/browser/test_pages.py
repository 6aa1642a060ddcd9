"""Every page in a real browser, served from a sub-path: no console error, no request outside the
site's origin, in light and dark scheme; instant navigation really is instant; checklist ticks
survive a reload."""
import pytest

from site_pages import nav_pages, page_url


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_every_page_loads_cleanly(new_page, base_url, scheme):
    page, watch = new_page(color_scheme=scheme)
    for p in nav_pages():
        response = page.goto(page_url(base_url, p), wait_until="load")
        assert response.status == 200, p
        page.wait_for_timeout(50)
        assert page.locator("h1").first.is_visible(), p
        scheme_attr = page.evaluate("document.body.getAttribute('data-md-color-scheme')")
        assert scheme_attr == ("slate" if scheme == "dark" else "default"), p
    assert watch.console_errors == []
    assert watch.foreign_requests == []


def test_missing_page_shows_the_404_page(new_page, base_url):
    page, watch = new_page()
    response = page.goto(base_url + "no-such-page/", wait_until="load")
    assert response.status == 404
    assert page.locator("h1", has_text="Page not found").is_visible()
    page.locator("a", has_text="Start from the home page").click()
    page.wait_for_load_state("load")
    assert page.url == base_url
    # the only console error is the browser's own note about the 404 response itself
    assert [e for e in watch.console_errors if "404" not in e] == []
    assert watch.foreign_requests == []


def test_instant_navigation_keeps_the_page(new_page, base_url):
    page, watch = new_page()
    page.goto(base_url, wait_until="load")
    page.evaluate("window.__navMarker = 'still-here'")
    link = page.locator(".md-nav a[href$='faq/']").first
    link.click()
    page.wait_for_url("**/faq/")
    page.wait_for_selector("h1:has-text('Frequently asked questions')")
    assert page.evaluate("window.__navMarker") == "still-here", "navigation reloaded the page"
    assert watch.console_errors == []


def test_checklist_remembers_ticks(new_page, base_url):
    page, _ = new_page()
    page.goto(page_url(base_url, "process/checklist"), wait_until="load")
    boxes = page.locator("[data-checklist] input[type=checkbox]")
    assert boxes.count() >= 6
    boxes.nth(0).check()
    boxes.nth(2).check()
    page.reload(wait_until="load")
    states = [boxes.nth(i).is_checked() for i in range(boxes.count())]
    assert states[0] and states[2] and not states[1]
    boxes.nth(0).uncheck()
    page.reload(wait_until="load")
    assert not boxes.nth(0).is_checked() and boxes.nth(2).is_checked()


def test_no_page_scrolls_sideways_on_a_phone(new_page, base_url):
    """At 390 px wide, wide tables scroll inside their own box; the page itself never does."""
    page, _ = new_page(viewport={"width": 390, "height": 844})
    too_wide = {}
    for p in nav_pages():
        page.goto(page_url(base_url, p), wait_until="load")
        width = page.evaluate("document.documentElement.scrollWidth")
        if width > 390:
            too_wide[p] = width
    assert too_wide == {}
