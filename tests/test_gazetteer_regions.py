"""First-level regions, islands and provinces in data/gazetteer/places.csv: what news names resolves to them,
and where a region leaves a name to the city that shares it.

Decisions these cases pin down:
- islands, provinces and states named alone resolve to the region (region precision), also where a small town
  elsewhere has the same name ("Bali" was a town in India, "Goa" one in the Philippines);
- a region that shares its name with a well-known city ("Aleppo", "Kandahar", "Sao Paulo", "Kyiv", "Kaduna",
  "Chihuahua") leaves the bare name to the city and is reached only through an explicit alias: "Aleppo province",
  "Kaduna state", "the Kyiv region", "Sao Paulo state";
- "Punjab" is two rows, Pakistan's first: bare "Punjab" is the Pakistani province (the larger one, and the one
  news means with no other cue); the Indian state when the text is about India and not Pakistan, after a comma
  ("Punjab, India"), or with "Punjab state" / "Indian Punjab"; "Punjab province" is Pakistan's. When both
  countries are in the text, bare "Punjab" stays Pakistan's;
- names that are also other things keep those: "Niger state television" is not Nigeria's Niger State, the
  carrier "Shandong" is not the province (Shandong, Liaoning and Fujian are reached as "X province" only),
  "the Brandenburg Gate" is the Berlin venue, not the German state.
"""
from __future__ import annotations

import csv
from pathlib import Path

import pytest

from timeline import gazetteer
from timeline._gaz_text import normalise

PLACES = Path(gazetteer.__file__).resolve().parent.parent / "data" / "gazetteer" / "places.csv"


def _mention(text: str, phrase: str):
    """The mention whose span is `phrase` (a leading "the" may join the span)."""
    for m in gazetteer.find(text):
        if m.text == phrase or m.text == "the " + phrase or m.text == "The " + phrase:
            return m
    return None


# (sentence, span, canonical name, country, precision, (lat, lon) or None)
CASES = [
    # an island named alone, and "X, Country" (the town of Bali in India must not win)
    ("Leaders gathered in Bali, Indonesia.", "Bali", "Bali", "IDN", "region", (-8.4, 115.2)),
    # ... also beside an Indian leader: India's towns are spelt "Bāli", and the name as written is Indonesia's
    ("Narendra Modi arrived in Bali on Monday.", "Bali", "Bali", "IDN", "region", (-8.4, 115.2)),
    ("Fighting broke out in Sumatra on Monday.", "Sumatra", "Sumatra", "IDN", "region", (-0.6, 101.3)),
    ("Fighting broke out in Luzon on Monday.", "Luzon", "Luzon", "PHL", "region", (16.6, 121.3)),
    ("Fighting broke out in Kinmen on Monday.", "Kinmen", "Kinmen", "TWN", "region", (24.4, 118.4)),
    ("Fighting broke out in Honshu on Monday.", "Honshu", "Honshu", "JPN", "region", (36.0, 138.0)),
    # a province
    ("Fighting broke out in Guangdong on Monday.", "Guangdong", "Guangdong", "CHN", "region", (23.3, 113.4)),
    ("Fighting broke out in Nangarhar on Monday.", "Nangarhar", "Nangarhar", "AFG", "region", (34.2, 70.6)),
    ("Fighting broke out in Sindh on Monday.", "Sindh", "Sindh", "PAK", "region", (26.0, 68.8)),
    # a state, and a state written with "State" resolving to the canonical row
    ("Fighting broke out in Kerala on Monday.", "Kerala", "Kerala", "IND", "region", (10.4, 76.3)),
    ("Fighting broke out in Sinaloa on Monday.", "Sinaloa", "Sinaloa", "MEX", "region", (25.0, -107.5)),
    ("Fighting broke out in Borno State on Monday.", "Borno State", "Borno", "NGA", "region", (11.9, 13.2)),
    ("Fighting broke out in Shan State on Monday.", "Shan State", "Shan State", "MMR", "region", (21.3, 97.7)),
    # an oblast / region alias
    ("Drones hit the Sumy region on Monday.", "Sumy region", "Sumy Oblast", "UKR", "region", (50.9, 34.0)),
    ("Fighting broke out in Amhara on Monday.", "Amhara", "Amhara", "ETH", "region", (11.4, 37.9)),
    # a small town elsewhere shares the name: the region wins
    ("Fighting broke out in Goa on Monday.", "Goa", "Goa", "IND", "region", (15.3, 74.1)),
    ("Fighting broke out in Tuscany on Monday.", "Tuscany", "Tuscany", "ITA", "region", (43.4, 11.1)),
    # a well-known city shares the name: the city keeps the bare name
    ("Fighting broke out in Aleppo on Monday.", "Aleppo", "Aleppo", "SYR", "city", None),
    ("Fighting broke out in Kandahar on Monday.", "Kandahar", "Kandahār", "AFG", "city", None),
    ("Fighting broke out in Sao Paulo on Monday.", "Sao Paulo", "São Paulo", "BRA", "city", None),
    ("Fighting broke out in Kyiv on Monday.", "Kyiv", "Kyiv", "UKR", "city", None),
    ("Fighting broke out in Kaduna on Monday.", "Kaduna", "Kaduna", "NGA", "city", None),
    ("Fighting broke out in Chihuahua on Monday.", "Chihuahua", "Chihuahua", "MEX", "city", None),
    # ... and the region is reached by its explicit alias
    ("Fighting broke out in Aleppo province on Monday.", "Aleppo province", "Aleppo Governorate", "SYR", "region",
     (36.2, 37.6)),
    ("Fighting broke out in Kaduna state on Monday.", "Kaduna state", "Kaduna State", "NGA", "region", (10.4, 7.7)),
    ("Drones hit the Kyiv region on Monday.", "Kyiv region", "Kyiv Oblast", "UKR", "region", (50.35, 30.6)),
    ("Floods hit Sao Paulo state on Monday.", "Sao Paulo state", "São Paulo State", "BRA", "region", (-22.2, -48.8)),
    ("Fighting broke out in Chihuahua state on Monday.", "Chihuahua state", "Chihuahua State", "MEX", "region",
     (28.8, -106.2)),
    ("Fighting broke out in Khost province on Monday.", "Khost province", "Khost province", "AFG", "region",
     (33.35, 69.9)),
    # Punjab: Pakistan's by default and as "province", India's with Indian context, a comma or "state"
    ("Fighting broke out in Punjab on Monday.", "Punjab", "Punjab", "PAK", "region", (30.8, 72.7)),
    ("Floods hit Punjab province on Monday.", "Punjab province", "Punjab", "PAK", "region", (30.8, 72.7)),
    ("Indian farmers protested in Punjab on Monday.", "Punjab", "Punjab", "IND", "region", (30.9, 75.5)),
    ("Fighting broke out in Punjab, India on Monday.", "Punjab", "Punjab", "IND", "region", (30.9, 75.5)),
    ("Police raided homes in Punjab state on Monday.", "Punjab state", "Punjab", "IND", "region", (30.9, 75.5)),
    ("Pakistan and India traded fire; Lahore is the capital of Punjab.", "Punjab", "Punjab", "PAK", "region",
     (30.8, 72.7)),
    # a venue that contains a region's name stays the venue
    ("He spoke at the Brandenburg Gate on Monday.", "Brandenburg Gate", "Brandenburg Gate", "DEU", "city",
     (52.52, 13.38)),
]


@pytest.mark.parametrize("text, span, name, country, precision, where", CASES)
def test_gazetteer_region_resolves(text, span, name, country, precision, where):
    m = _mention(text, span)
    assert m is not None, (text, [(x.text, x.name) for x in gazetteer.find(text)])
    assert (m.kind, m.name, m.country, m.precision) == ("place", name, country, precision), m
    if where is not None:
        assert abs(m.lat - where[0]) < 0.5 and abs(m.lon - where[1]) < 0.5, (m.lat, m.lon)


# phrases where a region's name stands for something else (a country's state media, a warship, an airline, an
# oil grade, a longer country name): no region mention at all
NOT_REGIONS = [
    "Niger state television said the junta was in control.",
    "Mexico state-owned Pemex said output fell.",
    "The carrier Shandong sailed near Taiwan.",
    "The aircraft carrier Liaoning left port.",
    "A Jeju Air plane crashed at Muan.",
    "Urals crude fell below the price cap.",
    "He flew to Papua New Guinea.",
]


@pytest.mark.parametrize("text", NOT_REGIONS)
def test_gazetteer_region_name_used_for_something_else_is_not_a_region(text):
    found = [(m.text, m.name) for m in gazetteer.find(text) if m.category == "region"]
    assert found == [], found


def _region_keys() -> dict[str, list[str]]:
    keys: dict[str, list[str]] = {}
    with open(PLACES, newline="", encoding="utf-8") as fh:
        for r in csv.DictReader(fh):
            if r["kind"] != "place" or r["category"] != "region":
                continue
            for a in [r["name"], *r["aliases"].split("|")]:
                a = a.strip()
                if a[:4].lower() == "the ":
                    a = a[4:]
                if a:
                    keys.setdefault(normalise(a).strip(), []).append(f'{r["name"]} ({r["country"]})')
    return keys


@pytest.mark.parametrize("city", ["Aleppo", "Idlib", "Kandahar", "Herat", "Kunduz", "Kirkuk", "Basra", "Raqqa",
                                  "Deir ez-Zor", "Homs", "Hodeidah", "Taiz", "Sao Paulo", "Rio de Janeiro", "Kyiv",
                                  "Donetsk", "Kaduna", "Kano", "Chihuahua", "Oaxaca", "Mexico", "Jilin", "Fukushima",
                                  "Zanzibar", "Kharkiv", "Odesa", "Moscow"])
def test_gazetteer_no_region_row_takes_a_big_citys_bare_name(city):
    assert normalise(city).strip() not in _region_keys()


def test_gazetteer_punjab_is_two_rows_pakistan_first():
    with open(PLACES, newline="", encoding="utf-8") as fh:
        punjab = [r["country"] for r in csv.DictReader(fh) if r["name"] == "Punjab"]
    assert punjab == ["PAK", "IND"]   # equal weights: the first row wins a tie (both countries in context)


@pytest.mark.parametrize("text,name", [
    # an armed group named after its region is the group, not the region
    ("Fighters of the Kachin Independence Army attacked a post.", "Kachin Independence Army"),
    ("The Karen National Union said on Monday it had taken the camp.", "Karen National Union"),
    ("The TNLA clashed with the army in Shan State.", "Ta'ang National Liberation Army"),
])
def test_regions_armed_groups_named_after_a_region_are_actors(text, name):
    found = gazetteer.find(text)
    assert name in [m.name for m in found if m.kind == "actor"]
    assert not any(m.kind == "place" and m.name in ("Kachin", "Kayin State", "Karen") for m in found)
