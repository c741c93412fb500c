"""The page's sections below the sidebar: loading, summary, charts with linked selection, table,
article view, exports, data quality."""
from __future__ import annotations

import html

import pandas as pd
import streamlit as st

from timeline import charts, export
from timeline.events import is_english
from timeline.filters import Filters
from timeline.ui import data
from timeline.ui.highlight import CSS, LEGEND, article_html, sentences_of, spans_of
from timeline.ui.summary import quality
from timeline.ui.summary import summary as _summary

PLOTLY_CONFIG = {"topojsonURL": "app/static/", "displaylogo": False, "scrollZoom": False,
                 "modeBarButtonsToRemove": ["toImage"]}
SELECT_MODES = ("points", "box", "lasso")
EAGER_ROWS = 1000  # above this, export files are made when their button is clicked
TABLE_ROWS = 5000  # the table lists at most this many rows (row selection needs them all in the browser)
TABLE_COLUMNS = ["date_start", "date_end", "date_precision", "event_type", "status", "sentence", "actors",
                 "location", "date_text", "reported_by", "source", "url", "sources", "confidence", "geo_precision"]
EXPORT_LABELS = {"csv": "CSV", "json": "JSON", "geojson": "GeoJSON", "timelinejs": "TimelineJS"}
EXPORT_HELP = {
    "csv": "UTF-8, ISO dates, one row per event, actors joined with '; ', spreadsheet formulas made inert",
    "json": "an array of event records",
    "geojson": "one Point feature per located event: opens in QGIS and web maps",
    "timelinejs": "Knight Lab TimelineJS3 JSON: one slide per dated event",
}


def memo(name: str, token, make, keep: int = 4):
    """``make()``, remembered in the session for the last ``keep`` tokens (the data version, the filters,
    the selection...), so going back to a view already drawn costs nothing."""
    store = st.session_state.setdefault("_memo", {}).setdefault(name, {})
    if token in store:
        store[token] = store.pop(token)  # most recent last
        return store[token]
    value = make()
    store[token] = value
    while len(store) > keep:
        store.pop(next(iter(store)))
    return value


@st.cache_resource(max_entries=48, ttl=3600, show_spinner=False)
def _shared(name: str, key: str, _make):
    """What ``shared`` draws once for every session. Returned as is, never copied: the page only reads it."""
    return _make()


def shared(name: str, token, make, keep: int = 4):
    """``make()`` for the view named by ``token``, whose first item is ``data.data_key()``: made once for all
    sessions when the events are the shared ones (the samples, the event file, the store; every new session
    opens on the same default view), else remembered in the session like ``memo``."""
    if token[0][0] == "shared":
        return _shared(name, repr(token), make)
    return memo(name, token, make, keep)


# Loading ---------------------------------------------------------------------

def loading() -> None:
    """Upload, paste or fetch articles; the list of what is loaded and what came of each input."""
    state = data.state()
    ss = st.session_state
    last = state["last"]
    with st.expander("Add articles \u2014 upload files, paste text or give a URL", expanded=bool(last)):
        upload, paste, url, own = st.tabs(["Upload files", "Paste text", "From a URL", "Your actors and places"])
        with upload:
            gen = ss.setdefault("uploader_gen", 0)
            st.caption("timeline reads news written in English; articles in other languages load but give no events.")
            files = st.file_uploader(
                "Articles: txt, md, html, json, jsonl, csv, rss/atom xml or zip (several at once)",
                type=data.UPLOAD_TYPES, accept_multiple_files=True, key=f"uploader_{gen}")
            fresh = [f for f in files or [] if f.file_id not in state["uploaded"]]
            if fresh:
                results = []
                for f in fresh:
                    state["uploaded"].add(f.file_id)
                    results.append(data.add_upload(f.name, f.getvalue()))
                state["last"] = last = results
        with paste:
            with st.form("paste_form", clear_on_submit=True, border=False):
                text = st.text_area("Article text", height=160, key="paste_text",
                                    placeholder="Title on the first line, then the article\u2026")
                c1, c2 = st.columns(2)
                title = c1.text_input("Title (optional)", key="paste_title")
                published = c2.date_input("Publication date (optional)", value=None, key="paste_date",
                                          help="Anchors relative dates such as 'last Tuesday'.")
                if st.form_submit_button("Add this text"):
                    state["last"] = last = [data.add_paste(text, published=published, title=title)]
        with url:
            with st.form("url_form", clear_on_submit=False, border=False):
                address = st.text_input("Article, page or feed address", key="url_text",
                                        placeholder="https://\u2026")
                if st.form_submit_button("Fetch"):
                    if address.strip():
                        state["last"] = last = [data.add_url(address)]
        with own:
            st.caption("A CSV of extra actors, aliases and places (columns: kind, category, name, aliases, country, "
                       "lat, lon, ... as in data/gazetteer/README.md). Every loaded article is read again with it.")
            custom = st.file_uploader("Gazetteer CSV", type=["csv"], key="gazetteer_csv")
            if custom is not None and custom.file_id != ss.get("gazetteer_file"):
                ss["gazetteer_file"] = custom.file_id
                ss["gazetteer_problem"] = data.use_gazetteer(custom.name, custom.getvalue())
            if ss.get("gazetteer_problem"):
                st.error(ss["gazetteer_problem"])
            elif state.get("gazetteer_name"):
                st.success(f"{state['gazetteer_name']}: in use; every loaded article was read again with it")
        for inp in last:
            _result(inp)
        frame = data.frame()
        found = memo("events_of", state["version"], lambda: [data.events_of(i, frame) if i.ok else 0
                                                             for i in state["inputs"]])
        rows = [{"input": i.name, "kind": i.kind, "articles": len(i.articles), "events": n,
                 "problems": "; ".join(i.errors) or ""} for i, n in zip(state["inputs"], found)]
        st.dataframe(pd.DataFrame(rows), hide_index=True, width="stretch", key="inputs_table",
                     column_config={"problems": st.column_config.TextColumn(width="large")})
        if len(state["inputs"]) > sum(i.kind in ("samples", "event file") for i in state["inputs"]):
            st.button("Remove added articles", on_click=_remove_added, key="remove_added")


def _result(inp: data.Input) -> None:
    frame = data.frame()
    if inp.ok:
        n = data.events_of(inp, frame)
        again = f" ({inp.skipped} already loaded)" if inp.skipped else ""
        st.success(f"{inp.name}: {len(inp.articles)} article{'s' if len(inp.articles) != 1 else ''}{again}, "
                   f"{n} event{'s' if n != 1 else ''} found")
        foreign = [a for a in inp.articles if not is_english(a.text)]
        if foreign:
            st.warning(f"{inp.name}: {len(foreign)} of {len(inp.articles)} article"
                       f"{'s' if len(inp.articles) != 1 else ''} not in English \u2014 timeline reads English news, "
                       "so no events were taken from them")
    elif inp.skipped and not inp.errors:
        st.info(f"{inp.name}: already loaded, nothing new")
    for message in inp.errors:
        st.error(message)


def _remove_added() -> None:
    data.remove_added()
    st.session_state["uploader_gen"] = st.session_state.get("uploader_gen", 0) + 1
    st.session_state["data"]["uploaded"] = set()


# Summary and quality ---------------------------------------------------------

def summary_strip(view: pd.DataFrame, loaded: int, token, summary: dict | None = None) -> None:
    s = summary if summary is not None else memo("summary", token, lambda: _summary(view))
    cols = st.columns(4)
    cols[0].metric("Events", f"{s['events']:,}", help=f"{loaded:,} events loaded before filters and selection")
    cols[1].metric("Articles", f"{s['articles']:,}")
    cols[2].metric("Actors", f"{s['actors']:,}")
    if s["first"]:
        same = s["first"].year == s["last"].year
        cols[3].metric("Date span", f"{s['first']:%Y}" if same else f"{s['first']:%Y} \u2192 {s['last']:%Y}",
                       help=f"{s['first']} to {s['last']}")
    else:
        cols[3].metric("Date span", "\u2014")


def quality_panel(frame: pd.DataFrame) -> None:
    arts = data.articles()
    q = memo("quality", data.state()["version"], lambda: quality(frame, arts), keep=1)
    with st.expander("Data quality: what to weigh these rows by"):
        cols = st.columns(4)
        cols[0].metric("Year-only dates", q["year_only"], help="dates known only to the year, decade or century")
        cols[1].metric("Places not geocoded", q["not_geocoded"],
                       help=f"named places without coordinates; {q['no_place']} more events name no place")
        cols[2].metric("Merged duplicates", q["merged_events"],
                       help=f"events reported by more than one article; {q['merged_mentions']} duplicate reports "
                            "folded into them")
        cols[3].metric("Articles with no events", len(q["silent_articles"]),
                       help="loaded articles from which no event was extracted")
        st.caption(f"{q['undated']} undated events (on no timeline), {q['low_confidence']} with confidence under 0.5.")
        if q["silent_articles"]:
            names = [arts[a].title or a for a in q["silent_articles"] if a in arts]
            st.caption("No events found in: " + "; ".join(f"\u201c{n}\u201d" for n in names[:30])
                       + (" \u2026" if len(names) > 30 else ""))


# Charts and selection --------------------------------------------------------

def _on_select(source: str, key: str) -> None:
    event = st.session_state.get(key)
    points = (event or {}).get("selection", {}).get("points", []) if event else []
    keys = [p.get("customdata") for p in points if p.get("customdata") is not None]
    if keys:
        st.session_state["selection"] = {"source": source, "keys": keys, "lane": st.session_state.get("lane")}
    elif (st.session_state.get("selection") or {}).get("source") == source:
        st.session_state["selection"] = None


def clear_selection() -> None:
    st.session_state["selection"] = None
    st.session_state["chart_gen"] = st.session_state.get("chart_gen", 0) + 1


def resolve_selection(shown: pd.DataFrame) -> dict | None:
    """The selection as event_ids (points and places picked on a chart become the events behind them)."""
    sel = st.session_state.get("selection")
    if not sel:
        return None
    if "ids" not in sel:
        sel = {"source": sel["source"],
               "ids": charts.selected_ids(shown, sel.get("keys", []), sel.get("lane") or "event type")}
        st.session_state["selection"] = sel
    return sel


def charts_section(shown: pd.DataFrame, view: pd.DataFrame, sel: dict | None, lane: str, size_by: str,
                   token) -> None:
    gen = st.session_state.get("chart_gen", 0)
    if sel:
        where = {"timeline": "on the timeline", "map": "on the map", "link": "in the link"}.get(sel["source"], "")
        c1, c2 = st.columns([4, 1])
        c1.info(f"Selection {where}: {len(view)} of {len(shown)} events. The table, the exports and the "
                f"{'map' if sel['source'] == 'timeline' else 'timeline' if sel['source'] == 'map' else 'charts'} "
                "show only these.")
        c2.button("\u2715 Clear selection", on_click=clear_selection, key="clear_selection", type="primary",
                  width="stretch")
    else:
        st.caption("Click a point, or drag a box or lasso on the timeline or the map, to pick events: the "
                   "table and the other view follow.")
    source = sel["source"] if sel else None
    whole = (token[0], token[1])  # the filtered rows, before the selection
    tl = shared("timeline", (*(whole if source == "timeline" else token), lane),
                lambda: charts.timeline(shown if source == "timeline" else view, lane=lane))
    st.plotly_chart(tl, width="stretch", config=PLOTLY_CONFIG, key=f"timeline_chart_{gen}",
                    on_select=lambda: _on_select("timeline", f"timeline_chart_{gen}"), selection_mode=SELECT_MODES)
    mp = shared("map", (*(whole if source == "map" else token), size_by),
                lambda: charts.event_map(shown if source == "map" else view, size_by=size_by))
    st.plotly_chart(mp, width="stretch", config=PLOTLY_CONFIG, key=f"map_chart_{gen}",
                    on_select=lambda: _on_select("map", f"map_chart_{gen}"), selection_mode=SELECT_MODES)


# Table -----------------------------------------------------------------------

_ROW_HEIGHT = 86  # pixels: four lines of text


def table(view: pd.DataFrame, total: int | None = None, exports_hold_all: bool = True) -> None:
    """The rows of ``view`` (the first TABLE_ROWS); ``total`` is how many the view has in all when ``view``
    holds only the first of them (the page on an event store)."""
    st.subheader("Events")
    st.caption("Sort by clicking a column header. Select a row (the box at its left) to read its article below.")
    shown = view[["event_id", *TABLE_COLUMNS]]
    total = len(view) if total is None else total
    shown = shown.head(TABLE_ROWS)
    if total > len(shown):
        st.warning(f"The table lists the first {len(shown):,} of {total:,} events. Narrow the filters or pick "
                   "events on the charts to list the rest; "
                   + ("the exports below hold all of them." if exports_hold_all else
                      "the exports below hold the same rows as the table."))
    key = f"table_{abs(hash((len(shown), tuple(shown['event_id'].head(50)), tuple(shown['event_id'].tail(50)))))}"
    # rows taller than 4rem let Streamlit's grid wrap text cells: the evidence sentence reads in full
    picked = st.dataframe(
        shown, hide_index=True, width="stretch", height=min(620, 40 + _ROW_HEIGHT * max(1, len(shown))),
        row_height=_ROW_HEIGHT,
        column_order=TABLE_COLUMNS, key=key, on_select="rerun",
        selection_mode="single-row",
        column_config={
            "date_start": st.column_config.DateColumn("from", format="YYYY-MM-DD"),
            "date_end": st.column_config.DateColumn("to", format="YYYY-MM-DD"),
            "date_precision": st.column_config.TextColumn("precision", width="small"),
            "date_text": st.column_config.TextColumn("date as written"),
            "event_type": st.column_config.TextColumn("type", width="small"),
            "status": st.column_config.TextColumn("status", width="small"),
            "actors": st.column_config.TextColumn("actors", width="medium"),
            "location": st.column_config.TextColumn("place"),
            "geo_precision": st.column_config.TextColumn("place is a", width="small"),
            "sentence": st.column_config.TextColumn("evidence sentence", width="large"),
            "reported_by": st.column_config.TextColumn("reported by"),
            "source": st.column_config.TextColumn("source"),
            "url": st.column_config.LinkColumn("link", display_text=r"https?://(?:www\.)?([^/]+)", width="small"),
            "sources": st.column_config.NumberColumn("articles", help="articles reporting this event", width="small"),
            "confidence": st.column_config.ProgressColumn("confidence", min_value=0.0, max_value=1.0, format="%.2f"),
        },
    )
    rows = picked.selection.rows if picked else []
    ss = st.session_state
    # the row position is turned into its event_id at once: the open event survives sorting and filtering
    if rows and rows[0] < len(shown) and ss.get("_table_pick") != (key, rows[0]):
        ss["_table_pick"] = (key, rows[0])
        ss["open_event"] = shown["event_id"].iloc[rows[0]]


# Article view ----------------------------------------------------------------

def article_view(frame: pd.DataFrame) -> str | None:
    """The chosen article, highlighted, with the rows it produced beside it; returns the open event's id."""
    arts = data.articles()
    st.subheader("Article")
    if not arts:
        st.caption("No article texts are loaded (events read from an event file carry no text).")
        return None
    ss = st.session_state
    event_id = ss.get("open_event")
    row = frame[frame["event_id"] == event_id] if event_id else frame.iloc[:0]
    if event_id and row.empty:
        ss["open_event"] = event_id = None
    ids = list(arts)
    if "article_pick" not in ss or (not row.empty and row.iloc[0]["article_id"] in arts
                                    and ss.get("_picked_for") != event_id):
        if not row.empty and row.iloc[0]["article_id"] in arts:
            ss["article_pick"] = row.iloc[0]["article_id"]
            ss["_picked_for"] = event_id
        elif "article_pick" not in ss:
            ss["article_pick"] = ids[0]
    if ss["article_pick"] not in arts:
        ss["article_pick"] = ids[0]
    aid = st.selectbox("Article", ids, key="article_pick", on_change=_picked_by_hand,
                       format_func=lambda a: _article_label(arts[a]))
    article = arts[aid]
    produced = frame[frame["article_ids"].str.contains(aid, regex=False, na=False)]
    own = produced[produced["article_id"] == aid].sort_values("sentence_start", kind="stable")
    others = produced[produced["article_id"] != aid]
    mentions = data.article_mentions()
    mentions = mentions[mentions["article_id"] == aid]
    meta = " \u00b7 ".join(html.escape(str(v)) for v in (article.source, article.published, article.url) if v)
    if not row.empty and row.iloc[0]["article_id"] == aid:
        _explain(row.iloc[0])
    left, right = st.columns([3, 2])
    with left:
        st.markdown(f"**{html.escape(article.title or aid)}**  \n<small>{meta}</small>", unsafe_allow_html=True)
        st.markdown(CSS + LEGEND, unsafe_allow_html=True)
        spans = spans_of(pd.concat([mentions[["sentence", "sentence_start", "spans"]],
                                    own[["sentence", "sentence_start", "spans"]]]), article.text)
        st.markdown(article_html(article.text, spans, sentences_of(own, article.text)), unsafe_allow_html=True)
    with right:
        st.markdown(f"**{len(produced)} event{'s' if len(produced) != 1 else ''} from this article**")
        listing = own.assign(n=range(1, len(own) + 1))
        cols = ["n", "event_type", "status", "date_start", "date_text", "actors", "location", "trigger", "confidence"]
        st.dataframe(listing[cols], hide_index=True, width="stretch", key="article_rows",
                     column_config={"n": st.column_config.NumberColumn("#", width="small"),
                                    "date_start": st.column_config.DateColumn("from", format="YYYY-MM-DD"),
                                    "event_type": "type", "date_text": "date as written", "location": "place",
                                    "confidence": st.column_config.NumberColumn(format="%.2f")})
        if len(others):
            st.caption(f"{len(others)} more event{'s' if len(others) != 1 else ''} this article also reports, "
                       "with the evidence sentence taken from another article:")
            st.dataframe(others[["event_type", "date_start", "actors", "sentence"]], hide_index=True,
                         width="stretch", key="article_rows_other",
                         column_config={"date_start": st.column_config.DateColumn("from", format="YYYY-MM-DD")})
        if produced.empty:
            st.caption("No event was extracted from this article.")
    return event_id


def _picked_by_hand() -> None:
    st.session_state["open_event"] = None


def _article_label(article) -> str:
    day = f"{article.published} \u00b7 " if article.published else ""
    return f"{day}{article.title or article.id}"


def _explain(row) -> None:
    """Why this row exists: its fields and the words they came from."""
    import json

    try:
        spans = json.loads(row["spans"]) if isinstance(row["spans"], str) else {}
    except ValueError:
        spans = {}
    sentence = row["sentence"] if isinstance(row["sentence"], str) else ""

    def words(field):
        pair = spans.get(field)
        return f" \u2190 \u201c{sentence[pair[0]:pair[1]]}\u201d" if pair else ""

    dash = "\u2014"
    lines = [
        f"- **{row['event_type']}** ({row['status']}){words('trigger')}",
        f"- **when:** {charts.when(row['date_start'], row['date_end'])}"
        f"{', ' + row['date_precision'] if isinstance(row['date_precision'], str) else ''}{words('date')}",
        f"- **who:** {row['actors'] if isinstance(row['actors'], str) else dash}",
        f"- **where:** {row['location'] if isinstance(row['location'], str) else dash}"
        f"{' (' + row['geo_precision'] + ')' if isinstance(row['geo_precision'], str) else ''}{words('location')}",
        f"- **confidence:** {row['confidence']:.2f} \u00b7 reported by {row['sources']} article(s)",
    ]
    with st.container(border=True):
        st.markdown("**The selected row, and where each field comes from**")
        st.text("\n".join(_plain(line) for line in lines))


def _plain(line: str) -> str:
    return line.replace("**", "")


# Exports ---------------------------------------------------------------------

def exports(view: pd.DataFrame, filters: Filters, selected: bool) -> None:
    st.subheader("Export")
    st.caption(f"Exactly the {len(view):,} rows above (filters{' and selection' if selected else ''} applied).")
    cols = st.columns(len(export.EXPORTERS))
    if len(view) <= EAGER_ROWS:
        # the files of these rows, made once (a plain link downloads at once, within the click)
        files = shared("exports", (data.data_key(), tuple(view["event_id"])),
                       lambda: {fmt: maker(view) for fmt, (maker, _) in export.EXPORTERS.items()}, keep=1)
    for col, (fmt, (maker, mime)) in zip(cols, export.EXPORTERS.items()):
        if len(view) <= EAGER_ROWS:
            payload = files[fmt]
        else:
            frozen = view

            def payload(maker=maker, frozen=frozen):
                return maker(frozen)
        col.download_button(
            f"Download {EXPORT_LABELS[fmt]}", data=payload, mime=mime, key=f"download_{fmt}",
            file_name=export.file_name(fmt, len(view), filters, selected=selected), help=EXPORT_HELP[fmt],
            on_click="ignore", width="stretch")
