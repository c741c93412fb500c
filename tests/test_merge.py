"""merge: the clustering (fed in batches, as the store streams it) gives exactly the rows of the plain
one-pass join it replaced, here kept as the reference; the store's streamed merge gives merge's rows."""
from __future__ import annotations

import bisect
import datetime as dt
import random
from pathlib import Path

import pandas as pd
import pytest

from timeline import merge, schema
from timeline.events import FAMILY
from timeline.filters import split_names
from timeline.store import EventStore, _ensure_schema, _insert_mentions

# ----------------------------------------------------------------------------- the reference
# The join as it was written first: every mention a dict, one list of clusters, every context mention
# compared with every event of its keys within the window. Slow and memory-hungry, plainly right.


class _RefCluster:
    def __init__(self, rec):
        self.members = [rec]
        self.actors = set(rec["_names"])
        self.start, self.end = rec["date_start"], rec["date_end"]
        self.country, self.geo = rec["country"], rec["geo_precision"]
        self.keys: set = set()
        self.articles = {rec["article_id"]}

    def fits(self, rec, own):
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

    def add(self, rec, own):
        self.members.append(rec)
        self.articles.add(rec["article_id"])
        self.actors |= rec["_names"]
        if own and rec["date_start"] is not None:
            if self.start is None or (rec["date_end"] - rec["date_start"]) < (self.end - self.start):
                self.start, self.end = rec["date_start"], rec["date_end"]
        if not self.country or self.geo == "country":
            if rec["country"]:
                self.country, self.geo = rec["country"], rec["geo_precision"]


def reference_merge(frame: pd.DataFrame) -> pd.DataFrame:
    if frame.empty:
        return schema.empty_frame()
    col = merge.frame_columns(frame)
    records = []
    for i in range(len(frame)):
        family = FAMILY.get(col["event_type"][i], col["event_type"][i])
        if col["status"][i] == "denied":
            family += " (denied)"
        roles = {n for n in (col["actor1"][i], None if family.removesuffix(" (denied)") in merge._SPEAKER_ONLY
                                 else col["actor2"][i]) if n}
        records.append({
            "_i": i, "_family": family, "_names": frozenset(roles or split_names(col["actors"][i])),
            "_own": '"date"' in (col["spans"][i] or ""),
            "date_start": col["date_start"][i], "date_end": col["date_end"][i], "country": col["country"][i],
            "geo_precision": col["geo_precision"][i], "location": col["location"][i],
            "article_id": col["article_id"][i], "event_id": col["event_id"][i],
        })
    records.sort(key=lambda r: (r["_family"], r["date_start"] if r["date_start"] is not None else -10**9,
                                r["event_id"] or ""))
    clusters = []

    def keys(rec):
        names = rec["_names"] or {f"@{rec['location']}" if rec["location"] else f"#{rec['article_id']}"}
        return [(rec["_family"], n) for n in sorted(names)]

    active: dict = {}
    for rec in records:
        if not rec["_own"]:
            continue
        start, fitting = rec["date_start"], None
        for key in keys(rec):
            bucket = active.get(key, [])
            if start is not None:
                bucket[:] = [c for c in bucket if c.end is None or c.end >= start]
            for cluster in bucket:
                if cluster.fits(rec, True):
                    fitting = cluster
                    break
            if fitting is not None:
                break
        if fitting is None:
            fitting = _RefCluster(rec)
            clusters.append(fitting)
        else:
            fitting.add(rec, True)
        for key in keys(rec):
            fitting.keys.add(key)
            bucket = active.setdefault(key, [])
            if fitting not in bucket:
                bucket.append(fitting)
    index: dict = {}
    for i, cluster in enumerate(clusters):
        for key in cluster.keys:
            index.setdefault(key, []).append((merge._day(cluster.start), i, cluster))
    for bucket in index.values():
        bucket.sort(key=lambda t: (t[0], t[1]))
    late: dict = {}
    for rec in records:
        if rec["_own"]:
            continue
        when = merge._day(rec["date_start"])
        best, best_gap = None, None
        for key in keys(rec):
            bucket = index.get(key, [])
            lo = bisect.bisect_left(bucket, (when - merge._WINDOW_DAYS, -1))
            hi = bisect.bisect_right(bucket, (when + merge._WINDOW_DAYS, len(clusters)))
            for day, _, cluster in bucket[lo:hi]:
                gap = abs(day - when)
                if gap > merge._OTHER_ARTICLE_DAYS and rec["article_id"] not in cluster.articles:
                    continue
                if (best_gap is None or gap < best_gap) and cluster.fits(rec, False):
                    best, best_gap = cluster, gap
            for cluster in late.get(key, ()):
                gap = abs(merge._day(cluster.start) - when)
                if gap > merge._OTHER_ARTICLE_DAYS and rec["article_id"] not in cluster.articles:
                    continue
                if (best_gap is None or gap < best_gap) and cluster.fits(rec, False):
                    best, best_gap = cluster, gap
        if best is None:
            best = _RefCluster(rec)
            clusters.append(best)
            for key in keys(rec):
                late.setdefault(key, []).append(best)
        else:
            best.add(rec, False)
    epoch = dt.date(1970, 1, 1)

    def row(i):
        out = {name: col[name][i] for name in schema.EVENT_COLUMNS}
        for name in ("date_start", "date_end", "published"):
            if out[name] is not None:
                out[name] = epoch + dt.timedelta(days=out[name])
        return out

    out = schema.to_frame([_ref_combine([{**r, **row(r["_i"])} for r in c.members]) for c in clusters])
    return out.sort_values(["date_start", "event_id"], kind="stable", na_position="last").reset_index(drop=True)


def _ref_combine(members: list[dict]) -> dict:
    best = min(members, key=lambda r: (-({"summit": 2, "talks": 1}.get(r["event_type"], 0) if r["_own"] else 0),
                                       -r["confidence"], r["event_id"] or ""))
    row = {k: best[k] for k in schema.EVENT_COLUMNS}
    dated = [r for r in members if r["_own"] and r["date_start"] is not None]
    if dated:
        narrow = min(dated, key=lambda r: (r["date_end"] - r["date_start"], -r["confidence"]))
        for col in ("date_start", "date_end", "date_precision", "date_text"):
            row[col] = narrow[col]
    placed = [r for r in members if r["location"] and r["_own"]] or [r for r in members if r["location"]]
    if placed:
        where = max(placed, key=lambda r: (merge._GEO_RANK.get(r["geo_precision"], 0), r["confidence"]))
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
                                               merge._STATUS_RANK.get(r["status"], 0)))["status"]
    if not row["reported_by"]:
        row["reported_by"] = next((r["reported_by"] for r in members if r["reported_by"]), None)
    ids = sorted({a for rec in members for a in split_names(rec["article_ids"])})
    row["article_ids"] = "; ".join(ids)
    row["sources"] = len(ids)
    row["event_id"] = min(r["event_id"] for r in members)
    row["confidence"] = float(min(0.99, max(r["confidence"] for r in members) + 0.05 * (len(ids) - 1)))
    return row


# ----------------------------------------------------------------------------- random mentions

NAMES = ["Kim Jong Un", "Vladimir Putin", "Xi Jinping", "Joe Biden", "Sergei Lavrov"]
PLACES = [("Vladivostok", "RUS", "city"), ("Russia", "RUS", "country"), ("Beijing", "CHN", "city"),
          ("China", "CHN", "country"), ("Seoul", "KOR", "city"), (None, None, None)]
TYPES = ["meeting", "summit", "talks", "visit", "statement", "criticism", "accusation", "agreement"]
WIDTHS = [0, 0, 0, 0, 2, 6, 30, 90, 364]


def random_mentions(seed: int, n: int = 300, *, years: int = 1, articles: int = 12) -> pd.DataFrame:
    """Mentions that meet often: few actors, places and articles, dates close together (or spread over
    ``years``), own and context dates, no date, no actors, repeated days."""
    rng = random.Random(seed)
    base = dt.date(2019, 1, 1)
    rows = []
    for i in range(n):
        etype = rng.choice(TYPES)
        roles = rng.sample(NAMES, rng.choice([0, 1, 1, 2, 2, 3]))
        a1 = roles[0] if roles else None
        a2 = roles[1] if len(roles) > 1 else None
        actors = "; ".join(roles + ([rng.choice(NAMES)] if rng.random() < 0.2 else [])) or None
        if rng.random() < 0.05:
            start = end = None
        else:
            start = base + dt.timedelta(days=rng.randrange(0, 120 + 365 * (years - 1)))
            end = start + dt.timedelta(days=rng.choice(WIDTHS))
        own = start is not None and rng.random() < 0.5
        place, country, geo = rng.choice(PLACES)
        article = f"a{rng.randrange(articles)}"
        rows.append(dict(
            event_id=f"{rng.getrandbits(40):010x}", date_start=start, date_end=end,
            date_precision="day" if start else None, date_text="on Monday" if own else None,
            status=rng.choice(schema.STATUSES), event_type=etype, plover=schema.EVENT_TYPES.get(etype, "OTHER"),
            actor1=a1, actor2=a2, actors=actors, actor1_country=None, actor2_country=None, location=place,
            country=country, lat=None if place is None else rng.uniform(-60, 60),
            lon=None if place is None else rng.uniform(-100, 100), geo_precision=geo,
            reported_by=rng.choice([None, "Reuters"]), trigger=etype, sentence=f"Sentence {i}.",
            sentence_start=i, spans='{"trigger": [0, 4], "date": [5, 9]}' if own else '{"trigger": [0, 4]}',
            article_id=article, article_ids=article, title=f"Title {article}", source="Wire", url=None,
            published=None if rng.random() < 0.1 else base + dt.timedelta(days=rng.randrange(0, 150)),
            sources=1, confidence=round(rng.uniform(0.2, 0.9), 2),
        ))
    return schema.to_frame(rows)


@pytest.mark.parametrize("seed", range(40))
def test_merge_gives_the_reference_rows(seed):
    frame = random_mentions(seed, years=1 + seed % 4)
    pd.testing.assert_frame_equal(merge.merge(frame), reference_merge(frame))


@pytest.mark.parametrize("seed", range(8))
def test_merge_far_dates_and_windows(seed):
    # dates over twelve years: events of the same article up to _WINDOW_DAYS away, late events at any distance
    frame = random_mentions(100 + seed, n=400, years=12, articles=4)
    pd.testing.assert_frame_equal(merge.merge(frame), reference_merge(frame))


def test_merge_of_extracted_articles_gives_the_reference_rows():
    import timeline

    articles = timeline.read_articles(str(Path(__file__).resolve().parent.parent / "data" / "articles"))
    mentions = timeline.mentions(articles)
    assert len(mentions) > 20
    pd.testing.assert_frame_equal(merge.merge(mentions), reference_merge(mentions))


@pytest.mark.parametrize("seed", range(5))
def test_merge_does_not_depend_on_input_order(seed):
    frame = random_mentions(200 + seed, years=2)
    shuffled = frame.sample(frac=1.0, random_state=seed).reset_index(drop=True)
    pd.testing.assert_frame_equal(merge.merge(shuffled), merge.merge(frame))


def test_clusterer_in_batches_gives_the_same_events():
    frame = random_mentions(7, n=500, years=3)
    cols = merge.frame_columns(frame)
    records = merge.Records().make(range(len(frame)), cols)
    own = [merge.owns_date(s) for s in cols["spans"]]
    order = sorted(range(len(frame)), key=lambda i: (cols["date_start"][i] if cols["date_start"][i] is not None
                                                     else -10**9, cols["event_id"][i]))
    whole, batched = merge.Clusterer(), merge.Clusterer()
    whole.own(records[i] for i in order if own[i])
    whole.context(records[i] for i in order if not own[i])
    mine = [records[i] for i in order if own[i]]
    for k in range(0, len(mine), 7):
        batched.own(mine[k:k + 7])
    theirs = [records[i] for i in order if not own[i]]
    for k in range(0, len(theirs), 11):
        batched.context(theirs[k:k + 11])
    for a, b in zip(whole.assignments(), batched.assignments()):
        assert a.tolist() == b.tolist()


@pytest.mark.parametrize("seed", range(4))
def test_store_streamed_merge_gives_merge_rows(tmp_path, seed, monkeypatch):
    import timeline.store as store_mod

    monkeypatch.setattr(store_mod, "_LIGHT_BATCH", 37)  # many small batches
    monkeypatch.setattr(store_mod, "_MEMBER_BATCH", 23)
    monkeypatch.setattr(store_mod, "_EVENT_BATCH", 50)
    frame = random_mentions(300 + seed, n=400, years=1 + seed)
    store = EventStore(tmp_path / "m.duckdb")
    with store._write() as writing:
        _ensure_schema(writing.con)
        _insert_mentions(writing.con, frame, [f"k{a}" for a in frame["article_id"]])
    assert store.rebuild() > 0
    pd.testing.assert_frame_equal(store.events(), merge.merge(frame))
