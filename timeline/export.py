"""Event frame -> bytes users open elsewhere: CSV, JSON, GeoJSON, TimelineJS.

CSV is UTF-8 with ISO dates, one row per event, and cells that a spreadsheet
would run as a formula (starting with = + - @, a tab or a carriage return)
are made inert with a leading apostrophe (OWASP CSV injection).
"""
from __future__ import annotations

import html
import io
import json
import math

import pandas as pd

from .schema import EVENT_COLUMNS, check_frame

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_DATE_COLUMNS = ("date_start", "date_end", "published")


def _inert(value):
    if not isinstance(value, str):
        return value
    if value.startswith(_FORMULA_START):
        value = "'" + value
    # a bare carriage return would not be quoted with "\n" line ends; fold it into a newline
    return value.replace("\r\n", "\n").replace("\r", "\n")


def _plain(frame: pd.DataFrame) -> pd.DataFrame:
    """Dates as ISO day strings, missing values as None."""
    out = frame.copy()
    for col in _DATE_COLUMNS:
        out[col] = out[col].dt.strftime("%Y-%m-%d").astype(object)
    out = out.astype(object).where(out.notna(), None)
    return out


def to_csv(frame: pd.DataFrame) -> bytes:
    """UTF-8 CSV of exactly these rows, header = EVENT_COLUMNS, formula injection neutralised."""
    check_frame(frame)
    out = _plain(frame)
    for col in out.columns:
        if frame[col].dtype == "str":
            out[col] = out[col].map(_inert)
    buffer = io.StringIO()
    out.to_csv(buffer, index=False, columns=list(EVENT_COLUMNS), lineterminator="\n")
    return buffer.getvalue().encode("utf-8")


def _records(frame: pd.DataFrame) -> list[dict]:
    records = _plain(frame).to_dict("records")
    for rec in records:
        for key, value in rec.items():
            if isinstance(value, float) and math.isnan(value):
                rec[key] = None
            elif hasattr(value, "item"):
                rec[key] = value.item()
    return records


def to_json(frame: pd.DataFrame) -> bytes:
    """A JSON array of event records (ISO dates, null for missing)."""
    check_frame(frame)
    return json.dumps(_records(frame), ensure_ascii=False, indent=1).encode("utf-8")


def to_geojson(frame: pd.DataFrame) -> bytes:
    """A GeoJSON FeatureCollection: one Point feature per event that has coordinates."""
    check_frame(frame)
    features = []
    for rec in _records(frame):
        lat, lon = rec.get("lat"), rec.get("lon")
        if lat is None or lon is None:
            continue
        props = {k: v for k, v in rec.items() if k not in ("lat", "lon")}
        features.append({
            "type": "Feature",
            "id": rec["event_id"],
            "geometry": {"type": "Point", "coordinates": [round(lon, 6), round(lat, 6)]},
            "properties": props,
        })
    return json.dumps({"type": "FeatureCollection", "features": features}, ensure_ascii=False).encode("utf-8")


def _tl_date(value: str | None, precision: str | None) -> dict | None:
    if not value:
        return None
    year, month, day = value.split("-")
    date = {"year": int(year)}
    if precision not in ("year", "decade", "century"):
        date["month"] = int(month)
        if precision in (None, "day", "week"):
            date["day"] = int(day)
    return date


def to_timelinejs(frame: pd.DataFrame, title: str = "Diplomatic events") -> bytes:
    """Knight Lab TimelineJS3 JSON: one slide per dated event."""
    check_frame(frame)
    events = []
    for rec in _records(frame):
        start = _tl_date(rec["date_start"], rec["date_precision"])
        if start is None:
            continue
        slide = {
            "unique_id": rec["event_id"],
            "start_date": start,
            "text": {
                # TimelineJS renders these as HTML: escape them so article text stays text
                "headline": html.escape(f"{rec['event_type']}: {rec['actors'] or 'unknown actors'}"),
                "text": html.escape(rec["sentence"] or ""),
            },
            "group": rec["event_type"],
        }
        if rec["date_end"] and rec["date_end"] != rec["date_start"]:
            slide["end_date"] = _tl_date(rec["date_end"], rec["date_precision"])
        if rec["url"]:
            slide["media"] = {"url": rec["url"], "caption": html.escape(rec["title"] or ""),
                              "credit": html.escape(rec["source"] or "")}
        events.append(slide)
    return json.dumps({"title": {"text": {"headline": title}}, "events": events}, ensure_ascii=False).encode("utf-8")


EXPORTERS = {
    "csv": (to_csv, "text/csv"),
    "json": (to_json, "application/json"),
    "geojson": (to_geojson, "application/geo+json"),
    "timelinejs": (to_timelinejs, "application/json"),
}


EXTENSIONS = {"csv": "csv", "json": "json", "geojson": "geojson", "timelinejs": "timelinejs.json"}


def _slug(text: str) -> str:
    import re
    import unicodedata

    ascii_text = unicodedata.normalize("NFKD", str(text)).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")


def file_name(fmt: str, count: int, filters=None, selected: bool = False) -> str:
    """A download's name that says what it holds: 'events_2023-09-01-to-2023-09-30_kim-jong-un_summit_12.csv'.

    The filters' values (dates, then actors, countries, places, types, status, sources, search) go in
    order, cut at 80 characters; ``selected`` adds 'selection'; the count ends it."""
    if fmt not in EXTENSIONS:
        raise ValueError(f"unknown export format {fmt!r} (one of {', '.join(EXTENSIONS)})")
    parts = []
    if filters is not None:
        if filters.date_from or filters.date_to:
            parts.append(f"{filters.date_from or 'start'}-to-{filters.date_to or 'end'}")
        for field in ("actors", "countries", "places", "event_types", "status", "sources"):
            parts.extend(getattr(filters, field))
        if filters.text:
            parts.append(f"search-{filters.text}")
        if filters.min_confidence > 0:
            parts.append(f"confidence-{filters.min_confidence:g}")
    if selected:
        parts.append("selection")
    slug = "_".join(s for s in (_slug(p) for p in parts) if s)
    if len(slug) > 80:
        slug = slug[:80].rstrip("-_") + "-etc"
    middle = f"_{slug}" if slug else ""
    return f"events{middle}_{count}.{EXTENSIONS[fmt]}"
