"""The sidebar's filters, each choice with its count, and their round trip through the URL.

On a session's first run the query string fills the widgets; after every run
the widgets (and the lane, the map's sizing, the selection and the open
article) are written back, so the address bar always holds a link to the
view on screen.
"""
from __future__ import annotations

import datetime as dt

import pandas as pd
import streamlit as st

from timeline import charts
from timeline.errors import SettingValidationError
from timeline.filters import Filters, counts, from_query, to_query
from timeline.geo import country_name

# query keys the page adds to the filters' own
LANE, SIZE, SELECTION, EVENT = "lane", "size", "sel", "event"
MAX_SELECTION_IN_URL = 500
FACETS = {  # widget key -> (label, Filters field, column)
    "f_actors": ("Actors", "actors", "actors"),
    "f_countries": ("Countries", "countries", None),
    "f_places": ("Places", "places", "location"),
    "f_types": ("Event types", "event_types", "event_type"),
    "f_status": ("Status", "status", "status"),
    "f_sources": ("Sources", "sources", "source"),
}


def country_counts(frame: pd.DataFrame) -> dict[str, int]:
    """How many events touch each country: actor1's, actor2's or the place's, each event once."""
    cols = ["actor1_country", "actor2_country", "country"]
    pairs = frame[cols].astype(object).stack().rename("code").reset_index(level=1, drop=True).reset_index()
    tally = pairs.drop_duplicates().value_counts("code")
    return {str(k): int(v) for k, v in sorted(tally.items(), key=lambda kv: (-kv[1], str(kv[0])))}


def facets(frame: pd.DataFrame, version: int) -> dict[str, dict[str, int]]:
    """Choices and counts of every list filter over the loaded events (memoised per data version)."""
    memo = st.session_state.get("_facets")
    if memo and memo[0] == version:
        return memo[1]
    out = {}
    for key, (_, _, column) in FACETS.items():
        out[key] = country_counts(frame) if column is None else counts(frame, column)
    dated = frame["date_start"].dropna()
    out["_dates"] = (dated.min().date(), frame["date_end"].dropna().max().date()) if len(dated) else None
    st.session_state["_facets"] = (version, out)
    return out


def _params() -> dict[str, list[str]]:
    return {k: st.query_params.get_all(k) for k in st.query_params.keys()}


def read_url(facet: dict) -> list[str]:
    """First run of a session: the query string -> widget values. Returns messages about values the
    link names that the loaded events do not have."""
    ss = st.session_state
    if ss.get("_url_read"):
        return ss.get("_url_notes", [])
    ss["_url_read"] = True
    params = _params()
    notes = []
    try:
        filters = from_query(params)
    except SettingValidationError as err:
        notes.append(f"The link's filters could not be read ({err}); showing everything.")
        filters = Filters()
    for key, (label, field, _) in FACETS.items():
        wanted = getattr(filters, field)
        known = [v for v in wanted if v in facet[key]]
        missing = [v for v in wanted if v not in facet[key]]
        if missing:
            notes.append(f"{label} in the link but not in the loaded events: {', '.join(missing)}")
        ss[key] = known
    if facet["_dates"]:
        lo, hi = facet["_dates"]
        ss["f_dates"] = (filters.date_from or lo, filters.date_to or hi)
    ss["f_text"] = filters.text or ""
    ss["f_conf"] = filters.min_confidence
    lane = (params.get(LANE) or [""])[-1]
    ss["lane"] = lane if lane in charts.LANES else "event type"
    size = (params.get(SIZE) or [""])[-1]
    ss["size_by"] = size if size in charts.SIZE_BY else "events"
    sel = [s for v in params.get(SELECTION, []) for s in v.split(",") if s]
    if sel:
        ss["selection"] = {"source": "link", "ids": sel}
    event = (params.get(EVENT) or [""])[-1]
    if event:
        ss["open_event"] = event
    ss["_url_notes"] = notes
    return notes


def _fmt(tally: dict[str, int], names=None):
    if names:
        return lambda v: f"{v} \u00b7 {names(v) or '?'} ({tally.get(v, 0)})"
    return lambda v: f"{v} ({tally.get(v, 0)})"


def sidebar(frame: pd.DataFrame, version: int) -> tuple[Filters, str, str]:
    """The filter widgets -> (Filters, timeline lane, map sizing)."""
    return sidebar_for(facets(frame, version))


def sidebar_for(facet: dict, more: dict[str, int] | None = None) -> tuple[Filters, str, str]:
    """The filter widgets for the choices and counts ``facet`` holds (as ``facets`` makes them). ``more``
    says, per widget key, how many further choices were left out of a long list."""
    more = more or {}
    notes = read_url(facet)
    ss = st.session_state
    sb = st.sidebar
    sb.header("Filters")
    for note in notes:
        sb.warning(note)
    if sb.button("Reset all filters", key="reset_filters", help="Show every loaded event"):
        _reset(facet)
    date_from = date_to = None
    if facet["_dates"]:
        lo, hi = facet["_dates"]
        previous = ss.get("_dates_full")
        if "f_dates" not in ss or (previous and tuple(ss["f_dates"]) == previous and previous != (lo, hi)):
            ss["f_dates"] = (lo, hi)  # the full range grows with the data while the user has not narrowed it
        ss["_dates_full"] = (lo, hi)
        picked = sb.date_input("Date range", min_value=dt.date(1000, 1, 1), max_value=dt.date(2200, 12, 31),
                               key="f_dates", help=f"Events from {lo} to {hi} are loaded; an event counts when "
                               "its date interval overlaps the range.")
        if isinstance(picked, (tuple, list)) and len(picked) == 2:
            date_from = None if picked[0] == lo else picked[0]
            date_to = None if picked[1] == hi else picked[1]
    chosen = {}
    for key, (label, field, _) in FACETS.items():
        tally = facet[key]
        ss[key] = [v for v in ss.get(key, []) if v in tally]
        extra = more.get(key, 0)
        chosen[field] = tuple(sb.multiselect(
            f"{label} ({len(tally) + extra:,})", list(tally), key=key,
            format_func=_fmt(tally, country_name if field == "countries" else None),
            placeholder=f"All {label.lower()}",
            help=f"The {len(tally):,} most frequent are listed; the search box finds the others" if extra else None))
    ss.setdefault("f_conf", 0.0)
    conf = sb.slider("Minimum confidence", 0.0, 1.0, step=0.05, key="f_conf")
    ss.setdefault("f_text", "")
    text = sb.text_input("Search", key="f_text", placeholder="words in the sentence, title, names\u2026")
    sb.divider()
    ss.setdefault("lane", "event type")
    lane = sb.radio("Timeline lanes", list(charts.LANES), horizontal=True, key="lane")
    ss.setdefault("size_by", "events")
    size_by = sb.radio("Map markers sized by", list(charts.SIZE_BY), horizontal=True, key="size_by")
    filters = Filters(date_from=date_from, date_to=date_to, text=text or None, min_confidence=conf, **chosen)
    return filters, lane, size_by


def _reset(facet) -> None:
    ss = st.session_state
    for key in FACETS:
        ss[key] = []
    if facet["_dates"]:
        ss["f_dates"] = facet["_dates"]
    ss["f_conf"] = 0.0
    ss["f_text"] = ""
    ss["selection"] = None


def write_url(filters: Filters, lane: str, size_by: str, selected: list[str] | None, event: str | None) -> None:
    """The view -> the query string (only keys that differ from the defaults)."""
    query = to_query(filters)
    if lane != "event type":
        query[LANE] = lane
    if size_by != "events":
        query[SIZE] = size_by
    if selected:
        query[SELECTION] = ",".join(selected[:MAX_SELECTION_IN_URL])
    if event:
        query[EVENT] = event
    if query != {k: (v if len(v) > 1 or k in _LISTS else v[0]) for k, v in _params().items()}:
        st.query_params.from_dict(query)


_LISTS = {"actor", "country", "place", "type", "status", "source"}
