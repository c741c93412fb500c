"""The page on an event store larger than the rows it holds, in a real headless Chromium: the charts are
drawn from the store's counts, and an ingest by another process appears without any click or restart."""
import subprocess
import sys
import time
from pathlib import Path

import pandas as pd
import pytest
from conftest import serve
from test_page_store import NEW_ARTICLE

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


def _events(page) -> int:
    return int(page.locator('[data-testid="stMetricValue"]').first.inner_text().strip().replace(",", ""))


def test_browser_store_page_draws_counts_and_follows_an_ingest(browser, store_server, big_store, tmp_path):
    context = browser.new_context(viewport={"width": 1400, "height": 2400})
    page = context.new_page()
    try:
        page.goto(store_server)
        page.wait_for_selector(".js-plotly-plot .scatterlayer .point", timeout=90_000)
        page.wait_for_selector(".js-plotly-plot .geo path", timeout=90_000)
        total = EventStore(big_store).count()
        assert _events(page) == total
        titles = page.locator(".js-plotly-plot .gtitle").evaluate_all("els => els.map(e => e.textContent)")
        dated = int(EventStore(big_store).select("SELECT count(*) FROM events WHERE date_start IS NOT NULL").iat[0, 0])
        assert any(t.startswith(f"Timeline \u2014 {dated:,} events, aggregated") for t in titles), titles
        assert any(t.startswith("Map \u2014 ") for t in titles), titles
        assert page.locator(".js-plotly-plot .scatterlayer .point").count() > 20  # circles, not a blank chart
        assert page.get_by_text(f"The table lists the first {stored.VISIBLE_ROWS:,} of {total:,} events").count() == 1
        page.screenshot(path=str(tmp_path / "store-page.png"))

        article = tmp_path / "lukashenko.txt"
        article.write_text(NEW_ARTICLE, encoding="utf-8")
        done = subprocess.run([sys.executable, "-m", "timeline", "ingest", str(article), "--db", str(big_store)],
                              cwd=ROOT, capture_output=True, text=True, timeout=300)
        assert done.returncode == 0, done.stderr
        after = EventStore(big_store).count()
        assert after > total
        deadline = time.time() + 60  # no click: the page looks for writes every few seconds
        while time.time() < deadline and _events(page) != after:
            time.sleep(0.5)
        assert _events(page) == after
    finally:
        context.close()


def test_browser_store_box_on_the_aggregated_map_lists_those_events(browser, store_server, big_store, tmp_path):
    context = browser.new_context(viewport={"width": 1400, "height": 2400})
    page = context.new_page()
    try:
        page.goto(store_server)
        page.wait_for_selector(".js-plotly-plot .geo path", timeout=90_000)
        page.wait_for_selector(".js-plotly-plot .scatterlayer .point", timeout=90_000)
        total = EventStore(big_store).count()
        assert _events(page) == total
        map_plot = page.locator(".js-plotly-plot").nth(1)
        map_plot.scroll_into_view_if_needed()
        box = map_plot.locator(".geo .layer.frame path").first.bounding_box()
        # the east of the map: Russia's Far East, the Koreas, China, Japan
        x0, y0 = box["x"] + box["width"] * 0.55, box["y"] + box["height"] * 0.05
        x1, y1 = box["x"] + box["width"] * 0.98, box["y"] + box["height"] * 0.95
        page.mouse.move(x0, y0)
        page.mouse.down()
        page.mouse.move((x0 + x1) / 2, (y0 + y1) / 2, steps=8)
        page.mouse.move(x1, y1, steps=8)
        page.mouse.up()
        deadline = time.time() + 60
        while time.time() < deadline and _events(page) == total:
            time.sleep(0.5)
        picked = _events(page)
        assert 0 < picked < total
        page.get_by_text(f"Selection: {picked:,} of {total:,} events").wait_for(timeout=20_000)
        page.screenshot(path=str(tmp_path / "store-selected.png"))
        page.get_by_role("button", name="Clear selection").click()
        deadline = time.time() + 60
        while time.time() < deadline and _events(page) != total:
            time.sleep(0.5)
        assert _events(page) == total
    finally:
        context.close()
