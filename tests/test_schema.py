import datetime as dt

import pandas as pd
import pytest
from rows import make_event

from timeline import schema
from timeline.schema import EVENT_COLUMNS, SchemaError, check_frame, empty_frame, problems, to_frame


def test_schema_columns_are_the_design_columns_in_order():
    design = ["event_id", "date_start", "date_end", "date_precision", "date_text", "status", "event_type", "plover",
              "actor1", "actor2", "actors", "actor1_country", "actor2_country", "location", "country", "lat", "lon",
              "geo_precision", "reported_by"]
    assert list(EVENT_COLUMNS[: len(design)]) == design
    for column in ("sentence", "article_id", "title", "source", "url", "published", "sources", "confidence"):
        assert column in EVENT_COLUMNS


def test_schema_empty_frame_has_every_column_and_dtype():
    frame = empty_frame()
    assert list(frame.columns) == list(EVENT_COLUMNS)
    assert len(frame) == 0
    assert problems(frame) == []
    assert str(frame["date_start"].dtype) == "datetime64[s]"
    assert str(frame["lat"].dtype) == "float64"
    assert str(frame["sources"].dtype) == "int64"


def test_schema_to_frame_types_rows_and_keeps_values():
    frame = to_frame([make_event(), make_event(date_start=None, date_end=None, date_precision=None, lat=None)])
    check_frame(frame)
    assert frame.loc[0, "date_start"] == pd.Timestamp("2019-01-01")
    assert frame.loc[0, "date_end"] == pd.Timestamp("2019-12-31")
    assert pd.isna(frame.loc[1, "date_start"]) and pd.isna(frame.loc[1, "lat"])
    assert pd.isna(frame.loc[0, "reported_by"])  # None becomes NaN, never the text "None"


def test_schema_dates_before_1677_fit():
    frame = to_frame([make_event(date_start=dt.date(1066, 10, 14), date_end=dt.date(1066, 10, 14))])
    assert frame.loc[0, "date_start"].year == 1066


@pytest.mark.parametrize("mutate,message", [
    (lambda f: f.drop(columns=["lat"]), "missing column: 'lat'"),
    (lambda f: f.assign(sources=f["sources"].astype("float64")), "column 'sources' has dtype float64, expected int64"),
    (lambda f: f.assign(date_start=f["date_start"].dt.strftime("%Y-%m-%d").astype(object)),
     "column 'date_start' has dtype object, expected datetime64[s]"),
    (lambda f: f.assign(extra=1), "unexpected column: 'extra'"),
])
def test_schema_check_frame_names_the_problem(mutate, message):
    frame = mutate(to_frame([make_event()]))
    with pytest.raises(SchemaError) as err:
        check_frame(frame)
    assert str(err.value) == message


def test_schema_check_frame_counts_further_problems():
    frame = to_frame([make_event()]).drop(columns=["lat", "lon"])
    with pytest.raises(SchemaError, match=r"^missing column: 'lat' \(and 1 more\)$"):
        check_frame(frame)


def test_schema_check_frame_rejects_non_frames():
    with pytest.raises(TypeError, match="expected a pandas DataFrame, got list"):
        check_frame([])


def test_schema_every_event_type_has_a_plover_root():
    roots = {"CONSULT", "OTHER", "AGREE", "COOPERATE", "AID", "ACCUSE", "REQUEST", "THREATEN", "REJECT", "SANCTION",
             "REDUCE", "ASSAULT", "MOBILIZE", "PROTEST", "COERCE", "RETREAT", "SUPPORT", "CONCEDE"}
    assert set(schema.EVENT_TYPES.values()) <= roots
