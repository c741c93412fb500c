"""Speed of the gazetteer: load time and words per second of find() on one core.

    python3 /work/shared/bench/gen_corpus.py /tmp/bench-data
    python3 benchmarks/gazetteer_speed.py /tmp/bench-data/corpus.jsonl

Without a corpus path it falls back to a built-in article repeated, so the script always runs.
The budget: load < 0.5 s, matcher >= 2,000,000 words/s (0.2 ms for a 450-word article).
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import sys
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))

FALLBACK = (
    "North Korean leader Kim Jong Un is poised to visit Russia, responding to an invitation from "
    "President Vladimir Putin, as reported by Reuters on Monday. South Korean media said Kim was en route "
    "to Vladivostok, a city in Russia's far east, for the Eastern Economic Forum. The Kremlin confirmed "
    "the visit. The United States has voiced concerns about North Korea providing weapons to Russia. "
) * 10


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("corpus", nargs="?", default="/tmp/bench-data/corpus.jsonl")
    ap.add_argument("--repeat", type=int, default=5, help="passes over the corpus; the best one counts")
    a = ap.parse_args()

    t0 = time.perf_counter()
    from timeline import gazetteer
    t_import = time.perf_counter() - t0
    t0, c0 = time.perf_counter(), time.process_time()
    gazetteer.load()
    t_load, c_load = time.perf_counter() - t0, time.process_time() - c0

    if os.path.exists(a.corpus):
        docs = []
        with open(a.corpus, encoding="utf-8") as fh:
            for line in fh:
                d = json.loads(line)
                pub = d.get("pub_date")
                docs.append((d["text"], dt.date.fromisoformat(pub) if pub else None))
        src = a.corpus
    else:
        docs = [(FALLBACK, dt.date(2023, 9, 11))] * 500
        src = "built-in sample (corpus not found)"
    words = sum(len(t.split()) for t, _ in docs)
    best = best_cpu = None
    mentions = 0
    for _ in range(a.repeat):
        t0, c0 = time.perf_counter(), time.process_time()
        n = 0
        for text, pub in docs:
            n += len(gazetteer.find(text, pub))
        dt_s, cpu_s = time.perf_counter() - t0, time.process_time() - c0
        best = dt_s if best is None else min(best, dt_s)
        best_cpu = cpu_s if best_cpu is None else min(best_cpu, cpu_s)
        mentions = n
    print(f"corpus: {src}")
    print(f"articles={len(docs)} words={words} mentions={mentions}")
    print(f"import_s={t_import:.3f} (the timeline package) load_s={t_load:.3f} load_cpu_s={c_load:.3f}")
    print(f"find_s={best:.3f} per_article_ms={1000 * best / len(docs):.3f} "
          f"articles_per_s={len(docs) / best:,.0f}")
    print(f"words_per_s={words / best:,.0f} (wall clock, best of {a.repeat})")
    print(f"words_per_cpu_s={words / best_cpu:,.0f} (process CPU time: one core, other load on the machine aside)")


if __name__ == "__main__":
    main()
