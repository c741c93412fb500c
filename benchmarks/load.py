"""Many users at once (issue #9, point 5): concurrent real browser sessions against one local Streamlit server.

    python benchmarks/load.py                          # 20 sessions, 120 s of load, on a server it starts
    python benchmarks/load.py --sessions 8 --duration 60
    python benchmarks/load.py --url http://127.0.0.1:8501 --pid 1234   # a running server (RSS from its pid)
    python benchmarks/load.py --events big.parquet     # the page loads these event rows too (TIMELINE_EVENTS)

Each session is its own browser context (own cookies, own Streamlit session) in one headless Debian
Chromium; every request outside 127.0.0.1 is blocked. The sessions open the page over the ramp-up; when
every one of them has loaded, the --duration seconds of load begin, in which each session loops: it
changes a filter (an actor, the search box, the timeline lanes, "Reset all filters") or uploads a new
small article through the page's uploader, and times the re-render; every third action it downloads the
CSV and checks that its rows are the page's event count.

Ready: like a person, a session acts only on a page that is drawn and idle: connected, no script run in
flight, no stale element, both charts drawn (the map's base layer included) and no DOM change for
half a second.

Rerun: the page's websocket is watched (an init script wraps ``WebSocket``) and every ForwardMsg is read
for ``new_session`` (a script run starts) and ``script_finished`` (it ends, and how). An action has
re-rendered when a run started after it, the last message is that run's successful end, and the page
is ready again; its re-render time runs from the action to the last DOM change of that re-render, in
the browser's own clock. (The app's ``data-test-script-state`` attribute alone misses reruns: when the
browser receives "running" and "finished" in one batch, React renders both in one commit and the
attribute never leaves notRunning.)

Errors: an action or CSV download that does not complete within --timeout, a first page load not drawn
within --load-timeout; a run that ends
in an error; an uncaught page error; a Streamlit exception box; a closed websocket; an upload the page
does not report; a CSV whose rows are not the page's count. Prints p50/p95/max re-render time, the
errors (0 is the goal), and the server's resident memory at the start, the peak seen, the end, and when
every session had loaded (so the growth over the load itself shows).

The server it starts watches no files (``--server.fileWatcherType none``, as in .streamlit/config.toml):
with a watcher, an edit anywhere in the package during the run makes Streamlit evict every project module,
and the sessions' concurrent reruns re-importing them fail.
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
LANES = ["actor", "event type", "country"]
QUIET_MS = 500          # no DOM change for this long: the page is drawn

# Installed in every page before Streamlit's own scripts run. ForwardMsg (streamlit/proto/ForwardMsg.proto)
# top-level fields: 4 new_session (a script run starts), 6 script_finished (enum: 0 successfully,
# 1 with a compile error, 2 early for a rerun, 3 a fragment run successfully).
WATCH = r"""(() => {
  const log = window.__load = {runs: [], mutated: performance.now(), closed: 0};
  const varint = (b, i) => { let v = 0, s = 1, x; do { x = b[i++]; v += (x & 0x7f) * s; s *= 128; } while (x & 0x80); return [v, i]; };
  const kind = b => {
    let i = 0, key, v, n;
    while (i < b.length) {
      [key, i] = varint(b, i);
      const field = Math.floor(key / 8), wire = key & 7;
      if (wire === 0) { [v, i] = varint(b, i); if (field === 6) return {k: 'finished', v}; }
      else if (wire === 2) { [n, i] = varint(b, i); if (field === 4) return {k: 'started'}; i += n; }
      else if (wire === 1) i += 8;
      else if (wire === 5) i += 4;
      else return null;
    }
    return null;
  };
  const Native = window.WebSocket;
  window.WebSocket = class extends Native {
    constructor(...args) {
      super(...args);
      this.addEventListener('message', e => {
        if (!(e.data instanceof ArrayBuffer)) return;
        const k = kind(new Uint8Array(e.data));
        if (k) { k.t = performance.now(); log.runs.push(k); }
      });
      this.addEventListener('close', () => { log.closed += 1; });
    }
  };
  new MutationObserver(() => { log.mutated = performance.now(); })
    .observe(document, {subtree: true, childList: true, attributes: true, characterData: true});
})();"""

# the page is drawn and idle (see the module docstring); `since`: only runs after this time count
DRAWN = """(() => {
  const app = document.querySelector('[data-testid="stApp"]');
  if (!app || app.getAttribute('data-test-connection-state') !== 'CONNECTED') return false;
  if (app.getAttribute('data-test-script-state') !== 'notRunning') return false;
  if (document.querySelector('[data-stale="true"]')) return false;
  const plots = Array.from(document.querySelectorAll('.js-plotly-plot'));
  if (plots.length < 2 || !plots.every(g => g._fullLayout)) return false;
  if (!plots.some(g => g.querySelector('.geo .countries path'))) return false;
  return true;
})()"""
READY = "() => { const log = window.__load; const last = log.runs[log.runs.length - 1];" \
        " return !!last && last.k === 'finished' && " + DRAWN + \
        f" && performance.now() - log.mutated > {QUIET_MS}; }}"
RERUN = """t0 => {
  const log = window.__load, QUIET = """ + str(QUIET_MS) + """;
  const runs = log.runs.filter(r => r.t > t0);
  if (!runs.some(r => r.k === 'started')) return false;
  const last = runs[runs.length - 1];
  if (last.k !== 'finished') return false;
  if (last.v === 1) return {failed: 'the run ended with a compile error'};
  if (last.v === 2) return false;                      // cut short by a newer run, which will follow
  if (performance.now() - log.mutated > QUIET && document.querySelector('[data-testid="stException"]'))
    return {failed: 'the run ended with an exception shown'};
  if (!(""" + DRAWN + """) || performance.now() - log.mutated <= QUIET) return false;
  return {end: Math.max(last.t, log.mutated)};
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


def start_server(events: str | None, log: str | None = None) -> tuple[subprocess.Popen, str]:
    port = free_port()
    env = dict(os.environ)
    if events:
        env["TIMELINE_EVENTS"] = str(Path(events).resolve())
    proc = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", "dashboard.py", "--server.port", str(port),
         "--server.address", "127.0.0.1", "--server.headless", "true", "--browser.gatherUsageStats", "false",
         # never re-import the package under the sessions: an edit in the working tree during the run would
         # make Streamlit evict every project module, and 20 concurrent reruns re-importing them race
         "--server.fileWatcherType", "none", "--server.runOnSave", "false"],
        cwd=ROOT, env=env, stdout=open(log, "w") if log else subprocess.DEVNULL, stderr=subprocess.STDOUT)
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
    def __init__(self, sessions: int, duration: float):
        self.renders: list[float] = []
        self.loads: list[float] = []              # first page load, to the page drawn and idle
        self.actions: dict[str, int] = {}
        self.errors: list[str] = []
        self.downloads = 0
        self.sessions_up = 0
        self.pending = sessions                   # sessions still loading
        self.all_loaded = asyncio.Event()         # the load phase is over: the clock of --duration starts
        self.duration = duration
        self.until = float("inf")

    def loaded(self, ok: bool, duration: float) -> None:
        if ok:
            self.sessions_up += 1
            self.loads.append(duration)
        self.pending -= 1
        if self.pending == 0:
            self.until = time.monotonic() + self.duration
            self.all_loaded.set()


STATE = """() => {
  const log = window.__load, app = document.querySelector('[data-testid="stApp"]'), now = performance.now();
  const runs = log.runs.slice(-4).map(r => `${r.k}${r.v === undefined ? '' : r.v} ${((now - r.t) / 1000).toFixed(1)} s ago`);
  return `page: runs [${runs.join(', ')}], script ${app && app.getAttribute('data-test-script-state')}, `
    + `connection ${app && app.getAttribute('data-test-connection-state')}, `
    + `${document.querySelectorAll('[data-stale="true"]').length} stale, `
    + `${document.querySelectorAll('.js-plotly-plot').length} charts, last DOM change ${((now - log.mutated) / 1000).toFixed(1)} s ago, `
    + `websocket closed ${log.closed}x`;
}"""


async def page_state(page) -> str:
    """What the page looks like now, for an error message."""
    try:
        return await page.evaluate(STATE)
    except Exception as err:  # noqa: BLE001
        return f"page state unknown ({type(err).__name__})"


async def events_shown(page) -> int:
    text = await page.locator('[data-testid="stMetricValue"]').first.inner_text()
    return int(text.strip().replace(",", ""))


class NotDone(Exception):
    """A wait that timed out, named."""


async def wait_ready(page, timeout_ms: int, what: str = "the page was not drawn and idle") -> None:
    from playwright.async_api import TimeoutError as Timeout

    try:
        await page.wait_for_function(READY, timeout=timeout_ms, polling=100)
    except Timeout:
        raise NotDone(f"{what} within {timeout_ms / 1000:g} s") from None


async def timed(page, commit, timeout_ms: int) -> float:
    """*commit* (the one step that sends the change), then wait for the rerun it causes to be drawn;
    seconds, in the page's clock. Raises if no rerun is drawn within the timeout or the run failed."""
    t0 = await page.evaluate("performance.now()")
    closed = await page.evaluate("window.__load.closed")
    await commit()
    from playwright.async_api import TimeoutError as Timeout

    try:
        handle = await page.wait_for_function(RERUN, arg=t0, timeout=timeout_ms, polling=50)
    except Timeout:
        raise NotDone(f"no rerun drawn within {timeout_ms / 1000:g} s") from None
    result = await handle.json_value()
    if await page.evaluate("window.__load.closed") != closed:
        raise RuntimeError("the page's websocket closed during the action")
    if "failed" in result:
        raise RuntimeError(result["failed"])
    return (result["end"] - t0) / 1000


async def checked_lane(sidebar, timeout_ms: int) -> str:
    radio = sidebar.locator('[data-testid="stRadio"]').filter(has_text="Timeline lanes")
    label = radio.locator("label").filter(has=radio.page.locator("input:checked"))
    return (await label.inner_text(timeout=timeout_ms)).strip()


async def session(n: int, browser, url: str, stats: Stats, rng: random.Random, timeout_ms: int,
                  load_timeout_ms: int):
    context = await browser.new_context(viewport={"width": 1400, "height": 1600}, accept_downloads=True)
    await context.add_init_script(WATCH)
    page = await context.new_page()

    async def only_local(route):
        if route.request.url.startswith(("http://127.0.0.1", "ws://127.0.0.1", "data:", "blob:")):
            await route.continue_()
        else:
            stats.errors.append(f"session {n}: outside request {route.request.url}")
            await route.abort()

    page.on("pageerror", lambda err: stats.errors.append(f"session {n}: page error {err}"))
    await page.route("**/*", only_local)
    opened = time.monotonic()
    try:
        await page.goto(url, timeout=load_timeout_ms)
        await wait_ready(page, load_timeout_ms)
        stats.loaded(True, time.monotonic() - opened)
    except Exception as err:  # noqa: BLE001 - a load test counts every failure
        stats.errors.append(f"session {n}: page did not load ({type(err).__name__}: {str(err).splitlines()[0][:120]}; "
                            f"{await page_state(page)})")
        stats.loaded(False, 0)
        await context.close()
        return
    await stats.all_loaded.wait()
    sidebar = page.get_by_test_id("stSidebarUserContent")
    step = 0
    chosen: set[str] = set()          # actors picked since the last reset: every action must change the page
    previous = None
    while time.monotonic() < stats.until:
        step += 1
        kind = rng.choice(["actor", "actor", "search", "lanes", "reset", "upload"])
        if kind == "actor" and len(chosen) >= 3:
            kind = "reset"
        done = None
        try:
            await wait_ready(page, timeout_ms, "the page was not drawn and idle before the action")
            if kind == "actor":
                name = rng.choice([a for a in ACTORS if a not in chosen])
                box = page.locator('[data-testid="stMultiSelect"]').filter(has_text="Actors").locator("input")
                await box.click(timeout=timeout_ms)
                await page.keyboard.type(name)
                option = page.get_by_role("option", name=re.compile(rf"^{re.escape(name)} \(\d+\)$"))
                await option.wait_for(timeout=timeout_ms)
                chosen.add(name)

                async def commit(option=option):
                    await option.click(timeout=timeout_ms)

                async def done():
                    await page.keyboard.press("Escape")
            elif kind == "search":
                word = rng.choice(WORDS)
                field = sidebar.get_by_role("textbox", name="Search")
                current = await field.input_value(timeout=timeout_ms)
                await field.fill(word + (" " if current == word else ""), timeout=timeout_ms)

                async def commit(field=field):
                    await field.press("Enter", timeout=timeout_ms)
            elif kind == "lanes":
                lane = await checked_lane(sidebar, timeout_ms)
                choice = rng.choice([x for x in LANES if x != lane])

                async def commit(choice=choice):
                    await sidebar.get_by_text(choice, exact=True).click(timeout=timeout_ms)
            elif kind == "upload":     # a new small article each time: memory must stay bounded over many
                name = f"load-{n}-{step}.txt"
                body = (f"Envoy visit {n}-{step}\nPublished: 2024-0{1 + step % 9}-1{step % 10}\n\nRussian Foreign "
                        f"Minister Sergei Lavrov met North Korean leader Kim Jong Un in Pyongyang on Monday, "
                        f"visit number {n}-{step}.\n").encode()
                uploader = page.locator('[data-testid="stFileUploader"] input[type="file"]').first

                async def commit(uploader=uploader, name=name, body=body):
                    await uploader.set_input_files(files=[{"name": name, "mimeType": "text/plain", "buffer": body}],
                                                   timeout=timeout_ms)

                async def done(name=name):
                    report = page.get_by_text(re.compile(rf"^{re.escape(name)}: 1 article, \d+ events? found$"))
                    if not await report.count():
                        raise RuntimeError(f"the page does not report the upload {name}")
            else:
                chosen.clear()

                async def commit():
                    await sidebar.get_by_role("button", name="Reset all filters").click(timeout=timeout_ms)
            stats.renders.append(await timed(page, commit, timeout_ms))
            stats.actions[kind] = stats.actions.get(kind, 0) + 1
            if done is not None:
                await done()
            if await page.locator('[data-testid="stException"]').count():
                stats.errors.append(f"session {n}: exception shown after {kind}")
            if step % 3 == 0:
                await wait_ready(page, timeout_ms, "the page was not drawn and idle before the download")
                shown = await events_shown(page)
                async with page.expect_download(timeout=timeout_ms) as info:
                    await page.get_by_role("button", name="Download CSV").click(timeout=timeout_ms)
                download = await info.value
                rows = list(csv.DictReader(io.StringIO(Path(await download.path()).read_text(encoding="utf-8"))))
                if len(rows) != shown:
                    stats.errors.append(f"session {n}: CSV has {len(rows)} rows, the page shows {shown}")
                stats.downloads += 1
        except Exception as err:  # noqa: BLE001
            stats.errors.append(f"session {n}: step {step} {kind} (after {previous}) failed "
                                f"({type(err).__name__}: {str(err).splitlines()[0][:120]}; {await page_state(page)})")
        previous = kind
    await context.close()


async def run(args) -> int:
    from playwright.async_api import async_playwright

    proc = None
    url, pid = args.url, args.pid
    if url is None:
        proc, url = start_server(args.events, args.server_log)
        pid = proc.pid
    stats = Stats(args.sessions, args.duration)
    memory = {"start": rss_mb(pid) if pid else float("nan"), "peak": 0.0, "loaded": float("nan")}
    rng = random.Random(args.seed)
    try:
        async with async_playwright() as pw:
            browser = await pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            started = time.monotonic()
            finished = asyncio.Event()

            async def sample_memory():
                while not finished.is_set():
                    if pid:
                        memory["peak"] = max(memory["peak"], rss_mb(pid))
                    await asyncio.sleep(1)

            async def loaded_memory():
                await stats.all_loaded.wait()
                if pid:
                    memory["loaded"] = rss_mb(pid)

            async def delayed(n):
                await asyncio.sleep(n * args.ramp / max(1, args.sessions))
                await session(n, browser, url, stats, random.Random(rng.random()), int(args.timeout * 1000),
                              int(max(args.timeout, args.load_timeout) * 1000))

            sampler = asyncio.create_task(sample_memory())
            await asyncio.gather(loaded_memory(), *(delayed(n) for n in range(args.sessions)))
            loaded_after = stats.until - args.duration - started
            elapsed = time.monotonic() - started
            finished.set()
            await sampler
            await browser.close()
        memory["end"] = rss_mb(pid) if pid else float("nan")
    finally:
        if proc is not None:
            proc.terminate()
            proc.wait(timeout=30)
    renders = sorted(stats.renders)
    print(f"sessions: {args.sessions} requested, {stats.sessions_up} loaded; {elapsed:.0f} s "
          f"({loaded_after:.0f} s to load them all, {args.ramp:g} s ramp-up, then {args.duration:g} s of load)")
    print(f"actions: {len(renders)} re-renders ({', '.join(f'{k} {v}' for k, v in sorted(stats.actions.items()))}), "
          f"{stats.downloads} CSV downloads")
    if renders:
        p95 = renders[min(len(renders) - 1, int(0.95 * len(renders)))]
        print(f"re-render: p50 {statistics.median(renders):.2f} s, p95 {p95:.2f} s, max {renders[-1]:.2f} s")
    if stats.loads:
        loads = sorted(stats.loads)
        print(f"first load (to the page drawn and idle): p50 {statistics.median(loads):.1f} s, max {loads[-1]:.1f} s")
    print(f"errors: {len(stats.errors)}")
    for line in stats.errors[:20]:
        print(f"  {line}")
    print(f"server RSS: start {memory['start']:.0f} MB, peak {memory['peak']:.0f} MB, end {memory['end']:.0f} MB "
          f"({memory['loaded']:.0f} MB when every session had loaded)")
    return 1 if stats.errors or not renders else 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sessions", type=int, default=20, help="concurrent browser sessions (default 20)")
    parser.add_argument("--duration", type=float, default=120,
                        help="seconds of load once every session has loaded (default 120)")
    parser.add_argument("--ramp", type=float, default=20, help="seconds over which the sessions start (default 20)")
    parser.add_argument("--timeout", type=float, default=90,
                        help="seconds one action or CSV download may take (default 90)")
    parser.add_argument("--load-timeout", type=float, default=300,
                        help="seconds a session's first page load may take (default 300)")
    parser.add_argument("--url", help="a running server (default: start one on a free port)")
    parser.add_argument("--pid", type=int, help="the running server's pid, for its memory")
    parser.add_argument("--events", help="a .parquet/.csv of event rows for the page to load (TIMELINE_EVENTS)")
    parser.add_argument("--server-log", help="write the output of the server it starts to this file")
    parser.add_argument("--seed", type=int, default=9)
    args = parser.parse_args()
    if not re.match(r"^\d", str(args.sessions)) or args.sessions < 1:
        parser.error("--sessions must be at least 1")
    return asyncio.run(run(args))


if __name__ == "__main__":
    sys.exit(main())
