"""Parse/ingest throughput in one process and on dask, and peak memory of a streamed ingest.

    N_ARTICLES=2000 python benchmarks/distributed_speed.py            # speed: local, dask 1 and 2 workers
    N_ARTICLES=100000 python benchmarks/distributed_speed.py --memory # peak RSS of `ingest` and `parse --engine dask`

The corpus comes from /work/shared/bench/gen_corpus.py (seeded, ~430 words an
article), written as shards of 1,000 articles in a folder, the way a corpus
arrives. Speed mode ingests it into fresh stores (reading, extraction,
merge, writing: the whole `ingest`/`parse` path) with the local engine, then
with a dask LocalCluster of 1 and of 2 workers (cluster start-up timed
apart), checks that the three event tables are identical, and prints
articles/s. Memory mode runs `python -m timeline ingest FOLDER --db ...` and
`python -m timeline parse FOLDER --engine dask --workers 2 -o out.parquet` in
subprocesses and prints, for each, the time, the peak RSS of the largest
process (getrusage of the waited-for child, which takes in its own reaped
children: the dask scheduler, nannies and workers) and the peak of the RSS of
all its processes together (sampled from /proc every 0.2 s). MEMORY_RUNS=ingest
or MEMORY_RUNS=parse runs one of the two.
"""
from __future__ import annotations

import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import threading
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


def _tree_rss(root: int) -> int:
    """Bytes of RSS of ``root`` and all its descendants now (Linux /proc)."""
    parents, rss = {}, {}
    page = os.sysconf("SC_PAGE_SIZE")
    for name in os.listdir("/proc"):
        if not name.isdigit():
            continue
        try:
            with open(f"/proc/{name}/stat", encoding="ascii", errors="replace") as fh:
                fields = fh.read().rsplit(")", 1)[1].split()
        except OSError:
            continue
        parents[int(name)] = int(fields[1])
        rss[int(name)] = int(fields[21]) * page
    total = 0
    for pid in rss:
        p = pid
        while p and p != root:
            p = parents.get(p, 0)
        if p == root:
            total += rss[pid]
    return total


def _run_measured(argv: list[str]) -> tuple[int, float, int, int, list[str]]:
    """Run ``python -m timeline ARGV``: (exit code, seconds, peak RSS of the largest process, peak RSS of the
    whole process tree, stderr lines)."""
    t = time.perf_counter()
    child = subprocess.Popen([sys.executable, "-m", "timeline", *argv], cwd=ROOT,
                             stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    peak = [0]
    done = threading.Event()

    def sample():
        while not done.wait(0.2):
            peak[0] = max(peak[0], _tree_rss(child.pid))

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    err = child.stderr.read()  # drained while it runs: a full pipe would stall the child
    _, status, usage = os.wait4(child.pid, 0)
    seconds = time.perf_counter() - t
    done.set()
    sampler.join()
    return os.waitstatus_to_exitcode(status), seconds, usage.ru_maxrss * 1024, peak[0], err.strip().splitlines()


def memory(corpus: Path, n: int, work: Path) -> None:
    print(f"corpus: {n:,} articles in {corpus} ({os.cpu_count()} cores, load {os.getloadavg()[0]:.1f})")
    runs = {"ingest": ["ingest", str(corpus), "--db", str(work / "mem.duckdb")],
            "parse": ["parse", str(corpus), "--engine", "dask", "--workers", "2", "-o", str(work / "mem.parquet")]}
    wanted = os.environ.get("MEMORY_RUNS", "ingest,parse").split(",")
    for name in wanted:
        argv = runs[name]
        code, seconds, largest, tree, err = _run_measured(argv)
        print(f"python -m timeline {' '.join(argv[:1] + argv[2:])}: exit {code}, {seconds:.0f} s, "
              f"{n / seconds:.1f} articles/s, peak RSS {largest / 2**20:.0f} MB (largest process), "
              f"{tree / 2**20:.0f} MB (all its processes together)", flush=True)
        print("   " + (err[-1] if err else ""), flush=True)
    print(f"getrusage(RUSAGE_CHILDREN).ru_maxrss: "
          f"{resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024:.0f} MB")


def main():
    n = int(os.environ.get("N_ARTICLES", 2000))
    work = Path(os.environ.get("BENCH_DIR") or tempfile.mkdtemp(prefix="dist-speed-"))
    work.mkdir(parents=True, exist_ok=True)
    corpus = make_corpus(n, work)
    for stale in list(work.glob("*.duckdb*")) + list(work.glob("*.parquet")):
        if stale.is_dir():
            shutil.rmtree(stale, ignore_errors=True)
        else:
            stale.unlink()
    if "--memory" in sys.argv:
        memory(corpus, n, work)
    else:
        speed(corpus, n, work)


if __name__ == "__main__":
    main()
