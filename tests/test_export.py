import csv
import datetime as dt
import io
import json

import pytest
from rows import make_event, make_frame

from timeline import export
from timeline.schema import EVENT_COLUMNS, empty_frame

EXPECTED_CSV = (
    ",".join(EVENT_COLUMNS) + "\n"
    "e1,2019-01-01,2019-12-31,year,in 2019,occurred,summit,CONSULT,Kim Jong Un,Vladimir Putin,"
    "Kim Jong Un; Vladimir Putin,PRK,RUS,Vladivostok,RUS,43.1056,131.8735,city,,summit,"
    "Kim had a summit with Putin in Vladivostok in 2019.,0,\"{\"\"trigger\"\": [10, 16]}\",a1,a1,T,S,,2023-09-11,1,0.5\n"
)


def test_export_csv_golden():
    assert export.to_csv(make_frame(make_event(event_id="e1"))).decode("utf-8") == EXPECTED_CSV


def test_export_csv_of_no_rows_is_the_header():
    assert export.to_csv(empty_frame()) == (",".join(EVENT_COLUMNS) + "\n").encode()


@pytest.mark.parametrize("value", ["=HYPERLINK(\"http://x\")", "+1+1", "-2", "@SUM(A1)", "\tx", "\rx"])
def test_export_csv_neutralises_formula_cells(value):
    frame = make_frame(make_event(event_id="e1", title=value, sentence=value))
    row = next(csv.DictReader(io.StringIO(export.to_csv(frame).decode("utf-8"))))
    assert row["title"] == "'" + value.replace("\r", "\n")
    assert row["sentence"] == "'" + value.replace("\r", "\n")


def test_export_csv_keeps_unicode():
    frame = make_frame(make_event(event_id="e1", location="Türkiye", sentence="Erdoğan met Putin."))
    text = export.to_csv(frame).decode("utf-8")
    assert "Türkiye" in text and "Erdoğan" in text


def test_export_json_records():
    records = json.loads(export.to_json(make_frame(make_event(event_id="e1", lat=None))))
    assert records[0]["date_start"] == "2019-01-01"
    assert records[0]["lat"] is None
    assert records[0]["sources"] == 1
    assert list(records[0]) == list(EVENT_COLUMNS)


def test_export_geojson_points_only_for_located_rows():
    frame = make_frame(make_event(event_id="e1"), make_event(event_id="e2", lat=None, lon=None))
    doc = json.loads(export.to_geojson(frame))
    assert doc["type"] == "FeatureCollection"
    assert [f["id"] for f in doc["features"]] == ["e1"]
    assert doc["features"][0]["geometry"] == {"type": "Point", "coordinates": [131.8735, 43.1056]}
    assert doc["features"][0]["properties"]["location"] == "Vladivostok"


def test_export_timelinejs_keeps_precision_and_escapes_html():
    frame = make_frame(
        make_event(event_id="e1"),
        make_event(event_id="e2", date_start=dt.date(2023, 9, 13), date_end=dt.date(2023, 9, 13), date_precision="day",
                   sentence="<script>alert(1)</script>"),
    )
    doc = json.loads(export.to_timelinejs(frame))
    first, second = doc["events"]
    assert first["start_date"] == {"year": 2019}
    assert first["end_date"] == {"year": 2019}
    assert second["start_date"] == {"year": 2023, "month": 9, "day": 13}
    assert "end_date" not in second
    assert second["text"]["text"] == "&lt;script&gt;alert(1)&lt;/script&gt;"


@pytest.mark.parametrize("fmt,count,filters,selected,expected", [
    ("csv", 12, None, False, "events_12.csv"),
    ("geojson", 3, None, True, "events_selection_3.geojson"),
    ("timelinejs", 5, None, False, "events_5.timelinejs.json"),
    ("json", 7, dict(actors=("Kim Jong Un",), event_types=("summit",), date_from="2023-09-01"), False,
     "events_2023-09-01-to-end_kim-jong-un_summit_7.json"),
    ("csv", 1, dict(text="Привет, summit!", min_confidence=0.5), False, "events_search-summit_confidence-0-5_1.csv"),
])
def test_export_file_name_says_what_it_holds(fmt, count, filters, selected, expected):
    from timeline.filters import Filters

    assert export.file_name(fmt, count, Filters(**filters) if filters else None, selected=selected) == expected


def test_export_file_name_is_cut_and_refuses_unknown_formats():
    from timeline.filters import Filters

    name = export.file_name("csv", 9, Filters(actors=tuple(f"Actor Number {i}" for i in range(20))))
    assert name.endswith("-etc_9.csv") and len(name) < 110
    with pytest.raises(ValueError, match="unknown export format 'xls'"):
        export.file_name("xls", 1)
