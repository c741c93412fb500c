"""The event store: one DuckDB file holding articles, mentions and merged events.

    store = EventStore()                      # data/timeline.duckdb, or $TIMELINE_DB
    report = store.ingest(read_articles("news/"))
    frame = store.query(Filters(actors=("Kim Jong Un",)), limit=500)

Tables
    articles   one row per article, keyed by a hash of its content (title, text,
               publication date, outlet): ingesting the same article again is a no-op.
    mentions   the unmerged event rows of each article (``events.extract``), with
               the article's key: everything needed to rebuild the merge.
    events     merged events: EVENT_COLUMNS plus three derived columns the filters use
               (``_actors``, the actor list; ``_actor_key``, "; A; B; "; ``_search``,
               the lower-cased text the free-text filter looks in) and ``_csv``, the
               row's line as ``export.to_csv`` writes it (made by DuckDB when the row
               is written, so a CSV export reads one column and writes its bytes as
               they are). The table is kept sorted by date_start, event_id, so reads
               need no sort, a page of rows stops at its limit, and date filters skip
               whole row groups. (Schema version 1 had no ``_csv``; a writer adds it.)

Writing. A writer takes an exclusive lock on ``<db>.lock`` (a second writer gets
StoreBusyError at once, with a message saying so), copies the database file
to a private temporary file, does all of its work there and, once it has
checkpointed and closed it, renames the copy over the database. The rename
is the commit: a writer that dies at any point, SIGKILL included, leaves the
database exactly as it was (the stale copy is removed by the next writer).
Copying costs a fraction of a second per hundred megabytes and buys two
things DuckDB alone does not give: readers are never blocked (DuckDB lets
no other process open a file that a read-write process holds), and a huge
ingest does not need one huge in-memory transaction.

Reading. Readers attach the file read-only to a private in-memory DuckDB
instance (not ``duckdb.connect(path)``, whose per-process instance cache would
keep serving a replaced file). The attachment is cached per file and
reopened when the file's identity changes (a writer's rename gives it a new
inode), so a long-running page sees new events on its next query;
``version()`` is the cheap key the page can cache on.

Merging on ingest. The merge joins mentions of one type family only
(``events.FAMILY``), so after storing new mentions the writer re-merges, from
all stored mentions, each family the new mentions touch, and replaces that
family's events. The event table is therefore always exactly ``merge`` of all
stored mentions: the rows ``timeline.parse`` gives for every article ever
ingested, whatever the order and batching of the ingests. (Merging stored
events with new mentions would be cheaper, but merge is not associative to
the row: merge(merge(a) + b) differs from merge(a + b) in a few rows.)

Memory. An ingest streams: articles are read, extracted and stored a batch at
a time, and a family is merged without loading it (``_merge_streamed``): the
clustering reads only a few columns, in date order, in batches, and keeps a
small state per event; DuckDB then hands back the mentions sorted by event and
the rows are combined and inserted an event at a time. With 100,000 articles
(2.8 million mentions) an ingest stays well under 1 GB (benchmarks/distributed_speed.py
--memory).

Filters run in DuckDB with parameters and mean exactly what ``filters.apply``
means (tests compare the two on many random filters).
"""
from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
import errno
import functools
import glob
import hashlib
import importlib
import itertools
import logging
import os
import shutil
import tempfile
import threading
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path

import duckdb
import numpy as np
import pandas as pd
import pyarrow as pa

from . import export, schema
from .errors import TimelineError
from .filters import TEXT_COLUMNS, Filters

LOGGER = logging.getLogger(__name__)

DEFAULT_PATH = Path(__file__).resolve().parent.parent / "data" / "timeline.duckdb"
ENV_VAR = "TIMELINE_DB"
SCHEMA_VERSION = "2"  # 2: events keep their CSV lines (_csv)
WRITER_MEMORY = os.environ.get("TIMELINE_DB_MEMORY", "256MB")  # DuckDB's share of a writer's memory
# ... while merging, on one thread: the merge's own state lives in Python beside it (see _merge_streamed)
MERGE_MEMORY = os.environ.get("TIMELINE_MERGE_MEMORY", "128MB")
ORDER_BY = "date_start ASC NULLS LAST, event_id ASC NULLS LAST"
_SEP = "\x1f"  # joins the searchable columns in _search; a query holding it falls back to per-column search
_SQL_TYPES = {"str": "VARCHAR", "datetime64[s]": "TIMESTAMP_S", "int64": "BIGINT", "float64": "DOUBLE"}
_COUNTABLE = ("actors", "actor1", "actor2", "actor1_country", "actor2_country", "country", "location",
              "event_type", "plover", "status", "source", "reported_by", "date_precision", "geo_precision")
_FREQS = {"day": "day", "D": "day", "week": "week", "W": "week", "month": "month", "M": "month", "MS": "month",
          "quarter": "quarter", "Q": "quarter", "year": "year", "Y": "year", "YS": "year"}


class StoreError(TimelineError):
    """The store file cannot be used as asked."""


class StoreBusyError(StoreError):
    """Another process is writing to the store."""


@dataclasses.dataclass
class IngestReport:
    """What one ``ingest`` call did."""

    articles_new: int = 0  # articles stored for the first time
    articles_skipped: int = 0  # articles already in the store (same content hash), or repeated in the input
    mentions: int = 0  # unmerged event rows extracted from the new articles
    events_before: int = 0  # merged events in the store before the call
    events_after: int = 0  # ... and after it
    errors: list[str] = dataclasses.field(default_factory=list)  # "article id: problem", one per failed article
    seconds: float = 0.0

    def summary(self) -> str:
        return (f"ingested {self.articles_new} new articles ({self.articles_skipped} already stored), "
                f"{self.mentions} mentions, events {self.events_before} -> {self.events_after}, "
                f"{len(self.errors)} errors in {self.seconds:.2f} s")


# ----------------------------------------------------------------------------- pipeline

@dataclasses.dataclass(frozen=True)
class Pipeline:
    """The pipeline functions the store needs; tests pass fakes."""

    extract: Callable  # Article -> list[Event | dict]: the unmerged rows of one article
    merge: Callable  # frame -> frame: one row per event
    family: Callable[[str], str] | None = None  # event_type -> block; rows of two blocks never merge
    # () -> merge.Clusterer: the store streams the stored mentions through it (and merge.combine_stream)
    # instead of loading a block into one frame for ``merge``; the two give the same rows
    clusterer: Callable | None = None


def default_pipeline() -> Pipeline:
    """``timeline.events.extract`` and ``timeline.merge.merge``; merge joins rows of one type family only."""
    events = importlib.import_module("timeline.events")
    merge_mod = importlib.import_module("timeline.merge")
    families = getattr(events, "FAMILY", None)
    family = None if families is None else functools.partial(_family_of, families)
    return Pipeline(extract=events.extract, merge=merge_mod.merge, family=family,
                    clusterer=getattr(merge_mod, "Clusterer", None))


def _family_of(families: dict, event_type):
    return families.get(event_type, event_type)


def rows_frame(rows) -> pd.DataFrame:
    """What ``extract`` returned (Events, dicts or a frame) -> a typed frame."""
    if isinstance(rows, pd.DataFrame):
        return schema.conform(rows)
    return schema.to_frame(rows)


def extract_batch(extract: Callable, keyed: list[tuple[str, object]]):
    """Run ``extract`` over (key, article) pairs: (mentions frame, key of each row, indices that worked, errors).

    A pure function of its arguments, so an engine may run it anywhere (a dask worker).
    """
    rows, keys, ok, errors = [], [], [], []
    for i, (key, article) in enumerate(keyed):
        try:
            got = extract(article)
            got = got.to_dict("records") if isinstance(got, pd.DataFrame) else list(got)
        except Exception as err:  # one bad article must not sink the others
            LOGGER.warning("discarding article %s: %s", getattr(article, "id", "?"), err)
            errors.append(f"{getattr(article, 'id', '?')}: {type(err).__name__}: {err}")
            continue
        ok.append(i)
        rows.extend(got)
        keys.extend([key] * len(got))
    return rows_frame(rows), keys, ok, errors


def local_mapper(extract: Callable):
    """The in-process engine: batches of (key, article) -> extract_batch results, in order."""
    def run(batches):
        for keyed in batches:
            yield keyed, extract_batch(extract, keyed)
    return run


# ----------------------------------------------------------------------------- keys

def article_key(article) -> str:
    """Content hash of an article: title, text, publication date and outlet.

    The id and url are left out on purpose: the same story saved under two
    file names is one article, and counting it twice would inflate ``sources``.
    """
    h = hashlib.sha256()
    for part in (article.title, article.text, _iso(article.published), article.source):
        h.update(("" if part is None else str(part)).encode("utf-8", "surrogatepass"))
        h.update(b"\x00")
    return h.hexdigest()[:32]


def _iso(value) -> str | None:
    if value is None or value is pd.NaT:
        return None
    if isinstance(value, (dt.date, pd.Timestamp)):
        return value.isoformat()
    return str(value)


def _timestamp(value):
    if value is None:
        return None
    try:
        ts = pd.Timestamp(value)
    except (TypeError, ValueError):
        return None
    if ts is pd.NaT:
        return None
    if ts.tzinfo is not None:
        ts = ts.tz_convert("UTC").tz_localize(None)
    return ts.to_pydatetime().replace(microsecond=0)


# ----------------------------------------------------------------------------- SQL

def _q(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


_EVENT_DDL = ", ".join(f"{_q(c)} {_SQL_TYPES[t]}" for c, t in schema.DTYPES.items())
_EVENT_SELECT = ", ".join(_q(c) for c in schema.EVENT_COLUMNS)
_DERIVED = (
    "list_filter(string_split(actors, '; '), lambda x: x <> '') AS _actors, "
    f"lower(concat_ws(chr({ord(_SEP)}), {', '.join(_q(c) for c in TEXT_COLUMNS)})) AS _search, "
    "'; ' || actors || '; ' AS _actor_key"
)


def _csv_cell(column: str, dtype: str) -> tuple[str, str]:
    """SQL for one CSV cell as export.to_csv writes it (Python's csv module, minimal quoting).

    Two parts: the value, named ``"csv:<column>"`` (inner query), then the quoted cell (outer query).
    """
    q, v = _q(column), _q(f"csv:{column}")
    if dtype == "datetime64[s]":
        return f"strftime({q}, '%Y-%m-%d') AS {v}", f"coalesce({v}, '')"
    if dtype != "str":
        return f"CAST({q} AS VARCHAR) AS {v}", f"coalesce({v}, '')"  # doubles print as Python's repr does
    # text a spreadsheet would run as a formula is made inert, carriage returns become newlines
    first = ", ".join(str(ord(c)) for c in export._FORMULA_START)
    inert = f"CASE WHEN ord({q}) IN ({first}) THEN '''' || {q} ELSE {q} END"
    value = (f"CASE WHEN contains({q}, chr(13)) THEN replace(replace({inert}, chr(13) || chr(10), chr(10)), "
             f"chr(13), chr(10)) ELSE {inert} END AS {v}")
    # quoted when it holds the delimiter, the quote or a line break (no carriage return is left in it)
    cell = (f"""coalesce(CASE WHEN contains({v}, ',') OR contains({v}, '"') OR contains({v}, chr(10)) """
            f"""THEN '"' || replace({v}, '"', '""') || '"' ELSE {v} END, '')""")
    return value, cell


_CSV_PARTS = [_csv_cell(c, t) for c, t in schema.DTYPES.items()]
_CSV_VALUES = ", ".join(value for value, _ in _CSV_PARTS)
# one CSV line per row, newline included, so that a column of lines is the file's bytes as they are
_CSV_LINE = f"concat_ws(',', {', '.join(cell for _, cell in _CSV_PARTS)}) || chr(10)"
_CSV_HEADER = (",".join(schema.EVENT_COLUMNS) + "\n").encode("utf-8")
# _csv, the row's CSV line as export.to_csv writes it, is made once when the row is written: an export
# then reads one column (a million rows in well under a second) instead of rendering 31 of them
_EVENT_EXTRA_DDL = "_actors VARCHAR[], _search VARCHAR, _actor_key VARCHAR, _csv VARCHAR"
# the CSV lines of stored rows, for a store written before lines were kept
_CSV_LINES = f"SELECT {_CSV_LINE} AS _csv FROM (SELECT {_CSV_VALUES} FROM events{{where}})"


def _events_select(source: str) -> str:
    """SELECT of the events table's columns (EVENT_COLUMNS, then the derived ones) from ``source``."""
    return (f"SELECT {_EVENT_SELECT}, {_DERIVED}, {_CSV_LINE} AS _csv "
            f"FROM (SELECT {_EVENT_SELECT}, {_CSV_VALUES} FROM {source})")


_DDL = [
    "CREATE TABLE IF NOT EXISTS meta (key VARCHAR PRIMARY KEY, value VARCHAR)",
    "CREATE TABLE IF NOT EXISTS articles (key VARCHAR PRIMARY KEY, id VARCHAR, title VARCHAR, "
    "source VARCHAR, url VARCHAR, published TIMESTAMP_S, path VARCHAR, text VARCHAR, ingested TIMESTAMP)",
    f"CREATE TABLE IF NOT EXISTS mentions (article_key VARCHAR, {_EVENT_DDL})",
    f"CREATE TABLE IF NOT EXISTS events ({_EVENT_DDL}, {_EVENT_EXTRA_DDL})",
    # events written as they are (put_events, import_parquet): they have no mentions to be merged again from,
    # so a re-merge keeps them
    "CREATE TABLE IF NOT EXISTS imported (event_id VARCHAR)",
]
_MERGED = "event_id NOT IN (SELECT event_id FROM imported)"  # events made by merging stored mentions


def where_sql(filters: Filters | None) -> tuple[str, list]:
    """Filters -> (" WHERE ..." or "", parameters). Values only ever travel as parameters."""
    if filters is None:
        return "", []
    clauses: list[str] = []
    params: list = []

    def isin(column: str, values: Sequence[str]) -> str:
        params.extend(values)
        return f"{column} IN ({', '.join('?' for _ in values)})"

    if filters.date_from is not None:
        clauses.append("date_end >= ?")
        params.append(dt.datetime.combine(filters.date_from, dt.time()))
    if filters.date_to is not None:
        clauses.append("date_start <= ?")
        params.append(dt.datetime.combine(filters.date_to, dt.time()))
    if filters.actors:
        # "; A; B; " holds "; A; " exactly when A is one of the "; "-separated names (a name
        # holding "; " is never one of them); a substring test is much faster than a list test
        names = [name for name in filters.actors if "; " not in name]
        if names:
            clauses.append(" OR ".join("contains(_actor_key, ?)" for _ in names))
            params.extend(f"; {name}; " for name in names)
        else:
            clauses.append("false")
    if filters.countries:
        ors = [isin(c, filters.countries) for c in ("actor1_country", "actor2_country", "country")]
        clauses.append("(" + " OR ".join(ors) + ")")
    if filters.places:
        clauses.append(isin("location", filters.places))
    if filters.event_types:
        clauses.append(isin("event_type", filters.event_types))
    if filters.status:
        clauses.append(isin("status", filters.status))
    if filters.sources:
        clauses.append(isin("source", filters.sources))
    if filters.min_confidence > 0:
        clauses.append("confidence >= ?")
        params.append(filters.min_confidence)
    if filters.text:
        if _SEP in filters.text:
            ors = []
            for column in TEXT_COLUMNS:
                ors.append(f"contains(lower({_q(column)}), lower(?))")
                params.append(filters.text)
            clauses.append("coalesce(" + " OR ".join(ors) + ", false)")
        else:
            clauses.append("contains(_search, lower(?))")
            params.append(filters.text)
    if not clauses:
        return "", []
    return " WHERE " + " AND ".join(f"({c})" for c in clauses), params


def _typed(frame: pd.DataFrame) -> pd.DataFrame:
    """Fix the dtypes DuckDB could not know (an empty VARCHAR column comes back as object)."""
    for column in frame.columns:
        want = schema.DTYPES.get(column)
        if want is not None and str(frame[column].dtype) != str(pd.Series([], dtype=want).dtype):
            frame[column] = frame[column].astype(want)
    return frame


# ----------------------------------------------------------------------------- readers

_READERS: dict[str, tuple[tuple, duckdb.DuckDBPyConnection]] = {}
_READERS_LOCK = threading.Lock()


def _identity(path: Path) -> tuple | None:
    try:
        st = os.stat(path)
    except FileNotFoundError:
        return None
    return (st.st_dev, st.st_ino, st.st_mtime_ns, st.st_size)


def _reader_cursor(path: Path) -> duckdb.DuckDBPyConnection | None:
    """A cursor on the current version of the file (None when there is no store yet)."""
    key = str(path)
    with _READERS_LOCK:
        ident = _identity(path)
        if ident is None:
            _READERS.pop(key, None)
            return None
        cached = _READERS.get(key)
        if cached is None or cached[0] != ident:
            con = duckdb.connect(":memory:", config={"preserve_insertion_order": True})
            try:
                con.execute("ATTACH ? AS store (READ_ONLY)", [key])
            except duckdb.Error as err:
                con.close()
                raise StoreError(f"{path}: cannot open the event store: {err}") from None
            # A replaced connection is not closed here: a query in another thread may still be
            # using a cursor of it. Its file handle goes when the last cursor does.
            _READERS[key] = cached = (ident, con)
        cursor = cached[1].cursor()
    cursor.execute("USE store")
    return cursor


def _cleanup_readers(path: Path) -> None:
    with _READERS_LOCK:
        cached = _READERS.pop(str(path), None)
    if cached is not None:
        cached[1].close()


# ----------------------------------------------------------------------------- writer lock

@contextlib.contextmanager
def _exclusive(lock_path: Path, db_path: Path) -> Iterator[None]:
    fd = os.open(lock_path, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        try:
            import fcntl
        except ImportError:  # Windows
            import msvcrt

            try:
                msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
            except OSError:
                raise StoreBusyError(_busy(db_path)) from None
            try:
                yield
            finally:
                os.lseek(fd, 0, os.SEEK_SET)
                msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)
            return
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise StoreBusyError(_busy(db_path)) from None
        try:
            yield
        finally:
            fcntl.flock(fd, fcntl.LOCK_UN)
    finally:
        os.close(fd)


def _busy(db_path: Path) -> str:
    return f"another ingest is writing to {db_path}; try again when it finishes"


def _fsync(path: Path) -> None:
    flags = os.O_RDONLY | getattr(os, "O_DIRECTORY", 0) if path.is_dir() else os.O_RDONLY
    try:
        fd = os.open(path, flags)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _chunks(items: Iterable, size: int) -> Iterator[list]:
    it = iter(items)
    while chunk := list(itertools.islice(it, size)):
        yield chunk


# ----------------------------------------------------------------------------- the store

class EventStore:
    """Articles, mentions and merged events in one DuckDB file.

    ``path`` None means ``$TIMELINE_DB`` if set, else ``data/timeline.duckdb``
    next to the package. The file is created by the first write; reading a
    store that does not exist yet gives empty results.
    """

    def __init__(self, path: str | os.PathLike | None = None, *, pipeline: Pipeline | None = None):
        if path is None:
            path = os.environ.get(ENV_VAR) or DEFAULT_PATH
        self.path = Path(path).expanduser().absolute()
        self._pipeline = pipeline

    def __repr__(self) -> str:
        return f"EventStore({str(self.path)!r})"

    @property
    def pipeline(self) -> Pipeline:
        if self._pipeline is None:
            self._pipeline = default_pipeline()
        return self._pipeline

    # ------------------------------------------------------------------ reading

    def version(self) -> str:
        """Changes whenever a write lands: a cache key for the page ("" before the first write)."""
        ident = _identity(self.path)
        return "" if ident is None else "-".join(str(x) for x in ident[1:])

    def last_modified(self) -> dt.datetime | None:
        ident = _identity(self.path)
        return None if ident is None else dt.datetime.fromtimestamp(ident[2] / 1e9)

    @contextlib.contextmanager
    def _read(self) -> Iterator[duckdb.DuckDBPyConnection | None]:
        cursor = _reader_cursor(self.path)
        try:
            yield cursor
        except duckdb.Error as err:  # a damaged file can attach and fail only when read
            raise StoreError(f"{self.path}: cannot open the event store: {_one_line(err)}") from None
        finally:
            if cursor is not None:
                cursor.close()

    def query(self, filters: Filters | None = None, limit: int | None = None,
              columns: Sequence[str] | None = None, offset: int = 0) -> pd.DataFrame:
        """The events ``filters`` keeps, ordered by date_start then event_id (undated last)."""
        columns = list(schema.EVENT_COLUMNS if columns is None else columns)
        unknown = [c for c in columns if c not in schema.DTYPES]
        if unknown:
            raise StoreError(f"unknown column: {unknown[0]!r}")
        where, params = where_sql(filters)
        # No ORDER BY: the table is kept sorted (see _sort_events) and DuckDB keeps insertion order.
        # A page of rows is found in two steps: the row ids (reading the filtered columns only,
        # stopping at the limit), then those rows' columns.
        select = ", ".join(_q(c) for c in columns)
        with self._read() as cur:
            if cur is None:
                return schema.empty_frame()[columns]
            if limit is None and not offset:
                frame = cur.execute(f"SELECT {select} FROM events{where}", params).df()
            else:
                params += [2**62 if limit is None else max(0, int(limit)), max(0, int(offset))]
                ids = [r[0] for r in cur.execute(f"SELECT rowid FROM events{where} LIMIT ? OFFSET ?",
                                                 params).fetchall()]
                frame = cur.execute(
                    f"SELECT {select} FROM events WHERE rowid BETWEEN ? AND ? "
                    "AND list_contains(?::BIGINT[], rowid) ORDER BY rowid",
                    [min(ids, default=0), max(ids, default=-1), ids]).df()
        return _typed(frame)

    def select(self, sql: str, params: Sequence | None = None) -> pd.DataFrame:
        """A read-only SQL query on the store's tables (``events``, ``articles``, ``mentions``), as a frame;
        ``None`` when the store does not exist yet. Values go in ``params``, never into ``sql``."""
        with self._read() as cur:
            if cur is None:
                return None
            return cur.execute(sql, list(params or [])).df()

    def article(self, article_id: str):
        """The stored article whose id is ``article_id`` (a timeline.Article, with its text), or None."""
        from .articles import Article

        frame = self.select("SELECT id, title, source, url, published, text FROM articles WHERE id = ? "
                            "ORDER BY ingested LIMIT 1", [article_id])
        if frame is None or frame.empty:
            return None
        row = frame.iloc[0]
        published = row["published"].date() if not pd.isna(row["published"]) else None

        def text(value):
            return None if value is None or (isinstance(value, float) and pd.isna(value)) else str(value)
        return Article(str(row["id"]), text(row["title"]) or "", text(row["text"]) or "", source=text(row["source"]),
                       url=text(row["url"]), published=published)

    def iter_events(self, filters: Filters | None = None, rows: int = 20_480) -> Iterator[pd.DataFrame]:
        """The kept events in the store's order, ``rows`` at a time (memory stays flat however many)."""
        where, params = where_sql(filters)
        select = ", ".join(_q(c) for c in schema.EVENT_COLUMNS)
        with self._read() as cur:
            if cur is None:
                return
            cur.execute(f"SELECT {select} FROM events{where}", params)
            while True:
                frame = cur.fetch_df_chunk(max(1, rows // 2048))
                if frame.empty:
                    return
                yield _typed(frame)

    def by_ids(self, ids: Sequence[str], filters: Filters | None = None) -> pd.DataFrame:
        """The events whose event_id is in ``ids`` (and that ``filters`` keeps), in the store's (date) order."""
        where, params = where_sql(filters)
        where = f"{where} AND" if where else " WHERE"
        with self._read() as cur:
            if cur is None or not len(ids):
                return schema.empty_frame()
            select = ", ".join(_q(c) for c in schema.EVENT_COLUMNS)
            frame = cur.execute(f"SELECT {select} FROM events{where} list_contains(?::VARCHAR[], event_id) "
                                "ORDER BY rowid", [*params, list(ids)]).df()
        return _typed(frame)

    def events(self) -> pd.DataFrame:
        """Every stored event."""
        return self.query(None)

    def count(self, filters: Filters | None = None) -> int:
        where, params = where_sql(filters)
        with self._read() as cur:
            if cur is None:
                return 0
            return int(cur.execute(f"SELECT count(*) FROM events{where}", params).fetchall()[0][0])

    def counts(self, column: str, filters: Filters | None = None, limit: int | None = None) -> dict[str, int]:
        """value -> number of kept events, most first (as ``filters.counts``); "actors" counts each name."""
        if column not in _COUNTABLE:
            raise StoreError(f"cannot count column {column!r}; one of: {', '.join(_COUNTABLE)}")
        where, params = where_sql(filters)
        if column == "actors":
            sql = (f"SELECT name, count(*) AS n FROM (SELECT unnest(_actors) AS name FROM events{where}) "
                   "GROUP BY name")
        else:
            sql = (f"SELECT {_q(column)} AS name, count(*) AS n FROM events{where} "
                   f"{'AND' if where else 'WHERE'} {_q(column)} IS NOT NULL GROUP BY name")
        sql += " ORDER BY n DESC, name ASC"
        if limit is not None:
            sql += " LIMIT ?"
            params.append(int(limit))
        with self._read() as cur:
            if cur is None:
                return {}
            rows = cur.execute(sql, params).fetchall()
        return {str(name): int(n) for name, n in rows}

    def facets(self, filters: Filters | None = None, columns: Sequence[str] = ("actors", "country", "location",
               "event_type", "status", "source"), limit: int | None = None) -> dict[str, dict[str, int]]:
        """``counts`` for several columns at once: what the filter widgets list."""
        return {column: self.counts(column, filters, limit) for column in columns}

    def date_histogram(self, filters: Filters | None = None, freq: str = "month") -> pd.DataFrame:
        """Kept events per period of date_start: columns ``period`` (datetime64[s]) and ``events``."""
        unit = _FREQS.get(freq)
        if unit is None:
            raise StoreError(f"freq: {freq!r} is not one of day, week, month, quarter, year")
        where, params = where_sql(filters)
        sql = (f"SELECT date_trunc('{unit}', date_start)::TIMESTAMP_S AS period, count(*)::BIGINT AS events "
               f"FROM events{where} {'AND' if where else 'WHERE'} date_start IS NOT NULL "
               "GROUP BY period ORDER BY period")
        with self._read() as cur:
            if cur is None:
                frame = pd.DataFrame({"period": pd.Series([], dtype="datetime64[s]"),
                                      "events": pd.Series([], dtype="int64")})
            else:
                frame = cur.execute(sql, params).df()
        return frame.astype({"period": "datetime64[s]", "events": "int64"})

    def locations(self, filters: Filters | None = None) -> pd.DataFrame:
        """Kept events per place with coordinates: location, country, lat, lon, events (for the map)."""
        where, params = where_sql(filters)
        sql = (f"SELECT location, country, lat, lon, count(*)::BIGINT AS events FROM events{where} "
               f"{'AND' if where else 'WHERE'} lat IS NOT NULL AND lon IS NOT NULL "
               "GROUP BY location, country, lat, lon ORDER BY events DESC, location")
        with self._read() as cur:
            if cur is None:
                return pd.DataFrame({"location": pd.Series([], dtype="str"), "country": pd.Series([], dtype="str"),
                                     "lat": pd.Series([], dtype="float64"), "lon": pd.Series([], dtype="float64"),
                                     "events": pd.Series([], dtype="int64")})
            frame = cur.execute(sql, params).df()
        return _typed(frame).astype({"events": "int64"})

    def date_range(self, filters: Filters | None = None) -> tuple[dt.date | None, dt.date | None]:
        """Earliest date_start and latest date_end of the kept events."""
        where, params = where_sql(filters)
        with self._read() as cur:
            if cur is None:
                return None, None
            lo, hi = cur.execute(f"SELECT min(date_start), max(date_end) FROM events{where}", params).fetchall()[0]
        return (lo.date() if lo else None), (hi.date() if hi else None)

    def stats(self) -> dict[str, int]:
        """Row counts of the three tables."""
        with self._read() as cur:
            if cur is None:
                return {"articles": 0, "mentions": 0, "events": 0}
            return {t: int(cur.execute(f"SELECT count(*) FROM {t}").fetchall()[0][0])
                    for t in ("articles", "mentions", "events")}

    def articles(self) -> pd.DataFrame:
        """The stored articles' metadata (no text), oldest ingest first."""
        with self._read() as cur:
            if cur is None:
                return pd.DataFrame(columns=["key", "id", "title", "source", "url", "published", "path", "ingested"])
            return cur.execute("SELECT key, id, title, source, url, published, path, ingested "
                               "FROM articles ORDER BY ingested, key").df()

    # ------------------------------------------------------------------ exports

    def to_parquet(self, target: str | os.PathLike, filters: Filters | None = None) -> int:
        """Write the kept events to a Parquet file atomically; returns the row count."""
        target = Path(target)
        where, params = where_sql(filters)
        tmp = target.with_name(f".{target.name}.{os.getpid()}.tmp")
        if _identity(self.path) is None:
            schema.empty_frame().to_parquet(tmp, index=False)
            _replace(tmp, target)
            return 0
        # a connection of its own, with one thread, and small row groups: the writer buffers one group at a
        # time (683,000 events took 1.1 GB with DuckDB's defaults, 0.35 GB so, and less time), and the
        # readers the page shares keep their threads
        con = duckdb.connect(":memory:", config={"threads": 1, "preserve_insertion_order": True})
        try:
            con.execute("ATTACH ? AS store (READ_ONLY)", [str(self.path)])
            con.execute("USE store")
            n = con.execute(f"SELECT count(*) FROM events{where}", params).fetchall()[0][0]
            con.execute(f"COPY (SELECT {_EVENT_SELECT} FROM events{where}) TO '{_sql_path(tmp)}' "
                        "(FORMAT parquet, COMPRESSION zstd, ROW_GROUP_SIZE 20000)", params)
        except duckdb.Error as err:
            with contextlib.suppress(OSError):
                os.remove(tmp)
            raise StoreError(f"{self.path}: cannot export the event store: {_one_line(err)}") from None
        finally:
            con.close()
        _replace(tmp, target)
        return int(n)

    def to_csv(self, target: str | os.PathLike | None = None, filters: Filters | None = None) -> bytes | int:
        """The kept events, byte for byte what ``export.to_csv`` writes, read from the stored CSV lines.

        Returns the bytes when ``target`` is None, else writes ``target``
        atomically and returns the number of rows.
        """
        where, params = where_sql(filters)
        out = Path(target) if target is not None else None
        if out is None:  # bytes wanted: spool through the system's temporary folder
            fd, name = tempfile.mkstemp(prefix="timeline-", suffix=".csv")
            os.close(fd)
            tmp = Path(name)
        else:
            tmp = out.with_name(f".{out.name}.{os.getpid()}.{threading.get_ident()}.tmp")
        with self._read() as cur:
            if cur is None:
                from . import export

                tmp.write_bytes(export.to_csv(schema.empty_frame()))
                n = 0
            else:
                # every row's CSV line is stored (_csv): the Arrow buffer of that column is the file's bytes
                sql = f"SELECT _csv FROM events{where}" if _has_column(cur, "events", "_csv") \
                    else _CSV_LINES.format(where=where)
                reader = cur.sql(sql, params=params).to_arrow_reader()
                n = 0
                with open(tmp, "wb") as fh:
                    fh.write(_CSV_HEADER)
                    for batch in reader:
                        fh.write(_string_bytes(batch.column(0)))
                        n += batch.num_rows
        if out is None:
            try:
                return tmp.read_bytes()
            finally:
                os.remove(tmp)
        _replace(tmp, out)
        return int(n)

    # ------------------------------------------------------------------ writing

    @contextlib.contextmanager
    def _write(self) -> Iterator[_Writing]:
        """Lock, copy, work on the copy, rename it over the store. See the module docstring.

        The body sets ``writing.changed = False`` when it changed nothing: the copy is
        then dropped and the store file (and its ``version()``) stays as it was.
        """
        self.path.parent.mkdir(parents=True, exist_ok=True)
        with _exclusive(self.path.with_name(self.path.name + ".lock"), self.path):
            for stale in glob.glob(glob.escape(str(self.path.with_name(f".{self.path.name}."))) + "*.tmp*"):
                # left by a writer that died (its copy, WAL, and DuckDB's spill folder): we hold the lock
                if os.path.isdir(stale):
                    shutil.rmtree(stale, ignore_errors=True)
                else:
                    with contextlib.suppress(OSError):
                        os.remove(stale)
            tmp = self.path.with_name(f".{self.path.name}.{os.getpid()}.tmp")
            con = None
            try:
                if self.path.exists():
                    shutil.copyfile(self.path, tmp)
                # a bounded buffer pool: sorts spill to disk rather than grow the writer past its budget
                con = duckdb.connect(str(tmp), config={"memory_limit": WRITER_MEMORY,
                                                       "preserve_insertion_order": True})
                writing = _Writing(con)
                _ensure_schema(con)
            except (duckdb.Error, OSError) as err:
                _discard(con, tmp)
                raise StoreError(f"{self.path}: cannot open the event store: {_one_line(err)}. It is unchanged; "
                                 f"to rebuild it, move it away and run: python -m timeline ingest <articles>") from None
            try:
                yield writing
                if writing.sort:
                    _sort_events(con)
                con.execute("CHECKPOINT").fetchall()
                con.close()
                if not writing.changed and self.path.exists():
                    os.remove(tmp)
                    return
                _fsync(tmp)
                os.replace(tmp, self.path)
                _fsync(self.path.parent)
            except (duckdb.Error, OSError) as err:
                _discard(con, tmp)
                full = getattr(err, "errno", None) in (errno.ENOSPC, errno.EFBIG) or any(
                    s in str(err) for s in ("File too large", "No space left"))
                raise StoreError(f"{self.path}: the write failed{' (the disk is full)' if full else ''} and the "
                                 f"store is unchanged: {_one_line(err)}") from None
            except BaseException:
                _discard(con, tmp)
                raise

    def ingest(self, articles: Iterable, *, batch_size: int = 200, progress: Callable[[int], None] | None = None,
               errors: Iterable[str] = (), mapper: Callable | None = None) -> IngestReport:
        """Store new articles and their mentions, and merge them into the events. Idempotent, all or nothing.

        ``articles`` may be any iterable; a generator streams (one batch of
        articles and its mentions in memory at a time, then one type family
        of mentions during the merge). ``progress(n)`` is called as batches of
        n articles are done. ``mapper`` runs the extraction (default: in this
        process; ``distributed.dask_mapper`` runs it on a dask cluster). Raises
        StoreBusyError when another writer is at work; the store is then untouched.

        The events of each type family the new mentions touch are merged again
        from all stored mentions of that family, so the event table is always
        exactly ``merge`` of every stored mention: the same rows ``timeline.parse``
        gives for all the articles ever ingested.
        """
        started = time.perf_counter()
        report = IngestReport(errors=list(errors))
        pipeline = self.pipeline
        # extraction elsewhere (dask workers, often on this same machine): this process only stores, so
        # DuckDB keeps a smaller buffer and leaves the memory to them
        beside = _settings if mapper is not None else (lambda con, **_: contextlib.nullcontext())
        mapper = mapper or local_mapper(pipeline.extract)
        with self._write() as writing, beside(writing.con, memory_limit=MERGE_MEMORY):
            con = writing.con
            report.events_before = _count(con, "events")
            seen: set[str] = set()
            sizes: list[int] = []

            def batches():
                for batch in _chunks(articles, batch_size):
                    keyed = _new_articles(con, batch, seen)
                    report.articles_skipped += len(batch) - len(keyed)
                    sizes.append(len(batch))
                    yield keyed

            touched: set[str] = set()
            for keyed, (mentions, keys, ok, failed) in mapper(batches()):
                report.errors.extend(failed)
                _insert_articles(con, [keyed[i] for i in ok])
                report.articles_new += len(ok)
                report.mentions += len(mentions)
                if len(mentions):
                    _insert_mentions(con, mentions, keys)
                    touched.update(mentions["event_type"].dropna().unique().tolist())
                    if mentions["event_type"].isna().any():
                        touched.add(None)
                if progress is not None and sizes:
                    progress(sizes.pop(0))
            if touched:
                _remerge(con, pipeline, touched)
            report.events_after = _count(con, "events")
            writing.changed = bool(report.articles_new)
            writing.sort = bool(touched)
        report.seconds = time.perf_counter() - started
        return report

    def rebuild(self) -> int:
        """Merge every stored mention again (after the merge rules changed); returns the event count."""
        with self._write() as writing:
            con = writing.con
            types = [r[0] for r in con.execute("SELECT DISTINCT event_type FROM mentions").fetchall()]
            con.execute(f"DELETE FROM events WHERE {_MERGED}").fetchall()
            _remerge(con, self.pipeline, set(types))
            return _count(con, "events")

    def put_events(self, frame: pd.DataFrame, *, replace: bool = False) -> int:
        """Write merged event rows directly (imports, benchmarks): rows whose event_id is stored replace it."""
        frame = schema.check_frame(frame)
        with self._write() as writing:
            con = writing.con
            if replace:
                con.execute("DELETE FROM events").fetchall()
                con.execute("DELETE FROM imported").fetchall()
            if len(frame):
                con.register("incoming_ids", frame[["event_id"]])
                if not replace:
                    con.execute("DELETE FROM events WHERE event_id IN (SELECT event_id FROM incoming_ids)").fetchall()
                    con.execute("DELETE FROM imported WHERE event_id IN (SELECT event_id FROM incoming_ids)").fetchall()
                con.execute("INSERT INTO imported SELECT DISTINCT event_id FROM incoming_ids").fetchall()
                con.unregister("incoming_ids")
            if _count(con, "events") == 0:  # written in order: no second copy of the table to sort
                _insert_events(con, frame, ordered=True)
                writing.sort = False
            else:
                _insert_events(con, frame)
            return _count(con, "events")

    def import_parquet(self, source: str | os.PathLike, *, replace: bool = False) -> int:
        """Load events from a Parquet file (as ``to_parquet`` writes them); see ``put_events``."""
        frame = pd.read_parquet(source)
        missing = [c for c in schema.EVENT_COLUMNS if c not in frame.columns]
        if missing:
            raise StoreError(f"{source}: not an event table (missing column {missing[0]!r})")
        return self.put_events(schema.conform(frame[list(schema.EVENT_COLUMNS)]), replace=replace)


# ----------------------------------------------------------------------------- write helpers

@dataclasses.dataclass
class _Writing:
    con: duckdb.DuckDBPyConnection
    changed: bool = True  # False: drop the copy, keep the store file as it was
    sort: bool = True  # re-sort the event table before committing



def _ensure_schema(con) -> None:
    for ddl in _DDL:
        con.execute(ddl).fetchall()
    stored = _get_meta(con, "schema_version")
    if stored == "1":  # version 1 kept no CSV lines: add them
        if not _has_column(con, "events", "_csv"):
            con.execute("ALTER TABLE events RENAME TO events_v1").fetchall()
            con.execute(f"CREATE TABLE events AS {_events_select('events_v1')} ORDER BY {ORDER_BY}").fetchall()
            con.execute("DROP TABLE events_v1").fetchall()
        stored = None
    if stored is None:
        _set_meta(con, "schema_version", SCHEMA_VERSION)
    elif stored != SCHEMA_VERSION:
        raise StoreError(f"store schema version {stored}, this program writes version {SCHEMA_VERSION}")


def _has_column(con, table: str, column: str) -> bool:
    return bool(con.execute("SELECT count(*) FROM duckdb_columns() WHERE database_name = current_database() "
                            "AND table_name = ? AND column_name = ?", [table, column]).fetchall()[0][0])


def _discard(con, tmp: Path) -> None:
    """Close a failed writer's connection (DuckDB may already have invalidated it) and delete its copy."""
    if con is not None:
        with contextlib.suppress(Exception):
            con.close()
    for leftover in (tmp, Path(str(tmp) + ".wal")):
        with contextlib.suppress(OSError):
            os.remove(leftover)
    shutil.rmtree(str(tmp) + ".tmp", ignore_errors=True)  # DuckDB's spill folder


def _one_line(err: BaseException) -> str:
    return " ".join(str(err).split())[:500]


def _sort_events(con) -> None:
    """Keep the event table in ORDER_BY order: reads need no sort, and date filters skip whole row groups.

    The table is rewritten a range of dates (~_SORT_CHUNK rows) at a time, on one thread: each sort is
    small enough for WRITER_MEMORY (one sort of a large table could not spill enough to fit in it)."""
    ranges = _date_ranges(con, "events")
    with _settings(con, threads=1):
        if len(ranges) <= 1:
            con.execute(f"CREATE OR REPLACE TABLE events AS SELECT * FROM events ORDER BY {ORDER_BY}").fetchall()
            return
        con.execute("CREATE OR REPLACE TABLE _events_sorted AS SELECT * FROM events LIMIT 0").fetchall()
        for where, params in ranges:
            con.execute(f"INSERT INTO _events_sorted SELECT * FROM events WHERE {where} ORDER BY {ORDER_BY}",
                        params).fetchall()
        con.execute("DROP TABLE events").fetchall()
        con.execute("ALTER TABLE _events_sorted RENAME TO events").fetchall()


def _date_ranges(con, source: str, params: list | None = None) -> list[tuple[str, list]]:
    """WHERE clauses (with parameters) that cut ``source`` into ranges of date_start of ~_SORT_CHUNK rows,
    in ORDER_BY order (undated rows last)."""
    counts = con.execute(f"SELECT date_start, count(*) FROM {source} GROUP BY date_start "
                         "ORDER BY date_start NULLS LAST", params or []).fetchall()
    starts, size = [], 0
    for day, n in counts:
        if day is None:
            continue
        if not starts or (size and size + n > _SORT_CHUNK):
            starts.append(day)
            size = 0
        size += n
    ranges = [("date_start >= ? AND date_start < ?", [lo, hi]) for lo, hi in zip(starts, starts[1:])]
    if starts:
        ranges.append(("date_start >= ?", [starts[-1]]))
    if any(day is None for day, _ in counts):
        ranges.append(("date_start IS NULL", []))
    return ranges


@contextlib.contextmanager
def _settings(con, **values) -> Iterator[None]:
    """DuckDB settings (threads, memory_limit) changed for the duration of a block."""
    names = list(values)
    before = con.execute(f"SELECT {', '.join('current_setting(?)' for _ in names)}", names).fetchall()[0]
    for name, value in values.items():
        con.execute(f"SET {name} = '{value}'").fetchall()
    try:
        yield
    finally:
        for name, value in zip(names, before):
            con.execute(f"SET {name} = '{WRITER_MEMORY if name == 'memory_limit' else value}'").fetchall()


def _get_meta(con, key: str) -> str | None:
    rows = con.execute("SELECT value FROM meta WHERE key = ?", [key]).fetchall()
    return rows[0][0] if rows else None


def _set_meta(con, key: str, value: str) -> None:
    con.execute("INSERT OR REPLACE INTO meta VALUES (?, ?)", [key, value]).fetchall()


def _count(con, table: str) -> int:
    return int(con.execute(f"SELECT count(*) FROM {table}").fetchall()[0][0])


def _concat(frames: list[pd.DataFrame]) -> pd.DataFrame:
    frames = [f for f in frames if len(f)]
    if not frames:
        return schema.empty_frame()
    if len(frames) == 1:
        return frames[0].reset_index(drop=True)
    return pd.concat(frames, ignore_index=True)


def _new_articles(con, batch: list, seen: set[str]) -> list[tuple[str, object]]:
    keyed = []
    for article in batch:
        key = article_key(article)
        if key not in seen:
            seen.add(key)
            keyed.append((key, article))
    if not keyed:
        return []
    stored = {row[0] for row in con.execute(
        "SELECT key FROM articles WHERE key IN (SELECT unnest(?::VARCHAR[]))", [[k for k, _ in keyed]]).fetchall()}
    return [(k, a) for k, a in keyed if k not in stored]


def _insert_articles(con, keyed: list[tuple[str, object]]) -> None:
    if not keyed:
        return
    now = dt.datetime.now().replace(microsecond=0)
    frame = pd.DataFrame({
        "key": pd.Series([k for k, _ in keyed], dtype="str"),
        "id": pd.Series([None if a.id is None else str(a.id) for _, a in keyed], dtype="str"),
        "title": pd.Series([a.title for _, a in keyed], dtype="str"),
        "source": pd.Series([a.source for _, a in keyed], dtype="str"),
        "url": pd.Series([a.url for _, a in keyed], dtype="str"),
        "published": pd.Series([_timestamp(a.published) for _, a in keyed], dtype="datetime64[s]"),
        "path": pd.Series([getattr(a, "path", None) for _, a in keyed], dtype="str"),
        "text": pd.Series([a.text for _, a in keyed], dtype="str"),
    })
    con.register("incoming_articles", frame)
    try:
        con.execute("INSERT INTO articles SELECT *, ?::TIMESTAMP FROM incoming_articles", [now]).fetchall()
    finally:
        con.unregister("incoming_articles")


def _insert_mentions(con, frame: pd.DataFrame, keys: list[str]) -> None:
    frame = frame.assign(article_key=pd.Series(keys, dtype="str"))
    con.register("incoming", frame)
    try:
        con.execute(f"INSERT INTO mentions SELECT article_key, {_EVENT_SELECT} FROM incoming").fetchall()
    finally:
        con.unregister("incoming")


def _insert_events(con, frame: pd.DataFrame, ordered: bool = False) -> None:
    if not len(frame):
        return
    con.register("incoming", schema.check_frame(frame))
    try:
        if ordered:  # a range of dates at a time (see _sort_events)
            with _settings(con, threads=1):
                for where, params in _date_ranges(con, "incoming") or [("true", [])]:
                    con.execute(f"INSERT INTO events {_events_select(f'(SELECT * FROM incoming WHERE {where})')} "
                                f"ORDER BY {ORDER_BY}", params).fetchall()
        else:
            con.execute(f"INSERT INTO events {_events_select('incoming')}").fetchall()
    finally:
        con.unregister("incoming")


def _read_events(con, where: str = "", params: list | None = None) -> pd.DataFrame:
    return _typed(con.execute(f"SELECT {_EVENT_SELECT} FROM events{where}", params or []).df())


def _remerge(con, pipeline: Pipeline, touched: set) -> None:
    """Re-merge, from the stored mentions, every block (type family) holding one of the touched types."""
    types = [r[0] for r in con.execute(
        "SELECT DISTINCT event_type FROM mentions UNION SELECT DISTINCT event_type FROM events").fetchall()]
    if pipeline.family is None:
        blocks = {"*": types}
    else:
        blocks: dict = {}
        for t in types:
            blocks.setdefault(pipeline.family(t) if t is not None else None, []).append(t)
        wanted = {pipeline.family(t) if t is not None else None for t in touched}
        blocks = {f: ts for f, ts in blocks.items() if f in wanted}
    for members in blocks.values():
        named = [t for t in members if t is not None]
        cond = " OR ".join(filter(None, [
            f"event_type IN ({', '.join('?' for _ in named)})" if named else "",
            "event_type IS NULL" if None in members else "",
        ]))
        con.execute(f"DELETE FROM events WHERE ({cond}) AND {_MERGED}", named).fetchall()
        if pipeline.clusterer is not None:
            _merge_streamed(con, pipeline.clusterer, cond, named)
        else:
            mentions = _typed(con.execute(
                f"SELECT {_EVENT_SELECT} FROM mentions WHERE {cond} ORDER BY event_id", named).df())
            merged = pipeline.merge(mentions) if len(mentions) else schema.empty_frame()
            _insert_events(con, merged)
            del mentions, merged
    # an imported event that the merge made again (the store's own export, imported back) is listed once:
    # the merged row, the last written, stays, and is merged again from then on
    twice = [r[0] for r in con.execute(
        "SELECT event_id FROM events WHERE event_id IN (SELECT event_id FROM imported) GROUP BY event_id "
        "HAVING count(*) > 1").fetchall()]
    if twice:
        con.execute("DELETE FROM events WHERE rowid IN (SELECT rowid FROM (SELECT rowid, row_number() OVER "
                    "(PARTITION BY event_id ORDER BY rowid DESC) AS r FROM events WHERE "
                    "list_contains(?::VARCHAR[], event_id)) WHERE r > 1)", [twice]).fetchall()
        con.execute("DELETE FROM imported WHERE list_contains(?::VARCHAR[], event_id)", [twice]).fetchall()


_OWN_DATE = """coalesce(contains(spans, '"date"'), false)"""  # merge.owns_date in SQL
_LIGHT_BATCH = 100_000  # mention records per batch fed to the clustering
_MEMBER_BATCH = 20_000  # full mention rows per batch read back for combining
_EVENT_BATCH = 10_000  # merged rows per insert
_COMBINE_PASS = 50_000  # mentions per pass of step 2
_SORT_CHUNK = 100_000  # events per sort when the event table is put in order


def _merge_streamed(con, make_clusterer: Callable, cond: str, params: list) -> None:
    """Merge the mentions ``cond`` selects into events, streaming (see timeline/merge.py).

    1. The few columns clustering reads, in date order, in batches, first of the mentions that date
       themselves, then of the others: only the clusterer's small per-event state stays in memory.
    2. In passes of whole events (~_COMBINE_PASS mentions each), the pass's (row, event, rank) go to
       DuckDB, which reads those mentions back sorted by event and rank; each event's row is combined
       from its members, and the pass's rows are inserted in batches.

    DuckDB runs these on one thread within MERGE_MEMORY: the sorts spill to disk rather than take the
    room the clusterer needs (100,000 articles: ~0.8 million mentions, ~0.3 million events in the
    largest family, ~150 MB of clusterer state).
    """
    with _settings(con, threads=1, memory_limit=MERGE_MEMORY):  # one thread's sort buffers, not one per core
        _merge_streamed_steps(con, make_clusterer, cond, params)


def _merge_streamed_steps(con, make_clusterer: Callable, cond: str, params: list) -> None:
    merge_mod = importlib.import_module("timeline.merge")
    clusterer, records = make_clusterer(), merge_mod.Records()  # held here only: freed before step 2
    light = ", ".join(_q(c) for c in merge_mod.LIGHT_COLUMNS)
    order = "CAST(date_start AS DATE) ASC NULLS FIRST, event_id ASC NULLS FIRST, rowid"
    for own, feed in ((True, clusterer.own), (False, clusterer.context)):
        reader = con.sql(
            f"SELECT rowid AS _row, {light} FROM mentions WHERE ({cond}) AND {'' if own else 'NOT '}{_OWN_DATE} "
            f"ORDER BY {order}", params=params).to_arrow_reader(batch_size=_LIGHT_BATCH)
        for batch in reader:
            feed(records.make(batch.column(0).to_pylist(), merge_mod.arrow_columns(batch, merge_mod.LIGHT_COLUMNS)))
    rows, events, ranks = clusterer.assignments()
    del records, clusterer
    if not len(rows):
        return
    # step 2 in passes of whole events, ~_COMBINE_PASS mentions each: a small join table and a sort that
    # fits in MERGE_MEMORY (each pass reads the mentions table once)
    columns = ", ".join(f"m.{_q(c)}" for c in schema.EVENT_COLUMNS)
    sql = (f"SELECT {columns}, coalesce(contains(m.spans, '\"date\"'), false) AS _own, a._event "
           "FROM mentions m JOIN assigned a ON m.rowid = a._row ORDER BY a._event, a._rank")
    sizes = np.bincount(events)
    bounds = np.searchsorted(np.cumsum(sizes), np.arange(_COMBINE_PASS, int(sizes.sum()), _COMBINE_PASS), "left")
    cuts = [0, *sorted({int(b) + 1 for b in bounds}), len(sizes)]
    for lo, hi in zip(cuts, cuts[1:]):
        if lo >= hi:
            continue
        keep = (events >= lo) & (events < hi)
        con.register("assigned", pa.table({"_row": rows[keep], "_event": events[keep], "_rank": ranks[keep]}))
        try:
            # read to the end before inserting: no query stays open across the inserts, so DuckDB can
            # checkpoint them as they grow rather than hold them in memory
            merged = list(merge_mod.combine_stream(con.sql(sql).to_arrow_reader(batch_size=_MEMBER_BATCH)))
        finally:
            con.unregister("assigned")
        for k in range(0, len(merged), _EVENT_BATCH):
            _insert_events(con, merge_mod.rows_frame(merged[k:k + _EVENT_BATCH]))
        del merged


def _string_bytes(array) -> bytes | memoryview:
    """The concatenated values of an Arrow string array with no nulls, without a copy when possible."""
    if len(array) == 0:
        return b""
    if pa.types.is_string(array.type) or pa.types.is_large_string(array.type):
        width = "<i8" if pa.types.is_large_string(array.type) else "<i4"
        offsets = np.frombuffer(array.buffers()[1], dtype=width)[array.offset: array.offset + len(array) + 1]
        return memoryview(array.buffers()[2])[int(offsets[0]): int(offsets[-1])]
    return "".join(array.to_pylist()).encode("utf-8")


def _sql_path(path: Path) -> str:
    return str(path).replace("'", "''")


def _replace(tmp: Path, target: Path) -> None:
    try:
        _fsync(tmp)
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.remove(tmp)
        raise


def write_atomic(target: Path, data: bytes | Iterable[bytes]) -> None:
    """Write ``data`` (bytes, or pieces of them written one by one) to a temporary file, then rename it."""
    tmp = target.with_name(f".{target.name}.{os.getpid()}.tmp")
    try:
        with open(tmp, "wb") as fh:
            for piece in ([data] if isinstance(data, (bytes, bytearray, memoryview)) else data):
                fh.write(piece)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.remove(tmp)
        raise


__all__ = ["EventStore", "IngestReport", "Pipeline", "StoreError", "StoreBusyError", "article_key", "write_atomic",
           "default_pipeline", "where_sql", "DEFAULT_PATH", "ENV_VAR"]
