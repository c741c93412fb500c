"""HTML pages, JSON, JSON Lines, CSV, RSS/Atom feeds, ZIP archives, and guessing the format."""
from __future__ import annotations

import datetime
from pathlib import Path

import pytest

from timeline.articles import guess_format, read_articles, read_bytes
from timeline.errors import ArticleError

FIXTURES = Path(__file__).parent / "fixtures" / "articles"
D = datetime.date
SUPPORTED = ".txt, .md, .html, .mhtml, .json, .jsonl, .csv, .tsv, .xml, .rss, .atom, .zip"


@pytest.fixture(autouse=True)
def no_temporal_inference(monkeypatch):
    """Dates here come from the inputs alone, whatever the temporal tagger can do."""
    monkeypatch.setattr("timeline.articles._infer_anchor", lambda text: None)


def fields(article, names=("title", "text", "published", "published_from", "source", "url",
                           "author", "dateline_place")):
    return {name: getattr(article, name) for name in names}


HTML_PAGE = dict(
    title="Envoys open talks on river dams",
    text=("ADDIS ABABA, Oct 4 (Lakeside Herald) - Envoys from three river states opened talks "
          "on Tuesday on the filling of two upstream dams, the foreign ministry said in a "
          "statement.\n\n"
          "The delegations agreed to meet again in Khartoum next month and to share rainfall "
          "data before the next rainy season, according to the statement.\n\n"
          "Observers from the regional bloc attended the first session, which lasted more than "
          "six hours and ended without a joint communique.\n\n"
          "A spokesman for one delegation described the atmosphere as constructive but said the "
          "main disagreement over drought-year releases remained unresolved."),
    published=D(2022, 10, 4), published_from="metadata", source="Lakeside Herald",
    url="https://lakeside.example.org/world/river-dams-talks", author="Petra Novak",
    dateline_place="ADDIS ABABA",
)


@pytest.mark.parametrize("name,expected", [
    ("html/saved_page.html", [HTML_PAGE]),
    ("html/single_file.mhtml", [HTML_PAGE]),
    ("html/no_metadata.htm", [dict(
        title="Coast guards meet over fishing dispute",
        text=("The coast guard chiefs of the two countries met at the harbour on Wednesday to "
              "discuss the fishing dispute that has strained relations since the spring.\n\n"
              "They agreed to set up a hotline between their command centres and to hold joint "
              "patrols in the disputed waters from next year."),
        published=None, published_from=None, source=None, url=None, author=None,
        dateline_place=None)]),
    ("json/newsapi.json", [
        dict(title="Trade ministers sign tariff deal",
             text=("MADRID, May 17 (Harbour Post) - The two trade ministers signed a deal on "
                   "Wednesday cutting tariffs on olive oil and machine parts."),
             published=D(2023, 5, 17), published_from="metadata", source="Harbour Post",
             url="https://harbour.example.com/trade-deal", author="Ines Alvarez",
             dateline_place="MADRID"),
        dict(title="Summit postponed",
             text="The summit planned for June has been postponed, officials said.",
             published=D(2023, 5, 18), published_from="metadata", source="Continental Wire",
             url="https://wire.example.com/summit-postponed", author=None, dateline_place=None),
    ]),
    ("json/list.json", [
        dict(title="Envoy visits Hanoi",
             text="The envoy arrived in Hanoi on Monday for two days of talks.",
             published=D(2024, 12, 3), published_from="metadata", source="Mekong Daily",
             url="https://example.net/envoy-hanoi", author="Lan Pham; Tom Reyes",
             dateline_place=None),
        dict(title="Ministers meet", text="The ministers met in Bangkok.",
             published=D(2024, 3, 12), published_from="metadata", source=None,
             url="https://example.net/ministers", author=None, dateline_place=None),
    ]),
    ("json/single.json", [dict(
        title="Border reopens", text="The border crossing reopened on Friday after two years.",
        published=D(2022, 8, 5), published_from="metadata", source="Valley Times", url=None,
        author=None, dateline_place=None)]),
    ("json/guardian.json", [dict(
        title="Foreign ministers hold talks in Reykjavik",
        text="The foreign ministers held talks in Reykjavik on Tuesday about Arctic shipping.",
        published=D(2021, 6, 1), published_from="metadata", source=None,
        url="https://guardian.example/world/talks", author="Sigrid Olsen", dateline_place=None)]),
    ("json/articles.jsonl", [
        dict(title="Talks resume in Doha", text="Negotiators resumed talks in Doha on Sunday.",
             published=D(2024, 2, 4), published_from="metadata", source=None,
             url="https://example.org/doha", author=None, dateline_place=None),
        dict(title="Ceasefire extended", text="The ceasefire was extended by a week.",
             published=D(2024, 2, 4), published_from="metadata", source="Gulf Wire", url=None,
             author=None, dateline_place=None),
    ]),
    ("csv/tabs.tsv", [dict(
        title="Talks in Lima", text="The envoys met in Lima.", published=D(2020, 3, 3),
        published_from="metadata", source=None, url=None, author=None, dateline_place=None)]),
    ("feeds/rss.xml", [
        dict(title="Ministers agree on Arctic research station",
             text=("TROMSØ, Nov 7 (Northern Courier) - Research ministers agreed on Monday to "
                   "build a joint station.\n\nConstruction starts next year."),
             published=D(2022, 11, 7), published_from="metadata",
             source="Northern Courier – World",
             url="https://courier.example.com/world/arctic-station", author="Aino Virtanen",
             dateline_place="TROMSØ"),
        dict(title="Trade talks pause", text="Trade talks were paused on Tuesday.",
             published=D(2022, 11, 8), published_from="metadata",
             source="Northern Courier – World",
             url="https://courier.example.com/world/trade-pause", author=None,
             dateline_place=None),
    ]),
    ("feeds/atom.atom", [dict(
        title="Ambassador presents credentials",
        text="The new ambassador presented her credentials to the president on Tuesday.",
        published=D(2021, 9, 14), published_from="metadata", source="Embassy Notes",
        url="https://embassy.example.org/notes/credentials", author="Press Office",
        dateline_place=None)]),
])
def test_articles_reads_format(name, expected):
    articles = read_articles(FIXTURES / name)
    assert [fields(a) for a in articles] == expected
    assert {a.path for a in articles} == {str(FIXTURES / name)}


def test_articles_feed_of_headlines_uses_the_title_as_text():
    feed = (b'<?xml version="1.0"?><rss version="2.0"><channel><title>Headlines</title>'
            b"<item><title>Envoys meet in Rome</title><link>https://h.example/1</link></item>"
            b"<item><title>Talks end</title><description>The talks ended.</description></item>"
            b"</channel></rss>")
    articles = read_bytes(feed, "headlines.rss")
    assert [(a.title, a.text, a.source) for a in articles] == [
        ("Envoys meet in Rome", "Envoys meet in Rome", "Headlines"),
        ("Talks end", "The talks ended.", "Headlines"),
    ]


def test_articles_json_feed():
    data = (b'{"version": "https://jsonfeed.org/version/1.1", "title": "Notes", "items": ['
            b'{"id": "1", "title": "Visit", "content_html": "<p>The envoy <b>visited</b> Rome.</p>",'
            b' "url": "https://n.example/1", "date_published": "2021-02-03T10:00:00+01:00",'
            b' "authors": [{"name": "Ana"}]}]}')
    [article] = read_bytes(data, "feed.json")
    assert fields(article) == dict(
        title="Visit", text="The envoy visited Rome.", published=D(2021, 2, 3),
        published_from="metadata", source=None, url="https://n.example/1", author="Ana",
        dateline_place=None)


def test_articles_saved_page_remembers_its_address():
    page = (b"<!-- saved from url=(0031)https://paper.example/a/talks -->\n<html><body><article>"
            b"<p>The envoys met in Rome on Monday to discuss grain exports across the sea.</p>"
            b"</article></body></html>")
    [article] = read_bytes(page, "talks.html")
    assert article.url == "https://paper.example/a/talks"


def test_articles_csv_reads_quoted_multiline_rows_and_reports_empty_ones():
    report = []
    articles = read_articles(FIXTURES / "csv" / "headlines.csv", report=report)
    assert [fields(a, ("title", "text", "published", "source", "url")) for a in articles] == [
        dict(title="Presidents meet in Brasília",
             text="The two presidents met in Brasília on Thursday, and signed a customs pact.",
             published=D(2023, 8, 10), source="Southern Wire", url="https://example.com/brasilia"),
        dict(title="Premier visits Canberra",
             text="The premier visited Canberra on Monday.\nShe met the foreign minister.",
             published=D(2023, 8, 14), source="Pacific Desk", url="https://example.com/canberra"),
    ]
    assert [str(e) for e in report] == [f"{FIXTURES / 'csv' / 'headlines.csv'}: line 5: no text"]


def test_articles_bad_record_never_stops_a_single_file():
    assert [a.title for a in read_articles(FIXTURES / "csv" / "headlines.csv")] == [
        "Presidents meet in Brasília", "Premier visits Canberra"]


@pytest.mark.parametrize("name,columns,expected", [
    ("csv/custom.csv", {"published": "When"},
     dict(title="Talks in Oslo", text="The envoys held talks in Oslo.", published=D(2020, 2, 2))),
    ("csv/semicolon_cp1252.csv", {"title": "Titel", "text": "Inhalt", "published": "Datum"},
     dict(title="Minister reist nach Wien", text="Der Minister reiste am Montag nach Wien.",
          published=D(2023, 3, 3))),
    ("json/list.json", {"text": "headline"},
     dict(title="Envoy visits Hanoi", text="Envoy visits Hanoi", published=D(2024, 12, 3))),
    ("json/custom_single.json", {"text": "Nachricht", "title": "Schlagzeile"},
     dict(title="Gipfel in Wien", text="Die Minister trafen sich in Wien.", published=None)),
])
def test_articles_columns_map_other_names(name, columns, expected):
    article = read_articles(FIXTURES / name, columns=columns)[0]
    assert fields(article, tuple(expected)) == expected


@pytest.mark.parametrize("name,problem", [
    ("json/malformed.json", "malformed JSON at line 3: Expecting ',' delimiter"),
    ("json/malformed.jsonl", "malformed JSON at line 2: Expecting ',' delimiter"),
    ("json/no_articles.json", "no text field (looked for text, body, content, article, "
                              "articleBody, description, summary, ...; found status, count)"),
    ("json/no_text.json", "no text field (looked for text, body, content, article, articleBody, "
                          "description, summary, ...; found title, url, score)"),
    ("csv/no_text.csv", "no text column (looked for text, body, content, article, articleBody, "
                        "description, summary, ...; found headline, link; name it with "
                        "columns={'text': ...})"),
    ("feeds/empty_feed.xml", "feed has no entries"),
    ("feeds/not_a_feed.xml", "not an RSS or Atom feed"),
    ("html/empty_page.html", "no article text found in the HTML page"),
    ("errors/report.docx", f"unsupported format '.docx' (supported: {SUPPORTED})"),
])
def test_articles_bad_input_raises_one_named_error(name, problem):
    with pytest.raises(ArticleError) as info:
        read_articles(FIXTURES / name)
    assert str(info.value) == f"{FIXTURES / name}: {problem}"


@pytest.mark.parametrize("data,name,columns,problem", [
    (b"a,b\n1,2\n", "t.csv", {"text": "Body"}, "no column text='Body' (columns: a, b)"),
    (b"text,title\n", "t.csv", None, "no rows under the header"),
    (b"[]", "t.json", None, "no articles in the JSON (the list is empty)"),
    (b"[1, 2]", "t.json", None, "no articles in the JSON (expected a list of objects, an object "
                                "with an 'articles' list, or one article object)"),
    (b'{"a": 1}\n[2]\n', "t.jsonl", None, "line 2 is not a JSON object"),
    (b"PK\x03\x04junk", "t.zip", None, "not a valid ZIP archive (File is not a zip file)"),
    (b"x", "t.xlsx", None,
     f"unsupported format '.xlsx' (supported: {SUPPORTED}; save spreadsheets as CSV)"),
    (b"\x89PNG\r\n\x1a\n\x00\x00", "scan.weird", None,
     f"unsupported format '.weird' (supported: {SUPPORTED})"),
    (b"\x89PNG\r\n\x1a\n\x00\x00", "upload", None, "binary file, not text"),
])
def test_articles_read_bytes_errors(data, name, columns, problem):
    with pytest.raises(ArticleError) as info:
        read_bytes(data, name, columns=columns)
    assert str(info.value) == f"{name}: {problem}"


@pytest.mark.parametrize("data,name,content_type,fmt", [
    (b"Title\n\nBody", "a.txt", None, "text"),
    (b"# Title\n\nBody", "a.md", None, "markdown"),
    (b"<!DOCTYPE html><html><body><p>x</p></body></html>", "page.txt", None, "html"),
    (b"<!-- saved from url=(0040)https://x -->\n<html><p>x</p></html>", "page", None, "html"),
    (b"<?xml version='1.0'?><rss version='2.0'></rss>", "feed", None, "feed"),
    (b"<?xml version='1.0'?><feed xmlns='http://www.w3.org/2005/Atom'/>", "a.html", None, "feed"),
    (b"<?xml version='1.0'?><rss version='2.0'></rss>", "https://x.example/news", None, "feed"),
    (b"<p>x</p>", "https://x.example/a", "text/html; charset=utf-8", "html"),
    (b'{"title": "a", "text": "b"}', "dump.txt", None, "json"),
    (b'{"text": "a"}\n{"text": "b"}\n', "dump", None, "jsonl"),
    (b'{"text": "a"}\n{"text": "b"}\n', "dump.json", None, "jsonl"),
    (b'{"text": "a"}\n', "dump.json", None, "json"),
    (b'{"text": "a",\n "title": "b"}\n', "dump.json", None, "json"),
    (b"[Update] Talks resume\n\nBody", "a.txt", None, "text"),
    (b"title,text\na,b\n", "export", None, "csv"),
    (b"title,text\na,b\n", "https://x.example/export", "text/csv", "csv"),
    (b"Talks, at last\n\nBody", "note", None, "text"),
    (b"PK\x03\x04rest", "upload.bin", None, "zip"),
    (b"From: <Saved by Blink>\r\nMIME-Version: 1.0\r\nContent-Type: multipart/related;\r\n",
     "page", None, "mhtml"),
    (b"Talks\n\nBody", "notes.log", None, "text"),
])
def test_articles_guesses_format_from_content_and_name(data, name, content_type, fmt):
    assert guess_format(data, name, content_type) == fmt


@pytest.mark.parametrize("columns,error,message", [
    ({"txt": "a"}, ValueError,
     "columns: unknown field 'txt' (fields: title, text, published, url, source, author)"),
    (["text"], TypeError, "columns must map article fields to column names, e.g. {'text': 'Story'}"),
    ({"text": 3}, TypeError, "columns must map article fields to column names, e.g. {'text': 'Story'}"),
])
def test_articles_bad_columns_argument_raises_at_once(columns, error, message):
    with pytest.raises(error) as info:
        read_bytes(b"a,b\n1,2\n", "t.csv", columns=columns)
    assert str(info.value) == message


def test_articles_fmt_forces_the_format():
    [article] = read_bytes(b'{"title": "T", "text": "Body."}', "a.txt", fmt="text")
    assert article.text == '{"title": "T", "text": "Body."}'
    with pytest.raises(ValueError, match="unknown format 'pdf'"):
        read_bytes(b"x", "a.txt", fmt="pdf")


def test_articles_reads_zip_like_a_folder():
    path = FIXTURES / "zip" / "mixed.zip"
    report = []
    articles = read_articles(path, report=report)
    assert [(a.path, a.title, a.published) for a in articles] == [
        (f"{path}!items.jsonl", "Talks in Dakar", D(2023, 7, 2)),
        (f"{path}!nested.zip!deep/inner.txt", "Inner note", None),
        (f"{path}!notes/visit.txt", "Visit to Accra", D(2023, 7, 1)),
    ]
    assert [str(e) for e in report] == [
        f"{path}!notes/empty.txt: file is empty",
        f"{path}!scan.pdf: unsupported format '.pdf' (supported: {SUPPORTED})",
    ]
    assert [a.title for a in read_articles(path)] == [
        "Talks in Dakar", "Inner note", "Visit to Accra"]


def test_articles_mixed_folder_gives_every_article_and_a_line_per_bad_file():
    report = []
    articles = read_articles(FIXTURES, report=report)
    assert len({a.id for a in articles}) == len(articles)
    assert len([a for a in articles if "hostile" not in a.path]) == 28
    assert [str(e).removeprefix(f"{FIXTURES}/") for e in report if "hostile" not in str(e)] == [
        "csv/headlines.csv: line 5: no text",
        "csv/no_text.csv: no text column (looked for text, body, content, article, articleBody, "
        "description, summary, ...; found headline, link; name it with columns={'text': ...})",
        "csv/semicolon_cp1252.csv: no text column (looked for text, body, content, article, "
        "articleBody, description, summary, ...; found Titel, Inhalt, Datum; name it with "
        "columns={'text': ...})",
        "errors/blank.txt: file is empty",
        "errors/empty.txt: file is empty",
        "errors/nuls.txt: binary file, not text",
        "errors/photo.txt: binary file, not text",
        f"errors/report.docx: unsupported format '.docx' (supported: {SUPPORTED})",
        "feeds/empty_feed.xml: feed has no entries",
        "feeds/not_a_feed.xml: not an RSS or Atom feed",
        "html/empty_page.html: no article text found in the HTML page",
        "json/custom_single.json: no text field (looked for text, body, content, article, "
        "articleBody, description, summary, ...; found Schlagzeile, Nachricht)",
        "json/malformed.json: malformed JSON at line 3: Expecting ',' delimiter",
        "json/malformed.jsonl: malformed JSON at line 2: Expecting ',' delimiter",
        "json/no_articles.json: no text field (looked for text, body, content, article, "
        "articleBody, description, summary, ...; found status, count)",
        "json/no_text.json: no text field (looked for text, body, content, article, articleBody, "
        "description, summary, ...; found title, url, score)",
        "zip/mixed.zip!notes/empty.txt: file is empty",
        f"zip/mixed.zip!scan.pdf: unsupported format '.pdf' (supported: {SUPPORTED})",
    ]


def test_articles_same_url_or_text_across_formats_is_read_once(tmp_path):
    (tmp_path / "a.json").write_text(
        '[{"title": "A", "text": "One.", "url": "https://x.example/a"},'
        ' {"title": "B", "text": "Two.", "url": "https://x.example/a#comments"},'
        ' {"title": "C", "text": "One."}]')
    (tmp_path / "b.txt").write_text("D\nURL: https://x.example/a/\n\nThree.")
    assert [a.title for a in read_articles(tmp_path)] == ["A"]


def test_articles_parser_crash_is_one_line_not_a_traceback(monkeypatch, caplog):
    def crash(text, url=None):
        raise KeyError("tree")

    monkeypatch.setattr("timeline.readers.html.read_html", crash)
    report = []
    assert read_bytes(b"<html><p>x</p></html>", "p.html", report=report) == []
    assert [str(e) for e in report] == ["p.html: cannot read it (KeyError: 'tree')"]
    assert "reading p.html failed" in caplog.text


def test_articles_upload_named_by_its_file_name():
    [article] = read_bytes(b"Talks\n\nThe envoys met.", "my notes.txt")
    assert article.path == "my notes.txt"
