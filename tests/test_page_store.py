"""The page on an event store (timeline/ui/stored.py), headless with AppTest: filters and counts run in
DuckDB, the page holds the visible rows, and what another process ingests shows on the next rerun.

Expectations come from the store itself (EventStore.query / to_csv with the same Filters), so they hold
whatever the extractor finds in the sample articles.
"""
import dataclasses
import subprocess
import sys
import threading
from pathlib import Path

import pandas as pd
import pytest
from test_dashboard import _download, _new, record_media  # noqa: F401 - the fixture records the download payloads

from timeline import charts, export, read_articles
from timeline.filters import Filters
from timeline.store import EventStore, default_pipeline
from timeline.ui import data, stored

ROOT = Path(__file__).resolve().parent.parent
NEW_ARTICLE = """Lukashenko visits Ulaanbaatar
Published: 2025-03-04
Source: Test Desk

Belarusian President Alexander Lukashenko arrived in Ulaanbaatar on Monday for talks with Mongolian
President Ukhnaagiin Khurelsukh, the presidential office said.
"""


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    path = tmp_path_factory.mktemp("page-store") / "events.duckdb"
    report = EventStore(path).ingest(read_articles(ROOT / "data" / "articles"))
    assert report.articles_new > 10 and not report.errors
    return path


@pytest.fixture
def page(db, monkeypatch):
    monkeypatch.setenv("TIMELINE_DB", str(db))
    for cached in (stored.facets, stored.view, stored.timeline_figure, stored.map_figure, stored.quality):
        cached.clear()

    return _new


def ingest_elsewhere(db, folder) -> None:
    """``python -m timeline ingest`` of NEW_ARTICLE into ``db``, in another process."""
    article = folder / "lukashenko.txt"
    article.write_text(NEW_ARTICLE, encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "timeline", "ingest", str(article), "--db", str(db)],
                          cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr


def _busiest_place(events: pd.DataFrame) -> tuple[tuple[float, float], pd.DataFrame]:
    """The place (lat, lon to 4 decimals, as the map keys it) with the most events, and its events."""
    lat, lon = events["lat"].round(4), events["lon"].round(4)
    busiest = events[lat.notna()].groupby([lat, lon]).size().idxmax()
    return busiest, events[(lat == busiest[0]) & (lon == busiest[1])]


def _metric(at, label):
    return next(m.value for m in at.metric if m.label == label)


def _table(at):
    (table,) = [d for d in at.dataframe if "table_" in d.proto.id]
    return table.value


def _figure(at, key):
    import json

    (chart,) = [c for c in at.get("plotly_chart") if key in c.proto.id]
    return json.loads(chart.proto.spec)


def test_page_store_default_and_named_stores(monkeypatch, tmp_path):
    from timeline import store

    monkeypatch.delenv("TIMELINE_DB", raising=False)
    monkeypatch.setattr(sys, "argv", ["dashboard.py"])
    monkeypatch.setattr(store, "DEFAULT_PATH", tmp_path / "absent.duckdb")
    assert data.page_store() is None  # no store: the page reads the sample articles in memory
    monkeypatch.setattr(store, "DEFAULT_PATH", tmp_path / "made.duckdb")
    (tmp_path / "made.duckdb").write_bytes(b"")
    assert data.page_store() == tmp_path / "made.duckdb"
    monkeypatch.setenv("TIMELINE_DB", str(tmp_path / "env.duckdb"))
    assert data.page_store() == tmp_path / "env.duckdb"  # named: read even before its first write
    monkeypatch.setattr(sys, "argv", ["dashboard.py", "--db", str(tmp_path / "arg.duckdb")])
    assert data.page_store() == tmp_path / "arg.duckdb"


def test_page_store_shows_the_store_and_filters_in_duckdb(page, db):
    at = page()
    store = EventStore(db)
    everything = store.query()
    assert _metric(at, "Events") == f"{len(everything):,}"
    assert list(_table(at)["event_id"]) == list(everything["event_id"])
    (types,) = [m for m in at.sidebar.multiselect if m.label.startswith("Event types")]
    assert types.label == f"Event types ({everything['event_type'].nunique()})"
    kind = everything["event_type"].value_counts().index[0]
    types.set_value([kind]).run()
    wanted = store.query(Filters(event_types=(kind,)))
    assert list(_table(at)["event_id"]) == list(wanted["event_id"])
    assert _metric(at, "Events") == f"{len(wanted):,}"
    payload, name = _download(at, "csv")
    assert payload == export.to_csv(wanted)
    assert name.endswith(".csv")


def test_page_store_sees_an_ingest_by_another_process_on_the_next_rerun(page, db, tmp_path):
    at = page()
    before = EventStore(db).count()
    assert _metric(at, "Events") == f"{before:,}"
    ingest_elsewhere(db, tmp_path)
    after = EventStore(db).count()
    assert after > before
    at.run()  # the same session, no restart
    assert not at.exception
    assert _metric(at, "Events") == f"{after:,}"
    assert any("Lukashenko arrived in Ulaanbaatar" in s for s in _table(at)["sentence"])


def test_page_store_with_more_events_than_it_holds_counts_in_the_store(page, db, monkeypatch):
    monkeypatch.setattr(stored, "VISIBLE_ROWS", 10)
    at = page()
    store = EventStore(db)
    everything = store.query()
    table = _table(at)
    assert list(table["event_id"]) == list(everything["event_id"].head(10))  # the page holds 10 rows
    assert any(f"The table lists the first 10 of {len(everything):,} events" in w.value for w in at.warning)
    # the summary is counted in the store
    assert _metric(at, "Events") == f"{len(everything):,}"
    actors = {a for cell in everything["actors"].dropna() for a in cell.split("; ") if a}
    assert _metric(at, "Actors") == f"{len(actors):,}"
    # the aggregated timeline counts every dated event, lane by lane
    fig = _figure(at, "timeline_chart")
    dated = everything["date_start"].notna().sum()
    assert f"Timeline \u2014 {dated:,} events, aggregated" in fig["layout"]["title"]["text"]
    lanes = {y for trace in fig["data"] for y in trace["y"]}
    assert lanes == set(everything.loc[everything["date_start"].notna(), "event_type"])
    # the map counts every located event at its place, as the in-memory map does
    fig = _figure(at, "map_chart")
    memory = charts.event_map(everything)
    assert fig["layout"]["title"]["text"] == memory.layout.title.text
    # the CSV of every kept event comes from the store
    payload, _ = _download(at, "csv")
    assert payload == export.to_csv(everything)
    # a filter narrows the rows in the store
    (types,) = [m for m in at.sidebar.multiselect if m.label.startswith("Event types")]
    kind = everything["event_type"].value_counts().index[0]
    types.set_value([kind]).run()
    wanted = store.query(Filters(event_types=(kind,)))
    assert list(_table(at)["event_id"]) == list(wanted["event_id"].head(10))
    assert _metric(at, "Events") == f"{len(wanted):,}"


def test_page_store_selection_on_the_aggregated_map_lists_that_place(page, db, monkeypatch):
    monkeypatch.setattr(stored, "VISIBLE_ROWS", 10)
    at = page()
    everything = EventStore(db).query()
    busiest, here = _busiest_place(everything)
    at.session_state["selection"] = {"source": "map", "keys": [charts.place_key(*busiest)]}
    at.run()
    assert not at.exception
    assert list(_table(at)["event_id"]) == list(here["event_id"].head(10))
    assert any(f"Selection: {len(here):,} of {len(everything):,} events" in i.value for i in at.info)
    assert len(here) > 10  # more than the page holds: the export says it has the first of them
    # the summary counts every picked event, in the store
    assert _metric(at, "Events") == f"{len(here):,}"
    actors = {a for cell in here["actors"].dropna() for a in cell.split("; ") if a}
    assert _metric(at, "Actors") == f"{len(actors):,}"
    assert any(c.value.startswith(f"The first 10 of the {len(here):,} events picked on the charts")
               for c in at.caption)
    assert any(w.value == f"The table lists the first 10 of {len(here):,} events. Narrow the filters or pick events "
               "on the charts to list the rest; the exports below hold the same rows as the table." for w in at.warning)


def test_page_store_timeline_cell_selection_lists_that_lane_and_month(page, db, monkeypatch):
    monkeypatch.setattr(stored, "VISIBLE_ROWS", 10)
    at = page()
    everything = EventStore(db).query()
    fig = _figure(at, "timeline_chart")
    key = fig["data"][0]["customdata"][0]  # a circle: one lane's events in one period
    _, freq, day, lane = key.split(charts.SEP)
    period = everything["date_start"].dt.to_period(freq).dt.start_time.dt.strftime("%Y-%m-%d")
    here = everything[(period == day) & (everything["event_type"] == lane)]
    at.session_state["selection"] = {"source": "timeline", "keys": [key], "lane": "event type"}
    at.run()
    assert not at.exception
    assert len(here) >= 1
    assert list(_table(at)["event_id"]) == list(here["event_id"].head(10))


def test_page_store_second_writer_gets_a_clear_message_and_nothing_is_lost(page, db):
    at = page()
    before = EventStore(db).count()
    inside, release = threading.Event(), threading.Event()
    pipeline = default_pipeline()

    def slow_extract(article):
        inside.set()
        release.wait(30)
        return pipeline.extract(article)

    slow = EventStore(db, pipeline=dataclasses.replace(pipeline, extract=slow_extract))
    writer = threading.Thread(target=slow.ingest, args=([read_articles_text("Slow one", "Putin met Xi in Moscow "
                                                                            "on 3 May 2021.")],))
    writer.start()
    try:
        assert inside.wait(30)
        at.text_area(key="store_paste_text").input("Macron meets Modi\n\nFrench President Emmanuel Macron met "
                                                   "Indian Prime Minister Narendra Modi in Paris on 10 July 2024.")
        at.button[[b.label for b in at.button].index("Add this text")].click().run()
        assert not at.exception
        errors = [e.value for e in at.error]
        assert any(e.startswith("pasted text: not stored: another ingest is writing to ")
                   and e.endswith("events.duckdb; try again when it finishes") for e in errors), errors
        assert _metric(at, "Events") == f"{before:,}"  # the reader was not blocked and lost nothing
    finally:
        release.set()
        writer.join(60)


def read_articles_text(title: str, body: str):
    from timeline.articles import read_text

    return read_text(f"{title}\n\n{body}", name=title)


def test_page_store_bad_upload_names_the_file_and_keeps_the_events(page, db):
    at = page()
    before = _metric(at, "Events")
    (uploader,) = [u for u in at.file_uploader if "Articles" in u.label]
    uploader.set_value([("broken.json", b"{not json", "application/json")]).run()
    assert not at.exception
    errors = [e.value for e in at.error]
    assert errors and all(e.startswith("broken.json") for e in errors), errors
    assert _metric(at, "Events") == before


def test_page_store_article_view_reads_the_article_from_the_store(page, db):
    at = page()
    everything = EventStore(db).query()
    row = everything.iloc[0]
    at.session_state["open_event"] = row["event_id"]
    at.run()
    assert not at.exception
    article = EventStore(db).article(row["article_id"])
    assert article is not None and article.text
    shown = [m.value for m in at.markdown if "tl-article" in m.value and "<mark" in m.value]
    assert shown, "the article is not shown with its marks"
    assert row["trigger"] in pd.Series(shown).str.cat()


def test_page_store_big_views_export_csv_from_the_store_and_refuse_the_rest(page, db, monkeypatch):
    monkeypatch.setattr(stored, "VISIBLE_ROWS", 10)
    monkeypatch.setattr(stored, "PAGE_EXPORT_ROWS", 20)
    at = page()
    total = EventStore(db).count()
    payload, _ = _download(at, "csv")
    assert payload == EventStore(db).to_csv()
    refused = {b.label: b for b in at.button if b.label.startswith("Download ")}
    assert set(refused) == {"Download JSON", "Download GeoJSON", "Download TimelineJS"}
    assert all(b.disabled for b in refused.values())
    assert refused["Download JSON"].help.startswith(f"{total:,} events: more than the page makes as JSON (20).")
    assert "python -m timeline export --db " in refused["Download GeoJSON"].help


def test_page_store_a_url_that_cannot_be_fetched_is_reported_and_nothing_changes(page, db):
    at = page()
    before = _metric(at, "Events")
    at.text_input(key="store_url_text").input("http://127.0.0.1:9/nothing-listens-here")
    at.button[[b.label for b in at.button].index("Fetch")].click().run()
    assert not at.exception
    errors = [e.value for e in at.error]
    assert errors and all(e.startswith("http://127.0.0.1:9/nothing-listens-here") for e in errors), errors
    assert _metric(at, "Events") == before


def test_page_store_a_selection_keeps_only_what_later_filters_keep(page, db, monkeypatch):
    monkeypatch.setattr(stored, "VISIBLE_ROWS", 10)
    at = page()
    everything = EventStore(db).query()
    busiest, here = _busiest_place(everything)
    at.session_state["selection"] = {"source": "map", "keys": [charts.place_key(*busiest)]}
    at.run()
    picked = here.head(10)  # the page holds the first 10 of the place's events
    kind = picked["event_type"].value_counts().index[-1]  # a type only some of them have
    (types,) = [m for m in at.sidebar.multiselect if m.label.startswith("Event types")]
    types.set_value([kind]).run()
    assert not at.exception
    assert list(_table(at)["event_id"]) == list(picked.loc[picked["event_type"] == kind, "event_id"])
