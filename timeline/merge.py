"""Join mentions of one event, within an article and across articles.

Two mentions are one event when they are of the same family of types
(a summit and the meeting it was), one's two roles are among the other's
("Kim" joins "Kim and Putin"; "Kim and Trump" does not), their date
intervals overlap, and their places do not contradict each other (same
country, or one of them only a country or unknown). A mention whose date
came from context rather than its own words (no "date" span) fits any
event its other fields fit; it joins the one whose date is nearest its
context date.

The merged row takes its evidence from the most confident mention, the
narrowest own date, the most specific place, the union of the actors, and
the status of the latest report that dates the event itself (occurred wins
among equals: a planned event reported later as done is occurred). Its
``event_id`` is the smallest mention id of its members: stable across runs
and input order.

Plain Python over records: a frame of 100,000 mentions merges in seconds.
"""
from __future__ import annotations

import bisect
import datetime as dt

import pandas as pd

from .events import FAMILY
from .filters import split_names
from .schema import EVENT_COLUMNS, empty_frame, to_frame

_STATUS_RANK = {"occurred": 3, "planned": 2, "possible": 1, "denied": 0}
_GEO_RANK = {"city": 3, "region": 2, "country": 1}
_SPEAKER_ONLY = frozenset({"say", "accuse", "threaten", "demand"})
_WINDOW_DAYS = 1100  # a mention dated by context joins an event of its article at most about three years away
_OTHER_ARTICLE_DAYS = 45  # ... and one of another article at most this far from its context date


def _day(value) -> int:
    return 0 if value is None else value


class _Cluster:
    __slots__ = ("members", "family", "actors", "start", "end", "country", "geo", "keys", "articles")

    def __init__(self, rec):
        self.members = [rec]
        self.family = rec["_family"]
        self.actors = set(rec["_names"])
        self.start, self.end = rec["date_start"], rec["date_end"]
        self.country, self.geo = rec["country"], rec["geo_precision"]
        self.keys: set[tuple] = set()
        self.articles = {rec["article_id"]}

    def fits(self, rec, own: bool) -> bool:
        names = rec["_names"]
        if self.actors and names:
            if not (names <= self.actors or self.actors <= names):
                return False
        elif self.actors or names:
            return False
        if own:
            if self.country and rec["country"] and self.country != rec["country"] \
                    and rec["geo_precision"] != "country" and self.geo != "country":
                return False
            if self.start is not None and rec["date_start"] is not None:
                return rec["date_start"] <= self.end and self.start <= rec["date_end"]
        return True

    def add(self, rec, own: bool):
        self.members.append(rec)
        self.articles.add(rec["article_id"])
        self.actors |= rec["_names"]
        if own and rec["date_start"] is not None:
            if self.start is None or (rec["date_end"] - rec["date_start"]) < (self.end - self.start):
                self.start, self.end = rec["date_start"], rec["date_end"]
        if not self.country or self.geo == "country":
            if rec["country"]:
                self.country, self.geo = rec["country"], rec["geo_precision"]


_DATE_COLUMNS = ("date_start", "date_end", "published")
_EPOCH = dt.date(1970, 1, 1)


class _Records:
    """The frame as plain Python columns: date columns as day numbers (None when missing), text as str or
    None. Reading columns whole is far faster than reading a pandas frame row by row."""

    def __init__(self, frame: pd.DataFrame):
        self.n = len(frame)
        self.col: dict[str, list] = {}
        for name in EVENT_COLUMNS:
            series = frame[name]
            if name in _DATE_COLUMNS:
                days = series.to_numpy("datetime64[D]")
                nat = pd.isna(days)
                values = days.astype("int64").tolist()
                self.col[name] = [None if missing else v for v, missing in zip(values, nat.tolist())]
            else:
                self.col[name] = series.to_numpy(dtype=object, na_value=None).tolist()

    def row(self, i: int) -> dict:
        out = {name: self.col[name][i] for name in EVENT_COLUMNS}
        for name in _DATE_COLUMNS:
            if out[name] is not None:
                out[name] = _EPOCH + dt.timedelta(days=out[name])
        return out


def _prepare(frame: pd.DataFrame) -> list[dict]:
    data = _Records(frame)
    col = data.col
    records = []
    for i in range(data.n):
        family = FAMILY.get(col["event_type"][i], col["event_type"][i])
        # a statement is who said it; what it was about may be told with other words elsewhere
        roles = {n for n in (col["actor1"][i], None if family in _SPEAKER_ONLY else col["actor2"][i]) if n}
        spans = col["spans"][i] or ""
        records.append({
            "_i": i,
            "_family": family,
            # who an event is about: its two roles (the full actor list also holds bystanders of the clause)
            "_names": frozenset(roles or split_names(col["actors"][i])),
            "_own": '"date"' in spans,
            "date_start": col["date_start"][i], "date_end": col["date_end"][i],
            "country": col["country"][i], "geo_precision": col["geo_precision"][i],
            "location": col["location"][i], "article_id": col["article_id"][i], "event_id": col["event_id"][i],
        })
    return records, data


def merge(frame: pd.DataFrame) -> pd.DataFrame:
    """One row per event; the input rows may be mentions or already-merged events."""
    if frame.empty:
        return empty_frame()
    records, data = _prepare(frame)
    records.sort(key=lambda r: (r["_family"], r["date_start"] if r["date_start"] is not None else -10**9,
                                r["event_id"] or ""))
    clusters: list[_Cluster] = []

    def keys(rec):
        names = rec["_names"] or {f"@{rec['location']}" if rec["location"] else f"#{rec['article_id']}"}
        return [(rec["_family"], n) for n in sorted(names)]

    # 1. mentions that date themselves, in date order within each family: a cluster that ended before
    #    this mention starts can fit no later one, so it leaves the active list
    active: dict[tuple, list[_Cluster]] = {}
    for rec in records:
        if not rec["_own"]:
            continue
        start, fitting, seen = rec["date_start"], None, set()
        for key in keys(rec):
            bucket = active.get(key, [])
            if start is not None:
                bucket[:] = [c for c in bucket if c.end is None or c.end >= start]
            for cluster in bucket:
                if id(cluster) not in seen:
                    seen.add(id(cluster))
                    if cluster.fits(rec, True):
                        fitting = cluster
                        break
            if fitting is not None:
                break
        if fitting is None:
            fitting = _Cluster(rec)
            clusters.append(fitting)
        else:
            fitting.add(rec, True)
        for key in keys(rec):
            fitting.keys.add(key)
            bucket = active.setdefault(key, [])
            if fitting not in bucket:
                bucket.append(fitting)

    # 2. mentions dated by context join the fitting event nearest their context date (looked up by date,
    #    within a few years), else start an event of their own
    index: dict[tuple, list[tuple[int, int, _Cluster]]] = {}
    for i, cluster in enumerate(clusters):
        for key in cluster.keys:
            index.setdefault(key, []).append((_day(cluster.start), i, cluster))
    for bucket in index.values():
        bucket.sort(key=lambda t: (t[0], t[1]))
    late: dict[tuple, list[_Cluster]] = {}
    for rec in records:
        if rec["_own"]:
            continue
        when = _day(rec["date_start"])
        best, best_gap = None, None
        for key in keys(rec):
            bucket = index.get(key, [])
            lo = bisect.bisect_left(bucket, (when - _WINDOW_DAYS, -1))
            hi = bisect.bisect_right(bucket, (when + _WINDOW_DAYS, len(clusters)))
            for day, _, cluster in bucket[lo:hi]:
                gap = abs(day - when)
                # from another article, an undated mention is only taken for an event reported near its date
                if gap > _OTHER_ARTICLE_DAYS and rec["article_id"] not in cluster.articles:
                    continue
                if (best_gap is None or gap < best_gap) and cluster.fits(rec, False):
                    best, best_gap = cluster, gap
            for cluster in late.get(key, ()):
                gap = abs(_day(cluster.start) - when)
                if (best_gap is None or gap < best_gap) and cluster.fits(rec, False):
                    best, best_gap = cluster, gap
        if best is None:
            best = _Cluster(rec)
            clusters.append(best)
            for key in keys(rec):
                late.setdefault(key, []).append(best)
        else:
            best.add(rec, False)
    out = to_frame([_combine([{**r, **data.row(r["_i"])} for r in c.members]) for c in clusters])
    return out.sort_values(["date_start", "event_id"], kind="stable", na_position="last").reset_index(drop=True)


def _combine(members: list[dict]) -> dict:
    best = min(members, key=lambda r: (-r["confidence"], r["event_id"] or ""))
    row = {k: best[k] for k in EVENT_COLUMNS}
    dated = [r for r in members if r["_own"] and r["date_start"] is not None]
    if dated:
        narrow = min(dated, key=lambda r: (r["date_end"] - r["date_start"], -r["confidence"]))
        for col in ("date_start", "date_end", "date_precision", "date_text"):
            row[col] = narrow[col]
    placed = [r for r in members if r["location"] and r["_own"]] or [r for r in members if r["location"]]
    if placed:
        where = max(placed, key=lambda r: (_GEO_RANK.get(r["geo_precision"], 0), r["confidence"]))
        for col in ("location", "country", "lat", "lon", "geo_precision"):
            row[col] = where[col]
    names: list[str] = []
    for col in ("actor1", "actor2"):
        if row[col] and row[col] not in names:
            names.append(row[col])
    for rec in members:
        for name in split_names(rec["actors"]):
            if name not in names:
                names.append(name)
    row["actors"] = "; ".join(names) or None
    if not row["actor2"]:
        for rec in members:
            for name, country in ((rec["actor1"], rec["actor1_country"]), (rec["actor2"], rec["actor2_country"])):
                if name and name != row["actor1"]:
                    row["actor2"], row["actor2_country"] = name, country
                    break
            if row["actor2"]:
                break
    # status: what the latest report that dates the event itself says; occurred wins among equals
    voters = [r for r in members if r["_own"]] or members
    row["status"] = max(voters, key=lambda r: (r["published"] or dt.date(1000, 1, 1),
                                               _STATUS_RANK.get(r["status"], 0)))["status"]
    if not row["reported_by"]:
        row["reported_by"] = next((r["reported_by"] for r in members if r["reported_by"]), None)
    ids = sorted({a for rec in members for a in split_names(rec["article_ids"])})
    row["article_ids"] = "; ".join(ids)
    row["sources"] = len(ids)
    row["event_id"] = min(r["event_id"] for r in members)
    row["confidence"] = float(min(0.99, max(r["confidence"] for r in members) + 0.05 * (len(ids) - 1)))
    return row

