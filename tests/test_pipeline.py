"""The public API end to end on the bundled sample articles: exact rows."""
import datetime as dt
from pathlib import Path

import pandas as pd
import pytest

import timeline
from timeline.schema import EVENT_COLUMNS, check_frame

SAMPLES = Path(__file__).resolve().parent.parent / "data" / "articles"


@pytest.fixture(scope="module")
def corpus():
    return timeline.read_articles(SAMPLES)


@pytest.fixture(scope="module")
def events(corpus):
    return timeline.parse(corpus)


def parse_one(name):
    return timeline.parse(timeline.read_articles(SAMPLES / name))


def the_row(frame, **where):
    hit = frame
    for column, value in where.items():
        if column in ("date_start", "date_end"):
            hit = hit[hit[column] == pd.Timestamp(value)]
        else:
            hit = hit[hit[column] == value]
    assert len(hit) == 1, f"expected one row with {where}, found {len(hit)}:\n{frame[['date_start', 'event_type', 'actors', 'location']]}"
    return hit.iloc[0]


def test_pipeline_reads_every_sample_article(corpus):
    assert len(corpus) == len(list(SAMPLES.glob("*.txt"))) >= 15
    assert all(a.published is not None and a.title and a.source for a in corpus)


def test_pipeline_parse_gives_the_schema(events):
    check_frame(events)
    assert list(events.columns) == list(EVENT_COLUMNS)
    assert len(events) >= 40
    assert events["event_id"].is_unique


# (article, event_type, date_start, date_end, precision, actor1, actor2, location, status)
EXPECTED = [
    ("2019-04-25-vladivostok-summit.txt", "summit", "2019-04-25", "2019-04-25", "day",
     "Vladimir Putin", "Kim Jong Un", "Russky Island", "occurred"),
    ("2019-04-25-vladivostok-summit.txt", "visit", "2019-04-24", "2019-04-24", "day",
     "Kim Jong Un", "Russia", "Russia", "occurred"),
    ("2023-09-13-vostochny-summit.txt", "summit", "2023-09-13", "2023-09-13", "day",
     "Vladimir Putin", "Kim Jong Un", "Vostochny Cosmodrome", "occurred"),
    ("2023-09-13-vostochny-summit.txt", "meeting", "2019-04-01", "2019-04-30", "month",
     "Vladimir Putin", "Kim Jong Un", "Vladivostok", "occurred"),
    ("2018-06-12-singapore-summit.txt", "summit", "2018-06-12", "2018-06-12", "day",
     "Donald Trump", "Kim Jong Un", "Sentosa", "occurred"),
    ("2023-09-11-kim-train-to-russia.txt", "visit", "2023-09-12", "2023-09-25", "month",
     "Kim Jong Un", "Russia", "Russia", "planned"),
    ("2023-09-11-kim-train-to-russia.txt", "summit", "2019-01-01", "2019-12-31", "year",
     "Kim Jong Un", "Vladimir Putin", "Vladivostok", "occurred"),
]


@pytest.mark.parametrize("name,etype,start,end,precision,actor1,actor2,location,status", EXPECTED)
def test_pipeline_exact_rows_of_sample_articles(name, etype, start, end, precision, actor1, actor2, location, status):
    row = the_row(parse_one(name), event_type=etype, date_start=start)
    assert (row["date_end"], row["date_precision"]) == (pd.Timestamp(end), precision)
    assert (row["actor1"], row["actor2"], row["location"], row["status"]) == (actor1, actor2, location, status)
    assert row["title"] and row["source"] == "Timeline Sample Desk" or row["source"] == "Meridian Sample Wire"
    assert row["sentence"] in (SAMPLES / name).read_text(encoding="utf-8")


def test_pipeline_every_row_points_at_its_evidence(corpus, events):
    texts = {a.id: a.text for a in corpus}
    import json

    for row in events.itertuples():
        text = texts[row.article_id]
        assert text[row.sentence_start:row.sentence_start + len(row.sentence)] == row.sentence
        spans = json.loads(row.spans)
        a, b = spans["trigger"]
        assert row.sentence[a:b] == row.trigger


def test_pipeline_merges_one_event_reported_by_several_articles(events):
    # the 13 September 2023 Vostochny summit is reported by several sample articles: one row
    rows = events[(events["event_type"] == "summit") & (events["date_start"] == pd.Timestamp("2023-09-13"))]
    assert len(rows) == 1
    assert rows.iloc[0]["sources"] >= 2


def test_pipeline_event_ids_are_stable_across_runs_and_order(corpus, events):
    again = timeline.parse(list(reversed(corpus)))
    assert sorted(again["event_id"]) == sorted(events["event_id"])


@pytest.mark.parametrize("text,published,etype,start,precision,status", [
    ("Kim Jong Un met Vladimir Putin in Vladivostok in 2019.", None, "meeting", "2019-01-01", "year", "occurred"),
    ("Russia's invasion of Ukraine last year shocked Europe.", "2023-09-11", "military action", "2022-01-01", "year",
     "occurred"),
    ("Kim Jong Un will visit Russia next week, the Kremlin said.", "2023-09-11", "visit", "2023-09-18", "week",
     "planned"),
])
def test_pipeline_parse_text(text, published, etype, start, precision, status):
    frame = timeline.parse_text(text, published=published)
    row = the_row(frame, event_type=etype)
    assert (row["date_start"], row["date_precision"], row["status"]) == (pd.Timestamp(start), precision, status)


def test_pipeline_parse_text_rejects_non_text():
    with pytest.raises(TypeError, match="text must be str, not int"):
        timeline.parse_text(42)


def test_pipeline_parse_text_bad_published_date():
    with pytest.raises(timeline.SettingValidationError, match=r"published: 'soon' is not a date \(YYYY-MM-DD\)"):
        timeline.parse_text("Kim met Putin.", published="soon")


def test_pipeline_empty_text_gives_an_empty_frame():
    frame = timeline.parse_text("")
    assert frame.empty and list(frame.columns) == list(EVENT_COLUMNS)


def test_pipeline_accepts_a_datetime_anchor():
    frame = timeline.parse_text("Putin arrived in Vladivostok on Monday.", published=dt.datetime(2023, 9, 12, 8, 0))
    row = the_row(frame, event_type="visit")
    assert row["date_start"] == pd.Timestamp("2023-09-11")


def test_pipeline_a_denial_is_not_merged_into_what_did_occur():
    # "did not attend" the summit in New Delhi is not the forum he spoke at in Vladivostok, nor does the
    # denial lend its other leader to that forum
    frame = timeline.parse_text(
        "VLADIVOSTOK, Sept 12 - Russian President Vladimir Putin spoke at the Eastern Economic Forum in Vladivostok "
        "on Tuesday. Putin and Chinese President Xi Jinping did not attend the G20 summit in New Delhi.",
        published="2023-09-12")
    rows = {(r.event_type, r.actors, r.location, r.status) for r in frame.itertuples()}
    assert ("forum", "Vladimir Putin", "Vladivostok", "occurred") in rows
    assert ("forum", "Vladimir Putin; Xi Jinping; G20", "New Delhi", "denied") in rows


def test_pipeline_context_dated_statements_of_far_apart_articles_stay_apart():
    # two reports years apart of what the same leader said, dated by their publication: two events
    import datetime as dt
    articles = [timeline.Article("a", "", "Vladimir Putin said Russia wanted peace.", published=dt.date(2018, 3, 1)),
                timeline.Article("b", "", "Vladimir Putin said Russia wanted peace.", published=dt.date(2024, 6, 19)),
                timeline.Article("c", "", "Vladimir Putin said Russia wanted peace.", published=dt.date(2024, 6, 20))]
    frame = timeline.parse(articles)
    rows = frame[frame["event_type"] == "statement"].sort_values("date_start")
    assert [(str(r.date_start.date()), r.sources) for r in rows.itertuples()] == [("2018-03-01", 1),
                                                                               ("2024-06-19", 2)]


def test_pipeline_a_meeting_reported_also_as_a_summit_is_the_summit():
    # the more confident "met" and the dated "held a summit" are one event, named by the more specific word
    import datetime as dt
    articles = [timeline.Article("a", "", "Vladimir Putin met Kim Jong Un at the Vostochny Cosmodrome on Wednesday, "
                                 "and the two leaders toured the launch site.", published=dt.date(2023, 9, 14)),
                timeline.Article("b", "", "Kim Jong Un and Vladimir Putin held a summit on Wednesday.",
                                 published=dt.date(2023, 9, 14))]
    frame = timeline.parse(articles)
    row = the_row(frame, event_type="summit")
    assert (row["sources"], row["location"], row["trigger"]) == (2, "Vostochny Cosmodrome", "summit")
    assert "meeting" not in set(frame["event_type"])
