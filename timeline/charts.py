"""Figures: event frame -> plotly Figure. Pure functions, no Streamlit.

Dates are drawn with their precision: a day is a marker, a month or a year
is a bar over its interval with the marker at its start. Status is the
marker's fill: filled occurred, hollow planned, faint possible, a cross for
denied. Every point carries a selection key in customdata (an event's
event_id, or a key naming a month cell or a place that ``selected_ids``
turns back into event_ids), so a selection on the page maps back to events,
not row positions. Text from articles goes into hover labels escaped, so it
shows as text and never as markup.
"""
from __future__ import annotations

import html
from itertools import chain

import numpy as np
import pandas as pd
import plotly.graph_objects as go

LANES = {"event type": "event_type", "actor": "actors", "country": "country", "article": "title"}
SIZE_BY = ("events", "sources")
DASH = "\u2014"
MAX_POINTS = 2000  # above this the timeline draws counts per lane and month instead of events
MAX_LANES = 30  # lanes beyond the busiest ones are folded into one "other" lane
MAX_PLACES = 3000  # the map keeps the busiest places; the title says how many are left out
OTHER = "(other)"
AGG_KEY = "agg"
PLACE_KEY = "place"
SEP = "\x1f"  # unit separator: never in a name

STATUS_STYLE = {
    "occurred": dict(symbol="circle", opacity=0.95),
    "planned": dict(symbol="circle-open", opacity=0.95),
    "possible": dict(symbol="circle", opacity=0.35),
    "denied": dict(symbol="x-thin-open", opacity=0.9),
}
GEO_SYMBOL = {"city": "circle", "region": "square", "country": "diamond"}
PALETTE = ["#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#8c564b", "#e377c2", "#17becf",
           "#bcbd22", "#7f7f7f", "#393b79", "#637939", "#8c6d31", "#843c39", "#7b4173", "#3182bd",
           "#00a08b", "#fb0d0d", "#511cfb", "#b68100", "#fc0080", "#0d2a63", "#6c4516", "#1ca71c"]
_COLUMNS = ["event_id", "date_start", "date_end", "date_precision", "date_text", "status", "event_type",
            "actors", "location", "sentence", "source", "title", "reported_by", "country"]


def type_colors(types) -> dict[str, str]:
    """A fixed colour per event type, stable whatever subset is shown."""
    from .schema import EVENT_TYPES

    known = list(EVENT_TYPES)
    out = {}
    values = types.dropna().unique() if isinstance(types, pd.Series) else {t for t in types if isinstance(t, str)}
    for t in sorted(values):
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


def when(start, end) -> str:
    """'2023-09-13', '2023-09-01 to 2023-09-30' or 'undated'."""
    if pd.isna(start):
        return "undated"
    if pd.isna(end) or end == start:
        return f"{start:%Y-%m-%d}"
    return f"{start:%Y-%m-%d} to {end:%Y-%m-%d}"


def hover_text(row) -> str:
    """Hover label of one event: date as written and normalised, actors, place, sentence, source."""
    written = f" (\u201c{_esc(row['date_text'], 60)}\u201d)" if isinstance(row["date_text"], str) else ""
    precision = f", {row['date_precision']}" if isinstance(row["date_precision"], str) else ""
    parts = [
        f"<b>{_esc(row['event_type'])}</b> \u00b7 {_esc(row['status'])}",
        f"{when(row['date_start'], row['date_end'])}{precision}{written}",
        f"actors: {_esc(row['actors']) or DASH}",
        f"place: {_esc(row['location']) or DASH}",
        _wrap(_esc(row["sentence"], 400)),
        f"source: {_esc(row['source']) or _esc(row['title'], 80) or DASH}"
        + (f" \u00b7 reported by {_esc(row['reported_by'])}" if isinstance(row["reported_by"], str) else ""),
    ]
    return "<br>".join(parts)


def lane_values(frame: pd.DataFrame, lane: str, columns=None) -> pd.DataFrame:
    """One row per (event, lane): an event with three actors sits in three actor lanes."""
    column = LANES.get(lane, lane)
    keep = [c for c in (columns or _COLUMNS) if c in frame.columns]
    if column not in keep:
        keep.append(column)
    work = frame[keep].copy()
    if column == "actors":
        names = [v.split("; ") if isinstance(v, str) and v else ["(no actor)"]
                 for v in work["actors"].to_numpy(dtype=object, na_value=None)]
        repeat = np.fromiter(map(len, names), dtype=np.int64, count=len(names))
        # numpy takes: several times faster than exploding pyarrow string columns
        work = pd.DataFrame({c: np.repeat(work[c].to_numpy(dtype=object if str(work[c].dtype) == "str" else None),
                                          repeat) for c in keep}, index=np.repeat(work.index.to_numpy(), repeat))
        work["lane"] = list(chain.from_iterable(names))
    else:
        work["lane"] = work[column].astype(object).where(work[column].notna(), "(none)").astype(str)
    return work


def _cap_lanes(work: pd.DataFrame) -> tuple[pd.DataFrame, list[str], int]:
    """Keep the MAX_LANES busiest lanes, fold the rest into OTHER; lanes sorted by name."""
    tally = work["lane"].value_counts()
    folded = 0
    if len(tally) > MAX_LANES:
        keep = set(tally.index[: MAX_LANES - 1])
        folded = len(tally) - len(keep)
        work = work.assign(lane=work["lane"].where(work["lane"].isin(keep), OTHER))
    lanes = sorted(work["lane"].unique(), key=lambda v: (v == OTHER, str(v)))
    return work, lanes, folded


def _empty(title: str, message: str) -> go.Figure:
    fig = go.Figure()
    fig.update_layout(title=title, xaxis=dict(visible=False), yaxis=dict(visible=False), height=300,
                      annotations=[dict(text=message, showarrow=False, font=dict(size=16))])
    return fig


def timeline(frame: pd.DataFrame, lane: str = "event type") -> go.Figure:
    """Events along time in lanes; spans for coarse dates; aggregated counts when there are too many."""
    has_date = frame["date_start"].notna()
    if not has_date.any():
        return _empty("Timeline", "No dated events to show")
    many = int(has_date.sum()) > MAX_POINTS
    dated = frame.loc[has_date, list(dict.fromkeys(["event_id", "date_start", "date_end", "event_type",
                                                    LANES.get(lane, lane)])) if many else list(frame.columns)]
    work, lanes, folded = _cap_lanes(lane_values(dated, lane, ["date_start", "event_type"] if many else None))
    colors = type_colors(work["event_type"].dropna())
    if many or len(work) > MAX_POINTS:
        return _aggregated(work, lanes, colors, len(dated), folded, _focus(dated))
    fig = go.Figure()
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
    order = list(STATUS_STYLE)
    groups = sorted(work.groupby(["event_type", "status"]),
                    key=lambda kv: (kv[0][0], order.index(kv[0][1]) if kv[0][1] in order else 9))
    for (etype, status), group in groups:  # occurred first, so the legend shows the filled marker
        style = STATUS_STYLE.get(status, STATUS_STYLE["occurred"])
        fig.add_trace(go.Scatter(
            x=group["date_start"], y=group["lane"], mode="markers", name=etype,
            legendgroup=etype, showlegend=etype not in seen, customdata=group["event_id"],
            marker=dict(color=colors[etype], size=13, symbol=style["symbol"], opacity=style["opacity"],
                        line=dict(width=2, color=colors[etype])),
            hovertext=[hover_text(r) for r in group.to_dict("records")], hoverinfo="text",
        ))
        seen.add(etype)
    other = f" \u00b7 {folded} smaller lanes folded into \u201c{OTHER}\u201d" if folded else ""
    fig.update_layout(
        title=dict(text=f"Timeline \u2014 {len(dated)} events{other}"
                   "<br><sup>\u25cf occurred \u00a0 \u25cb planned \u00a0 faint: possible \u00a0 \u00d7 denied"
                   " \u00a0 bars: dates known only to the week, month or year</sup>"),
        height=max(260, 150 + 32 * len(lanes)),
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
    starts = dated["date_start"]
    return focus_from(starts.min(), starts.quantile(0.05), dated["date_end"].max(), len(starts))


def focus_from(first: pd.Timestamp, q05: pd.Timestamp, last: pd.Timestamp, n: int) -> list | None:
    """``_focus`` from the earliest start, the 5th percentile of the starts, the latest end and the count."""
    if last - first < pd.Timedelta(days=30):
        # one event, or a few days: show a month around them, not hours of empty axis
        middle = first + (last - first) / 2
        return [middle - pd.Timedelta(days=15), middle + pd.Timedelta(days=16)]
    if n < 10:
        return None
    lo, hi = q05, last
    if lo - first < (hi - lo) * 0.5:
        return None
    pad = max(pd.Timedelta(days=15), (hi - lo) * 0.04)
    return [lo - pad, hi + pad]


BINS = (("M", "month", "%B %Y"), ("Q", "quarter", "Q%q %Y"), ("Y", "year", "%Y"))
MAX_CELLS = 4000  # points of the aggregated timeline


def _bin(work: pd.DataFrame, lanes: int) -> tuple[str, str, str]:
    """The finest of month, quarter, year that keeps lanes x bins under MAX_CELLS."""
    starts = work["date_start"]
    freq = bin_for(starts.quantile(0.02), starts.max(), lanes)  # the bulk, not a lone old event
    return next(b for b in BINS if b[0] == freq)


def agg_key(freq: str, lane: str, period_start: pd.Timestamp) -> str:
    return SEP.join((AGG_KEY, freq, f"{period_start:%Y-%m-%d}", str(lane)))


def _periods(dates: pd.Series, freq: str) -> pd.Series:
    return dates.dt.to_period(freq).dt.start_time


def _aggregated(work: pd.DataFrame, lanes, colors, n_events: int, folded: int, focus=None) -> go.Figure:
    freq, name, fmt = _bin(work, len(lanes))
    work = work.assign(period=_periods(work["date_start"], freq))
    cells = work.groupby(["lane", "period", "event_type"], observed=True).size().rename("n").reset_index()
    return aggregated_figure(cells, lanes, colors, n_events, folded, focus, freq)


def bin_for(first: pd.Timestamp, last: pd.Timestamp, lanes: int) -> str:
    """The finest of month ("M"), quarter ("Q"), year ("Y") that keeps lanes x bins under MAX_CELLS, for
    dates from ``first`` (the bulk's start, not a lone old event) to ``last``."""
    span_months = max(1, (last - first).days / 30.4)
    for freq, _, _ in BINS:
        if lanes * span_months / {"M": 1, "Q": 3, "Y": 12}[freq] <= MAX_CELLS:
            return freq
    return BINS[-1][0]


def aggregated_figure(cells: pd.DataFrame, lanes, colors, n_events: int, folded: int, focus, freq: str
                      ) -> go.Figure:
    """The aggregated timeline from counts: ``cells`` has columns lane, period (the period's first day),
    event_type, n (events of that type in that lane and period)."""
    _, name, fmt = next(b for b in BINS if b[0] == freq)
    by_type = cells.sort_values(["lane", "period", "n", "event_type"], ascending=[True, True, False, True])
    breakdown: dict[tuple, list[str]] = {}
    label_of = {t: _esc(t) for t in by_type["event_type"].unique()}
    for lane, period, etype, n in by_type.groupby(["lane", "period"], sort=False).head(5).itertuples(index=False):
        breakdown.setdefault((lane, period), []).append(f"{label_of[etype]}: {n}")
    cells = by_type.drop_duplicates(["lane", "period"]).rename(columns={"event_type": "top"})
    cells["count"] = by_type.groupby(["lane", "period"], sort=False)["n"].transform("sum").loc[cells.index]
    top = max(1, int(cells["count"].max())) if len(cells) else 1
    fig = go.Figure()
    for etype, group in cells.groupby("top"):
        label = [period.strftime(fmt.replace("%q", str((period.month - 1) // 3 + 1))) for period in group["period"]]
        fig.add_trace(go.Scatter(
            x=group["period"], y=group["lane"], mode="markers", name=etype,
            customdata=[agg_key(freq, lane, p) for lane, p in zip(group["lane"], group["period"])],
            marker=dict(color=colors[etype], size=(5 + 24 * (group["count"] / top) ** 0.5).round(1), opacity=0.75),
            hovertext=[f"<b>{_esc(lane, 60)}</b> \u00b7 {when_}<br>{c} events<br>"
                       + "<br>".join(breakdown[(lane, p)])
                       for lane, p, when_, c in zip(group["lane"], group["period"], label, group["count"])],
            hoverinfo="text"))
    other = f"; {folded} smaller lanes folded into \u201c{OTHER}\u201d" if folded else ""
    fig.update_layout(
        title=dict(text=f"Timeline \u2014 {n_events:,} events, aggregated: too many to draw one by one"
                   f"<br><sup>each circle counts one lane's events in a {name}, coloured by its most common type"
                   f"{other}; select circles to list their events</sup>"),
        height=max(260, 150 + 32 * len(lanes)),
        xaxis=dict(type="date", rangeslider=dict(visible=True, thickness=0.07), range=focus),
        yaxis=dict(type="category", categoryorder="array", categoryarray=lanes[::-1], automargin=True),
        legend=dict(font=dict(size=11), title=dict(text="main type")), margin=dict(l=10, r=10, t=70, b=10),
        hoverlabel=dict(align="left"), dragmode="select", clickmode="event+select",
    )
    return fig


def place_key(lat: float, lon: float) -> str:
    return SEP.join((PLACE_KEY, f"{lat:.4f}", f"{lon:.4f}"))


def _place_codes(frame: pd.DataFrame) -> pd.Series:
    """One integer per distinct (lat, lon): the map's places."""
    lat_code, _ = pd.factorize(frame["lat"].round(4))
    lon_code, lon_values = pd.factorize(frame["lon"].round(4))
    codes, _ = pd.factorize(lat_code.astype("int64") * (len(lon_values) + 1) + lon_code)
    return pd.Series(codes, index=frame.index)


def event_map(frame: pd.DataFrame, size_by: str = "events") -> go.Figure:
    """Markers per place, sized by events (or sources), coloured by the most common type, shaped by
    the place's precision (circle city, square region, diamond country)."""
    located = frame["lat"].notna() & frame["lon"].notna()
    if not located.any():
        return map_figure(None, None, None, size_by, 0)
    # numbers first: the long text columns are only read for the few rows the hover labels quote
    work = frame.loc[located, ["lat", "lon", "event_type", "sources", "date_start"]]
    work = work.assign(place=_place_codes(work).values)
    first = work.drop_duplicates("place")
    first = first.join(frame.loc[first.index, ["location", "geo_precision"]]).set_index("place")
    places = pd.DataFrame({"lat": first["lat"], "lon": first["lon"], "location": first["location"],
                           "precision": first["geo_precision"]})
    places["events"] = work.groupby("place", sort=False).size()
    places["sources"] = work.groupby("place", sort=False)["sources"].sum()
    by_type = work.groupby(["place", "event_type"], sort=False, observed=True).size().rename("n").reset_index()
    samples = work.sort_values("date_start").groupby("place", sort=False).head(3)
    samples = samples.join(frame.loc[samples.index, ["actors", "sentence"]])[["place", "date_start", "actors",
                                                                               "sentence"]]
    return map_figure(places, by_type, samples, size_by, len(work))


def map_figure(places: pd.DataFrame | None, by_type: pd.DataFrame | None, samples: pd.DataFrame | None,
               size_by: str, n_located: int) -> go.Figure:
    """The map from counts per place. ``places`` is indexed by a place id, with columns lat, lon, location,
    precision, events, sources; ``by_type`` has place, event_type, n; ``samples`` has place, date_start,
    actors, sentence (the earliest few events of each place, quoted in its hover label)."""
    fig = go.Figure()
    if places is None or places.empty:
        fig.add_trace(go.Scattergeo(lat=[], lon=[], mode="markers"))
        fig.update_layout(title="Map \u2014 no located events", height=460, margin=dict(l=0, r=0, t=40, b=0))
        _geos(fig, fit=False)
        return fig
    places = places.assign(
        location=places["location"].astype(object).where(places["location"].notna(), "(unnamed place)"),
        precision=places["precision"].astype(object).where(places["precision"].notna(), "place"))
    by_type = by_type.sort_values(["place", "n", "event_type"], ascending=[True, False, True])
    places["top"] = by_type.drop_duplicates("place").set_index("place")["event_type"]
    places["weight"] = places["sources"] if size_by == "sources" else places["events"]
    places = places.sort_values("weight", ascending=False, kind="stable")
    left_out = max(0, len(places) - MAX_PLACES)
    places = places.head(MAX_PLACES)
    kept = set(places.index)
    lines: dict = {}
    for place, etype, n in by_type[["place", "event_type", "n"]].itertuples(index=False):
        if place in kept and len(lines.setdefault(place, [])) < 6:
            lines[place].append(f"{_esc(etype)}: {n}")
    samples = samples[samples["place"].isin(kept)].sort_values("date_start", kind="stable")
    for r in samples.groupby("place", sort=False).head(3).itertuples(index=False):
        day = f"{r.date_start:%Y-%m-%d}" if not pd.isna(r.date_start) else "undated"
        lines.setdefault(r.place, []).append(f"\u2022 {day} {_esc(r.actors, 60)}: {_wrap(_esc(r.sentence, 160), 70)}")
    places["hover"] = [f"<b>{_esc(loc)}</b> ({_esc(prec)})<br>{ev} events, {src} sources<br>"
                       + "<br>".join(lines.get(p, []))
                       for p, loc, prec, ev, src in zip(places.index, places["location"], places["precision"],
                                                        places["events"], places["sources"])]
    places["key"] = [place_key(lat, lon) for lat, lon in zip(places["lat"], places["lon"])]
    colors = type_colors(places["top"])
    top = max(1, int(places["weight"].max()))
    for (etype, prec), group in places.groupby(["top", "precision"]):
        fig.add_trace(go.Scattergeo(
            lat=group["lat"], lon=group["lon"], mode="markers", name=f"{etype} \u00b7 {prec}",
            customdata=group["key"], hovertext=group["hover"], hoverinfo="text",
            marker=dict(size=(8 + 26 * (group["weight"] / top) ** 0.5).round(1), color=colors[etype],
                        symbol=GEO_SYMBOL.get(prec, "circle"), opacity=0.8, line=dict(width=1, color="#333")),
        ))
    _geos(fig, fit=len(places) > 1)
    dropped = f" (the {MAX_PLACES} busiest; {left_out} smaller places not drawn)" if left_out else ""
    fig.update_layout(
        title=dict(text=f"Map \u2014 {n_located:,} located events at {len(places) + left_out:,} places{dropped}"
                   f"<br><sup>size: number of {size_by} \u00b7 \u25cf city \u00a0 \u25a0 region \u00a0"
                   " \u25c6 country</sup>"),
        height=500, margin=dict(l=0, r=0, t=60, b=0), legend=dict(font=dict(size=11)), dragmode="select",
        clickmode="event+select", hoverlabel=dict(align="left"))
    return fig


def _geos(fig: go.Figure, fit: bool) -> None:
    fig.update_geos(showcountries=True, countrycolor="#999", showland=True, landcolor="#f2efe9",
                    showocean=True, oceancolor="#dfeaf3", showcoastlines=True, coastlinecolor="#888",
                    projection_type="natural earth", fitbounds="locations" if fit else False)


def selected_ids(frame: pd.DataFrame, keys, lane: str = "event type") -> list[str]:
    """The event_ids behind selected points: event ids themselves, month cells of the aggregated
    timeline, places of the map. Ids not in ``frame`` drop out; the order is the frame's."""
    keys = [k[0] if isinstance(k, (list, tuple)) and k else k for k in keys]
    keys = [k for k in keys if isinstance(k, str)]
    if not keys or frame.empty:
        return []
    wanted = pd.Series(False, index=frame.index)
    plain = {k for k in keys if SEP not in k}
    if plain:
        wanted |= frame["event_id"].isin(plain)
    places = {(float(a), float(b)) for a, b in (k.split(SEP)[1:3] for k in keys if k.startswith(PLACE_KEY + SEP))}
    if places:
        here = pd.Series(list(zip(frame["lat"].round(4), frame["lon"].round(4))), index=frame.index)
        wanted |= frame["lat"].notna() & here.isin(places)
    cells = [k.split(SEP, 3)[1:] for k in keys if k.startswith(AGG_KEY + SEP)]
    if cells:
        dated = frame.loc[frame["date_start"].notna(), list(dict.fromkeys(["event_id", "date_start",
                                                                           LANES.get(lane, lane)]))]
        work, _, _ = _cap_lanes(lane_values(dated, lane, ["event_id", "date_start"]))
        hit = set()
        for freq in {c[0] for c in cells}:
            wanted_cells = {(c[1], c[2]) for c in cells if c[0] == freq}
            period = _periods(work["date_start"], freq).dt.strftime("%Y-%m-%d")
            cell = pd.Series(list(zip(period, work["lane"])), index=work.index)
            hit |= set(work.loc[cell.isin(wanted_cells), "event_id"])
        wanted |= frame["event_id"].isin(hit)
    return list(frame.loc[wanted, "event_id"])
