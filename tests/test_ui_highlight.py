"""The article view's highlighting and the summary/quality figures: pure functions."""
import datetime as dt
import json

import pandas as pd
import pytest
from rows import make_event, make_frame

from timeline.ui.highlight import article_html, sentences_of, spans_of
from timeline.ui.summary import quality, summary

TEXT = "Intro. Kim met <b>Putin</b> in Vladivostok on Monday. End."
SENTENCE = "Kim met <b>Putin</b> in Vladivostok on Monday."


def rows(spans, sentence=SENTENCE, start=7):
    return pd.DataFrame({"sentence": [sentence], "sentence_start": [start], "spans": [json.dumps(spans)]})


def test_highlight_marks_each_field_and_escapes_the_text():
    frame = rows({"actor1": [0, 3], "trigger": [4, 7], "actor2": [8, 20], "location": [24, 35], "date": [39, 45]})
    html = article_html(TEXT, spans_of(frame, TEXT), sentences_of(frame, TEXT))
    assert '<mark class="hl-actor" title="actor">Kim</mark>' in html
    assert '<mark class="hl-trigger" title="event words">met</mark>' in html
    assert '<mark class="hl-actor" title="actor">&lt;b&gt;Putin&lt;/b&gt;</mark>' in html
    assert '<mark class="hl-place" title="place">Vladivostok</mark>' in html
    assert '<mark class="hl-date" title="date">Monday</mark>' in html
    assert "<b>" not in html
    assert html.endswith('.</span><sup class="ev-n">1</sup> End.</div>')
    assert html.startswith('<div class="tl-article">Intro. <span class="ev">')


def test_highlight_overlap_goes_to_the_trigger():
    frame = rows({"trigger": [0, 7], "actor1": [0, 3]})
    html = article_html(TEXT, spans_of(frame, TEXT))
    assert '<mark class="hl-trigger" title="event words">Kim met</mark>' in html
    assert "hl-actor" not in html


@pytest.mark.parametrize("start", [7, 0, 999])
def test_highlight_finds_the_sentence_when_the_offset_is_off(start):
    assert spans_of(rows({"trigger": [4, 7]}, start=start), TEXT) == [(11, 14, "trigger")]


def test_highlight_drops_spans_of_a_sentence_not_in_this_text():
    assert spans_of(rows({"trigger": [0, 3]}, sentence="Another article's words."), TEXT) == []
    assert spans_of(rows({"trigger": [0, 300]}), TEXT) == []  # out of the sentence


def test_summary_and_quality_figures():
    frame = make_frame(
        make_event(event_id="a", article_ids="a1; a2", sources=2, actors="Kim Jong Un; Vladimir Putin"),
        make_event(event_id="b", date_start=dt.date(2023, 9, 13), date_end=dt.date(2023, 9, 13),
                   date_precision="day", location="Nowhere Town", lat=None, lon=None, actors="Xi Jinping",
                   confidence=0.3),
        make_event(event_id="c", date_start=None, date_end=None, date_precision=None, location=None, lat=None,
                   lon=None, article_id="a3", article_ids="a3"),
    )
    assert summary(frame) == {"events": 3, "articles": 3, "actors": 3, "first": dt.date(2019, 1, 1),
                              "last": dt.date(2023, 9, 13)}
    assert quality(frame, ["a1", "a2", "a3", "a4"]) == {
        "year_only": 1, "undated": 1, "not_geocoded": 1, "no_place": 1, "merged_events": 1,
        "merged_mentions": 1, "low_confidence": 1, "silent_articles": ["a4"]}
