import datetime as dt

import pytest
from rows import make_event, make_frame

from timeline.errors import SettingValidationError
from timeline.filters import Filters, apply, counts


@pytest.fixture
def frame():
    return make_frame(
        make_event(event_id="e1"),  # 2019 summit, Kim/Putin, Vladivostok
        make_event(event_id="e2", date_start=dt.date(2023, 9, 13), date_end=dt.date(2023, 9, 13), date_precision="day",
                   location="Vostochny Cosmodrome", status="planned", confidence=0.8),
        make_event(event_id="e3", date_start=dt.date(2022, 2, 24), date_end=dt.date(2022, 2, 24), event_type="military action",
                   plover="ASSAULT", actor1="Russia", actor2="Ukraine", actors="Russia; Ukraine", actor1_country="RUS",
                   actor2_country="UKR", location="Kyiv", country="UKR", sentence="Russia invaded Ukraine.",
                   source="Other Desk", confidence=0.9),
        make_event(event_id="e4", date_start=None, date_end=None, date_precision=None, event_type="statement",
                   plover="OTHER", actors="United States", actor1="United States", actor2=None, actor1_country="USA",
                   actor2_country=None, location=None, country=None, lat=None, lon=None, confidence=0.3,
                   sentence="The United States voiced concern."),
    )


@pytest.mark.parametrize("filters,expected", [
    (Filters(), ["e1", "e2", "e3", "e4"]),
    (Filters(date_from=dt.date(2022, 1, 1)), ["e2", "e3"]),
    (Filters(date_to=dt.date(2019, 6, 1)), ["e1"]),  # the 2019 year-span overlaps
    (Filters(date_from=dt.date(2019, 6, 1), date_to=dt.date(2019, 6, 30)), ["e1"]),
    (Filters(date_from="2022-02-24", date_to="2022-02-24"), ["e3"]),
    (Filters(actors=("Ukraine",)), ["e3"]),
    (Filters(actors=("Vladimir Putin", "United States")), ["e1", "e2", "e4"]),
    (Filters(countries=("UKR",)), ["e3"]),
    (Filters(countries=("USA",)), ["e4"]),
    (Filters(places=("Vostochny Cosmodrome",)), ["e2"]),
    (Filters(event_types=("statement", "military action")), ["e3", "e4"]),
    (Filters(status=("planned",)), ["e2"]),
    (Filters(sources=("Other Desk",)), ["e3"]),
    (Filters(text="INVADED"), ["e3"]),
    (Filters(text="a+b"), []),  # regex characters are searched literally
    (Filters(min_confidence=0.8), ["e2", "e3"]),
    (Filters(actors=("Kim Jong Un",), status=("occurred",)), ["e1"]),
])
def test_filters_apply_keeps_exactly_the_matching_rows(frame, filters, expected):
    assert list(apply(frame, filters)["event_id"]) == expected


def test_filters_apply_resets_the_index(frame):
    assert list(apply(frame, Filters(actors=("Ukraine",))).index) == [0]


@pytest.mark.parametrize("kwargs,message", [
    (dict(date_from="yesterday"), "date_from: 'yesterday' is not a date (YYYY-MM-DD)"),
    (dict(min_confidence=2), "min_confidence: 2.0 is not between 0 and 1"),
    (dict(min_confidence="high"), "min_confidence: 'high' is not a number"),
])
def test_filters_reject_bad_values(kwargs, message):
    with pytest.raises(SettingValidationError) as err:
        Filters(**kwargs)
    assert str(err.value) == message


def test_filters_single_string_is_one_choice():
    assert Filters(actors="Russia").actors == ("Russia",)


def test_filters_counts_split_joined_actors(frame):
    assert counts(frame, "actors") == {"Kim Jong Un": 2, "Vladimir Putin": 2, "Russia": 1, "Ukraine": 1,
                                       "United States": 1}
    assert counts(frame, "location") == {"Kyiv": 1, "Vladivostok": 1, "Vostochny Cosmodrome": 1}


@pytest.mark.parametrize("filters,query", [
    (Filters(), {}),
    (Filters(actors=("Kim Jong Un", "Vladimir Putin")), {"actor": ["Kim Jong Un", "Vladimir Putin"]}),
    (Filters(date_from=dt.date(2023, 9, 1), date_to=dt.date(2023, 9, 30), min_confidence=0.55, text="summit"),
     {"from": "2023-09-01", "to": "2023-09-30", "q": "summit", "conf": "0.55"}),
    (Filters(countries=("RUS",), places=("Vladivostok",), event_types=("visit",), status=("planned",),
             sources=("Reuters",)),
     {"country": ["RUS"], "place": ["Vladivostok"], "type": ["visit"], "status": ["planned"], "source": ["Reuters"]}),
])
def test_filters_query_string_round_trip(filters, query):
    from timeline.filters import from_query, to_query

    assert to_query(filters) == query
    assert from_query(query) == filters


def test_filters_from_query_takes_single_strings_and_rejects_bad_values():
    from timeline.filters import from_query

    assert from_query({"actor": "Kim Jong Un", "conf": "0.5"}) == Filters(actors=("Kim Jong Un",), min_confidence=0.5)
    with pytest.raises(SettingValidationError, match="date_from: 'May' is not a date"):
        from_query({"from": "May"})
    with pytest.raises(SettingValidationError, match="min_confidence: 7.0 is not between 0 and 1"):
        from_query({"conf": "7"})
