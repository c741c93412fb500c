"""Articles per second of timeline.parse() against dateparser.search_dates alone, on one core.

    python benchmarks/parse_speed.py [N_ARTICLES]

Builds the seeded ~450-word synthetic corpus with ../shared/bench/gen_corpus.py (2,000 articles by default)
into a temporary folder, then in one process times:
  - timeline.parse() on every article (read, tag dates, find actors and places, extract, merge),
  - each stage on its own (temporal.tag, gazetteer.find, events.extract, merge.merge),
  - dateparser.search_dates(text, languages=["en"], settings={"RELATIVE_BASE": publication date}) alone,
and prints articles/s for each and the ratio parse / search_dates.
"""
from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GEN = ROOT.parent / "shared" / "bench" / "gen_corpus.py"
sys.path.insert(0, str(ROOT))


def corpus(n: int) -> list[dict]:
    out = Path(tempfile.mkdtemp(prefix="timeline-bench-"))
    env = dict(os.environ, N_ARTICLES=str(n))
    subprocess.run([sys.executable, str(GEN), str(out)], check=True, env=env, capture_output=True)
    return [json.loads(line) for line in open(out / "corpus.jsonl", encoding="utf-8")]


def rate(n: int, seconds: float) -> str:
    return f"{n / seconds:8.1f} articles/s ({seconds:.2f} s)"


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 2000
    t0 = time.perf_counter()
    import timeline
    from timeline import gazetteer, merge, temporal
    print(f"import timeline: {time.perf_counter() - t0:.2f} s")

    rows = corpus(n)
    words = sum(len(r["text"].split()) for r in rows) / len(rows)
    articles = [timeline.Article(str(r["id"]), "", r["text"], published=dt.date.fromisoformat(r["pub_date"]))
                for r in rows]
    print(f"corpus: {len(articles)} articles, {words:.0f} words on average")
    timeline.parse(articles[:3])  # load the gazetteer and compile everything once

    t = time.perf_counter()
    frame = timeline.parse(articles)
    parse_s = time.perf_counter() - t
    print(f"timeline.parse:        {rate(n, parse_s)} -> {len(frame)} events")

    t = time.perf_counter()
    for a in articles:
        temporal.tag(a.text, anchor=a.published)
    print(f"  temporal.tag:        {rate(n, time.perf_counter() - t)}")
    t = time.perf_counter()
    for a in articles:
        gazetteer.find(a.text, published=a.published)
    print(f"  gazetteer.find:      {rate(n, time.perf_counter() - t)}")
    t = time.perf_counter()
    mentions = timeline.mentions(articles)
    print(f"  events.extract (all three above included): {rate(n, time.perf_counter() - t)}"
          f" -> {len(mentions)} mentions")
    t = time.perf_counter()
    merge.merge(mentions)
    print(f"  merge.merge:         {rate(n, time.perf_counter() - t)}")

    import dateparser.search

    sample = articles[: min(n, 200)]  # search_dates is slow: time it on a sample
    t = time.perf_counter()
    for a in sample:
        dateparser.search.search_dates(
            a.text, languages=["en"],
            settings={"RELATIVE_BASE": dt.datetime.combine(a.published, dt.time())})
    sd_s = (time.perf_counter() - t) * n / len(sample)
    print(f"search_dates alone:    {rate(n, sd_s)} (timed on {len(sample)} articles)")
    print(f"ratio parse / search_dates: {sd_s / parse_s:.1f}x")


if __name__ == "__main__":
    main()
