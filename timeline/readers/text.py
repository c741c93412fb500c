"""Plain text and Markdown: title line, header lines, body; and news datelines.

    Kim and Putin meet on Russky Island          <- title (first non-empty line; "# " dropped)
    Published: 2019-04-25                        <- optional header lines, up to a blank line
    Source: Timeline Sample Desk                    (Published/Date, Source/Publisher,
    URL: https://example.org/samples/...             URL/Link, Author/By, Title)

    VLADIVOSTOK, April 25 - North Korean ...     <- body, dateline included

Markdown YAML front matter (``---`` ... ``---``) is read the same way. A file
of one line is both title and body, so a one-sentence note still has text. A
file whose first line reads as body, not headline (it opens with a dateline,
ends with a full stop or runs past 200 characters, and no header line follows)
is all body; the title is then made from its start.
"""
from __future__ import annotations

import datetime
import re
from dataclasses import dataclass

from timeline.readers.base import Record, Unreadable

HEADER_KEYS = {
    "published": "published", "date": "published", "pubdate": "published",
    "publication date": "published", "published on": "published", "dated": "published",
    "source": "source", "publisher": "source", "outlet": "source", "agency": "source",
    "url": "url", "link": "url", "address": "url",
    "author": "author", "authors": "author", "by": "author", "byline": "author",
    "title": "title", "headline": "title",
}
_HEADER = re.compile(r"[*_]*(?P<key>[A-Za-z][A-Za-z ]{0,20}?)[*_]*\s*:[*_]*(?P<value>.*)")
_SETEXT = re.compile(r"=+|-+")


def read_text(text: str) -> Record:
    """One article from the text of a .txt or .md file (already decoded)."""
    lines = text.split("\n")
    record = Record(published_from="header")
    i = _front_matter(lines, record)
    while i < len(lines) and not lines[i].strip():
        i += 1
    if i == len(lines):
        raise Unreadable("file is empty")
    if not record.title:
        first = lines[i].strip()
        after = lines[i + 1].strip() if i + 1 < len(lines) else ""
        m = _HEADER.fullmatch(first)
        if m and HEADER_KEYS.get(m["key"].lower()) == "title":
            first = m["value"]
        elif not (first.startswith("#") or _header_field(after) or _SETEXT.fullmatch(after)
                  or looks_like_title(first)):
            # The file starts with its body ("MOSCOW, Sept 11 (Reuters) - ..."):
            # keep it all as text; the caller makes a title from its start.
            record.text = "\n".join(lines[i:]).strip("\n").rstrip()
            return record
        record.title = _clean_title(first)
        i += 1
        if i < len(lines) and lines[i].strip() and _SETEXT.fullmatch(lines[i].strip()):
            i += 1                                  # Markdown "Title\n====="
    while i < len(lines) and lines[i].strip():      # header lines, up to a blank line
        field = _header_field(lines[i])
        if not field:
            break
        _set(record, field, _HEADER.fullmatch(lines[i].strip())["value"])
        i += 1
    body = "\n".join(lines[i:]).strip("\n").rstrip()
    record.text = body if body.strip() else record.title
    return record


def looks_like_title(line: str) -> bool:
    """A headline, not the first sentence of a body: short, no closing full stop, no dateline."""
    line = line.strip()
    return (0 < len(line) <= 200 and not line.endswith((".", ",", ";", ":"))
            and find_dateline(line) is None)


def _header_field(line: str) -> str | None:
    m = _HEADER.fullmatch(line.strip())
    return HEADER_KEYS.get(m["key"].strip().lower()) if m else None


def _front_matter(lines: list[str], record: Record) -> int:
    if not lines or lines[0].strip() != "---":
        return 0
    for end in range(1, min(len(lines), 60)):
        if lines[end].strip() in ("---", "..."):
            break
    else:
        return 0
    for line in lines[1:end]:
        key, sep, value = line.partition(":")
        field = sep and HEADER_KEYS.get(key.strip().lower())
        if field:
            _set(record, field, value.strip().strip("\"'"))
    return end + 1


def _set(record: Record, field: str, value: str) -> None:
    value = value.strip()
    if not value or getattr(record, field):
        return
    if field == "title":
        value = _clean_title(value)
    setattr(record, field, value)


def _clean_title(line: str) -> str:
    line = line.strip()
    if line.startswith("#"):
        line = line.lstrip("#").strip().rstrip("#").strip()
    return line


# Datelines -----------------------------------------------------------------

_MONTH = (r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
          r"|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?")
_U, _L = "A-ZÀ-ÖØ-ÞА-ЯЁ", "a-zß-öø-ÿа-яё"                                 # upper, lower case
# Words never hold the "-" or " " that joins them, so a match has one way to split a
# place into words and the regex cannot backtrack exponentially ("AA-AA-AA-...").
_CAPS = rf"[{_U}][{_U}'’.]*(?:[ \-/][{_U}][{_U}'’.]*)*"                         # MOSCOW, NEW YORK, BAGHDAD/DUBAI
_TITLED = rf"[{_U}][{_L}'’.]+(?:[ \-][{_U}][{_L}'’.]+)*"                         # Russia, South Korea
_REGION = rf"(?:,\s*(?!{_MONTH}\s)(?:{_TITLED}|{_CAPS}))?"
_DATE = (rf"(?:{_MONTH}\s+\d{{1,2}}(?:,?\s+\d{{4}})?|\d{{1,2}}\s+{_MONTH}(?:,?\s+\d{{4}})?"
         r"|\d{4}-\d{2}-\d{2})")
_SOURCE = r"\((?P<source>[A-Z][^()\n]{0,40})\)"
_DASH = r"\s*(?:--?|–|—)(?:\s|$)"
DATELINE = re.compile(
    rf"(?:(?P<caps>{_CAPS}{_REGION})(?:,\s*(?P<date>{_DATE}))?(?:\s*{_SOURCE})?"
    rf"|(?P<titled>{_TITLED}{_REGION})(?:,\s*(?P<date2>{_DATE}))?\s*\((?P<source2>[A-Z][^()\n]{{0,40}})\))"
    rf"(?:{_DASH}|(?:(?<=\))|(?<=\d))\s*:(?:\s|$))"  # or a colon after a date or an agency: "MOSCOW, March 20 (Xinhua):"
)
_BYLINE = re.compile(r"By [A-Z][\w.'’\-]+(?: (?:[A-Z][\w.'’\-]+|and|&|de|van|von|al))*\s*\n+")


@dataclass(slots=True)
class Dateline:
    place: str
    date: str | None          # as written: "Sept 11", "April 25, 2019"
    source: str | None
    start: int                # offsets of the dateline in the text
    end: int


_MONTHS = {m: i for i, names in enumerate(
    ["jan january", "feb february", "mar march", "apr april", "may", "jun june", "jul july",
     "aug august", "sep sept september", "oct october", "nov november", "dec december"], 1)
    for m in names.split()}


def dateline_date(written: str) -> datetime.date | None:
    """The full date of a dateline ("Sept. 11, 2023", "11 September 2023"); None without a year."""
    m = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", written)
    if m:
        year, month, day = int(m[1]), int(m[2]), int(m[3])
    else:
        words = re.findall(r"[A-Za-z]+|\d+", written)
        month = next((_MONTHS.get(w.lower()) for w in words if w.isalpha()), None)
        numbers = [int(w) for w in words if w.isdigit()]
        years = [n for n in numbers if n >= 1000]
        days = [n for n in numbers if n < 100]
        if not (month and years and days):
            return None
        year, day = years[0], days[0]
    try:
        return datetime.date(year, month, day)
    except ValueError:
        return None


def find_dateline(text: str) -> Dateline | None:
    """The dateline opening *text* ("MOSCOW, Sept 11 (Reuters) -"), after an optional byline."""
    start = len(text) - len(text.lstrip())
    m = _BYLINE.match(text, start)
    if m:
        start = m.end()
    m = DATELINE.match(text[: start + 200], start)   # a dateline is short: never scan more
    if not m:
        return None
    place = m["caps"] or m["titled"]
    if len(place) > 60 or (m["caps"] and not m["date"] and not m["source"] and len(place) < 3):
        return None
    return Dateline(
        place=re.sub(r"\s+", " ", place.strip()),
        date=m["date"] or m["date2"],
        source=(m["source"] or m["source2"] or "").strip() or None,
        start=m.start(),
        end=m.end(),
    )
