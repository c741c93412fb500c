"""From one article to event rows: sentences + dates + actors/places -> Event.

``extract(article)`` is a pure function of the article (no I/O, no global
state beyond the compiled tables below), so it maps onto a process pool or a
dask bag unchanged. It returns one row per event *mention*; ``merge`` joins
mentions of the same event.

How a row is built, per sentence:
1. triggers: verbal and nominal words that name an event ("met", "will
   visit", "a summit with", "invasion of") -> event_type and PLOVER root;
2. roles: who acts (the subject, the possessor of a nominal trigger, the
   agent of a passive) and who is acted on (object, "with X", "of X");
   news agencies and "media" go to reported_by, never to the actors;
3. date: the time expression of the trigger's own clause, else one that
   governs the sentence, else context (a definite mention "the summit"
   takes the date of its antecedent, else the previous dated event of the
   paragraph, else the publication date) with lower confidence; a date
   inside a reporting clause ("as reported by Reuters on Monday") dates
   the report, not the event;
4. place: the trigger's own place phrase ("in Vladivostok", "at the
   Vostochny Cosmodrome"), the destination of a visit, the venue of a
   named forum; else the acting state for a domestic statement;
5. status: planned / possible / denied from modal and negation cues and
   from dates that lie after publication; occurred otherwise.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import json
import logging
import re
from collections.abc import Iterable

from . import gazetteer, sentences, temporal
from .schema import EVENT_TYPES, Event

LOGGER = logging.getLogger(__name__)

# ---------------------------------------------------------------- triggers
# (event_type, regex of trigger words). Verb forms are listed, not lemmatised:
# a compiled alternation is far faster than a tagger and the list is short.
_TRIGGER_TABLE: list[tuple[str, str]] = [
    ("summit", r"summits?"),
    ("phone call", r"(?:phone|telephone)\s+(?:call|conversation|talks?)s?|phoned|spoke\s+(?:by|on\s+the)\s+(?:tele)?phone"),
    ("visit", r"(?:state\s+|official\s+|working\s+)?visit(?:s|ed|ing)?|trip|tour(?:ed)?|arriv(?:e|ed|es|ing|al)|landed|"
              r"travel(?:l?ed|l?ing|s)?|journey|en\s+route|head(?:ed|ing|s)?\s+(?:to|for|toward)|flew"),
    ("meeting", r"met|meet(?:s|ing|ings)?|hosted|hosts|welcomed|received|presents?\s+(?:his|her)\s+credentials|"
                r"presented\s+(?:his|her)\s+credentials|reunion|face-to-face"),
    ("talks", r"talks|negotiat(?:e|ed|es|ing|ions?)|dialogue|consultations|discuss(?:ed|es|ing)?"),
    ("invitation", r"invit(?:e|ed|es|ing|ation)"),
    ("agreement", r"agree(?:d|s|ment|ments)?|sign(?:ed|s|ing)|treaty|accord|pact|truce|cease-?fire|brokered|"
                  r"adopt(?:ed|s|ion)|ratif(?:y|ied|ies|ication)|deal|consensus"),
    ("cooperation", r"cooperat(?:e|ed|es|ing|ion)|partnership|alliance|support(?:ing|ed|s)?|"
                    r"(?:expand|strengthen|deepen|boost)(?:ed|ing|s)?\s+(?:bilateral\s+)?(?:ties|relations|cooperation)|"
                    r"re-?opens?|re-?opened|restor(?:e|ed|es)\s+(?:diplomatic\s+)?(?:ties|relations)"),
    ("aid", r"aid|assistance|(?:provid|suppl|deliver|send|sell|transferr?)(?:e|es|ed|ing|y|ies|ied|s)?\s+"
            r"(?:\w+\s+){0,2}(?:weapons|arms|munitions|ammunition|shells|missiles)|donat(?:e|ed|es|ion)"),
    ("criticism", r"criticis(?:e|ed|es|m)|criticiz(?:e|ed|es)|condemn(?:ed|s|ation)?|denounc(?:e|ed|es)|deplor(?:e|ed|es)|"
                  r"concerns?|concerned|protested\s+to|rebuk(?:e|ed)"),
    ("accusation", r"accus(?:e|ed|es|ing|ation|ations)|blam(?:e|ed|es)"),
    ("threat", r"threat(?:en|ened|ens|s)?|warn(?:ed|s|ing)?|ultimatum"),
    ("demand", r"demand(?:ed|s|ing)?|urg(?:e|ed|es)|call(?:ed|s)?\s+(?:on|for)"),
    ("rejection", r"reject(?:ed|s|ion)?|breakdown|broke\s+down|collaps(?:e|ed)|walked\s+out|refus(?:e|ed|es)|"
                  r"ended\s+(?:\w+\s+)?without|cut\s+short|suspend(?:ed|s)"),
    ("sanction", r"sanction(?:s|ed)?|embargo|blacklist(?:ed)?|asset\s+freeze"),
    ("expulsion", r"expel(?:led|s)?|expulsion|persona\s+non\s+grata"),
    ("military action", r"invasion|invad(?:e|ed|es|ing)|attack(?:s|ed|ing)?|air\s*strikes?|drone\s+strikes?|missile\s+strikes?|"
                        r"shell(?:ed|ing)|bomb(?:ed|ing|ings)|clash(?:es|ed)?|fighting|offensive|assault|raid(?:s|ed)?|"
                        r"killed|fired\s+(?:\w+\s+)?(?:missiles?|rockets?|shells)|launch(?:ed|es)?\s+(?:\w+\s+)?missiles?|"
                        r"projectiles|explosions?|detonat(?:e|ed)|set\s+on\s+fire|torched|burnt\s+down|burned\s+down|war"),
    ("mobilization", r"reinforcements|massing|deploy(?:ed|s|ment)?|troops?\s+(?:build-?up|movements?)|movement\s+of\s+forces|"
                     r"sent\s+(?:\w+\s+)?troops|face-?off|reintroduc(?:e|ed|es)\s+(?:\w+\s+){0,2}controls"),
    ("arrest", r"arrest(?:ed|s)?|detain(?:ed|s)?|seiz(?:e|ed|es|ure)|captur(?:e|ed)|closed?|clos(?:es|ing)|revok(?:e|ed|es)|"
               r"free[sd]?|releas(?:e|ed|es)"),
    ("protest", r"protest(?:s|ed|ing|ers)?|demonstrat(?:e|ed|ion|ions|ors|ing)|rall(?:y|ies|ied)|march(?:ed|es)?|"
                r"(?:general|transport|national|labou?r|workers'?|hunger)\s+strike|strike\s+action|sit-in|riots?"),
    ("election", r"elections?|elected|re-elected|referendum|polls"),
    ("forum", r"forum|conference|general\s+assembly|plenary|(?:attend|participat)(?:e|ed|es|ing)"),
    ("statement", r"said|says|stated|stating|announc(?:e|ed|es|ement)|confirm(?:ed|s|ing)?|declar(?:e|ed|es|ation)|"
                  r"pledg(?:e|ed|es)|vow(?:ed|s)?|insist(?:ed|s)|told\s+reporters"),
]
EVENT_TYPES.setdefault("arrest", "COERCE")

# Trigger families: mentions of one event may be named by neighbouring words.
FAMILY = {
    "summit": "meet", "meeting": "meet", "talks": "meet", "phone call": "call", "visit": "travel",
    "forum": "travel", "invitation": "invite", "statement": "say", "agreement": "agree",
    "cooperation": "cooperate", "aid": "aid", "criticism": "accuse", "accusation": "accuse",
    "threat": "threaten", "demand": "demand", "rejection": "reject", "sanction": "sanction",
    "expulsion": "expel", "military action": "fight", "mobilization": "mobilize", "arrest": "coerce",
    "protest": "protest", "election": "elect",
}
# Which type wins when one clause holds several triggers of one family.
_SPECIFICITY = {"summit": 3, "phone call": 3, "forum": 2, "talks": 2, "meeting": 1, "visit": 1}
# Types that need more than a bare word to count on their own (weak: too common in prose).
_WEAK = {"statement", "cooperation", "talks", "arrest", "election", "forum", "mobilization", "demand"}

_TRIGGER_RE = re.compile(
    "|".join(f"(?P<t{i}>\\b(?:{pattern})\\b)" for i, (_, pattern) in enumerate(_TRIGGER_TABLE)),
    re.IGNORECASE,
)
_TRIGGER_TYPES = [etype for etype, _ in _TRIGGER_TABLE]

# Words that look like triggers but are not events in context.
_NOT_EVENT_AFTER = re.compile(r"^\s*(?:of\s+(?:the\s+)?(?:art|mind|interest)|agency|media|news)\b", re.IGNORECASE)
_NOT_EVENT_BEFORE = re.compile(
    r"(?:\b(?:news|media|state|wire)\s*$|\bcontacted\s+by\s*$|\bby\s+train\s*$|\bin\s+support\s+of\s*$)", re.IGNORECASE)

# ------------------------------------------------------------------ cues
_PLANNED = re.compile(
    r"\b(?:will|shall|'ll|is\s+to|are\s+to|going\s+to|plans?\s+to|planned|planning\s+to|expected\s+to|expects?\s+to|"
    r"poised\s+to|set\s+to|scheduled|due\s+to|intends?\s+to|prepar(?:e|es|ing)\s+to|upcoming|forthcoming|"
    r"invit(?:ed|ation|es)\s+(?:\w+\s+){0,3}to|agreed\s+to|ahead\s+of|expected|to\s+be\s+held|would\s+meet|next)\b",
    re.IGNORECASE,
)
_POSSIBLE = re.compile(
    r"\b(?:could|may|might|potentially|possibl[ey]|possibility|perhaps|reportedly\s+considering|considering|"
    r"likely|rumou?r(?:ed|s)?|speculat\w*|suggest(?:s|ed)?|if)\b",
    re.IGNORECASE,
)
_DENIED = re.compile(
    r"\b(?:did\s+not|didn't|does\s+not|doesn't|has\s+not|hasn't|have\s+not|haven't|never|denied|deny|denies|"
    r"ruled\s+out|no\s+longer|not|without)\s+(?:\w+\s+){0,2}$",
    re.IGNORECASE,
)
_PASSIVE_BY = re.compile(r"^\s*(?:\w+\s+){0,2}by\b", re.IGNORECASE)
_PASSIVE_AUX = re.compile(r"\b(?:was|were|been|being|is|are)\s+(?:\w+ly\s+)?$", re.IGNORECASE)
_REPORTING = re.compile(
    r"^\s*(?:as\s+(?:reported|announced|said|stated)\b|according\s+to\b|citing\b|reported\b|reports?\b|"
    r"(?:\w+\s+){0,4}(?:said|says|told|reported|reports|noted|added)\b)",
    re.IGNORECASE,
)
_PREP_PLACE = re.compile(r"\b(?:in|at|near|outside|inside|on|to|into|toward|towards|from|across)\s+(?:the\s+)?$", re.IGNORECASE)
_DESTINATION = re.compile(r"\b(?:to|into|toward|towards|visit(?:s|ed|ing)?|in)\s+(?:the\s+)?$", re.IGNORECASE)
_OR_BETWEEN = re.compile(r"^[\s,]*(?:or|and|to|-|–|through|until)[\s,]+(?:\w+[\s,]+){0,3}$", re.IGNORECASE)
_CLAUSE_BREAK = re.compile(r"[;:\u2014]|,\s+(?:which|who|while|during\s+which|when|where|as|but|although|after|before)\b"
                           r"|,\s*[\"\u201c]|[\"\u201c\u201d]")
_FUTURE_MARK = re.compile(r"\b(?:will|shall|'ll|would|going\s+to|expected|poised|set\s+to|plans?\s+to)\b", re.IGNORECASE)

# Generic actors that real reports name without a proper noun (ACLED style).
_GROUP_NOUNS = (
    r"police(?:\s+(?:forces|officers|officials))?|(?:security|armed|military|government|federal|coalition|rebel|"
    r"opposition|pro-[\w-]+)\s+forces|forces|troops|soldiers|army|militants|rebels|insurgents|militia(?:s|men)?|"
    r"protesters|demonstrators|students|rioters|workers|health\s+workers|lawyers|teachers|farmers|vendors|traders|"
    r"civilians|residents|villagers|activists|citizens|journalists|lawmakers|legislators|parliament|senate|"
    r"government|authorities|officials|ministers|leaders|diplomats|envoys?|delegation|coup\s+leaders|gang|gunmen"
)
_GROUP_RE = re.compile(
    r"\b(?:(?P<mod>[A-Z][\w'-]+(?:\s+[A-Z][\w'-]+)?)\s+)?(?P<noun>" + _GROUP_NOUNS + r")\b")
_GROUP_SKIP_MOD = frozenset({"The", "A", "An", "On", "In", "At", "By", "Some", "Many", "Two", "Three", "Several",
                             "Both", "All", "His", "Her", "Their", "Its", "Our", "This", "That", "Local", "Unnamed"})

_ACTOR_CATEGORIES = frozenset({"person", "state", "government", "organisation", "group", None})


def _stable_id(*parts) -> str:
    return hashlib.sha1("\x1f".join(str(p) for p in parts).encode("utf-8")).hexdigest()[:16]


class _Actor:
    __slots__ = ("start", "end", "name", "country", "category", "is_place_like", "mention")

    def __init__(self, start, end, name, country, category, mention=None):
        self.start, self.end, self.name, self.country, self.category = start, end, name, country, category
        self.mention = mention
        self.is_place_like = False


def _group_actors(text: str, lo: int, hi: int, taken: list[tuple[int, int]], states: dict[str, str]) -> list[_Actor]:
    """Generic actors ("Saudi forces", "protesters", "police") in text[lo:hi] not covered by a mention."""
    found = []
    for m in _GROUP_RE.finditer(text, lo, hi):
        a, b = m.span()
        if any(s < b and a < e for s, e in taken):
            # a demonym mention ("Saudi") right before the noun is fine: keep the noun phrase
            a = m.start("noun")
            if any(s < b and a < e for s, e in taken):
                continue
        mod = m.group("mod")
        noun = m.group("noun")
        if mod and mod not in _GROUP_SKIP_MOD:
            name = f"{mod} {noun}"
            country = states.get(mod)
        else:
            name, country = noun, None
            a = m.start("noun")
        found.append(_Actor(a, b, name[0].upper() + name[1:], country, "group"))
    return found


def _clauses(sentence: str) -> list[tuple[int, int]]:
    """Clause spans inside a sentence, cut at semicolons, dashes, quotes and subordinating commas."""
    cuts = [0]
    for m in _CLAUSE_BREAK.finditer(sentence):
        cuts.append(m.start())
    cuts.append(len(sentence))
    spans = []
    for a, b in zip(cuts, cuts[1:]):
        if b > a:
            spans.append((a, b))
    return spans or [(0, len(sentence))]


def _segments(sentence: str) -> list[tuple[int, int]]:
    """Comma-separated segments, for telling reporting phrases apart."""
    spans, start = [], 0
    for m in re.finditer(r",\s+", sentence):
        spans.append((start, m.start()))
        start = m.end()
    spans.append((start, len(sentence)))
    return spans


def _find(spans, pos):
    for i, (a, b) in enumerate(spans):
        if a <= pos < b:
            return i
    return len(spans) - 1


class _Context:
    """What the article has established so far: anchor, last dates, antecedents."""

    def __init__(self, anchor):
        self.anchor = anchor
        self.by_family: dict[str, Event] = {}
        self.last_dated: Event | None = None
        self.paragraph = -1


def _interval(timexes):
    starts = [t.date_start for t in timexes if t.date_start]
    ends = [t.date_end or t.date_start for t in timexes if t.date_start]
    if not starts:
        return None, None
    return min(starts), max(ends)


def _precision_of(start: dt.date, end: dt.date, declared: str | None) -> str:
    if start == end:
        return "day"
    if declared and len(set([declared])) == 1 and declared not in ("day",):
        return declared
    days = (end - start).days + 1
    if days <= 7:
        return "day" if days <= 3 else "week"
    if start.year == end.year and start.month == end.month:
        return "month"
    if days <= 92:
        return "quarter"
    if start.year == end.year:
        return "year"
    return "decade" if days <= 3660 else "century"


def extract(article) -> list[Event]:
    """Event mentions of one article, in text order. Pure: same article, same rows."""
    text = article.text or ""
    if not text.strip():
        LOGGER.warning("discarding article: %s (no text)", article.id)
        return []
    published = article.published
    anchor = published or temporal.infer_anchor(text)
    timexes = [t for t in temporal.tag(text, anchor=anchor) if t.type in ("DATE", "TIME")]
    mentions = gazetteer.find(text, published=anchor)
    states = {m.text: m.country for m in mentions if m.category == "state" and m.country}
    ctx = _Context(anchor)
    rows: list[Event] = []
    ti = mi = 0
    paragraph = 0
    last_end = 0
    for sent in sentences.split(text):
        if "\n\n" in text[last_end:sent.start] or (sent.kind == "bullet" and ctx.paragraph != -2):
            paragraph += 1
            ctx.last_dated = None
        last_end = sent.end
        if sent.kind == "furniture":
            continue
        while ti < len(timexes) and timexes[ti].end <= sent.start:
            ti += 1
        while mi < len(mentions) and mentions[mi].end <= sent.start:
            mi += 1
        s_timexes = [t for t in timexes[ti:] if t.start < sent.end and t.start >= sent.start]
        s_mentions = [m for m in mentions[mi:] if m.start < sent.end and m.start >= sent.start]
        rows.extend(_sentence_events(article, text, sent, s_timexes, s_mentions, states, ctx))
    return rows


def _sentence_events(article, text, sent, s_timexes, s_mentions, states, ctx) -> list[Event]:
    s0 = sent.start
    stext = sent.text
    body = sent.body_start - s0
    clauses = _clauses(stext)
    segments = _segments(stext)
    reporting = [bool(_REPORTING.match(stext[a:b])) and i > 0 for i, (a, b) in enumerate(segments)]

    # actors, places, sources in sentence coordinates
    actors: list[_Actor] = []
    places = []
    sources = []
    for m in s_mentions:
        a, b = m.start - s0, m.end - s0
        if a < body:
            continue
        if m.kind == "source":
            sources.append((a, b, m))
        elif m.kind == "place":
            places.append((a, b, m))
        elif m.category in _ACTOR_CATEGORIES:
            actor = _Actor(a, b, m.name, m.country, m.category, m)
            before = stext[max(0, a - 14):a]
            if m.category == "state" and _PREP_PLACE.search(before) and not stext[b:b + 2] in ("'s", "\u2019s"):
                actor.is_place_like = True
                places.append((a, b, m))
            actors.append(actor)
    taken = [(a.start, a.end) for a in actors] + [(a, b) for a, b, _ in places] + [(a, b) for a, b, _ in sources]
    actors.extend(_group_actors(stext, body, len(stext), taken, states))
    actors.sort(key=lambda x: x.start)

    # triggers
    found = []
    for m in _TRIGGER_RE.finditer(stext, body):
        etype = _TRIGGER_TYPES[int(m.lastgroup[1:])]
        a, b = m.span()
        if any(pa <= a < pb for pa, pb, _ in places + sources) or any(x.start <= a < x.end for x in actors):
            continue  # a word inside a name: "Eastern Economic Forum", "Victory Day Parade"
        if _NOT_EVENT_AFTER.match(stext[b:b + 25]) or _NOT_EVENT_BEFORE.search(stext[max(0, a - 25):a]):
            continue
        seg = _find(segments, a)
        if reporting[seg] and etype == "statement":
            continue  # "as reported by Reuters": the report, not an event
        found.append((a, b, etype))
    if not found:
        return []

    # one event per clause and family: the most specific trigger names it
    chosen: dict[tuple[int, str], tuple[int, int, str]] = {}
    for a, b, etype in found:
        key = (_find(clauses, a), FAMILY[etype])
        best = chosen.get(key)
        if best is None or _SPECIFICITY.get(etype, 0) > _SPECIFICITY.get(best[2], 0):
            chosen[key] = (a, b, etype)
    triggers = sorted(chosen.values())
    strong = [t for t in triggers if t[2] not in _WEAK]
    if strong:
        # a weak trigger alone in a sentence with a strong one is usually its complement
        triggers = [t for t in triggers if t[2] not in _WEAK or t[2] == "statement" and not _attached(t, strong, clauses)]

    out = []
    for a, b, etype in triggers:
        event = _build(article, text, sent, stext, a, b, etype, s_timexes, actors, places, sources, clauses,
                       segments, reporting, ctx)
        if event is not None:
            out.append(event)
    return out


def _attached(trigger, strong, clauses):
    ci = _find(clauses, trigger[0])
    return any(_find(clauses, t[0]) == ci for t in strong)


def _pick_date(stext, s0, a, b, s_timexes, clauses, segments, reporting):
    """Own timexes of the trigger at [a, b) in sentence coordinates, nearest first."""
    usable = []
    for t in s_timexes:
        ta, tb = t.start - s0, t.end - s0
        if t.date_start is None and not t.value.endswith("_REF"):
            continue
        seg = _find(segments, ta)
        trig_seg = _find(segments, a)
        if reporting[seg] and seg != trig_seg:
            continue
        usable.append((t, ta, tb))
    if not usable:
        return []
    ci = _find(clauses, a)
    same = [u for u in usable if _find(clauses, u[1]) == ci]
    pool = same or usable
    pool.sort(key=lambda u: (abs(u[1] - a) if u[1] >= b else abs(a - u[2]) + 2))
    first = pool[0]
    picked = [first]
    # alternatives and ranges: "as early as Tuesday, or more likely, on Wednesday"
    for t, ta, tb in pool[1:]:
        lo, hi = (first[2], ta) if ta > first[2] else (tb, first[1])
        if 0 <= hi - lo <= 40 and _OR_BETWEEN.match(stext[lo:hi]):
            picked.append((t, ta, tb))
    return picked


def _status(stext, a, b, clause_start, date_start, anchor, etype):
    window = stext[clause_start:a]
    near = stext[max(clause_start, a - 60):a]
    if _DENIED.search(stext[max(clause_start, a - 30):a]):
        return "denied"
    if _POSSIBLE.search(near):
        return "possible"
    if _PLANNED.search(near) or (etype == "invitation" and re.match(r"\s+to\b", stext[b:b + 4])):
        return "planned"
    if anchor and date_start and date_start > anchor:
        return "planned"
    if _FUTURE_MARK.search(window[-80:]):
        return "planned"
    return "occurred"


def _build(article, text, sent, stext, a, b, etype, s_timexes, actors, places, sources, clauses, segments,
           reporting, ctx) -> Event | None:
    s0 = sent.start
    ci = _find(clauses, a)
    c_lo, c_hi = clauses[ci]
    spans: dict[str, list[int]] = {"trigger": [a, b]}
    confidence = 0.45

    # --- roles
    cand = [x for x in actors if not x.is_place_like]
    before = [x for x in cand if x.end <= a]
    after = [x for x in cand if x.start >= b]
    actor1 = actor2 = None
    follow = stext[b:b + 40]
    preceding = stext[max(0, a - 12):a]
    poss = [x for x in before if stext[x.end:a].strip() in ("'s", "\u2019s", "s'", "\u2019")]
    if poss:  # "Russia's invasion of Ukraine"
        actor1 = poss[-1]
        actor2 = next((x for x in after if re.match(r"\s*(?:of|on|against|with|to)\s+(?:the\s+)?$",
                                                     stext[b:x.start])), None)
    elif _PASSIVE_AUX.search(preceding) and _PASSIVE_BY.match(follow):
        agent = next((x for x in after if x.start - b < 40), None)
        actor1 = agent
        actor2 = next((x for x in reversed(before) if x.start >= c_lo), None)
    else:
        between = re.match(r"\s*(?:\w+\s+){0,3}between\s+", follow)
        in_clause = [x for x in before if x.start >= c_lo]
        subj_pool = in_clause or [x for x in before if _find(clauses, x.start) == 0 and ci > 0
                                  and not reporting[_find(segments, x.start)]]
        actor1 = subj_pool[-1] if subj_pool else None
        if actor1 is not None:
            # "Kim and Putin met": the first of a coordinated subject acts, the other is the partner
            coord = [x for x in subj_pool if x is not actor1 and re.fullmatch(r"\s*(?:and|,)\s*", stext[x.end:actor1.start])]
            if coord:
                actor2, actor1 = actor1, coord[0]
        if between:
            pair = [x for x in after if x.start - b < 80][:2]
            if pair:
                if actor1 is None:
                    actor1 = pair[0]
                    actor2 = pair[1] if len(pair) > 1 else None
                else:
                    actor2 = actor2 or pair[0]
        if actor2 is None:
            actor2 = next((x for x in after if _find(clauses, x.start) == ci and x is not actor1
                           and not reporting[_find(segments, x.start)]), None)
    if actor1 is None and actor2 is not None and etype in ("statement", "visit", "criticism", "protest"):
        actor1, actor2 = actor2, None
    if actor1 is not None and actor2 is not None and actor1.name == actor2.name:
        actor2 = None

    # --- definite mention of an earlier event: "the summit", "the visit"
    definite = bool(re.search(r"\b(?:the|this|that)\s+(?:\w+\s+)?$", stext[max(0, a - 20):a], re.IGNORECASE))
    antecedent = ctx.by_family.get(FAMILY[etype]) if definite else None

    # --- date
    picked = _pick_date(stext, s0, a, b, s_timexes, clauses, segments, reporting)
    date_text = None
    if picked:
        timexes = [p[0] for p in picked]
        start, end = _interval(timexes)
        if start is None:
            ref = timexes[0]
            if ref.value == "FUTURE_REF" and ctx.anchor:
                start, end = ctx.anchor + dt.timedelta(days=1), ctx.anchor + dt.timedelta(days=30)
            elif ref.value == "PRESENT_REF" and ctx.anchor:
                start = end = ctx.anchor
        precision = timexes[0].precision if len(timexes) == 1 else None
        lo = min(p[1] for p in picked)
        hi = max(p[2] for p in picked)
        date_text = stext[lo:hi] if len(picked) > 1 else picked[0][0].text
        spans["date"] = [lo, hi]
        confidence += 0.2
    else:
        start = end = None
        precision = None
    if start is None and antecedent is not None and antecedent.date_start is not None:
        start, end, precision = antecedent.date_start, antecedent.date_end, antecedent.date_precision
        date_text = antecedent.date_text
    elif start is None and ctx.last_dated is not None and etype not in ("statement",) and \
            not _FUTURE_MARK.search(stext[c_lo:a]):
        prev = ctx.last_dated
        start, end, precision, date_text = prev.date_start, prev.date_end, prev.date_precision, prev.date_text
        confidence -= 0.1
    elif start is None and ctx.anchor is not None:
        if _FUTURE_MARK.search(stext[c_lo:b]):
            start, end = ctx.anchor + dt.timedelta(days=1), ctx.anchor + dt.timedelta(days=30)
            precision = "month"
        else:
            start = end = ctx.anchor
            precision = "day"
        date_text = None
        confidence -= 0.1
    if start is not None and end is not None:
        precision = _precision_of(start, end, precision)

    # --- place
    location = None
    if places:
        def place_rank(p):
            pa, pb, m = p
            own_clause = _find(clauses, pa) == ci
            distance = pa - b if pa >= b else (a - pb) + 30
            prep = bool(_PREP_PLACE.search(stext[max(0, pa - 12):pa])) or m.category in ("venue", "event")
            return (not own_clause, not prep, distance)
        pa, pb, m = min(places, key=place_rank)
        if _find(clauses, pa) == ci or len(clauses) == 1 or etype in ("visit", "forum", "summit", "meeting"):
            location = m
            spans["location"] = [pa, pb]
    if location is None and antecedent is not None and antecedent.location:
        loc_fields = (antecedent.location, antecedent.country, antecedent.lat, antecedent.lon, antecedent.geo_precision)
    elif location is not None:
        loc_name = location.location or location.name
        loc_fields = (loc_name, location.country, location.lat, location.lon, location.precision)
    elif etype == "statement" and actor1 is not None and actor1.category in ("state", "government") and actor1.mention:
        m = actor1.mention
        loc_fields = (gazetteer.country_name(m.country) if hasattr(gazetteer, "country_name") else m.name,
                      m.country, m.lat, m.lon, "country")
    else:
        loc_fields = (None, None, None, None, None)

    # a visit's destination state is the one acted on: "visit Russia"
    if etype == "visit" and actor2 is None and location is not None and location.category == "state":
        actor2 = _Actor(location.start - s0, location.end - s0, location.name, location.country, "state", location)

    if antecedent is not None:
        if actor1 is None:
            actor1 = _Actor(-1, -1, antecedent.actor1, antecedent.actor1_country, None) if antecedent.actor1 else None
        if actor2 is None and antecedent.actor2 and (actor1 is None or antecedent.actor2 != actor1.name):
            actor2 = _Actor(-1, -1, antecedent.actor2, antecedent.actor2_country, None)
        if actor2 is None and actor1 is not None and antecedent.actor1 and antecedent.actor1 != actor1.name:
            actor2 = _Actor(-1, -1, antecedent.actor1, antecedent.actor1_country, None)

    names = []
    for x in (actor1, actor2):
        if x is not None and x.name not in names:
            names.append(x.name)
    if actor1 is not None and actor1.start >= 0:
        spans["actor1"] = [actor1.start, actor1.end]
        confidence += 0.1
    if actor2 is not None and actor2.start >= 0:
        spans["actor2"] = [actor2.start, actor2.end]
        confidence += 0.05
    if location is not None:
        confidence += 0.05

    # a weak trigger with nobody acting and no date of its own says too little
    if etype in _WEAK and actor1 is None and "date" not in spans:
        return None
    if not names and "date" not in spans and location is None:
        return None

    reported_by = None
    if sources:
        sa, sb, sm = sources[0]
        reported_by = sm.name
        spans["reported_by"] = [sa, sb]

    status = _status(stext, a, b, c_lo, start, ctx.anchor, etype)
    if sent.kind == "bullet":
        confidence -= 0.1
    event = Event(
        date_start=start, date_end=end, date_precision=precision if start else None, date_text=date_text,
        status=status, event_type=etype, plover=EVENT_TYPES[etype],
        actor1=actor1.name if actor1 else None, actor2=actor2.name if actor2 else None,
        actors="; ".join(names) or None,
        actor1_country=actor1.country if actor1 else None, actor2_country=actor2.country if actor2 else None,
        location=loc_fields[0], country=loc_fields[1], lat=loc_fields[2], lon=loc_fields[3],
        geo_precision=loc_fields[4], reported_by=reported_by, trigger=stext[a:b], sentence=stext,
        sentence_start=s0, spans=json.dumps(spans, sort_keys=True), article_id=article.id,
        article_ids=article.id, title=article.title, source=article.source, url=article.url,
        published=article.published, sources=1, confidence=round(max(0.05, min(0.95, confidence)), 2),
    )
    event.event_id = _stable_id(article.id, s0 + a, etype)
    ctx.by_family[FAMILY[etype]] = event
    if "date" in spans:
        ctx.last_dated = event
    return event


def extract_many(articles: Iterable) -> list[Event]:
    rows: list[Event] = []
    for article in articles:
        rows.extend(extract(article))
    return rows
