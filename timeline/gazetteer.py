"""Actors and places of world diplomacy: one fast pass over a text, with coreference
and offline coordinates.

    >>> from timeline import gazetteer
    >>> [(m.text, m.name, m.country) for m in gazetteer.find("Kim Jong Un met Putin in Vladivostok. Kim left.")]
    [('Kim Jong Un', 'Kim Jong Un', 'PRK'), ('Putin', 'Vladimir Putin', 'RUS'), ('Vladivostok', 'Vladivostok', 'RUS'), ('Kim', 'Kim Jong Un', 'PRK')]

`find(text, published=None)` returns `Mention` spans sorted by start, non-overlapping,
longest match first.  The default gazetteer is built once, lazily, on the first call
(`import timeline.gazetteer` stays cheap); `load(custom_csv)` builds another one with a
user CSV on top (columns in data/gazetteer/README.md), `add_custom(csv)` replaces the
default one with defaults + the CSV (what the page calls on an upload).

How a text is read
------------------
1. Matching.  Every alias is stored lower-cased, accents folded and punctuation turned into
   spaces, with one space in front, in an Aho-Corasick automaton (pyahocorasick).  The text is
   normalised the same way, character for character, so offsets map back unchanged; a match
   must start and end at a word boundary ("us" never matches inside "bus"), leftmost-longest,
   and when the longest key runs into the middle of a word ("the eu" in "the european council")
   the scan resumes at the next word inside it.  Case comes back as a check on the original
   text: a capitalised alias needs capitals where it has them, a 2-3 letter acronym ("US",
   "UN", "AP") needs all of them, so "us" and "un" are not countries.  A leading "the" is
   not part of the keys; the span takes it back for countries that use it ("the United
   States"), organisations, regions and venues.
2. Context.  Countries named by the unambiguous mentions of the text (states, people,
   organisations, capitals and cities over 500,000) form its context.  An ambiguous place name
   takes the candidate with the best score: log10(population) + 1 if its country is in
   context + 1 for a capital + 1 for the place's main name + 3 when the next mention after a
   comma, or the town before it, is in the same country ("Tripoli, Lebanon", "Paris, Texas",
   "Atlanta, Georgia").  Curated regions and venues weigh as 10^8 people, US states as 10^5.
   A town is dropped when a capitalised word stands before it that is not a sentence start,
   function word or place word ("Janet Reno", "Bill Clinton", "President Bush"), when a
   capitalised word follows it (a company: "Nashua Corp.", and the word stays a company for
   the rest of the text), when it is a common word the same text writes in lower case
   ("Summit"/"summit") unless a place word precedes it and its country is in context, and,
   under 500,000 people, when its country is not in context and no place word ("in", "at",
   "near", "city of" ...) stands before it nor "City"/", Region" after it.  Alternate names
   ("Colonia" for Cologne) count only for capitals, cities over 5 million, or with the country
   in context and a place word.  "Georgia" is the US state only when the text is about the
   United States and says nothing else Georgian; "Jordan" after a first name is a person and
   is dropped; "Washington" is the city (capitals stay places even in "Washington said":
   the event code may read them as governments), "Washington state" the state.  Treaties,
   wars and currencies named after places ("the Paris Agreement", "Minsk agreements",
   "Korean War") yield no mention at all, so their place does not either.
3. Composition and coreference, left to right:
   - a title joins what stands around it into one mention: "North Korean leader Kim Jong
     Un", "former US President Donald Trump", "Chairman of State Affairs of the Democratic
     People's Republic of Korea, Kim Jong Un", "Foreign Minister Sergei Lavrov".  A title
     before a name the data does not know makes a person on the fly ("Croatian prime
     minister Zoran Novak": role "Prime Minister of Croatia", country HRV; "President Bush"),
     whose surname is then found again further on (and wins over a same-named town).  A
     title before a surname several people share picks the one who held that office
     ("President Clinton" -> Bill Clinton).
   - a role phrase alone ("the Russian president", "the North Korean leader", "the US
     president", "the Prime Minister") resolves, in this order, to the person last named in
     the text with that role (with no date, any role they ever held counts); else to the
     holder of the office on the `published` date (role date ranges in people.csv); else,
     with no date, to the current holder.  Only offices one person holds at a time resolve
     this way (head of state or government, foreign and defence ministers, leader, monarch,
     head of an organisation ...), not "the envoy" or "the spokesman".
   - a surname alone ("Kim", "Putin") is the person last named in full with that surname.
     Before any full mention only a surname that belongs to one person in the data and is
     not a common one ("Putin", "Zelensky", "Erdogan", "Xi") is resolved; "Kim", "Moon",
     "Lee", "May" before a full name are dropped: they are too often someone (or something)
     else.  A surname inside another name ("Gerard Rice", "Kerry Jones") is not the person.
   - government metonyms ("the Kremlin", "the White House", "Downing Street") are actors
     of category "government" whose `name` is the country ("Russia"), `role` the metonym
     ("Kremlin"), and lat/lon/location those of the building; after "at"/"in" ("met at the
     Kremlin") the same words are a place of category "venue" named after the building.
   - a demonym or country before a generic group makes one actor with the ACLED-style name:
     "Indonesian police" -> "Police Forces of Indonesia", "Congolese Government" ->
     "Government of Democratic Republic of the Congo", "protesters" in a Mexican text ->
     "Protesters (Mexico)" (without a qualifier the text's main country is used, except for
     "government", "troops" and the like, which need one); a named group takes the word after
     it ("ISIS militants" -> Islamic State).
   - a demonym before "media" or a news agency is a source: "South Korean media", "Russian
     news agency Interfax" -> "Interfax".
   - an organisation the data does not know, introduced with its acronym ("Police Wives
     Association (POLWA)"), becomes an actor of category "organisation", and so does the
     acronym alone later in the text; named clans and tribes become ACLED-style communal
     groups ("Malik clan" -> "Malik Communal Group (Bangladesh)").
"""
from __future__ import annotations

import bisect
import csv
import dataclasses
import datetime as _dt
import gc
import gzip
import io
import logging
import math
import re
import threading
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from ._gaz_rules import (  # noqa: F401  (grammar tables and patterns)
    _ACRONYM,
    _ACRONYM_ORG,
    _AFTER_PLACE,
    _APPOS_GROUP,
    _APPOS_PERSON,
    _ARMED_ORG,
    _ARMED_ORG_WORDS,
    _ARMS,
    _AT_BUILDING,
    _BARE_PERSON,
    _BARE_PERSON_BEFORE,
    _CITY_DISPLAY,
    _CIVIL_ORG,
    _CIVIL_ORG_WORDS,
    _CLAN,
    _COMMA,
    _COMMA_NAME,
    _COMMON_SURNAMES,
    _COMMON_WORDS,
    _COMPANY,
    _COMPANY_WORDS,
    _FIRST_LISTED,
    _GAP_ADJ,
    _GAP_PERSON,
    _GROUP_HOME,
    _GROUP_NAMED,
    _GROUP_TAIL,
    _HELD_OFFICES,
    _IN_PARENS_AREA,
    _INDEFINITE,
    _LAW_AFTER,
    _LEADER_FALLBACK,
    _LISTED_NAME,
    _NAME1,
    _NAME_STOP,
    _NEEDS_QUALIFIER,
    _NEXT_CAP,
    _NEXT_CAP_WORD,
    _NO_COUNTRY_NAME,
    _NOT_PERSON_WORDS,
    _OF,
    _OF_THE_GAP,
    _PLACE_PREFIX,
    _PLACE_WORDS,
    _PLURAL_NAME,
    _PLURAL_OF_TAIL,
    _PLURAL_TITLE,
    _PREFIX_WORDS,
    _ROLE_LIST,
    _ROLE_TAIL,
    _START,
    _STATE_BODY,
    _THE_COUNTRIES,
    _TITLE_DISPLAY,
    _TITLE_WORDS,
    _WORD,
    GROUPS,
    TITLES,
    _after_name_word,
)
from ._gaz_text import _PyAhoCorasick, _PyAutomaton, _upper_offsets, normalise  # noqa: F401

LOGGER = logging.getLogger(__name__)
DATA_DIR = Path(__file__).resolve().parent.parent / "data" / "gazetteer"
CUSTOM_CSV = DATA_DIR / "custom.csv"
CSV_COLUMNS = ("kind", "category", "name", "aliases", "country", "lat", "lon", "precision", "location",
               "role", "office", "start", "end", "surname")   # optional extra column: population (cities)

__all__ = ["Mention", "Gazetteer", "find", "load", "add_custom", "CSV_COLUMNS"]


_OCEAN_COMPOUND = re.compile(r"-(?:Pacific|Atlantic)\b")
_KNOWN_AS = re.compile(r"\b(?:known\s+as|dubbed|called|nicknamed)\s+(?:the\s+)?$", re.IGNORECASE)
_THE_BLOC = re.compile(r"(?:the\s+)?bloc", re.IGNORECASE)
# an Arabic name's particle after a word: the word is part of a longer name ("Riad al-Solh", "Sharm el-Sheikh")
_NAME_GOES_ON = re.compile(r"[ \t]+(?:al|el|ad|as|ash|at|az|ar|an|ibn|bin|abu|bou|ben|Al|El|Abu|Bin|Ibn)-\w"
                           r"|-\d")  # ("the Hwasong-15": a missile named after the town)


@dataclass(frozen=True, slots=True)
class Mention:
    """One recognised span.  text[start:end] == mention.text.

    kind: "actor" | "place" | "source"; name: canonical name; country: ISO 3166 alpha-3
    (None for international organisations); lat/lon/precision ("city" | "region" |
    "country"); category: person, state, government, organisation, group, media, city,
    region, venue, event; role: for persons, the office held ("President of Russia");
    location: for venues/events the city they stand in, for cities/regions the name.
    """
    start: int
    end: int
    text: str
    kind: str
    name: str
    country: str | None
    lat: float | None
    lon: float | None
    precision: str | None
    category: str | None = None
    role: str | None = None
    location: str | None = None


class _mention:
    """Builds a `Mention` about four times faster than its frozen-dataclass __init__ (which sets each of
    the 12 slots through object.__setattr__): a mutable class with the same slots fills them, then the
    instance becomes a Mention, frozen from then on (type, equality, hash, repr are Mention's)."""
    __slots__ = Mention.__slots__

    def __init__(self, start, end, text, kind, name, country, lat, lon, precision, category=None, role=None,
                 location=None):
        self.start = start
        self.end = end
        self.text = text
        self.kind = kind
        self.name = name
        self.country = country
        self.lat = lat
        self.lon = lon
        self.precision = precision
        self.category = category
        self.role = role
        self.location = location
        self.__class__ = Mention


@dataclass(slots=True)
class _Entry:
    kind: str                       # actor | place | source | none | title | group
    name: str
    category: str | None = None
    country: str | None = None
    lat: float | None = None
    lon: float | None = None
    precision: str | None = None
    location: str | None = None
    role: str | None = None
    pop: int = 0
    capital: bool = False
    office: str | None = None       # titles and groups: the office / the group's key
    roles: list = field(default_factory=list)   # persons: [(qualifier, office, title, start, end)]
    surname: str | None = None
    solo: bool = False
    demonym: str | None = None      # states: adjective used to name media ("South Korean")
    prior: float = 0.0              # places: log10(population) (+ half log10 of GeoNames' name count for cities)
    code: int = 0                   # dispatch in composition: see _finish
    breaks: tuple = ()              # persons: the dates where one of their roles starts or ends
    margs: tuple = ()               # Mention fields after start/end/text

    def as_mention(self, text: str, start: int, end: int, **over) -> Mention:
        if not over:
            return _mention(start, end, text[start:end], self.kind, self.name, self.country, self.lat, self.lon,
                           self.precision, self.category, self.role, self.location)
        d = dict(kind=self.kind, name=self.name, country=self.country, lat=self.lat, lon=self.lon,
                 precision=self.precision, category=self.category, role=self.role, location=self.location)
        d.update(over)
        return _mention(start, end, text[start:end], **d)


def _date(s: str | None) -> _dt.date | None:
    if not s:
        return None
    try:
        return _dt.date.fromisoformat(s[:10])
    except ValueError:
        LOGGER.warning("gazetteer: ignoring a date that is not YYYY-MM-DD: %r", s)
        return None


def _f(s) -> float | None:
    try:
        return float(s) if s not in (None, "") else None
    except ValueError:
        return None


# --------------------------------------------------------------------------- the gazetteer


class Gazetteer:
    """All entries plus the automaton over their aliases.  Build with `load()`."""

    def __init__(self) -> None:
        try:
            import ahocorasick  # pyahocorasick, a C extension; imported here so the module import stays cheap
        except ImportError:     # still works without it, about ten times slower
            LOGGER.warning("gazetteer: pyahocorasick is not installed; using the slow pure-Python matcher")
            ahocorasick = _PyAhoCorasick
        self._ac = ahocorasick
        self.entries: list[_Entry] = []
        self._keys: dict[str, list] = {}           # normalised key -> [(entry_idx, upper_offsets, atype, dot)]
        self._states: dict[str, int] = {}           # iso3 -> entry idx of the state
        self._by_name: dict[tuple[str, str], int] = {}   # (category-ish, name) -> idx
        self._holders: dict[tuple[str, str], list] = {}  # (qualifier name, office) -> [(start, end, idx)]
        self._surnames: dict[str, list[int]] = {}
        self._automaton = None
        self._memo: dict = {}      # (person, date, ...) -> role / coreference keys: roles do not change
        self._takes_the: set[int] = set()

    # ---------------------------------------------------------------- building
    def _add(self, e: _Entry) -> int:
        self.entries.append(e)
        return len(self.entries) - 1

    def _alias(self, alias: str, idx: int, atype: str = "N") -> None:
        alias = alias.strip()
        if alias[:4].lower() == "the " and atype != "T":
            # "the Kremlin", "the United States": matched without the article (so that "the Kremlin-backed
            # separatists" can still find its longer alias), the article joins the span afterwards
            self._takes_the.add(idx)
            alias = alias[4:]
        if not alias:
            return
        key = normalise(alias).strip()
        if not key:
            return
        dot = alias.endswith(".")
        self._keys.setdefault(key, []).append((idx, _upper_offsets(alias), atype, dot))

    def _load_countries(self) -> None:
        with open(DATA_DIR / "countries.csv", newline="", encoding="utf-8") as fh:
            for row in csv.DictReader(fh):
                dem = [d for d in row["demonyms"].split("|") if d]
                e = _Entry("actor", row["name"], "state", row["iso3"], _f(row["lat"]), _f(row["lon"]), "country",
                           demonym=dem[0] if dem else row["name"])
                idx = self._add(e)
                self._states[row["iso3"]] = idx
                self._by_name[("state", row["name"])] = idx
                for a in [row["name"], *row["aliases"].split("|")]:
                    self._alias(a, idx)
                    if a in _THE_COUNTRIES:
                        self._takes_the.add(idx)
                for a in dem:
                    self._alias(a, idx, "D")

    def _load_cities(self) -> None:
        caps = set()
        with open(DATA_DIR / "countries.csv", newline="", encoding="utf-8") as fh:
            for row in csv.DictReader(fh):
                if row["capital"]:
                    # (spelt as the town list spells it or not: "Brasilia" is "Brasília", "Nuku'alofa" "Nuku‘alofa")
                    caps.add((row["iso3"], normalise(row["capital"].strip())))
        entries, keys = self.entries, self._keys
        first_upper = (0,)
        log10 = math.log10
        lines = gzip.decompress((DATA_DIR / "cities.tsv.gz").read_bytes()).decode("utf-8").split("\n")
        for line in lines[1:]:
            if not line:
                continue
            gid, name, cc, lat, lon, pop, nnames, ks = line.split("\t")
            display = _CITY_DISPLAY.get(name, name)
            idx = len(entries)
            cc = cc or None
            lat, lon, pop = float(lat), float(lon), int(pop)
            e = _Entry("place", display, "city", cc, lat, lon, "city", display, None, pop,
                       (cc, normalise(name)) in caps)
            e.prior = log10(max(pop, 10)) + 0.5 * log10(1 + int(nnames))
            e.margs = ("place", display, cc, lat, lon, "city", "city", None, display)
            entries.append(e)
            ks = ks.split("|")
            cand = (idx, first_upper, "C", False)
            lst = keys.get(ks[0])
            if lst is None:
                keys[ks[0]] = [cand]
            else:
                lst.append(cand)
            main = cand
            alt = (idx, first_upper, "c", False)
            for k in ks[1:]:
                if k[0] == "~":   # an alternate name, not a spelling of the main one
                    k, cand = k[1:], alt
                else:
                    cand = main
                lst = keys.get(k)
                if lst is None:
                    keys[k] = [cand]
                else:
                    lst.append(cand)

    def _load_rows(self, rows: Iterable[dict]) -> None:
        """Rows in the CSV format of data/gazetteer/README.md (actors, people, places, custom)."""
        people: dict[tuple[str, str], int] = {}
        for row in rows:
            row = {k: (v or "").strip() for k, v in row.items() if k}
            kind, cat, name = row.get("kind", ""), row.get("category", "") or None, row.get("name", "")
            if not name or kind not in ("actor", "place", "source", "none"):
                continue
            aliases = [a for a in row.get("aliases", "").split("|") if a.strip()]
            country = row.get("country") or None
            if cat == "person":
                key = (name, country or "")
                idx = people.get(key)
                if idx is None:
                    idx = self._by_name.get(("person", name))
                if idx is None:
                    idx = self._add(_Entry("actor", name, "person", country, surname=row.get("surname") or None))
                    self._by_name[("person", name)] = idx
                    self._alias(name, idx)
                people[key] = idx
                e = self.entries[idx]
                for a in aliases:
                    self._alias(a, idx)
                if row.get("surname") and not e.surname:
                    e.surname = row["surname"]
                office = row.get("office") or None
                title = row.get("role") or None
                if title or office:
                    qual = None
                    org = row.get("location") or ""   # for org posts: the organisation's canonical name
                    if org:
                        qual = org
                    elif country:
                        st = self._states.get(country)
                        qual = self.entries[st].name if st is not None else country
                    start, end = _date(row.get("start")), _date(row.get("end"))
                    offices = [o for o in (office or "").split("|") if o] or [None]
                    for off in offices:
                        e.roles.append((qual, off, title, start, end))
                        if off:
                            self._holders.setdefault((qual, off), []).append((start, end, idx))
                continue
            lat, lon = _f(row.get("lat")), _f(row.get("lon"))
            if kind == "place" and (lat is None or lon is None):
                LOGGER.warning("gazetteer: skipping place %r: it needs lat and lon", name)
                continue
            prec = row.get("precision") or None
            loc = row.get("location") or None
            if kind == "place" and cat in ("city", "region") and not loc:
                loc = name
            e = _Entry(kind, name, cat, country, lat, lon, prec, loc, row.get("role") or None)
            if kind == "place":   # the prior of a place against same-named others: curated ones weigh most
                e.pop = int(_f(row.get("population")) or (100_000 if cat == "city" else 10**8))
                e.prior = math.log10(max(e.pop, 10)) + (1.0 if cat == "city" else 0.0)
            idx = self._add(e)
            self._by_name[(cat or kind, name)] = idx
            if kind in ("actor", "place") and cat not in ("city", "person", "state"):
                self._takes_the.add(idx)   # "the European Council", "the Gaza Strip": the article joins the span
            for a in [name, *aliases] if kind != "none" else aliases or [name]:
                self._alias(a, idx)

    def _load_grammar(self) -> None:
        for phrase, office in TITLES.items():
            disp = _TITLE_DISPLAY.get(phrase) or " ".join(w[:1].upper() + w[1:] for w in phrase.split(" "))
            idx = self._add(_Entry("title", disp, office=office))
            self._alias(phrase, idx, "T")
        for phrase, (pattern, cat) in GROUPS.items():
            idx = self._add(_Entry("group", pattern, cat, office=phrase))
            self._alias(phrase, idx, "G")

    def _finish(self) -> None:
        # surnames of persons: coreference keys
        for idx, e in enumerate(self.entries):
            if e.category != "person":
                continue
            if not e.surname:
                toks = e.name.replace("-", " ").split()
                if e.country in ("CHN", "PRK", "KOR", "TWN", "VNM", "KHM") and len(toks) >= 2:
                    e.surname = toks[0]
                else:
                    e.surname = toks[-1] if toks else e.name
            for s in e.surname.split("|"):
                self._surnames.setdefault(normalise(s).strip(), []).append(idx)
        for s, idxs in self._surnames.items():
            for idx in idxs:
                e = self.entries[idx]
                e.solo = len(idxs) == 1 and s not in _COMMON_SURNAMES and len(s) >= 3 and not self._is_place_key(s)
                for alias in e.surname.split("|"):
                    if normalise(alias).strip() == s:
                        self._alias(alias, idx, "S")
        for v in self._holders.values():
            v.sort(key=lambda t: t[0] or _dt.date.min)
        # one candidate per (entry, alias type) and key: spelling variants that differ only in case
        # ("Kim Jong-un", "Kim Jong-Un") keep the capitals they all share
        for key, cands in self._keys.items():
            if len(cands) > 1:
                merged: dict = {}
                for idx, ups, atype, dot in cands:
                    old = merged.get((idx, atype))
                    merged[(idx, atype)] = (idx, ups, atype, dot) if old is None else \
                        (idx, tuple(sorted(set(old[1]) & set(ups))), atype, old[3] or dot)
                if len(merged) < len(cands):
                    self._keys[key] = list(merged.values())
        A = self._ac.Automaton()
        add = A.add_word
        self._cands = list(self._keys.values())
        for cid, (key, cands) in enumerate(self._keys.items()):
            # the value carries what the scan needs for the common single-candidate key
            c0 = cands[0]
            add(" " + key, (len(key), cid, c0[1], c0[3]) if len(cands) == 1 else (len(key), cid, None, False))
        A.make_automaton()
        self._automaton = A
        # per key, filled on first use: the country it stands for, and its pick when no judgement is needed
        self._cid_ctx: dict[int, tuple] = {}
        self._cid_fast: dict[int, tuple | None] = {}
        for e in self.entries:
            if e.margs:     # towns: filled when read (plain mentions, code 0)
                continue
            if e.roles:
                e.breaks = tuple(sorted({d for r in e.roles for d in (r[3], r[4]) if d is not None}))
            e.code = _code(e)
            e.margs = (e.kind, e.name, e.country, e.lat, e.lon, e.precision, e.category, e.role, e.location)
        self._keys = {}

    def _is_place_key(self, key: str) -> bool:
        for idx, _u, _t, _d in self._keys.get(key, ()):
            if self.entries[idx].kind in ("place",) or self.entries[idx].category == "state":
                return True
        return False

    # ---------------------------------------------------------------- matching
    def _hits(self, text: str):
        """Leftmost-longest spans whose aliases pass the case check: [start, end, cands, cid].

        The automaton holds " key" (a space in front); the text is " text ", so a match always starts
        at a word start, and the character after it must be a space (a word end).  When the longest key
        at a word start runs into the middle of a word ("the eu" in "the european council"), the scan
        starts again at the next word start inside it, so "european council" is still found."""
        norm = " " + normalise(text) + " "
        out: list = []
        pos = 0
        while pos is not None:
            pos = self._hits_from(text, norm, pos, out)
        return out

    def _hits_from(self, text: str, norm: str, pos: int, out: list) -> int | None:
        cands_tab = self._cands
        n = len(text)
        for end_idx, (klen, cid, ups, dot) in self._automaton.iter_long(norm, pos):
            if norm[end_idx + 1] != " ":
                nxt = norm.find(" ", end_idx - klen + 1, end_idx)
                if nxt != -1:
                    return nxt
                continue
            start = end_idx - klen       # text offset of the first character
            if ups is not None:          # one candidate
                for o in ups:
                    if not text[start + o].isupper():
                        break
                else:
                    if dot and end_idx < n and text[end_idx] == ".":
                        out.append((start, end_idx + 1, cands_tab[cid], cid))
                    else:
                        out.append((start, end_idx, cands_tab[cid], cid))
                continue
            cands = cands_tab[cid]
            ok = []
            ext = 0
            for c in cands:
                for o in c[1]:
                    if not text[start + o].isupper():
                        break
                else:
                    ok.append(c)
                    if c[3] and end_idx < n and text[end_idx] == ".":
                        ext = 1
            if ok:
                out.append((start, end_idx + ext, ok if len(ok) < len(cands) else cands,
                            cid if len(ok) == len(cands) else -1))
        return None

    def find(self, text: str, published: _dt.date | None = None) -> list[Mention]:
        if not isinstance(text, str):
            raise TypeError("text must be str")
        if isinstance(published, _dt.datetime):
            published = published.date()
        elif isinstance(published, str):
            published = _date(published)
        hits = self._hits(text)
        if not hits and not (_BARE_PERSON.search(text) or any(w in text for w in _ARMED_ORG_WORDS + _CIVIL_ORG_WORDS)
                             or ("(" in text and _ACRONYM.search(text))):
            return []  # (names nobody lists may still stand in a text with no known one)
        return _Reader(self, text, published, hits).run()

    # ---------------------------------------------------------------- role holders
    def holder(self, qual: str | None, office: str, when: _dt.date | None) -> _Entry | None:
        """The person holding `office` of `qual` (a country or organisation name) on `when` (None: now)."""
        rows = self._holders.get((qual, office))
        if not rows and office == "leader":
            for off in _LEADER_FALLBACK[1:]:
                rows = self._holders.get((qual, off))
                if rows:
                    break
        if not rows:
            return None
        if when is None:
            open_rows = [r for r in rows if r[1] is None]
            return self.entries[(open_rows or rows)[-1][2]]
        best = None
        for start, end, idx in rows:
            if (start is None or start <= when) and (end is None or when < end):
                best = idx
        return self.entries[best] if best is not None else None

    def role_of(self, e: _Entry, when: _dt.date | None, office: str | None = None, qual: str | None = None):
        """Title of the role `e` holds at `when` (matching office/qual if given), else the latest one."""
        best = None
        order = {"leader": 0, "hos": 1, "hog": 2, "monarch": 3, "fm": 4, "sg": 5, "dm": 6}
        for q, off, title, start, end in e.roles:
            if office and off != office and not (office == "leader" and off in ("hos", "hog")):
                continue
            if qual and q != qual:
                continue
            active = when is None or ((start is None or start <= when) and (end is None or when < end))
            rank = (0 if active else 1, order.get(off, 9), -(start or _dt.date.min).toordinal())
            if when is None:
                rank = (0 if end is None else 1, order.get(off, 9), -(start or _dt.date.min).toordinal())
            if best is None or rank < best[0]:
                best = (rank, title, q, off)
        return best


_PLAIN, _TITLE, _GROUP, _NONE, _PERSON, _MEDIA, _METONYM = range(7)


def _code(e: _Entry) -> int:
    if e.kind == "title":
        return _TITLE
    if e.kind == "group":
        return _GROUP
    if e.kind == "none":
        return _NONE
    if e.category == "person":
        return _PERSON
    if e.kind == "source" and e.name in ("media", "state media"):
        return _MEDIA
    if e.category == "government" and e.role == "metonym":
        return _METONYM
    return _PLAIN


def _suffixed_main(name: str, written: str) -> bool:
    """Whether ``written`` is a place's main name without the administrative suffix GeoNames gives it ("Nara" for
    "Nara-shi", "Incheon" for "Incheon-gwangyeoksi")."""
    return len(written) >= 3 and name.startswith(written) and name[len(written):len(written) + 1] == "-" \
        and name[len(written) + 1:].islower()


def _key_countries(E: list, cands) -> tuple:
    """(country the key stands for in context, else the country of a region/state among its candidates
    ("Texas": still American), country of the key's one town if it is one) for one candidate list."""
    c = _ctx_country(E, cands)
    other = None
    if c is None and len(cands) > 1:
        other = next((E[x[0]].country for x in cands if E[x[0]].category in ("region", "state")), None)
    town = E[cands[0][0]].country if len(cands) == 1 and E[cands[0][0]].category == "city" else None
    return c, other, town


def _ctx_country(E: list, cands) -> str | None:
    """The one country a candidate list stands for, if it names one (small towns and surnames do not)."""
    country = None
    for idx, _u, atype, _d in cands:
        en = E[idx]
        if atype in ("S", "c") or en.kind not in ("actor", "place", "source") or en.country is None:
            continue
        if en.category == "city" and not (en.capital or en.pop >= 500_000):
            return None
        if country is None:
            country = en.country
        elif country != en.country:
            return None
    return country


# a noun after a state's arms (_ARMS) that makes them a thing, not its military acting: "ballistic missile launches"
_ARMS_COMPOUND = re.compile(r"\s+(?:launch|launches|tests?|programmes?|programs?|strikes?|attacks?|production|"
                            r"development|exports?|sales?|deliver(?:y|ies)|capabilit(?:y|ies)|systems?|fire|shells?)\b",
                            re.IGNORECASE)
_AND_ONLY = re.compile(r"\s+and\s+")
# an adjective of nationality ("Indian", "North Korean", "Chinese", "Israeli", "Dutch"), not a state's name
_DEMONYM = re.compile(r"(?:[A-Z][a-z]+\s)?[A-Z][a-z]+(?:an|ese|ish|i|ic|ch|ean|ek|ss)")
# "Japanese military brothels", "US military aid": a thing of the military, not the military acting
_MILITARY_THING = re.compile(r"\s+(?:brothels?|aid|assistance|equipment|hardware|spending|budgets?|exercises?|drills?|"
                             r"cooperation|ties|bases?|installations?|facilities|technology|supplies|support|"
                             r"satellites?|capabilit(?:y|ies)|buildup|build-up|presence|doctrine|parade|academy|"
                             r"hospital|court|tribunal|service|uniforms?|history|power|might)\b", re.IGNORECASE)
_FUNCTION_WORD_INSIDE = re.compile(r"\s(?:in|on|at|to|a|an|of|and|the)(?=\s|$)")
_SUBSTRING_PROBES = 16  # words _common_word looks up as substrings before it collects the words of the text


class _Reader:
    """One pass of resolution and composition over the matched spans of one text."""

    def __init__(self, gaz: Gazetteer, text: str, published, sel) -> None:
        self.g, self.text, self.when, self.sel = gaz, text, published, sel
        self.E = gaz.entries
        self.blocked: set[str] = set()
        self._lower_seen: dict[str, bool] = {}
        self._lower_tokens: set[str] | None = None

    def _split_alternates(self) -> list:
        """Hits that only an alternate spelling of a town makes and that run over a little word ("Modi in Paris"
        read as Modi'in) give way to the shorter names inside them ("Modi")."""
        out = []
        for h in self.sel:
            s, e = h[0], h[1]
            cut = _FUNCTION_WORD_INSIDE.search(self.text, s, e) if all(c[2] == "c" for c in h[2]) else None
            if cut is not None:
                for lo, hi in ((s, cut.start()), (cut.end(), e)):
                    if hi > lo:
                        out.extend((hs + lo, he + lo, cands, cid) for hs, he, cands, cid in self.g._hits(self.text[lo:hi]))
            else:
                out.append(h)
        return out

    # ---- context countries from unambiguous spans
    def _context(self):
        ctx: dict[str, int] = {}
        first: dict[str, int] = {}
        cid_ctx, E = self.g._cid_ctx, self.E
        self.country_at = country_at = {}
        self.city_end = city_end = {}     # end offset -> country of a one-candidate town ("Atlanta, Georgia")
        for s, e, cands, cid in self.sel:
            info = cid_ctx.get(cid) if cid >= 0 else None
            if info is None:
                info = _key_countries(E, cands)
                if cid >= 0:
                    cid_ctx[cid] = info
            c, other, town = info
            if town is not None:
                city_end[e] = town
            if c is not None:
                country_at[s] = c
                if c in ctx:
                    ctx[c] += 1
                else:
                    ctx[c] = 1
                    first[c] = s
            elif other is not None:
                country_at[s] = other
        return ctx, first

    def _place_cue(self, s: int, e: int) -> bool:
        before = self.text[max(0, s - 30):s]
        # (or the areas a place lies in, in parentheses after it: "in the market of Dahyan (Majz, Saada)")
        return bool(_PLACE_WORDS.search(before)) or bool(_AFTER_PLACE.match(self.text, e)) \
            or bool(_IN_PARENS_AREA.search(before) and self.text.startswith(")", e))

    def _pick(self, s: int, e: int, cands) -> tuple[int, str] | None:
        E, ctx = self.E, self.ctx
        if len(cands) == 1:
            idx, _u, atype, _d = cands[0]
            if atype == "S":
                return ("S", [idx])
            en = E[idx]
            if en.category == "city" and not self._city_ok(en, s, e, atype):
                return None
            return idx, atype
        kinds = {E[c[0]].kind for c in cands}
        # names that are also persons' surnames: person coreference decides first
        surn = [c[0] for c in cands if c[2] == "S"]
        if surn:
            return ("S", surn)  # resolved later, falls back to the others
        # "Atlanta, Georgia", "Paris, Texas": the town before the comma names the country
        before = self.city_end.get(s - 2) if self.text[s - 2:s] == ", " else None
        # a state among the candidates: the country unless context says otherwise
        states = [c for c in cands if E[c[0]].category == "state"]
        if states:
            st = states[0]
            c = E[st[0]]
            if before is not None and before != c.country:
                same = [x for x in cands if E[x[0]].country == before]
                if same:
                    return same[0][0], same[0][2]
            if c.country == "GEO":
                us = [x for x in cands if E[x[0]].country == "USA"]
                if us and ctx.get("USA") and not (ctx.get("GEO", 0) > 1 or ctx.get("RUS") or ctx.get("UKR")):
                    return us[0][0], us[0][2]
            if c.country == "JOR":   # "Michael Jordan": a first name before it makes a person
                pm = re.search(r"([A-Z][a-z]+)\s+$", self.text[max(0, s - 20):s])
                if pm and pm.group(1) not in _NAME_STOP:
                    return None
            return st[0], st[2]
        if "actor" in kinds or "source" in kinds or "none" in kinds:
            non_city = [c for c in cands if E[c[0]].category != "city"]
            return non_city[0][0], non_city[0][2]
        best, best_score = None, -1e9
        m = _COMMA.match(self.text, e)
        after = self.country_at.get(m.end()) if m else None     # "Tripoli, Lebanon", "Paris, Texas"
        written = self.text[s:e]
        for idx, _u, atype, _d in cands:
            en = E[idx]
            if atype == "c" and _suffixed_main(en.name, written):
                atype = "C"  # "Nara" for "Nara-shi": the main name without its suffix
            # a name written without its marks is more likely another place spelt that way ("Bali" is
            # Indonesia's, not India's "Bāli")
            score = (en.prior or math.log10(max(en.pop, 10))) + (0.75 if ctx.get(en.country) else 0) - \
                (1.0 if not en.name.isascii() and written.isascii() and en.name != written else 0) + \
                (1.0 if en.capital else 0) + ((3.0 if en.category == "city" else 1.0) if atype in ("C", "N") else 0) + \
                (3.0 if after is not None and after == en.country else 0) + \
                (3.0 if before is not None and before == en.country else 0)
            if score > best_score:
                best, best_score = (idx, atype), score
        if best and E[best[0]].category == "city" and not self._city_ok(E[best[0]], s, e, best[1]):
            return None
        return best

    def _city_ok(self, en: _Entry, s: int, e: int, atype: str) -> bool:
        text = self.text
        # part of a person's name: "Janet Reno", "Bill Clinton", "President Bush"
        low = text[s:e]
        if low in self.blocked:
            return False
        if _after_name_word(text, s, True):
            self.blocked.add(low)   # "Glenn Edward Murray" ... "Murray said": the person, all along the text
            return False
        if _NAME_GOES_ON.match(text, e):
            return False  # "Riad al-Solh Square", "Sharm el-Sheikh": a longer name goes on
        if atype == "c" and not _suffixed_main(en.name, low):
            # an alternate name ("Colonia" for Cologne): its country named and a place word
            if _NEXT_CAP_WORD.match(text, e):
                return False  # ("Riad Salameh", "Colonia Juarez": a longer name, not the city)
            return en.capital or en.pop >= 5_000_000 or (self.ctx.get(en.country) is not None
                                                         and self._place_cue(s, e))
        if en.capital or en.pop >= 1_000_000:
            return True
        # part of a company's or institution's name: "Nashua Corp.", "Bethlehem Steel"; later bare mentions
        # of the same word in the text are the company too ("Nashua's shares")
        if _NEXT_CAP_WORD.match(text, e):
            if _COMPANY.match(text, e):
                self.blocked.add(low)
            return False
        if self._common_word(s, e):
            return self._place_cue(s, e) and self.ctx.get(en.country) is not None
        if en.pop >= 500_000 or self.ctx.get(en.country):
            return True
        return self._place_cue(s, e)

    def _common_word(self, s: int, e: int) -> bool:
        """A capitalised word that the same text also writes in lower case ("Summit" / "summit"),
        or one of the English words that are also towns: a sentence start, not a place."""
        low = self.text[s:e].lower()
        if low in _COMMON_WORDS:
            return True
        seen = self._lower_seen.get(low)
        if seen is not None:
            return seen
        if low.isalpha():
            if self._lower_tokens is None and len(self._lower_seen) < _SUBSTRING_PROBES and low not in self.text:
                seen = False  # not even a substring (the usual answer): no need to collect the words
            else:
                # one pass over the text collects every word (linear, whatever the number of capitalised
                # names: a 1 MB text must not be scanned once per name)
                if self._lower_tokens is None:
                    self._lower_tokens = set(_WORD.findall(self.text))
                seen = low in self._lower_tokens and low.islower()
        else:
            seen = False
            i = self.text.find(low)
            while i != -1:
                if (i == 0 or not self.text[i - 1].isalnum()) and \
                        not self.text[i + len(low):i + len(low) + 1].isalnum():
                    seen = True
                    break
                i = self.text.find(low, i + 1)
        self._lower_seen[low] = seen
        return seen

    def run(self) -> list[Mention]:
        E, text, takes_the = self.E, self.text, self.g._takes_the
        if any(all(c[2] == "c" for c in h[2]) and _FUNCTION_WORD_INSIDE.search(text, h[0], h[1]) for h in self.sel):
            self.sel = self._split_alternates()
        if "an-" in text:  # "the Pan-American Highway", "Pan-African": a compound, not the state
            self.sel = [h for h in self.sel if not (h[0] >= 4 and text[h[0] - 4:h[0]].lower() == "pan-")]
        if "-Pacific" in text or "-Atlantic" in text:  # "Asia-Pacific leaders", "Euro-Atlantic": no continent
            self.sel = [h for h in self.sel if not _OCEAN_COMPOUND.match(text, h[1])]
        self.ctx, first = self._context()
        self.main_country = max(self.ctx, key=lambda c: (self.ctx[c], -first[c])) if self.ctx else None
        items = []
        fast = self.g._cid_fast
        main_country = self.main_country
        for s, e, cands, cid in self.sel:
            if cid >= 0:
                pick = fast.get(cid, 0)
                if pick == 0:   # keys with one candidate that needs no judgement: the pick is known in advance
                    c0 = cands[0]
                    pick = fast[cid] = (c0[0], c0[2]) if len(cands) == 1 and c0[2] != "S" and \
                        E[c0[0]].category != "city" else None
            else:
                pick = None
            if pick is None:
                pick = self._pick(s, e, cands)
                if pick is None:
                    continue
            if main_country is None and pick[0] != "S" and E[pick[0]].kind in ("place", "actor"):
                main_country = self.main_country = E[pick[0]].country
            if pick[0] == "S":
                rest = [c for c in cands if c[2] != "S"]
                other = self._pick(s, e, rest) if rest else None
                if other is not None and E[other[0]].category == "city" and not (
                        E[other[0]].capital or E[other[0]].pop >= 1_000_000 or self._place_cue(s, e)):
                    other = None   # "Bush", "Castro": a surname first, a town only after a place word
                items.append([s, e, "S", pick[1], [other] if other else []])
            else:
                if pick[0] in takes_the and pick[1] != "D" and s >= 4 and text[s - 4:s].lower() == "the " and \
                        (s == 4 or not text[s - 5].isalnum()):
                    s -= 4
                items.append([s, e, "E", pick[0], pick[1]])
        out = _Composer(self, items).run()
        if "he kingdom" in text or "he emirate" in text or "he sultanate" in text:
            out = _kingdoms(text, out, self.g)
        return out


# "the kingdom", "the emirate": the last such state named before ("Saudi Arabia ... the kingdom is cutting ties")
_KINGDOM = re.compile(r"\b[Tt]he\s+(kingdom|emirate|sultanate)\b(?!\s+of\b)(?!['\u2019]s\s+(?:crown|king))")
_MONARCHIES = {
    "kingdom": frozenset("SAU JOR MAR GBR ESP NLD BEL SWE NOR DNK THA KHM BHR SWZ LSO TON BTN".split()),
    "emirate": frozenset("QAT KWT ARE".split()),
    "sultanate": frozenset("OMN BRN".split()),
}


def _kingdoms(text: str, out: list[Mention], gaz) -> list[Mention]:
    added = []
    for m in _KINGDOM.finditer(text):
        states = _MONARCHIES[m.group(1)]
        if any(x.start <= m.start() < x.end for x in out):
            continue
        prev = next((x for x in reversed(out) if x.end <= m.start() and x.country in states
                     and x.kind in ("actor", "place") and x.category in ("state", "person", "government")), None)
        if prev is None:
            continue
        idx = gaz._states.get(prev.country)
        if idx is None:
            continue
        added.append(gaz.entries[idx].as_mention(text, m.start(), m.end(), kind="actor", category="state"))
    if not added:
        return out
    return sorted(out + added, key=lambda x: x.start)


_RELATIVE_BEFORE = re.compile(r"['\u2019]s\s+(?:late\s+)?(?:father|mother|son|daughter|brother|sister|wife|husband|"
                              r"grandfather|grandson|granddaughter|uncle|aunt|cousin|nephew|niece)\s*,?\s*$")


class _Composer:
    def __init__(self, reader: _Reader, items) -> None:
        self.r, self.g, self.E, self.text, self.when = reader, reader.g, reader.E, reader.text, reader.when
        self.items = items
        self.out: list[Mention] = []
        self.last_by_surname: dict[str, _Entry] = {}
        self.last_by_office: dict[tuple, _Entry] = {}
        self.adhoc: dict[str, Mention] = {}

    # record a person mention for later coreference
    def _remember(self, en: _Entry, qual: str | None = None, office: str | None = None, memo=None) -> None:
        if memo is None:
            memo = self._person_memo(en, None, None, None)
        lbs, lbo = self.last_by_surname, self.last_by_office
        for x in memo[1]:
            lbs[x] = en
        for x in memo[2]:
            lbo[x] = en
        if office:
            lbo[(qual, office)] = en
            lbo[(None, office)] = en

    def _person_memo(self, en: _Entry, office, qual, title) -> tuple:
        """(role shown, surname keys, (qualifier, office) keys held on the date): fixed for a person and a date."""
        g, when = self.g, self.when
        # the answer changes only where one of the person's roles starts or ends: the memo is per interval
        key = (id(en), -1 if when is None else bisect.bisect_right(en.breaks, when), office, qual, title)
        memo = g._memo.get(key)
        if memo is None:
            r = g.role_of(en, when, office, qual) if office else g.role_of(en, when)
            if r is None and office:
                r = g.role_of(en, when)
            role = r[1] if r else _role_text(title, qual)
            sur = tuple(normalise(x).strip() for x in (en.surname or "").split("|"))
            offices = []
            for q, off, _t, start, end in en.roles:
                # with no date, every role the person held counts ("the Cuban leader" after "Fidel Castro")
                if when is None or ((start is None or start <= when) and (end is None or when < end)):
                    offices += [(q, off), (None, off)]
            if len(g._memo) > 100_000:
                g._memo.clear()
            memo = g._memo[key] = (role, sur, tuple(offices))
        return memo

    def _person(self, en: _Entry, s: int, e: int, office=None, qual=None, title=None) -> Mention:
        memo = self._person_memo(en, office, qual, title)
        if not (_RELATIVE_BEFORE.search(self.text, max(0, s - 40), s)
                and any(k in self.last_by_surname for k in memo[1])):
            # ("Kim's father, Kim Jong Il": a relative named in passing; "Kim" still means the one told of)
            self._remember(en, qual, office, memo)
        return _mention(s, e, self.text[s:e], "actor", en.name, en.country, None, None, None, "person", memo[0], None)

    def _qual_of(self, item) -> tuple[str | None, str | None, _Entry | None]:
        """(qualifier name, iso3, entry) if the item, standing after "of", is a state/organisation that can
        qualify a title ("of Russia", "of the DPRK"; not a demonym: "the governor of the Japanese prefecture")."""
        if item is None or item[2] != "E" or item[4] == "D":
            return None, None, None
        en = self.E[item[3]]
        if en.category in ("state", "organisation"):
            return en.name, en.country, en
        if en.category == "government" and en.country:
            st = self.g._states.get(en.country)
            if st is not None:
                return self.E[st].name, en.country, en
        return None, None, None

    def run(self) -> list[Mention]:
        items, text, E = self.items, self.text, self.E
        out = self.out
        n = len(items)
        i = 0
        while i < n:
            s, e, typ, idx, extra = items[i]
            if typ == "S":
                # "Gerard Rice", "Kerry Jones": the surname of a known person inside someone else's name
                other_name = _after_name_word(text, s, False) or (
                    _NEXT_CAP_WORD.match(text, e) and text[e + 1:e + 2].isupper() and
                    text[e + 1:].split(None, 1)[0].strip(".,;:") not in _NAME_STOP)
                en = None if other_name else self._surname(idx)
                if en is not None:
                    out.append(self._person(en, s, e))
                elif extra:   # a surname that is also something else (a city, a state)
                    items[i] = [s, e, "E", extra[0][0], extra[0][1]]
                    continue
                i += 1
                continue
            en = E[idx]
            code = en.code
            if code == _PLAIN:
                out.append(_mention(s, e, text[s:e], *en.margs))
                i += 1
                continue
            if code == _TITLE:
                i = self._title(i)
                continue
            if code == _GROUP:
                i = self._group(i)
                continue
            if code == _NONE:
                i += 1
                continue
            if code == _PERSON:
                out.append(self._person(en, s, e))
                i += 1
                continue
            if code == _MEDIA:
                i = self._media(i)
                continue
            if code == _METONYM:
                if _KNOWN_AS.search(text, max(0, s - 20), s):
                    i += 1  # "the main government building in Bishkek, known as the White House": another one
                    continue
                if _AT_BUILDING.search(text, max(0, s - 12), s):
                    out.append(en.as_mention(text, s, e, kind="place", category="venue", role=None))
                else:
                    st = self.g._states.get(en.country) if en.country else None
                    nm = E[st].name if st is not None else en.name
                    out.append(en.as_mention(text, s, e, name=nm, role=en.name))
                i += 1
        if self.adhoc:
            self._adhoc_surnames()
            out.sort(key=_START)
        if "(" in text and _ACRONYM.search(text):
            self._acronym_orgs()
            out.sort(key=_START)
        if ("clan" in text or "tribe" in text) and _CLAN.search(text):
            self._clans()
            out.sort(key=_START)
        if any(w in text for w in _ARMED_ORG_WORDS):
            self._armed_orgs(_ARMED_ORG, "group")
            out.sort(key=_START)
        if any(w in text for w in _CIVIL_ORG_WORDS):
            self._armed_orgs(_CIVIL_ORG, "organisation")
            if " of " in text:
                self._state_bodies()
            out.sort(key=_START)
        if "bloc" in text:
            self._blocs()
        if self._bare_persons():
            out.sort(key=_START)
        if any(o.category == "person" and _PLURAL_TITLE.match(o.text) for o in out):
            self._listed_persons()
            out.sort(key=_START)
        if _PLURAL_NAME.search(text) and _ROLE_LIST.search(text):
            self._role_listed_persons([r.end() - 1 for r in _ROLE_LIST.finditer(text)])
            out.sort(key=_START)
        commas = [m.start() for m in _COMMA_NAME.finditer(text)]
        if commas and self._appositions(commas):
            out.sort(key=_START)
        self._drop_false_mentions()
        return out

    def _drop_false_mentions(self) -> None:
        """Mentions that turn out to be part of something else, dropped in one pass: the state in a crowd's coded
        name ("Protesters (Honduras)": whose crowd it is, not a party of its own); a place before a round's numeral
        ("Oslo II"), after "Lower/Upper/Middle/Little" ("Lower Juba", "Miami's Little Havana"), in a route between
        places ("the Jammu-Srinagar national highway") or in a title ("the Comprehensive Agreement on the
        Bangsamoro": what the text is about, not where anything is); unnamed fighters "of" a named group
        ("militants of the Islamic State": the group's own)."""
        text, out = self.text, self.out
        drop: set[int] = set()
        if "(" in text:
            ends = {o.end for o in out if o.kind == "actor" and o.category == "group"}
            drop.update(id(o) for o in out if o.category == "state" and o.start >= 2
                        and text[o.start - 2:o.start] == " (" and text.startswith(")", o.end) and o.start - 2 in ends)
        places = [o for o in out if o.kind == "place"]
        if " II" in text:
            drop.update(id(o) for o in places if _ROMAN_AFTER.match(text, o.end))
        if "Lower " in text or "Upper " in text or "Middle " in text or "Little " in text:
            drop.update(id(o) for o in places if o.category == "city"
                        and text.endswith(("Lower ", "Upper ", "Middle ", "Little "), 0, o.start))
        if "-" in text and _ROUTE_WORD.search(text):
            drop.update(id(o) for o in places if _ROUTE_AFTER.match(text, o.end) or (
                o.start > 0 and text[o.start - 1] == "-" and _ROUTE_AFTER.match(text, o.start - 1)))
        if _TITLE_HEAD.search(text):
            drop.update(id(o) for o in places if _TITLED_PLACE.search(text, max(0, o.start - 60), o.start))
        if " of " in text:
            named = {o.start for o in out if o.kind == "actor" and o.category in ("group", "organisation")
                     and not o.name.startswith("Unidentified")}
            drop.update(id(o) for o in out if o.kind == "actor" and o.category == "group"
                        and o.name.startswith("Unidentified") and (m := _OF_THE_GAP.match(text, o.end)) is not None
                        and (m.end() in named or (m.end() >= 4 and m.end() - 4 in named)))
        if drop:
            out[:] = [o for o in out if id(o) not in drop]

    def _listed_persons(self) -> None:
        """The other names of a list a plural title opens: "opposition leaders Morgan Tsvangirai and Arthur
        Mutambara" (the first is the title's)."""
        text, out = self.text, self.out
        for o in [o for o in out if o.category == "person" and _PLURAL_TITLE.match(o.text)]:
            pos = o.end
            while True:
                of = _OF.match(text, pos)  # ("Presidents Alija Izetbegovic of Bosnia, Franjo Tudjman of Croatia")
                state = next((x for x in out if of is not None and x.start == of.end() and x.category == "state"), None)
                if state is not None:
                    pos = state.end
                m = _LISTED_NAME.match(text, pos)
                if m is None:
                    break
                a, b = m.span(1)
                known = next((x for x in out if x.start < b and a < x.end), None)
                if known is None:
                    if not _person_words(m.group(1).split()):
                        break
                    out.append(_mention(a, b, text[a:b], "actor", text[a:b], o.country, None, None, None, "person",
                                        o.role, None))
                elif known.category != "person":
                    break
                pos = b
    def _state_words(self) -> set[str]:
        """The words of the text that name a state ("Brazil" in "Brazil's Federal Senate")."""
        return {o.text for o in self.out if o.category == "state"}

    def _appositions(self, commas: list[int]) -> bool:
        """Names the data does not know, in apposition after a comma at one of ``commas``: after a role a person
        ("the commander of the FARC rebels, Rodrigo Londono, put ...", "Eritrea's information minister, Yemane
        Gebremeskel."), after what a body is that body ("a local Islamist group, National Thowheed Jamath,"),
        after "the presidents of <states>," a list of people. Returns whether it added any."""
        text, out = self.text, self.out
        before = len(out)
        lists = []
        for pos in commas:
            window = text[max(0, pos - 140):pos]
            if _ROLE_TAIL.search(window, max(0, len(window) - 90)):
                m, category = _APPOS_PERSON.match(text, pos), "person"
            elif _GROUP_TAIL.search(window, max(0, len(window) - 14)):
                m, category = _APPOS_GROUP.match(text, pos), "group"
            else:
                if _PLURAL_OF_TAIL.search(window):
                    lists.append(pos + 1)
                continue
            if m is None:
                continue
            a, b = m.span(1)
            if any(x.start < b and a < x.end for x in out) or (category == "person"
                                                               and not _person_words(m.group(1).split())):
                continue
            out.append(_mention(a, b, text[a:b], "actor", text[a:b], None if category == "person"
                                else self.r.main_country, None, None, None, category, None, None))
        for start in lists:  # (the first comma after which the list of names begins: "of Bosnia, Serbia and ...")
            if self._role_listed_persons([start]):
                break
        return len(out) > before

    def _role_listed_persons(self, starts: list[int]) -> bool:
        """Names the data does not know, listed from each of ``starts`` (the blank before the first name) after a
        plural role ("former chief ministers Omar Abdullah and Mehbooba Mufti", "the presidents of Bosnia, Serbia
        and Croatia, Alija Izetbegovic, ..."): each a person, while the list goes on with full names. Returns whether
        the list held any name."""
        text, out = self.text, self.out
        found = False
        for pos in starts:
            first = True
            while True:
                m = (_FIRST_LISTED if first else _LISTED_NAME).match(text, pos)
                if m is None:
                    break
                a, b = m.span(1)
                known = next((x for x in out if x.start < b and a < x.end), None)
                if known is not None and known.category == "person" and known.start == a:
                    pos, first, found = known.end, False, True  # a known person in the list: it goes on after them
                    continue
                if known is not None or not _person_words(m.group(1).split()):
                    break
                out.append(_mention(a, b, text[a:b], "actor", text[a:b], None, None, None, None, "person", None, None))
                pos, first, found = b, False, True
        return found

    def _bare_persons(self) -> bool:
        """People the data does not know and no title introduces, named in full as a subject: "Adama Barrow takes
        the oath", "Jean-Bertrand Aristide resigns". Not a span that overlaps a known name, nor one with a word
        that is a sentence opener, a month, a title or a place word. Returns whether it added any."""
        text, out = self.text, self.out
        added = {}
        known = {o.start for o in out}  # (most candidates are names the data knows: "Kim Jong Un said")
        for m in _BARE_PERSON.finditer(text):
            a, b = m.span(1)
            if a in known or not _BARE_PERSON_BEFORE.search(text, max(0, a - 4), a):
                continue
            words = m.group(1).split()
            if not _person_words(words) \
                    or any(o.start < b and a < o.end for o in out):
                continue
            men = _mention(a, b, text[a:b], "actor", text[a:b], None, None, None, None, "person", None, None)
            out.append(men)
            if words[-1] not in added and len(words[-1]) > 3:
                added[words[-1]] = men  # ("Nayib Bukele won ... Bukele will be sworn in")
        if added:
            out.sort(key=_START)
            self._adhoc_surnames(added)
        return bool(added)
    def _blocs(self) -> None:
        """ "the bloc" is the body last named before it ("readmitted to the African Union ... the bloc's 54
        member states"); with none named, the European Union, as the data has it."""
        out = self.out
        last = None
        for i, o in enumerate(out):
            if o.kind == "actor" and o.category == "organisation" and _THE_BLOC.fullmatch(o.text):
                if last is not None and last.name != o.name:
                    out[i] = dataclasses.replace(o, name=last.name, country=last.country, lat=last.lat, lon=last.lon,
                                                 location=last.location)
                continue
            if o.kind == "actor" and o.category == "organisation":
                last = o

    def _armed_orgs(self, pattern: re.Pattern, category: str) -> None:
        """Bodies the data does not know, named in capitals by what they are: armed ones ("Republican Forces loyal
        to Alassane Ouattara", "Ras Kamboni Brigade"), with ``_ARMED_ORG``, and civil ones ("the Bougainville
        Referendum Commission"), with ``_CIVIL_ORG``. Not when a known name or a state's word is inside the span
        ("Kenya Defence Forces", "Somali National Army": those are known or a state's military)."""
        text, out = self.text, self.out
        for m in pattern.finditer(text):
            words = m.group(1).split()
            owner = None
            while words and (words[0] in _NAME_STOP or words[0].lower() in ("the", "a", "an")
                             or (owner is None and category == "organisation"
                                 and words[0].endswith(("'s", "\u2019s")) and words[0][:-2] in self._state_words())):
                if words[0].endswith(("'s", "\u2019s")):
                    owner = words[0][:-2]  # "Brazil's Federal Senate": the body of that state
                words.pop(0)
            if len(words) < 2 or " ".join(words).lower() in GROUPS:
                continue  # ("Armed Forces", "Security Forces": a kind of body, not a named one)
            a = m.end(1) - len(" ".join(words))
            b = m.end(1)
            inside = [o for o in out if o.start < b and a < o.end]
            if text[a:b] != " ".join(words) or any(o.kind != "place" or o.category == "state" or o.start < a - 4
                                                   for o in inside):
                continue
            # a region's name inside is part of the body's: "Arakan Rohingya Salvation Army"; and "militants of" the
            # body are its own
            for o in inside:
                out.remove(o)
            for o in [o for o in out if o.kind == "actor" and o.category == "group" and o.end <= a
                      and _OF_THE_GAP.fullmatch(text, o.end, a)]:
                out.remove(o)
            state = next((o for o in out if owner and o.category == "state" and o.text == owner), None)
            if state is None and category == "organisation" and words[-1] in ("Court", "Senate") \
                    and self.r.main_country in self.g._states:
                state = self.E[self.g._states[self.r.main_country]]  # a state's own court: of the text's state
            name = f"{text[a:b]} of {state.name}" if state is not None and category == "organisation" else text[a:b]
            out.append(_mention(a, b, text[a:b], "actor", name, state.country if state is not None
                                else self.r.main_country, None, None, None, category, None, None))

    def _state_bodies(self) -> None:
        """A body named with its state after "of" ("the National Security Council of Thailand", "the Supreme
        Electoral Tribunal of Honduras") is that state's body: one actor of that state, over the known name or the
        state inside it (not the UN's Security Council)."""
        text, out = self.text, self.out
        for m in _STATE_BODY.finditer(text):
            state = next((o for o in out if o.start == m.end() and o.category == "state"), None)
            if state is None:
                continue
            words = m.group(1).split()
            while words and (words[0] in _NAME_STOP or words[0].lower() in ("the", "a", "an")):
                words.pop(0)
            if len(words) < 2:
                continue  # ("Council of Europe", "Court of Appeal": a name of its own, or no body named)
            a = m.end(1) - len(" ".join(words))
            if text[a:m.end(1)] != " ".join(words):
                continue
            inside = [o for o in out if o.start < state.end and a < o.end]
            if any(o.start < a or o.end > state.end for o in inside):
                continue
            for o in inside:
                out.remove(o)
            out.append(_mention(a, state.end, text[a:state.end], "actor", text[a:state.end], state.country, None, None,
                                None, "organisation", None, None))

    def _clans(self) -> None:
        """Named clans and tribes, as ACLED names them: "members of Malik and Bepari clans" ->
        "Malik Communal Group (Bangladesh)", "Bepari Communal Group (Bangladesh)"."""
        text, out = self.text, self.out
        country = self.r.main_country
        cname = self.E[self.g._states[country]].name if country in self.g._states else None
        for m in _CLAN.finditer(text):
            for k in (1, 2):
                a, b = m.start(k), m.end(k)
                if a < 0 or m.group(k) in _NAME_STOP or any(o.start < b and a < o.end for o in out):
                    continue
                name = f"{m.group(k)} Communal Group" + (f" ({cname})" if cname else "")
                out.append(_mention(a, b, text[a:b], "actor", name, country, None, None, None, "group", None, None))
            # ("fighters of the Sikin and Ambulin clans": the clans' own)
            for o in [o for o in out if o.kind == "actor" and o.category == "group" and o.end <= m.start()
                      and _OF_THE_GAP.fullmatch(text, o.end, m.start())]:
                out.remove(o)

    def _acronym_orgs(self) -> None:
        """Organisations the data does not know, introduced the way news and ACLED notes do:
        "Police Wives Association (POLWA)".  The full name becomes one actor (it wins over a place inside
        it), and the acronym alone later in the text is that actor again."""
        text, out = self.text, self.out
        for p in _ACRONYM.finditer(text):
            m = _ACRONYM_ORG.search(text, max(0, p.start() - 120), p.end())
            if m is None or m.end() != p.end():
                continue
            full, acro = m.group(1), m.group(2)
            words = full.split()
            # ("Members of the Association of Mineworkers and Construction Union (AMCU)": the name starts where
            # the acronym's first letter does)
            while words and (words[0] in _NAME_STOP or words[0].lower() in ("the", "a", "an", "of", "for", "and")
                             or (words[0][0] != acro[0] and len(words) > 2 and acro.isupper())):
                words.pop(0)
            if len(words) < 2 or words[0][0] != acro[0] or _LAW_AFTER.match(text, m.end()):
                continue
            full = " ".join(words)
            a = m.start(1) + m.group(1).find(words[0])
            b = m.end(1)
            inside = [o for o in out if o.start < b and a < o.end]
            if any(o.start < a or o.end > b or (o.start == a and o.end == b) for o in inside):
                continue   # overlaps something longer or is a known name already
            for o in inside:
                out.remove(o)
            country = self.r.main_country
            out.append(_mention(a, b, text[a:b], "actor", full, country, None, None, None, "organisation", None, None))
            for r in re.finditer(r"\b" + re.escape(acro) + r"\b", text):
                if r.start() == m.start(2) or any(o.start < r.end() and r.start() < o.end for o in out):
                    continue
                out.append(_mention(r.start(), r.end(), acro, "actor", full, country, None, None, None,
                                   "organisation", None, None))

    def _at(self, pos: int, start: int) -> bool:
        """Does the next item start at pos, maybe after "the "?"""
        return start == pos or (start == pos + 4 and self.text[pos:pos + 4].lower() == "the ")

    def _surname(self, idxs: list[int]) -> _Entry | None:
        best = None
        for k in {normalise(s).strip() for i in idxs for s in (self.E[i].surname or "").split("|")}:
            en = self.last_by_surname.get(k)
            if en is not None and en in [self.E[i] for i in idxs]:
                best = en
        if best is not None:
            return best
        solo = [self.E[i] for i in idxs if self.E[i].solo]
        return solo[0] if len(solo) == 1 and len(idxs) == 1 else None

    def _take_left_qual(self, s: int):
        """If the last emitted mention is a state/org right before s, pop it and return it."""
        if not self.out:
            return None
        m = self.out[-1]
        if m.kind != "actor" or m.category not in ("state", "organisation", "government"):
            return None
        if not _GAP_ADJ.fullmatch(self.text, m.end, s) and m.end != s:
            return None
        if m.category == "government" and m.role is None and m.kind == "actor" and m.name == m.text:
            return None
        self.out.pop()
        return m

    def _title(self, i: int) -> int:
        items, text, E = self.items, self.text, self.E
        s, e, _t, idx, _x = items[i]
        tentry = E[idx]
        office, tname = tentry.office, tentry.name
        qm = self._take_left_qual(s)
        start = qm.start if qm else s
        qual = qcountry = None
        if qm is not None:
            if qm.category == "government":
                qual, qcountry = qm.name, qm.country
            else:
                qual, qcountry = qm.name, qm.country
        end = e
        j = i + 1
        # right qualifier: "President of the European Council", "Chairman of State Affairs of the DPRK"
        if j < len(items) and items[j][2] == "E":
            m = _OF.match(text, e)
            if m and self._at(m.end(), items[j][0]):
                qn, qc, qen = self._qual_of(items[j])
                if qn is not None and qual is None:
                    qual, qcountry = qn, qc
                    end = items[j][1]
                    j += 1
        # "the", "former" ... in front
        has_the = False
        while start >= 2 and text[start - 1] == " ":
            k = start - 2
            while k >= 0 and (text[k].isalpha() or text[k] == "-"):
                k -= 1
            w = text[k + 1:start - 1].lower()
            if w not in _PREFIX_WORDS or (k >= 0 and text[k].isalnum()):
                break
            has_the = has_the or w == "the"
            start = k + 1
        # a person right after
        if j < len(items):
            ns, ne, ntyp, nidx, nextra = items[j]
            gap_ok = _GAP_PERSON.fullmatch(text, end, ns) is not None or end == ns
            if gap_ok:
                pen = None
                if ntyp == "E" and E[nidx].category == "person":
                    pen = E[nidx]
                elif ntyp == "S" and not (_NEXT_CAP_WORD.match(text, ne) and text[ne + 1:ne + 2].isupper()
                                          and text[ne + 1:].split(None, 1)[0].strip(".,;:") not in _NAME_STOP):
                    # (not "commander Qassem Soleimani": a first name that is someone else's surname)
                    pen = self._surname(nidx)
                    if pen is None:   # "President Clinton": the one of that surname who held the office
                        cand = [E[k] for k in nidx]
                        fit = [c for c in cand if any((qual is None or q == qual) and
                                                      (off == office or (office == "leader" and off in ("hos", "hog")))
                                                      for q, off, *_r in c.roles)]
                        pen = fit[0] if len(fit) == 1 else None
                if pen is not None:
                    self.out.append(self._person(pen, start, ne, office, qual, tname))
                    return j + 1
        # an unknown capitalised name right after: a person made on the fly.  The name may run over
        # surnames and towns that are not resolved ("President Fidel Castro", "Attorney General Janet Reno")
        m = _GAP_PERSON.match(text, end) if end < len(text) else None
        pos = m.end() if m else end
        nm = _NAME1.match(text, pos) if pos < len(text) and (pos == end or m) else None
        if nm:
            name_end = nm.end()
            k = j
            while k < len(items) and items[k][0] < name_end:
                it = items[k]
                if it[2] == "S" or E[it[3]].category == "city":
                    k += 1
                    continue
                name_end = it[0]
                while name_end > pos and not text[name_end - 1].isalnum():
                    name_end -= 1
                break
            toks = text[pos:name_end].split()
            while toks and toks[-1] in _NAME_STOP:
                toks.pop()
            if toks and toks[-1][-2:] in ("'s", "’s"):
                toks[-1] = toks[-1][:-2]
            if _COMPANY.match(text, pos + len(" ".join(toks))) or (toks and toks[-1] in _COMPANY_WORDS):
                toks = []   # "General Motors Corp": a company
            single_ok = len(toks) == 1 and text[s].isupper() and toks[0] not in _NAME_STOP and len(toks[0]) > 2 \
                and office not in ("sister", "chair", "general", "officer", "judge")  # ("the General Staff")
            if (len(toks) >= 2 or single_ok) and not (set(toks) & _NAME_STOP) and office not in ("sister",):
                name = " ".join(toks)
                name_end = pos + len(name)
                while k > j and items[k - 1][0] >= name_end:
                    k -= 1
                role = _role_text(tname, qual)
                men = _mention(start, name_end, text[start:name_end], "actor", name, qcountry, None, None, None,
                              "person", role, None)
                self.out.append(men)
                self.adhoc[toks[-1]] = men
                if office in _HELD_OFFICES:
                    self.last_by_office[(qual, office)] = men
                    self.last_by_office[(None, office)] = men
                return k
        # a role phrase alone
        holder = None
        indefinite = _INDEFINITE.search(text, max(0, start - 10), start) is not None   # "a Chinese premier"
        plural = _PLURAL_TITLE.match(tname + " ") is not None  # ("EU foreign ministers": not the one in office)
        coming = text.startswith(("-elect", "-designate", " elect "), end)  # ("President-elect": not in office yet)
        # "elected Hassan Sheikh Mohamud as President of Somalia", "became prime minister": the office someone
        # takes, not its holder
        coming = coming or _TAKES_OFFICE_I.search(text, max(0, start - 12), start) is not None
        if (qual is not None or has_the) and office in _HELD_OFFICES and not indefinite and not plural and not coming:
            holder = self.last_by_office.get((qual, office))
            if holder is None and office == "leader":
                holder = self.last_by_office.get((qual, "hos")) or self.last_by_office.get((qual, "hog"))
            if holder is None and qual is not None:
                holder = self.g.holder(qual, office, self.when)
        if isinstance(holder, Mention):   # a person made on the fly earlier in the text
            self.out.append(_mention(start, end, text[start:end], "actor", holder.name, holder.country, None, None,
                                     None, "person", holder.role, None))
            return j
        if holder is not None:
            self.out.append(self._person(holder, start, end, office, qual, tname))
            return j
        if qm is not None:   # give the qualifier back
            self.out.append(qm)
        return i + 1

    def _group(self, i: int) -> int:
        items, text, E = self.items, self.text, self.E
        s, e, _t, idx, _x = items[i]
        gen = E[idx]
        # part of a capitalised name ("Police Wives Association"): not a group
        m = _NEXT_CAP.match(text, e)
        if m and text[s].isupper() and not (i + 1 < len(items) and items[i + 1][0] == m.end() - 1):
            return i + 1
        if gen.office in _ARMS and _ARMS_COMPOUND.match(text, e) \
                or gen.office in ("military", "army", "navy") and _MILITARY_THING.match(text, e):
            return i + 1  # "North Korea's ballistic missile launches", "tank production": a thing, not who acts
        # "ISIS militants", "Hamas fighters": the named group takes the word
        if self.out and self.out[-1].kind == "actor" and self.out[-1].category in ("group", "organisation") and \
                _GAP_ADJ.fullmatch(text, self.out[-1].end, s) and "'" not in text[self.out[-1].end:s]:
            prev = self.out.pop()
            self.out.append(_mention(prev.start, e, text[prev.start:e], prev.kind, prev.name, prev.country, prev.lat,
                                    prev.lon, prev.precision, prev.category, prev.role, prev.location))
            return i + 1
        qm = self._take_left_qual(s)
        if qm is not None and qm.category != "state":
            self.out.append(qm)
            qm = None
        start, end, country = (qm.start if qm else s), e, (qm.country if qm else None)
        j = i + 1
        if qm is None and j < len(items) and items[j][2] == "E":
            m = _OF.match(text, e)
            if m and self._at(m.end(), items[j][0]):
                qn, qc, qen = self._qual_of(items[j])
                if qen is not None and qen.category == "state":
                    country, end = qc, items[j][1]
                    j += 1
        if country is None and gen.office in _NEEDS_QUALIFIER:
            # "the government", "troops" alone: too vague to name a country from context
            return i + 1
        if country is None:
            country = self.r.main_country or _GROUP_HOME.get(gen.name)
        cname = self.E[self.g._states[country]].name if country in self.g._states else None
        if cname:
            name = _GROUP_NAMED.get((gen.name, country)) or gen.name.format(c=cname)
        else:
            name = _NO_COUNTRY_NAME.get(gen.name) or gen.name.replace(" ({c})", "")
        if qm is not None and self.out and "{c}" in gen.name:
            # "Indian and Chinese soldiers": the first state's soldiers too
            prev = self.out[-1]
            if prev.kind == "actor" and prev.category == "state" and prev.country and prev.country != country \
                    and _AND_ONLY.fullmatch(text, prev.end, qm.start) and prev.country in self.g._states \
                    and _DEMONYM.fullmatch(prev.text) and prev.text != prev.name:
                self.out[-1] = _mention(prev.start, prev.end, prev.text, "actor",
                                        gen.name.format(c=self.E[self.g._states[prev.country]].name), prev.country,
                                        None, None, None, gen.category, None, None)
        self.out.append(_mention(start, end, text[start:end], "actor", name, country, None, None, None,
                                gen.category, None, None))
        return j

    def _media(self, i: int) -> int:
        items, text, E = self.items, self.text, self.E
        s, e, _t, idx, _x = items[i]
        en = E[idx]
        qm = self._take_left_qual(s)
        j = i + 1
        # "Russian news agency Interfax": the named agency takes the whole phrase
        if j < len(items) and items[j][2] == "E" and E[items[j][3]].kind == "source" and \
                _GAP_PERSON.fullmatch(text, e, items[j][0]):
            sen = E[items[j][3]]
            start = qm.start if qm else s
            self.out.append(sen.as_mention(text, start, items[j][1]))
            return j + 1
        if qm is not None and qm.category == "state":
            st = E[self.g._states[qm.country]]
            name = f"{st.demonym or st.name} {en.name}"
            self.out.append(_mention(qm.start, e, text[qm.start:e], "source", name, qm.country, None, None, None,
                                    "media", None, None))
        else:
            if qm is not None:
                self.out.append(qm)
            self.out.append(en.as_mention(text, s, e))
        return j

    def _adhoc_surnames(self, adhoc: dict | None = None) -> None:
        """Surnames of persons made on the fly, found again later in the text."""
        taken = [(m.start, m.end) for m in self.out]
        for sur, men in (self.adhoc if adhoc is None else adhoc).items():
            for m in re.finditer(r"\b" + re.escape(sur) + r"\b", self.text[men.end:]):
                a, b = men.end + m.start(), men.end + m.end()
                clash = [o for o in self.out if o.start < b and a < o.end]
                if clash and not (len(clash) == 1 and clash[0].category in ("city", "person") and clash[0].start == a
                                  and clash[0].end == b):
                    continue
                for o in clash:   # a town or a known person's surname: the person just named wins
                    self.out.remove(o)
                    taken.remove((o.start, o.end))
                self.out.append(_mention(a, b, self.text[a:b], "actor", men.name, men.country, None, None, None,
                                        "person", men.role, None))
                taken.append((a, b))


_ROUTE_AFTER = re.compile(r"-[A-Z][\w'\u2019]+(?:\s+[a-z]+){0,2}\s+(?:highway|road|motorway|expressway|railway|rail\s+line|"
                          r"pipeline|corridor|route)\b")
_ROMAN_AFTER = re.compile(r" (?:II|III|IV)\b")
_ROUTE_WORD = re.compile(r"highway|road|motorway|expressway|railway|rail line|pipeline|corridor|route")
_TITLE_HEAD = re.compile(r" (?:Agreement|Accords?|Treaty|Declaration|Convention|Protocol|Conference|Framework|Pact|Charter)"
                         r" (?:on|for) ")
_TITLED_PLACE = re.compile(r"\b(?:Agreement|Accords?|Treaty|Declaration|Convention|Protocol|Conference|Framework|Pact|Charter)"
                           r"\s+(?:on|for)\s+(?:the\s+)?(?:[A-Z][\w'\u2019-]*\s+(?:and\s+(?:the\s+)?)?){0,4}$")
_TAKES_OFFICE_I = re.compile(r"\b(?:as|became|becomes|become|becoming|named|appointed)\s+(?:the\s+)?$", re.IGNORECASE)


def _person_words(words: list[str]) -> bool:
    """Whether capitalised words can make a person's name nobody lists: none a sentence opener, a month, a title,
    a place word or the last word of a body ("Watch", "Forces")."""
    return not any(w in _NAME_STOP or w in _PLACE_PREFIX or w.lower() in _TITLE_WORDS or w.lower() in _NOT_PERSON_WORDS
                   for w in words)


def _role_text(title: str | None, qual: str | None) -> str | None:
    if not title:
        return None
    return f"{title} of {qual}" if qual else title


# --------------------------------------------------------------------------- loading


def _read_csv(src) -> list[dict]:
    """Rows of a gazetteer CSV given as a path, the bytes of an upload, or CSV text."""
    if isinstance(src, (bytes, bytearray)):
        fh = io.StringIO(bytes(src).decode("utf-8-sig"))
    elif isinstance(src, Path) or (isinstance(src, str) and "\n" not in src and "," not in src):
        fh = open(src, newline="", encoding="utf-8-sig")   # a path: a missing file raises FileNotFoundError
    elif isinstance(src, str):
        fh = io.StringIO(src)
    else:
        raise TypeError("custom CSV must be a path, bytes or CSV text")
    with fh:
        rows = list(csv.DictReader(fh))
    return rows


def _build(custom_csv=None) -> Gazetteer:
    gc_was_on = gc.isenabled()
    gc.disable()   # ~100k small objects: the cyclic collector would double the build time
    try:
        return _build_all(custom_csv)
    finally:
        if gc_was_on:
            gc.enable()


def _build_all(custom_csv=None) -> Gazetteer:
    g = Gazetteer()
    g._load_countries()
    g._load_grammar()
    for fname in ("actors.csv", "places.csv", "people.csv", "us_states.csv"):
        p = DATA_DIR / fname
        if p.exists():
            g._load_rows(_read_csv(p))
    g._load_cities()
    if CUSTOM_CSV.exists():
        g._load_rows(_read_csv(CUSTOM_CSV))
    if custom_csv is not None:
        g._load_rows(_read_csv(custom_csv))
    g._finish()
    return g


_DEFAULT: Gazetteer | None = None
_LOCK = threading.Lock()


def load(custom_csv: str | Path | bytes | None = None) -> Gazetteer:
    """The gazetteer: the default one (built once and cached) or, with `custom_csv`, a new one
    with the rows of that CSV (path, bytes or CSV text; columns in data/gazetteer/README.md) added."""
    global _DEFAULT
    if custom_csv is not None:
        return _build(custom_csv)
    if _DEFAULT is None:
        with _LOCK:
            if _DEFAULT is None:
                _DEFAULT = _build()
    return _DEFAULT


def add_custom(csv_source: str | Path | bytes) -> Gazetteer:
    """Rebuild the default gazetteer with the extra rows of `csv_source` on top and return it
    (what the page calls when a user uploads a CSV)."""
    global _DEFAULT
    g = _build(csv_source)
    with _LOCK:
        _DEFAULT = g
    return g


def find(text: str, published: _dt.date | None = None) -> list[Mention]:
    """Mentions of actors, places and sources in `text`, sorted by start (see module docstring)."""
    return load().find(text, published)
