"""RSS and Atom feeds, read from bytes by feedparser (it never fetches anything here).

Each entry is an article: its full content when the feed has it, else its
summary, else (a feed of headlines) its title; the feed's title is the
source unless the entry names its own.
XML entity expansion ("billion laughs") is stopped by expat's amplification
limit, and feedparser is never handed a URL.
"""
from __future__ import annotations

import io

from timeline.readers.base import MAX_RECORDS, Record, Unreadable
from timeline.readers.markup import html_to_text


def read_feed(data: bytes) -> list[Record]:
    import feedparser

    try:
        parsed = feedparser.parse(io.BytesIO(data), sanitize_html=True, resolve_relative_uris=False)
    except (ValueError, RecursionError, MemoryError) as err:
        raise Unreadable(f"not an RSS or Atom feed ({err})") from None
    entries = parsed.get("entries") or []
    if not entries:
        if not parsed.get("version"):
            problem = parsed.get("bozo_exception")
            detail = f" ({_first_line(problem)})" if problem else ""
            raise Unreadable(f"not an RSS or Atom feed{detail}")
        raise Unreadable("feed has no entries")
    if len(entries) > MAX_RECORDS:
        raise Unreadable(f"too many entries ({len(entries)}; the limit is {MAX_RECORDS})")
    channel = parsed.get("feed", {})
    feed_title = channel.get("title") or None
    records = []
    for number, entry in enumerate(entries, 1):
        source = (entry.get("source") or {}).get("title") or feed_title
        title = html_to_text(entry.get("title") or "")
        records.append(Record(
            title=title,
            text=_entry_text(entry) or title,
            published=entry.get("published") or entry.get("updated") or entry.get("created"),
            published_from="metadata",
            source=source,
            url=entry.get("link") or None,
            author=entry.get("author") or None,
            where=f"entry {number}",
        ))
    return records


def _entry_text(entry) -> str:
    contents = [c.get("value", "") for c in entry.get("content") or []]
    for html in contents + [entry.get("summary") or "", entry.get("description") or ""]:
        text = html_to_text(html)
        if text:
            return text
    return ""


def _first_line(err) -> str:
    return str(getattr(err, "getMessage", lambda: err)()).split("\n", 1)[0]
