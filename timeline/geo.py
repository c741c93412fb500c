"""Offline geography helpers: great-circle distance and ISO country lookups.

Everything here reads the compiled files under data/gazetteer/ (see
scripts/build_gazetteer.py); nothing touches the network.
"""
from __future__ import annotations

import csv
import math
from functools import lru_cache
from pathlib import Path

DATA_DIR = Path(__file__).resolve().parent.parent / "data" / "gazetteer"
EARTH_RADIUS_KM = 6371.0


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres between two points given in degrees."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(math.sqrt(min(1.0, h)))


@lru_cache(maxsize=1)
def countries() -> dict[str, dict]:
    """ISO alpha-3 -> row of data/gazetteer/countries.csv (name, iso2, capital, lat, lon ...)."""
    out = {}
    with open(DATA_DIR / "countries.csv", newline="", encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            row["lat"] = float(row["lat"]) if row["lat"] else None
            row["lon"] = float(row["lon"]) if row["lon"] else None
            out[row["iso3"]] = row
    return out


def country_name(iso3: str | None) -> str | None:
    """Canonical short name of a country ("PRK" -> "North Korea"); None if unknown."""
    row = countries().get(iso3 or "")
    return row["name"] if row else None


def iso3_from_iso2(iso2: str) -> str | None:
    """"KP" -> "PRK"."""
    for iso3, row in countries().items():
        if row["iso2"] == iso2:
            return iso3
    return None
