"""The page in a real headless Chromium (Debian's), served by a real Streamlit server on 127.0.0.1.

Every request to a host other than 127.0.0.1/localhost is blocked, so these also prove the page,
its charts and the map's base layer need no internet access.
"""
import csv
import io
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from timeline.schema import EVENT_COLUMNS

pytestmark = pytest.mark.browser
ROOT = Path(__file__).resolve().parent.parent
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="module")
def server():
    port = _free_port()
    proc = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", "dashboard.py", "--server.port", str(port),
         "--server.address", "127.0.0.1", "--server.headless", "true", "--browser.gatherUsageStats", "false"],
        cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
    )
    url = f"http://127.0.0.1:{port}"
    deadline = time.time() + 90
    while time.time() < deadline:
        try:
            if urllib.request.urlopen(f"{url}/_stcore/health", timeout=2).read() == b"ok":
                break
        except OSError:
            time.sleep(0.5)
    else:
        proc.kill()
        pytest.fail("streamlit did not start: " + proc.stdout.read().decode(errors="replace")[-2000:])
    yield url
    proc.terminate()
    proc.wait(timeout=20)


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        chromium = pw.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser, server):
    context = browser.new_context(viewport={"width": 1400, "height": 1600}, accept_downloads=True)
    page = context.new_page()
    page.outside_requests = []

    def only_local(route):
        url = route.request.url
        if url.startswith(("http://127.0.0.1", "ws://127.0.0.1", "data:", "blob:")):
            route.continue_()
        else:
            page.outside_requests.append(url)
            route.abort()

    page.route("**/*", only_local)
    page.goto(server)
    page.wait_for_selector(".js-plotly-plot .geo path", timeout=90_000)
    page.wait_for_selector(".js-plotly-plot .scatterlayer .point", timeout=90_000)
    yield page
    context.close()


def _events_metric(page) -> int:
    return int(page.locator('[data-testid="stMetricValue"]').first.inner_text().strip())


def test_browser_page_draws_timeline_and_offline_map(page, tmp_path):
    plots = page.locator(".js-plotly-plot")
    assert plots.count() == 2
    timeline_plot, map_plot = plots.nth(0), plots.nth(1)
    assert timeline_plot.locator(".scatterlayer .point").count() >= 20
    assert timeline_plot.locator(".xaxislayer-above .xtick").count() >= 3
    # land, countries and coastlines come from static/world_*.json served by the app
    assert map_plot.locator(".geo .layer.backplot .land path, .geo path.land, .geo .land").count() >= 1
    assert map_plot.locator(".geo .countries path, .geo path.countries, .geo .countries").count() >= 1
    assert map_plot.locator(".scattergeo .point, .scattergeo path.point").count() >= 5
    assert page.outside_requests == []
    page.screenshot(path=str(tmp_path / "page.png"), full_page=True)
    assert (tmp_path / "page.png").stat().st_size > 50_000


def test_browser_actor_filter_updates_the_page(page):
    before = _events_metric(page)
    box = page.locator('[data-testid="stMultiSelect"]').filter(has_text="Actors")
    box.click()
    page.keyboard.type("Sergei Lavrov")
    page.keyboard.press("Enter")
    page.keyboard.press("Escape")
    deadline = time.time() + 30
    while time.time() < deadline and _events_metric(page) == before:
        time.sleep(0.3)
    after = _events_metric(page)
    assert 0 < after < before
    page.wait_for_selector(".js-plotly-plot .scatterlayer .point")


def test_browser_download_returns_the_filtered_csv(page):
    shown = _events_metric(page)
    with page.expect_download(timeout=30_000) as info:
        page.get_by_role("button", name="Download CSV").click()
    download = info.value
    assert download.suggested_filename == f"events-{shown}.csv"
    rows = list(csv.DictReader(io.StringIO(Path(download.path()).read_text(encoding="utf-8"))))
    assert len(rows) == shown
    assert list(rows[0]) == list(EVENT_COLUMNS)
