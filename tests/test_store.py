"""EventStore: filters in SQL mean what filters.apply means; ingest is idempotent,
all-or-nothing (even under SIGKILL), single-writer, and never blocks readers."""
from __future__ import annotations

import dataclasses
import datetime as dt
import importlib.util
import os
import random
import signal
import subprocess
import sys
import threading
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from timeline import export, filters, schema
from timeline.articles import Article
from timeline.filters import Filters
from timeline.store import EventStore, IngestReport, Pipeline, StoreBusyError, article_key, where_sql

ROOT = Path(__file__).resolve().parent.parent
_spec = importlib.util.spec_from_file_location("synth", ROOT / "benchmarks" / "synth.py")
synth = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(synth)

ORDER = ["date_start", "event_id"]


def ordered(frame: pd.DataFrame) -> pd.DataFrame:
    return frame.sort_values(ORDER, na_position="last", kind="stable").reset_index(drop=True)


# ----------------------------------------------------------------------------- a fake pipeline
# An article's text holds one event per line: "YYYY-MM-DD|type|Actor A; Actor B|Place".
# The fake merge joins rows with the same day, type and actors: associative, order-free ids.

def fake_extract(article):
    rows = []
    for n, line in enumerate(article.text.splitlines()):
        if line.startswith("boom"):
            raise ValueError("cannot read this one")
        if line.count("|") != 3:
            continue
        day, etype, actors, place = line.split("|")
        names = actors.split("; ")
        rows.append(dict(
            event_id=f"{article.id}-{n}", date_start=day, date_end=day, date_precision="day", date_text=day,
            status="occurred", event_type=etype, plover=schema.EVENT_TYPES.get(etype, "OTHER"),
            actor1=names[0], actor2=names[1] if len(names) > 1 else None, actors=actors,
            actor1_country=None, actor2_country=None, location=place, country=None, lat=None, lon=None,
            geo_precision=None, reported_by=None, trigger=etype, sentence=line, sentence_start=0, spans="{}",
            article_id=article.id, article_ids=article.id, title=article.title, source=article.source,
            url=article.url, published=article.published, sources=1, confidence=0.5,
        ))
    return rows


def fake_merge(frame: pd.DataFrame) -> pd.DataFrame:
    if frame.empty:
        return schema.empty_frame()
    out = []
    for _, group in frame.groupby(["date_start", "event_type", "actors"], sort=True, dropna=False):
        best = group.sort_values("event_id").iloc[0].to_dict()
        ids = sorted({a for cell in group["article_ids"] for a in filters.split_names(cell)})
        best.update(article_ids="; ".join(ids), sources=len(ids), event_id=min(group["event_id"]))
        out.append(best)
    return ordered(schema.conform(pd.DataFrame(out)))


FAKE = Pipeline(extract=fake_extract, merge=fake_merge)


def art(aid: str, *lines: str, published=dt.date(2023, 9, 14)) -> Article:
    return Article(aid, f"title {aid}", "\n".join(lines), published=published, source="Wire")


def snapshot(path: Path) -> dict:
    """Every table of a store file, sorted, for exact before/after comparisons."""
    import duckdb

    if not path.exists():
        return {}
    con = duckdb.connect(":memory:")
    con.execute("ATTACH ? AS s (READ_ONLY)", [str(path)])
    out = {t: con.execute(f"SELECT * FROM s.{t} ORDER BY ALL").fetchall() for t in ("articles", "mentions", "events")}
    con.close()
    return out


# ----------------------------------------------------------------------------- filters in SQL

@pytest.fixture(scope="module")
def varied():
    frame = synth.make_events(1500, seed=7, n_actors=60, n_places=40, tricky=True)
    # names that look like SQL or LIKE patterns must stay plain values
    frame.loc[3, "actors"] = "O'Brien; 100%_sure"
    frame.loc[3, "actor1"] = "O'Brien"
    frame.loc[4, "location"] = "Côte d'Ivoire"
    frame.loc[5, "sentence"] = "Talks in ZÜRICH ended; naïve\x1fseparator"
    frame.loc[6, "actors"] = "A;; B"
    frame.loc[7, "actors"] = "A; ; B;  C"
    frame.loc[8, "actors"] = "A; B; "
    return schema.check_frame(frame)


@pytest.fixture(scope="module")
def filled(tmp_path_factory, varied):
    store = EventStore(tmp_path_factory.mktemp("store") / "events.duckdb")
    store.put_events(varied)
    return store


def _choices(frame, column):
    values = sorted({v for v in frame[column].dropna()})
    return values[:25] + ["Nowhere", "O'Brien", "100%_sure"]


TRICKY_NAMES = ["100%_sure", "Nobody", "A;", "A", "B", " C", "C", "A; B"]


@st.composite
def filter_values(draw, frame):
    actors = sorted({n for cell in frame["actors"].dropna() for n in filters.split_names(cell)})
    day = st.dates(min_value=dt.date(2014, 6, 1), max_value=dt.date(2026, 6, 1))
    words = ["said", "KIM", "summit", "zürich", "o'brien", "%", "_", "'", "\x1f", "on october", "; ", "=", "ünï"]
    return Filters(
        date_from=draw(st.none() | day),
        date_to=draw(st.none() | day),
        actors=tuple(draw(st.lists(st.sampled_from(actors[:40] + TRICKY_NAMES), max_size=3))),
        countries=tuple(draw(st.lists(st.sampled_from(_choices(frame, "country")), max_size=3))),
        places=tuple(draw(st.lists(st.sampled_from(_choices(frame, "location")), max_size=2))),
        event_types=tuple(draw(st.lists(st.sampled_from(list(schema.EVENT_TYPES)), max_size=3))),
        status=tuple(draw(st.lists(st.sampled_from(list(schema.STATUSES)), max_size=2))),
        sources=tuple(draw(st.lists(st.sampled_from(synth.OUTLETS + ["Nobody"]), max_size=2))),
        text=draw(st.none() | st.sampled_from(words) | st.text(alphabet="aeiouKSTné %_'", max_size=4)),
        min_confidence=draw(st.sampled_from([0.0, 0.0, 0.25, 0.5, 0.9, 1.0])),
    )


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_store_query_matches_filters_apply(filled, varied, data):
    wanted = data.draw(filter_values(varied))
    expected = ordered(filters.apply(varied, wanted))
    got = filled.query(wanted)
    schema.check_frame(got)
    pd.testing.assert_frame_equal(got, expected)
    assert filled.count(wanted) == len(expected)


@pytest.mark.parametrize("column", ["actors", "country", "location", "event_type", "status", "source"])
@pytest.mark.parametrize("wanted", [Filters(), Filters(text="said", min_confidence=0.3),
                                    Filters(actors=("Kim Jong Un",), date_from=dt.date(2020, 1, 1))])
def test_store_counts_match_filters_counts(filled, varied, column, wanted):
    assert filled.counts(column, wanted) == filters.counts(filters.apply(varied, wanted), column)


def test_store_where_sql_passes_values_as_parameters():
    sql, params = where_sql(Filters(actors=("x') DROP TABLE events --",), text="%'", places=("a", "b")))
    assert "DROP" not in sql and "%" not in sql
    assert "; x') DROP TABLE events --; " in params and "%'" in params


def test_store_query_limit_columns_and_aggregates(filled, varied):
    wanted = Filters(min_confidence=0.5)
    kept = ordered(filters.apply(varied, wanted))
    page = filled.query(wanted, limit=10, columns=["event_id", "date_start", "actors"])
    pd.testing.assert_frame_equal(page, kept[["event_id", "date_start", "actors"]].head(10))
    pd.testing.assert_frame_equal(filled.query(wanted, limit=7, offset=20), kept.iloc[20:27].reset_index(drop=True))
    assert len(filled.query(Filters(status=("nothing",)), limit=5)) == 0
    hist = filled.date_histogram(wanted, "year")
    assert hist["events"].sum() == kept["date_start"].notna().sum()
    assert list(hist["period"].dt.year) == sorted(kept["date_start"].dropna().dt.year.unique())
    places = filled.locations(wanted)
    assert places["events"].sum() == (kept["lat"].notna() & kept["lon"].notna()).sum()
    lo, hi = filled.date_range(wanted)
    assert lo == kept["date_start"].min().date() and hi == kept["date_end"].max().date()


def test_store_csv_is_byte_for_byte_export_to_csv(filled):
    for wanted in (None, Filters(text="said"), Filters(status=("nothing",))):
        assert filled.to_csv(filters=wanted) == export.to_csv(filled.query(wanted))


def test_store_csv_quotes_like_python_csv(tmp_path):
    rng = random.Random(5)
    alphabet = ' ,"\'\n\r\t=+-@aZé;|'
    frame = synth.make_events(300, seed=1)
    for column in ("sentence", "title", "actors", "location", "reported_by"):
        cells = ["".join(rng.choice(alphabet) for _ in range(rng.randint(1, 8))) for _ in range(len(frame))]
        frame[column] = pd.Series(cells, dtype="str")
    store = EventStore(tmp_path / "csv.duckdb")
    store.put_events(schema.conform(frame))
    assert store.to_csv() == export.to_csv(store.query())


def test_store_parquet_round_trip_is_atomic(filled, varied, tmp_path):
    target = tmp_path / "events.parquet"
    target.write_bytes(b"old")
    assert filled.to_parquet(target) == len(varied)
    assert sorted(os.listdir(tmp_path)) == ["events.parquet"]  # no temporary file left behind
    other = EventStore(tmp_path / "copy.duckdb")
    assert other.import_parquet(target) == len(varied)
    pd.testing.assert_frame_equal(other.events(), ordered(varied))
    # importing again replaces rows by event_id rather than doubling them
    assert other.import_parquet(target) == len(varied)


def test_store_empty_store_reads_as_empty(tmp_path):
    store = EventStore(tmp_path / "none.duckdb")
    assert store.version() == ""
    schema.check_frame(store.query(Filters(text="x")))
    assert store.count() == 0 and store.counts("actors") == {} and store.date_range() == (None, None)
    assert not (tmp_path / "none.duckdb").exists()  # reading creates nothing


def test_store_default_path_and_environment(monkeypatch, tmp_path):
    monkeypatch.delenv("TIMELINE_DB", raising=False)
    assert EventStore().path == ROOT / "data" / "timeline.duckdb"
    monkeypatch.setenv("TIMELINE_DB", str(tmp_path / "env.duckdb"))
    assert EventStore().path == tmp_path / "env.duckdb"
    assert EventStore(tmp_path / "given.duckdb").path == tmp_path / "given.duckdb"


# ----------------------------------------------------------------------------- ingest

DAY1 = [art("a1", "2023-09-13|summit|Kim Jong Un; Vladimir Putin|Vostochny", "2023-09-12|visit|Kim Jong Un|Vladivostok"),
        art("a2", "2023-09-13|summit|Kim Jong Un; Vladimir Putin|Vostochny")]
DAY2 = [art("a3", "2023-09-13|summit|Kim Jong Un; Vladimir Putin|Vostochny", "2023-09-20|talks|Sergei Lavrov|Pyongyang",
            published=dt.date(2023, 9, 15))]


def test_store_ingest_merges_and_is_idempotent(tmp_path):
    store = EventStore(tmp_path / "t.duckdb", pipeline=FAKE)
    first = store.ingest(DAY1)
    assert isinstance(first, IngestReport)
    assert (first.articles_new, first.articles_skipped, first.mentions, first.events_before, first.events_after) \
        == (2, 0, 3, 0, 2)
    summit = store.query(Filters(event_types=("summit",)))
    assert summit.loc[0, "sources"] == 2 and summit.loc[0, "article_ids"] == "a1; a2"
    before, version = snapshot(store.path), store.version()
    again = store.ingest(DAY1 + [dataclasses.replace(DAY1[0], id="renamed", url="https://elsewhere")])
    assert (again.articles_new, again.articles_skipped, again.mentions) == (0, 3, 0)
    assert again.events_before == again.events_after == 2
    assert snapshot(store.path) == before
    assert store.version() == version  # nothing new: the file is not even rewritten
    assert sorted(p.name for p in tmp_path.iterdir()) == ["t.duckdb", "t.duckdb.lock"]


def test_store_incremental_ingest_equals_one_parse(tmp_path):
    store = EventStore(tmp_path / "t.duckdb", pipeline=FAKE)
    store.ingest(DAY1)
    report = store.ingest(DAY2)
    assert (report.articles_new, report.events_before, report.events_after) == (1, 2, 3)
    at_once = fake_merge(schema.to_frame([r for a in DAY1 + DAY2 for r in fake_extract(a)]))
    pd.testing.assert_frame_equal(store.events(), at_once)
    assert store.stats() == {"articles": 3, "mentions": 5, "events": 3}


def test_store_ingest_reports_bad_article_and_keeps_the_rest(tmp_path):
    store = EventStore(tmp_path / "t.duckdb", pipeline=FAKE)
    report = store.ingest([art("bad", "boom"), *DAY1], errors=["missing.txt: file not found"])
    assert report.articles_new == 2 and len(report.errors) == 2
    assert report.errors[1].startswith("bad: ValueError")
    # the failed article is not stored, so it is tried again next time
    assert store.ingest([art("bad", "boom")]).articles_new == 0
    assert store.stats()["articles"] == 2


def test_store_ingest_with_the_real_pipeline_matches_parse(tmp_path):
    import timeline

    first = Article("r1", "Kim visits Russia", "North Korean leader Kim Jong Un met Russian President Vladimir "
                    "Putin in Vladivostok on Wednesday.", published=dt.date(2023, 9, 14), source="Reuters")
    second = Article("r2", "Summit", "Kim Jong Un and Vladimir Putin held a summit in Vladivostok on "
                     "September 13. Sergei Lavrov will visit Pyongyang next month.",
                     published=dt.date(2023, 9, 15), source="AP")
    store = EventStore(tmp_path / "real.duckdb")
    store.ingest([first])
    store.ingest([second])
    pd.testing.assert_frame_equal(store.events(), ordered(timeline.parse([first, second])))


def test_store_reader_sees_new_events_without_reopening(tmp_path):
    path = tmp_path / "t.duckdb"
    store = EventStore(path, pipeline=FAKE)
    store.ingest(DAY1[:1])
    page = EventStore(path)  # as the page holds it, across reruns
    assert page.count() == 2
    key = page.version()
    store.ingest(DAY2)
    assert page.version() != key
    assert page.count() == 3


def test_store_second_writer_is_refused_and_readers_go_on(tmp_path):
    path = tmp_path / "t.duckdb"
    store = EventStore(path, pipeline=FAKE)
    store.ingest(DAY1)
    inside, release = threading.Event(), threading.Event()

    def slow_extract(article):
        inside.set()
        release.wait(10)
        return fake_extract(article)

    slow = EventStore(path, pipeline=Pipeline(slow_extract, fake_merge))
    writer = threading.Thread(target=slow.ingest, args=(DAY2,))
    writer.start()
    try:
        assert inside.wait(10)
        with pytest.raises(StoreBusyError, match="another ingest is writing to .*t.duckdb; try again"):
            EventStore(path, pipeline=FAKE).ingest([art("x", "2020-01-01|visit|A|B")])
        reader = EventStore(path)
        assert reader.count() == 2  # the reader is not blocked, and sees the last committed state
    finally:
        release.set()
        writer.join(10)
    assert EventStore(path).count() == 3


_KILL_SCRIPT = """
import sys, time
sys.path[:0] = [{root!r}, {tests!r}]
from test_store import FAKE, fake_extract, fake_merge, art
from timeline.store import EventStore, Pipeline
n = 0
def extract(article):
    global n
    n += 1
    if n == 120:
        print("MIDWAY", flush=True)
        time.sleep(60)
    return fake_extract(article)
articles = (art(f"k{{i}}", f"2021-01-{{i % 28 + 1:02d}}|meeting|Actor {{i % 13}}|Place") for i in range(100000))
EventStore({db!r}, pipeline=Pipeline(extract, fake_merge)).ingest(articles, batch_size=25)
"""


def test_store_sigkill_mid_ingest_leaves_store_as_before(tmp_path):
    path = tmp_path / "t.duckdb"
    store = EventStore(path, pipeline=FAKE)
    store.ingest(DAY1)
    before = snapshot(path)
    script = _KILL_SCRIPT.format(root=str(ROOT), tests=str(Path(__file__).parent), db=str(path))
    child = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        line = child.stdout.readline()
        assert line.strip() == "MIDWAY", child.stderr.read()
        child.send_signal(signal.SIGKILL)
    finally:
        child.wait(10)
    assert child.returncode == -signal.SIGKILL
    assert any(p.name.endswith(".tmp") for p in tmp_path.iterdir())  # the killed writer's half-done copy
    assert snapshot(path) == before
    assert EventStore(path).count() == 2
    # the lock died with the process, and the next writer clears the debris
    report = EventStore(path, pipeline=FAKE).ingest(DAY2)
    assert report.articles_new == 1
    assert not any(p.name.endswith(".tmp") for p in tmp_path.iterdir())


def test_store_article_key_ignores_id_and_url():
    a = art("one", "text")
    assert article_key(a) == article_key(dataclasses.replace(a, id="two", url="u"))
    assert article_key(a) != article_key(dataclasses.replace(a, text="text!"))
    assert article_key(a) != article_key(dataclasses.replace(a, published=dt.date(2020, 1, 1)))


def test_store_imported_events_survive_later_ingests_and_rebuilds(tmp_path):
    source = EventStore(tmp_path / "source.duckdb", pipeline=FAKE)
    source.ingest(DAY1)
    exported = tmp_path / "events.parquet"
    source.to_parquet(exported)
    imported = source.events()

    store = EventStore(tmp_path / "t.duckdb", pipeline=FAKE)
    assert store.import_parquet(exported) == 2
    # a new article of the same type family re-merges that family from the stored mentions: the imported
    # rows, which have none, stay
    store.ingest(DAY2)
    events = store.events()
    assert set(imported["event_id"]) <= set(events["event_id"])
    assert "2023-09-20" in set(events["date_start"].dt.strftime("%Y-%m-%d"))
    assert len(events) == 4  # 2 imported + DAY2's summit (a3 only) and talks
    assert store.rebuild() == 4
    assert set(store.events()["event_id"]) == set(events["event_id"])

    # the store's own export imported back: the re-merge makes those events again, and each is listed once
    source.import_parquet(exported)
    source.ingest(DAY2)
    again = source.events()
    assert again["event_id"].is_unique
    assert len(again) == 3
    assert source.rebuild() == 3
    assert source.events()["event_id"].is_unique


@pytest.mark.parametrize("suffix, maker", [(".json", export.to_json), (".geojson", export.to_geojson),
                                           (".parquet", None), (".csv", export.to_csv)])
def test_store_large_exports_are_streamed_and_equal_one_frame(tmp_path, monkeypatch, suffix, maker):
    from timeline import cli
    from timeline.cli import write_output

    monkeypatch.setattr(cli, "STREAM_ROWS", 2048)  # 5,000 events in three pieces

    store = EventStore(tmp_path / "big.duckdb")
    store.put_events(synth.make_events(5000, seed=3, tricky=True), replace=True)
    assert sum(len(f) for f in store.iter_events(rows=2048)) == 5000  # in three pieces
    kept = Filters(event_types=("summit", "visit", "meeting"))
    for chosen in (None, kept, Filters(text="no such words anywhere")):
        target = tmp_path / f"out{suffix}"
        assert write_output(store, target, chosen) == store.count(chosen)
        if maker is None:
            pd.testing.assert_frame_equal(schema.conform(pd.read_parquet(target)), store.query(chosen))
        else:
            assert target.read_bytes() == maker(store.query(chosen))
