"""Many users at once (issue #9, point 5): concurrent real browser sessions against one local Streamlit server.

    python benchmarks/load.py                          # 20 sessions for 120 s on a server it starts
    python benchmarks/load.py --sessions 8 --duration 60
    python benchmarks/load.py --url http://127.0.0.1:8501 --pid 1234   # a running server (RSS from its pid)
    python benchmarks/load.py --events big.parquet     # the page loads these event rows too (TIMELINE_EVENTS)

Each session is its own browser context (own cookies, own Streamlit session) in one headless Debian
Chromium; every request outside 127.0.0.1 is blocked. A session loops until the time is up: it changes a
filter (an actor, the search box, the timeline lanes, "Reset all filters") or uploads a new small article
through the page's uploader, and times the re-render; every third action it downloads the CSV and checks
that its rows are the page's event count.

Re-render time: from the action to the moment the app's script state (``stApp[data-test-script-state]``,
watched by a MutationObserver in the page) is back to notRunning, in the browser's own clock. Errors: a
timed-out or failed action, an uncaught page error, a Streamlit exception box, a wrong CSV. Prints
p50/p95/max re-render time, the errors (0 is the goal), and the server's resident memory at the start, the
peak seen, and the end.
"""
from __future__ import annotations

import argparse
import asyncio
import csv
import io
import os
import random
import re
import socket
import statistics
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-dev-shm-usage"]
ACTORS = ["Kim Jong Un", "Vladimir Putin", "Sergei Lavrov", "Xi Jinping", "Donald Trump", "Moon Jae-in",
          "Sergei Shoigu", "Joe Biden", "Choe Son Hui"]   # actors of the sample articles
WORDS = ["summit", "treaty", "Pyongyang", "visit", "Moscow", "agreement", "troops", ""]
WATCH = """() => {
  window.__runs = [];
  const app = document.querySelector('[data-testid="stApp"]');
  const note = () => window.__runs.push({t: performance.now(), s: app.getAttribute('data-test-script-state')});
  note();
  new MutationObserver(note).observe(app, {attributes: true, attributeFilter: ['data-test-script-state']});
}"""


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def rss_mb(pid: int) -> float:
    """Resident memory of the process and its children, in MB."""
    total = 0
    pids = [pid]
    try:
        pids += [int(p) for p in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]
    except OSError:
        pass
    for p in pids:
        try:
            for line in Path(f"/proc/{p}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    total += int(line.split()[1])
        except OSError:
            pass
    return total / 1024


def start_server(events: str | None) -> tuple[subprocess.Popen, str]:
    port = free_port()
    env = dict(os.environ)
    if events:
        env["TIMELINE_EVENTS"] = str(Path(events).resolve())
    proc = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", "dashboard.py", "--server.port", str(port),
         "--server.address", "127.0.0.1", "--server.headless", "true", "--browser.gatherUsageStats", "false"],
        cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    deadline = time.time() + 120
    while time.time() < deadline:
        try:
            if urllib.request.urlopen(f"{url}/_stcore/health", timeout=2).read() == b"ok":
                return proc, url
        except OSError:
            time.sleep(0.5)
    proc.kill()
    raise SystemExit("streamlit did not start")


class Stats:
    def __init__(self):
        self.renders: list[float] = []
        self.loads: list[float] = []              # first page load, to the charts drawn
        self.actions: dict[str, int] = {}
        self.errors: list[str] = []
        self.downloads = 0
        self.sessions_up = 0


async def events_shown(page) -> int:
    text = await page.locator('[data-testid="stMetricValue"]').first.inner_text()
    return int(text.strip().replace(",", ""))


async def timed(page, action, timeout_ms: int) -> float:
    """Run *action*, then wait for the rerun it causes to finish; seconds, in the page's clock.

    Like a person, the session first waits for the page to settle (no run for half a second): an action
    sent while a run is still drawing the previous state would time the two together."""
    await page.wait_for_function(
        "() => { const r = window.__runs[window.__runs.length - 1];"
        " return r.s === 'notRunning' && performance.now() - r.t > 500; }", timeout=timeout_ms, polling=100)
    t0 = await page.evaluate("performance.now()")
    await action()
    # the rerun starts (the state leaves notRunning after t0) and then ends (back to notRunning)
    await page.wait_for_function(
        """t0 => { const r = window.__runs.filter(x => x.t > t0);
                   return r.some(x => x.s !== 'notRunning') && r.length && r[r.length - 1].s === 'notRunning'; }""",
        arg=t0, timeout=timeout_ms, polling=50)
    t1 = await page.evaluate("window.__runs[window.__runs.length - 1].t")
    return (t1 - t0) / 1000


async def session(n: int, browser, url: str, until: float, stats: Stats, rng: random.Random, timeout_ms: int):
    context = await browser.new_context(viewport={"width": 1400, "height": 1600}, accept_downloads=True)
    page = await context.new_page()

    async def only_local(route):
        if route.request.url.startswith(("http://127.0.0.1", "ws://127.0.0.1", "data:", "blob:")):
            await route.continue_()
        else:
            stats.errors.append(f"session {n}: outside request {route.request.url}")
            await route.abort()

    page.on("pageerror", lambda err: stats.errors.append(f"session {n}: page error {err}"))
    await page.route("**/*", only_local)
    try:
        opened = time.monotonic()
        await page.goto(url, timeout=timeout_ms)
        await page.wait_for_selector(".js-plotly-plot .scatterlayer .point", timeout=max(timeout_ms, 180_000))
        await page.evaluate(WATCH)
        stats.loads.append(time.monotonic() - opened)
        stats.sessions_up += 1
    except Exception as err:  # noqa: BLE001 - a load test counts every failure
        stats.errors.append(f"session {n}: page did not load ({type(err).__name__}: {str(err)[:120]})")
        await context.close()
        return
    sidebar = page.get_by_test_id("stSidebarUserContent")
    step = 0
    chosen: set[str] = set()          # actors picked since the last reset: every action must change the page
    lane = "event type"
    previous = None
    while time.monotonic() < until:
        step += 1
        kind = rng.choice(["actor", "actor", "search", "lanes", "reset", "upload"])
        if kind == "actor" and len(chosen) >= 3:
            kind = "reset"
        try:
            if kind == "actor":
                name = rng.choice([a for a in ACTORS if a not in chosen])
                chosen.add(name)
                box = page.locator('[data-testid="stMultiSelect"]').filter(has_text="Actors").locator("input")

                async def act(box=box, name=name):
                    await box.click()
                    await page.keyboard.type(name)
                    await page.keyboard.press("Enter")
                    await page.keyboard.press("Escape")
            elif kind == "search":
                word = rng.choice(WORDS)
                field = sidebar.get_by_role("textbox", name="Search")

                async def act(field=field, word=word):
                    await field.fill(word + (" " if await field.input_value() == word else ""))
                    await field.press("Enter")
            elif kind == "lanes":
                choice = lane = rng.choice([x for x in ("actor", "event type", "country") if x != lane])

                async def act(choice=choice):
                    await sidebar.get_by_text(choice, exact=True).click()
            elif kind == "upload":     # a new small article each time: memory must stay bounded over many
                name = f"load-{n}-{step}.txt"
                body = (f"Envoy visit {n}-{step}\nPublished: 2024-0{1 + step % 9}-1{step % 10}\n\nRussian Foreign "
                        f"Minister Sergei Lavrov met North Korean leader Kim Jong Un in Pyongyang on Monday, "
                        f"visit number {n}-{step}.\n").encode()
                uploader = page.locator('[data-testid="stFileUploader"] input[type="file"]').first

                async def act(uploader=uploader, name=name, body=body):
                    await uploader.set_input_files(files=[{"name": name, "mimeType": "text/plain", "buffer": body}])
            else:
                chosen.clear()

                async def act():
                    await sidebar.get_by_role("button", name="Reset all filters").click()
            stats.renders.append(await timed(page, act, timeout_ms))
            stats.actions[kind] = stats.actions.get(kind, 0) + 1
            if await page.locator('[data-testid="stException"]').count():
                stats.errors.append(f"session {n}: exception shown after {kind}")
            if step % 3 == 0:
                shown = await events_shown(page)
                async with page.expect_download(timeout=timeout_ms) as info:
                    await page.get_by_role("button", name="Download CSV").click()
                download = await info.value
                rows = list(csv.DictReader(io.StringIO(Path(await download.path()).read_text(encoding="utf-8"))))
                if len(rows) != shown:
                    stats.errors.append(f"session {n}: CSV has {len(rows)} rows, the page shows {shown}")
                stats.downloads += 1
        except Exception as err:  # noqa: BLE001
            stats.errors.append(f"session {n}: step {step} {kind} (after {previous}) failed "
                                f"({type(err).__name__}: {str(err).splitlines()[0][:120]})")
        previous = kind
    await context.close()


async def run(args) -> int:
    from playwright.async_api import async_playwright

    proc = None
    url, pid = args.url, args.pid
    if url is None:
        proc, url = start_server(args.events)
        pid = proc.pid
    stats = Stats()
    memory = {"start": rss_mb(pid) if pid else float("nan"), "peak": 0.0}
    rng = random.Random(args.seed)
    try:
        async with async_playwright() as pw:
            browser = await pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            started = time.monotonic()
            until = started + args.ramp + args.duration

            async def sample_memory():
                while time.monotonic() < until:
                    if pid:
                        memory["peak"] = max(memory["peak"], rss_mb(pid))
                    await asyncio.sleep(1)

            async def delayed(n):
                await asyncio.sleep(n * args.ramp / max(1, args.sessions))
                await session(n, browser, url, until, stats, random.Random(rng.random()), args.timeout * 1000)

            await asyncio.gather(sample_memory(), *(delayed(n) for n in range(args.sessions)))
            elapsed = time.monotonic() - started
            await browser.close()
        memory["end"] = rss_mb(pid) if pid else float("nan")
    finally:
        if proc is not None:
            proc.terminate()
            proc.wait(timeout=30)
    renders = sorted(stats.renders)
    print(f"sessions: {args.sessions} requested, {stats.sessions_up} loaded; {elapsed:.0f} s "
          f"({args.ramp:g} s ramp-up + {args.duration:g} s)")
    print(f"actions: {len(renders)} re-renders ({', '.join(f'{k} {v}' for k, v in sorted(stats.actions.items()))}), "
          f"{stats.downloads} CSV downloads")
    if renders:
        p95 = renders[min(len(renders) - 1, int(0.95 * len(renders)))]
        print(f"re-render: p50 {statistics.median(renders):.2f} s, p95 {p95:.2f} s, max {renders[-1]:.2f} s")
    if stats.loads:
        loads = sorted(stats.loads)
        print(f"first load (to the charts drawn): p50 {statistics.median(loads):.1f} s, max {loads[-1]:.1f} s")
    print(f"errors: {len(stats.errors)}")
    for line in stats.errors[:20]:
        print(f"  {line}")
    print(f"server RSS: start {memory['start']:.0f} MB, peak {memory['peak']:.0f} MB, end {memory['end']:.0f} MB")
    return 1 if stats.errors or not renders else 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sessions", type=int, default=20, help="concurrent browser sessions (default 20)")
    parser.add_argument("--duration", type=float, default=120, help="seconds of load after the ramp-up (default 120)")
    parser.add_argument("--ramp", type=float, default=20, help="seconds over which the sessions start (default 20)")
    parser.add_argument("--timeout", type=float, default=90, help="seconds one action may take (default 90)")
    parser.add_argument("--url", help="a running server (default: start one on a free port)")
    parser.add_argument("--pid", type=int, help="the running server's pid, for its memory")
    parser.add_argument("--events", help="a .parquet/.csv of event rows for the page to load (TIMELINE_EVENTS)")
    parser.add_argument("--seed", type=int, default=9)
    args = parser.parse_args()
    if not re.match(r"^\d", str(args.sessions)) or args.sessions < 1:
        parser.error("--sessions must be at least 1")
    return asyncio.run(run(args))


if __name__ == "__main__":
    sys.exit(main())
