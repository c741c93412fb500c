"""timeline: news articles in, dated, located, sourced diplomatic events out.

    import timeline
    articles = timeline.read_articles("data/articles")
    frame = timeline.parse(articles)          # one row per merged event
    frame = timeline.parse_text(text, published=datetime.date(2023, 9, 11))

The columns of the frame are ``timeline.schema.EVENT_COLUMNS``.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import importlib
import logging
from collections.abc import Iterable
from typing import TYPE_CHECKING

from .articles import Article, read_articles
from .errors import ArticleError, SettingValidationError, TimelineError

if TYPE_CHECKING:  # pandas loads on first use, so `import timeline.temporal` stays light
    import pandas as pd

__all__ = [
    "Article", "ArticleError", "Filters", "SettingValidationError", "TimelineError", "export", "filters",
    "gazetteer", "mentions", "parse", "parse_text", "read_articles", "schema", "temporal",
]
__version__ = "0.1.0"
LOGGER = logging.getLogger(__name__)
_LAZY = ("temporal", "gazetteer", "export", "store", "charts", "events", "merge", "sentences", "cli", "filters",
         "schema", "geo", "distributed")


def __getattr__(name):
    # submodules (and pandas behind them) load on first use, so `import timeline` stays cheap
    if name in _LAZY:
        return importlib.import_module(f".{name}", __name__)
    if name == "Filters":
        return importlib.import_module(".filters", __name__).Filters
    raise AttributeError(f"module 'timeline' has no attribute {name!r}")


def _as_date(value) -> dt.date | None:
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if type(value).__name__ == "Timestamp":  # pandas
        return None if value != value else value.date()
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value.strip()[:10])
        except ValueError:
            raise SettingValidationError(f"published: {value!r} is not a date (YYYY-MM-DD)") from None
    raise TypeError(f"published must be a date, a datetime or an ISO string, not {type(value).__name__}")


def mentions(articles: Iterable[Article], gazetteer=None) -> pd.DataFrame:
    """Unmerged event mentions of the articles, one row per trigger, EVENT_COLUMNS.

    ``gazetteer``: a gazetteer with the user's own actors and places (``timeline.gazetteer.load(custom_csv=...)``)
    instead of the default one."""
    from . import schema
    from .events import extract

    rows = []
    for article in articles:
        if not isinstance(article, Article):
            raise TypeError(f"parse() takes Article objects, not {type(article).__name__}")
        rows.extend(extract(article, gazetteer))
    return schema.to_frame(rows)


def parse(articles: Iterable[Article] | Article) -> pd.DataFrame:
    """One row per event, mentions of the same event merged within and across articles."""
    from .merge import merge

    if isinstance(articles, Article):
        articles = [articles]
    return merge(mentions(articles))


def parse_text(text: str, published=None, title: str | None = None) -> pd.DataFrame:
    """Events of one text; ``published`` (date or 'YYYY-MM-DD') anchors relative dates."""
    if not isinstance(text, str):
        raise TypeError(f"text must be str, not {type(text).__name__}")
    digest = hashlib.sha256(f"{title or ''}\n{text}".encode()).hexdigest()[:16]
    article = Article(digest, title or "", text, published=_as_date(published))
    return parse([article])
