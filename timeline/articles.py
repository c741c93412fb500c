"""Articles from what users have: text, Markdown, HTML, JSON, CSV, feeds, ZIPs, folders, URLs.

``read_articles`` takes a file, a folder (read recursively, in sorted order;
hidden files, README/LICENSE files and the ``*_files`` folders of saved web
pages skipped, as they are in ZIP archives), a glob, a URL, or a list of
these. Raw bytes go to ``read_bytes`` with a name (an
upload's file name), pasted text to ``read_text``; ``read_articles`` refuses
bytes with a TypeError that says so.

The format comes from the name and from the content: a ZIP is a ZIP whatever
it is called, an HTML page saved as .txt is read as HTML, a feed saved as
.xml is a feed, and an input with no extension is sniffed.

Ids: the first 16 hex digits of sha256(title + "\\n" + text), so the same
article gets the same id on every run and anywhere it is read from. Within
one read an article is kept once: a second one with the same id, the same
body text (whitespace aside) or the same URL (fragment, trailing slash and
utm_* parameters aside) is dropped.

Publication date: the input's metadata or header lines, else the dateline
when it has a full date, else ``timeline.temporal.infer_anchor(text)``;
``Article.published_from`` says which ("header", "metadata", "dateline",
"text") or is None when there is no date.

Errors: every input that cannot be read gives one ``ArticleError`` whose
message is ``"<name>: <problem>"``. With ``report=None`` a single file
raises it; several inputs (a folder, a glob, a list) log it and go on. With a
``report`` list the errors are appended to it and reading always goes on.
"""
from __future__ import annotations

import datetime
import glob as _glob
import hashlib
import io
import json
import logging
import os
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import KW_ONLY, dataclass
from pathlib import Path
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from timeline.errors import ArticleError
from timeline.readers.base import (
    MAX_ARCHIVE_DEPTH,
    MAX_ARCHIVE_MEMBERS,
    MAX_ARCHIVE_RATIO,
    MAX_ARCHIVE_TOTAL_BYTES,
    MAX_ARTICLE_CHARS,
    MAX_FILE_BYTES,
    Record,
    Unreadable,
    human_size,
)
from timeline.readers.dates import parse_date
from timeline.readers.encoding import BINARY, decode
from timeline.readers.text import dateline_date, find_dateline, looks_like_title
from timeline.readers.text import read_text as _read_text_record

LOGGER = logging.getLogger(__name__)

__all__ = ["Article", "read_articles", "read_bytes", "read_text", "walk", "SUPPORTED_EXTENSIONS"]


@dataclass(slots=True)
class Article:
    """One news article, as the rest of the pipeline sees it.

    :ivar id: stable id, first 16 hex digits of sha256(title + "\\n" + text)
    :ivar title: headline
    :ivar text: body text only (no title, no header lines); a dateline stays in it
    :ivar published: publication date, or None
    :ivar source: outlet, agency or site name
    :ivar url: where the article lives on the web
    :ivar path: the file ("archive.zip!inner.txt", or URL) it was read from
    :ivar published_from: "header" | "metadata" | "dateline" | "text" | None
    :ivar dateline_place: "MOSCOW" from "MOSCOW, Sept 11 (Reuters) -"
    :ivar author: byline
    """

    id: str
    title: str
    text: str
    published: datetime.date | None = None
    source: str | None = None
    url: str | None = None
    _: KW_ONLY
    path: str | None = None
    published_from: str | None = None
    dateline_place: str | None = None
    author: str | None = None


# Formats ---------------------------------------------------------------------

FORMAT_BY_EXTENSION = {
    ".txt": "text", ".text": "text", ".md": "markdown", ".markdown": "markdown",
    ".html": "html", ".htm": "html", ".xhtml": "html", ".shtml": "html",
    ".mhtml": "mhtml", ".mht": "mhtml",
    ".json": "json", ".jsonl": "jsonl", ".ndjson": "jsonl",
    ".csv": "csv", ".tsv": "tsv",
    ".rss": "feed", ".atom": "feed", ".xml": "feed",
    ".zip": "zip",
}
SUPPORTED_EXTENSIONS = tuple(FORMAT_BY_EXTENSION)
_SUPPORTED_SHOWN = ".txt, .md, .html, .mhtml, .json, .jsonl, .csv, .tsv, .xml, .rss, .atom, .zip"
# Extensions never read as text, whatever their bytes look like.
UNSUPPORTED_EXTENSIONS = frozenset(
    ".docx .doc .odt .rtf .pdf .xlsx .xlsm .xls .ods .pptx .ppt .odp .epub .pages .numbers .key "
    ".png .jpg .jpeg .gif .webp .bmp .tif .tiff .ico .heic .svg .mp3 .mp4 .m4a .wav .ogg .mov "
    ".avi .mkv .webm .gz .tgz .tar .7z .rar .bz2 .xz .zst .exe .dll .so .dylib .db "
    ".sqlite .parquet .feather .pkl .pickle .npy .woff .woff2 .ttf .otf .css .js .mjs .map "
    ".py .pyc .jar .apk .msg".split()
)
_SPREADSHEETS = {".xlsx", ".xlsm", ".xls", ".ods", ".numbers"}
_CONTENT_TYPES = (
    ("zip", "zip"), ("html", "html"), ("rss", "feed"), ("atom", "feed"), ("xml", "feed"),
    ("ndjson", "jsonl"), ("jsonl", "jsonl"), ("json", "json"), ("csv", "csv"),
    ("tab-separated", "tsv"), ("markdown", "markdown"), ("text/plain", "text"),
)


def _text(data, name, columns, charset):
    return [_read_text_record(decode(data, charset))]


def _html(data, name, columns, charset):
    from timeline.readers.html import meta_charset, read_html, saved_from

    text = decode(data, charset or meta_charset(data))
    return [read_html(text, url=name if _is_url(name) else saved_from(text))]


def _mhtml(data, name, columns, charset):
    from timeline.readers.html import read_html, saved_from
    from timeline.readers.mhtml import html_part

    html, location = html_part(data)
    return [read_html(html, url=location or saved_from(html))]


def _json(data, name, columns, charset):
    from timeline.readers.records import read_json

    return read_json(decode(data, charset), columns)


def _jsonl(data, name, columns, charset):
    from timeline.readers.records import read_jsonl

    return read_jsonl(decode(data, charset), columns)


def _csv(data, name, columns, charset):
    from timeline.readers.records import read_csv

    return read_csv(decode(data, charset), columns)


def _tsv(data, name, columns, charset):
    from timeline.readers.records import read_csv

    return read_csv(decode(data, charset), columns, delimiter="\t")


def _feed(data, name, columns, charset):
    from timeline.readers.feed import read_feed

    if not data.strip():
        raise Unreadable("file is empty")
    return read_feed(data)


READERS = {
    "text": _text, "markdown": _text, "html": _html, "json": _json, "jsonl": _jsonl,
    "csv": _csv, "tsv": _tsv, "feed": _feed, "mhtml": _mhtml,
}
FORMATS = tuple(READERS) + ("zip",)


def guess_format(data: bytes, name: str, content_type: str | None = None) -> str:
    """The format of *data* called *name*, from its content as well as its name.

    Content wins where it is unmistakable: ZIP bytes are an archive, a page
    that starts like HTML is HTML, an ``<rss>``/``<feed>`` document is a feed,
    and a .txt holding valid JSON is JSON. Otherwise the extension decides; an
    input with no (or an unknown) extension is sniffed, and read as text when
    nothing else fits.
    """
    ext = _extension(name)
    if data[:4] in (b"PK\x03\x04", b"PK\x05\x06"):
        if ext and ext != ".zip" and ext in UNSUPPORTED_EXTENSIONS:
            raise Unreadable(_unsupported(ext))
        return "zip"
    if ext in UNSUPPORTED_EXTENSIONS:
        raise Unreadable(_unsupported(ext))
    by_name = FORMAT_BY_EXTENSION.get(ext)
    if by_name is None and content_type:
        by_name = next((fmt for word, fmt in _CONTENT_TYPES if word in content_type.lower()), None)
    if by_name == "zip":
        raise Unreadable("not a valid ZIP archive")
    head = _head(data)
    if head is None:                            # binary
        if by_name is None and ext:
            raise Unreadable(_unsupported(ext))
        raise Unreadable(BINARY)
    if by_name in (None, "text") and re.search(r"(?im)^content-type:\s*multipart/related", head[:2048]) \
            and re.search(r"(?im)^mime-version:", head[:2048]):
        return "mhtml"
    start = head.lstrip()[:1]
    if start == "<" and by_name in (None, "text", "markdown", "html", "feed"):
        if re.search(r"<(?:rss|feed|rdf:RDF)[\s>]", head, re.I):
            return "feed"
        if re.match(r"\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body|meta|title)[\s>]",
                    head, re.I | re.S):
            return "html"
        if by_name is None:
            return "feed" if head.lstrip().startswith("<?xml") else "html"
    if start in ("{", "[") and by_name in (None, "text", "json", "jsonl"):
        from timeline.readers.records import looks_like_jsonl

        if by_name == "jsonl":
            return by_name
        text = _try_decode(data)
        if text is not None and looks_like_jsonl(text) and not _is_json(text):
            return "jsonl"                       # JSON Lines saved as .json, as they often are
        if by_name == "json" or (text is not None and _is_json(text)):
            return "json"
    if by_name is not None:
        return by_name
    from timeline.readers.records import looks_like_csv

    return "csv" if looks_like_csv(head) else "text"


def _charset(content_type: str | None) -> str | None:
    m = re.search(r"charset=([\w.:-]+)", content_type or "", re.I)
    return m[1] if m else None


def _head(data: bytes) -> str | None:
    """The start of *data* as text, or None when it is binary."""
    try:
        return decode(data[:4096])
    except Unreadable as err:
        if str(err) == BINARY:
            return None
        return ""


def _try_decode(data: bytes) -> str | None:
    try:
        return decode(data)
    except Unreadable:
        return None


def _is_json(text: str) -> bool:
    try:
        json.loads(text)
    except (ValueError, RecursionError):
        return False
    return True


def _unsupported(ext: str) -> str:
    hint = "; save spreadsheets as CSV" if ext in _SPREADSHEETS else ""
    return f"unsupported format '{ext}' (supported: {_SUPPORTED_SHOWN}{hint})"


# Public API ------------------------------------------------------------------

def read_articles(path_or_url, *, fmt: str | None = None, columns: dict | None = None,
                  allow_private: bool | Iterable[str] = False,
                  report: list | None = None) -> list[Article]:
    """Read every article in *path_or_url*: a file, folder, glob, URL, or a list of them.

    *fmt* forces a format (one of ``FORMATS``) instead of guessing it;
    *columns* maps article fields to other column or key names in CSV and
    JSON, e.g. ``{"text": "Story", "published": "Date"}``; *allow_private*
    lets URLs reach private and loopback addresses (True, or the addresses
    and networks to allow, e.g. ``{"127.0.0.1"}``); *report*, a list, collects
    an ArticleError for each input (or record) that could not be read.
    """
    if isinstance(path_or_url, (bytes, bytearray, memoryview)):
        raise TypeError("read_articles takes paths or URLs; use read_bytes(data, name) for bytes")
    items = list(path_or_url) if isinstance(path_or_url, (list, tuple)) else [path_or_url]
    for item in items:
        if not isinstance(item, (str, os.PathLike)):
            raise TypeError(f"expected a path or URL, got {type(item).__name__}")
    single = len(items) == 1 and not _is_many(items[0])
    reader = _Reading(fmt=fmt, columns=columns, allow_private=allow_private,
                      report=report, raise_errors=single and report is None)
    for item in items:
        reader.read_input(item)
    return reader.articles


def read_bytes(data: bytes, name: str, *, fmt: str | None = None, columns: dict | None = None,
               report: list | None = None) -> list[Article]:
    """Read the articles in *data*, an upload called *name* (its file name decides the format
    as a file's does).

    Bad data raises ArticleError, or is appended to *report* when one is given.
    A ZIP's bad members, and bad records in a JSON, CSV or feed, never stop
    the rest: they are reported (or logged) and skipped.
    """
    if not isinstance(data, (bytes, bytearray, memoryview)):
        raise TypeError(f"read_bytes takes bytes, got {type(data).__name__}")
    reader = _Reading(fmt=fmt, columns=columns, allow_private=False, report=report,
                      raise_errors=report is None)
    if len(data) > MAX_FILE_BYTES:
        reader.problem(name, _too_large(len(data)))
    else:
        reader.read_data(bytes(data), name)
    return reader.articles


def read_text(text: str, *, title: str | None = None, published=None, source: str | None = None,
              name: str = "pasted text") -> Article:
    """One article from pasted *text*.

    Without *title*, a short first line followed by more text is the title and
    header lines under it are read, as in a .txt file; otherwise the title is
    the start of the text and the text is kept whole. *published* is a date or
    a date string in any format.
    """
    if not isinstance(text, str):
        raise TypeError(f"read_text takes str, got {type(text).__name__}")
    text = text.replace("\r\n", "\n").replace("\r", "\n").lstrip("\ufeff")
    if not text.strip():
        raise ArticleError(f"{name}: text is empty", path=name)
    if title is None and _has_title_line(text):
        record = _read_text_record(text)
    else:
        body = text.strip("\n").rstrip()
        record = Record(title=title or _title_from(body), text=body)
    if published is not None:
        day = parse_date(published)
        if day is None:
            raise ArticleError(f"{name}: cannot read the date {str(published)!r}", path=name)
        record.published, record.published_from = day, "metadata"
    if source:
        record.source = source
    try:
        return _assemble(record, name)
    except Unreadable as err:
        raise ArticleError(f"{name}: {err}", path=name) from None


# Reading ---------------------------------------------------------------------

def _is_many(item) -> bool:
    if _is_url(item):
        return False
    path = Path(item)
    if path.is_dir():
        return True
    return not path.exists() and _is_glob(str(item))


def _is_url(item) -> bool:
    return isinstance(item, str) and re.match(r"(?i)https?://", item.strip()) is not None


def _looks_like_web_address(text: str) -> bool:
    """"www.example.com/a", "bbc.co.uk/news": a host name where a path was expected."""
    m = re.match(r"(?:www\.)?[\w-]+(?:\.[\w-]+)*\.([a-z]{2,})(?:/|$)", text)
    return bool(m) and f".{m[1]}" not in FORMAT_BY_EXTENSION and f".{m[1]}" not in UNSUPPORTED_EXTENSIONS


def _is_glob(text: str) -> bool:
    return any(c in text for c in "*?[")


class _Reading:
    """One call's state: the articles so far, what was seen, where errors go."""

    def __init__(self, *, fmt, columns, allow_private, report, raise_errors):
        if fmt is not None and fmt not in FORMATS:
            raise ValueError(f"unknown format {fmt!r} (formats: {', '.join(FORMATS)})")
        from timeline.readers.records import check_columns

        self.fmt = fmt
        self.columns = check_columns(columns)
        self.allow_private = allow_private
        self.report = report
        self.raise_errors = raise_errors
        self.articles: list[Article] = []
        self._seen: set[str] = set()

    # errors
    def problem(self, name: str, problem: str, *, soft: bool = False) -> None:
        """One input (or, *soft*, one record of an input that was read) is bad."""
        self.fail(ArticleError(f"{name}: {problem}", path=name), soft=soft)

    def fail(self, err: ArticleError, *, soft: bool = False) -> None:
        if self.report is not None:
            self.report.append(err)
        elif self.raise_errors and not soft:
            raise err
        else:
            LOGGER.warning("skipping %s", err)

    # inputs
    def read_input(self, item) -> None:
        if _is_url(item):
            self.read_url(str(item).strip())
            return
        path = Path(item)
        if path.is_dir():
            files = list(walk(path))
            if not files:
                self.problem(str(item), "folder has no files")
            for file in files:
                self.read_file(file)
        elif path.exists():
            self.read_file(path)
        elif _is_glob(str(item)):
            matches = sorted(Path(p) for p in _glob.glob(str(item), recursive=True))
            files = [f for m in matches for f in (walk(m) if m.is_dir() else [m])]
            if not files:
                self.problem(str(item), "no files match")
            for file in files:
                self.read_file(file)
        elif _looks_like_web_address(str(item)):
            self.problem(str(item), "no such file or folder (a web address needs http:// or https://)")
        else:
            self.problem(str(item), "no such file or folder")

    def read_file(self, path: Path) -> None:
        name = str(path)
        try:
            if not path.is_file():               # a FIFO or a device would block or never end
                raise Unreadable("not a regular file")
            size = path.stat().st_size
            if size > MAX_FILE_BYTES:
                raise Unreadable(_too_large(size))
            with open(path, "rb") as f:
                data = f.read(MAX_FILE_BYTES + 1)
        except Unreadable as err:
            self.problem(name, str(err))
            return
        except OSError as err:
            self.problem(name, f"cannot read the file ({err.strerror or err})")
            return
        if len(data) > MAX_FILE_BYTES:
            self.problem(name, _too_large(len(data)))
            return
        self.read_data(data, name)

    def read_url(self, url: str) -> None:
        from timeline.fetch import fetch

        try:
            response = fetch(url, allow_private=self.allow_private)
        except ArticleError as err:
            self.fail(err)
            return
        self.read_data(response.data, url, content_type=response.content_type,
                       final_url=response.url)

    def read_data(self, data: bytes, name: str, *, content_type: str | None = None,
                  final_url: str | None = None, depth: int = 0) -> None:
        try:
            fmt = self.fmt or guess_format(data, name, content_type)
            if fmt == "zip":
                self.read_zip(data, name, depth)
                return
            records = READERS[fmt](data, name, self.columns, _charset(content_type))
        except Unreadable as err:
            self.problem(name, str(err))
            return
        except Exception as err:    # a parser's own failure: one line for the user, the trace in the log
            LOGGER.exception("reading %s failed", name)
            self.problem(name, f"cannot read it ({type(err).__name__}: {err})")
            return
        for record in records:
            if final_url and not record.url:
                record.url = final_url
            try:
                article = _assemble(record, name)
            except Exception as err:
                problem = str(err) if isinstance(err, Unreadable) else f"cannot read it ({err})"
                if record.where and len(records) > 1:
                    self.problem(name, f"{record.where}: {problem}", soft=True)
                else:
                    self.problem(name, problem)
                continue
            self.add(article)

    def read_zip(self, data: bytes, name: str, depth: int) -> None:
        """Every member, as if the archive were a folder; bad members never stop the rest."""
        import zipfile

        if depth >= MAX_ARCHIVE_DEPTH:
            raise Unreadable(f"archives nested more than {MAX_ARCHIVE_DEPTH} deep are not read")
        try:
            archive = zipfile.ZipFile(io.BytesIO(data))
            members = [m for m in archive.infolist() if _wanted_member(m.filename) and not m.is_dir()]
        except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, OSError) as err:
            raise Unreadable(f"not a valid ZIP archive ({err})") from None
        if not members:
            raise Unreadable("archive has no files")
        if len(members) > MAX_ARCHIVE_MEMBERS:
            raise Unreadable(f"archive has too many files ({len(members)}; "
                             f"the limit is {MAX_ARCHIVE_MEMBERS})")
        total = sum(m.file_size for m in members)
        packed = sum(m.compress_size for m in members)
        if total > MAX_ARCHIVE_TOTAL_BYTES or (
                total > 1_000_000 and total > MAX_ARCHIVE_RATIO * max(packed, 1)):
            raise Unreadable(f"archive unpacks to {human_size(total)} from {human_size(packed)}, "
                             f"past the limits ({human_size(MAX_ARCHIVE_TOTAL_BYTES)}, "
                             f"{MAX_ARCHIVE_RATIO} times): refused as a possible ZIP bomb")
        raise_errors, self.raise_errors = self.raise_errors, False
        unpacked = 0
        try:
            for member in sorted(members, key=lambda m: m.filename):
                inner = f"{name}!{member.filename}"
                if member.flag_bits & 0x1:
                    self.problem(inner, "file is encrypted")
                    continue
                if member.file_size > MAX_FILE_BYTES:
                    self.problem(inner, _too_large(member.file_size))
                    continue
                try:
                    with archive.open(member) as f:
                        content = f.read(MAX_FILE_BYTES + 1)   # sizes in the header may lie
                except (zipfile.BadZipFile, OSError, ValueError, EOFError, RuntimeError) as err:
                    self.problem(inner, f"cannot unpack ({err})")
                    continue
                unpacked += len(content)
                if len(content) > MAX_FILE_BYTES:
                    self.problem(inner, _too_large(len(content)))
                    continue
                if unpacked > MAX_ARCHIVE_TOTAL_BYTES:
                    self.problem(name, f"archive unpacks to more than "
                                       f"{human_size(MAX_ARCHIVE_TOTAL_BYTES)}; the rest is not read")
                    break
                self.read_data(content, inner, depth=depth + 1)
        finally:
            self.raise_errors = raise_errors

    def add(self, article: Article) -> None:
        keys = {"id:" + article.id, "text:" + _text_key(article.text)}
        if article.url:
            keys.add("url:" + _url_key(article.url))
        if keys & self._seen:
            LOGGER.info("skipping %s: the same article was read before", article.path)
            return
        self._seen |= keys
        self.articles.append(article)


def walk(folder: Path) -> list[Path]:
    """Files under *folder* sorted by path, without hidden ones or saved pages' ``*_files``."""
    return sorted(_walk_unsorted(folder), key=lambda p: p.relative_to(folder).parts)


def _walk_unsorted(folder: Path):
    for root, dirs, files in os.walk(folder):
        names = set(files)
        dirs[:] = sorted(
            d for d in dirs
            if not d.startswith(".") and d != "__pycache__" and not _is_page_assets(d, names)
        )
        for file in sorted(files):
            if _wanted_file(file):
                yield Path(root) / file


# A folder's or archive's README, LICENSE and the like describe the files; they are no articles.
_NOT_ARTICLES = re.compile(r"(?i)(?:readme|license|licence|copying|changelog|notice|authors)"
                           r"(?:\.[a-z0-9]+)?|thumbs\.db|desktop\.ini")


def _wanted_file(file: str) -> bool:
    return not (file.startswith(".") or file.endswith("~") or _NOT_ARTICLES.fullmatch(file))


def _wanted_member(filename: str) -> bool:
    parts = filename.replace("\\", "/").split("/")
    return not any(p.startswith(".") or p == "__MACOSX" for p in parts if p) and not (
        len(parts) > 1 and _is_page_assets(parts[-2], set())) and _wanted_file(parts[-1])


def _is_page_assets(folder: str, files: set[str]) -> bool:
    """``page_files/``, the images and scripts a browser saves beside ``page.html``."""
    if not folder.endswith("_files"):
        return False
    stem = folder[: -len("_files")]
    return not files or any(f"{stem}{ext}" in files for ext in (".html", ".htm", ".xhtml"))


def _too_large(size: int) -> str:
    return f"file is too large ({human_size(size)}; the limit is {human_size(MAX_FILE_BYTES)})"


def _extension(name: str) -> str:
    base = name.rsplit("!", 1)[-1]
    if _is_url(base):
        base = urlsplit(base).path
    suffix = Path(base).suffix.lower()
    return suffix if re.fullmatch(r"\.[a-z0-9]{1,10}", suffix) else ""


# Assembling an Article from a Record -----------------------------------------

_INVISIBLE = dict.fromkeys(map(ord, "\u00ad\u200b\u2060\ufeff"))  # soft hyphen, zero-width
# A lone UTF-16 surrogate ("\\ud800" in JSON) is no character: it cannot be hashed, stored or exported as UTF-8.
_SURROGATE = re.compile("[\ud800-\udfff]")


def _clean(value: str) -> str:
    """NFC, without the invisible characters web text hides inside words ("Vladi\u00advostok"),
    lone surrogates replaced by U+FFFD."""
    return unicodedata.normalize("NFC", _SURROGATE.sub("\ufffd", value)).translate(_INVISIBLE)


def _assemble(record: Record, name: str) -> Article:
    title = _one_line(_clean(record.title))
    text = _clean(record.text).strip("\n").rstrip()
    if not text.strip():
        raise Unreadable("no text")
    if len(text) > MAX_ARTICLE_CHARS:
        raise Unreadable(f"article is too long ({len(text):,} characters; the limit is {MAX_ARTICLE_CHARS:,}): "
                         "split it into articles")
    if not title:
        title = _title_from(text)
    published = parse_date(record.published) if record.published is not None else None
    published_from = record.published_from if published else None
    source = _one_line(record.source) or None
    dateline = find_dateline(text)
    place = None
    if dateline:
        place = dateline.place
        if dateline.source and not source:
            source = dateline.source
        if published is None and dateline.date:
            day = dateline_date(dateline.date)
            if day is not None:
                published, published_from = day, "dateline"
    if published is None:
        published = _infer_anchor(text)
        published_from = "text" if published else None
    return Article(
        id=article_id(title, text),
        title=title,
        text=text,
        published=published,
        source=source,
        url=_one_line(record.url) or None,
        path=name,
        published_from=published_from,
        dateline_place=place,
        author=_one_line(record.author) or None,
    )


def article_id(title: str, text: str) -> str:
    """First 16 hex digits of sha256(title + "\\n" + text)."""
    return hashlib.sha256(f"{title}\n{text}".encode()).hexdigest()[:16]


def _infer_anchor(text: str) -> datetime.date | None:
    try:
        from timeline.temporal import infer_anchor
    except ImportError:
        return None
    day = infer_anchor(text)
    return day if isinstance(day, datetime.date) else None


def _one_line(value) -> str:
    if value is None:
        return ""
    return _SURROGATE.sub("\ufffd", re.sub(r"\s+", " ", str(value)).strip())


def _title_from(text: str, limit: int = 80) -> str:
    line = _one_line(text.strip().split("\n", 1)[0])
    if len(line) <= limit:
        return line
    cut = line[:limit].rsplit(" ", 1)[0]
    return cut + "…"


def _has_title_line(text: str) -> bool:
    first, _, rest = text.strip().partition("\n")
    return bool(rest.strip()) and looks_like_title(first)


def _text_key(text: str) -> str:
    return hashlib.sha256(" ".join(text.split()).encode("utf-8")).hexdigest()[:16]


def _url_key(url: str) -> str:
    parts = urlsplit(url.strip())
    query = urlencode([(k, v) for k, v in parse_qsl(parts.query) if not k.lower().startswith("utm_")])
    path = parts.path.rstrip("/") or "/"
    return urlunsplit((parts.scheme.lower(), parts.netloc.lower(), path, query, ""))
