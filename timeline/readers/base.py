"""What every reader shares: the raw record, the problem exception, the limits."""
from __future__ import annotations

import datetime
from dataclasses import dataclass

# Limits (issue #9). Inputs past them are refused with a message, never read
# half-way: a hostile or accidental input costs at most these amounts.
MAX_FILE_BYTES = 20 * 1000 * 1000        # one file, one upload, one archive member, one download
MAX_ARCHIVE_TOTAL_BYTES = 200 * 1000 * 1000   # all members of one ZIP, uncompressed
MAX_ARCHIVE_RATIO = 100                  # uncompressed / compressed size, per member and overall
MAX_ARCHIVE_MEMBERS = 10_000             # files in one ZIP
MAX_ARCHIVE_DEPTH = 2                    # a ZIP inside a ZIP inside a ZIP is refused
MAX_RECORDS = 100_000                    # articles in one JSON/CSV/feed input
MAX_ARTICLE_CHARS = 1_000_000            # one article's text: ten times the longest long-form story


def human_size(size: int) -> str:
    """``20 MB``, ``5.0 kB``, ``12 bytes``: sizes in messages."""
    if size >= 1_000_000:
        return f"{size / 1e6:.1f} MB".replace(".0 MB", " MB")
    if size >= 1000:
        return f"{size / 1e3:.1f} kB".replace(".0 kB", " kB")
    return f"{size} bytes"


class Unreadable(Exception):
    """The input cannot be read; ``str(err)`` is the problem, without the name."""


@dataclass(slots=True)
class Record:
    """One article as a reader found it, before dates, datelines and ids are worked out.

    ``published`` is what the input said (a string in any format, or a date);
    ``published_from`` says where it came from ("header" or "metadata").
    """

    title: str = ""
    text: str = ""
    published: str | datetime.date | None = None
    published_from: str | None = None
    source: str | None = None
    url: str | None = None
    author: str | None = None
    where: str | None = None        # "record 3", "line 7", "entry 2": for messages
