"""Readers: the content of one input (decoded text; bytes for feeds) -> raw records, one per article.

Each module reads one family of formats and knows nothing of files, folders,
URLs or ids; ``timeline.articles`` finds the inputs, picks the reader and
assembles :class:`timeline.articles.Article` objects from the records.
A reader that cannot read its input raises :class:`Unreadable` with the
problem alone ("file is empty"); the caller adds the input's name.
"""
from timeline.readers.base import Record, Unreadable

__all__ = ["Record", "Unreadable"]
