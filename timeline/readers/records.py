"""JSON, JSON Lines and CSV: one record (object or row) per article.

Fields are found by their common names, compared without case, "_" or "-"
(so ``publishedAt``, ``published_at`` and ``Published-At`` are one name):

    title   title, headline (or headline.main), webTitle, name
    text    text, body, content, article, articleBody, bodyText, fullText, story,
            maintext; else description, summary, abstract, lead_paragraph, snippet
    date    date, published, publishedAt, pubDate, datePublished, pub_date,
            webPublicationDate, publicationDate, created_at, seendate, time, timestamp
    url     url, link, webUrl, web_url, href, canonical_url, uri
    source  source (or source.name), publisher, source_name, outlet, site_name, sitename, domain
    author  author, authors, byline (or byline.original), creator, writer

A ``columns`` mapping names others: ``{"text": "Story", "published": "Date"}``.
Nested ``fields``/``_source`` objects (Guardian, Elasticsearch) are merged in.
JSON may be a list of objects, an object holding such a list (under
articles, items, results, data, docs, entries, hits, ...), or one object.
"""
from __future__ import annotations

import csv
import io
import json
import re

from timeline.readers.base import MAX_RECORDS, Record, Unreadable

FIELD_NAMES = {
    "title": ("title", "headline", "webtitle", "name", "heading"),
    "text": ("text", "body", "content", "article", "articlebody", "bodytext", "fulltext",
             "story", "maintext", "articletext", "bodycontent", "contenttext", "contenthtml"),
    "summary": ("description", "summary", "abstract", "leadparagraph", "snippet", "lede",
                "standfirst", "excerpt"),
    "published": ("date", "published", "publishedat", "pubdate", "datepublished",
                  "publicationdate", "webpublicationdate", "datepublish", "publishdate",
                  "publisheddate", "createdat", "created", "seendate", "time", "timestamp",
                  "datetime", "releasedate", "datemodified", "updated"),
    "url": ("url", "link", "weburl", "href", "canonicalurl", "articleurl", "permalink", "uri"),
    "source": ("source", "publisher", "sourcename", "outlet", "sitename", "site", "domain",
               "provider", "newspaper", "publication", "agency", "media"),
    "author": ("author", "authors", "byline", "creator", "writer", "by"),
}
TEXT_NAMES_SHOWN = "text, body, content, article, articleBody, description, summary"
_CONTAINER_KEYS = ("articles", "items", "results", "data", "docs", "documents", "entries",
                   "hits", "news", "posts", "stories", "records", "value", "response", "rows")
_TRUNCATED = re.compile(r"\s*(?:…|\.\.\.)?\s*\[\+\d+ chars\]\s*$")   # NewsAPI's cut-off marker


COLUMN_FIELDS = ("title", "text", "published", "url", "source", "author")


def check_columns(columns) -> dict | None:
    """*columns* as given, if it maps article fields to names; ValueError if not."""
    if columns is None:
        return None
    if not isinstance(columns, dict) or not all(isinstance(v, str) for v in columns.values()):
        raise TypeError("columns must map article fields to column names, e.g. {'text': 'Story'}")
    unknown = sorted(set(columns) - set(COLUMN_FIELDS))
    if unknown:
        raise ValueError(f"columns: unknown field {', '.join(map(repr, unknown))} "
                         f"(fields: {', '.join(COLUMN_FIELDS)})")
    return columns


def key(name) -> str:
    return re.sub(r"[\s_\-]", "", str(name)).lower()


# JSON ------------------------------------------------------------------------

def read_json(data: str, columns: dict | None = None) -> list[Record]:
    try:
        value = json.loads(data)
    except json.JSONDecodeError as err:
        raise Unreadable(f"malformed JSON at line {err.lineno}: {err.msg}") from None
    except RecursionError:
        raise Unreadable("malformed JSON: nested too deeply") from None
    objects = _find_objects(value, columns)
    if objects is None and isinstance(value, dict):
        objects = [value]                         # one article, under names we do not know
    if objects is None:
        raise Unreadable("no articles in the JSON (expected a list of objects, an object "
                         "with an 'articles' list, or one article object)")
    return _records(objects, columns, "record")


def read_jsonl(data: str, columns: dict | None = None) -> list[Record]:
    objects = []
    for number, line in enumerate(data.split("\n"), 1):
        if not line.strip():
            continue
        try:
            value = json.loads(line)
        except json.JSONDecodeError as err:
            raise Unreadable(f"malformed JSON at line {number}: {err.msg}") from None
        if not isinstance(value, dict):
            raise Unreadable(f"line {number} is not a JSON object")
        objects.append((f"line {number}", value))
    if not objects:
        raise Unreadable("file is empty")
    return _records(objects, columns, None)


def looks_like_jsonl(data: str) -> bool:
    lines = [line for line in data.split("\n", 20)[:20] if line.strip()]
    if len(lines) < 2:
        return False
    try:
        return all(isinstance(json.loads(line), dict) for line in lines[:2])
    except json.JSONDecodeError:
        return False


def _find_objects(value, columns=None, depth: int = 0):
    if isinstance(value, list):
        if value and all(isinstance(v, dict) for v in value):
            return value
        if not value:
            return []
        return None
    if not isinstance(value, dict) or depth > 3:
        return None
    keys = {key(k): k for k in value}
    for name in _CONTAINER_KEYS:
        if name in keys:
            found = _find_objects(value[keys[name]], columns, depth + 1)
            if found is not None:
                return found
    flat = _flatten(value)
    if depth == 0 and (_field(flat, "text", columns) or _field(flat, "summary", None)):
        return [value]
    return None


def _records(objects, columns, label) -> list[Record]:
    if len(objects) > MAX_RECORDS:
        raise Unreadable(f"too many records ({len(objects)}; the limit is {MAX_RECORDS})")
    if not objects:
        raise Unreadable("no articles in the JSON (the list is empty)")
    records = []
    for number, item in enumerate(objects, 1):
        where, obj = item if isinstance(item, tuple) else (f"{label} {number}", item)
        records.append(_record(_flatten(obj), columns, where))
    if not any(r.text for r in records):
        found = ", ".join(dict.fromkeys(str(k) for _, o in _pairs(objects) for k in o))[:200]
        raise Unreadable(f"no text field (looked for {TEXT_NAMES_SHOWN}, ...; found {found})")
    return records


def _pairs(objects):
    for item in objects:
        yield item if isinstance(item, tuple) else (None, item)


def _flatten(obj: dict) -> dict:
    """Merge nested ``fields``/``_source``/``attributes`` objects into the top level."""
    flat = dict(obj)
    for name in ("_source", "fields", "attributes", "properties", "metadata", "meta"):
        inner = flat.get(name)
        if isinstance(inner, dict):
            for k, v in inner.items():
                flat.setdefault(k, v)
    return flat


def _field(obj: dict, field: str, columns: dict | None):
    if columns and field in columns:
        wanted = key(columns[field])
        for k, v in obj.items():
            if key(k) == wanted:
                return _scalar(v, field)
        return None
    keys = {}
    for k in obj:
        keys.setdefault(key(k), k)
    for name in FIELD_NAMES[field]:
        if name in keys:
            value = _scalar(obj[keys[name]], field)
            if value not in (None, ""):
                return value
    return None


def _scalar(value, field):
    """Text from a value that may be nested: {"name": ...}, {"main": ...}, a list of authors."""
    if isinstance(value, dict):
        for k in ("name", "main", "original", "value", "text", "title", "href", "url"):
            if isinstance(value.get(k), str):
                return value[k]
        return None
    if isinstance(value, list):
        parts = [_scalar(v, field) for v in value]
        parts = [p for p in parts if isinstance(p, str) and p.strip()]
        if not parts:
            return None
        return "; ".join(parts) if field in ("author", "source") else "\n\n".join(parts)
    if isinstance(value, bool):
        return None
    if isinstance(value, (int, float)):
        return value if field == "published" else str(value)
    return value


def _record(obj: dict, columns: dict | None, where: str) -> Record:
    """The record of *obj*; its text is "" when it has none (the caller reports that)."""
    text = _field(obj, "text", columns)
    if not isinstance(text, str) or not text.strip():
        text = None if (columns and "text" in columns) else _field(obj, "summary", None)
    if not isinstance(text, str) or not text.strip() or text.strip() == "[Removed]":
        text = ""                                  # NewsAPI's "[Removed]" stubs have no text
    if text.endswith("chars]"):
        text = text[:-200] + _TRUNCATED.sub("", text[-200:])
    if "<" in text and re.search(r"</?(?:p|br|div|span|a|em|strong|b|i)\b[^<>]{0,300}>", text, re.I):
        from timeline.readers.markup import html_to_text

        text = html_to_text(text)
    values = {f: _field(obj, f, columns) for f in ("title", "published", "url", "source", "author")}
    return Record(
        title=_str(values["title"]),
        text=text,
        published=values["published"],
        published_from="metadata",
        source=_str(values["source"]) or None,
        url=_str(values["url"]) or None,
        author=_str(values["author"]) or None,
        where=where,
    )


def _str(value) -> str:
    return value.strip() if isinstance(value, str) else ""


# CSV -------------------------------------------------------------------------

def read_csv(data: str, columns: dict | None = None, delimiter: str | None = None) -> list[Record]:
    delimiter = delimiter or _sniff_delimiter(data)
    csv.field_size_limit(max(csv.field_size_limit(), 50_000_000))
    reader = csv.reader(io.StringIO(data, newline=""), delimiter=delimiter)
    try:
        header = next(reader, None)
        if not header or not any(h.strip() for h in header):
            raise Unreadable("file is empty")
        header = [h.strip().lstrip("\ufeff") for h in header]
        probe = dict.fromkeys(header, "x")
        if columns:
            missing = [f"{f}={c!r}" for f, c in columns.items()
                       if key(c) not in {key(h) for h in header}]
            if missing:
                raise Unreadable(f"no column {', '.join(missing)} (columns: {', '.join(header)})")
        if _field(probe, "text", columns) is None and _field(probe, "summary", columns) is None:
            raise Unreadable(f"no text column (looked for {TEXT_NAMES_SHOWN}, ...; "
                             f"found {', '.join(header)}; name it with columns={{'text': ...}})")
        objects = []
        for row in reader:
            if not any(cell.strip() for cell in row):
                continue
            if len(objects) >= MAX_RECORDS:
                raise Unreadable(f"too many rows (the limit is {MAX_RECORDS})")
            objects.append((f"line {reader.line_num}", dict(zip(header, row))))
    except csv.Error as err:
        raise Unreadable(f"malformed CSV at line {reader.line_num}: {err}") from None
    if not objects:
        raise Unreadable("no rows under the header")
    records = [_record(obj, columns, where) for where, obj in objects]
    if not any(r.text for r in records):
        raise Unreadable("every row has an empty text column")
    return records


def _sniff_delimiter(data: str) -> str:
    first = data.split("\n", 1)[0]
    counts = {d: first.count(d) for d in (",", ";", "\t", "|")}
    best = max(counts, key=counts.get)
    return best if counts[best] else ","


def looks_like_csv(data: str) -> bool:
    """A header line naming a text field, split by a delimiter."""
    first = data.lstrip("\ufeff").split("\n", 1)[0]
    delimiter = _sniff_delimiter(first)
    if delimiter not in first:
        return False
    names = {key(h.strip().strip('"')) for h in first.split(delimiter)}
    return bool(names & set(FIELD_NAMES["text"] + FIELD_NAMES["summary"]))
