"""Figures: event frame -> plotly Figure. Pure functions, no Streamlit.

Dates are drawn with their precision: a day is a marker, a month or a year
is a bar over its interval with the marker at its start. Status is the
marker's fill: filled occurred, hollow planned, faint possible, a cross for
denied. Every point carries its event_id in customdata, so a selection on
the page maps back to events, not row positions. Text from articles goes
into hover labels escaped, so it shows as text and never as markup.
"""
from __future__ import annotations

import html

import pandas as pd
import plotly.graph_objects as go

from .filters import split_names

LANES = {"event type": "event_type", "actor": "actors", "country": "country", "article": "title"}
DASH = "\u2014"
MAX_POINTS = 2000  # above this the timeline draws counts per lane and month instead of events

STATUS_STYLE = {
    "occurred": dict(symbol="circle", opacity=0.95),
    "planned": dict(symbol="circle-open", opacity=0.95),
    "possible": dict(symbol="circle", opacity=0.35),
    "denied": dict(symbol="x-thin-open", opacity=0.9),
}
GEO_SYMBOL = {"city": "circle", "region": "square", "country": "diamond"}
PALETTE = ["#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#8c564b", "#e377c2", "#17becf",
           "#bcbd22", "#7f7f7f", "#393b79", "#637939", "#8c6d31", "#843c39", "#7b4173", "#3182bd"]


def type_colors(types) -> dict[str, str]:
    """A fixed colour per event type, stable whatever subset is shown."""
    from .schema import EVENT_TYPES

    known = list(EVENT_TYPES)
    out = {}
    for t in sorted(set(types)):
        i = known.index(t) if t in known else len(known) + sum(map(ord, t))
        out[t] = PALETTE[i % len(PALETTE)]
    return out


def _esc(value, limit: int = 300) -> str:
    if value is None or (isinstance(value, float) and pd.isna(value)):
        return ""
    text = str(value)
    if len(text) > limit:
        text = text[: limit - 1] + "\u2026"
    return html.escape(text)


def _wrap(text: str, width: int = 80) -> str:
    words, lines, line = text.split(" "), [], ""
    for w in words:
        if len(line) + len(w) + 1 > width and line:
            lines.append(line)
            line = w
        else:
            line = f"{line} {w}".strip()
    lines.append(line)
    return "<br>".join(lines)


def hover_text(row) -> str:
    """Hover label of one event: date as written and normalised, actors, place, sentence, source."""
    start = row["date_start"]
    end = row["date_end"]
    if pd.isna(start):
        when = "undated"
    elif pd.isna(end) or end == start:
        when = f"{start:%Y-%m-%d}"
    else:
        when = f"{start:%Y-%m-%d} to {end:%Y-%m-%d}"
    written = f" (\u201c{_esc(row['date_text'], 60)}\u201d)" if isinstance(row["date_text"], str) else ""
    precision = f", {row['date_precision']}" if isinstance(row["date_precision"], str) else ""
    parts = [
        f"<b>{_esc(row['event_type'])}</b> \u00b7 {_esc(row['status'])}",
        f"{when}{precision}{written}",
        f"actors: {_esc(row['actors']) or DASH}",
        f"place: {_esc(row['location']) or DASH}",
        _wrap(_esc(row["sentence"], 400)),
        f"source: {_esc(row['source']) or _esc(row['title'], 80) or DASH}"
        + (f" \u00b7 reported by {_esc(row['reported_by'])}" if isinstance(row["reported_by"], str) else ""),
    ]
    return "<br>".join(parts)


def _lane_frame(frame: pd.DataFrame, lane: str) -> pd.DataFrame:
    column = LANES.get(lane, lane)
    work = frame.copy()
    if column == "actors":
        work["lane"] = work["actors"].map(lambda v: split_names(v) or ["(no actor)"])
        work = work.explode("lane")
    else:
        work["lane"] = work[column].fillna("(none)").astype(str)
    return work


def _empty(title: str, message: str) -> go.Figure:
    fig = go.Figure()
    fig.update_layout(title=title, xaxis=dict(visible=False), yaxis=dict(visible=False), height=300,
                      annotations=[dict(text=message, showarrow=False, font=dict(size=16))])
    return fig


def timeline(frame: pd.DataFrame, lane: str = "event type") -> go.Figure:
    """Events along time in lanes; spans for coarse dates; aggregated counts when there are too many."""
    dated = frame[frame["date_start"].notna()]
    if dated.empty:
        return _empty("Timeline", "No dated events to show")
    work = _lane_frame(dated, lane)
    lanes = sorted(work["lane"].unique(), key=str)
    colors = type_colors(work["event_type"].dropna())
    fig = go.Figure()
    if len(work) > MAX_POINTS:
        return _aggregated(work, lanes, colors, len(dated))
    # spans for dates coarser than a day, drawn under the markers
    coarse = work[work["date_end"] > work["date_start"]]
    for etype, group in coarse.groupby("event_type"):
        xs, ys = [], []
        for start, end, lane_value in zip(group["date_start"], group["date_end"] + pd.Timedelta(days=1), group["lane"]):
            xs += [start, end, None]
            ys += [lane_value, lane_value, None]
        fig.add_trace(go.Scatter(
            x=xs, y=ys, mode="lines", line=dict(color=colors[etype], width=10), opacity=0.3,
            hoverinfo="skip", showlegend=False, legendgroup=etype, name=f"{etype} span"))
    seen = set()
    groups = sorted(work.groupby(["event_type", "status"]), key=lambda kv: (kv[0][0], list(STATUS_STYLE).index(kv[0][1])
                                                                             if kv[0][1] in STATUS_STYLE else 9))
    for (etype, status), group in groups:  # occurred first, so the legend shows the filled marker
        style = STATUS_STYLE.get(status, STATUS_STYLE["occurred"])
        fig.add_trace(go.Scatter(
            x=group["date_start"], y=group["lane"], mode="markers", name=etype,
            legendgroup=etype, showlegend=etype not in seen, customdata=group["event_id"],
            marker=dict(color=colors[etype], size=13, symbol=style["symbol"], opacity=style["opacity"],
                        line=dict(width=2, color=colors[etype])),
            hovertext=[hover_text(r) for _, r in group.iterrows()], hoverinfo="text",
        ))
        seen.add(etype)
    fig.update_layout(
        title=dict(text=f"Timeline \u2014 {len(dated)} events"
                   "<br><sup>\u25cf occurred \u00a0 \u25cb planned \u00a0 faint: possible \u00a0 \u00d7 denied"
                   " \u00a0 bars: dates known only to the month or year</sup>"),
        height=max(360, 140 + 30 * len(lanes)),
        xaxis=dict(type="date", rangeslider=dict(visible=True, thickness=0.07), title=None,
                   range=_focus(dated)),
        yaxis=dict(type="category", categoryorder="array", categoryarray=lanes[::-1], title=None, automargin=True),
        legend=dict(font=dict(size=11), title=dict(text="type")),
        margin=dict(l=10, r=10, t=70, b=10), hoverlabel=dict(align="left"), dragmode="select",
        clickmode="event+select",
    )
    return fig


def _focus(dated: pd.DataFrame) -> list | None:
    """Initial x range: the bulk of the events, so a lone old background event does not squash the rest
    (the range slider still shows everything)."""
    starts = dated["date_start"].sort_values()
    if len(starts) < 10:
        return None
    lo, hi = starts.quantile(0.05), dated["date_end"].max()
    if lo - starts.iloc[0] < (hi - lo) * 0.5:
        return None
    pad = max(pd.Timedelta(days=15), (hi - lo) * 0.04)
    return [lo - pad, hi + pad]


def _aggregated(work: pd.DataFrame, lanes, colors, n_events: int) -> go.Figure:
    work = work.assign(month=work["date_start"].dt.to_period("M").dt.to_timestamp())
    grouped = work.groupby(["lane", "month", "event_type"]).agg(
        count=("event_id", "size"), ids=("event_id", lambda s: list(s)[:200])).reset_index()
    top = max(1, int(grouped["count"].max()))
    fig = go.Figure()
    for etype, group in grouped.groupby("event_type"):
        fig.add_trace(go.Scatter(
            x=group["month"], y=group["lane"], mode="markers", name=etype, customdata=group["ids"],
            marker=dict(color=colors[etype], size=6 + 30 * (group["count"] / top) ** 0.5, opacity=0.7),
            hovertext=[f"<b>{_esc(etype)}</b><br>{m:%B %Y}<br>{c} events" for m, c in zip(group["month"], group["count"])],
            hoverinfo="text"))
    fig.update_layout(
        title=f"Timeline \u2014 {n_events} events, aggregated: counts per month (too many to draw one by one)",
        height=max(320, 90 + 34 * len(lanes)),
        xaxis=dict(type="date", rangeslider=dict(visible=True, thickness=0.07)),
        yaxis=dict(type="category", categoryorder="array", categoryarray=lanes[::-1], automargin=True),
        legend=dict(orientation="h", yanchor="bottom", y=1.02, x=0), margin=dict(l=10, r=10, t=90, b=10),
        dragmode="select",
    )
    return fig


def event_map(frame: pd.DataFrame, size_by: str = "events") -> go.Figure:
    """Markers per place, sized by events (or sources), coloured by the most common type."""
    placed = frame[frame["lat"].notna() & frame["lon"].notna()]
    fig = go.Figure()
    if placed.empty:
        fig.add_trace(go.Scattergeo(lat=[], lon=[], mode="markers"))
        fig.update_layout(title="Map \u2014 no located events", height=460, margin=dict(l=0, r=0, t=40, b=0))
        return fig
    colors = type_colors(placed["event_type"].dropna())
    rows = []
    for (loc, lat, lon, prec), group in placed.groupby(["location", "lat", "lon", "geo_precision"], dropna=False):
        types = group["event_type"].value_counts()
        weight = int(group["sources"].sum()) if size_by == "sources" else len(group)
        lines = [f"<b>{_esc(loc)}</b> ({_esc(prec) or 'place'})", f"{len(group)} events, {int(group['sources'].sum())} sources"]
        lines += [f"{_esc(t)}: {n}" for t, n in types.head(6).items()]
        for _, r in group.head(3).iterrows():
            when = f"{r['date_start']:%Y-%m-%d}" if not pd.isna(r["date_start"]) else "undated"
            lines.append(f"\u2022 {when} {_esc(r['actors'], 60)}: {_wrap(_esc(r['sentence'], 160), 70)}")
        rows.append(dict(location=loc, lat=lat, lon=lon, precision=prec if isinstance(prec, str) else "city",
                         weight=weight, top=types.index[0], ids=list(group["event_id"]), hover="<br>".join(lines)))
    places = pd.DataFrame(rows)
    top = max(1, int(places["weight"].max()))
    for (etype, prec), group in places.groupby(["top", "precision"]):
        fig.add_trace(go.Scattergeo(
            lat=group["lat"], lon=group["lon"], mode="markers", name=f"{etype} \u00b7 {prec}",
            customdata=group["ids"], hovertext=group["hover"], hoverinfo="text",
            marker=dict(size=9 + 26 * (group["weight"] / top) ** 0.5, color=colors[etype],
                        symbol=GEO_SYMBOL.get(prec, "circle"), opacity=0.8, line=dict(width=1, color="#333")),
        ))
    fig.update_geos(showcountries=True, countrycolor="#999", showland=True, landcolor="#f2efe9",
                    showocean=True, oceancolor="#dfeaf3", showcoastlines=True, coastlinecolor="#888",
                    projection_type="natural earth", fitbounds="locations" if len(places) > 1 else False)
    fig.update_layout(title=f"Map \u2014 {len(placed)} located events at {len(places)} places", height=480,
                      margin=dict(l=0, r=0, t=40, b=0), legend=dict(font=dict(size=11)), dragmode="select")
    return fig
