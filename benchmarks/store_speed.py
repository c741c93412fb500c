"""Event store speed: filter queries on a 1,000,000-event store, and exports.

    python benchmarks/store_speed.py [N_EVENTS]      # default 1000000

Builds a store of synthetic events (benchmarks/synth.py) in a temporary
folder, then times 100 random filters (seeded) the way the page runs them:
the visible rows (first 500), the total count, and the aggregates it draws
(the actor facet, the monthly histogram). Prints p50/p95 per kind, then the
CSV export of every row (EventStore.to_csv: each row's CSV line is stored when
the row is written, so the export reads one column; byte-identical to
export.to_csv), the Parquet export, and the pandas export.to_csv of the same
rows for reference (PANDAS_CSV=0 skips it). benchmarks/csv_export_speed.py
compares the other ways of writing the CSV.
"""
from __future__ import annotations

import datetime as dt
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import synth  # noqa: E402

from timeline import export, schema  # noqa: E402
from timeline.filters import Filters  # noqa: E402
from timeline.store import EventStore  # noqa: E402


def random_filters(rng: random.Random, actors, places, countries) -> Filters:
    kw = {}
    if rng.random() < 0.5:
        start = dt.date(2015, 1, 1) + dt.timedelta(days=rng.randrange(0, 3650))
        kw["date_from"] = start
        kw["date_to"] = start + dt.timedelta(days=rng.choice([7, 30, 90, 365, 1000]))
    if rng.random() < 0.4:
        kw["actors"] = tuple(rng.sample(actors, rng.randint(1, 3)))
    if rng.random() < 0.3:
        kw["countries"] = tuple(rng.sample(countries, rng.randint(1, 2)))
    if rng.random() < 0.15:
        kw["places"] = (rng.choice(places),)
    if rng.random() < 0.3:
        kw["event_types"] = tuple(rng.sample(list(schema.EVENT_TYPES), rng.randint(1, 3)))
    if rng.random() < 0.2:
        kw["status"] = (rng.choice(schema.STATUSES),)
    if rng.random() < 0.25:
        kw["text"] = rng.choice(["summit", "Putin", "vladivostok", "talks", "said", "Reuters", "october", "xi"])
    if rng.random() < 0.2:
        kw["min_confidence"] = rng.choice([0.3, 0.5, 0.8])
    return Filters(**kw)


def pct(values, q):
    values = sorted(values)
    return values[min(len(values) - 1, int(round(q / 100 * (len(values) - 1))))]


def page_speed(db: Path, chosen: list) -> None:
    """What the page on the store (timeline/ui/stored.py) computes for one view, uncached: its rows (the
    first 5,000), count and summary; the timeline's counts per lane and period; the map's per place."""
    import logging

    logging.getLogger("streamlit").setLevel(logging.ERROR)
    from timeline.ui import stored

    def raw(cached):
        return getattr(cached, "__wrapped__", cached)

    version = EventStore(db).version()
    t = time.perf_counter()
    raw(stored.facets)(str(db), version)
    print(f"the page on this store: filter lists and date range {1000 * (time.perf_counter() - t):.0f} ms "
          "(once per store version, shared by all sessions)")
    steps = {"view (rows, count, summary)": lambda f: raw(stored.view)(str(db), version, repr(f), f),
             "timeline aggregates": lambda f: raw(stored.timeline_figure)(str(db), version, repr(f), f, "event type"),
             "map aggregates": lambda f: raw(stored.map_figure)(str(db), version, repr(f), f, "events")}
    times = {k: [] for k in [*steps, "page total"]}
    for f in chosen:
        total = 0.0
        for name, step in steps.items():
            t = time.perf_counter()
            step(f)
            took = (time.perf_counter() - t) * 1000
            times[name].append(took)
            total += took
        times["page total"].append(total)
    print(f"  {len(chosen)} filters, as the page computes them for a new view:")
    for key, values in times.items():
        print(f"  {key:<28} p50 {pct(values, 50):7.1f} ms   p95 {pct(values, 95):7.1f} ms")


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 1_000_000
    folder = Path(tempfile.mkdtemp(prefix="store-speed-"))
    db = folder / "events.duckdb"
    t = time.perf_counter()
    frame = synth.make_events(n, seed=42)
    t_synth = time.perf_counter() - t
    store = EventStore(db)
    t = time.perf_counter()
    store.put_events(frame, replace=True)
    t_load = time.perf_counter() - t
    print(f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    print(f"events: {n:,}  synthetic frame {t_synth:.1f} s, loaded into the store in {t_load:.1f} s, "
          f"file {db.stat().st_size / 1e6:.0f} MB")

    rng = random.Random(7)
    actors = [a for a, _ in synth.LEADERS] + sorted(set(frame["actor1"].dropna()))[:200]
    places = sorted(set(frame["location"].dropna()))
    countries = sorted(set(frame["country"].dropna()))
    del frame
    # the store file was just written: let the kernel finish writing it back first, as it has long
    # before anyone filters a store built yesterday (otherwise the flush competes with every timing)
    t = time.perf_counter()
    os.sync()
    print(f"(flushed the new store file to disk in {time.perf_counter() - t:.1f} s before timing)")
    chosen = [random_filters(rng, actors, places, countries) for _ in range(100)]
    store.count()  # open the file once, as a running page has
    times = {"rows (first 500)": [], "count": [], "actor facet": [], "month histogram": [], "page total": [],
             "all matching rows": []}
    matched = []
    for f in chosen:
        t0 = time.perf_counter()
        store.query(f, limit=500)
        t1 = time.perf_counter()
        matched.append(store.count(f))
        t2 = time.perf_counter()
        store.counts("actors", f, limit=50)
        t3 = time.perf_counter()
        store.date_histogram(f, "month")
        t4 = time.perf_counter()
        store.query(f)
        t5 = time.perf_counter()
        for key, value in zip(times, (t1 - t0, t2 - t1, t3 - t2, t4 - t3, t4 - t0, t5 - t4)):
            times[key].append(value * 1000)
    print(f"100 random filters, matching {statistics.median(matched):,.0f} events at the median "
          f"(min {min(matched):,}, max {max(matched):,})")
    for key, values in times.items():
        print(f"  {key:<20} p50 {pct(values, 50):7.1f} ms   p95 {pct(values, 95):7.1f} ms")
    page_speed(db, chosen[:30])

    out = folder / "all.csv"
    csv_times = []
    for i in range(5):
        if i:
            out.unlink()
            os.sync()  # each export writes a new file onto a quiet disk, not over the last one's write-back
        t = time.perf_counter()
        rows = store.to_csv(out)
        csv_times.append(time.perf_counter() - t)
    size = out.stat().st_size
    print(f"CSV export of all {rows:,} rows (EventStore.to_csv), 5 runs: median {statistics.median(csv_times):.2f} s "
          f"({', '.join(f'{x:.2f}' for x in csv_times)} s), {size / 1e6:.0f} MB, load {os.getloadavg()[0]:.1f}")
    # the floor: writing the same number of bytes from memory, no store involved (the disk here varies
    # between runs by 2-3x, the first write of a session most)
    out.unlink()
    os.sync()
    blob = b"x" * size
    t = time.perf_counter()
    out.write_bytes(blob)
    print(f"reference: writing {size / 1e6:.0f} MB from memory to a new file: {time.perf_counter() - t:.2f} s")
    del blob
    out.unlink()
    store.to_csv(out)
    t = time.perf_counter()
    rows = store.to_parquet(folder / "all.parquet")
    print(f"Parquet export of all {rows:,} rows: {time.perf_counter() - t:.2f} s")
    if os.environ.get("PANDAS_CSV", "1") == "1":
        everything = store.query()
        t = time.perf_counter()
        data = export.to_csv(everything)
        print(f"reference: export.to_csv (pandas) of the same rows: {time.perf_counter() - t:.2f} s, "
              f"identical bytes: {data == out.read_bytes()}")
    for p in folder.iterdir():
        p.unlink()
    folder.rmdir()


if __name__ == "__main__":
    main()
