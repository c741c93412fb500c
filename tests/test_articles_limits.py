"""Hostile and accidental inputs (issue #9): ZIP bombs, entity expansion, NUL bytes, huge files."""
from __future__ import annotations

import io
import time
import zipfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import timeline.articles as articles_module
from timeline.articles import read_articles, read_bytes
from timeline.errors import ArticleError
from timeline.readers.base import MAX_FILE_BYTES
from timeline.readers.encoding import decode
from timeline.readers.text import find_dateline

FIXTURES = Path(__file__).parent / "fixtures" / "articles"


def make_zip(members: dict[str, bytes], *, encrypted=()) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            info = zipfile.ZipInfo(name, date_time=(2024, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, data)
    data = bytearray(buffer.getvalue())
    for name in encrypted:                   # zipfile cannot encrypt: set the flag by hand
        at = data.index(b"PK\x01\x02")                 # central directory entries
        while not data[at + 46:].startswith(name.encode()):
            at = data.index(b"PK\x01\x02", at + 4)
        data[at + 8] |= 0x1
    return bytes(data)


def error_of(data: bytes, name: str) -> str:
    with pytest.raises(ArticleError) as info:
        read_bytes(data, name)
    return str(info.value)


def test_limits_zip_bomb_is_refused_before_unpacking():
    bomb = make_zip({"zeros.txt": b"\0" * 30_000_000})
    started = time.monotonic()
    message = error_of(bomb, "bomb.zip")
    assert time.monotonic() - started < 1.0
    assert message.startswith("bomb.zip: archive unpacks to 30 MB from ")
    assert message.endswith(", past the limits (200 MB, 100 times): refused as a possible ZIP bomb")


def test_limits_zip_total_size(monkeypatch):
    monkeypatch.setattr(articles_module, "MAX_ARCHIVE_TOTAL_BYTES", 50)
    archive = make_zip({"a.txt": b"A\n\n" + b"word " * 20})
    message = error_of(archive, "big.zip")
    assert message.startswith("big.zip: archive unpacks to 103 bytes from ")
    assert message.endswith(" bytes, past the limits (50 bytes, 100 times): refused as a "
                            "possible ZIP bomb")


def test_limits_zip_members_count_depth_and_encryption(monkeypatch):
    monkeypatch.setattr(articles_module, "MAX_ARCHIVE_MEMBERS", 2)
    many = make_zip({f"{i}.txt": b"T\n\nBody %d." % i for i in range(3)})
    assert error_of(many, "many.zip") == "many.zip: archive has too many files (3; the limit is 2)"

    deep = make_zip({"b.zip": make_zip({"c.zip": make_zip({"d.txt": b"T\n\nBody."})})})
    report = []
    assert read_bytes(deep, "deep.zip", report=report) == []
    assert [str(e) for e in report] == [
        "deep.zip!b.zip!c.zip: archives nested more than 2 deep are not read"]

    locked = make_zip({"secret.txt": b"T\n\nHidden.", "open.txt": b"Open\n\nBody."},
                      encrypted={"secret.txt"})
    report = []
    assert [a.title for a in read_bytes(locked, "locked.zip", report=report)] == ["Open"]
    assert [str(e) for e in report] == ["locked.zip!secret.txt: file is encrypted"]


@pytest.mark.parametrize("content,problem", [
    (b"", "archive has no files"),
    (None, "archive has no files"),
])
def test_limits_empty_zip(content, problem):
    data = make_zip({}) if content is None else make_zip({"__MACOSX/._x": b"x", ".DS_Store": b"x"})
    assert error_of(data, "e.zip") == f"e.zip: {problem}"


@pytest.mark.parametrize("name", ["hostile/billion_laughs.xml", "hostile/billion_laughs.html"])
def test_limits_entity_expansion_does_not_blow_up(name):
    started = time.monotonic()
    articles = read_articles(FIXTURES / name, report=[])
    assert time.monotonic() - started < 2.0
    assert all("lollol" not in a.text and len(a.text) < 1000 for a in articles)


def test_limits_external_entities_are_not_read(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET-LINE")
    feed = (f'<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY xxe SYSTEM "file://{secret}">]>'
            '<rss version="2.0"><channel><title>X</title><item><title>Leak</title>'
            '<description>Before &xxe; after.</description></item></channel></rss>').encode()
    articles = read_bytes(feed, "feed.xml", report=[])
    assert all("TOP-SECRET" not in a.text + a.title for a in articles)


def test_limits_file_over_the_size_limit_is_refused_without_reading(tmp_path):
    path = tmp_path / "huge.txt"
    with open(path, "wb") as f:
        f.truncate(25_000_000)               # sparse: costs no disk and is never read
    with pytest.raises(ArticleError) as info:
        read_articles(path)
    assert str(info.value) == f"{path}: file is too large (25 MB; the limit is 20 MB)"
    assert error_of(b"x" * (MAX_FILE_BYTES + 1), "paste.txt") == (
        "paste.txt: file is too large (20.0 MB; the limit is 20 MB)".replace("20.0 MB;", "20 MB;"))


@pytest.mark.parametrize("data,text", [
    (b"Title\n\nThe envoys\x00 met.", "The envoys met."),
    (b"Title\n\nThe envoys met." + b"\x00" * 500, "The envoys met."),
])
def test_limits_stray_nul_bytes_are_dropped(data, text):
    [article] = read_bytes(data, "a.txt")
    assert article.text == text


def test_limits_deeply_nested_json():
    assert error_of(b"[" * 100_000 + b"]" * 100_000, "deep.json") == (
        "deep.json: malformed JSON: nested too deeply")


def test_limits_huge_csv_field():
    body = "word " * 40_000                    # past the csv module's default field limit
    [article] = read_bytes(f'title,text\nT,"{body}"\n'.encode(), "big.csv")
    assert article.text == body.strip()


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=300))
def test_limits_decode_any_bytes_gives_text_or_a_named_problem(data):
    try:
        text = decode(data)
    except articles_module.Unreadable as err:
        assert str(err) in ("file is empty", "binary file, not text") or str(err).startswith("not valid")
    else:
        assert "\x00" not in text and "\r" not in text


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=200), st.sampled_from(["a.txt", "a.json", "a.csv", "a.xml", "a",
                                                  "a.jsonl", "a.zip", "a.md"]))
def test_limits_read_bytes_raises_only_article_error(data, name):
    try:
        read_bytes(data, name)
    except ArticleError as err:
        assert str(err).startswith(f"{name}: ")


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=120))
def test_limits_dateline_never_crashes_and_stays_inside_the_text(text):
    dateline = find_dateline(text)
    if dateline:
        assert 0 <= dateline.start < dateline.end <= len(text)
        assert dateline.place in text


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc")) | st.sampled_from("\n\n\t"),
               max_size=200))
def test_limits_text_file_body_is_a_slice_of_the_input(text):
    try:
        articles = read_bytes(text.encode(), "a.txt")
    except ArticleError as err:
        assert str(err) in ("a.txt: file is empty", "a.txt: no text")
        return
    [article] = articles
    assert article.text and article.text in articles_module._clean(text)   # NFC, no soft hyphens
    assert "\n" not in article.title


@pytest.mark.parametrize("data,name", [
    (b"AA-" * 2000 + b"x\n\n" + b"AA-" * 2000, "a.txt"),                  # dateline regex
    (b"Title:" + b" " * 200_000 + b"x\n\nBody.", "a.txt"),                  # header regex
    (b'[{"title": "T", "text": "x' + b" " * 200_000 + b'y [+5 chars]"}]', "a.json"),
    (b'[{"title": "T", "text": "' + b"<p " * 50_000 + b'"}]', "a.json"),   # tag sniffing
    (b"<meta " * 1000, "a.html"),                                           # meta charset
])
def test_limits_long_inputs_do_not_make_regexes_backtrack(data, name):
    started = time.monotonic()
    read_bytes(data, name, report=[])
    assert time.monotonic() - started < 2.0
