"""Join mentions of one event, within an article and across articles.

Two mentions are one event when they are of the same family of types
(a summit and the meeting it was), one's two roles are among the other's
("Kim" joins "Kim and Putin"; "Kim and Trump" does not), their date
intervals overlap, and their places do not contradict each other (same
country, or one of them only a country or unknown). A mention whose date
came from context rather than its own words (no "date" span) fits any
event its other fields fit; it joins the one whose date is nearest its
context date.

The merged row takes its evidence and label from the most confident mention
(of a meeting, from one that dates itself with the most specific word: a
summit, then talks, then a meeting), the
narrowest own date, the most specific place, the union of the actors, and
the status of the latest report that dates the event itself (occurred wins
among equals: a planned event reported later as done is occurred). Its
``event_id`` is the smallest mention id of its members: stable across runs
and input order.

How it runs, in two steps that need different columns:

1. Clustering (``Clusterer``) reads only the few fields that decide who joins
   whom (type family, roles, dates, place, article), as small records, in
   date order: first the mentions that date themselves (a sweep that keeps
   only the events still open at the current date), then the mentions dated
   by context (each looks for the nearest fitting event: an outward walk from
   its date, a per-article list for the events of its own article further
   away, and the events context mentions started). It hands out, for every
   mention, its event number and its rank among the event's members.
2. Combining (``combine``) builds each event's row from its members' full rows.

``merge(frame)`` runs both in memory. The event store runs the same two steps
over DuckDB: records streamed in date order into a ``Clusterer``, then the
mentions read back sorted by (event, rank) and combined event by event, so
neither step holds more than the small per-event state of the clustering.
"""
from __future__ import annotations

import bisect
import gc
from array import array
from collections.abc import Iterable, Iterator

import numpy as np
import pandas as pd

from .events import FAMILY
from .filters import split_names
from .schema import EVENT_COLUMNS, empty_frame

_STATUS_RANK = {"occurred": 3, "planned": 2, "possible": 1, "denied": 0}
_GEO_RANK = {"city": 3, "region": 2, "country": 1}
_SPEAKER_ONLY = frozenset({"say", "accuse", "threaten", "demand"})
_WINDOW_DAYS = 1100  # a mention dated by context joins an event of its article at most about three years away
_OTHER_ARTICLE_DAYS = 45  # ... and one of another article at most this far from its context date
_FAR = 1 << 62

# the columns clustering reads (step 1); "own" (the mention dates itself) comes from ``spans``
LIGHT_COLUMNS = ("event_type", "actor1", "actor2", "actors", "date_start", "date_end", "country", "geo_precision",
                 "location", "article_id", "status")
_DATE_COLUMNS = ("date_start", "date_end", "published")
_FLOAT_COLUMNS = ("lat", "lon", "confidence")


def _day(value) -> int:
    return 0 if value is None else value


def owns_date(spans) -> bool:
    """Whether a mention's date came from its own words (its spans name a "date")."""
    return '"date"' in (spans or "")


class _Rec:
    """The fields of one mention that clustering reads. ``i`` is the caller's id of the row."""

    __slots__ = ("i", "names", "keys", "start", "end", "country", "geo", "article")


class _Cluster:
    """One event being built. Kept small, as there are hundreds of thousands of them: ``keys`` is a tuple
    (often the very tuple of the mention that started it) and ``articles`` the one article id until a
    second one joins, then a set."""

    __slots__ = ("no", "actors", "start", "end", "country", "geo", "keys", "articles", "indexed")

    def __init__(self, no: int, rec: _Rec):
        self.no = no
        self.actors = rec.names  # a frozenset, replaced (never changed) when it grows
        self.start, self.end = rec.start, rec.end
        self.country, self.geo = rec.country, rec.geo
        self.keys: tuple = ()
        self.articles = rec.article
        self.indexed = False  # made by a mention that dates itself (then found by date and by article)

    def has_article(self, article) -> bool:
        articles = self.articles
        return article in articles if isinstance(articles, set) else article == articles

    def article_list(self) -> list:
        articles = self.articles
        return list(articles) if isinstance(articles, set) else [articles]

    def fits(self, rec: _Rec, own: bool) -> bool:
        names, actors = rec.names, self.actors
        if actors and names:
            if not (names <= actors or actors <= names):
                return False
        elif actors or names:
            return False
        if own:
            if self.country and rec.country and self.country != rec.country \
                    and rec.geo != "country" and self.geo != "country":
                return False
            if self.start is not None and rec.start is not None:
                return rec.start <= self.end and self.start <= rec.end
        return True

    def add(self, rec: _Rec, own: bool) -> None:
        articles = self.articles
        if isinstance(articles, set):
            articles.add(rec.article)
        elif articles != rec.article:
            self.articles = {articles, rec.article}
        if not rec.names <= self.actors:
            self.actors = self.actors | rec.names
        if own and rec.start is not None:
            if self.start is None or (rec.end - rec.start) < (self.end - self.start):
                self.start, self.end = rec.start, rec.end
        if not self.country or self.geo == "country":
            if rec.country:
                self.country, self.geo = rec.country, rec.geo


class Records:
    """Column lists -> ``_Rec`` records, sharing the repeated values (names, keys, places, article ids)."""

    def __init__(self):
        self._names: dict = {}
        self._keys: dict = {}
        self._strings: dict = {}
        self._days: dict = {}

    def make(self, ids, cols: dict[str, list]) -> list[_Rec]:
        """``ids``: the caller's id of each row; ``cols``: LIGHT_COLUMNS as lists (dates as day numbers)."""
        names_cache, keys_cache = self._names, self._keys
        shared = self._strings.setdefault
        # a denial ("Putin did not attend the summit in New Delhi") is not the same happening as what did occur
        families = [FAMILY.get(t, t) if status != "denied" else f"{FAMILY.get(t, t)} (denied)"
                    for t, status in zip(cols["event_type"], cols["status"])]
        countries = [shared(v, v) for v in cols["country"]]
        geos = [shared(v, v) for v in cols["geo_precision"]]
        articles = [shared(v, v) for v in cols["article_id"]]
        day = self._days.setdefault
        starts = [day(v, v) for v in cols["date_start"]]
        ends = [day(v, v) for v in cols["date_end"]]
        out = []
        new = _Rec.__new__
        for i, family, a1, a2, actors, start, end, country, geo, loc, art in zip(
                ids, families, cols["actor1"], cols["actor2"], cols["actors"], starts, ends, countries, geos,
                cols["location"], articles):
            # who an event is about: its two roles (the full actor list also holds bystanders of the clause);
            # a statement is who said it, what it was about may be told with other words elsewhere
            probe = (family, a1, a2, actors)
            keys = names_cache.get(probe)
            if keys is None:
                roles = {n for n in (a1, None if family.removesuffix(" (denied)") in _SPEAKER_ONLY else a2) if n}
                names = frozenset(roles or split_names(actors))
                keys = keys_cache.get((family, names))  # one names set and one keys tuple for equal names
                if keys is None:
                    keys = keys_cache[(family, names)] = (names, tuple((family, n) for n in sorted(names)))
                names_cache[probe] = keys
            rec = new(_Rec)
            rec.i, rec.start, rec.end, rec.country, rec.geo, rec.article = i, start, end, country, geo, art
            rec.names, rec.keys = keys
            if not keys[0]:
                rec.keys = ((family, f"@{loc}" if loc else f"#{art}"),)
            out.append(rec)
        return out


class Clusterer:
    """Step 1 of the merge, fed in batches: ``own`` with every mention that dates itself, then ``context``
    with every mention dated by context, each in order of (date_start, missing first; event_id); mentions of
    two families never meet, so families may be fed together or apart. ``assignments()`` then gives, for each
    mention, (row id, event number, rank of the mention among the event's members). Events are numbered in
    the order they were made, which is the order of ``merge``'s rows before its final sort."""

    def __init__(self):
        self.count = 0
        self._seq = 0
        self._rows, self._events, self._ranks = array("q"), array("q"), array("q")
        self._active: dict = {}  # key -> events still open at the current date (phase 1)
        self._pruned: dict = {}  # key -> the date its list was last cut at
        self._made: list[_Cluster] | None = []
        self._index: dict = {}  # key -> (days, events) sorted by (day, number): events that dated themselves
        self._by_article: dict = {}  # article -> those of them the article is in
        self._late: dict = {}  # key -> (days, events) sorted by (day, number): events context mentions made

    def _new(self, rec: _Rec) -> _Cluster:
        cluster = _Cluster(self.count, rec)
        self.count += 1
        return cluster

    def _assign(self, rec: _Rec, cluster: _Cluster) -> None:
        self._rows.append(rec.i)
        self._events.append(cluster.no)
        self._ranks.append(self._seq)
        self._seq += 1

    def own(self, records: Iterable[_Rec]) -> None:
        """Mentions that date themselves, in date order: an event that ended before this mention starts can
        fit no later one, so it leaves the open list."""
        if self._made is None:
            raise RuntimeError("own() after context()")
        active, pruned, made = self._active, self._pruned, self._made
        for rec in records:
            start, fitting = rec.start, None
            for key in rec.keys:
                bucket = active.get(key)
                if not bucket:
                    continue
                if start is not None and pruned.get(key) != start:
                    pruned[key] = start
                    bucket[:] = [c for c in bucket if c.end is None or c.end >= start]
                for cluster in bucket:
                    if cluster.fits(rec, True):
                        fitting = cluster
                        break
                if fitting is not None:
                    break
            if fitting is None:
                fitting = self._new(rec)
                made.append(fitting)
            else:
                fitting.add(rec, True)
            self._assign(rec, fitting)
            keys = fitting.keys
            if not keys:  # a new event: the mention's own keys
                fitting.keys = rec.keys
                for key in rec.keys:
                    active.setdefault(key, []).append(fitting)
            elif keys is not rec.keys:
                added = tuple(key for key in rec.keys if key not in keys)
                if added:
                    fitting.keys = keys + added
                    for key in added:
                        active.setdefault(key, []).append(fitting)

    def _finish_own(self) -> None:
        if self._made is None:
            return
        entries: dict = {}
        for cluster in self._made:
            cluster.indexed = True
            day = _day(cluster.start)
            for key in cluster.keys:
                entries.setdefault(key, []).append((day, cluster.no, cluster))
            for article in cluster.article_list():
                self._by_article.setdefault(article, []).append(cluster)
        for key, items in entries.items():
            items.sort(key=lambda t: (t[0], t[1]))
            self._index[key] = ([t[0] for t in items], [t[2] for t in items])
        self._made = self._active = self._pruned = None

    def context(self, records: Iterable[_Rec]) -> None:
        """Mentions dated by context, in date order: each joins the fitting event nearest its date (any
        event within _OTHER_ARTICLE_DAYS, one of its own article within _WINDOW_DAYS, or one that a context
        mention started, at any distance in its own article and within _OTHER_ARTICLE_DAYS in another), else
        starts one. Among equally near events the first key (names
        in order) wins, then an event that dated itself, then the earlier date, then the older event."""
        self._finish_own()
        index, by_article, late = self._index, self._by_article, self._late
        near_days, window = _OTHER_ARTICLE_DAYS, _WINDOW_DAYS
        for rec in records:
            when = _day(rec.start)
            article = rec.article
            best, best_gap = None, _FAR
            for key in rec.keys:
                entry = index.get(key)
                if entry is not None:
                    days, items = entry
                    found, gap = _walk(days, items, when, min(near_days, best_gap - 1), rec, True)
                    if found is not None:
                        best, best_gap = found, gap
                    elif best_gap > near_days + 1:
                        # further away only an event this article is in: few of them, looked at one by one
                        rank = None
                        for cluster in by_article.get(article, ()):
                            day = _day(cluster.start)
                            gap = abs(day - when)
                            if near_days < gap <= window and gap < best_gap and key in cluster.keys \
                                    and (rank is None or (gap, day, cluster.no) < rank) and cluster.fits(rec, False):
                                rank, found = (gap, day, cluster.no), cluster
                        if found is not None:
                            best, best_gap = found, rank[0]
                entry = late.get(key)
                if entry is not None and best_gap > 0:
                    days, items = entry
                    # (an event another context mention started joins it from another article only when near)
                    found, gap = _walk(days, items, when, best_gap - 1, rec, False, near_days)
                    if found is not None:
                        best, best_gap = found, gap
            if best is None:
                best = self._new(rec)
                day = _day(rec.start)
                for key in rec.keys:
                    days, items = late.setdefault(key, ([], []))
                    at = bisect.bisect_right(days, day)
                    days.insert(at, day)
                    items.insert(at, best)
            else:
                if best.indexed and not best.has_article(article):
                    by_article.setdefault(article, []).append(best)
                best.add(rec, False)
            self._assign(rec, best)

    def assignments(self) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """(row ids, event numbers, ranks): one entry per mention fed, in the order they were placed."""
        self._finish_own()
        return (np.frombuffer(self._rows, dtype=np.int64), np.frombuffer(self._events, dtype=np.int64),
                np.frombuffer(self._ranks, dtype=np.int64))


def _walk(days: list[int], items: list[_Cluster], when: int, limit: int, rec: _Rec, by_date: bool, far: int = _FAR):
    """The fitting event nearest ``when`` at most ``limit`` days away, walking outward from it.

    ``days``/``items`` are sorted by (day, number). At equal distance ``by_date`` prefers the earlier day and
    then the lower number (events that dated themselves); otherwise the lowest number (events that context
    mentions started, which the plain loop visits in the order they were made). Beyond ``far`` days only an
    event of the mention's own article fits. Returns (event, distance).
    """
    if limit < 0 or not days:
        return None, None
    n = len(days)
    right = bisect.bisect_left(days, when)
    left = right - 1
    while True:
        gap_left = when - days[left] if left >= 0 else _FAR
        gap_right = days[right] - when if right < n else _FAR
        gap = gap_left if gap_left < gap_right else gap_right
        if gap > limit:
            return None, None
        found = None
        if gap_left == gap:
            day, j = days[left], left
            while j >= 0 and days[j] == day:
                j -= 1
            for cluster in items[j + 1: left + 1]:
                if cluster.fits(rec, False) and (gap <= far or cluster.has_article(rec.article)):
                    found = cluster
                    break
            left = j
            if found is not None and by_date:
                return found, gap
        if gap_right == gap:
            day, j = days[right], right
            while j < n and days[j] == day:
                j += 1
            for cluster in items[right:j]:
                if found is not None and cluster.no > found.no:
                    break
                if cluster.fits(rec, False) and (gap <= far or cluster.has_article(rec.article)):
                    found = cluster
                    break
            right = j
        if found is not None:
            return found, gap


# ----------------------------------------------------------------------------- combining

# a member is a tuple: the EVENT_COLUMNS values (dates as day numbers, missing as None), then "dates itself"
(_EVENT_ID, _START, _END, _PRECISION, _DATE_TEXT, _STATUS, _TYPE, _PLOVER, _ACTOR1, _ACTOR2, _ACTORS, _COUNTRY1,
 _COUNTRY2, _LOCATION, _COUNTRY, _LAT, _LON, _GEO, _REPORTED, _TRIGGER, _SENTENCE, _SENTENCE_START, _SPANS,
 _ARTICLE, _ARTICLES, _TITLE, _SOURCE, _URL, _PUBLISHED, _SOURCES, _CONFIDENCE) = range(len(EVENT_COLUMNS))
_OWN = len(EVENT_COLUMNS)
assert EVENT_COLUMNS[_CONFIDENCE] == "confidence" and EVENT_COLUMNS[_PUBLISHED] == "published"


# among the mentions of one meeting that date themselves, the most specific word names it: talks held at a summit
# are the summit
_MEET_RANK = {"summit": 2, "talks": 1}


def _confident(r):
    # (a word with a date of its own: "the summit" told in passing, dated by context, names nothing)
    return -(_MEET_RANK.get(r[_TYPE], 0) if r[_OWN] else 0), -r[_CONFIDENCE], r[_EVENT_ID] or ""


def _narrow(r):
    return r[_END] - r[_START], -r[_CONFIDENCE]


def _placed(r):
    return _GEO_RANK.get(r[_GEO], 0), r[_CONFIDENCE]


def _latest(r):
    return (r[_PUBLISHED] if r[_PUBLISHED] is not None else -10**9), _STATUS_RANK.get(r[_STATUS], 0)


def combine(members: list[tuple]) -> tuple:
    """One event's row (EVENT_COLUMNS values) from its members' rows, in the order they joined."""
    if len(members) == 1:
        return _combine_one(members[0])
    best = min(members, key=_confident)
    row = list(best[:_OWN])
    dated = [r for r in members if r[_OWN] and r[_START] is not None]
    if dated:
        narrow = min(dated, key=_narrow)
        row[_START], row[_END], row[_PRECISION], row[_DATE_TEXT] = \
            narrow[_START], narrow[_END], narrow[_PRECISION], narrow[_DATE_TEXT]
    placed = [r for r in members if r[_LOCATION] and r[_OWN]] or [r for r in members if r[_LOCATION]]
    if placed:
        where = max(placed, key=_placed)
        row[_LOCATION], row[_COUNTRY], row[_LAT], row[_LON], row[_GEO] = \
            where[_LOCATION], where[_COUNTRY], where[_LAT], where[_LON], where[_GEO]
    # the roles first, then every member's actors in the order they come; members often repeat one list
    names = dict.fromkeys(name for name in (row[_ACTOR1], row[_ACTOR2]) if name)
    for actors in dict.fromkeys(r[_ACTORS] for r in members):
        names.update(dict.fromkeys(split_names(actors)))
    row[_ACTORS] = "; ".join(names) or None
    if not row[_ACTOR2]:
        for rec in members:
            for name, country in ((rec[_ACTOR1], rec[_COUNTRY1]), (rec[_ACTOR2], rec[_COUNTRY2])):
                if name and name != row[_ACTOR1]:
                    row[_ACTOR2], row[_COUNTRY2] = name, country
                    break
            if row[_ACTOR2]:
                break
    # status: what the latest report that dates the event itself says; occurred wins among equals
    voters = [r for r in members if r[_OWN]] or members
    row[_STATUS] = max(voters, key=_latest)[_STATUS]
    if not row[_REPORTED]:
        row[_REPORTED] = next((r[_REPORTED] for r in members if r[_REPORTED]), None)
    ids = sorted({a for articles in {r[_ARTICLES] for r in members} for a in split_names(articles)})
    row[_ARTICLES] = "; ".join(ids)
    row[_SOURCES] = len(ids)
    row[_EVENT_ID] = min(r[_EVENT_ID] for r in members)
    row[_CONFIDENCE] = float(min(0.99, max(r[_CONFIDENCE] for r in members) + 0.05 * (len(ids) - 1)))
    return tuple(row)


def _combine_one(r: tuple) -> tuple:
    """``combine`` of an event with one member (most events): its own date, place, status and id."""
    row = list(r[:_OWN])
    names = dict.fromkeys(name for name in (r[_ACTOR1], r[_ACTOR2]) if name)
    names.update(dict.fromkeys(split_names(r[_ACTORS])))
    row[_ACTORS] = "; ".join(names) or None
    if not r[_REPORTED]:
        row[_REPORTED] = None
    ids = sorted(set(split_names(r[_ARTICLES])))
    row[_ARTICLES] = "; ".join(ids)
    row[_SOURCES] = len(ids)
    row[_CONFIDENCE] = float(min(0.99, r[_CONFIDENCE] + 0.05 * (len(ids) - 1)))
    return tuple(row)


def _day_numbers(values: np.ndarray) -> list:
    """datetime64 values -> day numbers (None where missing)."""
    days = values.astype("datetime64[D]")
    nat = np.isnat(days)
    numbers = days.astype("int64").tolist()
    if not nat.any():
        return numbers
    return [None if missing else v for v, missing in zip(numbers, nat.tolist())]


def frame_columns(frame: pd.DataFrame, columns=EVENT_COLUMNS) -> dict[str, list]:
    """A frame's columns as plain lists: dates as day numbers, missing values as None."""
    cols: dict[str, list] = {}
    for name in columns:
        series = frame[name]
        if name in _DATE_COLUMNS:
            cols[name] = _day_numbers(series.to_numpy("datetime64[s]"))
        else:
            cols[name] = series.to_numpy(dtype=object, na_value=None).tolist()
    return cols


def arrow_columns(batch, columns) -> dict[str, list]:
    """An Arrow record batch's columns as plain lists, as ``frame_columns`` gives them."""
    import pyarrow as pa

    cols: dict[str, list] = {}
    for name in columns:
        column = batch.column(batch.schema.get_field_index(name))
        if pa.types.is_timestamp(column.type) or pa.types.is_date(column.type):
            values = column.cast(pa.timestamp("s")).to_numpy(zero_copy_only=False)
            cols[name] = _day_numbers(values)
        elif name in _FLOAT_COLUMNS:
            cols[name] = [None if v is None or v != v else v for v in column.to_pylist()]
        else:
            cols[name] = column.to_pylist()
    return cols


def rows_frame(rows: list[tuple]) -> pd.DataFrame:
    """Merged rows (``combine``'s tuples) -> an event frame."""
    if not rows:
        return empty_frame()
    columns = list(zip(*rows))
    data = {name: (_dates(values) if name in _DATE_COLUMNS else list(values))
            for name, values in zip(EVENT_COLUMNS, columns)}
    return to_frame_columns(data)


def _dates(days) -> np.ndarray:
    """Day numbers (None where missing) -> datetime64 values (NaT where missing)."""
    nat = np.iinfo(np.int64).min  # NaT's integer
    return np.array([nat if d is None else d for d in days], dtype=np.int64).view("datetime64[D]")


def to_frame_columns(data: dict) -> pd.DataFrame:
    """Column lists (dates as ``datetime.date``, or datetime64 arrays) -> a typed event frame, as
    ``schema.to_frame`` builds it."""
    from .schema import conform

    columns = {}
    for name in EVENT_COLUMNS:
        values = data[name]
        columns[name] = values if isinstance(values, np.ndarray) else pd.Series(values, dtype=object)
    return conform(pd.DataFrame(columns))


def combine_stream(batches: Iterable, event_column: str = "_event", own_column: str = "_own") -> Iterator[tuple]:
    """Merged rows from Arrow batches of member rows sorted by (event, rank): EVENT_COLUMNS, the event
    number and whether the mention dates itself. Holds one event's members at a time."""
    members: list[tuple] = []
    current = None
    for batch in batches:
        if not batch.num_rows:
            continue
        cols = arrow_columns(batch, EVENT_COLUMNS)
        events = batch.column(batch.schema.get_field_index(event_column)).to_pylist()
        owns = batch.column(batch.schema.get_field_index(own_column)).to_pylist()
        for event, row in zip(events, zip(*(cols[name] for name in EVENT_COLUMNS), owns)):
            if event != current:
                if members:
                    yield combine(members)
                members, current = [], event
            members.append(row)
    if members:
        yield combine(members)


# ----------------------------------------------------------------------------- in memory

def merge(frame: pd.DataFrame) -> pd.DataFrame:
    """One row per event; the input rows may be mentions or already-merged events."""
    if frame.empty:
        return empty_frame()
    gc_was_on = gc.isenabled()
    gc.disable()  # a record and a row per mention, none of them in a cycle: the collector took a quarter
    try:
        return _merge(frame)
    finally:
        if gc_was_on:
            gc.enable()


def _merge(frame: pd.DataFrame) -> pd.DataFrame:
    cols = frame_columns(frame)
    n = len(frame)
    own = [owns_date(s) for s in cols["spans"]]
    recs = Records().make(range(n), cols)
    families = [FAMILY.get(t, t) for t in cols["event_type"]]
    starts, ids = cols["date_start"], cols["event_id"]
    order = sorted(range(n), key=lambda i: (families[i] is not None, families[i] or "",
                                            starts[i] if starts[i] is not None else -10**9, ids[i] or ""))
    clusterer = Clusterer()
    clusterer.own(recs[i] for i in order if own[i])
    clusterer.context(recs[i] for i in order if not own[i])
    rows, events, _ = clusterer.assignments()
    del recs, clusterer, order
    members: list[list] = [[] for _ in range(int(events.max()) + 1)]
    table = list(zip(*(cols[name] for name in EVENT_COLUMNS), own))
    for i, event in zip(rows.tolist(), events.tolist()):  # in the order the mentions joined
        members[event].append(table[i])
    del table, cols
    out = rows_frame([combine(group) for group in members])
    return out.sort_values(["date_start", "event_id"], kind="stable", na_position="last").reset_index(drop=True)
