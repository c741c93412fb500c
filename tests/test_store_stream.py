"""The store merges by streaming (merge.Clusterer over DuckDB) and gives timeline.parse's rows; it keeps each
event's CSV line, and a store written before it did is read (and, on the next write, upgraded)."""
from __future__ import annotations

import importlib.util
from pathlib import Path

import duckdb
import pandas as pd

import timeline
from timeline import export, schema
from timeline import store as store_mod
from timeline.store import EventStore

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = sorted((ROOT / "data" / "articles").glob("*.txt"))
_spec = importlib.util.spec_from_file_location("synth", ROOT / "benchmarks" / "synth.py")
synth = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(synth)


def ordered(frame: pd.DataFrame) -> pd.DataFrame:
    return frame.sort_values(["date_start", "event_id"], na_position="last", kind="stable").reset_index(drop=True)


def test_store_ingest_streams_the_merge_and_matches_parse(tmp_path, monkeypatch):
    articles = timeline.read_articles([str(p) for p in SAMPLES])
    assert len(articles) >= 4
    calls = []
    streamed = store_mod._merge_streamed
    monkeypatch.setattr(store_mod, "_merge_streamed", lambda *a: calls.append(1) or streamed(*a))
    monkeypatch.setattr(store_mod, "_LIGHT_BATCH", 5)
    monkeypatch.setattr(store_mod, "_MEMBER_BATCH", 3)
    monkeypatch.setattr(store_mod, "_EVENT_BATCH", 4)
    store = EventStore(tmp_path / "s.duckdb")
    half = len(articles) // 2
    store.ingest(articles[:half], batch_size=1)
    store.ingest(articles[half:], batch_size=2)
    assert calls
    pd.testing.assert_frame_equal(store.events(), ordered(timeline.parse(articles)))
    assert store.to_csv() == export.to_csv(store.events())
    assert store.rebuild() == len(store.events())
    pd.testing.assert_frame_equal(store.events(), ordered(timeline.parse(articles)))


def test_store_merge_restores_duckdb_settings(tmp_path):
    store = EventStore(tmp_path / "s.duckdb")
    store.ingest(timeline.read_articles(str(SAMPLES[0])))
    with store._write() as writing:
        before = writing.con.execute("SELECT current_setting('threads'), current_setting('memory_limit')").fetchall()
        store_mod._remerge(writing.con, store.pipeline, {"summit", "meeting"})
        after = writing.con.execute("SELECT current_setting('threads'), current_setting('memory_limit')").fetchall()
        writing.changed = False
    assert before == after


def _make_version_1(path: Path) -> None:
    con = duckdb.connect(str(path))
    con.execute("ALTER TABLE events DROP COLUMN _csv")
    con.execute("UPDATE meta SET value = '1' WHERE key = 'schema_version'")
    con.close()


def test_store_of_schema_version_1_is_read_and_upgraded(tmp_path):
    path = tmp_path / "old.duckdb"
    store = EventStore(path)
    frame = synth.make_events(300, seed=3, tricky=True)
    store.put_events(schema.conform(frame))
    _make_version_1(path)
    reader = EventStore(path)
    assert reader.to_csv() == export.to_csv(reader.query())  # lines rendered at export time
    assert reader.count() == 300
    # the next write adds the lines
    more = synth.make_events(20, seed=4)
    more["event_id"] = [f"new{i}" for i in range(len(more))]
    reader.put_events(schema.conform(more))
    con = duckdb.connect(str(path), read_only=True)
    assert con.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchall() == [(store_mod.SCHEMA_VERSION,)]
    assert con.execute("SELECT count(*) FROM events WHERE _csv IS NULL").fetchall() == [(0,)]
    con.close()
    assert reader.count() == 320
    assert reader.to_csv() == export.to_csv(reader.query())


def test_store_csv_lines_follow_filters(tmp_path):
    store = EventStore(tmp_path / "f.duckdb")
    store.put_events(schema.conform(synth.make_events(500, seed=9, tricky=True)))
    for wanted in (timeline.Filters(text="said"), timeline.Filters(min_confidence=0.6),
                   timeline.Filters(status=("nothing",))):
        assert store.to_csv(filters=wanted) == export.to_csv(store.query(wanted))


def test_store_sorts_a_range_of_dates_at_a_time(tmp_path, monkeypatch):
    monkeypatch.setattr(store_mod, "_SORT_CHUNK", 37)
    frame = schema.conform(synth.make_events(400, seed=12))  # undated rows too
    assert frame["date_start"].isna().any()
    store = EventStore(tmp_path / "r.duckdb")
    store.put_events(frame)  # into an empty table: inserted in order, a range at a time
    pd.testing.assert_frame_equal(store.events(), ordered(frame))
    more = schema.conform(synth.make_events(150, seed=13))
    more["event_id"] = [f"more{i}" for i in range(len(more))]
    store.put_events(more)  # appended, then the table is sorted a range at a time
    pd.testing.assert_frame_equal(store.events(), ordered(pd.concat([frame, more], ignore_index=True)))
    assert store.to_csv() == export.to_csv(store.events())
    with store._write() as writing:
        assert len(store_mod._date_ranges(writing.con, "events")) > 10
        writing.changed = False
