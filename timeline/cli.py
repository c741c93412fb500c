"""Command line: parse articles to a file, ingest them into the store, export from the store.

    python -m timeline parse news/ -o events.csv [--engine dask --workers 4]
    python -m timeline ingest news/*.html [--db data/timeline.duckdb]
    python -m timeline export -o kim.geojson --actor "Kim Jong Un" --from 2023-01-01

Bad inputs are reported on stderr, one line each, and the rest are read.
Exit status: 0 when at least one article was read (parse, ingest) or the
export was written, 1 when nothing could be read, 2 on a usage error, 3 when
another ingest holds the store.
"""
from __future__ import annotations

import argparse
import contextlib
import dataclasses
import datetime as dt
import os
import shutil
import sys
import tempfile
import time
from collections.abc import Iterable, Iterator
from pathlib import Path

from .errors import TimelineError
from .filters import Filters

OUTPUT_FORMATS = (".csv", ".parquet", ".json", ".geojson")
EXIT_OK, EXIT_NOTHING, EXIT_USAGE, EXIT_BUSY = 0, 1, 2, 3


# ----------------------------------------------------------------------------- progress

class Progress:
    """A one-line counter on stderr: articles done and the rate. Silent unless enabled."""

    def __init__(self, enabled: bool, stream=None, every: float = 0.2):
        self.enabled, self.stream, self.every = enabled, stream or sys.stderr, every
        self.done, self.started, self.shown = 0, time.perf_counter(), 0.0

    def __call__(self, n: int) -> None:
        self.done += n
        now = time.perf_counter()
        if self.enabled and now - self.shown >= self.every:
            self.shown = now
            rate = self.done / max(now - self.started, 1e-9)
            self.stream.write(f"\r{self.done:,} articles, {rate:,.1f}/s ")
            self.stream.flush()

    def close(self) -> None:
        if self.enabled and self.done:
            self.stream.write("\r" + " " * 40 + "\r")
            self.stream.flush()


# ----------------------------------------------------------------------------- reading

@dataclasses.dataclass
class _Reading:
    """Reads the inputs lazily, one path at a time, printing each bad input as it is met."""

    paths: list[str]
    published: dt.date | None = None
    read: int = 0
    errors: list[str] = dataclasses.field(default_factory=list)

    def __iter__(self) -> Iterator:
        for path in self.paths:
            for source in _sources(path):
                yield from self._read(source)

    def _read(self, source) -> Iterator:
        from .articles import read_articles

        problems: list = []
        try:
            articles = read_articles(source, report=problems)
        except TimelineError as err:
            problems.append(err)
            articles = []
        for problem in problems:
            self.errors.append(str(problem))
            print(str(problem), file=sys.stderr)
        for article in articles:
            if self.published is not None and article.published is None:
                article = dataclasses.replace(article, published=self.published)
            self.read += 1
            yield article


def _sources(path: str) -> list:
    """A folder is read file by file, so that a big corpus streams; anything else as given."""
    from . import articles

    folder = Path(path)
    walk = articles.walk
    if walk is None or not folder.is_dir():
        return [path]
    files = walk(folder)
    return [str(f) for f in files] or [path]


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date (YYYY-MM-DD)") from None


def _output(path: str) -> Path:
    suffix = Path(path).suffix.lower()
    if suffix not in OUTPUT_FORMATS:
        raise argparse.ArgumentTypeError(f"{path}: output must end in one of {', '.join(OUTPUT_FORMATS)}")
    return Path(path)


# ----------------------------------------------------------------------------- writing

STREAM_ROWS = 20_480  # events per piece of a JSON or GeoJSON output


def write_output(store, target: Path, filters: Filters | None = None) -> int:
    """Write the store's events (kept by ``filters``) to ``target``, format by extension, atomically.

    Returns the number of events written.
    """
    from .store import write_atomic

    suffix = target.suffix.lower()
    if suffix == ".csv":
        return store.to_csv(target, filters)
    if suffix == ".parquet":
        return store.to_parquet(target, filters)
    count = [0]
    write_atomic(target, _streamed_json(store.iter_events(filters, STREAM_ROWS), suffix == ".geojson", count))
    return count[0]


def _streamed_json(frames, geojson: bool, count: list) -> Iterator[bytes]:
    """export.to_json / to_geojson of all the frames together, made a frame at a time: the same bytes as
    one call on their concatenation, without holding every event. ``count[0]`` counts the events."""
    from . import export, schema

    make = export.to_geojson if geojson else export.to_json
    # {"type": "FeatureCollection", "features": [f, f]}  /  [\n {...},\n {...}\n]
    head, tail, sep = (b'{"type": "FeatureCollection", "features": [', b"]}", b", ") if geojson \
        else (b"[\n", b"\n]", b",\n")
    started = False
    for frame in frames:
        count[0] += len(frame)
        whole = make(frame)
        inner = whole[len(head):-len(tail)] if whole.startswith(head) else b""  # b"[]": no record
        if inner:
            yield sep if started else head
            started = True
            yield inner
    yield tail if started else make(schema.empty_frame())


@contextlib.contextmanager
def _engine(args) -> Iterator:
    """The mapper that runs extraction: None (in this process) or one on a dask cluster."""
    if args.engine != "dask":
        yield None
        return
    from .distributed import dask_client, dask_mapper, release
    from .store import default_pipeline

    with dask_client(args.scheduler, args.workers) as client:
        yield dask_mapper(client, default_pipeline().extract, when_done=lambda: release(client))


# ----------------------------------------------------------------------------- commands

def cmd_parse(args) -> int:
    from .store import EventStore

    started = time.perf_counter()
    reading = _Reading(args.paths, args.published)
    progress = Progress(args.progress or sys.stderr.isatty())
    workdir = tempfile.mkdtemp(prefix="timeline-parse-")
    try:
        store = EventStore(Path(workdir) / "parse.duckdb")
        with _engine(args) as mapper:
            report = store.ingest(reading, mapper=mapper, progress=progress, batch_size=args.batch)
        progress.close()
        if reading.read == 0:
            print(f"nothing readable in {', '.join(args.paths)}", file=sys.stderr)
            return EXIT_NOTHING
        events = write_output(store, args.output)
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
    errors = len(reading.errors) + len(report.errors)
    for line in report.errors:
        print(line, file=sys.stderr)
    print(f"parsed {reading.read} articles, {events} events, {errors} errors in "
          f"{time.perf_counter() - started:.2f} s", file=sys.stderr)
    return EXIT_OK


def cmd_ingest(args) -> int:
    from .store import EventStore

    reading = _Reading(args.paths, args.published)
    progress = Progress(args.progress or sys.stderr.isatty())
    store = EventStore(args.db)
    with _engine(args) as mapper:
        report = store.ingest(reading, mapper=mapper, progress=progress, batch_size=args.batch)
    progress.close()
    for line in report.errors:
        print(line, file=sys.stderr)
    report.errors[:0] = reading.errors
    print(report.summary() + f" ({store.path})", file=sys.stderr)
    return EXIT_OK if reading.read else EXIT_NOTHING


def cmd_export(args) -> int:
    from .store import EventStore

    started = time.perf_counter()
    filters = Filters(date_from=args.date_from, date_to=args.date_to, actors=tuple(args.actor),
                      countries=tuple(args.country), places=tuple(args.place), event_types=tuple(args.type),
                      status=tuple(args.status), sources=tuple(args.source), text=args.text,
                      min_confidence=args.min_confidence)
    store = EventStore(args.db)
    if not store.path.exists():
        print(f"no event store at {store.path} (ingest articles first, or give --db)", file=sys.stderr)
        return EXIT_NOTHING
    n = write_output(store, args.output, filters)
    print(f"exported {n} events to {args.output} in {time.perf_counter() - started:.2f} s", file=sys.stderr)
    return EXIT_OK


# ----------------------------------------------------------------------------- parser

def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m timeline",
                                     description="News articles in, a timeline of diplomatic events out.")
    sub = parser.add_subparsers(dest="command", required=True, metavar="{parse,ingest,export}")

    def reading_options(p):
        p.add_argument("paths", nargs="+", metavar="PATH", help="files, folders, globs or URLs of articles")
        p.add_argument("--published", type=_date, metavar="YYYY-MM-DD",
                       help="publication date for articles that do not carry one")
        p.add_argument("--engine", choices=("local", "dask"), default="local",
                       help="extract in this process (local) or on a dask cluster")
        p.add_argument("--scheduler", metavar="ADDRESS", help="a running dask scheduler (default: a LocalCluster)")
        p.add_argument("--workers", type=int, default=os.cpu_count() or 1, metavar="N",
                       help="LocalCluster worker processes (default: one per core)")
        p.add_argument("--batch", type=int, default=200, metavar="N", help=argparse.SUPPRESS)
        p.add_argument("--progress", action="store_true", help="show progress even when stderr is not a terminal")

    def db_option(p):
        p.add_argument("--db", metavar="FILE",
                       help="event store file (default: $TIMELINE_DB, else data/timeline.duckdb)")

    p = sub.add_parser("parse", help="parse articles and write their events to a file")
    reading_options(p)
    p.add_argument("-o", "--output", type=_output, required=True, metavar="OUT",
                   help="events.csv, .parquet, .json or .geojson")
    p.set_defaults(run=cmd_parse)

    p = sub.add_parser("ingest", help="add articles to the event store and merge their events")
    reading_options(p)
    db_option(p)
    p.set_defaults(run=cmd_ingest)

    p = sub.add_parser("export", help="write the stored events that match the filters")
    p.add_argument("-o", "--output", type=_output, required=True, metavar="OUT",
                   help="events.csv, .parquet, .json or .geojson")
    db_option(p)
    f = p.add_argument_group("filters (as on the page)")
    f.add_argument("--from", dest="date_from", type=_date, metavar="DATE", help="events that end on or after DATE")
    f.add_argument("--to", dest="date_to", type=_date, metavar="DATE", help="events that start on or before DATE")
    f.add_argument("--actor", action="append", default=[], metavar="NAME", help="any of these actors (repeatable)")
    f.add_argument("--country", action="append", default=[], metavar="ISO3", help="actor's or place's country")
    f.add_argument("--place", action="append", default=[], metavar="NAME", help="place of the event")
    f.add_argument("--type", action="append", default=[], metavar="T", help="event type (visit, summit ...)")
    f.add_argument("--status", action="append", default=[], metavar="S", help="occurred, planned, possible, denied")
    f.add_argument("--source", action="append", default=[], metavar="S", help="outlet of the article")
    f.add_argument("--text", metavar="Q", help="words in the sentence, title, actors, place ...")
    f.add_argument("--min-confidence", type=float, default=0.0, metavar="X", help="0..1")
    p.set_defaults(run=cmd_export)
    return parser


def main(argv: Iterable[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(None if argv is None else list(argv))
    if getattr(args, "workers", 1) < 1:
        parser.error("--workers must be at least 1")
    from .store import StoreBusyError, StoreError

    try:
        return args.run(args)
    except StoreBusyError as err:
        print(f"error: {err}", file=sys.stderr)
        return EXIT_BUSY
    except StoreError as err:
        print(f"error: {err}", file=sys.stderr)
        return EXIT_NOTHING
    except TimelineError as err:
        print(f"error: {err}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        print("interrupted; the store is unchanged", file=sys.stderr)
        return 130
