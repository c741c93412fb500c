"""Join mentions of one event, within an article and across articles.

Two mentions are one event when they are of the same family of types
(a summit and the meeting it was), share an actor (or, with no actors, the
place), their date intervals overlap, and their places do not contradict
each other (same country, or one is unknown). A mention whose date came
from context rather than its own words (no "date" span) fits any event its
other fields fit; it joins the one whose date is nearest its context date.

The merged row takes its evidence from the most confident mention, the
narrowest own date, the most specific place, the union of the actors and
the strongest status (a planned event reported later as done is occurred).
Its ``event_id`` is the smallest mention id of its members: stable across
runs and input order.
"""
from __future__ import annotations

import json

import numpy as np
import pandas as pd

from .events import FAMILY
from .filters import split_names
from .schema import conform, empty_frame

_STATUS_RANK = {"occurred": 3, "planned": 2, "possible": 1, "denied": 0}
_GEO_RANK = {"city": 3, "region": 2, "country": 1}


def _own_date(spans: str) -> bool:
    try:
        return "date" in json.loads(spans)
    except (TypeError, ValueError):
        return False


class _Cluster:
    __slots__ = ("rows", "family", "actors", "start", "end", "country", "geo")

    def __init__(self, i, row):
        self.rows = [i]
        self.family = row["family"]
        self.actors = set(row["names"])
        self.start, self.end = row["date_start"], row["date_end"]
        self.country = row["country"]
        self.geo = row["geo_precision"]

    def fits(self, row, own: bool) -> bool:
        if row["family"] != self.family:
            return False
        if self.actors and row["names"]:
            # one event: one side's actors are all among the other's ("Kim" joins "Kim, Putin";
            # "Kim, Trump" does not join "Kim, Putin")
            names = set(row["names"])
            if not (names <= self.actors or self.actors <= names):
                return False
        elif self.actors or row["names"]:
            return False
        # places must not contradict, unless one of the two is only a country or the row's date came from context
        if own and isinstance(self.country, str) and isinstance(row["country"], str) and self.country != row["country"] \
                and row["geo_precision"] != "country" and self.geo != "country":
            return False
        if own and not pd.isna(self.start) and not pd.isna(row["date_start"]):
            return row["date_start"] <= self.end and self.start <= row["date_end"]
        return True

    def add(self, i, row, own: bool):
        self.rows.append(i)
        self.actors |= set(row["names"])
        if own and not pd.isna(row["date_start"]):
            if pd.isna(self.start) or (row["date_end"] - row["date_start"]) < (self.end - self.start):
                self.start, self.end = row["date_start"], row["date_end"]
        if not isinstance(self.country, str) or self.geo == "country":
            self.country, self.geo = row["country"], row["geo_precision"]


def merge(frame: pd.DataFrame) -> pd.DataFrame:
    """One row per event; the input rows may be mentions or already-merged events."""
    if frame.empty:
        return empty_frame()
    work = frame.reset_index(drop=True).copy()
    work["family"] = work["event_type"].map(lambda t: FAMILY.get(t, t))
    work["names"] = work["actors"].map(split_names)
    work["own"] = work["spans"].map(_own_date)
    order = work.sort_values(["family", "date_start", "event_id"], kind="stable").index
    clusters: list[_Cluster] = []
    by_key: dict[tuple, list[_Cluster]] = {}

    def keys(row):
        names = row["names"] or [f"@{row['location']}" if isinstance(row["location"], str) else f"#{row['article_id']}"]
        return [(row["family"], n) for n in names]

    # dated mentions first, so that context-dated ones can pick among real events
    for own_pass in (True, False):
        for i in order:
            row = work.loc[i]
            if bool(row["own"]) != own_pass:
                continue
            candidates = {id(c): c for k in keys(row) for c in by_key.get(k, ())}.values()
            fitting = [c for c in candidates if c.fits(row, own_pass)]
            if fitting:
                if own_pass:
                    target = fitting[0]
                else:
                    anchor = row["date_start"]
                    target = min(fitting, key=lambda c: abs((c.start - anchor).days)
                                 if not pd.isna(c.start) and not pd.isna(anchor) else 10**6)
                target.add(i, row, own_pass)
            else:
                target = _Cluster(i, row)
                clusters.append(target)
            for k in keys(row):
                if target not in by_key.setdefault(k, []):
                    by_key[k].append(target)
    merged = [_combine(work, c) for c in clusters]
    out = conform(pd.DataFrame(merged))
    return out.sort_values(["date_start", "event_id"], kind="stable", na_position="last").reset_index(drop=True)


def _combine(work: pd.DataFrame, cluster: _Cluster) -> dict:
    members = work.loc[cluster.rows]
    best = members.sort_values(["confidence", "event_id"], ascending=[False, True]).iloc[0].to_dict()
    row = {k: best[k] for k in work.columns if k not in ("family", "names", "own")}
    dated = members[members["own"] & members["date_start"].notna()]
    if not dated.empty:
        narrow = dated.assign(width=dated["date_end"] - dated["date_start"]).sort_values(
            ["width", "confidence"], ascending=[True, False]).iloc[0]
        for col in ("date_start", "date_end", "date_precision", "date_text"):
            row[col] = narrow[col]
    placed = members[members["location"].notna()]
    if not placed.empty:
        ranked = placed.assign(rank=placed["geo_precision"].map(lambda g: _GEO_RANK.get(g, 0))).sort_values(
            ["rank", "confidence"], ascending=[False, False]).iloc[0]
        for col in ("location", "country", "lat", "lon", "geo_precision"):
            row[col] = ranked[col]
    names: list[str] = []
    for col in ("actor1", "actor2"):
        if isinstance(row[col], str) and row[col] not in names:
            names.append(row[col])
    for cell in members["actors"]:
        for name in split_names(cell):
            if name not in names:
                names.append(name)
    row["actors"] = "; ".join(names) or np.nan
    if not isinstance(row["actor2"], str):
        for name in names:
            if name != row["actor1"]:
                other = members[members["actor1"] == name]
                row["actor2"] = name
                row["actor2_country"] = other["actor1_country"].iloc[0] if not other.empty else np.nan
                break
    # status: what the latest report that dates the event itself says; occurred wins among equals,
    # so a planned event reported later as done becomes occurred
    voters = members[members["own"]] if members["own"].any() else members
    voters = voters.assign(rank=voters["status"].map(lambda s: _STATUS_RANK.get(s, 0)),
                           pub=voters["published"].fillna(pd.Timestamp("1000-01-01")))
    row["status"] = voters.sort_values(["pub", "rank"], ascending=[False, False]).iloc[0]["status"]
    reporters = [r for r in members["reported_by"] if isinstance(r, str)]
    if not isinstance(row["reported_by"], str) and reporters:
        row["reported_by"] = reporters[0]
    ids = sorted({a for cell in members["article_ids"] for a in split_names(cell)})
    row["article_ids"] = "; ".join(ids)
    row["sources"] = len(ids)
    row["event_id"] = min(members["event_id"])
    row["confidence"] = float(min(0.99, members["confidence"].max() + 0.05 * (len(ids) - 1)))
    return row
