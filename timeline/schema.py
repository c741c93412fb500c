"""The event table: its columns, their types and vocabularies, defined once.

Every stage that makes or reads event rows goes through this module:
``to_frame(events)`` builds a frame, ``empty_frame()`` gives one with no rows,
and ``check_frame(frame)`` says which column is missing or of the wrong type.
"""
from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Iterable
from operator import attrgetter

import numpy as np
import pandas as pd

from .errors import TimelineError

# Readable event type -> PLOVER root category (POLECAT/GDELT-style coding).
EVENT_TYPES: dict[str, str] = {
    "visit": "CONSULT",
    "summit": "CONSULT",
    "meeting": "CONSULT",
    "talks": "CONSULT",
    "phone call": "CONSULT",
    "forum": "CONSULT",
    "invitation": "CONSULT",
    "statement": "OTHER",
    "agreement": "AGREE",
    "cooperation": "COOPERATE",
    "aid": "AID",
    "criticism": "ACCUSE",
    "accusation": "ACCUSE",
    "demand": "REQUEST",
    "threat": "THREATEN",
    "rejection": "REJECT",
    "sanction": "SANCTION",
    "expulsion": "REDUCE",
    "military action": "ASSAULT",
    "mobilization": "MOBILIZE",
    "military exercise": "MOBILIZE",
    "weapons test": "MOBILIZE",
    "protest": "PROTEST",
    "election": "OTHER",
    "leadership change": "OTHER",
    "court ruling": "OTHER",
}
STATUSES = ("occurred", "planned", "possible", "denied")
DATE_PRECISIONS = ("day", "week", "month", "season", "quarter", "half", "year", "decade", "century")
GEO_PRECISIONS = ("city", "region", "country")

_TEXT = "str"  # pandas' string dtype; a missing value is NaN, as in every other column
_DATE = "datetime64[s]"  # second resolution: any year from 1000 to 2200 fits (ns stops at 1677)

# column -> (dtype, meaning). README.md explains each of these; a test keeps the two in step.
COLUMNS: dict[str, tuple[str, str]] = {
    "event_id": (_TEXT, "stable id: the same event from the same text gets the same id on every run"),
    "date_start": (_DATE, "first day the event may fall on"),
    "date_end": (_DATE, "last day the event may fall on (a year-precision event spans the year)"),
    "date_precision": (_TEXT, "day, week, month, season, quarter, half, year, decade or century"),
    "date_text": (_TEXT, "the words the date came from, as written"),
    "status": (_TEXT, "occurred, planned, possible or denied"),
    "event_type": (_TEXT, "readable label: visit, summit, meeting, talks, statement ..."),
    "plover": (_TEXT, "PLOVER root category of the event type"),
    "actor1": (_TEXT, "canonical name of who acts"),
    "actor2": (_TEXT, "canonical name of who is acted on"),
    "actors": (_TEXT, "every canonical actor in the event, '; '-joined"),
    "actor1_country": (_TEXT, "ISO 3166 alpha-3 code of actor1's state"),
    "actor2_country": (_TEXT, "ISO 3166 alpha-3 code of actor2's state"),
    "location": (_TEXT, "canonical place of the event"),
    "country": (_TEXT, "ISO 3166 alpha-3 code of the place"),
    "lat": ("float64", "latitude of the place"),
    "lon": ("float64", "longitude of the place"),
    "geo_precision": (_TEXT, "whether lat/lon are of a city, a region or a country"),
    "reported_by": (_TEXT, "who reports the event (an agency, 'South Korean media'), kept apart from the actors"),
    "trigger": (_TEXT, "the words that name the event, as written"),
    "sentence": (_TEXT, "the evidence sentence, verbatim"),
    "sentence_start": ("int64", "character offset of the sentence in the article text"),
    "spans": (_TEXT, "JSON: field -> [start, end] character spans inside the sentence"),
    "article_id": (_TEXT, "id of the article the evidence sentence comes from"),
    "article_ids": (_TEXT, "every article reporting the event, '; '-joined"),
    "title": (_TEXT, "title of that article"),
    "source": (_TEXT, "outlet of that article"),
    "url": (_TEXT, "address of that article"),
    "published": (_DATE, "publication date of that article"),
    "sources": ("int64", "how many articles report this event after merging"),
    "confidence": ("float64", "0..1, how sure the extractor is"),
}
EVENT_COLUMNS: tuple[str, ...] = tuple(COLUMNS)
DTYPES: dict[str, str] = {name: dtype for name, (dtype, _) in COLUMNS.items()}


@dataclasses.dataclass(slots=True)
class Event:
    """One event row, before merging. Field meanings: ``COLUMNS``."""

    date_start: dt.date | None
    date_end: dt.date | None
    date_precision: str | None
    date_text: str | None
    status: str
    event_type: str
    plover: str
    actor1: str | None
    actor2: str | None
    actors: str | None
    actor1_country: str | None
    actor2_country: str | None
    location: str | None
    country: str | None
    lat: float | None
    lon: float | None
    geo_precision: str | None
    reported_by: str | None
    trigger: str
    sentence: str
    sentence_start: int
    spans: str
    article_id: str
    article_ids: str
    title: str | None
    source: str | None
    url: str | None
    published: dt.date | None
    sources: int = 1
    confidence: float = 0.5
    event_id: str = ""


_FIELDS = tuple(f.name for f in dataclasses.fields(Event))


class SchemaError(TimelineError):
    """A frame does not have the event table's columns and types."""


def empty_frame() -> pd.DataFrame:
    """A frame with every event column, its dtype, and no rows."""
    return pd.DataFrame({name: pd.Series([], dtype=dtype) for name, dtype in DTYPES.items()})


def to_frame(rows: Iterable[Event | dict]) -> pd.DataFrame:
    """Event rows (dataclasses or dicts) -> a frame with exactly EVENT_COLUMNS, typed."""
    # A shallow read of the fields: dataclasses.asdict deep-copies every value, and took a quarter of the
    # extraction time; the fields are plain values, so nothing is shared that could change.
    rows = list(rows)
    if not rows:
        return empty_frame()
    if all(isinstance(r, Event) for r in rows):  # column by column: no dict per row
        return conform(pd.DataFrame({f: list(map(attrgetter(f), rows)) for f in _FIELDS}))
    records = [{f: getattr(r, f) for f in _FIELDS} if isinstance(r, Event) else dict(r) for r in rows]
    return conform(pd.DataFrame.from_records(records))


def conform(frame: pd.DataFrame) -> pd.DataFrame:
    """Cast a frame that has the event columns to their dtypes, in column order."""
    missing = [c for c in EVENT_COLUMNS if c not in frame.columns]
    if missing:
        raise SchemaError(f"missing column: {missing[0]!r}")
    out = {}
    for name, dtype in DTYPES.items():
        col = frame[name]
        if dtype == _DATE:
            col = pd.to_datetime(col, errors="coerce").astype(_DATE)
        elif dtype == _TEXT:
            col = col.astype(_TEXT)  # None and pd.NA become NaN; an empty text is missing too
            col = col.where(col != "", np.nan)
        else:
            col = col.astype(dtype)
        out[name] = col.reset_index(drop=True)
    return pd.DataFrame(out)


def problems(frame: pd.DataFrame) -> list[str]:
    """Every way the frame differs from the event table: missing columns, wrong dtypes."""
    found = []
    for name, dtype in DTYPES.items():
        if name not in frame.columns:
            found.append(f"missing column: {name!r}")
        elif str(frame[name].dtype) != str(pd.Series([], dtype=dtype).dtype):
            found.append(f"column {name!r} has dtype {frame[name].dtype}, expected {dtype}")
    extra = [c for c in frame.columns if c not in DTYPES]
    found.extend(f"unexpected column: {c!r}" for c in extra)
    return found


def check_frame(frame: pd.DataFrame) -> pd.DataFrame:
    """Return the frame unchanged, or raise SchemaError naming the first problem."""
    if not isinstance(frame, pd.DataFrame):
        raise TypeError(f"expected a pandas DataFrame, got {type(frame).__name__}")
    found = problems(frame)
    if found:
        raise SchemaError(found[0] if len(found) == 1 else f"{found[0]} (and {len(found) - 1} more)")
    return frame
