"""Integrity of the compiled gazetteer data under data/gazetteer/ (what the matcher loads)."""
from __future__ import annotations

import csv
import datetime as dt
import gzip
from pathlib import Path

import pycountry
import pytest

from timeline import gazetteer

DATA = Path(gazetteer.__file__).resolve().parent.parent / "data" / "gazetteer"
ISO3 = {c.alpha_3 for c in pycountry.countries} | {"XKX"}
KINDS = {"actor", "place", "source", "none"}


def rows(name):
    with open(DATA / name, newline="", encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


@pytest.mark.parametrize("name", ["actors.csv", "places.csv", "people.csv", "us_states.csv"])
def test_gazetteer_data_rows_have_the_documented_columns(name):
    for r in rows(name):
        assert set(gazetteer.CSV_COLUMNS) <= set(r), name
        assert r["kind"] in KINDS and r["name"], r
        assert not r["country"] or r["country"] in ISO3, r
        if r["lat"] or r["lon"]:
            assert -90 <= float(r["lat"]) <= 90 and -180 <= float(r["lon"]) <= 180, r


@pytest.mark.parametrize("name", ["places.csv", "us_states.csv"])
def test_gazetteer_every_place_has_coordinates_and_precision(name):
    for r in rows(name):
        assert r["lat"] and r["lon"] and r["precision"] in ("city", "region", "country"), r


def test_gazetteer_person_roles_have_ordered_dates():
    for r in rows("people.csv"):
        start = dt.date.fromisoformat(r["start"])
        if r["end"]:
            assert start < dt.date.fromisoformat(r["end"]), r
        assert r["role"] and r["office"], r


@pytest.mark.parametrize("iso3", ["USA", "RUS", "CHN", "GBR", "FRA", "DEU", "JPN", "IND", "BRA", "KOR", "PRK",
                                  "TUR", "SAU", "ZAF", "IDN", "MEX", "ARG", "AUS", "CAN", "ITA", "UKR", "IRN", "ISR"])
def test_gazetteer_key_countries_have_a_leader_every_day_since_2015(iso3):
    g = gazetteer.load()
    name = g.entries[g._states[iso3]].name
    day = dt.date(2015, 1, 1)
    while day < dt.date(2025, 6, 1):
        holder = g.holder(name, "leader", day) or g.holder(name, "hos", day) or g.holder(name, "hog", day)
        assert holder is not None, (iso3, day)
        day += dt.timedelta(days=61)


def test_gazetteer_every_iso_country_is_a_state():
    g = gazetteer.load()
    assert ISO3 - {"XKX"} <= set(g._states)
    for iso3, idx in g._states.items():
        e = g.entries[idx]
        assert e.category == "state" and e.lat is not None, iso3


def test_gazetteer_cities_file_is_compact_and_complete():
    with gzip.open(DATA / "cities.tsv.gz", "rt", encoding="utf-8") as fh:
        header = next(fh).rstrip("\n").split("\t")
        n = sum(1 for _ in fh)
    assert header[:6] == ["geonameid", "name", "country", "lat", "lon", "population"]
    assert n > 30000
    assert sum(p.stat().st_size for p in DATA.glob("*") if p.is_file()) < 5_000_000
