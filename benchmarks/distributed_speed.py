"""Parse/ingest throughput in one process and on dask, and peak memory of a streamed ingest.

    N_ARTICLES=2000 python benchmarks/distributed_speed.py            # speed: local, dask 1 and 2 workers
    N_ARTICLES=100000 python benchmarks/distributed_speed.py --memory # peak RSS of `python -m timeline ingest`

The corpus comes from /work/shared/bench/gen_corpus.py (seeded, ~430 words an
article), written as shards of 1,000 articles in a folder, the way a corpus
arrives. Speed mode ingests it into fresh stores (reading, extraction,
merge, writing: the whole `ingest`/`parse` path) with the local engine, then
with a dask LocalCluster of 1 and of 2 workers (cluster start-up timed
apart), checks that the three event tables are identical, and prints
articles/s. Memory mode runs `python -m timeline ingest FOLDER --db ...` and
`python -m timeline parse FOLDER -o out.parquet` in subprocesses and prints
their peak RSS.
"""
from __future__ import annotations

import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
GEN = Path(os.environ.get("GEN_CORPUS", "/work/shared/bench/gen_corpus.py"))
SHARD = 1000


def make_corpus(n: int, folder: Path) -> Path:
    shards = folder / f"corpus-{n}"
    if shards.exists():
        return shards
    raw = folder / f"raw-{n}"
    subprocess.run([sys.executable, str(GEN), str(raw)], env={**os.environ, "N_ARTICLES": str(n)}, check=True,
                   stdout=subprocess.DEVNULL)
    shards.mkdir()
    with open(raw / "corpus.jsonl", encoding="utf-8") as fh:
        out, count = None, 0
        for line in fh:
            if count % SHARD == 0:
                if out:
                    out.close()
                out = open(shards / f"part-{count // SHARD:05d}.jsonl", "w", encoding="utf-8")
            record = json.loads(line)
            record["id"] = str(record["id"])
            record["published"] = record.pop("pub_date")
            out.write(json.dumps(record) + "\n")
            count += 1
        out.close()
    return shards


def articles(folder: Path):
    from timeline.cli import _Reading

    return _Reading([str(folder)])


def speed(corpus: Path, n: int, work: Path) -> None:
    from timeline.distributed import dask_client, dask_mapper
    from timeline.store import EventStore, default_pipeline

    print(f"corpus: {n:,} articles in {corpus} ({os.cpu_count()} cores, load {os.getloadavg()[0]:.1f})")
    results = {}
    store = EventStore(work / "local.duckdb")
    t = time.perf_counter()
    report = store.ingest(articles(corpus))
    seconds = time.perf_counter() - t
    results["local"] = store.events()
    print(f"local engine:      {report.articles_new / seconds:7.1f} articles/s  ({seconds:.1f} s, "
          f"{report.mentions:,} mentions -> {report.events_after:,} events)")
    for workers in (1, 2):
        t = time.perf_counter()
        with dask_client(workers=workers) as client:
            started = time.perf_counter() - t
            store = EventStore(work / f"dask{workers}.duckdb")
            t = time.perf_counter()
            report = store.ingest(articles(corpus), mapper=dask_mapper(client, default_pipeline().extract))
            seconds = time.perf_counter() - t
            rss = client.run(lambda: resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
        results[workers] = store.events()
        print(f"dask, {workers} worker{'s' if workers > 1 else ' '}:   {report.articles_new / seconds:7.1f} articles/s  "
              f"({seconds:.1f} s; cluster start {started:.1f} s; worker peak RSS "
              f"{max(rss.values()) / 1024:.0f} MB)")
    same = all(results[k].equals(results["local"]) for k in (1, 2))
    print(f"same event rows on all three paths: {same}")
    print(f"this process peak RSS: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")


def memory(corpus: Path, n: int, work: Path) -> None:
    print(f"corpus: {n:,} articles in {corpus}")
    for argv in (["ingest", str(corpus), "--db", str(work / "mem.duckdb")],
                 ["parse", str(corpus), "-o", str(work / "mem.parquet")]):
        t = time.perf_counter()
        child = subprocess.Popen([sys.executable, "-m", "timeline", *argv], cwd=ROOT,
                                 stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        _, status, usage = os.wait4(child.pid, 0)
        err = child.stderr.read().strip().splitlines()
        seconds = time.perf_counter() - t
        print(f"python -m timeline {argv[0]}: exit {os.waitstatus_to_exitcode(status)}, {seconds:.0f} s, "
              f"{n / seconds:.1f} articles/s, peak RSS {usage.ru_maxrss / 1024:.0f} MB")
        print("   " + (err[-1] if err else ""))


def main():
    n = int(os.environ.get("N_ARTICLES", 2000))
    work = Path(os.environ.get("BENCH_DIR") or tempfile.mkdtemp(prefix="dist-speed-"))
    work.mkdir(parents=True, exist_ok=True)
    corpus = make_corpus(n, work)
    for stale in work.glob("*.duckdb*"):
        stale.unlink()
    if "--memory" in sys.argv:
        memory(corpus, n, work)
    else:
        speed(corpus, n, work)


if __name__ == "__main__":
    main()
