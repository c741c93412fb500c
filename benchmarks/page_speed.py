"""How fast the page re-renders with many events loaded, and how much each figure sends to the browser.

    python benchmarks/page_speed.py            # 100,000 synthetic events (benchmarks/synth.py)
    python benchmarks/page_speed.py 10000

The events go to the page through TIMELINE_EVENTS (a Parquet file of event rows, loaded next to the
sample articles); streamlit.testing's AppTest runs dashboard.py headless, as the server would. Each
step changes one control and times the script run that redraws the page: the filter, the facet
counts, both figures, the table, the exports and the article view. Goals (issue #6): a filter change
in at most 1 s, no figure over 5 MB.
"""
from __future__ import annotations

import datetime as dt
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

GOAL_SECONDS = 1.0
GOAL_BYTES = 5_000_000


def main(n: int = 100_000) -> int:
    from streamlit.testing.v1 import AppTest
    from synth import make_events

    events = make_events(n, seed=1)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "events.parquet"
        events.to_parquet(path)
        os.environ["TIMELINE_EVENTS"] = str(path)
        at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=600)
        start = time.perf_counter()
        at.run()
        first = time.perf_counter() - start
        if at.exception:
            print(at.exception)
            return 1
        frame = at.session_state["data"]["frame"][1]
        print(f"{len(frame):,} events loaded ({n:,} synthetic + the sample articles); first run "
              f"{first:.2f} s (reads the file, parses the samples, builds the facets)")

        def box(label):
            (found,) = [m for m in at.sidebar.multiselect if m.label.split(" (")[0] == label]
            return found

        steps = [
            ("rerun, nothing changed", lambda: None),
            ("event type filter: 'summit'", lambda: box("Event types").set_value(["summit"])),
            ("actor filter: + 'Vladimir Putin'", lambda: box("Actors").set_value(["Vladimir Putin"])),
            ("clear the actor filter", lambda: box("Actors").set_value([])),
            ("clear the type filter (all events)", lambda: box("Event types").set_value([])),
            ("timeline lanes: actor (all events)", lambda: at.sidebar.radio(key="lane").set_value("actor")),
            ("search 'Moscow'", lambda: at.sidebar.text_input(key="f_text").input("Moscow")),
            ("minimum confidence 0.5", lambda: at.sidebar.slider(key="f_conf").set_value(0.5)),
            ("reset, then dates 2017-01-01..2023-12-31", lambda: (
                at.sidebar.button(key="reset_filters").click().run(),
                at.sidebar.date_input(key="f_dates").set_value((dt.date(2017, 1, 1), dt.date(2023, 12, 31))))),
            ("reset all filters", lambda: at.sidebar.button(key="reset_filters").click()),
            ("lanes back to event type", lambda: at.sidebar.radio(key="lane").set_value("event type")),
        ]
        worst_time = worst_size = 0.0
        print(f"{'step':40} {'seconds':>8} {'rows':>8} {'timeline':>10} {'map':>10}")
        for name, action in steps:
            action()
            start = time.perf_counter()
            at.run()
            took = time.perf_counter() - start
            if at.exception:
                print(name, at.exception)
                return 1
            sizes = [len(c.proto.spec.encode("utf-8")) for c in at.get("plotly_chart")]
            rows = at.metric[0].value
            worst_time, worst_size = max(worst_time, took), max([worst_size, *sizes])
            print(f"{name:40} {took:8.2f} {rows:>8} {sizes[0] / 1e6:8.2f}MB {sizes[1] / 1e6:8.2f}MB")
        ok = worst_time <= GOAL_SECONDS and worst_size <= GOAL_BYTES
        print(f"slowest re-render {worst_time:.2f} s (goal {GOAL_SECONDS} s); largest figure "
              f"{worst_size / 1e6:.2f} MB (goal {GOAL_BYTES / 1e6:.0f} MB): {'OK' if ok else 'NOT MET'}")
        return 0 if ok else 2


if __name__ == "__main__":
    sys.exit(main(int(sys.argv[1]) if len(sys.argv) > 1 else 100_000))
