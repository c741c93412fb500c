"""The page on an event store larger than the rows it holds, in a real headless Chromium: the charts are
drawn from the store's counts, and an ingest by another process appears without any click or restart."""
import time
from pathlib import Path

import pandas as pd
import pytest
from conftest import drag_box, serve
from test_page_store import ingest_elsewhere

from timeline.store import EventStore
from timeline.ui import stored

pytestmark = pytest.mark.browser
ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def big_store(tmp_path_factory):
    """The sample articles' events, copied with shifted dates and new ids until there are more than the
    page holds."""
    import timeline

    base = timeline.parse(timeline.read_articles(str(ROOT / "data" / "articles")))
    copies = []
    for i in range(stored.VISIBLE_ROWS // len(base) + 2):
        part = base.copy()
        part["event_id"] = [f"{e[:10]}{i:06d}" for e in part["event_id"]]
        shift = pd.Timedelta(days=7 * i)
        part["date_start"] = (part["date_start"] + shift).astype("datetime64[s]")
        part["date_end"] = (part["date_end"] + shift).astype("datetime64[s]")
        copies.append(part)
    frame = pd.concat(copies, ignore_index=True)
    path = tmp_path_factory.mktemp("browser-store") / "events.duckdb"
    EventStore(path).put_events(frame, replace=True)
    assert EventStore(path).count() == len(frame) > stored.VISIBLE_ROWS
    return path


@pytest.fixture(scope="module")
def store_server(big_store):
    yield from serve("--db", str(big_store))


@pytest.fixture
def store_page(browser, store_server):
    """The store page opened in Chromium, with both charts drawn."""
    context = browser.new_context(viewport={"width": 1400, "height": 2400})
    page = context.new_page()
    page.goto(store_server)
    page.wait_for_selector(".js-plotly-plot .scatterlayer .point", timeout=90_000)
    page.wait_for_selector(".js-plotly-plot .geo path", timeout=90_000)
    yield page
    context.close()


def _events(page) -> int:
    return int(page.locator('[data-testid="stMetricValue"]').first.inner_text().strip().replace(",", ""))


def _wait_events(page, done, timeout=60) -> int:
    """The Events figure once ``done(figure)`` holds (or the timeout passed)."""
    deadline = time.time() + timeout
    while time.time() < deadline and not done(_events(page)):
        time.sleep(0.5)
    return _events(page)


def test_browser_store_page_draws_counts_and_follows_an_ingest(store_page, big_store, tmp_path):
    page = store_page
    total = EventStore(big_store).count()
    assert _events(page) == total
    titles = page.locator(".js-plotly-plot .gtitle").evaluate_all("els => els.map(e => e.textContent)")
    dated = int(EventStore(big_store).select("SELECT count(*) FROM events WHERE date_start IS NOT NULL").iat[0, 0])
    assert any(t.startswith(f"Timeline \u2014 {dated:,} events, aggregated") for t in titles), titles
    assert any(t.startswith("Map \u2014 ") for t in titles), titles
    assert page.locator(".js-plotly-plot .scatterlayer .point").count() > 20  # circles, not a blank chart
    assert page.get_by_text(f"The table lists the first {stored.VISIBLE_ROWS:,} of {total:,} events").count() == 1
    page.screenshot(path=str(tmp_path / "store-page.png"))

    ingest_elsewhere(big_store, tmp_path)
    after = EventStore(big_store).count()
    assert after > total
    # no click: the page looks for writes every few seconds
    assert _wait_events(page, lambda n: n == after) == after


def test_browser_store_box_on_the_aggregated_map_lists_those_events(store_page, big_store, tmp_path):
    page = store_page
    total = EventStore(big_store).count()
    assert _events(page) == total
    drag_box(page, page.locator(".js-plotly-plot").nth(1), (0.55, 0.05), (0.98, 0.95))  # the map's east
    picked = _wait_events(page, lambda n: n != total)
    assert 0 < picked < total
    page.get_by_text(f"Selection: {picked:,} of {total:,} events").wait_for(timeout=20_000)
    page.screenshot(path=str(tmp_path / "store-selected.png"))
    page.get_by_role("button", name="Clear selection").click()
    assert _wait_events(page, lambda n: n == total) == total
