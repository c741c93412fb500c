"""Saved web pages: trafilatura finds the main text (no navigation, no adverts) and metadata.

Dates come only from the page's markup (meta tags, JSON-LD, <time>), never
guessed from its running text: that is the temporal tagger's job, and
``published_from`` must say "metadata" only for metadata.
"""
from __future__ import annotations

import re

from timeline.readers.base import Record, Unreadable

_DATE_PARAMS = {"extensive_search": False, "original_date": True}
_META_CHARSET = re.compile(rb"""<meta[^<>]{0,300}?charset\s*=\s*["']?\s*([\w.:-]+)""", re.I)


_SAVED_FROM = re.compile(r"<!--\s*saved from url=\(\d+\)(https?://[^\s>]+?)\s*-->", re.I)


def saved_from(html: str) -> str | None:
    """The address a browser noted when it saved the page (``<!-- saved from url=(0042)... -->``)."""
    m = _SAVED_FROM.search(html[:2048])
    return m[1] if m else None


def meta_charset(data: bytes) -> str | None:
    """The charset a page declares in its first 4 kB (``<meta charset="...">``)."""
    m = _META_CHARSET.search(data[:4096])
    return m[1].decode("ascii") if m else None


_LEADING_COMMENTS = re.compile(r"\A\s*(<!doctype[^>]*>)?\s*(?:<!--.*?-->\s*)+", re.I | re.S)


def read_html(text: str, url: str | None = None) -> Record:
    import trafilatura

    # trafilatura takes a page that opens with a comment ("<!-- saved from url=... -->",
    # as browsers write) for an empty tree.
    text = _LEADING_COMMENTS.sub(lambda m: m[1] or "", text, count=1)

    try:
        doc = trafilatura.bare_extraction(
            text, url=url, with_metadata=True, include_comments=False, include_tables=False,
            include_images=False, favor_recall=True, date_extraction_params=_DATE_PARAMS,
        )
    except (ValueError, TypeError, RecursionError) as err:   # trafilatura rejects some trees
        raise Unreadable(f"cannot read the HTML page ({err})") from None
    if doc is None or not (doc.text or "").strip():
        raise Unreadable("no article text found in the HTML page")
    title = (doc.title or "").strip()
    text = _paragraphs(doc.text)
    first, _, rest = text.partition("\n\n")
    if rest and " ".join(first.split()).casefold() == " ".join(title.split()).casefold():
        text = rest                                 # the page's <h1> repeats the title
    return Record(
        title=title,
        text=text,
        published=doc.date,
        published_from="metadata",
        source=doc.sitename or None,
        url=doc.url or None,
        author=doc.author or None,
    )


def _paragraphs(text: str) -> str:
    """trafilatura ends each paragraph with one newline; articles keep a blank line between."""
    lines = [line.strip() for line in text.split("\n")]
    return re.sub(r"\n{3,}", "\n\n", "\n\n".join(line for line in lines if line)).strip()
