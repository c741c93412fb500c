"""Plain text and Markdown files, folders, globs, pasted text, ids, dedupe, errors."""
from __future__ import annotations

import datetime
import logging
import os
import sys
import types
from pathlib import Path

import pytest

from timeline.articles import Article, article_id, read_articles, read_bytes, read_text
from timeline.errors import ArticleError

FIXTURES = Path(__file__).parent / "fixtures" / "articles"
D = datetime.date


@pytest.fixture(autouse=True)
def no_temporal_inference(request, monkeypatch):
    """Dates come from the files alone here, except in the tests of the temporal fallback."""
    if "temporal" not in request.function.__name__:
        monkeypatch.setattr("timeline.articles._infer_anchor", lambda text: None)


def only(path, **kwargs) -> Article:
    articles = read_articles(path, **kwargs)
    assert len(articles) == 1, articles
    return articles[0]


@pytest.mark.parametrize("name,expected", [
    ("text/summit.txt", dict(
        title="Envoys agree to reopen the border crossing",
        text=("GENEVA, March 2 (Harbour Post) - Envoys from the two neighbours agreed on Tuesday "
              "to reopen the northern border crossing next month, officials said.\n\n"
              "The talks will continue in Vienna in April."),
        published=D(2021, 3, 2), published_from="header", source="Harbour Post",
        url="https://news.example.com/2021/border-crossing", author="Mira Tanaka",
        dateline_place="GENEVA")),
    ("text/no_header.txt", dict(
        title="Foreign ministers hold a phone call",
        text=("The foreign ministers spoke by phone on Monday about the grain corridor.\n"
              "They agreed to meet again."),
        published=None, published_from=None, source=None, url=None, author=None,
        dateline_place=None)),
    ("text/dateline_full.md", dict(
        title="Leaders sign a fisheries accord",
        text=("OSLO, June 14, 2022 (Nordic Wire) -- The two prime ministers signed a fisheries "
              "accord in Oslo on Tuesday."),
        published=D(2022, 6, 14), published_from="dateline", source="Nordic Wire",
        dateline_place="OSLO")),
    ("text/front_matter.md", dict(
        title="Ministers meet in Lisbon", text="The ministers met in Lisbon to discuss port fees.",
        published=D(2022, 6, 14), published_from="header", source="Atlantic Courier",
        url="https://atlantic.example.net/ministers-lisbon")),
    ("text/one_line.txt", dict(
        title="The delegation arrived in Nairobi on Friday for three days of talks.",
        text="The delegation arrived in Nairobi on Friday for three days of talks.")),
])
def test_articles_reads_text_file(name, expected):
    article = only(FIXTURES / name)
    for field, value in expected.items():
        assert getattr(article, field) == value, field
    assert article.path == str(FIXTURES / name)
    assert article.id == article_id(article.title, article.text)


@pytest.mark.parametrize("name,title,text", [
    ("text/cp1252.txt", "Café talks in Montréal",
     "Le ministre a déclaré “une entente” – signée à Québec."),
    ("text/latin1.txt", "Réunion à Genève",
     "Les délégués se sont réunis à Genève, où l'accord a été paraphé."),
    ("text/utf16_bom.txt", "Ministers meet in Zürich",
     "The ministers met in Zürich — “a good start,” one said."),
    ("text/utf8_bom.txt", "Ministers meet in Zürich",
     "The ministers met in Zürich — “a good start,” one said."),
])
def test_articles_decodes_encodings_without_mojibake(name, title, text):
    article = only(FIXTURES / name)
    assert (article.title, article.text) == (title, text)


@pytest.mark.parametrize("text,encoding", [
    ("Café été", "latin-1"),
    ("Señor Muñoz, año", "latin-1"),
    ("Größe Straße München Ärger", "cp1252"),
    ("Talks—then a pause… “Yes,” he said. Don’t €5", "cp1252"),
    ("Ministerstwo Spraw Zagranicznych w Łodzi: spotkanie ministrów się odbyło.",
     "cp1250"),
    ("Президент России "
     "встретился с лиде"
     "ром КНДР во Владив"
     "остоке.", "cp1251"),
    ("Talks in Zürich — “good”", "utf-16"),
    ("Talks in Zürich — “good”", "utf-16-le"),
    ("Talks in Zürich — “good”", "utf-16-be"),
    ("Talks in Zürich — “good”", "utf-8-sig"),
    ("Talks in Zürich — “good”", "utf-32"),
    ("line one\r\nline two\rline three", "utf-8"),
])
def test_articles_decode_detects_encodings(text, encoding):
    from timeline.readers.encoding import decode

    assert decode(text.encode(encoding)) == text.replace("\r\n", "\n").replace("\r", "\n")


@pytest.mark.parametrize("declared", ["windows-1251", "cp1251", "koi8-r", "KOI8-R"])
def test_articles_decode_uses_the_declared_charset(declared):
    from timeline.readers.encoding import decode

    text = "Встреча в Москве"
    assert decode(text.encode(declared), declared) == text


def test_articles_html_meta_charset_is_honoured():
    body = "Президенты встретились во Владивостоке в четверг для переговоров."
    page = (f'<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1251">'
            f"<title>T</title></head><body><article><p>{body}</p></article></body></html>")
    [article] = read_bytes(page.encode("cp1251"), "page.html")
    assert article.text == body


@pytest.mark.parametrize("data,title,text", [
    ("Kim and Putin meet\n\nVLADIVOSTOK, April 25 - Talks began.", "Kim and Putin meet",
     "VLADIVOSTOK, April 25 - Talks began."),
    ("Summit opens\nPublished: 2019-04-25\nSource: Desk\n\nBody.", "Summit opens", "Body."),
    ("Setext title\n============\n\nBody here.", "Setext title", "Body here."),
    ("Title: Named title\nDate: 25 April 2019\n\nBody.", "Named title", "Body."),
    ("**Published:** 2019-04-25", "**Published:** 2019-04-25", "**Published:** 2019-04-25"),
    ("Will Kim visit Moscow?\n\nBody.", "Will Kim visit Moscow?", "Body."),
    ("Talks end.\nSource: Desk\n\nBody.", "Talks end.", "Body."),
    # a file that starts with its body keeps it all; the title is the start of the text
    ("MOSCOW, Sept 11 (Reuters) - Kim met Putin.\n\nMore.",
     "MOSCOW, Sept 11 (Reuters) - Kim met Putin.", "MOSCOW, Sept 11 (Reuters) - Kim met Putin.\n\nMore."),
    ("Kim met Putin on Monday, the Kremlin said.\nThey talked.",
     "Kim met Putin on Monday, the Kremlin said.", "Kim met Putin on Monday, the Kremlin said.\nThey talked."),
])
def test_articles_splits_title_header_and_body(data, title, text):
    [article] = read_bytes(data.encode(), "note.txt")
    assert (article.title, article.text) == (title, text)


@pytest.mark.parametrize("header,published", [
    ("Published: 2019-04-25", D(2019, 4, 25)),
    ("Date: 25 April 2019", D(2019, 4, 25)),
    ("Published: Thu, 25 Apr 2019 08:00:00 +0900", D(2019, 4, 25)),
    ("Published: 2019-04-25T23:30:00-05:00", D(2019, 4, 25)),
    ("Published: 25 avril 2019", D(2019, 4, 25)),
    ("Published: 25.04.2019", D(2019, 4, 25)),
    ("Published: April 25", None),
    ("Published: yesterday", None),
    ("Published: not a date", None),
])
def test_articles_reads_header_date_in_any_format(header, published):
    [article] = read_bytes(f"Title\n{header}\n\nThe talks began.".encode(), "a.txt")
    assert article.published == published
    assert article.published_from == ("header" if published else None)


@pytest.mark.parametrize("body,place,source,published,published_from", [
    ("MOSCOW, Sept 11 (Reuters) - Talks.", "MOSCOW", "Reuters", None, None),
    ("SEOUL (AP) — Talks.", "SEOUL", "AP", None, None),
    ("VLADIVOSTOK, Russia, April 25 - Talks.", "VLADIVOSTOK, Russia", None, None, None),
    ("BEIJING, Sept. 11, 2023 (Xinhua) -- Talks.", "BEIJING", "Xinhua", D(2023, 9, 11), "dateline"),
    ("LONDON, 11 September 2023 (Reuters) - Talks.", "LONDON", "Reuters", D(2023, 9, 11),
     "dateline"),
    ("UNITED NATIONS (AP) — Talks.", "UNITED NATIONS", "AP", None, None),
    ("Moscow (AFP) - Talks.", "Moscow", "AFP", None, None),
    ("WASHINGTON — Talks.", "WASHINGTON", None, None, None),
    ("By Jane Doe\n\nSEOUL (Yonhap) -- Talks.", "SEOUL", "Yonhap", None, None),
    ("CAIRO, March 3, 2021 (Xinhua): Talks.", "CAIRO", "Xinhua", D(2021, 3, 3), "dateline"),
    ("NOTE: Talks.", None, None, None, None),
    ("The president - as expected - spoke.", None, None, None, None),
    ("US and China - talks resume.", None, None, None, None),
])
def test_articles_parses_dateline_and_keeps_it_in_text(body, place, source, published,
                                                       published_from, monkeypatch):
    monkeypatch.setattr("timeline.articles._infer_anchor", lambda text: None)
    [article] = read_bytes(f"Title\n\n{body}".encode(), "a.txt")
    assert article.text == body
    assert (article.dateline_place, article.source) == (place, source)
    assert (article.published, article.published_from) == (published, published_from)


@pytest.mark.parametrize("value,expected", [
    ("2019-04-25", D(2019, 4, 25)),
    ("2019-04-25T23:30:00-05:00", D(2019, 4, 25)),       # the date written, not shifted to UTC
    ("2019-04-25T10:00:00+0900", D(2019, 4, 25)),
    ("2023-09-11T10:00:00.000Z", D(2023, 9, 11)),
    ("Thu, 25 Apr 2019 23:00:00 +0900", D(2019, 4, 25)),
    ("Apr 25, 2019 at 10:02 AM EDT", D(2019, 4, 25)),
    ("Monday, 11 September 2023 14:05 GMT", D(2023, 9, 11)),
    ("25 avril 2019", D(2019, 4, 25)),
    ("3. März 2023", D(2023, 3, 3)),
    ("2019年4月25日", D(2019, 4, 25)),
    ("25.04.2019", D(2019, 4, 25)),
    ("28/04/2019", D(2019, 4, 28)),
    ("12/03/2024", D(2024, 12, 3)),                      # ambiguous: month first, as dateparser
    (1556150400, D(2019, 4, 25)),                        # Unix time, seconds
    ("1556150400000", D(2019, 4, 25)),                   # Unix time, milliseconds
    (D(2020, 1, 2), D(2020, 1, 2)),
    (datetime.datetime(2020, 1, 2, 23, 59), D(2020, 1, 2)),
    ("April 25", None),                                  # no year: none is invented
    ("2019", None),
    ("2 hours ago", None),
    ("yesterday", None),
    ("12", None),
    ("", None),
    (True, None),
    (float("nan"), None),
    (float("inf"), None),
    (1e300, None),
    ("0999-01-01", None),
])
def test_articles_parse_date_reads_metadata_dates(value, expected):
    from timeline.readers.dates import parse_date

    assert parse_date(value) == expected


def test_articles_text_is_nfc_without_invisible_characters():
    data = "Talks in Zu\u0308rich\n\nThe envoys met in Vladi\u00advostok\u200b on Monday.".encode()
    [article] = read_bytes(data, "a.txt")
    assert (article.title, article.text) == ("Talks in Zürich", "The envoys met in Vladivostok on Monday.")


def test_articles_header_beats_dateline_date_and_source():
    data = b"T\nPublished: 2020-01-02\nSource: Desk\n\nBEIJING, Sept. 11, 2023 (Xinhua) -- Talks."
    [article] = read_bytes(data, "a.txt")
    assert (article.published, article.published_from, article.source) == (
        D(2020, 1, 2), "header", "Desk")


def test_articles_falls_back_to_temporal_infer_anchor(monkeypatch):
    seen = []

    def infer_anchor(text):
        seen.append(text)
        return D(2023, 9, 11)

    temporal = types.ModuleType("timeline.temporal")
    temporal.infer_anchor = infer_anchor
    monkeypatch.setitem(sys.modules, "timeline.temporal", temporal)
    [article] = read_bytes(b"T\n\nOn Monday (September 11) the envoy arrived.", "a.txt")
    assert (article.published, article.published_from) == (D(2023, 9, 11), "text")
    assert seen == ["On Monday (September 11) the envoy arrived."]
    [article] = read_bytes(b"T\nPublished: 2023-09-12\n\nOn Monday the envoy left.", "a.txt")
    assert (article.published, article.published_from) == (D(2023, 9, 12), "header")
    assert len(seen) == 1


def test_articles_works_without_the_temporal_module(monkeypatch):
    monkeypatch.setitem(sys.modules, "timeline.temporal", None)     # import fails
    [article] = read_bytes(b"T\n\nOn Monday (September 11) the envoy arrived.", "a.txt")
    assert (article.published, article.published_from) == (None, None)


def test_articles_reads_folder_recursively_sorted_and_skips_hidden(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / ".git").mkdir()
    (tmp_path / "b" / "two.txt").write_text("Two\n\nSecond body.")
    (tmp_path / "a.txt").write_text("One\n\nFirst body.")
    (tmp_path / ".hidden.txt").write_text("Hidden\n\nHidden body.")
    (tmp_path / ".git" / "x.txt").write_text("Git\n\nGit body.")
    (tmp_path / "c.md").write_text("# Three\n\nThird body.")
    (tmp_path / "README.md").write_text("# About these files\n\nNotes.")
    (tmp_path / "page_files").mkdir()
    (tmp_path / "page_files" / "x.txt").write_text("Asset\n\nAsset body.")
    (tmp_path / "page.html").write_text("<html><body><article><p>The envoys met in Rome on "
                                        "Monday to discuss grain.</p></article></body></html>")
    assert [a.title for a in read_articles(tmp_path)] == [
        "One", "Two", "Three", "The envoys met in Rome on Monday to discuss grain."]
    assert [a.title for a in read_articles(tmp_path / "README.md")] == ["About these files"]
    assert [a.title for a in read_articles(str(tmp_path / "*.txt"))] == ["One"]
    # a glob is taken literally: it names the saved page's assets, so they are read
    assert [a.title for a in read_articles(str(tmp_path / "**" / "*.txt"))] == [
        "One", "Two", "Asset"]
    assert [a.title for a in read_articles([tmp_path / "c.md", tmp_path / "a.txt"])] == [
        "Three", "One"]


def test_articles_ids_are_stable_and_duplicates_read_once(tmp_path):
    (tmp_path / "a.txt").write_text("Talks\n\nThe envoys met.")
    (tmp_path / "b.txt").write_text("Talks\n\nThe envoys met.")
    (tmp_path / "c.txt").write_text("Other title\n\nThe   envoys\nmet.")
    (tmp_path / "d.txt").write_text("Talks two\nURL: https://x.example/a?utm_source=rss#top\n\nOne.")
    (tmp_path / "e.txt").write_text("Talks three\nURL: HTTPS://X.example/a/\n\nTwo.")
    articles = read_articles(tmp_path)
    assert [a.path for a in articles] == [str(tmp_path / "a.txt"), str(tmp_path / "d.txt")]
    assert articles[0].id == article_id("Talks", "The envoys met.") == "ec5f8c4bcfb05689"
    assert read_articles(tmp_path / "b.txt")[0].id == articles[0].id


@pytest.mark.parametrize("name,problem", [
    ("errors/empty.txt", "file is empty"),
    ("errors/blank.txt", "file is empty"),
    ("errors/photo.txt", "binary file, not text"),
    ("errors/nuls.txt", "binary file, not text"),
])
def test_articles_single_bad_file_raises_named_error(name, problem):
    path = FIXTURES / name
    with pytest.raises(ArticleError) as info:
        read_articles(path)
    assert str(info.value) == f"{path}: {problem}"
    assert info.value.path == str(path)


def test_articles_missing_inputs_name_the_problem(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    report = []
    os.mkfifo(tmp_path / "pipe.txt")
    inputs = [tmp_path / "nope.txt", str(tmp_path / "*.zzz"), "www.example.com/news/1",
              "bbc.co.uk/news", "notes.txt", tmp_path / "pipe.txt", tmp_path]
    assert read_articles(inputs, report=report) == []
    assert [str(e) for e in report] == [
        f"{tmp_path / 'nope.txt'}: no such file or folder",
        f"{tmp_path / '*.zzz'}: no files match",
        "www.example.com/news/1: no such file or folder (a web address needs http:// or https://)",
        "bbc.co.uk/news: no such file or folder (a web address needs http:// or https://)",
        "notes.txt: no such file or folder",
        f"{tmp_path / 'pipe.txt'}: not a regular file",
        f"{tmp_path / 'pipe.txt'}: not a regular file",
    ]


def test_articles_folder_logs_bad_files_and_reads_the_rest(tmp_path, caplog):
    (tmp_path / "good.txt").write_text("Good\n\nBody.")
    (tmp_path / "empty.txt").write_bytes(b"")
    with caplog.at_level(logging.WARNING, logger="timeline.articles"):
        articles = read_articles(tmp_path)
    assert [a.title for a in articles] == ["Good"]
    assert [r.getMessage() for r in caplog.records] == [
        f"skipping {tmp_path / 'empty.txt'}: file is empty"]


def test_articles_report_collects_instead_of_raising(tmp_path):
    report = []
    assert read_articles(FIXTURES / "errors" / "empty.txt", report=report) == []
    assert [str(e) for e in report] == [f"{FIXTURES / 'errors' / 'empty.txt'}: file is empty"]


@pytest.mark.parametrize("kwargs,expected", [
    (dict(text="Kim meets Putin\n\nThe two leaders met."),
     dict(title="Kim meets Putin", text="The two leaders met.", published=None)),
    (dict(text="The two leaders met on Thursday. They talked."),
     dict(title="The two leaders met on Thursday. They talked.",
          text="The two leaders met on Thursday. They talked.")),
    (dict(text="The leaders met.\nThey talked.", title="Summit", published="25 April 2019",
          source="Desk"),
     dict(title="Summit", text="The leaders met.\nThey talked.", published=D(2019, 4, 25),
          published_from="metadata", source="Desk", path="pasted text")),
    (dict(text="x " * 100 + "end."),
     dict(title="x " * 39 + "x…")),
])
def test_articles_read_text_for_pasted_text(kwargs, expected):
    article = read_text(**kwargs)
    for field, value in expected.items():
        assert getattr(article, field) == value, field


@pytest.mark.parametrize("kwargs,message", [
    (dict(text="  \n"), "pasted text: text is empty"),
    (dict(text="Body.", published="whenever", name="box"), "box: cannot read the date 'whenever'"),
])
def test_articles_read_text_errors(kwargs, message):
    with pytest.raises(ArticleError, match="^" + message.replace("(", r"\(").replace(")", r"\)") + "$"):
        read_text(**kwargs)


@pytest.mark.parametrize("call,message", [
    (lambda: read_articles(b"data"), "read_articles takes paths or URLs; use read_bytes(data, name) for bytes"),
    (lambda: read_articles([42]), "expected a path or URL, got int"),
    (lambda: read_bytes("text", "a.txt"), "read_bytes takes bytes, got str"),
    (lambda: read_text(b"x"), "read_text takes str, got bytes"),
])
def test_articles_wrong_types_raise_type_error(call, message):
    with pytest.raises(TypeError) as info:
        call()
    assert str(info.value) == message


def test_articles_article_has_keyword_only_extras():
    article = Article("id1", "T", "Body", D(2020, 1, 1), "Src", "https://u", path="p",
                      published_from="header", dateline_place="X", author="A")
    assert article.published_from == "header"
    with pytest.raises(TypeError):
        Article("id1", "T", "Body", None, None, None, "p")
