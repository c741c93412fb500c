"""Diplomatic event timeline: the page. Widgets and layout only; the work is in timeline/."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import pandas as pd
import streamlit as st

import timeline
from timeline import charts, export
from timeline.filters import Filters, apply, counts

ROOT = Path(__file__).resolve().parent
SAMPLES = ROOT / "data" / "articles"
PLOTLY_CONFIG = {"topojsonURL": "app/static/", "displaylogo": False, "scrollZoom": False}
TABLE_COLUMNS = ["date_start", "date_end", "date_precision", "event_type", "status", "actors", "location",
                 "date_text", "sentence", "source", "confidence"]

st.set_page_config(page_title="Diplomatic event timeline", page_icon="\U0001f5d3", layout="wide")


@st.cache_data(show_spinner="Reading the sample articles\u2026", max_entries=4)
def load_samples(folder: str, stamp: tuple) -> pd.DataFrame:
    return timeline.parse(timeline.read_articles(folder))


def _stamp(folder: Path) -> tuple:
    return tuple(sorted((p.name, p.stat().st_mtime_ns) for p in folder.glob("*") if p.is_file()))


def _fmt(tally: dict[str, int]):
    return lambda value: f"{value} ({tally.get(value, 0)})"


def sidebar(frame: pd.DataFrame) -> tuple[Filters, str]:
    st.sidebar.header("Filters")
    dated = frame["date_start"].dropna()
    date_from = date_to = None
    if not dated.empty:
        lo, hi = dated.min().date(), frame["date_end"].dropna().max().date()
        picked = st.sidebar.date_input("Date range", value=(lo, hi), min_value=dt.date(1000, 1, 1),
                                       max_value=dt.date(2200, 12, 31), key="dates")
        if isinstance(picked, (tuple, list)) and len(picked) == 2:
            date_from, date_to = picked
            if (date_from, date_to) == (lo, hi):
                date_from = date_to = None
    actor_counts = counts(frame, "actors")
    actors = st.sidebar.multiselect("Actors", list(actor_counts), format_func=_fmt(actor_counts), key="actors")
    place_counts = counts(frame, "location")
    places = st.sidebar.multiselect("Places", list(place_counts), format_func=_fmt(place_counts), key="places")
    type_counts = counts(frame, "event_type")
    types = st.sidebar.multiselect("Event types", list(type_counts), format_func=_fmt(type_counts), key="types")
    status_counts = counts(frame, "status")
    status = st.sidebar.multiselect("Status", list(status_counts), format_func=_fmt(status_counts), key="status")
    text = st.sidebar.text_input("Search the sentences", key="text")
    lane = st.sidebar.radio("Timeline lanes", list(charts.LANES), horizontal=True, key="lane")
    filters = Filters(date_from=date_from, date_to=date_to, actors=tuple(actors), places=tuple(places),
                      event_types=tuple(types), status=tuple(status), text=text or None)
    return filters, lane


def main() -> None:
    st.title("Diplomatic event timeline")
    st.caption("Who met whom, where, when and how sure \u2014 read from news articles, every row traced to its sentence.")
    frame = load_samples(str(SAMPLES), _stamp(SAMPLES))
    filters, lane = sidebar(frame)
    shown = apply(frame, filters)

    cols = st.columns(4)
    cols[0].metric("Events", f"{len(shown)}", help=f"{len(frame)} before filters")
    cols[1].metric("Articles", f"{shown['article_ids'].str.split('; ').explode().nunique() if len(shown) else 0}")
    cols[2].metric("Actors", f"{len(counts(shown, 'actors'))}")
    dated = shown["date_start"].dropna()
    cols[3].metric("Date span", f"{dated.min():%Y} \u2192 {shown['date_end'].max():%Y}" if len(dated) else "\u2014",
                   help=f"{dated.min():%Y-%m-%d} to {shown['date_end'].max():%Y-%m-%d}" if len(dated) else None)

    st.plotly_chart(charts.timeline(shown, lane=lane), width="stretch", config=PLOTLY_CONFIG, key="timeline_chart")
    st.plotly_chart(charts.event_map(shown), width="stretch", config=PLOTLY_CONFIG, key="map_chart")

    st.subheader("Events")
    st.dataframe(
        shown[TABLE_COLUMNS], hide_index=True, width="stretch",
        column_config={
            "date_start": st.column_config.DateColumn("from", format="YYYY-MM-DD"),
            "date_end": st.column_config.DateColumn("to", format="YYYY-MM-DD"),
            "date_precision": "precision",
            "event_type": "type",
            "date_text": "date as written",
            "sentence": st.column_config.TextColumn("evidence sentence", width="large"),
            "confidence": st.column_config.ProgressColumn("confidence", min_value=0.0, max_value=1.0, format="%.2f"),
        },
        key="table",
    )
    st.download_button("Download CSV", data=export.to_csv(shown), file_name=f"events-{len(shown)}.csv",
                       mime="text/csv", key="download_csv")


main()
