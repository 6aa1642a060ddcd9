"""The screening-metrics widget in Chromium: a CSV chosen through the real file picker is analysed in
the page's own engine, gives CPython's figures, and never leaves the browser.

"Never leaves" is checked from the outside: no request at all once the file is chosen (engine
already running), the text is not in the address, the share link or web storage, and downloads
leave it out. The pages carry a CSP with script hashes, so this file uses expect()/locators and
page.evaluate only (wait_for_function and inline script tags are blocked by the policy).
"""
import json
import random
from datetime import datetime, timedelta
from urllib.parse import parse_qsl, urljoin, urlsplit

from playwright.sync_api import expect

import calculators
from calculators.render import pct
from calculators.sample_data import SAMPLE_CSV
from site_pages import page_url
from widget_support import ENGINE_START_S, html_text, norm, wait_text

NAME = "screening-metrics"
PAGE = "calculators/screening-metrics"
MARK = "QZV"  # every candidate id below starts with it; it appears in no page, script or setting
FIELD = next(f for f in calculators.fields(NAME) if f["name"] == "csv")


def expected(params):
    return html_text(calculators.run(NAME, params)["html"])


def widget(page):
    return page.locator(f'[data-calculator="{NAME}"]').first


def results_text(page):
    return norm(widget(page).locator("[data-results]").text_content())


def wait_results(page, want, timeout=ENGINE_START_S):
    wait_text(widget(page).locator("[data-results]"), want, timeout)


def make_csv(n, seed=4, sep=","):
    """An export with ``n`` candidates, headers in ATS style, ISO dates, formats and roles."""
    r = random.Random(seed)
    start = datetime(2026, 3, 2, 8)
    lines = [sep.join(["Candidate ID", "Role", "Format", "Invitation sent", "Completed", "Reviewed",
                       "Decision date", "Notes"])]
    for i in range(n):
        inv = start + timedelta(minutes=r.randint(0, 60 * 24 * 70))
        comp = inv + timedelta(minutes=r.randint(30, 60 * 24 * 4)) if r.random() < 0.75 else None
        rev = comp + timedelta(minutes=r.randint(10, 60 * 80)) if comp and r.random() < 0.85 else None
        dec = rev + timedelta(minutes=r.randint(60, 60 * 24 * 6)) if rev and r.random() < 0.9 else None
        cells = [x.strftime("%Y-%m-%d %H:%M") if x else "" for x in (inv, comp, rev, dec)]
        lines.append(sep.join([f"{MARK}-{i:05d}", r.choice(["Cashier", "Driver", "Cook"]),
                               r.choice(["async", "live"]), *cells, "note"]))
    return "\n".join(lines) + "\n"


def open_page(new_page, base_url, query="", replies=False):
    page, watch = new_page()
    if replies:
        watch_worker_replies(page.context)
    page.context.add_init_script(
        "window.__csp = []; document.addEventListener('securitypolicyviolation', "
        "e => window.__csp.push(e.violatedDirective + ' ' + e.blockedURI));")
    page.goto(page_url(base_url, PAGE) + query, wait_until="load")
    return page, watch


def watch_worker_replies(context):
    """Record every message the engine worker posts to the page, as JSON text."""
    context.add_init_script(
        "window.__replies = []; const W = window.Worker; window.Worker = class extends W {"
        " constructor(url, options) { super(url, options);"
        " this.addEventListener('message', e => window.__replies.push(JSON.stringify(e.data))); } };")


def start_engine(page):
    """The reader's intent (focus on a field) starts the engine; wait until it is ready."""
    widget(page).locator('[name="review_deadline_hours"]').focus()
    expect(widget(page)).to_have_attribute("data-state", "ready", timeout=ENGINE_START_S * 1000)


def choose_file(page, path):
    """Through the real file picker: click the file input, answer the chooser."""
    with page.expect_file_chooser() as chooser:
        widget(page).locator('[name="csv"]').click()
    assert chooser.value.element.get_attribute("name") == "csv"
    chooser.value.set_files(str(path))


def stored_text(page):
    return page.evaluate(
        "() => [localStorage, sessionStorage].map(s => Object.keys(s).map(k => k + '=' + s.getItem(k)).join('\\n'))"
        ".join('\\n')")


def first_table_rows(page):
    """The cells of each row of the results' first table, as text."""
    return widget(page).locator("[data-results] table").first.locator("tr").evaluate_all(
        "rows => rows.map(r => Array.from(r.cells, c => c.textContent.trim().replace(/\\s+/g, ' ')))")


def query_of(url):
    return dict(parse_qsl(urlsplit(url).query, keep_blank_values=True))


# --- a file through the picker: CPython's figures, and nothing leaves --------------------------

def test_a_chosen_file_gives_cpythons_figures_and_no_request_is_made(new_page, base_url, tmp_path):
    text = make_csv(400)
    path = tmp_path / "export.csv"
    path.write_bytes(text.encode("utf-8"))
    page, watch = open_page(new_page, base_url, replies=True)
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    w = widget(page)
    start_engine(page)
    seen = len(watch.requests)  # every request from the page and its worker, from here on
    choose_file(page, path)
    out = calculators.run(NAME, {"csv": text})
    assert out["ok"] and out["result"]["rows_used"] == 400
    wait_results(page, expected({"csv": text}))
    # The headline figures, as CPython computes them, are in the first table's rows.
    rows = {r[0]: r[1:] for r in first_table_rows(page) if r}
    res = out["result"]
    assert rows["Completion rate"][0] == pct(res["completion_rate"])
    for key, label in (("time_to_screen", "Time to screen"), ("time_to_decision", "Time to decision")):
        med, p90 = res[key]["median_hours"] / 24, res[key]["p90_hours"] / 24
        assert rows[label][:2] == [f"{med:.1f} days", f"{p90:.1f} days"], key
    expect(w.locator("[data-results]")).to_contain_text("We used 400 of the 400 rows")
    assert MARK not in page.url and MARK not in stored_text(page)
    assert watch.requests[seen:] == [], "a request was made after the file was chosen"
    # Settings change the figures; the share link holds the settings, never the file.
    w.locator('[name="review_deadline_hours"]').fill("24")
    w.locator('[name="date_order"]').select_option("dmy")
    params = {"csv": text, "review_deadline_hours": "24", "date_order": "dmy"}
    wait_results(page, expected(params))
    assert query_of(page.url) == {"review_deadline_hours": "24", "date_order": "dmy"}
    w.locator('[data-action="copy-link"]').click()
    expect(w.locator("[data-action-note]")).to_have_text("Link copied.")
    copied = page.evaluate("navigator.clipboard.readText()")
    assert query_of(copied) == {"review_deadline_hours": "24", "date_order": "dmy"}
    assert MARK not in copied and MARK not in page.url and "csv" not in urlsplit(page.url).query
    assert MARK not in stored_text(page)
    # A new address (history.replaceState) makes Chromium look up the page's icon again: the icon
    # is inline (a data: URL), so not even that becomes a request.
    assert watch.requests[seen:] == [], "a request was made after the file was chosen"
    # The JSON download is CPython's, with the file's text left out.
    with page.expect_download() as info:
        w.locator('[data-action="export"][data-format="json"]').click()
    downloaded = open(info.value.path(), encoding="utf-8").read()
    assert downloaded == calculators.export(NAME, params, "json")
    assert MARK not in downloaded
    assert json.loads(downloaded)["result"]["rows_used"] == 400
    assert watch.requests[seen:] == [], "a request was made after the file was chosen"
    # The worker's replies carry the figures, never the file's text back (it is MBs for a big file).
    replies = page.evaluate("window.__replies")
    assert any('"html"' in r for r in replies)
    assert not [r[:200] for r in replies if MARK in r]
    assert page.evaluate("window.__csp") == []
    assert watch.foreign_requests == []


def test_a_file_chosen_before_the_engine_runs_only_brings_the_engine_files(new_page, base_url, tmp_path):
    # The reader's first act is choosing a file: the engine starts then, so its own files arrive
    # after the choice. Those are plain GETs of the site's versioned engine folder; nothing else,
    # and nothing that could carry the file (no query string, no request body).
    text = make_csv(60, seed=9, sep=";")
    path = tmp_path / "first.csv"
    path.write_text(text, encoding="utf-8")
    page, watch = open_page(new_page, base_url)
    bodies = []
    page.on("request", lambda req: bodies.append((req.method, req.url, req.post_data)))
    choose_file(page, path)
    seen = len(bodies)
    wait_results(page, expected({"csv": text}))
    engine = urljoin(page_url(base_url, PAGE), "../../assets/engine/")
    for method, url, body in bodies[seen:]:
        assert method == "GET" and body is None, url
        assert url.startswith(engine) and "?" not in url, url
    assert MARK not in page.url and MARK not in stored_text(page)
    assert page.evaluate("window.__csp") == []


# --- messy and oversized files -----------------------------------------------------------------

def test_a_messy_file_shows_its_skipped_row_counts(new_page, base_url, tmp_path):
    text = "\ufeff" + "\r\n".join([
        '"Candidate","Invited","Completed","Reviewed","Decided","Extra"',
        f'{MARK}-1,03/02/2026 09:00,04/02/2026 10:00,05/02/2026 11:30,09/02/2026,x',
        f'{MARK}-2,16/02/2026 14:00,n/a,-,,"a, quoted, cell"',
        f'{MARK}-3,,17/02/2026,,,',
        f'{MARK}-4,18/02/2026,31/11/2026,,,',
        f'{MARK}-5,20/02/2026 08:00,19/02/2026 08:00,,,',
        f'{MARK}-1,21/02/2026,,,,duplicate',
        ',22/02/2026,,,,no id',
        '',
        f'{MARK}-6,23/02/2026 10:00,23/02/2026 18:00,24/02/2026 09:00,26/02/2026 12:00,',
        '',
    ])
    out = calculators.run(NAME, {"csv": text})
    skipped = out["result"]["rows_skipped"]
    assert skipped == {"missing_candidate_id": 1, "missing_invited_at": 1, "unparseable_date": 1,
                       "date_before_invited_at": 1, "duplicate_candidate_id": 1}
    path = tmp_path / "messy.csv"
    path.write_bytes(text.encode("utf-8"))
    page, watch = open_page(new_page, base_url)
    start_engine(page)
    seen = len(watch.requests)
    choose_file(page, path)
    wait_results(page, expected({"csv": text}))
    w = widget(page)
    expect(w.locator("[data-results]")).to_contain_text("We used 3 of the 8 rows in your file and skipped 5.")
    w.locator("[data-results] summary", has_text="Why rows were skipped").click()
    reasons = [norm(t) for t in w.locator("[data-results] .calc-rows li").all_text_contents()]
    assert reasons == ["1 row: no candidate id", "1 row: no invitation date", "1 row: a date we could not read",
                       "1 row: a date earlier than the invitation",
                       "1 row: a candidate id already used by an earlier row"]
    assert watch.requests[seen:] == []


def test_a_file_over_the_limit_gets_a_clear_message_and_the_page_stays_responsive(new_page, base_url, tmp_path):
    limit = FIELD["max_chars"]
    page, watch = open_page(new_page, base_url)
    w = widget(page)
    error = w.locator('[data-field="csv"] .calc-field-error')
    start_engine(page)
    good = make_csv(30, seed=2)
    (tmp_path / "good.csv").write_text(good, encoding="utf-8")
    choose_file(page, tmp_path / "good.csv")
    wait_results(page, expected({"csv": good}))
    # Just over the limit: read, counted in characters as Python counts them, and refused in the
    # model's own words, without being sent to the engine.
    over = "a" * (limit + 1)
    (tmp_path / "over.csv").write_text(over, encoding="utf-8")
    choose_file(page, tmp_path / "over.csv")
    message = calculators.run(NAME, {"csv": over})["errors"]["csv"]
    expect(error).to_have_text(message)
    expect(w.locator('[name="csv"]')).to_have_attribute("aria-invalid", "true")
    expect(w.locator("[data-stale]")).to_contain_text("Not updated")
    expect(w.locator("[data-stale]")).to_contain_text("your last valid inputs")
    assert results_text(page) == expected({"csv": good}), "the last good figures stay"
    # 50 MB: refused from its size, unread; the tab keeps answering at once.
    huge = tmp_path / "huge.csv"
    with open(huge, "wb") as fh:
        fh.write(good.encode("utf-8"))
        fh.truncate(50_000_000)  # the rest reads as zero bytes: size is what counts here
    choose_file(page, huge)
    expect(error).to_contain_text("too long (50.0 MB)")
    expect(error).to_contain_text(f"{limit:,} characters")
    assert page.evaluate("1 + 1") == 2
    field = w.locator('[name="review_deadline_hours"]')
    field.fill("36")
    expect(field).to_have_value("36")
    expect(w.locator("[data-stale]")).to_contain_text("Not updated")  # settings alone do not use the bad file
    assert results_text(page) == expected({"csv": good})
    # Choosing a usable file again brings live figures back with the new setting.
    choose_file(page, tmp_path / "good.csv")
    wait_results(page, expected({"csv": good, "review_deadline_hours": "36"}))
    expect(error).to_be_hidden()
    expect(w.locator("[data-stale]")).to_be_hidden()
    assert w.locator('[name="csv"]').get_attribute("aria-invalid") is None
    assert page.evaluate("window.__csp") == []


# --- the sample file ---------------------------------------------------------------------------

def test_the_sample_csv_link_downloads_the_sample_from_the_same_origin(new_page, base_url):
    page, watch = open_page(new_page, base_url)
    link = page.locator("article a[href$='sample-screening-data.csv']").first
    href = urljoin(page.url, link.get_attribute("href"))
    assert href.startswith(base_url), href
    with page.expect_download() as info:
        link.click()
    assert info.value.url == href
    assert open(info.value.path(), encoding="utf-8", newline="").read() == SAMPLE_CSV
    # and it is exactly the example the page shows before any file is chosen
    assert results_text(page) == expected({}) == expected({"csv": SAMPLE_CSV})
    assert watch.foreign_requests == []
