"""Date strings from metadata, headers and datelines -> datetime.date.

Fast paths for ISO 8601 and RFC 2822 (feeds), dateparser for the rest, in
any language. Only absolute dates with a day, a month and a year count:
"2 hours ago" or "April 25" give None rather than a date made up from today.
The date is the one written, never shifted to another time zone.
"""
from __future__ import annotations

import datetime
import email.utils
import math
import re

_ISO = re.compile(r"(\d{4})-(\d{2})-(\d{2})(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?\s*(?:Z|[+-]\d{2}:?\d{2}|UTC|GMT)?")
_DATEPARSER_SETTINGS = {
    "PARSERS": ["timestamp", "custom-formats", "absolute-time"],
    "REQUIRE_PARTS": ["day", "month", "year"],
    "RETURN_AS_TIMEZONE_AWARE": True,
    "PREFER_DAY_OF_MONTH": "first",
}
MIN_YEAR, MAX_YEAR = 1000, 2999


def parse_date(value) -> datetime.date | None:
    """The calendar date *value* names, or None when it names no full date."""
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, datetime.datetime):
        return value.date()
    if isinstance(value, datetime.date):
        return value
    if isinstance(value, float):
        if not math.isfinite(value):
            return None
        value = int(value)
    if isinstance(value, int):
        value = str(value)
    if not isinstance(value, str):
        return None
    value = value.strip()
    if not value or len(value) > 100:
        return None
    day = _iso(value) or _rfc2822(value) or _dateparser(value)
    if day is not None and MIN_YEAR <= day.year <= MAX_YEAR:
        return day
    return None


def _iso(value: str) -> datetime.date | None:
    m = _ISO.fullmatch(value)
    if not m:
        return None
    try:
        return datetime.date(int(m[1]), int(m[2]), int(m[3]))
    except ValueError:
        return None


def _rfc2822(value: str) -> datetime.date | None:
    if not re.match(r"(?:[A-Za-z]{3},\s*)?\d{1,2}\s+[A-Za-z]{3}\s+\d{4}\s+\d", value):
        return None
    try:
        return email.utils.parsedate_to_datetime(value).date()
    except (TypeError, ValueError, IndexError):
        return None


def _dateparser(value: str) -> datetime.date | None:
    if value.isdigit() and len(value) not in (10, 13):   # a timestamp has 10 or 13 digits
        return None
    import dateparser

    try:
        parsed = dateparser.parse(value, settings=_DATEPARSER_SETTINGS)
    except (ValueError, OverflowError, TypeError, AttributeError):
        return None
    return parsed.date() if parsed else None
