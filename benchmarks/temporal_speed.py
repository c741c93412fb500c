"""Speed of timeline.temporal.tag against dateparser.search_dates, in one process.

    python3 ../shared/bench/gen_corpus.py /tmp/bench-data      # ~450-word articles
    python3 benchmarks/temporal_speed.py /tmp/bench-data/corpus.jsonl [N_DATEPARSER] [REPEATS]

Prints articles/s for tag() over the whole corpus, articles/s for
dateparser.search_dates(languages=["en"], settings={"RELATIVE_BASE": anchor}) over
N_DATEPARSER articles spread evenly over the corpus (default 100; it is slow), their
ratio (wall clock, and CPU time of this process, which is steadier on a busy machine),
the import time of timeline.temporal (in a fresh interpreter), and the time tag()
takes on 1 MB of text, 100,000 "?" characters, 100,000 digits and 25,000 "the "
(time must grow linearly).  With REPEATS > 1 (the machine is shared) both rates are
measured that many times, interleaved, and the spread (min / median / max) is printed.
"""
from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, ROOT)


def load(path: str) -> list[tuple[str, dt.date]]:
    with open(path, encoding="utf-8") as f:
        rows = [json.loads(line) for line in f if line.strip()]
    return [(r["text"], dt.date.fromisoformat(r["pub_date"])) for r in rows]


def import_times() -> tuple[float, float]:
    """Best of 3 fresh interpreters: (import timeline.temporal, the same after the
    package's own __init__ is loaded, i.e. the temporal module alone)."""
    whole = ("import time; t = time.perf_counter(); import timeline.temporal; "
             "print(time.perf_counter() - t)")
    alone = ("import time, timeline; t = time.perf_counter(); import timeline.temporal; "
             "print(time.perf_counter() - t)")

    def best(code):
        return min(float(subprocess.run([sys.executable, "-c", code], cwd=ROOT, check=True,
                                        capture_output=True, text=True).stdout) for _ in range(3))

    return best(whole), best(alone)


def rate(fn, docs) -> tuple[float, float]:
    """Articles per second of fn over docs: (wall clock, CPU time of this process)."""
    w0, c0 = time.perf_counter(), time.process_time()
    for text, anchor in docs:
        fn(text, anchor)
    return len(docs) / (time.perf_counter() - w0), len(docs) / (time.process_time() - c0)


def main() -> None:
    path = sys.argv[1] if len(sys.argv) > 1 else "/tmp/bench-data/corpus.jsonl"
    n_dp = int(sys.argv[2]) if len(sys.argv) > 2 else 100
    repeats = max(1, int(sys.argv[3])) if len(sys.argv) > 3 else 1
    docs = load(path)
    words = sum(len(t.split()) for t, _ in docs) / len(docs)

    from timeline import temporal

    # warm up: the first calls work out which rules can start with which letters and compile those tables
    t0 = time.perf_counter()
    for text, anchor in docs[:20]:
        temporal.tag(text, anchor)
    first_use = time.perf_counter() - t0

    from dateparser.search import search_dates

    def dp(text, anchor):
        return search_dates(text, languages=["en"],
                            settings={"RELATIVE_BASE": dt.datetime.combine(anchor, dt.time())})

    sub = docs[::max(1, len(docs) // n_dp)][:n_dp]
    search_dates(sub[0][0][:200], languages=["en"])  # warm up (loads its data)
    runs = []
    for _ in range(repeats):
        runs.append(rate(temporal.tag, docs) + rate(dp, sub))
    tag_wall, tag_cpu, dp_wall, dp_cpu = sorted(runs, key=lambda r: r[1] / r[3])[len(runs) // 2]
    imp_whole, imp_alone = import_times()

    print(f"corpus: {len(docs)} articles, {words:.0f} words/article")
    print(f"tag():          {tag_wall:8.1f} articles/s wall  {tag_cpu:8.1f} articles/s CPU")
    print(f"search_dates(): {dp_wall:8.1f} articles/s wall  {dp_cpu:8.1f} articles/s CPU  ({len(sub)} articles)")
    print(f"ratio:          {tag_wall / dp_wall:8.1f}x wall          {tag_cpu / dp_cpu:8.1f}x CPU")
    if repeats > 1:
        def spread(values):
            values = sorted(values)
            return f"{values[0]:.1f} / {values[len(values) // 2]:.1f} / {values[-1]:.1f}"

        print(f"over {repeats} runs (min / median / max; the lines above are the median run):")
        print(f"  tag() articles/s wall {spread([r[0] for r in runs])}   CPU {spread([r[1] for r in runs])}")
        print(f"  ratio             wall {spread([r[0] / r[2] for r in runs])}x  CPU {spread([r[1] / r[3] for r in runs])}x")
    print(f"import timeline.temporal: {imp_whole:.3f} s (of which the temporal module itself: {imp_alone:.3f} s)")
    print(f"first use (20 articles, building the rule tables): {first_use:.3f} s")

    base = " ".join(t for t, _ in docs)
    mb = (base * (1_000_000 // len(base) + 1))[:1_000_000]
    anchor = dt.date(2023, 9, 11)
    for label, text in (("1 MB of articles", mb), ('100,000 "?"', "?" * 100_000),
                        ("100,000 digits", "7" * 100_000),
                        ('25,000 "the "', "the " * 25_000)):
        t0 = time.perf_counter()
        n = len(temporal.tag(text, anchor))
        print(f"{label:22s} {time.perf_counter() - t0:8.3f} s  ({n} timexes)")


if __name__ == "__main__":
    main()
