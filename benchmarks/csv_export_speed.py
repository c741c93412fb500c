"""Ways to export every row of a 1,000,000-event store as CSV, timed side by side.

    python benchmarks/csv_export_speed.py [N_EVENTS] [REPEATS]     # default 1000000 3

Builds a store of synthetic events (benchmarks/synth.py) in a temporary folder and
times, REPEATS times each (best and median printed), the candidates for
EventStore.to_csv, and whether each writes the bytes export.to_csv writes:

  stored lines     what to_csv does: each row's CSV line is kept in the events table
                   (column _csv, made by DuckDB when the row is written); the export reads
                   that one column and writes its Arrow buffers as they are
  SQL lines        the lines rendered by DuckDB at export time from the 31 columns
                   (quoting, formula-safe cells) and written the same way
  COPY TO          DuckDB's own CSV writer (COPY ... TO, PER_THREAD_OUTPUT false) over
                   the formula-safe values, quoting left to DuckDB
  pyarrow          pyarrow.csv.write_csv of the formula-safe values as an Arrow stream
                   (quotes every string: not the same bytes)
"""
from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import synth  # noqa: E402

from timeline import export  # noqa: E402
from timeline import store as store_mod  # noqa: E402
from timeline.store import EventStore  # noqa: E402


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 1_000_000
    repeats = int(sys.argv[2]) if len(sys.argv) > 2 else 3
    folder = Path(tempfile.mkdtemp(prefix="csv-speed-"))
    store = EventStore(folder / "events.duckdb")
    t = time.perf_counter()
    store.put_events(synth.make_events(n, seed=42, tricky=True), replace=True)
    print(f"{n:,} events stored in {time.perf_counter() - t:.1f} s ({os.cpu_count()} cores)")
    reference = folder / "reference.csv"
    t = time.perf_counter()
    reference.write_bytes(export.to_csv(store.query()))
    print(f"reference: export.to_csv (pandas) of the same rows, {reference.stat().st_size / 1e6:.0f} MB, "
          f"{time.perf_counter() - t:.1f} s with the query")

    def lines(sql):
        def run(out):
            with store._read() as cur, open(out, "wb") as fh:
                fh.write(store_mod._CSV_HEADER)
                for batch in cur.sql(sql).to_arrow_reader():
                    fh.write(store_mod._string_bytes(batch.column(0)))
        return run

    values = store_mod._CSV_VALUES.replace('AS "csv:', 'AS "')  # the formula-safe values, named as the columns

    def copy_to(out):
        with store._read() as cur:
            cur.execute(f"COPY (SELECT {values} FROM events) "
                        f"TO '{store_mod._sql_path(out)}' (FORMAT csv, HEADER true, PER_THREAD_OUTPUT false)")

    def with_pyarrow(out):
        import pyarrow.csv as pacsv

        with store._read() as cur:
            reader = cur.sql(f"SELECT {values} FROM events").to_arrow_reader()
            with pacsv.CSVWriter(str(out), reader.schema) as writer:
                for batch in reader:
                    writer.write_batch(batch)

    candidates = {
        "stored lines (to_csv)": lambda out: store.to_csv(out),
        "SQL lines": lines(store_mod._CSV_LINES.format(where="")),
        "COPY TO": copy_to,
        "pyarrow write_csv": with_pyarrow,
    }
    for name, run in candidates.items():
        times = []
        out = folder / "out.csv"
        for _ in range(repeats):
            t = time.perf_counter()
            run(out)
            times.append(time.perf_counter() - t)
        same = out.read_bytes() == reference.read_bytes()
        print(f"  {name:<22} best {min(times):5.2f} s  median {statistics.median(times):5.2f} s  "
              f"same bytes as export.to_csv: {same}   (load {os.getloadavg()[0]:.1f})", flush=True)
        out.unlink()
    for p in folder.iterdir():
        p.unlink()
    folder.rmdir()


if __name__ == "__main__":
    main()
