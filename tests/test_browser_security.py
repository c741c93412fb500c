"""Hostile article text in a real page (issue #9, point 3): markup shows as text and never runs.

Our own Streamlit server on a free 127.0.0.1 port and Debian's headless Chromium; every request to
another host is blocked. An article whose title is an <img onerror> and whose event sentence holds a
<script> is uploaded through the page's own file uploader; then its row, its article view and its
hover label are shown, and nothing may run: no dialog, no global set by the payload, no <img src=x>
or payload <script> element in the document.
"""
from __future__ import annotations

import re
from pathlib import Path

import pytest

pytestmark = pytest.mark.browser
ROOT = Path(__file__).resolve().parent.parent

TITLE = '<img src=x onerror="window.__pwned_img = 1; alert(\'img\')"> Quokka summit'
SCRIPT = "<script>window.__pwned_script = 1; alert('script')</script>"
HOSTILE = (f"{TITLE}\nPublished: 2023-09-13\nSource: <b onmouseover=alert(1)>Wire</b>\n\n"
           f"Russian President Vladimir Putin met North Korean leader Kim Jong Un in Vladivostok on Monday "
           f"near the quokka pier {SCRIPT} <img src=x onerror=\"window.__pwned_body = 1\">.\n").encode()
GERMAN = ("Gipfel in Wostotschny\nPublished: 2023-09-13\n\nDer russische Präsident Wladimir Putin hat am "
          "Mittwoch den nordkoreanischen Machthaber Kim Jong Un auf dem Weltraumbahnhof Wostotschny empfangen. "
          "Die beiden Staatschefs unterzeichneten nach Angaben des Kremls eine Vereinbarung.\n").encode()


@pytest.fixture
def page(browser, server):
    context = browser.new_context(viewport={"width": 1400, "height": 1800})
    page = context.new_page()
    page.outside_requests, page.dialogs = [], []

    def outside(url: str) -> bool:
        return not url.startswith(("http://127.0.0.1", "ws://127.0.0.1", "data:", "blob:"))

    def block(route):
        page.outside_requests.append(route.request.url)
        route.abort()

    def on_dialog(dialog):
        page.dialogs.append(dialog.message)
        dialog.dismiss()

    # only outside requests are intercepted (a catch-all route with continue_() can stall uploads)
    page.route(outside, block)
    page.on("dialog", on_dialog)
    page.goto(server)
    page.wait_for_selector(".js-plotly-plot .scatterlayer .point", timeout=90_000)
    yield page
    context.close()


def upload(page, name: str, data: bytes) -> None:
    page.get_by_text("Add articles", exact=False).first.click()
    page.locator('[data-testid="stFileUploader"] input[type="file"]').first.set_input_files(
        files=[{"name": name, "mimeType": "text/plain", "buffer": data}])
    page.get_by_text(re.compile(rf"^{re.escape(name)}: 1 article")).wait_for(timeout=60_000)


def nothing_ran(page) -> None:
    flags = page.evaluate("[window.__pwned_img, window.__pwned_script, window.__pwned_body]")
    assert flags == [None, None, None]
    assert page.dialogs == []
    assert page.locator('img[src="x"]').count() == 0
    assert page.evaluate("[...document.scripts].some(s => s.text.includes('__pwned'))") is False
    assert page.outside_requests == []


def test_browser_security_script_and_onerror_in_an_article_never_run(page, tmp_path):
    upload(page, "hostile.txt", HOSTILE)
    nothing_ran(page)
    # only the hostile article's event: the search box filters the page to it
    search = page.get_by_test_id("stSidebarUserContent").get_by_role("textbox", name="Search")
    search.fill("quokka")
    search.press("Enter")
    page.wait_for_function(
        "() => document.querySelector('[data-testid=\"stMetricValue\"]').innerText.trim() === '1'", timeout=30_000)
    # its hover label: the markup is shown as text
    point = page.locator(".js-plotly-plot").first.locator(".scatterlayer .point").first
    point.wait_for(state="visible", timeout=30_000)  # the chart is redrawn after the metric changes
    point.hover(force=True)
    label = page.locator(".hoverlayer .hovertext").first
    label.wait_for(timeout=10_000)
    assert "<img src=x onerror" in label.text_content() or "<script>" in label.text_content()
    assert label.locator("img, script").count() == 0
    # its article, highlighted: the payload appears as literal text
    page.get_by_text("Article", exact=True).first.scroll_into_view_if_needed()
    article = page.locator(".tl-article").first
    article.wait_for(timeout=30_000)
    if "quokka" not in article.inner_text():
        box = page.locator('[data-testid="stSelectbox"]').filter(has_text="Article")
        box.click()
        page.get_by_role("option", name=re.compile("Quokka summit")).click()
        page.wait_for_function("() => document.querySelector('.tl-article').innerText.includes('quokka')",
                               timeout=30_000)
    assert SCRIPT in article.inner_text()
    assert article.locator("img, script").count() == 0
    page.get_by_text(re.compile(r"<img src=x onerror=.*Quokka summit")).first.wait_for(timeout=10_000)
    nothing_ran(page)
    page.screenshot(path=str(tmp_path / "hostile.png"), full_page=True)
    assert (tmp_path / "hostile.png").stat().st_size > 50_000


def test_browser_security_article_in_another_language_says_english_is_read(page):
    upload(page, "nachrichten.txt", GERMAN)
    page.get_by_text(re.compile(r"nachrichten\.txt: 1 article.*0 events")).first.wait_for(timeout=10_000)
    page.get_by_text(re.compile(r"English")).first.wait_for(timeout=5_000)
