"""Synthetic event frames for store benchmarks and tests (not real data).

``make_events(n, seed)`` returns a frame that passes ``schema.check_frame``:
varied dates and precisions (and some undated rows), statuses, types, a pool
of actors with "; "-joined actor lists, places with coordinates, missing
values in every optional column. Built with numpy, so a million rows take a
few seconds.

    python benchmarks/synth.py 1000000 events.parquet
"""
from __future__ import annotations

import sys
from pathlib import Path

import numpy as np
import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from timeline import schema  # noqa: E402

LEADERS = [
    ("Kim Jong Un", "PRK"), ("Vladimir Putin", "RUS"), ("Xi Jinping", "CHN"), ("Joe Biden", "USA"),
    ("Donald Trump", "USA"), ("Volodymyr Zelensky", "UKR"), ("Emmanuel Macron", "FRA"),
    ("Olaf Scholz", "DEU"), ("Recep Tayyip Erdogan", "TUR"), ("Narendra Modi", "IND"),
    ("Fumio Kishida", "JPN"), ("Yoon Suk Yeol", "KOR"), ("Ebrahim Raisi", "IRN"),
    ("Luiz Inácio Lula da Silva", "BRA"), ("Mohammed bin Salman", "SAU"), ("Benjamin Netanyahu", "ISR"),
    ("Rishi Sunak", "GBR"), ("Alexander Lukashenko", "BLR"), ("Sergei Lavrov", "RUS"), ("Antony Blinken", "USA"),
]
PLACES = [
    ("Vladivostok", "RUS", 43.12, 131.89), ("Moscow", "RUS", 55.76, 37.62), ("Pyongyang", "PRK", 39.03, 125.75),
    ("Beijing", "CHN", 39.90, 116.40), ("Washington", "USA", 38.90, -77.04), ("Kyiv", "UKR", 50.45, 30.52),
    ("Paris", "FRA", 48.86, 2.35), ("Berlin", "DEU", 52.52, 13.40), ("Ankara", "TUR", 39.93, 32.86),
    ("New Delhi", "IND", 28.61, 77.21), ("Tokyo", "JPN", 35.68, 139.69), ("Seoul", "KOR", 37.57, 126.98),
    ("Tehran", "IRN", 35.69, 51.39), ("Brasília", "BRA", -15.79, -47.88), ("Riyadh", "SAU", 24.71, 46.68),
    ("Jerusalem", "ISR", 31.77, 35.21), ("London", "GBR", 51.51, -0.13), ("Minsk", "BLR", 53.90, 27.57),
    ("Geneva", "CHE", 46.20, 6.14), ("Singapore", "SGP", 1.35, 103.82), ("Hanoi", "VNM", 21.03, 105.85),
    ("Vienna", "AUT", 48.21, 16.37), ("Doha", "QAT", 25.29, 51.53), ("Istanbul", "TUR", 41.01, 28.98),
]
AGENCIES = ["Reuters", "AP", "AFP", "Yonhap", "TASS", "Xinhua", "Kyodo", "Bloomberg", "KCNA", "South Korean media"]
OUTLETS = ["Reuters", "BBC", "Al Jazeera", "The Guardian", "NK News", "Le Monde", "DW", "NHK"]
SYL = ["ka", "lo", "mir", "vos", "tan", "gra", "del", "ber", "no", "sha", "ri", "zan", "pol", "ves", "mar"]
FORMULA = ["=HYPERLINK(\"http://x\")", "+1 (555)", "-2 dead", "@mention", "\tTabbed"]


def _names(rng, n, suffixes):
    out = set()
    while len(out) < n:
        stem = "".join(rng.choice(SYL, size=rng.integers(1, 4))).capitalize()
        out.add(stem + str(rng.choice(suffixes)))
    return sorted(out)


def make_events(n: int, seed: int = 0, *, n_actors: int = 2000, n_places: int = 500,
                tricky: bool = False) -> pd.DataFrame:
    """``n`` synthetic merged event rows with EVENT_COLUMNS and DTYPES.

    ``tricky`` mixes in values that stress exports and filters: cells that
    start with "=", "+", "-", "@" or a tab, quotes, commas, newlines and
    non-ASCII letters.
    """
    rng = np.random.default_rng(seed)
    actor_pool = [name for name, _ in LEADERS] + _names(rng, n_actors, ["ov", "ski", "son", "ez", "ian", "escu"])
    actor_country = {name: c for name, c in LEADERS}
    isos = sorted({c for _, c in LEADERS} | {p[1] for p in PLACES})
    for name in actor_pool[len(LEADERS):]:
        actor_country[name] = isos[sum(map(ord, name)) % len(isos)]
    place_pool = list(PLACES) + [
        (name, isos[i % len(isos)], float(rng.uniform(-60, 70)), float(rng.uniform(-180, 180)))
        for i, name in enumerate(_names(rng, n_places, ["grad", "burg", "abad", "pur", "ville", "polis"]))
    ]
    types = list(schema.EVENT_TYPES)

    # dates: mostly day precision, some months and years, 3% undated
    day0 = np.datetime64("2015-01-01")
    offset = rng.integers(0, 11 * 365, size=n)
    start = day0 + offset.astype("timedelta64[D]")
    precision = rng.choice(np.array(["day", "month", "year", "week"]), size=n, p=[0.7, 0.15, 0.1, 0.05])
    start_s = pd.Series(start)
    month_start = start_s.dt.to_period("M").dt.start_time
    year_start = start_s.dt.to_period("Y").dt.start_time
    ds = np.where(precision == "month", month_start, np.where(precision == "year", year_start, start_s))
    ds = pd.Series(ds).astype("datetime64[s]")
    de = ds.copy()
    de[precision == "month"] = (month_start + pd.offsets.MonthEnd(0))[precision == "month"]
    de[precision == "year"] = (year_start + pd.offsets.YearEnd(0))[precision == "year"]
    de[precision == "week"] = (ds + pd.Timedelta(days=6))[precision == "week"]
    undated = rng.random(n) < 0.03
    ds[undated] = pd.NaT
    de[undated] = pd.NaT
    precision = precision.astype(object)
    precision[undated] = np.nan
    date_text = np.where(precision == "day", "on " + ds.dt.strftime("%B %-d").fillna(""),
                         np.where(precision == "month", "in " + ds.dt.strftime("%B %Y").fillna(""),
                                  np.where(precision == "year", "in " + ds.dt.strftime("%Y").fillna(""),
                                           "last week"))).astype(object)
    date_text[undated] = np.nan

    a1 = rng.integers(0, len(actor_pool), size=n)
    # skew towards the leaders, as news does
    lead = rng.random(n) < 0.5
    a1[lead] = rng.integers(0, len(LEADERS), size=int(lead.sum()))
    a2 = rng.integers(0, len(actor_pool), size=n)
    lead2 = rng.random(n) < 0.5
    a2[lead2] = rng.integers(0, len(LEADERS), size=int(lead2.sum()))
    no_a2 = rng.random(n) < 0.3
    extra = rng.integers(0, len(actor_pool), size=n)
    has_extra = rng.random(n) < 0.2
    actor1 = [actor_pool[i] for i in a1]
    actor2 = [np.nan if no_a2[k] or a2[k] == a1[k] else actor_pool[a2[k]] for k in range(n)]
    actors = []
    for k in range(n):
        names = {actor1[k]}
        if isinstance(actor2[k], str):
            names.add(actor2[k])
        if has_extra[k]:
            names.add(actor_pool[extra[k]])
        actors.append("; ".join(sorted(names)))
    c1 = [actor_country[a] for a in actor1]
    c2 = [actor_country[a] if isinstance(a, str) else np.nan for a in actor2]

    p = rng.integers(0, len(place_pool), size=n)
    known = rng.random(n) < 0.6
    p[known] = rng.integers(0, len(PLACES), size=int(known.sum()))
    no_place = rng.random(n) < 0.1
    location = [np.nan if no_place[k] else place_pool[p[k]][0] for k in range(n)]
    country = [np.nan if no_place[k] else place_pool[p[k]][1] for k in range(n)]
    lat = np.array([np.nan if no_place[k] else place_pool[p[k]][2] for k in range(n)])
    lon = np.array([np.nan if no_place[k] else place_pool[p[k]][3] for k in range(n)])
    geo = np.where(no_place, None, rng.choice(np.array(["city", "region", "country"]), size=n)).astype(object)
    geo[no_place] = np.nan

    etype = rng.choice(np.array(types), size=n)
    status = rng.choice(np.array(schema.STATUSES), size=n, p=[0.6, 0.25, 0.1, 0.05])
    reporter = rng.choice(np.array(AGENCIES, dtype=object), size=n)
    reporter[rng.random(n) < 0.4] = np.nan
    outlet = rng.choice(np.array(OUTLETS, dtype=object), size=n)
    art = rng.integers(0, max(1, n // 5), size=n)
    sentence = [
        f"{actor1[k]} held {etype[k]} with {actor2[k] if isinstance(actor2[k], str) else 'officials'}"
        f" in {location[k] if isinstance(location[k], str) else 'the capital'}"
        f" {date_text[k] if isinstance(date_text[k], str) else ''}, {reporter[k] if isinstance(reporter[k], str) else 'officials'} said."
        for k in range(n)
    ]
    published = (ds.fillna(pd.Timestamp("2020-06-01")) + pd.to_timedelta(rng.integers(0, 30, size=n), unit="D"))
    frame = pd.DataFrame({
        "event_id": [f"{x:016x}" for x in rng.integers(0, 2**63 - 1, size=n, dtype=np.int64)],
        "date_start": ds,
        "date_end": de,
        "date_precision": precision,
        "date_text": date_text,
        "status": status,
        "event_type": etype,
        "plover": [schema.EVENT_TYPES[t] for t in etype],
        "actor1": actor1,
        "actor2": actor2,
        "actors": actors,
        "actor1_country": c1,
        "actor2_country": c2,
        "location": location,
        "country": country,
        "lat": lat,
        "lon": lon,
        "geo_precision": geo,
        "reported_by": reporter,
        "trigger": etype,
        "sentence": sentence,
        "sentence_start": rng.integers(0, 5000, size=n),
        "spans": [f'{{"actor1": [0, {len(a)}]}}' for a in actor1],
        "article_id": [f"a{i}" for i in art],
        "article_ids": [f"a{i}" if i % 7 else f"a{i}; a{i + 1}" for i in art],
        "title": [f"Story {i}: {actor1[k]} and the {etype[k]}" for k, i in enumerate(art)],
        "source": outlet,
        "url": [f"https://example.org/news/{i}" for i in art],
        "published": published,
        "sources": np.where(art % 7, 1, 2).astype("int64"),
        "confidence": np.round(rng.uniform(0.05, 1.0, size=n), 3),
    })
    if tricky:
        k = np.arange(n)
        pick = k % 5 == 0
        frame.loc[pick, "sentence"] = [FORMULA[i % len(FORMULA)] + ' said "yes", then\nleft; Ünïcode ok' for i in k[pick]]
        frame.loc[k % 7 == 0, "title"] = '=cmd|" /C calc"!A0'
        frame.loc[k % 11 == 0, "reported_by"] = "@agency, \"quoted\""
        frame.loc[k % 13 == 0, "confidence"] = np.nan
        frame.loc[k % 17 == 0, "lat"] = -0.0001
    out = {}
    for name, dtype in schema.DTYPES.items():
        col = frame[name]
        out[name] = col.astype(dtype) if dtype != "str" else col.astype("str")
    return schema.check_frame(pd.DataFrame(out))


if __name__ == "__main__":
    size = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
    target = sys.argv[2] if len(sys.argv) > 2 else "events.parquet"
    make_events(size).to_parquet(target, index=False)
    print(f"wrote {size} events to {target}")
