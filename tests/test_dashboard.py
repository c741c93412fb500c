"""The page, headless: streamlit.testing.v1.AppTest runs dashboard.py as a user would see it.

Expectations are computed from the page's own loaded frame with timeline.filters.apply and
timeline.export, so they hold whatever the extractor finds in the sample articles.
"""
import csv
import datetime as dt
import io
import json
from pathlib import Path

import pytest
from streamlit.runtime.media_file_manager import MediaFileManager
from streamlit.runtime.memory_media_file_storage import MemoryMediaFileStorage
from streamlit.testing.v1 import AppTest

from timeline import charts, export
from timeline.filters import Filters, apply, counts, split_names
from timeline.geo import country_name
from timeline.schema import EVENT_COLUMNS
from timeline.ui.controls import country_counts

PAGE = str(Path(__file__).resolve().parent.parent / "dashboard.py")
SAVED_MEDIA: dict[str, tuple[bytes, str]] = {}
DEFERRED: dict[str, tuple[object, str]] = {}  # file id -> (the callable a download button runs on click, file name)
UPLOAD_TXT = b"""Lukashenko visits Ulaanbaatar
Published: 2025-03-04
Source: Test Desk

Belarusian President Alexander Lukashenko arrived in Ulaanbaatar on Monday for talks with Mongolian
President Ukhnaagiin Khurelsukh, the presidential office said.
"""
UPLOAD_HTML = b"""<html><head><title>Macron meets Modi in Paris</title>
<meta property="article:published_time" content="2024-07-10"></head><body><article>
<h1>Macron meets Modi in Paris</h1>
<p>French President Emmanuel Macron met Indian Prime Minister Narendra Modi in Paris on Tuesday and the two
leaders signed an agreement on defence cooperation, officials said.</p></article></body></html>"""
PASTE = ("Xi hosts Lula in Beijing\n\nChinese President Xi Jinping held talks with Brazilian President "
         "Luiz Inacio Lula da Silva in Beijing on Friday. <script>alert('x')</script>")


@pytest.fixture(scope="module", autouse=True)
def record_media():
    """Keep a copy of every file the page hands to Streamlit's media store, by file id, and every download
    made on click (a callable), by its placeholder id."""
    original = MemoryMediaFileStorage.load_and_get_id
    original_deferred = MediaFileManager.add_deferred

    def recording(self, path_or_data, mimetype, kind, filename=None):
        file_id = original(self, path_or_data, mimetype, kind, filename)
        if isinstance(path_or_data, bytes):
            SAVED_MEDIA[file_id] = (path_or_data, filename)
        return file_id

    def recording_deferred(self, data_callable, mimetype, coordinates, file_name=None, **kwargs):
        file_id = original_deferred(self, data_callable, mimetype, coordinates, file_name=file_name, **kwargs)
        DEFERRED[file_id] = (data_callable, file_name)
        return file_id

    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(MemoryMediaFileStorage, "load_and_get_id", recording)
        mp.setattr(MediaFileManager, "add_deferred", recording_deferred)
        yield


def _new(query=None) -> AppTest:
    at = AppTest.from_file(PAGE, default_timeout=180)
    for key, value in (query or {}).items():
        at.query_params[key] = value
    at.run()
    assert not at.exception, at.exception
    return at


@pytest.fixture(scope="module")
def app(record_media):
    return _new()


@pytest.fixture
def fresh(app):
    """The shared page with every filter and selection reset."""
    app.sidebar.button(key="reset_filters").click().run()
    app.session_state["selection"] = None
    app.run()
    assert not app.exception, app.exception
    return app


def _frame(at):
    return at.session_state["data"]["frame"][1]


def _table(at):
    (table,) = [d for d in at.dataframe if "table_" in d.proto.id]
    return table.value


def _multiselect(at, label):
    (box,) = [m for m in at.sidebar.multiselect if m.label.split(" (")[0] == label]
    return box


def _download(at, fmt):
    """(payload, file name) of a download button, as a click would get them."""
    button = at.get("download_button")
    (button,) = [b for b in button if b.proto.label == f"Download {views_label(fmt)}"]
    if button.proto.deferred_file_id:
        make, name = DEFERRED[button.proto.deferred_file_id]
        payload = make()
        return (payload.encode("utf-8") if isinstance(payload, str) else payload), name
    file_id = button.proto.url.rsplit("/", 1)[-1].split(".")[0]
    return SAVED_MEDIA[file_id]


def views_label(fmt):
    from timeline.ui.views import EXPORT_LABELS

    return EXPORT_LABELS[fmt]


def test_page_runs_and_shows_both_charts(app):
    plots = app.get("plotly_chart")
    assert len(plots) == 2
    timeline_spec, map_spec = (json.loads(c.proto.spec) for c in plots)
    assert timeline_spec["layout"]["xaxis"]["type"] == "date"
    assert timeline_spec["layout"]["xaxis"]["rangeslider"]["visible"] is True
    assert {t["type"] for t in map_spec["data"]} == {"scattergeo"}
    # the base map comes from the app's own static files, never from a CDN
    for chart in plots:
        assert json.loads(chart.proto.config)["topojsonURL"] == "app/static/"


def test_page_table_lists_every_loaded_event(fresh):
    frame = _frame(fresh)
    assert len(frame) > 0
    assert list(_table(fresh)["event_id"]) == list(frame["event_id"])
    assert fresh.metric[0].value == f"{len(frame):,}"


@pytest.mark.parametrize("label,field,column", [
    ("Actors", "actors", "actors"), ("Places", "places", "location"), ("Event types", "event_types", "event_type"),
    ("Status", "status", "status"), ("Sources", "sources", "source"),
])
def test_page_each_list_filter_shows_counts_and_keeps_exactly_its_rows(fresh, label, field, column):
    frame = _frame(fresh)
    tally = counts(frame, column)
    box = _multiselect(fresh, label)
    assert box.label == f"{label} ({len(tally)})"
    value = list(tally)[-1]  # the rarest choice
    assert box.format_func(value) == f"{value} ({tally[value]})"
    box.set_value([value]).run()
    expected = apply(frame, Filters(**{field: (value,)}))
    assert list(_table(fresh)["event_id"]) == list(expected["event_id"])
    assert 0 < len(expected) == tally[value] if column != "actors" else len(expected) == tally[value]


def test_page_country_filter_counts_each_event_once(fresh):
    frame = _frame(fresh)
    box = _multiselect(fresh, "Countries")
    tally = country_counts(frame)
    code = "RUS" if "RUS" in tally else list(tally)[0]
    expected = apply(frame, Filters(countries=(code,)))
    assert tally[code] == len(expected) > 0
    assert box.format_func(code) == f"{code} \u00b7 {country_name(code)} ({len(expected)})"
    box.set_value([code]).run()
    assert list(_table(fresh)["event_id"]) == list(expected["event_id"])
    assert fresh.query_params["country"] == [code] or fresh.query_params["country"] == code


def test_page_date_range_confidence_and_search(fresh):
    frame = _frame(fresh)
    lo, hi = dt.date(2023, 9, 1), dt.date(2023, 9, 30)
    fresh.sidebar.date_input(key="f_dates").set_value((lo, hi)).run()
    expected = apply(frame, Filters(date_from=lo, date_to=hi))
    assert list(_table(fresh)["event_id"]) == list(expected["event_id"])
    fresh.sidebar.slider(key="f_conf").set_value(0.6).run()
    expected = apply(frame, Filters(date_from=lo, date_to=hi, min_confidence=0.6))
    assert list(_table(fresh)["event_id"]) == list(expected["event_id"])
    fresh.sidebar.text_input(key="f_text").input("Vladivostok").run()
    expected = apply(frame, Filters(date_from=lo, date_to=hi, min_confidence=0.6, text="Vladivostok"))
    assert list(_table(fresh)["event_id"]) == list(expected["event_id"])
    assert dict(fresh.query_params) == {"from": "2023-09-01", "to": "2023-09-30", "conf": "0.6", "q": "Vladivostok"}


def test_page_url_round_trip_reopens_the_same_view(fresh):
    frame = _frame(fresh)
    actor = list(counts(frame, "actors"))[0]
    _multiselect(fresh, "Actors").set_value([actor]).run()
    fresh.sidebar.radio(key="lane").set_value("actor").run()
    fresh.sidebar.text_input(key="f_text").input("summit").run()
    query = {k: fresh.query_params[k] for k in fresh.query_params}
    assert query["lane"] == "actor" and query["q"] == "summit"
    table = list(_table(fresh)["event_id"])
    assert table == list(apply(frame, Filters(actors=(actor,), text="summit"))["event_id"])
    reopened = _new(query)
    assert list(_table(reopened)["event_id"]) == table
    assert _multiselect(reopened, "Actors").value == [actor]
    assert reopened.sidebar.radio(key="lane").value == "actor"
    assert reopened.sidebar.text_input(key="f_text").value == "summit"


def test_page_link_with_unknown_values_says_so_and_keeps_the_rest():
    at = _new({"actor": ["Nobody Atall"], "type": "summit", "from": "not-a-date"})
    messages = [w.value for w in at.sidebar.warning]
    assert messages == ["The link's filters could not be read (date_from: 'not-a-date' is not a date (YYYY-MM-DD)); "
                        "showing everything."]
    at = _new({"actor": ["Nobody Atall"], "type": "summit"})
    assert [w.value for w in at.sidebar.warning] == [
        "Actors in the link but not in the loaded events: Nobody Atall"]
    frame = _frame(at)
    assert list(_table(at)["event_id"]) == list(apply(frame, Filters(event_types=("summit",)))["event_id"])


def test_page_selection_filters_the_table_and_the_other_view_and_resets(fresh):
    frame = _frame(fresh)
    chosen = list(frame["event_id"].iloc[[0, 2, 5]])
    fresh.session_state["selection"] = {"source": "timeline", "keys": chosen, "lane": "event type"}
    fresh.run()
    assert list(_table(fresh)["event_id"]) == [e for e in frame["event_id"] if e in chosen]
    timeline_spec, map_spec = (json.loads(c.proto.spec) for c in fresh.get("plotly_chart"))
    drawn = {k for t in timeline_spec["data"] if t.get("customdata") for k in t["customdata"]}
    assert drawn == set(frame.dropna(subset=["date_start"])["event_id"])  # the source view keeps every point
    placed = frame[frame["event_id"].isin(chosen) & frame["lat"].notna()]
    map_keys = {k for t in map_spec["data"] if t.get("customdata") for k in t["customdata"]}
    assert map_keys == {charts.place_key(r.lat, r.lon) for r in placed.itertuples()}
    assert fresh.query_params["sel"] == ",".join(e for e in frame["event_id"] if e in chosen)
    assert fresh.metric[0].value == str(len(chosen))
    fresh.button(key="clear_selection").click().run()
    assert list(_table(fresh)["event_id"]) == list(frame["event_id"])
    assert "sel" not in fresh.query_params


def test_page_map_selection_picks_the_events_at_that_place(fresh):
    frame = _frame(fresh)
    placed = frame[frame["lat"].notna()]
    first = placed.iloc[0]
    key = charts.place_key(first["lat"], first["lon"])
    fresh.session_state["selection"] = {"source": "map", "keys": [key], "lane": "event type"}
    fresh.run()
    here = frame[(frame["lat"].round(4) == round(first["lat"], 4))
                 & (frame["lon"].round(4) == round(first["lon"], 4))]
    assert list(_table(fresh)["event_id"]) == list(here["event_id"])
    # the selection is kept by event_id: a filter that drops some of them keeps the rest
    etype = here["event_type"].iloc[0]
    _multiselect(fresh, "Event types").set_value([etype]).run()
    assert list(_table(fresh)["event_id"]) == list(here[here["event_type"] == etype]["event_id"])


def test_page_link_with_a_selection_reopens_it():
    at = _new()
    frame = _frame(at)
    ids = list(frame["event_id"].iloc[[1, 3]])
    at = _new({"sel": ",".join(ids)})
    assert list(_table(at)["event_id"]) == ids
    assert at.button(key="clear_selection").label == "\u2715 Clear selection"


@pytest.mark.parametrize("fmt,maker", [
    ("csv", export.to_csv), ("json", export.to_json), ("geojson", export.to_geojson),
    ("timelinejs", export.to_timelinejs),
])
def test_page_every_export_holds_exactly_the_filtered_rows(fresh, fmt, maker):
    frame = _frame(fresh)
    _multiselect(fresh, "Actors").set_value(["Vladimir Putin"]).run()
    expected = apply(frame, Filters(actors=("Vladimir Putin",)))
    payload, name = _download(fresh, fmt)
    assert payload == maker(expected)
    assert name == export.file_name(fmt, len(expected), Filters(actors=("Vladimir Putin",)))
    if fmt == "csv":
        rows = list(csv.DictReader(io.StringIO(payload.decode("utf-8"))))
        assert list(rows[0]) == list(EVENT_COLUMNS)
        assert [r["event_id"] for r in rows] == list(expected["event_id"])
        assert all("Vladimir Putin" in r["actors"].split("; ") for r in rows)
    elif fmt == "geojson":
        features = json.loads(payload)["features"]
        assert [f["id"] for f in features] == list(expected[expected["lat"].notna()]["event_id"])


def test_page_open_event_shows_its_article_highlighted(fresh):
    frame = _frame(fresh)
    row = frame[frame["spans"].str.contains("trigger", na=False)].iloc[0]
    fresh.session_state["open_event"] = row["event_id"]
    fresh.run()
    assert fresh.selectbox(key="article_pick").value == row["article_id"]
    html = "".join(m.value for m in fresh.markdown)
    spans = json.loads(row["spans"])
    trigger = row["sentence"][spans["trigger"][0]:spans["trigger"][1]]
    assert f'<mark class="hl-trigger" title="event words">{trigger}</mark>' in html
    assert '<sup class="ev-n">' in html
    assert fresh.query_params["event"] == row["event_id"]
    produced = frame[frame["article_ids"].str.contains(row["article_id"], regex=False)
                     & (frame["article_id"] == row["article_id"])]
    (rows,) = [d for d in fresh.dataframe if list(d.value.columns)[:2] == ["n", "event_type"]]
    assert len(rows.value) == len(produced)


def test_page_upload_several_files_adds_their_events_and_reports_each(app):
    at = _new()
    before = set(_frame(at)["event_id"])
    at.file_uploader[0].set_value([
        ("lukashenko.txt", UPLOAD_TXT, "text/plain"),
        ("macron.html", UPLOAD_HTML, "text/html"),
        ("broken.zip", b"PK\x03\x04junk", "application/zip"),
        ("empty.txt", b"", "text/plain"),
    ]).run()
    assert not at.exception, at.exception
    frame = _frame(at)
    assert before <= set(frame["event_id"])  # nothing already loaded is lost
    arts = at.session_state["data"]["inputs"]
    by_name = {i.name: i for i in arts}
    assert [e.value for e in at.error] == ["broken.zip: not a valid ZIP archive (File is not a zip file)",
                                           "empty.txt: file is empty"]
    successes = [s.value for s in at.success]
    for name in ("lukashenko.txt", "macron.html"):
        ids = {a.id for a in by_name[name].articles}
        n = sum(any(a in ids for a in split_names(v)) for v in frame["article_ids"])
        assert f"{name}: 1 article, {n} event{'s' if n != 1 else ''} found" in successes
    assert len(successes) == 2
    assert len(_table(at)) == len(frame)
    assert any("Alexander Lukashenko" in split_names(a) for a in frame["actors"])
    # the same file again adds nothing and says so
    at.file_uploader[0].set_value([("again.txt", UPLOAD_TXT, "text/plain")]).run()
    assert [i.value for i in at.info][-1] == "again.txt: already loaded, nothing new"
    assert len(_frame(at)) == len(frame)
    at.button(key="remove_added").click().run()
    assert set(_frame(at)["event_id"]) == before


def _timeline_ids(at) -> set[str]:
    """The event ids of the timeline's points."""
    spec = json.loads(at.get("plotly_chart")[0].proto.spec)
    return {c for trace in spec["data"] for c in trace.get("customdata") or []}


def _csv_ids(at) -> set[str]:
    payload, _ = _download(at, "csv")
    return {row["event_id"] for row in csv.DictReader(io.StringIO(payload.decode("utf-8")))}


def test_page_sessions_share_charts_and_files_only_when_their_events_are_the_same():
    plain = _new()
    added = _new()
    added.file_uploader[0].set_value([("lukashenko.txt", UPLOAD_TXT, "text/plain")]).run()
    new_ids = set(_frame(added)["event_id"]) - set(_frame(plain)["event_id"])
    assert new_ids
    assert new_ids <= _timeline_ids(added) and new_ids <= _csv_ids(added)
    later = _new()  # opens after the upload, on the samples only: none of the other session's events
    assert _timeline_ids(later) == _timeline_ids(plain) and not new_ids & _timeline_ids(later)
    assert _csv_ids(later) == _csv_ids(plain) == set(_frame(plain)["event_id"])
    added.button(key="remove_added").click().run()
    assert _timeline_ids(added) == _timeline_ids(plain) and _csv_ids(added) == _csv_ids(plain)


def test_page_paste_with_a_date_and_markup_stays_text():
    at = _new()
    before = len(_frame(at))
    at.text_area(key="paste_text").input(PASTE)
    at.date_input(key="paste_date").set_value(dt.date(2023, 4, 16))
    at.button(key="FormSubmitter:paste_form-Add this text").click().run()
    assert not at.exception, at.exception
    frame = _frame(at)
    (inp,) = [i for i in at.session_state["data"]["inputs"] if i.kind == "paste"]
    (article,) = inp.articles
    assert article.published == dt.date(2023, 4, 16)
    mine = frame[frame["article_ids"].str.contains(article.id, regex=False)]
    assert len(frame) >= before
    assert [s.value for s in at.success] == [f"pasted text 1: 1 article, {len(mine)} event{'s' if len(mine) != 1 else ''} found"]
    assert (mine["date_start"] == "2023-04-14").any()  # "on Friday" before a Sunday publication
    at.session_state["open_event"] = mine["event_id"].iloc[0]
    at.run()
    html = "".join(m.value for m in at.markdown)
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in html and "<script>" not in html


def test_page_empty_paste_and_bad_url_say_what_is_wrong():
    at = _new()
    before = list(_frame(at)["event_id"])
    at.button(key="FormSubmitter:paste_form-Add this text").click().run()
    assert [e.value for e in at.error] == ["pasted text 1: text is empty"]
    at.text_input(key="url_text").input("http://127.0.0.1:9/none")
    at.button(key="FormSubmitter:url_form-Fetch").click().run()
    assert [e.value for e in at.error] == [
        "http://127.0.0.1:9/none: refused: 127.0.0.1 is a loopback address (allow_private=True reads from it)"]
    assert list(_frame(at)["event_id"]) == before


def test_page_summary_and_quality_panel(fresh):
    frame = _frame(fresh)
    metrics = {m.label: m.value for m in fresh.metric}
    actors = {a for v in frame["actors"].dropna() for a in split_names(v)}
    assert metrics["Actors"] == str(len(actors))
    assert metrics["Year-only dates"] == str(int(frame["date_precision"].isin(["year", "decade", "century"]).sum()))
    assert metrics["Merged duplicates"] == str(int((frame["sources"] > 1).sum()))


def test_page_loads_an_event_file_next_to_the_samples(tmp_path, monkeypatch):
    import sys

    sys.path.insert(0, str(Path(PAGE).parent / "benchmarks"))
    from synth import make_events

    events = make_events(300, seed=7)
    events.to_parquet(tmp_path / "events.parquet")
    monkeypatch.setenv("TIMELINE_EVENTS", str(tmp_path / "events.parquet"))
    at = _new()
    frame = _frame(at)
    assert set(events["event_id"]) <= set(frame["event_id"])
    assert frame["event_id"].is_unique
    (row,) = [r for r in at.dataframe[0].value.to_dict("records") if r["kind"] == "event file"]
    assert (row["input"], row["events"], row["problems"]) == ("events.parquet", 300, "")
    monkeypatch.setenv("TIMELINE_EVENTS", str(tmp_path / "missing.parquet"))
    at = _new()
    (row,) = [r for r in at.dataframe[0].value.to_dict("records") if r["kind"] == "event file"]
    assert row["problems"] == f"missing.parquet: no such file ({tmp_path / 'missing.parquet'})"


def test_page_added_articles_are_capped_per_session(monkeypatch):
    from timeline.ui import data

    monkeypatch.setattr(data, "MAX_SESSION_ARTICLES", 1)
    at = _new()
    before = set(_frame(at)["event_id"])
    at.file_uploader[0].set_value([("lukashenko.txt", UPLOAD_TXT, "text/plain")]).run()
    at.file_uploader[0].set_value([("lukashenko.txt", UPLOAD_TXT, "text/plain"),
                                   ("macron.html", UPLOAD_HTML, "text/html")]).run()
    assert not at.exception, at.exception
    assert [e.value for e in at.error] == [
        "macron.html: this page already holds 1 added articles (at most 1 articles or 50 million characters a "
        "session); remove added articles, or use python -m timeline ingest"]
    assert before <= set(_frame(at)["event_id"])  # what was loaded stays


GAZETTEER_CSV = b"kind,category,name,aliases,country\nactor,organisation,Quokka Federation,QF,AUS\n"
QUOKKA_TXT = (b"Quokka talks\nPublished: 2023-09-13\n\nOn Wednesday the QF met Russian President Vladimir Putin "
              b"in Moscow for talks.")


def test_page_users_add_their_own_actors_without_code():
    at = _new()
    at.file_uploader[0].set_value([("quokka.txt", QUOKKA_TXT, "text/plain")]).run()
    assert not any("Quokka Federation" in split_names(a) for a in _frame(at)["actors"])
    gaz = [u for u in at.file_uploader if u.label == "Gazetteer CSV"][0]
    gaz.set_value([("mine.csv", GAZETTEER_CSV, "text/csv")]).run()
    assert not at.exception, at.exception
    assert "mine.csv: in use; every loaded article was read again with it" in [s.value for s in at.success]
    assert any("Quokka Federation" in split_names(a) for a in _frame(at)["actors"])


def test_page_a_bad_gazetteer_csv_is_named_and_changes_nothing():
    at = _new()
    before = set(_frame(at)["event_id"])
    gaz = [u for u in at.file_uploader if u.label == "Gazetteer CSV"][0]
    gaz.set_value([("notes.csv", b"hello,world\n1,2\n", "text/csv")]).run()
    assert [e.value for e in at.error] == [
        "notes.csv: not a gazetteer CSV (needs the columns kind and name; found hello, world)"]
    assert set(_frame(at)["event_id"]) == before
