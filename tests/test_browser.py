"""The page in a real headless Chromium (Debian's), served by a real Streamlit server on 127.0.0.1.

Every request to a host other than 127.0.0.1/localhost is blocked, so these also prove the page,
its charts and the map's base layer need no internet access.
"""
import csv
import io
import time
from pathlib import Path

import pytest
from conftest import drag_box

from timeline.schema import EVENT_COLUMNS

pytestmark = pytest.mark.browser
ROOT = Path(__file__).resolve().parent.parent
LOCAL = ("http://127.0.0.1", "ws://127.0.0.1", "data:", "blob:")


@pytest.fixture
def page(browser, server):
    context = browser.new_context(viewport={"width": 1400, "height": 2400}, accept_downloads=True)
    page = context.new_page()
    page.outside_requests = []

    def outside(url: str) -> bool:
        return not url.startswith(LOCAL)

    def block(route):
        page.outside_requests.append(route.request.url)
        route.abort()

    # only outside requests are intercepted (and aborted): local ones, uploads included, go straight through
    page.route(outside, block)
    page.goto(server)
    page.wait_for_selector(".js-plotly-plot .geo path", timeout=90_000)
    page.wait_for_selector(".js-plotly-plot .scatterlayer .point", timeout=90_000)
    yield page
    context.close()


def _events_metric(page) -> int:
    return int(page.locator('[data-testid="stMetricValue"]').first.inner_text().strip().replace(",", ""))


def _wait_metric_change(page, before, timeout=30):
    deadline = time.time() + timeout
    while time.time() < deadline and _events_metric(page) == before:
        time.sleep(0.3)
    return _events_metric(page)


@pytest.fixture(scope="module")
def expected_frame():
    """The events the server shows, computed the same way in the test process."""
    import timeline

    return timeline.parse(timeline.read_articles(str(ROOT / "data" / "articles")))


def test_browser_page_draws_timeline_and_offline_map(page, tmp_path):
    plots = page.locator(".js-plotly-plot")
    assert plots.count() == 2
    timeline_plot, map_plot = plots.nth(0), plots.nth(1)
    assert timeline_plot.locator(".scatterlayer .point").count() >= 20
    assert timeline_plot.locator(".xaxislayer-above .xtick").count() >= 3
    assert timeline_plot.locator(".rangeslider-container").count() == 1
    # land, countries and coastlines come from static/world_*.json served by the app
    land = map_plot.locator(".geo .layer.land path")
    borders = map_plot.locator(".geo .layer.countries path")
    assert land.count() >= 1 and borders.count() >= 1
    # real geometry (the 110m world is some 140,000 characters of path), not an empty layer
    assert len(land.first.get_attribute("d") or "") > 10_000
    assert len(borders.first.get_attribute("d") or "") > 10_000
    assert map_plot.locator(".scattergeo .point, .scattergeo path.point").count() >= 5
    assert page.outside_requests == []
    # and the block is real: a request to the CDN plotly would use is caught and aborted
    assert page.evaluate("() => fetch('https://cdn.plot.ly/world_110m.json').then(() => 'loaded', () => 'blocked')") \
        == "blocked"
    assert page.outside_requests == ["https://cdn.plot.ly/world_110m.json"]
    page.screenshot(path=str(tmp_path / "page.png"), full_page=True)
    assert (tmp_path / "page.png").stat().st_size > 50_000


def test_browser_actor_filter_updates_table_and_link(page, server, browser, expected_frame):
    from timeline.filters import Filters, apply

    before = _events_metric(page)
    box = page.locator('[data-testid="stMultiSelect"]').filter(has_text="Actors")
    box.click()
    page.keyboard.type("Sergei Lavrov")
    page.keyboard.press("Enter")
    page.keyboard.press("Escape")
    after = _wait_metric_change(page, before)
    expected = apply(expected_frame, Filters(actors=("Sergei Lavrov",)))
    assert after == len(expected) > 0
    page.wait_for_selector(".js-plotly-plot .scatterlayer .point")
    # the table follows: its row count is in the grid's aria attributes
    grid = page.locator('[data-testid="stDataFrame"]').nth(1)
    deadline = time.time() + 20
    while time.time() < deadline and grid.get_attribute("data-test-rows") not in (None, str(after)):
        time.sleep(0.3)
    # the address bar holds the view: a new tab on that link shows the same rows
    deadline = time.time() + 10
    while time.time() < deadline and "actor=" not in page.evaluate("() => window.location.href"):
        time.sleep(0.2)
    link = page.evaluate("() => window.location.href")  # Streamlit rewrites it with history.replaceState
    assert link == f"{server}/?actor=Sergei+Lavrov"
    other = browser.new_context(viewport={"width": 1400, "height": 1600}).new_page()
    other.route(lambda url: not url.startswith(LOCAL), lambda route: route.abort())
    other.goto(link)
    other.wait_for_selector('[data-testid="stMetricValue"]', timeout=60_000)
    other.wait_for_selector(".js-plotly-plot .scatterlayer .point", timeout=60_000)
    assert _events_metric(other) == after
    other.context.close()


def test_browser_download_returns_the_filtered_csv(page, expected_frame):
    from timeline import export
    from timeline.filters import Filters, apply

    box = page.locator('[data-testid="stMultiSelect"]').filter(has_text="Actors")
    box.click()
    page.keyboard.type("Sergei Lavrov")
    page.keyboard.press("Enter")
    page.keyboard.press("Escape")
    filters = Filters(actors=("Sergei Lavrov",))
    expected = apply(expected_frame, filters)
    shown = _wait_metric_change(page, len(expected_frame))
    assert shown == len(expected)
    with page.expect_download(timeout=30_000) as info:
        page.get_by_role("button", name="Download CSV").click()
    download = info.value
    assert download.suggested_filename == export.file_name("csv", len(expected), filters)
    payload = Path(download.path()).read_bytes()
    assert payload == export.to_csv(expected)
    rows = list(csv.DictReader(io.StringIO(payload.decode("utf-8"))))
    assert len(rows) == shown and list(rows[0]) == list(EVENT_COLUMNS)


def test_browser_box_select_on_the_map_filters_the_table_and_resets(page, tmp_path):
    before = _events_metric(page)
    # a box over the east of the map (Russia's Far East, the Koreas, China, Japan)
    drag_box(page, page.locator(".js-plotly-plot").nth(1), (0.55, 0.05), (0.98, 0.95))
    after = _wait_metric_change(page, before)
    assert 0 < after < before
    page.get_by_text("Selection on the map").wait_for(timeout=20_000)
    page.screenshot(path=str(tmp_path / "selected.png"))
    page.get_by_role("button", name="Clear selection").click()
    assert _wait_metric_change(page, after) == before


def test_browser_upload_adds_articles_and_reports_each_file(page, tmp_path):
    import re

    good = tmp_path / "lukashenko.txt"
    good.write_text("Lukashenko visits Ulaanbaatar\nPublished: 2025-03-04\n\nBelarusian President Alexander "
                    "Lukashenko arrived in Ulaanbaatar on Monday for talks with Mongolian President Ukhnaagiin "
                    "Khurelsukh, the presidential office said.\n", encoding="utf-8")
    bad = tmp_path / "broken.zip"
    bad.write_bytes(b"PK\x03\x04junk")
    before = _events_metric(page)
    page.get_by_text("Add articles").click()
    page.locator('input[type="file"]').first.set_input_files([str(good), str(bad)])  # the articles uploader
    page.get_by_text("broken.zip: not a valid ZIP archive (File is not a zip file)").wait_for(timeout=60_000)
    found = page.get_by_text(re.compile(r"^lukashenko\.txt: 1 article, \d+ events? found$"))
    found.wait_for(timeout=30_000)
    n = int(re.search(r"(\d+) events? found", found.inner_text()).group(1))
    assert n >= 1
    assert _wait_metric_change(page, before) == before + n
    assert page.outside_requests == []
