"""Diplomatic event timeline: the page. Layout only; its sections live in timeline/ui/, the work in timeline/."""
from __future__ import annotations

import streamlit as st

from timeline.filters import apply
from timeline.ui import controls, data, stored, views

st.set_page_config(page_title="Diplomatic event timeline", page_icon="\U0001f5d3", layout="wide")


def main() -> None:
    st.title("Diplomatic event timeline")
    st.caption("Who met whom, where, when and how sure \u2014 read from news articles, every row traced to its "
               "sentence. The address bar always holds a link to this exact view.")
    store = data.page_store()
    if store is not None:
        stored.page(store)  # filters and counts run in the event store; the page holds the visible rows
        return
    views.loading()
    frame = data.frame()
    filters, lane, size_by = controls.sidebar(frame, data.state()["version"])
    shown = apply(frame, filters)
    sel = views.resolve_selection(shown)
    view = shown[shown["event_id"].isin(set(sel["ids"]))].reset_index(drop=True) if sel else shown
    token = (data.data_key(), filters, tuple(sel["ids"]) if sel else None)  # names this view
    views.summary_strip(view, len(frame), token)
    views.charts_section(shown, view, sel, lane, size_by, token)
    views.table(view)
    views.exports(view, filters, selected=bool(sel))
    event = views.article_view(frame)
    views.quality_panel(frame)
    controls.write_url(filters, lane, size_by, sel["ids"] if sel else None, event)


main()
