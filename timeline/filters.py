"""What the user asked to see, and the rows that match it.

``Filters`` is a plain value: the page builds it from its widgets and the URL,
the command line from its options, the store turns it into SQL. ``apply`` is
the reference meaning of every field, on a pandas frame.
"""
from __future__ import annotations

import dataclasses
import datetime as dt
import re
from collections.abc import Iterable

import pandas as pd

from .errors import SettingValidationError

_LIST_FIELDS = ("actors", "countries", "places", "event_types", "status", "sources")
# columns the free-text search looks in
TEXT_COLUMNS = ("sentence", "title", "actors", "location", "event_type", "reported_by", "date_text")


@dataclasses.dataclass(frozen=True)
class Filters:
    """A selection of events. Empty tuples and None mean "no condition".

    date_from/date_to keep events whose [date_start, date_end] interval overlaps
    the range (undated events drop out once a bound is set); actors match any
    of an event's actors; countries match actor1_country, actor2_country or the
    place's country; places match location; sources match the outlet column;
    text is a case-insensitive substring of the sentence, title, actors, place,
    type, reporter or date as written; min_confidence keeps confidence >= it.
    """

    date_from: dt.date | None = None
    date_to: dt.date | None = None
    actors: tuple[str, ...] = ()
    countries: tuple[str, ...] = ()
    places: tuple[str, ...] = ()
    event_types: tuple[str, ...] = ()
    status: tuple[str, ...] = ()
    text: str | None = None
    min_confidence: float = 0.0
    sources: tuple[str, ...] = ()

    def __post_init__(self):
        for name in _LIST_FIELDS:
            value = getattr(self, name)
            if isinstance(value, str):
                value = (value,)
            object.__setattr__(self, name, tuple(v for v in value if v))
        for name in ("date_from", "date_to"):
            value = getattr(self, name)
            if isinstance(value, str):
                try:
                    value = dt.date.fromisoformat(value)
                except ValueError:
                    raise SettingValidationError(f"{name}: {value!r} is not a date (YYYY-MM-DD)") from None
            elif isinstance(value, dt.datetime):
                value = value.date()
            object.__setattr__(self, name, value)
        try:
            conf = float(self.min_confidence)
        except (TypeError, ValueError):
            raise SettingValidationError(f"min_confidence: {self.min_confidence!r} is not a number") from None
        if not 0.0 <= conf <= 1.0:
            raise SettingValidationError(f"min_confidence: {conf} is not between 0 and 1")
        object.__setattr__(self, "min_confidence", conf)
        object.__setattr__(self, "text", (self.text or "").strip() or None)

    def is_empty(self) -> bool:
        return self == Filters()


def split_names(value) -> list[str]:
    """'A; B' -> ['A', 'B']; a missing value -> []."""
    if not isinstance(value, str) or not value:
        return []
    return [part for part in value.split("; ") if part]


def _isin_any(series: pd.Series, wanted: Iterable[str]) -> pd.Series:
    wanted = set(wanted)
    return series.map(lambda v: any(name in wanted for name in split_names(v))).astype(bool)


def mask(frame: pd.DataFrame, filters: Filters) -> pd.Series:
    """Boolean Series, True for the rows the filters keep."""
    keep = pd.Series(True, index=frame.index)
    if filters.date_from is not None:
        keep &= frame["date_end"] >= pd.Timestamp(filters.date_from)
    if filters.date_to is not None:
        keep &= frame["date_start"] <= pd.Timestamp(filters.date_to)
    if filters.actors:
        keep &= _isin_any(frame["actors"], filters.actors)
    if filters.countries:
        wanted = list(filters.countries)
        keep &= (frame["actor1_country"].isin(wanted) | frame["actor2_country"].isin(wanted)
                 | frame["country"].isin(wanted))
    if filters.places:
        keep &= frame["location"].isin(list(filters.places))
    if filters.event_types:
        keep &= frame["event_type"].isin(list(filters.event_types))
    if filters.status:
        keep &= frame["status"].isin(list(filters.status))
    if filters.sources:
        keep &= frame["source"].isin(list(filters.sources))
    if filters.min_confidence > 0:
        keep &= frame["confidence"] >= filters.min_confidence
    if filters.text:
        pattern = re.escape(filters.text)
        hit = pd.Series(False, index=frame.index)
        for column in TEXT_COLUMNS:
            hit |= frame[column].str.contains(pattern, case=False, regex=True, na=False)
        keep &= hit
    return keep.fillna(False).astype(bool)


def apply(frame: pd.DataFrame, filters: Filters | None) -> pd.DataFrame:
    """The rows of ``frame`` that ``filters`` keeps, in their order, index reset."""
    if filters is None or filters.is_empty() or frame.empty:
        return frame.reset_index(drop=True)
    return frame[mask(frame, filters)].reset_index(drop=True)


def counts(frame: pd.DataFrame, column: str) -> dict[str, int]:
    """How many rows name each value of a column ('; '-joined columns count each name), most first."""
    if column == "actors":
        values = [name for cell in frame["actors"] for name in split_names(cell)]
        series = pd.Series(values, dtype="str")
    else:
        series = frame[column].dropna()
    tally = series.value_counts()
    return {str(k): int(v) for k, v in sorted(tally.items(), key=lambda kv: (-kv[1], str(kv[0])))}


# The query string of a shared link: one key per field, lists as repeated keys.
QUERY_KEYS = {
    "date_from": "from", "date_to": "to", "actors": "actor", "countries": "country", "places": "place",
    "event_types": "type", "status": "status", "sources": "source", "text": "q", "min_confidence": "conf",
}


def to_query(filters: Filters) -> dict[str, str | list[str]]:
    """Filters -> query parameters ({"actor": ["A", "B"], "from": "2023-09-01", ...}); empty fields left out."""
    out: dict[str, str | list[str]] = {}
    for field, key in QUERY_KEYS.items():
        value = getattr(filters, field)
        if field in _LIST_FIELDS:
            if value:
                out[key] = list(value)
        elif field in ("date_from", "date_to"):
            if value is not None:
                out[key] = value.isoformat()
        elif field == "min_confidence":
            if value > 0:
                out[key] = f"{value:g}"
        elif value:
            out[key] = value
    return out


def from_query(params) -> Filters:
    """Query parameters (a mapping of key -> str or list of str) -> Filters; to_query's inverse.

    A malformed date or confidence raises SettingValidationError naming the field."""
    kwargs = {}
    for field, key in QUERY_KEYS.items():
        if key not in params:
            continue
        value = params[key]
        values = [value] if isinstance(value, str) else list(value)
        if field in _LIST_FIELDS:
            kwargs[field] = tuple(values)
        elif values:
            kwargs[field] = values[-1]
    return Filters(**kwargs)
