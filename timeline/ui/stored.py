"""The page on an event store (timeline.store.EventStore): filters, counts and charts run in DuckDB.

The page holds only what it shows: the visible rows (at most ``VISIBLE_ROWS``
of those the filters keep, in date order) and the aggregates it draws (filter
choices with counts, the summary, the timeline's counts per lane and period,
the map's counts per place). When every kept row is visible the charts are
drawn from the rows, exactly as on the in-memory page. Everything read is
cached under the store's version, which changes with every write, so an
ingest by another process (``python -m timeline ingest``) shows on the next
rerun, and a small fragment checks for one every few seconds. Articles added
on this page are ingested into the store: one writer at a time, readers never
wait.
"""
from __future__ import annotations

import html
from pathlib import Path

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

import timeline
from timeline import charts, export
from timeline.articles import read_bytes, read_text
from timeline.errors import ArticleError
from timeline.filters import Filters, from_query
from timeline.store import EventStore, StoreError, where_sql
from timeline.ui import controls, data, views
from timeline.ui.highlight import CSS, LEGEND, article_html, sentences_of, spans_of
from timeline.ui.summary import summary

VISIBLE_ROWS = views.TABLE_ROWS  # rows the page fetches for a view (the table lists them)
FACET_LIMIT = 2000  # choices listed per filter (the busiest); the search box finds the rest
PAGE_EXPORT_ROWS = 200_000  # above this only the CSV (read straight from the store) is made on the page
REFRESH_SECONDS = 5  # how often the page looks for a write by another process
LANE_SQL = {  # the timeline's lanes as SQL over the events table (as charts.lane_values makes them)
    "event type": "coalesce(event_type, '(none)')",
    "actor": "unnest(CASE WHEN coalesce(len(_actors), 0) = 0 THEN ['(no actor)'] ELSE _actors END)",
    "country": "coalesce(country, '(none)')",
    "article": "coalesce(title, '(none)')",
}
_UNITS = {"M": "month", "Q": "quarter", "Y": "year"}


def _and(where: str, condition: str) -> str:
    return f"{where} AND ({condition})" if where else f" WHERE {condition}"


# Aggregates, cached per store version (shared by every session) ---------------------------------------------

@st.cache_data(max_entries=8, ttl=3600, show_spinner="Reading the event store\u2026")
def facets(path: str, version: str) -> tuple[dict, dict]:
    """The filter choices with their counts (the ``FACET_LIMIT`` busiest of each), the date range, and how
    many choices each list leaves out."""
    store = EventStore(path)
    out, more = {}, {}
    for key, (_, _, column) in controls.FACETS.items():
        if column is None:
            tally = country_counts(store)
        else:
            tally = store.counts(column, limit=FACET_LIMIT + 1)
        if len(tally) > FACET_LIMIT:
            total = _distinct(store, column)
            tally = dict(list(tally.items())[:FACET_LIMIT])
            more[key] = total - FACET_LIMIT
        out[key] = tally
    lo, hi = store.date_range()
    out["_dates"] = (lo, hi) if lo is not None and hi is not None else None
    return out, more


def _distinct(store: EventStore, column: str) -> int:
    expr = "unnest(_actors)" if column == "actors" else f'"{column}"'
    frame = store.select(f"SELECT count(DISTINCT v) FROM (SELECT {expr} AS v FROM events)")
    return int(frame.iat[0, 0]) if frame is not None else 0


def country_counts(store: EventStore, filters: Filters | None = None) -> dict[str, int]:
    """How many events touch each country (actor1's, actor2's or the place's), each event once."""
    where, params = where_sql(filters)
    frame = store.select(
        "SELECT code, count(*) AS n FROM (SELECT DISTINCT rowid AS r, unnest([actor1_country, actor2_country, "
        f"country]) AS code FROM events{where}) WHERE code IS NOT NULL GROUP BY code ORDER BY n DESC, code", params)
    return {} if frame is None else {str(c): int(n) for c, n in zip(frame["code"], frame["n"])}


def known_values(path: str, version: str, column: str, values: tuple[str, ...]) -> dict[str, int]:
    """Counts of particular values (those a link names) that the busiest-first list may have left out."""
    if not values:
        return {}
    store = EventStore(path)
    if column is None:
        found = country_counts(store)
        return {v: found[v] for v in values if v in found}
    if column == "actors":
        sql = ("SELECT name, count(*) AS n FROM (SELECT unnest(_actors) AS name FROM events) "
               "WHERE list_contains(?::VARCHAR[], name) GROUP BY name")
    else:
        sql = (f'SELECT "{column}" AS name, count(*) AS n FROM events WHERE list_contains(?::VARCHAR[], '
               f'"{column}") GROUP BY name')
    frame = store.select(sql, [list(values)])
    return {} if frame is None else {str(a): int(n) for a, n in zip(frame["name"], frame["n"])}


@st.cache_data(max_entries=64, ttl=3600, show_spinner=False)
def view(path: str, version: str, key: str, _filters: Filters) -> dict:
    """The filters' view: how many events they keep, the first ``VISIBLE_ROWS`` of them, and the summary."""
    store = EventStore(path)
    where, params = where_sql(_filters)
    rows = store.query(_filters, limit=VISIBLE_ROWS)
    head = store.select(f"SELECT count(*) AS n, min(date_start) AS lo, max(date_end) AS hi FROM events{where}",
                        params)
    n = int(head.at[0, "n"]) if head is not None else 0
    if n <= len(rows):  # every kept row is here: count from them
        return {"count": n, "rows": rows, "summary": summary(rows)}
    return {"count": n, "rows": rows, "summary": summary_of(store, where, params, head)}


def summary_of(store: EventStore, where: str, params: list, head: pd.DataFrame | None = None) -> dict:
    """The summary strip's figures (timeline.ui.summary.summary) of the events ``where`` keeps, counted in SQL."""
    if head is None:
        head = store.select(f"SELECT count(*) AS n, min(date_start) AS lo, max(date_end) AS hi FROM events{where}",
                            params)
    articles = store.select("SELECT count(DISTINCT a) AS n FROM (SELECT unnest(string_split(article_ids, '; ')) "
                            f"AS a FROM events{where}) WHERE a <> ''", params)
    actors = store.select(f"SELECT count(DISTINCT a) AS n FROM (SELECT unnest(_actors) AS a FROM events{where})",
                          params)
    lo, hi = head.at[0, "lo"], head.at[0, "hi"]
    return {"events": int(head.at[0, "n"]), "articles": int(articles.at[0, "n"]), "actors": int(actors.at[0, "n"]),
            "first": None if pd.isna(lo) else pd.Timestamp(lo).date(),
            "last": None if pd.isna(hi) else pd.Timestamp(hi).date()}


def _lanes(store: EventStore, where: str, params: list, lane: str) -> tuple[list[str], list[str], int]:
    """(lanes drawn, lanes kept by name, lanes folded into charts.OTHER), as charts._cap_lanes."""
    totals = store.select(f"SELECT lane, count(*) AS n FROM (SELECT {LANE_SQL[lane]} AS lane FROM events"
                          f"{_and(where, 'date_start IS NOT NULL')}) GROUP BY lane ORDER BY n DESC, lane", params)
    names = [str(v) for v in totals["lane"]]
    if len(names) <= charts.MAX_LANES:
        return sorted(names), names, 0
    kept = names[: charts.MAX_LANES - 1]
    return sorted(kept) + [charts.OTHER], kept, len(names) - len(kept)


@st.cache_data(max_entries=32, ttl=3600, show_spinner=False)
def timeline_figure(path: str, version: str, key: str, _filters: Filters, lane: str) -> go.Figure:
    """The aggregated timeline of every kept event, counted in DuckDB."""
    store = EventStore(path)
    where, params = where_sql(_filters)
    dated = _and(where, "date_start IS NOT NULL")
    stats = store.select("SELECT count(*) AS n, min(date_start) AS first, quantile_disc(date_start, 0.02) AS q02, "
                         "quantile_disc(date_start, 0.05) AS q05, max(date_start) AS last_start, "
                         f"max(date_end) AS last FROM events{dated}", params)
    n = int(stats.at[0, "n"])
    if not n:
        return charts._empty("Timeline", "No dated events to show")
    s = {k: pd.Timestamp(stats.at[0, k]) for k in ("first", "q02", "q05", "last_start", "last")}
    lanes, kept, folded = _lanes(store, where, params, lane)
    freq = charts.bin_for(s["q02"], s["last_start"], len(lanes))
    lane_of = f"CASE WHEN list_contains(?::VARCHAR[], lane) THEN lane ELSE '{charts.OTHER}' END" if folded else "lane"
    cells = store.select(
        f"SELECT {lane_of} AS lane, date_trunc('{_UNITS[freq]}', date_start)::TIMESTAMP AS period, event_type, "
        f"count(*)::BIGINT AS n FROM (SELECT {LANE_SQL[lane]} AS lane, date_start, event_type FROM events{dated}) "
        "GROUP BY ALL", ([kept] if folded else []) + params)
    cells["period"] = pd.to_datetime(cells["period"])
    colors = charts.type_colors(cells["event_type"].dropna().unique())
    return charts.aggregated_figure(cells, lanes, colors, n, folded,
                                    charts.focus_from(s["first"], s["q05"], s["last"], n), freq)


@st.cache_data(max_entries=32, ttl=3600, show_spinner=False)
def map_figure(path: str, version: str, key: str, _filters: Filters, size_by: str) -> go.Figure:
    """The map of every kept located event, counted per place in DuckDB (one pass: counts per place and
    type with each place's first row; then the earliest three events of the places drawn)."""
    store = EventStore(path)
    where, params = where_sql(_filters)
    located = _and(where, "lat IS NOT NULL AND lon IS NOT NULL")
    # a place is its coordinates to 4 decimals (charts.place_key), as integers: grouping by them is fast
    place = "round(lat * 10000)::BIGINT AS a, round(lon * 10000)::BIGINT AS b"
    cells = store.select(
        f"SELECT {place}, event_type, count(*)::BIGINT AS n, sum(sources)::BIGINT AS sources, "
        "min(rowid) AS first, arg_min(lat, rowid) AS lat, arg_min(lon, rowid) AS lon, "
        f"arg_min(location, rowid) AS location, arg_min(geo_precision, rowid) AS precision FROM events{located} "
        "GROUP BY ALL", params)
    if cells is None or cells.empty:
        return charts.map_figure(None, None, None, size_by, 0)
    cells["place"] = cells["a"].astype(str) + "," + cells["b"].astype(str)
    firsts = cells.sort_values("first").drop_duplicates("place").set_index("place")
    totals = cells.groupby("place")[["n", "sources"]].sum()
    places = firsts[["lat", "lon", "location", "precision"]].assign(events=totals["n"], sources=totals["sources"])
    weight = "sources" if size_by == "sources" else "events"
    places = places.sort_values([weight], ascending=False, kind="stable")
    kept = places.index[: charts.MAX_PLACES]
    earliest = store.select(f"SELECT {place}, arg_min(rowid, (date_start, rowid), 3) AS ids FROM events{located} "
                            "GROUP BY ALL", params)
    earliest["place"] = earliest["a"].astype(str) + "," + earliest["b"].astype(str)
    ids = [int(i) for lst in earliest.loc[earliest["place"].isin(set(kept)), "ids"] for i in lst]
    samples = store.select(f"SELECT {place}, date_start, actors, sentence FROM events "
                           "WHERE list_contains(?::BIGINT[], rowid)", [ids])
    samples["place"] = samples["a"].astype(str) + "," + samples["b"].astype(str)
    by_type = cells[["place", "event_type", "n"]]
    return charts.map_figure(places, by_type, samples[["place", "date_start", "actors", "sentence"]], size_by,
                             int(places["events"].sum()))


# Selection on aggregated charts -----------------------------------------------------------------------

def selected(store: EventStore, filters: Filters, keys, lane: str) -> tuple[list[str], dict | None]:
    """The event_ids behind points picked on the aggregated charts (event ids, timeline cells, places),
    at most ``VISIBLE_ROWS`` of them, and the summary of all of them (``summary_of``; None when none)."""
    keys = [k[0] if isinstance(k, (list, tuple)) and k else k for k in keys]
    keys = [k for k in keys if isinstance(k, str)]
    where, params = where_sql(filters)
    ors, extra = [], []
    plain = [k for k in keys if charts.SEP not in k]
    if plain:
        ors.append("list_contains(?::VARCHAR[], event_id)")
        extra.append(plain)
    for k in keys:
        parts = k.split(charts.SEP)
        if parts[0] == charts.PLACE_KEY and len(parts) == 3:
            ors.append("(round(lat, 4) = ? AND round(lon, 4) = ?)")
            extra += [round(float(parts[1]), 4), round(float(parts[2]), 4)]
        elif parts[0] == charts.AGG_KEY and len(parts) == 4 and parts[1] in _UNITS:
            _, freq, day, name = parts
            condition, values = _lane_is(store, filters, lane, name)
            ors.append(f"(date_trunc('{_UNITS[freq]}', date_start) = ?::DATE AND {condition})")
            extra += [day, *values]
    if not ors:
        return [], None
    cond = _and(where, " OR ".join(ors))
    ids = store.select(f"SELECT event_id FROM events{cond} LIMIT {VISIBLE_ROWS}", params + extra)
    return list(ids["event_id"]), summary_of(store, cond, params + extra)


def _lane_is(store: EventStore, filters: Filters, lane: str, name: str) -> tuple[str, list]:
    if lane == "actor":
        if name == charts.OTHER:
            where, params = where_sql(filters)
            _, kept, _ = _lanes(store, where, params, lane)
            return "len(list_filter(_actors, x -> NOT list_contains(?::VARCHAR[], x))) > 0", [kept]
        if name == "(no actor)":
            return "coalesce(len(_actors), 0) = 0", []
        return "contains(_actor_key, ?)", [f"; {name}; "]
    column = LANE_SQL.get(lane, LANE_SQL["event type"])
    if name == charts.OTHER:
        where, params = where_sql(filters)
        _, kept, _ = _lanes(store, where, params, lane)
        return f"NOT list_contains(?::VARCHAR[], {column})", [kept]
    return f"{column} = ?", [name]


# The page ---------------------------------------------------------------------------------------------

def page(path: Path) -> None:
    """The whole page on the store at ``path``."""
    store = EventStore(str(path))
    version = store.version()
    ss = st.session_state
    ss["_store_version"] = version
    _watch(str(path))
    _loading(store)
    facet, more = facets(str(path), version)
    _link_values(str(path), version, facet)
    filters, lane, size_by = controls.sidebar_for(facet, more)
    key = repr(filters)
    v = view(str(path), version, key, filters)
    shown, total = v["rows"], v["count"]
    everything = total <= len(shown)  # all kept rows are on the page
    sel = ss.get("selection")
    token = (("shared", "store", str(path), version), filters, None)
    if sel and everything:
        sel = views.resolve_selection(shown)
    elif sel and "ids" not in sel:
        ids, whole = selected(store, filters, sel.get("keys", []), sel.get("lane") or "event type")
        sel = ss["selection"] = {"source": sel["source"], "ids": ids, "total": whole["events"] if whole else 0,
                                 "summary": whole}
    picked = shown
    if sel:
        inside = shown[shown["event_id"].isin(set(sel["ids"]))]
        # (a selection made before the filters changed keeps only what they keep, as on the in-memory page)
        picked = inside if len(inside) == len(sel["ids"]) or everything else store.by_ids(sel["ids"], filters)
        picked = picked.reset_index(drop=True)
        token = (token[0], filters, tuple(sel["ids"]))
    if sel and sel.get("summary") and sel["total"] > len(picked):
        figures = sel["summary"]  # more picked than the page holds: counted in the store
    elif sel:
        figures = views.memo("summary", token, lambda: summary(picked))
    else:
        figures = v["summary"]
    stats = views.memo("store_stats", version, store.stats, keep=1)
    views.summary_strip(picked, stats["events"], token, summary=figures)
    if everything:
        views.charts_section(shown, picked, sel, lane, size_by, token)
    else:
        _aggregated_charts(str(path), version, key, filters, sel, picked, total, lane, size_by)
    views.table(picked, total=sel.get("total", len(picked)) if sel else total,
                exports_hold_all=not sel)  # (a selection's exports hold the rows the page holds)
    _exports(store, picked, filters, sel, total)
    event = _article(store)
    _quality(str(path), version)
    controls.write_url(filters, lane, size_by, sel["ids"] if sel else None, event)


@st.fragment(run_every=REFRESH_SECONDS)
def _watch(path: str) -> None:
    """Rerun the page when another process wrote to the store."""
    now = EventStore(path).version()
    if now != st.session_state.get("_store_version"):
        st.session_state["_store_version"] = now
        st.rerun(scope="app")


def _link_values(path: str, version: str, facet: dict) -> None:
    """Values a link names (or the widgets hold) that the busiest-first lists left out get their counts."""
    params = {k: st.query_params.get_all(k) for k in st.query_params.keys()}
    try:
        wanted = from_query(params)
    except Exception:  # noqa: BLE001 - controls.read_url reports a bad link
        return
    for key, (_, field, column) in controls.FACETS.items():
        values = set(getattr(wanted, field)) | set(st.session_state.get(key, []))
        missing = tuple(sorted(v for v in values if v not in facet[key]))
        if missing:
            facet[key] = {**facet[key], **known_values(path, version, column, missing)}


def _loading(store: EventStore) -> None:
    """Articles added here are ingested into the store."""
    ss = st.session_state
    last = ss.get("_store_last", [])
    stats = views.memo("store_stats", store.version(), store.stats, keep=1)
    # open when there is something to report, or nothing stored yet
    with st.expander(f"Add articles to the event store {store.path.name}", expanded=bool(last) or not stats["events"]):
        st.caption(f"This page reads the event store {store.path}. Articles added here are stored in it "
                   "(python -m timeline ingest does the same from a shell); each is stored once.")
        upload, paste, url = st.tabs(["Upload files", "Paste text", "From a URL"])
        results = []
        with upload:
            gen = ss.setdefault("uploader_gen", 0)
            files = st.file_uploader("Articles: txt, md, html, json, jsonl, csv, rss/atom xml or zip",
                                     type=data.UPLOAD_TYPES, accept_multiple_files=True,
                                     key=f"store_uploader_{gen}")
            done = ss.setdefault("_store_uploaded", set())
            for f in files or []:
                if f.file_id in done:
                    continue
                done.add(f.file_id)
                errors: list = []
                try:
                    found = read_bytes(f.getvalue(), f.name, report=errors)
                except ArticleError as err:
                    found, errors = [], [err]
                results.append(_ingest(store, f.name, found, [str(e) for e in errors]))
        with paste:
            with st.form("store_paste_form", clear_on_submit=True, border=False):
                text = st.text_area("Article text", height=160, key="store_paste_text",
                                    placeholder="Title on the first line, then the article\u2026")
                published = st.date_input("Publication date (optional)", value=None, key="store_paste_date")
                if st.form_submit_button("Add this text"):
                    try:
                        results.append(_ingest(store, "pasted text", [read_text(text, published=published,
                                                                                name="pasted text")], []))
                    except ArticleError as err:
                        results.append(("error", [str(err)]))
        with url:
            with st.form("store_url_form", clear_on_submit=False, border=False):
                address = st.text_input("Article, page or feed address", key="store_url_text",
                                        placeholder="https://\u2026").strip()
                if st.form_submit_button("Fetch") and address:
                    errors = []
                    try:
                        found = timeline.read_articles(address, report=errors)
                    except (ArticleError, TypeError, ValueError) as err:
                        found, errors = [], [err]
                    results.append(_ingest(store, address, found, [str(e) for e in errors]))
        if results:
            ss["_store_last"] = last = results
        for kind, messages in last:
            for message in messages:
                getattr(st, kind)(message)
        stats = views.memo("store_stats", store.version(), store.stats, keep=1)  # after this run's ingest
        changed = store.last_modified()
        st.caption(f"{stats['articles']:,} articles, {stats['mentions']:,} event mentions, {stats['events']:,} "
                   f"events" + (f"; last written {changed:%Y-%m-%d %H:%M:%S}" if changed else "; empty"))


def _ingest(store: EventStore, name: str, articles: list, errors: list[str]) -> tuple[str, list[str]]:
    if not articles:
        return "error", errors or [f"{name}: no article found in it"]
    try:
        report = store.ingest(articles)
    except StoreError as err:  # another writer (StoreBusyError), a full disk, a damaged file: nothing changed
        return "error", [*errors, f"{name}: not stored: {err}"]
    messages = [f"{name}: {report.summary()}"] + [f"{name}: {e}" for e in errors + report.errors]
    return ("warning" if errors or report.errors else "success"), messages


def _aggregated_charts(path: str, version: str, key: str, filters: Filters, sel: dict | None,
                       picked: pd.DataFrame, total: int, lane: str, size_by: str) -> None:
    gen = st.session_state.get("chart_gen", 0)
    if sel:
        c1, c2 = st.columns([4, 1])
        c1.info(f"Selection: {sel.get('total', len(sel['ids'])):,} of {total:,} events. The table and the exports "
                "show only these.")
        c2.button("\u2715 Clear selection", on_click=views.clear_selection, key="clear_selection", type="primary",
                  width="stretch")
    else:
        st.caption(f"{total:,} events: the charts count them in the store. Click a circle or a place, or drag a "
                   "box, to list their events below.")
    tl = timeline_figure(path, version, key, filters, lane)
    st.plotly_chart(tl, width="stretch", config=views.PLOTLY_CONFIG, key=f"timeline_chart_{gen}",
                    on_select=lambda: views._on_select("timeline", f"timeline_chart_{gen}"),
                    selection_mode=views.SELECT_MODES)
    mp = map_figure(path, version, key, filters, size_by)
    st.plotly_chart(mp, width="stretch", config=views.PLOTLY_CONFIG, key=f"map_chart_{gen}",
                    on_select=lambda: views._on_select("map", f"map_chart_{gen}"), selection_mode=views.SELECT_MODES)


def _exports(store: EventStore, picked: pd.DataFrame, filters: Filters, sel: dict | None, total: int) -> None:
    st.subheader("Export")
    n = len(picked) if sel else total
    if sel and sel.get("total", n) > n:
        st.caption(f"The first {n:,} of the {sel['total']:,} events picked on the charts: narrow the filters to "
                   "export all of them.")
    else:
        st.caption(f"Exactly the {n:,} rows {'picked on the charts' if sel else 'the filters keep'}.")
    cols = st.columns(len(export.EXPORTERS))
    for col, (fmt, (maker, mime)) in zip(cols, export.EXPORTERS.items()):
        if sel or total <= len(picked):
            frozen = picked

            def payload(maker=maker, frozen=frozen):
                return maker(frozen)
        elif fmt == "csv":
            def payload(filters=filters):
                return store.to_csv(None, filters)  # each row's CSV line is stored: fast for a million rows
        elif total > PAGE_EXPORT_ROWS:  # made in the server's memory: too big, the command line streams it
            col.button(f"Download {views.EXPORT_LABELS[fmt]}", disabled=True, key=f"download_{fmt}", width="stretch",
                       help=f"{total:,} events: more than the page makes as {views.EXPORT_LABELS[fmt]} "
                            f"({PAGE_EXPORT_ROWS:,}). Narrow the filters"
                            + ("." if fmt == "timelinejs" else f", or run python -m timeline export --db "
                               f"{store.path} -o events.{fmt} with the same filters (it streams them)."))
            continue
        else:
            def payload(maker=maker, filters=filters):
                return maker(store.query(filters))
        col.download_button(
            f"Download {views.EXPORT_LABELS[fmt]}", data=payload, mime=mime, key=f"download_{fmt}",
            file_name=export.file_name(fmt, n, filters, selected=bool(sel)), help=views.EXPORT_HELP[fmt],
            on_click="ignore", width="stretch")


def _article(store: EventStore) -> str | None:
    """The article of the row picked in the table, with every mark the extraction made in it."""
    st.subheader("Article")
    event_id = st.session_state.get("open_event")
    if not event_id:
        st.caption("Select a row of the table to read its article here, with the words each field came from.")
        return None
    rows = store.by_ids([event_id])
    if rows.empty:
        st.session_state["open_event"] = None
        return None
    row = rows.iloc[0]
    article = store.article(row["article_id"])
    views._explain(row)
    if article is None:
        st.caption("The store does not hold this event's article text (events imported from a file).")
        return event_id
    own = store.select("SELECT * FROM events WHERE article_id = ? ORDER BY sentence_start", [article.id])
    mentions = store.select("SELECT m.sentence, m.sentence_start, m.spans FROM mentions m JOIN articles a "
                            "ON m.article_key = a.key WHERE a.id = ?", [article.id])
    meta = " \u00b7 ".join(html.escape(str(v)) for v in (article.source, article.published, article.url) if v)
    st.markdown(f"**{html.escape(article.title or article.id)}**  \n<small>{meta}</small>", unsafe_allow_html=True)
    st.markdown(CSS + LEGEND, unsafe_allow_html=True)
    spans = spans_of(pd.concat([mentions, own[["sentence", "sentence_start", "spans"]]]), article.text)
    st.markdown(article_html(article.text, spans, sentences_of(own, article.text)), unsafe_allow_html=True)
    return event_id


@st.cache_data(max_entries=4, ttl=3600, show_spinner=False)
def quality(path: str, version: str) -> dict:
    store = EventStore(path)
    coarse = ", ".join(f"'{c}'" for c in ("year", "decade", "century"))
    q = store.select(
        f"SELECT count(*) FILTER (WHERE date_precision IN ({coarse})) AS year_only, "
        "count(*) FILTER (WHERE date_start IS NULL) AS undated, "
        "count(*) FILTER (WHERE location IS NOT NULL AND lat IS NULL) AS not_geocoded, "
        "count(*) FILTER (WHERE location IS NULL AND lat IS NULL) AS no_place, "
        "count(*) FILTER (WHERE sources > 1) AS merged_events, "
        "coalesce(sum(greatest(sources - 1, 0)), 0) AS merged_mentions, "
        "count(*) FILTER (WHERE confidence < 0.5) AS low_confidence FROM events")
    out = {k: int(q.at[0, k]) for k in q.columns} if q is not None else {}
    silent = store.select("SELECT coalesce(nullif(title, ''), id) AS name FROM articles a WHERE NOT EXISTS "
                          "(SELECT 1 FROM mentions m WHERE m.article_key = a.key) ORDER BY ingested, key")
    out["silent"] = [] if silent is None else list(silent["name"])
    return out


def _quality(path: str, version: str) -> None:
    q = quality(path, version)
    if not q or "year_only" not in q:
        return
    with st.expander("Data quality: what to weigh these rows by"):
        cols = st.columns(4)
        cols[0].metric("Year-only dates", f"{q['year_only']:,}", help="dates known only to the year, decade or century")
        cols[1].metric("Places not geocoded", f"{q['not_geocoded']:,}",
                       help=f"named places without coordinates; {q['no_place']:,} more events name no place")
        cols[2].metric("Merged duplicates", f"{q['merged_events']:,}",
                       help=f"events reported by more than one article; {q['merged_mentions']:,} duplicate reports "
                            "folded into them")
        cols[3].metric("Articles with no events", f"{len(q['silent']):,}",
                       help="stored articles from which no event was extracted")
        st.caption(f"{q['undated']:,} undated events (on no timeline), {q['low_confidence']:,} with confidence "
                   "under 0.5.")
        if q["silent"]:
            st.caption("No events found in: " + "; ".join(f"\u201c{n}\u201d" for n in q["silent"][:30])
                       + (" \u2026" if len(q["silent"]) > 30 else ""))
