"""Figures are checked as objects: traces, symbols, spans, keys, escaping, size."""
import datetime as dt
import sys
from pathlib import Path

import pandas as pd
import pytest
from rows import make_event, make_frame

from timeline import charts

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))
from synth import make_events  # noqa: E402


def day(y, m, d):
    return dict(date_start=dt.date(y, m, d), date_end=dt.date(y, m, d), date_precision="day")


@pytest.fixture
def small():
    return make_frame(
        make_event(event_id="e1", **day(2023, 9, 13), status="occurred"),
        make_event(event_id="e2", **day(2023, 9, 20), status="planned", event_type="visit"),
        make_event(event_id="e3", **day(2023, 10, 1), status="possible", event_type="visit",
                   location="Moscow", lat=55.7558, lon=37.6173, geo_precision="city"),
        make_event(event_id="e4", date_start=dt.date(2023, 9, 1), date_end=dt.date(2023, 9, 30),
                   date_precision="month", event_type="talks", location="Russia", country="RUS", lat=61.5,
                   lon=105.3, geo_precision="country"),
        make_event(event_id="e5", date_start=None, date_end=None, date_precision=None, lat=None, lon=None,
                   location=None),
    )


def _points(fig):
    return [t for t in fig.data if t.mode == "markers"]


def test_charts_timeline_marks_status_and_draws_coarse_dates_as_spans(small):
    fig = charts.timeline(small)
    assert fig.layout.xaxis.type == "date"
    assert fig.layout.xaxis.rangeslider.visible is True
    symbols = {ev: t.marker.symbol for t in _points(fig) for ev in t.customdata}
    assert symbols == {"e1": "circle", "e2": "circle-open", "e3": "circle", "e4": "circle"}
    opacity = {ev: t.marker.opacity for t in _points(fig) for ev in t.customdata}
    assert opacity["e3"] < 0.5 < opacity["e1"]
    (span,) = [t for t in fig.data if t.mode == "lines"]
    assert list(span.x[:2]) == [pd.Timestamp("2023-09-01"), pd.Timestamp("2023-10-01")]  # the whole month
    assert "e5" not in symbols  # undated: on no timeline
    assert "4 events" in fig.layout.title.text


def test_charts_timeline_hover_escapes_markup_and_shows_the_date_as_written():
    frame = make_frame(make_event(event_id="x", sentence="<img src=x onerror=alert(1)> met", date_text="<b>May</b>"))
    (trace,) = _points(charts.timeline(frame))
    label = trace.hovertext[0]
    assert "&lt;img src=x onerror=alert(1)&gt;" in label and "<img" not in label
    assert "2019-01-01 to 2019-12-31, year (\u201c&lt;b&gt;May&lt;/b&gt;\u201d)" in label


@pytest.mark.parametrize("lane,expected", [
    ("event type", {"summit", "visit", "talks"}),
    ("actor", {"Kim Jong Un", "Vladimir Putin"}),
    ("country", {"RUS"}),
])
def test_charts_timeline_lanes(small, lane, expected):
    fig = charts.timeline(small, lane=lane)
    assert set(fig.layout.yaxis.categoryarray) == expected


def test_charts_timeline_folds_small_lanes_into_other():
    frame = make_events(600, seed=3)
    fig = charts.timeline(frame, lane="actor")
    lanes = list(fig.layout.yaxis.categoryarray)
    assert len(lanes) == charts.MAX_LANES and charts.OTHER in lanes
    assert "smaller lanes folded" in fig.layout.title.text


def test_charts_timeline_aggregates_many_events_says_so_and_keys_resolve_back():
    frame = make_events(10_000, seed=2)
    fig = charts.timeline(frame)
    assert "aggregated" in fig.layout.title.text
    assert len(fig.to_json()) < 5_000_000
    keys = [k for t in fig.data for k in t.customdata]
    dated = set(frame.loc[frame["date_start"].notna(), "event_id"])
    assert set(charts.selected_ids(frame, keys)) == dated
    counts = {k: int(h.split("<br>")[1].split()[0]) for t in fig.data for k, h in zip(t.customdata, t.hovertext)}
    assert sum(counts.values()) == len(dated)
    one = keys[0]
    assert len(charts.selected_ids(frame, [one])) == counts[one]


def test_charts_map_tells_precision_apart_and_keys_resolve_to_the_events_there(small):
    fig = charts.event_map(small)
    symbols = {t.name.split(" \u00b7 ")[1]: t.marker.symbol for t in fig.data}
    assert symbols == {"city": "circle", "country": "diamond"}
    keys = [k for t in fig.data for k in t.customdata]
    assert len(keys) == 3  # Vladivostok, Moscow, Russia
    vladivostok = charts.place_key(43.1056, 131.8735)
    assert charts.selected_ids(small, [vladivostok]) == ["e1", "e2"]
    assert fig.layout.geo.showland is True and fig.layout.geo.showcountries is True


def test_charts_map_sizes_by_sources():
    frame = make_frame(make_event(event_id="a", sources=1),
                       make_event(event_id="b", sources=9, location="Moscow", lat=55.75, lon=37.61))
    by_events = {k: s for t in charts.event_map(frame).data for k, s in zip(t.customdata, t.marker.size)}
    by_sources = {k: s for t in charts.event_map(frame, size_by="sources").data
                  for k, s in zip(t.customdata, t.marker.size)}
    moscow, vladivostok = charts.place_key(55.75, 37.61), charts.place_key(43.1056, 131.8735)
    assert by_events[moscow] == by_events[vladivostok]
    assert by_sources[moscow] > by_sources[vladivostok]


def test_charts_figures_stay_small_with_100000_events():
    frame = make_events(100_000, seed=4)
    for fig in (charts.timeline(frame), charts.timeline(frame, lane="actor"), charts.event_map(frame)):
        assert len(fig.to_json()) < 5_000_000


def test_charts_empty_frames_say_so(small):
    none = small.iloc[:0]
    assert charts.timeline(none).layout.annotations[0].text == "No dated events to show"
    assert charts.event_map(none).layout.title.text == "Map \u2014 no located events"
    assert charts.selected_ids(small, []) == []
    assert charts.selected_ids(small, ["not-an-id"]) == []


def test_charts_a_single_event_gets_a_month_of_axis():
    import datetime as dt

    from rows import make_event, make_frame

    from timeline import charts

    frame = make_frame(make_event(event_id="e1", date_start=dt.date(2023, 9, 13), date_end=dt.date(2023, 9, 13),
                                  date_precision="day"))
    lo, hi = charts.timeline(frame).layout.xaxis.range
    assert (pd.Timestamp(hi) - pd.Timestamp(lo)).days >= 30
