import pytest

from timeline.sentences import split


@pytest.mark.parametrize("text,expected", [
    ("Kim met Putin. They talked.", ["Kim met Putin.", "They talked."]),
    ("The U.S. President met Kim. He left.", ["The U.S. President met Kim.", "He left."]),
    ("He lived in the U.S. The end came.", ["He lived in the U.S.", "The end came."]),
    ("On Sept. 11 they met. Later, talks.", ["On Sept. 11 they met.", "Later, talks."]),
    ("Martin Luther King Jr. spoke in Washington.", ["Martin Luther King Jr. spoke in Washington."]),
    ("J. Smith said so. Then he left.", ["J. Smith said so.", "Then he left."]),
    ("It said, \u201cWe will come.\u201d Putin arrived.", ["It said, \u201cWe will come.\u201d", "Putin arrived."]),
    ("Is it over? Yes! It is.", ["Is it over?", "Yes!", "It is."]),
    ("Talks at 3 p.m. Monday went well.", ["Talks at 3 p.m. Monday went well."]),
])
def test_sentences_split_survives_abbreviations_and_quotes(text, expected):
    assert [s.text for s in split(text)] == expected


def test_sentences_offsets_slice_the_text():
    text = "Headline here\n\nFirst one. Second one.\n  \u2022 Label: bullet text here.\n"
    for s in split(text):
        assert text[s.start:s.end] == s.text


def test_sentences_bullets_and_their_labels():
    text = "  \u2022 Previous Summit: Kim had a summit with Putin in 2019.\n- plain bullet"
    first, second = split(text)
    assert first.kind == "bullet"
    assert first.text == "Previous Summit: Kim had a summit with Putin in 2019."
    assert text[first.body_start:].startswith("Kim had a summit")
    assert second.kind == "bullet" and second.text == "plain bullet"


@pytest.mark.parametrize("line", ["Latest news", "Related news", "Read more", "READ MORE:", "Share this article",
                                  "Advertisement", "By John Smith", "Follow us on X", "Subscribe to our newsletter",
                                  "\u00a9 2023 Example Media"])
def test_sentences_page_furniture_is_marked(line):
    (sentence,) = split(line)
    assert sentence.kind == "furniture"


def test_sentences_empty_text():
    assert split("") == [] and split("\n \n") == []


@pytest.mark.parametrize("text", ["?" * 50000, "!" * 50000, "." * 50000 + " Then"])
def test_sentences_runs_of_marks_are_split_in_linear_time(text):
    # the boundary pattern starts only at the first mark of a run: 50,000 marks are one pass, not 50,000
    assert sum(len(s.text) for s in split(text)) <= len(text)


def test_sentences_a_run_on_line_is_cut_into_bounded_pieces():
    text = "word " * 3000
    pieces = split(text)
    assert all(len(s.text) <= 1000 for s in pieces)
    assert all(text[s.start:s.end] == s.text for s in pieces)


def test_sentences_a_one_word_conflict_heading_is_a_label_but_a_city_is_a_dateline():
    (sent,) = split("Looting: On 12 July 2021, rioters looted shops.")
    assert sent.text[sent.body_start - sent.start:].startswith("On 12 July")
    (sent,) = split("Nairobi: Police fired tear gas at protesters.")
    assert sent.body_start == sent.start
