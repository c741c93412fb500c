"""Temporal tagger: find and normalise dates, times, durations and sets in English news.

``tag(text, anchor=None) -> list[Timex]`` returns TIMEX3-style expressions, sorted by
start and non-overlapping, each with its TIMEX3 ``value`` and the calendar interval it
denotes (``date_start`` .. ``date_end``, inclusive, plus a ``precision``).

How it works
------------
One compiled master regular expression (built at import from small named rules) runs
once over the lower-cased text; it is only tried where a word that can open a time
expression starts.  Each rule has a normaliser written in Python that turns the
matched words into a TIMEX3 value relative to the anchor (the publication date).
A range is read with both ends: written with a dash ("2014-2016", "September
10-13") it is one Timex; written with words ("from 2019 to 2021", "between March and
May", "April 24 and 25") each end is its own Timex, as TIMEX3 marks them, and both carry
the whole range in ``range``; ``join_ranges`` makes one Timex of each such pair.
dateparser is imported lazily and only asked to normalise the rare written forms the grammar finds but does not read itself
(``dateparser.parse`` on that phrase; never ``search_dates``).

Conventions
-----------
* Spans follow the TimeML guidelines: the leading preposition is left out ("in 2019"
  -> "2019"), determiners and modifiers are kept ("the past three years", "early next
  year", "about two years ago").
* Numeric dates: ISO ``2023-09-11`` and ``2023/09/11``; slashed ``09/11/2023`` is read
  month-first (US news convention) unless the first number is over 12 (then day-first);
  dotted ``11.09.2023`` and ``11-Sep-23`` are read day-first (where they are written),
  normalised by dateparser.
* A bare weekday or month is resolved with the tense of its sentence: future markers
  ("will", "is expected to", "as early as", "next", ...) look forward from the anchor,
  anything else looks back (the anchor day itself included for weekdays).  A verb of
  intent before an infinitive ("agreed to buy ... in February"), "to be" + participle
  and a scheduling verb in the present tense ("the leaders meet Monday") look forward;
  "had been scheduled to" looks back.  A month or a day needs strong past evidence: a
  finite verb in -ed ("stepped down in March") counts, an adjective or passive after a
  determiner or "is/be/to" ("the revised plan", "is heard in May") does not.
* Ranges ("September 10-13", "from 2019 to 2021", "between March and May") are one
  Timex: ``value`` is the value of the start (as TIMEX3 annotates the first date),
  ``date_start`` the first day of the start and ``date_end`` the last day of the end.
* PAST_REF / FUTURE_REF / PRESENT_REF carry an approximate interval when the anchor is
  known: PRESENT_REF is the anchor day; FUTURE_REF runs from the day after the anchor
  to a horizon set by the unit named ("coming days": 14 days, "weeks": 8 weeks,
  "months": 1 year, "years"/none: 5 years); PAST_REF mirrors that before the anchor
  ("recently": the 30 days before).  Their ``precision`` is None.
* Vague spans of time ("recent years", "the next few days", "for weeks") are DURATION
  with an X value ("PXY"); "the coming days/weeks" is FUTURE_REF.
* A weekday with a part of day is a TIME, the day plus the part ("Friday night" ->
  "2023-09-08TNI", "Monday morning" -> "2023-09-11TMO"), as the TimeML guidelines have
  it; so are "this morning", "last night" ("2023-09-11TMO").
* A weekday with its date in brackets, "Friday (4 September)", "On Friday [4
  September]", is one DATE (and fixes the year when there is no anchor).
* A year that ends the title of a law or document ("the ... Bill, 2015", "the Data
  Protection Act 2018") is part of the name, not a date; "the ... Act of 1989" stays a
  DATE, as TimeBank tags it.
* A month or day after "until", "through", "by" is a deadline: a past-tense verb
  ("gave them until mid-November") does not move it into the past year; a weekday
  after "until" ("postponed until Tuesday") is the coming one, unless the phrase is
  fronted ("Until Thursday, they had not ...").
* "for the year", "the full year", "the current year" are the anchor's year (DATE); "the
  year ended June 30" and "the fiscal year" after in/for/during are the span P1Y.
* "a year ago"/"a year earlier" in a text about quarterly results means the same
  quarter a year before (the last completed quarter, one year back), else the year;
  after "the nine months" or "the first half" it is that period a year before, written
  as the year.  Such points of comparison do not move the year in focus ("earlier in
  the year" stays the anchor's year).
* Not times: ages ("52 years old"), capitalised titles in quotes ('"60 Minutes"'),
  "high noon", an acronym's "Today" ("USA Today").
* ``mod`` records TIMEX3 modifiers (START, MID, END, APPROX, LESS_THAN, MORE_THAN,
  EQUAL_OR_LESS, EQUAL_OR_MORE).  START/MID/END narrow date_start/date_end to the
  first, middle or last third of the interval ("early September" -> 1..10).
* With no anchor, ``infer_anchor`` looks for one (see there); with none found, the parts
  the text does not give stay X: "September 11" -> "XXXX-09-11", date_start None.
"""
from __future__ import annotations

import dataclasses
import datetime as _dt
import re
from dataclasses import dataclass

__all__ = ["Timex", "infer_anchor", "join_ranges", "tag"]


@dataclass(frozen=True, slots=True)
class Timex:
    """One temporal expression found in a text.

    start, end: character offsets; ``text[start:end] == timex.text``.
    type: "DATE", "TIME", "DURATION" or "SET".
    value: TIMEX3 value ("2023-09-11", "2023-W37", "199", "P3D", "FUTURE_REF", ...).
    date_start, date_end: first and last day (inclusive) of the calendar interval the
        value denotes; None when unknown (durations, sets, X values).
    precision: "day", "week", "month", "season", "quarter", "half", "year", "decade",
        "century" or None.
    mod: TIMEX3 mod ("START", "MID", "END", "APPROX", ...) or None.
    range: on each end of a range written with words ("from 2019 to 2021": "2019" and
        "2021"), the first and last day of the whole range; None otherwise.
    """

    start: int
    end: int
    text: str
    type: str
    value: str
    date_start: _dt.date | None
    date_end: _dt.date | None
    precision: str | None
    mod: str | None = None
    range: tuple[_dt.date, _dt.date] | None = None


# ---------------------------------------------------------------------------
# Lexicon
# ---------------------------------------------------------------------------
_MONTHS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6,
    "july": 7, "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9,
    "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}
_WEEKDAYS = {"monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4,
             "saturday": 5, "sunday": 6}
_NUMBERS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100, "a": 1, "an": 1,
    "couple": 2, "dozen": 12, "thousand": 1000,
}
_ORDINALS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6,
    "seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12,
    "thirteenth": 13, "fourteenth": 14, "fifteenth": 15, "sixteenth": 16,
    "seventeenth": 17, "eighteenth": 18, "nineteenth": 19, "twentieth": 20,
    "twenty-first": 21, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4, "final": 4, "last": 4,
}
_DECADE_WORDS = {"twenties": 2, "thirties": 3, "forties": 4, "fifties": 5, "sixties": 6,
                 "seventies": 7, "eighties": 8, "nineties": 9}
_SEASONS = {"spring": "SP", "summer": "SU", "fall": "FA", "autumn": "FA", "winter": "WI"}
# unit word -> (TIMEX3 letter, multiplier, is clock unit)
_UNITS = {
    "year": ("Y", 1, False), "month": ("M", 1, False), "week": ("W", 1, False),
    "day": ("D", 1, False), "night": ("D", 1, False), "hour": ("H", 1, True),
    "minute": ("M", 1, True), "second": ("S", 1, True), "decade": ("Y", 10, False),
    "century": ("Y", 100, False), "centurie": ("Y", 100, False), "quarter": ("Q", 1, False),
    "fortnight": ("W", 2, False), "weekend": ("WE", 1, False), "morning": ("D", 1, False),
    "evening": ("D", 1, False), "afternoon": ("D", 1, False),
}
_SET_WORDS = {"daily": "P1D", "weekly": "P1W", "monthly": "P1M", "annually": "P1Y",
              "yearly": "P1Y", "hourly": "PT1H", "nightly": "P1D",
              "biweekly": "P2W", "semiannually": "P6M", "biannually": "P6M"}
_PARTS_OF_DAY = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI",
                 "overnight": "NI", "tonight": "NI"}


def _trie(words) -> str:
    """A regex alternation of words, factored by prefix (much faster than a flat list)."""
    root: dict = {}
    for w in words:
        node = root
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node) -> str:
        alts = [re.escape(ch) + build(sub) for ch, sub in sorted(node.items()) if ch]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        return "(?:" + body + ")?" if "" in node else body

    return build(root)


# ---------------------------------------------------------------------------
# Grammar fragments (applied to the lower-cased text)
# ---------------------------------------------------------------------------
_MON_FULL = r"(?:january|february|march|april|may|june|july|august|september|october|november|december)"
_MON_ABBR = r"(?:jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)\.?"
_MON = rf"(?:{_MON_FULL}|{_MON_ABBR})(?![a-z])"
_WD = r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)(?![a-z])"
_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?(?!\d|:\d)"
_YEAR = r"(?<![\d$£€.,])(?:1[0-9]\d\d|20\d\d)(?![\d%]|,\d|\.\d)"
_YEAR2 = rf"(?:{_YEAR}|'\d\d(?![\d']))"
_DIGIT = r"(?:one|two|three|four|five|six|seven|eight|nine)"
_NUMW = (r"(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[-\s]" + _DIGIT + r")?"
         r"|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|ten"
         r"|" + _DIGIT + r"|(?:a|one)\shundred|hundred|(?:a|one|two|three)\sthousand)(?![a-z])")
_NUM = rf"(?:(?<![\d.,])\d{{1,3}}(?:,\d{{3}})?(?:\.\d{{1,2}})?(?:\s1/2|\s?½)?(?![\d,]|\.\d)|{_NUMW})"
_VAGUE_Q = r"(?:a\sfew|a\scouple\sof|a\scouple|couple\sof|few|several|many|some|a\snumber\sof|dozens\sof|hundreds\sof|a\sdozen)"
_QNUM = rf"(?:{_NUM}|an?|{_VAGUE_Q})"
_UNIT = (r"(?:years?|months?|weeks?|days?|hours?|minutes?|seconds?|decades?|century|centuries"
         r"|quarters?|nights?|fortnights?)(?![a-z])")
_UNIT_PL = r"(?:years|months|weeks|days|hours|minutes|decades|centuries|quarters)(?![a-z])"
_APPROX = (r"(?:about|around|approximately|roughly|nearly|almost|some|over|under|only|just"
           r"|at\sleast|at\smost|more\sthan|less\sthan|fewer\sthan|up\sto|no\smore\sthan"
           r"|no\sless\sthan|not\smore\sthan|just\sover|just\sunder|well\sover|barely"
           r"|close\sto|upwards\sof|in\sexcess\sof)")
_PART_OF = r"(?:the\s(?:beginning|start|middle|end|turn|first\shalf|second\shalf|rest|remainder)\sof\s)"
_CLOCK = (r"(?:(?<![\d.:])(?:1[0-2]|0?[1-9])(?:[:.][0-5]\d)?\s?(?:a\.m\.?|p\.m\.?|am|pm)(?![a-z])"
          r"|(?<![\d.:])(?:[01]?\d|2[0-3]):[0-5]\d(?![\d:])(?:\s?(?:a\.m\.?|p\.m\.?|am|pm|hrs|h)(?![a-z]))?"
          # "0735 GMT": a wire service's zone time (from 1000 to 2099 the year rule reads it: "1220 GMT")
          r"|(?<![\d.:,$])(?:0\d|2[1-3])[0-5]\d(?=\s(?:gmt|utc)(?![a-z]))"
          r"|noon|midnight|midday)")
_TZ = r"(?:\s(?:[ecmpa][sd]t|gmt|utc|bst|cet|local\stime)(?![a-z]))?"
_DAYREF = rf"(?:{_WD}|today|yesterday|tomorrow|tonight|{_MON}\s?{_DAY})"
_REL = r"(?:last|next|this|past|previous|coming|current|following|same|upcoming|prior|preceding)"
_FIN = r"(?:year-earlier|year-ago|year\searlier|comparable|corresponding|same|latest|current|recent|fiscal|its|their|the)"

# a year of the last century in words, as transcripts of broadcasts write it ("nineteen ninety-four")
_YEARW = (rf"nineteen[\s-](?:hundred[\s-](?:and\s)?)?(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
          rf"(?:[\s-]{_DIGIT})?|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen"
          rf"|oh[\s-]{_DIGIT})(?![a-z])")

# Each rule: (name, regex).  Order matters: at one position the first rule that
# matches wins, so longer and more specific rules come first.
_RULES = [
    ("iso", r"(?<![\w\-/.])(?P<y>\d{4})(?P<sep>[-/])(?P<m>0[1-9]|1[0-2])(?P=sep)(?P<d>[0-3]\d)"
            r"(?:t(?P<h>[0-2]\d):(?P<mi>[0-5]\d)(?::[0-5]\d)?)?(?![\w\-/])"),
    ("isomonth", r"(?<![\w\-/.])(?P<y>(?:19|20)\d\d)-(?:(?P<m>0[1-9]|1[0-2])|(?P<p>q[1-4]|h[12]|w[0-5]\d))(?![\w\-/])"),
    ("slash", r"(?<![\w/.])(?P<a>[0-3]?\d)/(?P<b>[0-3]?\d)/(?P<y>\d{4}|\d{2})(?![\w/])"),
    ("rare", r"(?<![\w.\-/])(?P<x>[0-3]?\d\.[01]?\d\.(?:19|20)\d\d|(?:19|20)\d\d\.[01]?\d\.[0-3]?\d"
             r"|[0-3]?\d-(?:jan|feb|mar|apr|may|jun|jul|aug|sept?|oct|nov|dec)-(?:(?:19|20)\d\d|\d\d))(?![\w\-/]|\.\d)"),
    ("time", rf"(?P<clock>{_CLOCK}){_TZ}(?:,?\s(?:on\s)?(?P<dayref>{_DAYREF}))?"),
    ("wd_date", rf"(?P<wd>{_WD}),?\s{{0,2}}[(\[]?\s?(?:"
                rf"(?P<m1>{_MON})\s?(?P<d1>{_DAY})|(?:the\s)?(?P<d2>{_DAY})\s(?:of\s)?(?P<m2>{_MON}))"
                rf"(?:,?\s(?P<y>{_YEAR}))?\s?[)\]]?"),
    ("weekof", rf"(?:the\s)?week\sof\s(?:(?P<m1>{_MON})\s?(?P<d1>{_DAY})|(?:the\s)?(?P<d2>{_DAY})\s(?:of\s)?(?P<m2>{_MON}))(?:,?\s(?P<y>{_YEAR}))?"),
    ("md_range", rf"(?P<m1>{_MON})\s?(?P<d1>{_DAY})\s?(?:-|–|—|to|through|until|till|and)\s?"
                 rf"(?:(?P<m2>{_MON})\s?)?(?P<d2>{_DAY})(?:,?\s(?P<y>{_YEAR}))?"),
    ("dm_range", rf"(?P<d1>{_DAY})(?:\s(?P<m1>{_MON}))?\s?(?:-|–|—|to|until|and)\s?(?P<d2>{_DAY})"
                 rf"\s(?:of\s)?(?P<m2>{_MON})(?:,?\s(?P<y>{_YEAR}))?"),
    ("y_range", rf"(?P<y1>{_YEAR})\s?(?:-|–|—)\s?(?P<y2>{_YEAR}|\d\d(?![\d%]))"),
    ("mdy", rf"(?:(?P<edge>early|late|mid)[\s-])?(?P<m>{_MON})\s?(?P<d>{_DAY})(?:,?\s(?P<y>{_YEAR}))?(?!\s?(?:%|percent|-|–|am|pm|a\.m|p\.m))"),
    ("dmy", rf"(?:the\s)?(?P<d>{_DAY})\s(?:of\s)?(?P<m>{_MON})(?:,?\s(?P<y>{_YEAR}))?"),
    ("my", rf"(?:(?P<edge>early|late|mid)[\s-]|(?P<part>{_PART_OF}))?(?P<m>{_MON}),?\s(?:of\s)?(?:(?P<y>{_YEAR2})|(?P<yw>{_YEARW}))"),
    ("decade", r"(?:the\s)?(?:(?P<edge>early|mid|late)[\s-])?(?:(?P<dec>(?:1[0-9]|20)\d0)'?s|'(?P<dec2>\d0)s"
               r"|(?<=the\s)(?:(?:early|mid|late)[\s-])?(?:nineteen[\s-])?(?P<decw>twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties))(?![a-z])"),
    ("century", r"(?:the\s)?(?:(?P<edge>early|mid|late)[\s-])?(?:(?P<num>\d{1,2}(?:st|nd|rd|th)|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|twenty-first)|(?P<rel>this|last|next|past|previous))[\s-]century(?![a-z])"),
    ("quarter", rf"(?:the\s)?(?:(?P<pre>(?:{_FIN}|this\syear's|last\syear's|next\syear's|a\sflat|(?:19|20)\d\d)(?:\s|-))*)"
                rf"(?P<ord>first|second|third|fourth|1st|2nd|3rd|4th|final|last)(?:\s|-)(?:fiscal\s)?(?:-?quarters?)(?![a-z])"
                rf"(?:(?:\sof|\sin)?(?:\sfiscal)?\s(?P<y>{_YEAR})|\s(?P<rel>(?:of\s)?(?:this|last|next)\syear))?"),
    ("qcode", rf"(?<![\w])(?P<q>q[1-4])(?:\s?(?P<y>{_YEAR}))?(?![\w])"),
    ("half", rf"(?:the\s)?(?:(?P<pre>{_FIN})\s)?(?P<ord>first|second|last|latter)[\s-]half(?![a-z])(?:\sof\s(?:(?:the\s)?(?P<yw>year)|(?:fiscal\s)?(?P<y>{_YEAR})))?"),
    ("finperiod", r"(?:the\s)?(?P<pre>(?:(?:comparable|corresponding|same|latest|year-earlier|year-ago|current|recent|(?:19|20)\d\d|fiscal)\s)+)(?P<unit>quarter|period)(?![a-z])(?:\s(?P<post>(?:a\syear\s(?:ago|earlier)|last\syear|of\s(?:last|this)\syear|a\syear\sbefore)))?"),
    ("yearsquarter", r"(?P<rel>last|this|next)\syear's\s(?:(?:comparable|same|corresponding)\s)?(?:quarter|period)(?![a-z\-])"),
    ("finquarter", r"(?:the|this|that|last|next)\s(?P<unit>quarter|period)(?![a-z\-])(?:\s(?P<post>a\syear\s(?:ago|earlier)|last\syear))?"),
    ("holiday", rf"(?:(?P<rel>last|next|this)\s)?(?P<h>christmas(?:\s(?:day|eve))?|new\syear's(?:\s(?:day|eve))?|thanksgiving(?:\sday)?|easter(?:\s(?:sunday|monday|week))?|election\sday|independence\sday|labor\sday|memorial\sday|veterans\sday|halloween|valentine's\sday|boxing\sday|good\sfriday|new\syear's)(?![a-z])(?:\s(?P<y>{_YEAR}))?"),
    ("ago", rf"(?:(?P<approx>{_APPROX})\s)?(?P<halfpre>half\s(?=an?\s))?(?P<n>{_QNUM})(?:\s|-)(?P<u>{_UNIT})(?:\sor\sso)?\s(?P<dir>ago|earlier|later|before\sthat|after\sthat|from\snow|hence|back)(?![a-z])(?:(?<=ago)\s(?P<today>today)(?![a-z]))?"),
    ("dayrel", r"the\sday\s(?P<dir>before|after)\s(?P<base>yesterday|tomorrow)"),
    ("deictic", r"(?:(?P<edge>early|late|earlier|later|mid)(?:\s|-))?(?:(?P<pod1>morning|afternoon|evening|night)\s)?(?P<w>today|tomorrow|yesterday|tonight)(?:'s)?(?:\s(?P<pod>morning|afternoon|evening|night))?(?![a-z])"),
    ("thispod", r"(?:(?P<edge>early|late|earlier|later)\s)?(?P<rel>this|last|tomorrow|yesterday)\s(?P<pod>morning|afternoon|evening|night)(?![a-z])"),
    ("edgepod", r"(?P<edge>early|mid|late)[\s-]?(?P<pod>morning|afternoon|evening)(?![a-z])(?!\s(?:of|on|in)\s)"),
    ("nthwd", rf"(?:the\s)?(?P<ord>first|second|third|fourth|fifth|last|1st|2nd|3rd|4th|5th)\s(?P<wd>{_WD})\s(?:of|in)\s"
              rf"(?P<m>{_MON})(?:,?\s(?P<y>{_YEAR}))?"),
    ("wd", rf"(?:(?P<edge>early|late|earlier|later|mid-?)(?:\s|-)?)?(?:(?P<rel>last|next|this\scoming|this\spast|this|coming|the\sprevious|the\sfollowing|the\snext|the\spast|that)\s)?"
           rf"(?P<wd>{_WD})(?:'s)?(?:\s(?P<pod>morning|afternoon|evening|night|overnight))?(?![a-z])"),
    ("weekend", r"(?:(?P<edge>early|late)\s)?(?P<det>the|this|last|next|that|this\spast|this\scoming|the\spast|the\scoming|the\sprevious|the\sfollowing)\sweekend(?![a-z])"),
    ("durrange", rf"(?:(?P<approx>{_APPROX})\s)?(?:the\s(?:(?P<rel>past|last|next|first|coming|previous|following)\s)?)?(?P<n1>{_NUM})(?:\s(?:to|or)\s|\s?(?:-|–)\s?)(?P<n2>{_NUM})(?:\s|-)(?P<u>{_UNIT})"),
    ("duration", rf"(?:(?P<approx>{_APPROX})\s)?(?:(?P<det>the|an?|each\sof\sthe|all|the\sentire|the\swhole|another)\s)?"
                 rf"(?:(?P<rel>past|last|next|first|coming|previous|following|final|latest|initial|remaining|same|year-earlier|ensuing|preceding|recent|later|earlier)\s)?"
                 rf"(?P<halfpre>half\s(?=an?\s))?(?P<n>{_QNUM})(?P<half>\sand\sa\shalf)?(?:\s|-)(?:(?:more|additional|straight|consecutive|full|trading|business|calendar|long|whole|successive|further|extra|working)\s)?"
                 rf"(?P<u>{_UNIT})(?P<half2>\sand\sa\shalf)?(?:,?\sand\s(?P<n3>{_NUM})\s(?P<u3>(?:months?|weeks?|days?|hours?|minutes?|seconds?)(?![a-z])))?"
                 rf"(?:(?P<adj>-old|-long|\s-\slong)(?![a-z]))?(?P<orso>\sor\sso)?"),
    ("reluvague", rf"(?:(?P<approx>{_APPROX})\s)?(?P<det>the\s)?(?P<rel>past|last|next|coming|recent|previous|following|ensuing|upcoming|few|several|many)\s(?:(?P<q>few|several|many|couple\sof)\s)?(?P<u>{_UNIT_PL})(?:\sahead)?"),
    ("ahead", rf"the\s(?P<u>{_UNIT_PL})\sahead"),
    ("unitlong", r"(?P<u>hour|day|week|month|year|decade|century)(?P<pl>s)?-long(?![a-z])"),
    # a bare plural unit ("for years", "endured years of chaos", "within days", "years ago"); the handler
    # leaves those after a number or a quantifier to the rules that read them
    ("bareplural", r"(?P<u>years|months|weeks|days|decades|centuries|hours|minutes|seconds)(?![a-z\-])(?!\s(?:apart|later|earlier|before\sthat|after\sthat|old)(?![a-z]))(?P<ago>\sago(?![a-z]))?"),
    ("edgerel", r"(?P<edge>early|late|earlier|later)(?:\s(?:in|on))?\s(?P<det>this|last|next|the|that)\s(?P<u>year|month|week|quarter|decade|century|day)(?![a-z])"),
    ("partrel", rf"(?P<part>{_PART_OF})(?:(?P<det>this|last|next|the|that)\s)(?:fiscal\s|calendar\s)?(?P<u>year|month|week|quarter|decade|century|day)(?![a-z])"),
    ("yearend", r"(?:(?:around|at)\s)?(?P<w>year(?:'s)?(?:\s|-)end|year-ago|year-earlier|year\searlier|year\sago)(?![a-z])"),
    ("relunit", rf"(?:the\s)?(?P<rel>{_REL}|this\spast|this\scoming|that)\s(?:fiscal\s|calendar\s)?(?P<u>year|month|week|quarter|decade|day|morning|night|evening|afternoon)(?![a-z\-])(?:'s)?"),
    ("theunit", r"(?P<det>the|that|this)\s(?:(?P<fis>fiscal|full|current|calendar|latest)\s)?(?P<u>year|month|week|day)(?![a-z\-])(?!\s(?:before|after|ago|earlier|later|of(?!\s[$£€\d])|in|when|that|he|she|they|which|to|and))"),
    ("season", rf"(?:(?P<edge>early|late|mid)(?:\s|-))?(?:(?P<det>last|next|this|this\spast|this\scoming|the|that|the\searly|the\slate|past|coming)\s)?(?P<s>spring|summer|autumn|fall|winter)(?![a-z])(?:(?:\sof)?\s(?:(?P<y>{_YEAR})|(?P<yw>{_YEARW})))?"),
    ("year", rf"(?:(?P<edge>early|late|mid|post|pre)(?:\s|-)|(?P<part>{_PART_OF})|(?P<fis>fiscal|calendar)\s)?(?P<y>{_YEAR})(?:'s)?(?![\w\-]|\.\d)"),
    ("yearword", rf"(?:the\syear\s)?(?P<w>{_YEARW}|(?<=the\syear\s)two\sthousand(?:(?:\sand)?[\s-](?:{_DIGIT}|ten))?)"),
    ("month", rf"(?:(?P<edge>early|late|mid)(?:\s|-)|(?P<part>{_PART_OF})|(?P<rel>last|next|this\spast|this\scoming|this|that|past|coming)\s)?(?P<m>{_MON_FULL})(?![a-z])(?:\s(?P<ry>last\syear|this\syear|next\syear))?"),
    ("set", rf"(?:(?P<every>every|each|per)\s(?:other\s)?(?:(?P<n>{_NUM})\s)?(?P<what>years?|months?|weeks?|days?|hours?|minutes?|quarters?|decades?|mornings?|nights?|evenings?|weekends?|{_WD}|{_MON_FULL}|spring|summer|autumn|fall|winter)(?![a-z])(?:\s(?P<sday>{_DAY})(?![\d,]|\s?(?:%|percent)))?"
             r"|(?P<w>daily|weekly|monthly|annually|yearly|hourly|nightly|biweekly|semiannually|biannually)(?![a-z])"
             rf"|(?P<times>once|twice|(?:{_NUM})\stimes)\s(?:a|per|each|every)\s(?P<what2>year|month|week|day|hour|quarter|decade)(?![a-z]))"),
    ("vague", r"(?P<w>right\snow|just\snow|now|currently|more\srecently|most\srecently|recently|lately|nowadays|these\sdays"
              r"|(?:the\s)?(?:near|distant|immediate|foreseeable|not\stoo\sdistant)\sfuture|the\sfuture|(?<=in\s)future|the\spast|(?:the\s)?(?:short|near)\sterm"
              r"|at\sthe\smoment|for\sthe\stime\sbeing|an?\s(?:later|future)\sdate|current(?!\s(?:accounts?|events|affairs|levels?|prices?|rates?)))(?![a-z])"),
]


def _strip_groups(pattern: str) -> str:
    """Turn named groups into plain ones and drop back references (for the master regex)."""
    pattern = re.sub(r"\(\?P<\w+>", "(?:", pattern)
    return re.sub(r"\(\?P=\w+\)", "[-/]", pattern)


_RULE_RES = {name: re.compile(pat) for name, pat in _RULES}
_MASTER_ALTS = "|".join(f"(?P<{name}>{_strip_groups(pat)})" for name, pat in _RULES)
# Tense markers, read on the original text of the sentence around an expression.
_TENSE_PHRASES = (r"could\snot|couldn't|will\snot|would\snot|won't|going\sto|(?:is|are|was|were)\s(?:due|to)(?=\s)|supposed\sto"
                  r"|set\sto|plans?\sto|planned\sfor|planning\sto|as\searly\sas|as\ssoon\sas|to\sbe\sheld"
                  # present-tense schedules of a rule: "the rules take effect on Nov. 4"
                  r"|takes?\seffect|comes?\sinto\s(?:force|effect)|goes?\sinto\seffect|enters?\sinto\sforce"
                  # a verb of intent or commitment looks ahead to its infinitive ("agreed to buy
                  # ... in February", "has decided to admit ... in March")
                  r"|(?:agree|decide|promise|pledge|vow|threaten|intend|propose|undert(?:ake|ook)"
                  r"|commit|aim|hope|want|seek|sought)(?:s|d|ed)?\sto\s(?!the\s|a\s|an\s|his\s|her\s|its\s|their\s)"
                  r"|to\sbe\s(?=[a-z]+(?:ed|en|wn)\b)")
# verbs of a scheduled event: in the present tense with a date they look ahead ("Arafat and
# Netanyahu meet separately Monday"); after "to" they are infinitives and say nothing
_SCHEDULE_VERBS = frozenset("""
    meet meets begin begins start starts open opens resume resumes arrive arrives visit visits
    travel travels leave leaves convene convenes enter enters end ends expire expires
    hold holds host hosts continue continues close closes publish publishes release releases
    """.split())
_TENSE_WORDS = list(_SCHEDULE_VERBS) + """
    will shall would could might may can expected expect expects scheduled slated poised likely
    upcoming potentially next intend intends aim aims hope hopes said says told was were had has
    have did ago last earlier rose fell grew began came went took made met left held won lost saw beat
    gave got became sold paid spent brought thought felt kept led ran sent struck wrote spoke broke
    chose drove flew fought forgot hit hung knew meant put quit read rode rang sat shot shut slept
    stood stole swore taught threw understood woke wore fled found heard sought bought caught
    laid withdrew drew overtook spread
    """.split()
_TENSE_RE = re.compile(r"\b(" + _TENSE_PHRASES + "|" + _trie(_TENSE_WORDS) + r"(?![\w'])|[a-z]{2,}ed\b|'ll)")
# the last marker: group 1 (a marker starts with a small letter or an apostrophe: the look-ahead spares
# the alternation at every other place the scan backs through)
_TENSE_LAST = re.compile(r"(?s:.*)\b(?=[a-z'])" + _TENSE_RE.pattern[2:])
_FUTURE_WORDS = frozenset(
    "will shall won't would could might may can expected expect expects scheduled slated poised "
    "likely upcoming potentially next intend intends aim aims hope hopes 'll".split())
_NOT_PAST = frozenset("need speed indeed embed seed feed bed red shed breed proceed exceed "
                      "succeed hundred united limited".split())
_SENT_END = re.compile(r"[.!?;\n]\s|\n")
# a period that ends an abbreviation rather than a sentence: "U.S.", "Mr.", "Gen.", "Sept."
_ABBREV_END = re.compile(r"(?:(?<![A-Za-z])[A-Z]|\.[A-Z]|(?<![A-Za-z])(?:Mr|Mrs|Ms|Dr|Gen|Sen|Rep|Gov|Lt|Col|Sgt|St|Jr|Sr|Co|Corp|Inc|Ltd|No|Jan|Feb|Mar|Apr|Aug|Sept?|Oct|Nov|Dec))\.$")
_AUX_TAIL = re.compile(r"\s+(?:(?:be|have|been|being|also|then|soon|still|probably|likely|only|now|already|finally|eventually|first|[a-z]{3,}ly)\s+){1,3}$")


_REPORTING = frozenset(("said", "says", "told"))
# a past participle (after adverbs) after "has"/"have": the perfect tense ("has met", "have already
# been", "has long held"); a noun or number after them is having, not a tense
_PARTICIPLE_AFTER = re.compile(
    r"(?:\s+(?:[a-z]+ly|already|also|long|never|not|just|since|still|n't|yet|ever|now|even|both|all))*"
    r"\s+(?:[a-z]+(?:ed|en|wn|ne)|been|had|met|held|left|won|lost|made|said|told|sent|put|set|got|led|run|"
    r"paid|spent|struck|kept|found|brought|bought|thought|fought|sought|caught|taught|stood|heard|felt|meant|"
    r"sat|built|hit|cut|let|shut|read|sold|come|become|begun|done|gone|seen|known|shown|grown|drawn|"
    r"thrown|flown|fallen|risen|chosen|spoken|broken|stolen|driven|eaten|written|taken|given|agreed|"
    r"withdrawn|dealt|fled|spread|swum|sung|rung|drunk|sunk|slept|lent|bent|"
    r"understood|overseen|undertaken|arisen|forgotten|gotten|proven|sworn|worn|torn|borne|born)\b")


def _marker(m, strict: bool) -> str | None:
    """'future', 'past' or None (no evidence) for one tense-marker match; 'skip' for an
    infinitive ("to meet") whose tense is that of the verb before it; 'stop' (strict only) for
    a marker that says no more is to be learnt from the words before it."""
    w = m.group(1)
    wl = w.lower()
    if wl == "next" and m.string.startswith(" to ", m.end(1)):
        return None  # "next to the embassy": a place
    if wl in _SCHEDULE_VERBS:
        if _NOUN_BEFORE.search(m.string, max(0, m.start(1) - 30), m.start(1)):
            return "skip"  # a noun, not a verb: "a three-day state visit" (the verb before it tells the tense)
        return "skip" if _TO_BEFORE.search(m.string, max(0, m.start(1) - 12), m.start(1)) else "future"
    if wl.startswith(("going", "set ", "as ", "to be", "will", "is ", "are ", "was ", "were ",
                      "supposed", "plan", "take ", "takes ", "come ", "comes ", "go ", "goes ",
                      "enter ", "enters ")) or wl in _FUTURE_WORDS or wl[-1:].isspace():
        if _HAD_BEEN.search(m.string, max(0, m.start(1) - 12), m.start(1)):
            # "had been scheduled to expire Friday": a plan of the past, for a weekday; a month's day
            # ("had been scheduled for July 24") may lie either side of the anchor: no evidence
            return "stop" if strict else "past"
        return "future"
    if wl in ("has", "have") and not _PARTICIPLE_AFTER.match(m.string, m.end(1)):
        return None  # "has 76 days to assemble a government": having, not a perfect tense
    if wl in _NOT_PAST or (w[:1].isupper() and wl.endswith("ed")):
        return None
    if wl.endswith("ed") and m.string.endswith("to be ", 0, m.start(1)):
        return "future"  # "guidelines to be published in November"
    if wl not in _PAST_WORDS and _PRESENT_BE.search(m.string, max(0, m.start(1) - 8), m.start(1)):
        return None  # "when the case is heard in May": a present passive, not a past
    if strict and (wl in _REPORTING or (wl.endswith("ed") and wl not in _PAST_WORDS
                                        and not _finite_ed(m.string, m.start(1)))):
        return None  # "said", "the reduced dividend", "to be published": weak evidence
    return "past"


# the word before a verb in -ed that makes it an adjective or a participle, not a past tense
_ED_NOT_FINITE = frozenset("the a an its their his her our your my this that these those "
                           "is are be been being to newly recently previously not still".split())
_WORD_BEFORE = re.compile(r"([A-Za-z']+)\s+$")


def _finite_ed(s: str, pos: int) -> bool:
    m = _WORD_BEFORE.search(s, max(0, pos - 20), pos)
    return m is not None and m.group(1).lower() not in _ED_NOT_FINITE


_NOUN_BEFORE = re.compile(r"(?<![A-Za-z])(?:(?:a|an|the|this|that|his|her|their|its)\s+(?:(?:[a-z]+(?:ed|ic|ive|ous|ful|"
                          r"ary)|official|presidential|historical|crucial|surprise|secret|brief|rare|landmark|long-awaited)"
                          r"\s+){0,2}|(?:state|official|"
                          r"working|private|first|second|last|next|[a-z]+-day|[a-z]+-hour)\s+)$", re.I)
_TO_BEFORE = re.compile(r"(?<![A-Za-z])(?:to|did|didn't|not|never|n't)\s+(?:[a-z]+ly\s+)?$", re.I)
_HAD_BEEN = re.compile(r"(?<![A-Za-z])had\s+(?:been\s+)?$", re.I)
_PRESENT_BE = re.compile(r"(?<![A-Za-z])(?:is|are|am|be|being)\s+$", re.I)
_PAST_WORDS = frozenset("had did ended began started died occurred happened took".split())


def _tense(text: str, start: int, end: int, strict: bool = False) -> str | None:
    """'future' / 'past' from the nearest tense marker in the sentence, or None.

    strict: ignore the weak past markers (reporting verbs, words ending in -ed), as
    a date's own month or day needs stronger evidence than a weekday does."""
    lo = max(0, start - 120)
    left = text[lo:start]
    dot = left.rfind(". ")
    while dot > 0 and dot - left.rfind(" ", 0, dot) <= 6 and _ABBREV_END.search(left, max(0, dot - 5), dot + 1):
        dot = left.rfind(". ", 0, dot)  # "U.S. officials", "Mr. Baker": not a sentence end
    cut = max(dot, left.rfind("\n"), left.rfind("? "), left.rfind("! "),
              left.rfind("; "), left.rfind(".\u201d"), left.rfind('."'))
    if cut >= 0:
        left = left[cut + 1:]
    last = _TENSE_LAST.match
    m = last(left)
    while m is not None:
        kind = _marker(m, strict)
        ms = m.start(1)
        if kind == "skip":  # an infinitive ("to meet"): the verb before it sets the tense
            m = last(left, 0, ms)
            continue
        if kind != "future":
            gap = _AUX_TAIL.search(left, max(0, ms - 30), ms)
            if gap is not None:  # "will be held", "could have ended": the auxiliary sets the tense
                aux = last(left, 0, gap.start())
                if aux is not None and aux.end(1) == gap.start() and _marker(aux, False) == "future":
                    return "future"
        if kind == "stop":
            return None
        if kind is not None:
            return kind
        if not strict:
            return None
        m = last(left, 0, ms)
    right = text[end:end + 80]
    for m in _SENT_END.finditer(right):
        if not (m.group()[0] == "." and _ABBREV_END.search(right, max(0, m.start() - 4), m.start() + 1)):
            right = right[:m.start()]
            break
    for m2 in _TENSE_RE.finditer(right):
        if m2.group(1).lower() == "planned":
            return "past"  # "On Friday, the government planned to pay": the planning is past
        kind = _marker(m2, False)
        if kind != "skip":
            return kind
    return None


# ---------------------------------------------------------------------------
# Calendar helpers
# ---------------------------------------------------------------------------
_ONE = _dt.timedelta(days=1)


def _add_months(y: int, m: int, n: int) -> tuple[int, int]:
    k = y * 12 + (m - 1) + n
    return k // 12, k % 12 + 1


def _month_end(y: int, m: int) -> _dt.date:
    y2, m2 = _add_months(y, m, 1)
    return _dt.date(y2, m2, 1) - _ONE


def _safe_date(y: int, m: int, d: int) -> _dt.date | None:
    try:
        return _dt.date(y, m, d)
    except (ValueError, OverflowError):
        return None


def _week_value(d: _dt.date) -> str:
    y, w, _ = d.isocalendar()
    return f"{y}-W{w:02d}"


def _quarter(d: _dt.date) -> int:
    return (d.month - 1) // 3 + 1


_SEASON_MONTHS = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "WI": (12, 2)}
_VALUE_RE = re.compile(
    r"(?P<y>\d{2,4})(?:-(?:(?P<m>\d\d)(?:-(?P<d>\d\d))?|W(?P<w>\d\d?)(?P<we>-WE)?|Q(?P<q>[1-4])"
    r"|H(?P<h>[12])|(?P<s>SP|SU|FA|WI)))?(?:T.*)?")


def _interval(value: str) -> tuple[_dt.date | None, _dt.date | None, str | None]:
    """Calendar interval (first day, last day, precision) of a TIMEX3 date value."""
    got = _INTERVALS.get(value)
    if got is None:
        if len(_INTERVALS) > 20_000:
            _INTERVALS.clear()
        got = _INTERVALS[value] = _interval_of(value)
    return got


_INTERVALS: dict = {}


def _interval_of(value: str) -> tuple[_dt.date | None, _dt.date | None, str | None]:
    m = _VALUE_RE.fullmatch(value)
    if not m:
        return None, None, None
    ys = m["y"]
    y = int(ys)
    try:
        if len(ys) == 3:
            return _dt.date(y * 10, 1, 1), _dt.date(y * 10 + 9, 12, 31), "decade"
        if len(ys) == 2:
            return _dt.date(max(1, y * 100), 1, 1), _dt.date(y * 100 + 99, 12, 31), "century"
        if m["d"]:
            d = _dt.date(y, int(m["m"]), int(m["d"]))
            return d, d, "day"
        if m["m"]:
            mo = int(m["m"])
            return _dt.date(y, mo, 1), _month_end(y, mo), "month"
        if m["w"]:
            d = _dt.date.fromisocalendar(y, int(m["w"]), 1)
            if m["we"]:
                return d + 5 * _ONE, d + 6 * _ONE, "week"
            return d, d + 6 * _ONE, "week"
        if m["q"]:
            q = int(m["q"])
            return _dt.date(y, 3 * q - 2, 1), _month_end(y, 3 * q), "quarter"
        if m["h"]:
            h = int(m["h"])
            return _dt.date(y, 6 * h - 5, 1), _month_end(y, 6 * h), "half"
        if m["s"]:
            a, b = _SEASON_MONTHS[m["s"]]
            return _dt.date(y, a, 1), _month_end(y + (b < a), b), "season"
        return _dt.date(y, 1, 1), _dt.date(y, 12, 31), "year"
    except (ValueError, OverflowError):
        return None, None, None


def _narrow(ds: _dt.date, de: _dt.date, mod: str | None) -> tuple[_dt.date, _dt.date]:
    """START / MID / END keep the first, middle or last third of an interval."""
    if mod not in ("START", "MID", "END") or ds is None or de is None:
        return ds, de
    n = (de - ds).days + 1
    if n < 3:
        return ds, de
    third = n // 3
    if mod == "START":
        return ds, ds + (third - 1) * _ONE
    if mod == "END":
        return de - (third - 1) * _ONE, de
    return ds + third * _ONE, de - third * _ONE


def _num(s: str | None) -> float | None:
    """'three' -> 3, 'twenty-four' -> 24, '2 1/2' -> 2.5, 'a' -> 1; vague words -> None."""
    if not s:
        return None
    s = s.strip().replace(",", "")
    half = 0.0
    if s.endswith("1/2") or s.endswith("½"):
        half = 0.5
        s = s[:-3] if s.endswith("1/2") else s[:-1]
        s = s.strip()
    try:
        return float(s) + half
    except ValueError:
        pass
    total = 0
    cur = 0
    for w in re.split(r"[\s-]+", s):
        if w == "hundred":
            cur = (cur or 1) * 100
        elif w == "thousand":
            total += (cur or 1) * 1000
            cur = 0
        elif w in _NUMBERS:
            cur += _NUMBERS[w]
        elif w in ("of", "and"):
            continue
        else:
            return None
    return float(total + cur) + half


def _fmt_num(n: float) -> str:
    return str(int(n)) if n == int(n) else f"{n:g}"


# ---------------------------------------------------------------------------
# Normalisers: one per rule.  Each gets the rule's match (on the lower-cased text)
# and the call context, and returns (type, value, mod, interval, span) or None to
# reject the match.  interval = (date_start, date_end, precision) overrides the one
# derived from value; span = (start, end) trims the match.
# ---------------------------------------------------------------------------
_FISCAL_QUARTER = re.compile(r"(?<![a-z])quarter(?:ly|s)?(?![a-z]|-(?:century|mile|final|inch|hour|point|pound))")


# periods of several quarters that results are also reported for
_LONG_PERIOD = re.compile(r"(?:nine|six|twelve|9|6|12)[\s-]months?(?![a-z])|(?:first|second)[\s-]half(?![a-z])"
                          r"|(?:fiscal|full|calendar)[\s-]year(?![a-z])")


class _Ctx:
    __slots__ = ("anchor", "coarse", "comparison", "end", "first_quarter", "lastq", "lower", "ref", "start",
                 "text", "year_at", "year_end")

    def __init__(self, text, lower, anchor):
        self.text = text
        self.lower = lower
        self.anchor = anchor
        self.ref = anchor  # the last day-precision date mentioned, for "the next day"
        # a text about quarterly results?  ("headquarters", "a quarter-century" are not)
        q = _FISCAL_QUARTER.search(lower) if "quarter" in lower else None
        self.first_quarter = q.start() if q else -1
        self.lastq = None  # (year, quarter, offset) of the last quarter named
        self.coarse = None  # first day of the last date of any precision, for "that year"
        self.year_at = -1  # where that date was, when a day or month written with its year (else -1)
        self.year_end = -1
        self.comparison = False  # set by a handler: the date is a point of comparison, not the focus

    def focus(self, unit: str) -> _dt.date | None:
        """The date "that day", "the following month", "later that year" refer to."""
        if unit in ("day", "morning", "night", "evening", "afternoon"):
            return self.ref or self.anchor
        return self.coarse or self.ref or self.anchor

    def quarterly_before(self, pos: int) -> bool:
        """The text talks about quarters before pos (read once per text: linear time)
        and the period last named before pos is not a longer one ("for the nine months,
        net fell from a year earlier": the nine months of the year before)."""
        if not 0 <= self.first_quarter < pos:
            return False
        lo = max(0, pos - 200)
        q = self.lower.rfind("quarter", lo, pos)
        return _LONG_PERIOD.search(self.lower, max(lo, q + 1), pos) is None

    def tense(self, strict: bool = False):
        return _tense(self.text, self.start, self.end, strict)

    def cap(self, pos: int) -> bool:
        """The word at pos is written with a capital letter."""
        return self.text[pos:pos + 1].isupper()

    def quoted_title(self) -> bool:
        """The match is a capitalised title in quotes: CBS's "60 Minutes", ABC's "This Week"."""
        if self.text[self.start - 1:self.start] not in _OPEN_QUOTES:
            return False
        words = re.findall(r"[A-Za-z]+", self.text[self.start:self.end])
        return bool(words) and all(w[0].isupper() for w in words) and not all(w.isupper() for w in words)

    def prev_word(self, pos: int) -> str:
        m = _PREV_WORD.search(self.lower, max(0, pos - 30), pos)
        return m.group(1) if m else ""


_OPEN_QUOTES = ('"', "\u201c", "'", "\u2018", "`")
_PREV_WORD = re.compile(r"([a-z']+)[\s,]*$")
_EDGE_MOD = {"early": "START", "earlier": "START", "late": "END", "later": "END", "mid": "MID",
             "mid-": "MID", "post": "AFTER", "pre": "BEFORE"}
_PART_MOD = {"beginning": "START", "start": "START", "middle": "MID", "end": "END",
             "turn": "START", "first half": "START", "second half": "END"}
_APPROX_MOD = {"about": "APPROX", "around": "APPROX", "approximately": "APPROX",
               "roughly": "APPROX", "some": "APPROX", "close to": "APPROX", "nearly": "LESS_THAN",
               "almost": "LESS_THAN", "under": "LESS_THAN", "less than": "LESS_THAN",
               "fewer than": "LESS_THAN", "just under": "LESS_THAN", "barely": "LESS_THAN",
               "over": "MORE_THAN", "more than": "MORE_THAN", "just over": "MORE_THAN",
               "well over": "MORE_THAN", "upwards of": "MORE_THAN", "in excess of": "MORE_THAN",
               "at least": "EQUAL_OR_MORE", "no less than": "EQUAL_OR_MORE",
               "at most": "EQUAL_OR_LESS", "up to": "EQUAL_OR_LESS",
               "no more than": "EQUAL_OR_LESS", "not more than": "EQUAL_OR_LESS"}


def _edge_mod(g) -> str | None:
    gd = g.groupdict()
    e = gd.get("edge")
    if e:
        return _EDGE_MOD.get(e.rstrip("-").strip())
    p = gd.get("part")
    if p:
        p = p[4:-4]  # "the ... of "
        return _PART_MOD.get(p.strip())
    return None


def _month_num(s: str) -> int:
    return _MONTHS[s.rstrip(".")]


def _day_num(s: str) -> int:
    return int(s.rstrip("stndrh"))


def _year_num(s: str, anchor: _dt.date | None) -> int:
    if s.startswith("'"):
        yy = int(s[1:])
        pivot = (anchor.year % 100 if anchor else 30) + 10
        return (2000 if yy <= pivot and (anchor is None or anchor.year >= 2000) else 1900) + yy
    return int(s)


def _lean(d: _dt.date, a: _dt.date) -> int:
    days = (d - a).days
    return days + 60 if days > 0 else -days


# "until", "through", "by" a date: a deadline, which a past-tense verb ("gave them until
# mid-November") does not move into the past
# (and "effective", "payable", "due" a date: the date something takes effect, which a
# past-tense announcement looks ahead to: "created an office, effective Feb. 1"; so does
# "for" a date: "called an election for July 4")
_DEADLINE_PREV = frozenset(("until", "till", "through", "by", "effective", "payable", "due", "for"))


def _pick_year_md(ctx: _Ctx, month: int, day: int) -> int | None:
    """Year of a month-day without year: nearest to the anchor, forward if future tense."""
    a = ctx.anchor
    if a is None:
        return None
    best = None
    for y in (a.year - 1, a.year, a.year + 1):
        d = _safe_date(y, month, day)
        if d is None:
            continue
        # the nearer one, news leaning to the past by about two months
        if best is None or _lean(d, a) < _lean(best, a):
            best = d
    if best is None:
        return a.year
    gap = (best - a).days
    if gap < -7 or gap > 7:
        t = ctx.tense(True)
        if gap < -7 and t == "future":
            nxt = _safe_date(best.year + 1, month, day)
            if nxt is not None and (nxt - a).days < 330:
                return nxt.year
        elif gap > 7 and t == "past" and ctx.prev_word(ctx.start) not in _DEADLINE_PREV:
            prv = _safe_date(best.year - 1, month, day)
            if prv is not None and (a - prv).days < 330:
                return prv.year
    return best.year


def _date_value(ctx: _Ctx, y: int | None, m: int, d: int) -> str | None:
    if y is None:
        y = _pick_year_md(ctx, m, d)
    if y is None:
        if _safe_date(2000, m, d) is None:
            return None
        return f"XXXX-{m:02d}-{d:02d}"
    dd = _safe_date(y, m, d)
    if dd is None:
        return None
    ctx.ref = dd
    return dd.isoformat()


def _h_iso(g, ctx):
    y, m, d = int(g["y"]), int(g["m"]), int(g["d"])
    dd = _safe_date(y, m, d)
    if dd is None:
        return None
    ctx.ref = dd
    if g["h"]:
        return "TIME", f"{dd.isoformat()}T{g['h']}:{g['mi']}", None, (dd, dd, "day"), None
    return "DATE", dd.isoformat(), None, (dd, dd, "day"), None


def _h_isomonth(g, ctx):
    if g["p"]:
        return "DATE", f"{g['y']}-{g['p'].upper()}", None, None, None
    return "DATE", f"{g['y']}-{g['m']}", None, None, None


def _h_slash(g, ctx):
    a, b, ys = int(g["a"]), int(g["b"]), g["y"]
    y = int(ys) if len(ys) == 4 else (2000 + int(ys) if int(ys) < 50 else 1900 + int(ys))
    m, d = (a, b) if a <= 12 else (b, a)
    dd = _safe_date(y, m, d)
    if dd is None:
        return None
    ctx.ref = dd
    return "DATE", dd.isoformat(), None, (dd, dd, "day"), None


def _h_rare(g, ctx):
    """A date written in a form the grammar only finds ("11.09.2023", "11-Sep-23"):
    dateparser normalises it (day first, as where such dates are written)."""
    d = _dateparser_day(ctx.text[ctx.start:ctx.end], ctx.anchor)
    if d is None:
        return None
    ctx.ref = d
    return "DATE", d.isoformat(), None, (d, d, "day"), None


def _dateparser_day(phrase: str, anchor: _dt.date | None) -> _dt.date | None:
    key = (phrase, anchor)
    if key not in _DATEPARSER_SEEN:
        if len(_DATEPARSER_SEEN) > 10_000:
            _DATEPARSER_SEEN.clear()
        _DATEPARSER_SEEN[key] = _dateparser_parse(phrase, anchor)
    return _DATEPARSER_SEEN[key]


_DATEPARSER_SEEN: dict = {}


def _dateparser_parse(phrase: str, anchor: _dt.date | None) -> _dt.date | None:
    import dateparser  # imported here: slow to load, and only rare phrases need it

    settings = {"DATE_ORDER": "DMY", "PREFER_DAY_OF_MONTH": "first", "STRICT_PARSING": True}
    if anchor is not None:
        settings["RELATIVE_BASE"] = _dt.datetime.combine(anchor, _dt.time())
    try:
        found = dateparser.parse(phrase, languages=["en"], settings=settings)
    except Exception:  # dateparser's own errors on odd input must not escape tag()
        return None
    return found.date() if found is not None else None


def _clock(s: str) -> tuple[int, int] | None:
    if s == "noon" or s == "midday":
        return 12, 0
    if s == "midnight":
        return 24, 0
    if len(s) == 4 and s.isdigit():
        return int(s[:2]), int(s[2:])  # "1220" (GMT)
    m = re.match(r"(\d{1,2})(?:[:.](\d\d))?\s?(a\.?m\.?|p\.?m\.?|am|pm|hrs|h)?", s)
    h, mi = int(m.group(1)), int(m.group(2) or 0)
    ap = (m.group(3) or "").replace(".", "")
    if ap == "pm" and h < 12:
        h += 12
    elif ap == "am" and h == 12:
        h = 0
    return h, mi


def _h_time(g, ctx):
    hm = _clock(g["clock"])
    if hm is None or (g["clock"] == "noon" and ctx.prev_word(ctx.start) == "high"):
        return None  # "high noon": a showdown, not midday
    h, mi = hm
    day = None
    dr = g["dayref"]
    if dr:
        a, b = g.span("dayref")
        for rule in ("wd", "deictic", "mdy"):
            sub = _RULE_RES[rule].fullmatch(ctx.lower, a, b)
            if sub is not None:
                res = _HANDLERS[rule](sub, ctx)
                if res and len(res[1]) >= 10 and res[1][:4].isdigit():
                    day = res[1][:10]
                break
    else:
        day = _clock_day(ctx)
    hh = f"T{h:02d}:{mi:02d}"
    span = None
    if dr and ctx.lower.startswith(" on ", g.start("dayref") - 4):
        # "at 2:46 p.m. on Friday": two expressions, as TimeML marks them (the time carries the day)
        span = (ctx.start, g.start("dayref") - 4)
    if day is None:
        return "TIME", "XXXX-XX-XX" + hh, None, None, span
    d = _dt.date.fromisoformat(day)
    return "TIME", day + hh, None, (d, d, "day"), span


def _clock_day(ctx) -> str | None:
    """The day of a clock time that names none: the day last named (the story's day), unless that day is
    still to come and the time is told in the past ("will go on sale on Oct. 28. ... discussed the figures
    on a call at 2 p.m.": the anchor's), or gone by and the time still to come ("is due to speak at 8 p.m.")."""
    if ctx.anchor is None:
        return None
    ref = ctx.ref
    if ref is not None and ref != ctx.anchor and ctx.tense() == ("past" if ref > ctx.anchor else "future"):
        ref = None
    return (ref or ctx.anchor).isoformat()


_YEAR_ORDER = (0, -1, 1, -2, -3, -4, -5, -6)  # years around the anchor, nearest first


def _h_wd_date(g, ctx):
    wd = _WEEKDAYS[g["wd"]]
    if g["m1"]:
        m, d = _month_num(g["m1"]), _day_num(g["d1"])
    else:
        m, d = _month_num(g["m2"]), _day_num(g["d2"])
    txt = ctx.text[ctx.start:ctx.end]
    span = None
    if txt.count("(") != txt.count(")") or txt.count("[") != txt.count("]"):
        # an unbalanced bracket ("(Monday, Sept. 11)"): end the span at the date itself
        span = (ctx.start, ctx.start + len(txt.rstrip(")] ")))
    if g["y"]:
        y = int(g["y"])
    elif ctx.anchor is not None:
        # the weekday fixes the year: the nearest one to the anchor in which it fits
        a = ctx.anchor
        y = None
        for yy in _YEAR_ORDER:
            dd = _safe_date(a.year + yy, m, d)
            if dd is not None and dd.weekday() == wd:
                y = dd.year
                break
        if y is None:
            y = _pick_year_md(ctx, m, d)
    else:
        y = None
    v = _date_value(ctx, y, m, d)
    if v is None:
        return None
    return "DATE", v, None, None, span


def _h_weekof(g, ctx):
    """"the week of March 6": the calendar week that holds the day."""
    ms = g.start("m1") if g["m1"] else g.start("m2")
    if not ctx.cap(ms):
        return None
    m, d = (_month_num(g["m1"]), _day_num(g["d1"])) if g["m1"] else (_month_num(g["m2"]), _day_num(g["d2"]))
    v = _date_value(ctx, int(g["y"]) if g["y"] else None, m, d)
    if v is None or v.startswith("X"):
        return None
    return "DATE", _week_value(_dt.date.fromisoformat(v)), None, None, None


def _h_md_range(g, ctx):
    m1 = _month_num(g["m1"])
    m2 = _month_num(g["m2"]) if g["m2"] else m1
    d1, d2 = _day_num(g["d1"]), _day_num(g["d2"])
    return _day_range(g, ctx, m1, d1, m2, d2)


def _h_dm_range(g, ctx):
    m2 = _month_num(g["m2"])
    m1 = _month_num(g["m1"]) if g["m1"] else m2
    d1, d2 = _day_num(g["d1"]), _day_num(g["d2"])
    return _day_range(g, ctx, m1, d1, m2, d2)


def _day_range(g, ctx, m1, d1, m2, d2):
    if (m1, d1) >= (m2, d2) and m1 == m2:
        return None
    y = int(g["y"]) if g["y"] else _pick_year_md(ctx, m1, d1)
    if y is None:
        if _safe_date(2000, m1, d1) is None:
            return None
        return "DATE", f"XXXX-{m1:02d}-{d1:02d}", None, None, None
    if g["y"] and m2 < m1:
        y -= 1  # "Dec. 28 to Jan. 3, 2010": the year written is the end's
    a = _safe_date(y, m1, d1)
    b = _safe_date(y + (m2 < m1), m2, d2)
    if a is None or b is None:
        return None
    ctx.ref = a
    return "DATE", a.isoformat(), None, (a, b, "day"), None


def _h_y_range(g, ctx):
    y1 = int(g["y1"])
    s2 = g["y2"]
    y2 = int(s2) if len(s2) == 4 else (y1 // 100) * 100 + int(s2)
    if y2 <= y1 or y2 - y1 > 200 or y1 < 1000:
        return None
    if _TITLE_BEFORE_YEAR.search(ctx.text, max(0, ctx.start - 16), ctx.start):
        return None  # "the Finance Bill, 2015-16": a title
    return "DATE", str(y1), None, (_dt.date(y1, 1, 1), _dt.date(y2, 12, 31), "year"), None


def _month_ok(ctx, g_m_start: int, word: str, followed_by_num: bool) -> bool:
    """Month names must be capitalised; 'May', 'March' alone need a date-like context."""
    if not ctx.cap(g_m_start):
        return False
    if word in ("may", "march") and not followed_by_num:
        pw = ctx.prev_word(g_m_start)
        return pw in _MONTH_PREV
    return True


_MONTH_PREV = frozenset("in of since until till by from to through last next this early late mid during "
                        "before after between and or end beginning start middle past coming".split())


def _h_mdy(g, ctx):
    if not _month_ok(ctx, g.start("m"), g["m"], True):
        return None
    m, d = _month_num(g["m"]), _day_num(g["d"])
    if g["y"] is None and g["m"] == "may" and not ctx.cap(g.start("m")):
        return None
    y = int(g["y"]) if g["y"] else None
    v = _date_value(ctx, y, m, d)
    if v is None:
        return None
    return "DATE", v, _edge_mod(g), None, None


def _h_dmy(g, ctx):
    if not _month_ok(ctx, g.start("m"), g["m"], True):
        return None
    m, d = _month_num(g["m"]), _day_num(g["d"])
    if g["y"] is None and not (g["d"][-2:].isalpha() or "of" in ctx.lower[ctx.start:ctx.end]
                               or g["m"][0:3] in _MONTHS and ctx.cap(g.start("m"))):
        return None
    y = int(g["y"]) if g["y"] else None
    v = _date_value(ctx, y, m, d)
    if v is None:
        return None
    return "DATE", v, None, None, None


def _h_my(g, ctx):
    if not _month_ok(ctx, g.start("m"), g["m"], True):
        return None
    m = _month_num(g["m"])
    y = _year_num(g["y"], ctx.anchor) if g["y"] else _yearword_num(g["yw"])
    if y is None:
        return None
    return "DATE", f"{y}-{m:02d}", _edge_mod(g), None, None


def _h_decade(g, ctx):
    if g["dec"]:
        v = g["dec"][:3]
    elif g["dec2"]:
        yy = int(g["dec2"])
        cent = 20 if ctx.anchor and ctx.anchor.year >= 2000 and yy <= (ctx.anchor.year % 100) else 19
        v = f"{cent}{yy // 10}"
    else:
        v = f"19{_DECADE_WORDS[g['decw']]}"
    return "DATE", v, _edge_mod(g), None, None


def _h_century(g, ctx):
    if g["num"]:
        n = g["num"]
        c = _ORDINALS.get(n) or int(re.match(r"\d+", n).group())
        v = f"{c - 1:02d}"
    else:
        if ctx.anchor is None:
            return "DATE", "XX", None, None, None
        c = ctx.anchor.year // 100
        rel = g["rel"]
        if rel in ("last", "previous", "past"):
            if rel == "past":
                return "DURATION", "P100Y", None, (None, None, None), None
            c -= 1
        elif rel == "next":
            c += 1
        v = f"{c:02d}"
    return "DATE", v, _edge_mod(g), None, None


def _last_quarter(a: _dt.date) -> tuple[int, int]:
    q = _quarter(a) - 1
    return (a.year, q) if q else (a.year - 1, 4)


def _recent_quarter(ctx) -> tuple[int, int]:
    if ctx.lastq is not None and ctx.start - ctx.lastq[2] < 250:
        return ctx.lastq[0], ctx.lastq[1]
    return _last_quarter(ctx.anchor)


def _h_quarter(g, ctx):
    o = g["ord"]
    q = _ORDINALS[o]
    pre = g["pre"] or ""
    a = ctx.anchor
    if g["y"]:
        y = int(g["y"])
    elif re.search(r"(?:19|20)\d\d", pre):
        y = int(re.search(r"(?:19|20)\d\d", pre).group())
    elif a is None:
        y = None
    else:
        y = a.year
        rel = (g["rel"] or "") + " " + pre
        if "next" in rel:
            y += 1
        elif "last" in rel or "year-earlier" in pre or "year-ago" in pre or "year earlier" in pre:
            y -= 1
        elif "final" == o or "last" == o:
            q = 4
        elif _dt.date(y, 3 * q - 2, 1) > a and ctx.tense(True) != "future":
            y -= 1  # a quarter yet to begin is last year's, unless the sentence looks ahead
    if y is None:
        return "DATE", f"XXXX-Q{q}", None, None, None
    if ctx.lower[ctx.end - 1] == "s" and ctx.lower[ctx.start:ctx.end].endswith("quarters"):
        return None
    # "its fourth quarter" -> "fourth quarter"; "the third-quarter loss" -> "third-quarter"
    start = ctx.start
    low = ctx.lower
    for det in ("its ", "their ", "the "):
        if low.startswith(det, start) and (det != "the " or "-quarter" in low[start:ctx.end]):
            start += len(det)
    span = (start, ctx.end) if start != ctx.start else None
    ctx.lastq = (y, q, ctx.end)
    return "DATE", f"{y}-Q{q}", None, None, span


def _h_qcode(g, ctx):
    q = int(g["q"][1])
    if not ctx.cap(ctx.start):
        return None
    if g["y"]:
        return "DATE", f"{g['y']}-Q{q}", None, None, None
    if ctx.anchor is None:
        return "DATE", f"XXXX-Q{q}", None, None, None
    return "DATE", f"{ctx.anchor.year}-Q{q}", None, None, None


def _h_half(g, ctx):
    h = 1 if g["ord"] == "first" else 2
    if g["ord"] in ("last", "latter") and not (g["y"] or g["yw"]):
        return None  # "the last half of 1989" is H2; "the last half" alone, of a match or a film, is not
    if g["y"]:
        y = int(g["y"])
    elif ctx.anchor is None:
        return "DATE", f"XXXX-H{h}", None, None, None
    else:
        y = ctx.anchor.year
        if g["yw"] is None and not g["pre"] and ctx.start > 0:
            # "the second half" of a match, a book ...: only with a year-ish context
            if not re.search(r"year|quarter|fiscal|\d{4}", ctx.lower[max(0, ctx.start - 120):ctx.end + 60]):
                return None
        if ctx.tense(True) == "past" and _dt.date(y, 6 * h - 5, 1) > ctx.anchor:
            y -= 1
    return "DATE", f"{y}-H{h}", None, None, None


def _h_finperiod(g, ctx):
    a = ctx.anchor
    pre = g["pre"] or ""
    post = g["post"] or ""
    m = re.search(r"(?:19|20)\d\d", pre)
    if a is None:
        return "DATE", "XXXX-QX", None, None, None
    y, q = _last_quarter(a)
    if "current" in pre:
        y, q = a.year, _quarter(a)
    if m:
        y = int(m.group())
    elif "year" in pre or "year" in post:
        y -= 1
    return "DATE", f"{y}-Q{q}", None, None, None


def _h_yearsquarter(g, ctx):
    """"last year's quarter": the quarter in focus (the last one named, else the last
    completed one), in the year the determiner names."""
    if ctx.anchor is None:
        return "DATE", "XXXX-QX", None, None, None
    y, q = _recent_quarter(ctx)
    y += {"last": -1, "next": 1}.get(g["rel"], 0)
    return "DATE", f"{y}-Q{q}", None, None, None


def _h_finquarter(g, ctx):
    a = ctx.anchor
    if g["unit"] == "period" and not g["post"]:
        return None
    det = ctx.lower[ctx.start:ctx.start + 5]
    if a is None:
        return "DATE", "XXXX-QX", None, None, None
    if det.startswith("this"):
        y, q = a.year, _quarter(a)
    elif det.startswith("next"):
        y, q = _add_months(a.year, a.month, 3)[0], _quarter(_dt.date(*_add_months(a.year, a.month, 3), 1))
    else:
        y, q = _last_quarter(a)
        if det.startswith("the") and not g["post"]:
            # "the quarter": only in a financial context
            if not re.search(r"quarter|profit|earn|revenue|sales|net|share|loss|income|tax|dividend|fiscal|shipped",
                             ctx.lower[max(0, ctx.start - 300):ctx.start]) or ctx.text[ctx.start + 4:ctx.start + 5] == "Q":
                return None  # (not "the French Quarter")
    if g["post"]:
        y -= 1
    return "DATE", f"{y}-Q{q}", None, None, None


def _easter(y: int) -> _dt.date:
    a, b, c = y % 19, y // 100, y % 100
    d, e = b // 4, b % 4
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    wk = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * wk) // 451
    month = (h + wk - 7 * m + 114) // 31
    day = (h + wk - 7 * m + 114) % 31 + 1
    return _dt.date(y, month, day)


def _nth_weekday(y, m, wd, n):
    """n-th weekday (0=Mon) of a month; n=-1 for the last one."""
    if n > 0:
        d = _dt.date(y, m, 1)
        d += ((wd - d.weekday()) % 7) * _ONE
        return d + (n - 1) * 7 * _ONE
    d = _month_end(y, m)
    return d - ((d.weekday() - wd) % 7) * _ONE


def _holiday_date(name: str, y: int) -> _dt.date | None:
    if name.startswith("christmas"):
        return _dt.date(y, 12, 24 if name.endswith("eve") else 25)
    if name.startswith("new year's"):
        return _dt.date(y, 12, 31) if name.endswith("eve") else _dt.date(y, 1, 1)
    if name.startswith("thanksgiving"):
        return _nth_weekday(y, 11, 3, 4)
    if name.startswith("easter") or name == "good friday":
        e = _easter(y)
        if name == "good friday":
            return e - 2 * _ONE
        return e + _ONE if name.endswith("monday") else e
    if name == "election day":
        return _nth_weekday(y, 11, 0, 1) + _ONE
    if name == "independence day":
        return _dt.date(y, 7, 4)
    if name == "labor day":
        return _nth_weekday(y, 9, 0, 1)
    if name == "memorial day":
        return _nth_weekday(y, 5, 0, -1)
    if name == "veterans day":
        return _dt.date(y, 11, 11)
    if name == "halloween":
        return _dt.date(y, 10, 31)
    if name == "valentine's day":
        return _dt.date(y, 2, 14)
    if name == "boxing day":
        return _dt.date(y, 12, 26)
    return None


_US_BEFORE = re.compile(r"(?:\bU\.?S\.?|\bAmerican|\bAmerica['\u2019]s|\bUnited\s+States['\u2019]?)\s+$", re.IGNORECASE)


def _h_holiday(g, ctx):
    if not ctx.cap(g.start("h")):
        return None
    name = re.sub(r"\s+", " ", g["h"])
    if name == "independence day" and not _US_BEFORE.search(g.string, max(0, g.start("h") - 24), g.start("h")):
        return None  # every state has one: July 4 only for the American ("Kazakhstan's Independence Day")
    a = ctx.anchor
    if g["y"]:
        y = int(g["y"])
    elif a is None:
        return "DATE", "XXXX", None, (None, None, None), None
    else:
        rel = g["rel"]
        cands = [(_holiday_date(name, yy), yy) for yy in (a.year - 1, a.year, a.year + 1)]
        # a holiday week has begun on its Monday ("as Easter week began", on that Monday)
        first = 6 * _ONE if name == "easter week" else 0 * _ONE
        cands = [(d - first, yy) for d, yy in cands if d is not None]
        if not cands:
            return None
        tense = "past" if rel == "last" else "future" if rel == "next" else ctx.tense(True)
        if tense == "past":
            y = max(yy for d, yy in cands if d <= a) if any(d <= a for d, _ in cands) else a.year
        elif tense == "future":
            y = min(yy for d, yy in cands if d >= a) if any(d >= a for d, _ in cands) else a.year
        else:
            y = min(cands, key=lambda c: abs((c[0] - a).days))[1]
    d = _holiday_date(name, y)
    if d is None:
        return None
    if name == "easter week":
        return "DATE", _week_value(d), None, None, None
    ctx.ref = d
    return "DATE", d.isoformat(), None, (d, d, "day"), None


def _unit_key(u: str) -> str:
    u = u.rstrip("s") if u not in ("centuries",) else "century"
    return "century" if u == "centurie" else u


def _same_day_before(a: _dt.date, unit: str, n: int) -> _dt.date | None:
    """The day ``n`` years, months or weeks before ``a`` (the month's last day where it is shorter)."""
    if unit == "week":
        return a - 7 * n * _ONE
    y, m = _add_months(a.year, a.month, -n * (12 if unit == "year" else 1))
    if not 1 <= y <= 9999:
        return None
    last = 31 if (y, m) == (9999, 12) else _month_end(y, m).day
    return _dt.date(y, m, min(a.day, last))


def _shift(a: _dt.date, unit: str, n: int) -> tuple[str, _dt.date] | None:
    """Anchor moved by n units -> (value at the unit's precision, a day inside)."""
    try:
        if unit in ("day", "night", "morning", "evening", "afternoon"):
            d = a + n * _ONE
            return d.isoformat(), d
        if unit == "week" or unit == "fortnight":
            d = a + n * (14 if unit == "fortnight" else 7) * _ONE
            return _week_value(d), d
        if unit == "weekend":
            d = a + n * 7 * _ONE
            return _week_value(d) + "-WE", d
        if unit == "month":
            y, m = _add_months(a.year, a.month, n)
            return f"{y}-{m:02d}", _dt.date(y, m, 1)
        if unit == "quarter":
            y, m = _add_months(a.year, a.month, 3 * n)
            d = _dt.date(y, m, 1)
            return f"{y}-Q{_quarter(d)}", d
        if unit == "year":
            return str(a.year + n), _dt.date(a.year + n, 1, 1)
        if unit == "decade":
            y = a.year + 10 * n
            return str(y // 10), _dt.date(y, 1, 1)
        if unit == "century":
            y = a.year + 100 * n
            return f"{y // 100:02d}", _dt.date(y, 1, 1)
    except (ValueError, OverflowError):
        return None
    return None




def _h_ago(g, ctx):
    n = _num(g["n"])
    unit = _unit_key(g["u"])
    if g["halfpre"] and n is not None:  # "half a century ago": fifty years
        if unit == "year":
            n, unit = n * 6, "month"
        elif unit in ("decade", "century"):
            n, unit = n * (5 if unit == "decade" else 50), "year"
        else:
            n = n / 2
    d = g["dir"]
    sign = -1 if d in ("ago", "earlier", "before that", "back") else 1
    mod = _APPROX_MOD.get(g["approx"] or "")
    if unit in ("hour", "minute", "second"):
        if ctx.anchor is None:
            return "TIME", "PAST_REF" if sign < 0 else "FUTURE_REF", mod, None, None
        return "DATE", ctx.anchor.isoformat(), mod, None, None
    # "ago" counts from the anchor; "later", "earlier" from the date in focus ("in March ... a month later")
    base = ctx.anchor if d in ("ago", "from now", "hence", "back") else ctx.focus(unit)
    if n is None or n != int(n):
        if base is None:
            return "DATE", "PAST_REF" if sign < 0 else "FUTURE_REF", mod, None, None
        return _ref_value(sign, unit, base, mod)
    if base is None:
        return "DATE", "PAST_REF" if sign < 0 else "FUTURE_REF", mod, None, None
    if unit == "year" and n == 1 and d in ("ago", "earlier") and ctx.quarterly_before(ctx.start):
        # "profit rose 5% from a year ago", in a quarterly report: the same quarter a year
        # before (the quarter named just before, else the last completed one)
        y, q = _recent_quarter(ctx)
        ctx.comparison = True  # "up from a year ago ... earlier in the year": still this year
        return "DATE", f"{y - 1}-Q{q}", mod, None, None
    if unit in ("decade", "century"):
        # "a decade ago": the year then (the decade "200" would be too coarse)
        n, unit = n * (10 if unit == "decade" else 100), "year"
    if g["today"] and unit in ("year", "month", "week"):
        # "two years ago today": that very day
        day = _same_day_before(base, unit, int(n))
        return None if day is None else ("DATE", day.isoformat(), mod, None, None)
    r = _shift(base, unit, sign * int(n))
    if r is None:
        return None
    return "DATE", r[0], mod, None, None


_REF_HORIZON = {"recent": 30, "day": 14, "night": 14, "week": 56, "weekend": 56, "month": 365, "quarter": 365,
                "year": 1826, "decade": 3652, "century": 3652, None: 1826}


def _ref_value(sign: int, unit: str | None, a: _dt.date | None, mod=None, typ="DATE"):
    v = "PAST_REF" if sign < 0 else "FUTURE_REF"
    if a is None:
        return typ, v, mod, (None, None, None), None
    h = _REF_HORIZON.get(unit, 1826) * _ONE
    if sign < 0:
        return typ, v, mod, (a - h, a - _ONE, None), None
    return typ, v, mod, (a + _ONE, a + h, None), None


def _h_dayrel(g, ctx):
    if ctx.anchor is None:
        return "DATE", "XXXX-XX-XX", None, None, None
    n = -2 if g["base"] == "yesterday" else 2
    d = ctx.anchor + n * _ONE
    ctx.ref = d
    return "DATE", d.isoformat(), None, (d, d, "day"), None


_GENERIC_TODAY = re.compile(
    r"\s(?:[a-z-]+\s)?(?:world|youth|society|generations?|young|children|kids|teenagers|families|standards"
    r"|economy|technology|technologies|computers|culture|politics|climate|consumers|voters|women|men)(?![a-z])")
# an acronym just before a capitalised "Today" makes a name: "USA Today", "VOA Today"
_NAME_BEFORE = re.compile(r"(?<![A-Za-z])[A-Z]{2,5}\s$")
_DEICTIC_OFFSET = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1}


def _h_deictic(g, ctx):
    w = g["w"]
    if w == "today" and ctx.lower.startswith("'s", g.end("w")) and _GENERIC_TODAY.match(ctx.lower, g.end("w") + 2):
        return None  # "today's youth", "today's personal computers": these days, not the day
    if w == "today" and ctx.start == g.start("w") and ctx.cap(ctx.start) and _NAME_BEFORE.search(ctx.text, max(0, ctx.start - 30), ctx.start):
        return None  # "USA Today", "This is VOA Today": the name of a paper or a programme
    pod = g["pod"] or g["pod1"] or ("night" if w == "tonight" else None)
    if ctx.anchor is None:
        v = "XXXX-XX-XX"
        return ("TIME" if pod else "DATE"), v + (f"T{_PARTS_OF_DAY[pod]}" if pod else ""), None, None, None
    d = ctx.anchor + _DEICTIC_OFFSET[w] * _ONE
    ctx.ref = d
    mod = _edge_mod(g)
    if pod:  # "tonight", "yesterday morning": the day and its part (TimeML's "2023-09-11TNI")
        return "TIME", f"{d.isoformat()}T{_PARTS_OF_DAY[pod]}", mod, (d, d, "day"), None
    return "DATE", d.isoformat(), mod, None, None


def _h_thispod(g, ctx):
    rel, pod = g["rel"], g["pod"]
    if ctx.anchor is None:
        return "TIME", f"XXXX-XX-XXT{_PARTS_OF_DAY[pod]}", None, None, None
    off = -1 if rel in ("last", "yesterday") else 1 if rel == "tomorrow" else 0
    if rel == "last" and pod != "night":
        off = -1
    d = ctx.anchor + off * _ONE
    return "TIME", f"{d.isoformat()}T{_PARTS_OF_DAY[pod]}", _edge_mod(g), (d, d, "day"), None


def _h_edgepod(g, ctx):
    """"by mid-afternoon", "in the early evening": that part of the day in focus (the
    last day named, else the anchor)."""
    pod = g["pod"]
    d = ctx.ref or ctx.anchor
    if d is None:
        return "TIME", f"XXXX-XX-XXT{_PARTS_OF_DAY[pod]}", _edge_mod(g), None, None
    return "TIME", f"{d.isoformat()}T{_PARTS_OF_DAY[pod]}", _edge_mod(g), (d, d, "day"), None


_DEADLINE_UNTIL = re.compile(r"\w[\s,]*\s(?:until|till)\s+$")


def _resolve_wd(ctx, wd: int, rel: str | None) -> _dt.date | None:
    a = ctx.anchor
    if a is None:
        return None
    back = (a.weekday() - wd) % 7
    fwd = (wd - a.weekday()) % 7
    if rel == "the previous":
        base = ctx.ref or a
        return base - (((base.weekday() - wd) % 7) or 7) * _ONE
    if rel in ("last", "this past", "the past"):
        return a - (back or 7) * _ONE
    if rel in ("next", "this coming", "coming"):
        return a + (fwd or 7) * _ONE
    if rel in ("the following", "the next"):
        base = ctx.ref or a
        return base + (((wd - base.weekday()) % 7) or 7) * _ONE
    if rel == "that":
        base = ctx.ref or a
        return base + ((wd - base.weekday()) % 7) * _ONE
    if ctx.lower.endswith("ahead of ", 0, ctx.start):
        return a + fwd * _ONE  # "voters ahead of Sunday's referendum": the one to come
    if ctx.lower.startswith("'s", ctx.end - 2) or ctx.lower.startswith("'s", ctx.end):
        return a - back * _ONE  # "Wednesday's ruling": an event already reported
    if "til" in ctx.lower[ctx.start - 8:ctx.start] and _DEADLINE_UNTIL.search(ctx.text, max(0, ctx.start - 12), ctx.start):
        # "extended its deadline until 9 a.m. Tuesday": a deadline ahead (but a fronted
        # "Until Thursday, they had not ..." tells what held up to that day)
        return a + fwd * _ONE
    t = ctx.tense()
    if t == "future":
        return a + fwd * _ONE
    return a - back * _ONE


_ORDINAL_N = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "1st": 1, "2nd": 2, "3rd": 3,
              "4th": 4, "5th": 5, "last": -1}


def _h_nthwd(g, ctx):
    """'the first Thursday of May 2015', 'the second Tuesday in November': that day of that month."""
    if not (ctx.cap(g.start("wd")) and ctx.cap(g.start("m"))):
        return None
    wd, m, k = _WEEKDAYS[g["wd"]], _month_num(g["m"]), _ORDINAL_N[g["ord"]]
    y = int(g["y"]) if g["y"] else _pick_year_md(ctx, m, 15)
    if y is None:
        return None
    if k > 0:
        first = _dt.date(y, m, 1)
        d = first + ((wd - first.weekday()) % 7 + 7 * (k - 1)) * _ONE
    else:
        last = _month_end(y, m)
        d = last - ((last.weekday() - wd) % 7) * _ONE
    if d.month != m:
        return None  # no fifth Monday that month
    ctx.ref = d
    return "DATE", d.isoformat(), None, (d, d, "day"), None


def _h_wd(g, ctx):
    if not ctx.cap(g.start("wd")):
        return None
    wd = _WEEKDAYS[g["wd"]]
    rel = g["rel"]
    d = _resolve_wd(ctx, wd, rel)
    pod = g["pod"]
    mod = _edge_mod(g)
    if d is None:
        v = f"XXXX-WXX-{wd + 1}"
        if pod:
            return "TIME", v + "T" + _PARTS_OF_DAY[pod], mod, None, None
        return "DATE", v, mod, None, None
    ctx.ref = d
    # "early Friday" -> span "Friday" with mod START (as TimeML annotates weekdays)
    span = (g.start("rel") if g["rel"] else g.start("wd"), ctx.end) if g["edge"] else None
    if pod:
        # "Friday evening", "Tuesday night": a TIME, the day plus the part of day, as the TimeML
        # guidelines have it ("2023-09-08TNI"); the interval is the day
        return "TIME", f"{d.isoformat()}T{_PARTS_OF_DAY[pod]}", mod, (d, d, "day"), span
    return "DATE", d.isoformat(), mod, (d, d, "day"), span


def _h_weekend(g, ctx):
    a = ctx.anchor
    det = g["det"]
    if a is None:
        return "DATE", "XXXX-WXX-WE", None, None, None
    # the weekend of the anchor's ISO week, or of the week before/after
    if det == "next":
        d = a + 7 * _ONE
    elif det in ("last", "this past", "the past", "the previous"):
        d = a - 7 * _ONE
    elif det in ("this coming", "the coming", "the following") or a.weekday() >= 5:
        d = a
    elif ctx.lower.endswith(("ahead of ", "before ", "until ", "till "), 0, ctx.start):
        d = a  # "ahead of the weekend": the coming one
    else:  # on a weekday, "the weekend" is the one just past unless the sentence looks ahead
        d = a if ctx.tense() == "future" else a - 7 * _ONE
    return "DATE", _week_value(d) + "-WE", _edge_mod(g), None, None


def _dur_value(n: float | None, unit: str) -> str:
    letter, mult, clock = _UNITS.get(unit, ("D", 1, False))
    if unit == "weekend":
        letter = "D"
        mult = 2
    p = "PT" if clock else "P"
    if n is None:
        if unit in ("decade",):
            return "PXE"
        if unit == "century":
            return "PXC"
        return f"{p}X{letter}"
    n = n * mult
    if n != int(n) and n * 2 == int(n * 2):
        sub = {("Y", False): ("M", 6), ("M", False): ("D", 15), ("D", False): ("H", 12),
               ("H", True): ("M", 30), ("M", True): ("S", 30)}.get((letter, clock))
        if sub:
            if letter == "D" and not clock:
                return f"P{int(n)}DT12H" if int(n) else "PT12H"
            return f"{p}{int(n)}{letter}{sub[1]}{sub[0]}" if int(n) else f"{p}{sub[1]}{sub[0]}"
    return f"{p}{_fmt_num(n)}{letter}"


_UNIT_ORDER = ("year", "month", "week", "day", "hour", "minute", "second")


def _two_unit_value(n: float | None, unit: str, n2: float | None, unit2: str) -> str | None:
    """ISO duration of "<n> <unit> and <n2> <unit2>", the second unit the smaller ("P2Y8M",
    "PT9M29S", "P1DT12H"); None when the two do not make one length of time."""
    if n is None or n2 is None or n != int(n) or n2 != int(n2) \
            or unit not in _UNIT_ORDER or unit2 not in _UNIT_ORDER \
            or _UNIT_ORDER.index(unit2) <= _UNIT_ORDER.index(unit):
        return None
    out, in_time = "P", False
    for k, u in ((int(n), unit), (int(n2), unit2)):
        letter, _, clock = _UNITS[u]
        if clock and not in_time:
            out, in_time = out + "T", True
        out += f"{k}{letter}"
    return out


def _h_durrange(g, ctx):
    n1 = _num(g["n1"])
    n2 = _num(g["n2"])
    unit = _unit_key(g["u"])
    if n1 is not None and n2 is not None and n1 in (20, 30, 40, 50, 60, 70, 80, 90) and 1 <= n2 <= 9 \
            and g["n1"].isalpha() and ctx.lower.startswith("-", g.end("n1")):
        # "twenty-one years": one number, not a range from twenty to one
        mod = _APPROX_MOD.get(g["approx"] or "")
        return "DURATION", _dur_value(n1 + n2, unit), mod, (None, None, None), None
    if n1 is None or n2 is None or n2 <= n1:
        return None
    return "DURATION", _dur_value(n1, unit), _APPROX_MOD.get(g["approx"] or ""), (None, None, None), None


_FRACTION_OF = re.compile(r"\sof\s(?!(?:fiscal\s)?(?:19|20)\d\d|the\s(?:fiscal\s)?year|this\syear|last\syear)")
_VAGUE_QS = ("few", "several", "many", "some", "a few", "a couple of", "a couple", "couple of",
             "a number of", "dozens of", "hundreds of")


def _h_duration(g, ctx):
    nraw = g["n"]
    unit = _unit_key(g["u"])
    det = g["det"] or ""
    rel = g["rel"] or ""
    approx = g["approx"] or ""
    mod = _APPROX_MOD.get(approx)
    plural = g["u"].endswith("s")
    if nraw in ("a", "an"):
        if plural:
            return None
        n = 1.0
    elif nraw in _VAGUE_QS:
        n = None
        if nraw in ("a couple of", "a couple", "couple of"):
            n = 2.0
        if not plural and n is None:
            return None
    else:
        n = _num(nraw)
        if n is None:
            return None
    if unit == "quarter" and ctx.lower.startswith("-centur", ctx.end):
        if plural or not ctx.lower.startswith("-century", ctx.end):
            return None
        # "a quarter-century": 25 years
        return "DURATION", "P25Y", mod, (None, None, None), (ctx.start, ctx.end + 8)
    if unit == "quarter" and (_FRACTION_OF.match(ctx.lower, ctx.end)
                              or (plural and "-" in ctx.lower[g.end("n"):g.start("u")])):
        return None  # "a quarter of the vote", "three-quarters": fractions
    if unit == "second" and nraw in ("a", "an"):
        return None  # "a second term"
    if ctx.lower.startswith(("-earlier", "-ago", "-end"), ctx.end):
        return None  # "a year-earlier loss": the date "year-earlier", not a span of a year
    if ctx.quoted_title():
        return None  # CBS's "60 Minutes": the name of a programme
    if unit == "year" and _AGE_AFTER.match(ctx.lower, ctx.end):
        return None  # "Mr. Reupke, 52 years old": an age, as "a 52-year-old" is
    if g["half"] or g["half2"]:
        n = (n or 0) + 0.5
    if g["halfpre"] and n is not None:
        n = n / 2  # "half a century": fifty years
    if approx == "some" and n is None:
        return None
    if nraw in ("a", "an") and not det and not rel and not approx and unit in ("day", "year", "month", "week"):
        # "a year" after an amount is a rate ("$5 a year") -> SET
        pw = ctx.prev_word(ctx.start)
        before = ctx.lower[max(0, ctx.start - 12):ctx.start]
        if re.search(r"(?:\d|%|cents?|dollars?|times|once|twice|dlrs|percent|miles|barrels|tons|people)\s$", before) or pw in ("per",):
            return "SET", _dur_value(1, unit), None, (None, None, None), None
    if n is not None and n > 5000:
        return None
    if g["n3"]:
        # "two years and eight months", "9 minutes and 29 seconds": one span of two units
        both = _two_unit_value(n, unit, _num(g["n3"]), _unit_key(g["u3"]))
        span = _duration_span(g, ctx) or (ctx.start, ctx.end)
        if both is not None:
            return "DURATION", both, mod, (None, None, None), span
        ctx.end = g.end("half2") if g["half2"] else g.end("u")  # not one length: the first alone
        return "DURATION", _dur_value(n, unit), mod, (None, None, None), (span[0], ctx.end)
    span = _duration_span(g, ctx)
    if rel == "coming" and n is None:
        return _ref_value(1, unit, ctx.anchor)  # "the coming few weeks"
    if g["adj"] == "-old":
        return None  # ages ("a 45-year-old") are not times in news
    if g["adj"] and nraw in ("a", "an"):
        span = (g.start("u"), ctx.end)  # "a day-long meeting" -> "day-long", as "a two-day visit"
    return "DURATION", _dur_value(n, unit), mod, (None, None, None), span


_AGE_AFTER = re.compile(r"\s(?:old|of\sage)(?![a-z])")
_SPAN_DROP_APPROX = frozenset(("only", "just", "barely", "about", "around", "some"))


def _duration_span(g, ctx):
    """Leave out of the span what TimeML leaves out: 'only'/'about' before a number, 'over'
    before 'the past ...', and the article before an adjectival duration ('a two-day')."""
    approx, det, rel = g["approx"], g["det"], g["rel"]
    hyph = "-" in ctx.lower[g.end("n"):g.start("u")]
    drop_approx = approx in _SPAN_DROP_APPROX or (approx == "over" and (det or rel))
    drop_det = (det in ("a", "an") and g["n"] not in ("a", "an") and g["n"] not in _VAGUE_QS) \
        or (det == "the" and hyph and not rel)  # "a two-day visit" -> "two-day"; "a few days" stays whole
    for name, drop in (("approx", drop_approx), ("det", drop_det), ("rel", False), ("halfpre", False), ("n", False)):
        if g[name] is not None and not drop:
            start = g.start(name)
            return None if start == ctx.start else (start, ctx.end)
    return None


_SPAN_PREP_BEFORE = re.compile(r"\b(?:in|over|during|for)\s$")


def _h_reluvague(g, ctx):
    rel = g["rel"]
    unit = _unit_key(g["u"])
    mod = _APPROX_MOD.get(g["approx"] or "")
    if rel in ("few", "several", "many"):
        if g["q"]:
            return None
        return "DURATION", _dur_value(None, unit), mod, (None, None, None), None
    if rel in ("coming", "upcoming") and not g["q"]:
        # "in the coming days": a future reference (date_start after the anchor)
        return _ref_value(1, unit, ctx.anchor)
    if not g["det"] and rel in ("past", "last", "previous", "next", "following") and not g["q"]:
        if rel == "past" and not g["approx"] and \
                _SPAN_PREP_BEFORE.search(ctx.lower, max(0, g.start("rel") - 8), g.start("rel")):
            return _ref_value(-1, unit, ctx.anchor)  # "in past decades", "during past years": some time before
        return None
    # "recent years", "the next few days", "the past several weeks": a vague duration
    return "DURATION", _dur_value(None, unit), mod, (None, None, None), None


def _h_unitlong(g, ctx):
    """'a month-long tournament' (P1M), 'a decades-long feud' (some decades)."""
    unit = _unit_key(g["u"])
    return "DURATION", _dur_value(None if g["pl"] else 1, unit), None, (None, None, None), None


_NOT_BARE_BEFORE = frozenset(_NUMBERS) | frozenset(
    "few several many couple some recent past last next coming these those first early final initial "
    "previous following latest dozen dozens hundreds thousands of the its their his her our your my this that "
    "ensuing remaining entire whole same other preceding upcoming long countless numerous "
    "on by".split())  # ("on days when prices fall": which days; "predates it by decades": a margin)


def _h_bareplural(g, ctx):
    pw = ctx.prev_word(ctx.start)
    if pw in _NOT_BARE_BEFORE or ctx.lower[ctx.start - 1:ctx.start] == "-" \
            or (pw == "" and ctx.lower[max(0, ctx.start - 2):ctx.start].strip()[-1:].isdigit()):
        return None  # "two years", "recent years", "the years", "after-hours trading": not a bare unit
    unit = _unit_key(g["u"])
    if unit in ("minute", "second") and pw not in ("within", "for"):
        return None  # "the minutes of the meeting"; "within minutes", "for seconds" are spans
    if g["ago"]:
        return _ref_value(-1, unit, ctx.anchor)  # "years ago": some time before
    return "DURATION", _dur_value(None, unit), None, (None, None, None), None


def _h_ahead(g, ctx):
    return "DURATION", _dur_value(None, _unit_key(g["u"])), None, (None, None, None), None


def _rel_offset(rel: str) -> int | None:
    if rel in ("last", "past", "previous", "prior", "preceding", "this past"):
        return -1
    if rel in ("next", "coming", "upcoming", "following", "this coming"):
        return 1
    if rel in ("this", "current", "same", "that"):
        return 0
    return None


def _h_edgerel(g, ctx):
    unit = g["u"]
    det = g["det"]
    a = ctx.anchor
    mod = _EDGE_MOD.get(g["edge"])
    if det in ("the", "that"):  # "earlier in the day", "later that year": the date in focus
        base = ctx.focus(unit)
        off = 0
    else:
        if unit == "day":
            return None
        base = a
        off = _rel_offset(det)
    if base is None:
        return "DATE", "XXXX-XX-XX" if unit == "day" else "XXXX", mod, (None, None, None), None
    r = _shift(base, unit, off)
    if r is None:
        return None
    return "DATE", r[0], mod, None, None


def _h_partrel(g, ctx):
    unit = g["u"]
    det = g["det"]
    mod = _edge_mod(g)
    a = ctx.anchor
    if det in ("the", "that"):
        base = ctx.focus(unit)
        off = 0
    else:
        base = a
        off = _rel_offset(det)
    if base is None:
        return "DATE", "XXXX", mod, (None, None, None), None
    r = _shift(base, unit, off)
    if r is None:
        return None
    return "DATE", r[0], mod, None, None


def _h_yearend(g, ctx):
    a = ctx.anchor
    w = g["w"]
    if a is None:
        return "DATE", "XXXX", None, (None, None, None), None
    if "end" in w:
        return "DATE", f"{a.year}-12", "END", None, None
    ctx.comparison = True  # "year-earlier profit": a point of comparison, not the year in focus
    if ctx.quarterly_before(ctx.end + 40):
        y, q = _recent_quarter(ctx)
        return "DATE", f"{y - 1}-Q{q}", None, None, None
    return "DATE", str(a.year - 1), None, None, None


def _h_relunit(g, ctx):
    rel = g["rel"]
    unit = g["u"]
    a = ctx.anchor
    off = _rel_offset(rel)
    if off is None:
        return None
    if ctx.quoted_title():
        return None  # 'ABC\'s "This Week"': the title of a programme, not a week
    anaph = rel in ("following", "same", "that", "previous", "prior", "preceding", "next") and \
        ctx.lower[ctx.start:ctx.start + 4] == "the " or rel == "that"
    if unit in ("morning", "night", "evening", "afternoon"):
        if not anaph and rel not in ("this", "last", "next"):
            return None
        base = (ctx.ref or a) if anaph else a
        if base is None:
            return "TIME", f"XXXX-XX-XXT{_PARTS_OF_DAY[unit]}", None, None, None
        d = base + off * _ONE
        return "TIME", f"{d.isoformat()}T{_PARTS_OF_DAY[unit]}", None, (d, d, "day"), None
    if unit == "day" and not anaph:
        return None
    if rel == "past" and unit in ("decade",):
        return "DURATION", "P10Y", None, (None, None, None), None
    base = ctx.focus(unit) if anaph else a
    if base is None:
        return "DATE", {"day": "XXXX-XX-XX", "week": "XXXX-WXX", "month": "XXXX-XX"}.get(unit, "XXXX"), \
            None, (None, None, None), None
    r = _shift(base, unit, off)
    if r is None:
        return None
    if unit == "day":
        ctx.ref = r[1]
    return "DATE", r[0], None, None, None


# "the first nine months of the year", "the second quarter of the year": the anchor's year
_PART_OF_YEAR = re.compile(r"(?:months|weeks|quarters?|half|part)\sof\s$")
_YEAR_ENDED = re.compile(r"\s(?:that\s|which\s)?(?:ended|ending|ends|to\s(?:date|end))(?![a-z])")


def _h_theunit(g, ctx):
    unit = g["u"]
    a = ctx.focus(unit)
    if unit == "day" or (g["det"] == "the" and not g["fis"] and unit != "year"):
        return None
    if g["det"] == "the" and g["fis"] in (None, "fiscal"):
        pw = ctx.prev_word(ctx.start)
        if pw not in ("in", "for", "during", "through", "throughout") and not (
                unit == "year" and pw == "of" and _PART_OF_YEAR.search(ctx.lower, max(0, ctx.start - 30), ctx.start)):
            return None
        if g["fis"] or _YEAR_ENDED.match(ctx.lower, ctx.end):
            # "for the year ended Sept. 30", "in the fiscal year": the span of a financial year
            return "DURATION", "P1Y", None, (None, None, None), None
        # "for the year", "a high for the year": the current year (TimeBank: DATE)
        a = ctx.anchor
    if a is None:
        return "DATE", "XXXX", None, (None, None, None), None
    # "this year", "the full year", "the current year": the anchor's; "that year": the one in focus
    r = _shift(a if g["det"] == "that" else ctx.anchor, unit, 0)
    if r is None:
        return None
    return "DATE", r[0], None, None, None


def _h_season(g, ctx):
    s = g["s"]
    det = g["det"]
    code = _SEASONS[s]
    if not det and not g["y"] and not g["edge"]:
        if s == "fall":
            return None
        pw = ctx.prev_word(ctx.start)
        if pw not in ("in", "this", "during", "by", "since", "until", "over", "through", "last", "next",
                      "before", "after", "into", "till"):
            return None
    if s == "fall" and det in ("the", "that") and not g["y"]:
        pw = ctx.prev_word(ctx.start)
        if pw not in ("in", "during", "by", "since", "until", "over", "through", "of", "this", "last",
                      "next", "until"):
            return None
    mod = _edge_mod(g) or ({"the early": "START", "the late": "END"}.get(det))
    if g["y"]:
        return "DATE", f"{g['y']}-{code}", mod, None, None
    if g["yw"]:
        y = _yearword_num(g["yw"])
        return None if y is None else ("DATE", f"{y}-{code}", mod, None, None)
    a = ctx.anchor
    if a is None:
        return "DATE", f"XXXX-{code}", mod, None, None
    # seasons in order within a year: SP SU FA WI (winter YYYY-WI starts in December YYYY)
    order = ("SP", "SU", "FA", "WI")
    cur_code = ("WI", "WI", "SP", "SP", "SP", "SU", "SU", "SU", "FA", "FA", "FA", "WI")[a.month - 1]
    cur = (a.year - (a.month <= 2)) * 4 + order.index(cur_code)
    same_year = a.year * 4 + order.index(code)
    if det in ("last", "this past", "past"):
        k = cur - 1 - ((cur - 1 - order.index(code)) % 4)
    elif det in ("next", "this coming", "coming"):
        k = cur + 1 + ((order.index(code) - cur - 1) % 4)
    elif det == "this":
        k = same_year
    else:
        t = ctx.tense(True)
        if t == "past":
            k = cur - ((cur - order.index(code)) % 4)
        elif t == "future":
            k = cur + ((order.index(code) - cur) % 4)
        else:
            k = same_year
    y = k // 4
    return "DATE", f"{y}-{code}", mod, None, None


_NOT_YEAR_BEFORE = re.compile(
    r"(?:\$|£|€|#|no\.|number|nos\.|page|p\.|route|flight|room|model|rs\.?|dlrs?|usd|resolution|article|section|"
    r"paragraph|chapter|clause|highway|bus|platform|gate|battalion|brigade|division|regiment|squadron|unit)\s?$"
    r"|(?<!(?<!\d)(?:1\d|20)\d)\d[,.]?\s?$")  # (a number before it: "5, 1940 people"; a year before it: a list)
_NOT_YEAR_AFTER = re.compile(
    r"-\d|\s?(?:%|percent|per\s?cent|dlrs|dollars|yen|euros?|pounds|points?|people|troops|soldiers"
    r"|km|kilometers|kilometres|miles|meters|metres|feet|tons|tonnes|barrels|shares|hours|votes|men"
    r"|women|members|workers|cases|deaths|gmt|utc|hrs|[a-z]+-\w)")
_OLD_YEAR_BEFORE = re.compile(r"(?:in|since|of|from|by|until|year)\s$")
# A year that ends the title of a law or a document ("the Road Transport and Safety
# Bill, 2015", "the Data Protection Act 2018") names it; it does not date the sentence.
# ("the ... Act of 1989" keeps its DATE: TimeBank tags it.)  Read on the original text:
# the title word is capitalised.
_TITLE_BEFORE_YEAR = re.compile(
    r"(?<![\w-])(?:Act|Acts|Bill|Code|Ordinance|Regulations?|Rules|Order|Amendment|Directive|Law"
    r"|Constitution|Policy|Strategy|Vision|Agenda|Charter|Statute|Decree|Guidelines|Protocol|Standard)"
    r",?\s$")


def _year_ok(ctx, g) -> bool:
    """A four-digit number is a year unless money, a count or a code says otherwise."""
    y = int(g["y"])
    if not (1000 <= y <= 2099):
        return False
    lo = ctx.lower
    ys = g.start("y")
    before = lo[max(0, ys - 12):ys]
    if _NOT_YEAR_BEFORE.search(before) or _NOT_YEAR_AFTER.match(lo, ctx.end, ctx.end + 14):
        return False
    if not (g["edge"] or g["part"] or g["fis"]) and _TITLE_BEFORE_YEAR.search(ctx.text, max(0, ys - 16), ys):
        return False
    return y >= 1600 or bool(g["edge"] or g["part"] or _OLD_YEAR_BEFORE.search(before))


_ZONE_AFTER = re.compile(r"\s(?:gmt|utc)(?![a-z])")


def _h_year(g, ctx):
    y = g["y"]
    if ctx.lower.startswith((" gmt", " utc"), ctx.end) and int(y[:2]) < 24 and int(y[2:]) < 60 \
            and _ZONE_AFTER.match(ctx.lower, ctx.end):
        day = _clock_day(ctx)  # "1220 GMT": a wire service's zone time, not a year
        value = f"{day or 'XXXX-XX-XX'}T{y[:2]}:{y[2:]}"
        d = _dt.date.fromisoformat(day) if day else None
        zone_end = _ZONE_AFTER.match(ctx.lower, ctx.end).end()
        return "TIME", value, None, (d, d, "day") if d else None, (ctx.start, zone_end)
    if not _year_ok(ctx, g):
        return None
    if ctx.lower.endswith("since ", 0, ctx.start):
        ctx.comparison = True  # "has led it since 1991, ... until the end of the year": not the year in focus
    mod = _edge_mod(g)
    return "DATE", g["y"], mod, None, None


def _h_yearword(g, ctx):
    y = _yearword_num(g["w"])
    return None if y is None else ("DATE", str(y), None, None, None)


def _yearword_num(w: str) -> int | None:
    """'nineteen ninety-four' -> 1994, 'two thousand and one' -> 2001."""
    w = w.replace("-", " ")
    parts = w.split()
    if parts[0] == "two":
        n = _num(" ".join(p for p in parts if p != "and"))
        return None if n is None else int(n)
    rest = [p for p in parts[1:] if p not in ("hundred", "and")]
    if rest and rest[0] == "oh":
        rest = rest[1:]
    n = _num(" ".join(rest)) if rest else 0
    return None if n is None else 1900 + int(n)


def _h_month(g, ctx):
    ms = g.start("m")
    word = g["m"]
    rel = g["rel"]
    if not ctx.cap(ms):
        return None
    if word in ("may", "march", "august") and not (rel or g["edge"] or g["part"] or g["ry"]):
        if ctx.prev_word(ms) not in _MONTH_PREV:
            return None
        if word == "may" and re.match(r"\s(?:be|have|not|also|well|seek|need|want)\b", ctx.lower[g.end("m"):g.end("m") + 6]):
            return None
    m = _MONTHS[word]
    mod = _edge_mod(g)
    a = ctx.anchor
    if a is None:
        return "DATE", f"XXXX-{m:02d}", mod, None, None
    ry = g["ry"]
    if ry:
        y = a.year + (-1 if ry.startswith("last") else 1 if ry.startswith("next") else 0)
    elif rel in ("last", "this past", "past"):
        y = a.year if m < a.month else a.year - 1
    elif rel in ("next", "this coming", "coming"):
        y = a.year if m > a.month else a.year + 1
    elif rel == "this":
        y = a.year
    elif rel == "that":
        # "That September": the story's year (the month after the date in focus, within a year of it)
        base = ctx.focus("month") or a
        y = base.year + (m < base.month)
    elif ctx.year_at >= 0 and _YEAR_DIGITS.search(ctx.text, ctx.year_at, ctx.year_end) \
            and not _SENT_END.search(ctx.lower, ctx.year_at, ctx.start):
        # "The trial opened on March 3, 2014 and ran until August", "took office in May 2021 after an April
        # runoff": the month nearest the date the sentence has told with its year
        told = ctx.coarse
        y = min((told.year - 1, told.year, told.year + 1), key=lambda yy: abs((_dt.date(yy, m, 1) - told).days))
    else:
        t = ctx.tense(True)
        if t == "past" and ctx.prev_word(ctx.start) in _DEADLINE_PREV:
            t = None  # "extended the loans through January": a deadline, the nearer one
        if t == "past":
            y = a.year if m <= a.month else a.year - 1
        elif t == "future":
            y = a.year if m >= a.month else a.year + 1
        else:
            # no tense: the nearer one, news leaning to the past by two months
            back = (a.month - m) % 12
            fwd = 12 - back if back else 0
            y = a.year + (1 if m < a.month else 0) if 0 < fwd < back - 2 else a.year - (1 if m > a.month else 0)
    return "DATE", f"{y}-{m:02d}", mod, None, None


def _h_set(g, ctx):
    if g["w"]:
        return "SET", _SET_WORDS[g["w"]], None, (None, None, None), None
    if g["times"]:
        unit = _unit_key(g["what2"])
        return "SET", _dur_value(1, unit), None, (None, None, None), None
    what = g["what"]
    if g["every"] == "per" and what not in ("year", "month", "week", "day", "hour", "quarter"):
        return None
    key = what.rstrip("s")  # "every Mondays" is rare, "each morning(s)" not
    if key in _WEEKDAYS and not g["sday"]:
        return "SET", f"XXXX-WXX-{_WEEKDAYS[key] + 1}", None, (None, None, None), None
    if what in _MONTHS:
        if g["sday"]:  # "every July 11": that day each year
            return "SET", f"XXXX-{_MONTHS[what]:02d}-{_day_num(g['sday']):02d}", None, (None, None, None), None
        return "SET", f"XXXX-{_MONTHS[what]:02d}", None, (None, None, None), None
    if g["sday"]:
        ctx.end = g.end("what")
        span = (ctx.start, ctx.end)
    else:
        span = None
    if key in _WEEKDAYS:
        return "SET", f"XXXX-WXX-{_WEEKDAYS[key] + 1}", None, (None, None, None), span
    if what in _SEASONS:
        return "SET", f"XXXX-{_SEASONS[what]}", None, (None, None, None), span
    if key in ("morning", "night", "evening"):
        return "SET", f"XXXX-XX-XXT{_PARTS_OF_DAY[key]}", None, (None, None, None), span
    n = _num(g["n"]) if g["n"] else 1
    unit = _unit_key(what)
    return "SET", _dur_value(n, unit), None, (None, None, None), span


_VAGUE_VALUES = {
    "now": "PRESENT_REF", "right now": "PRESENT_REF", "just now": "PAST_REF",
    "currently": "PRESENT_REF", "current": "PRESENT_REF", "nowadays": "PRESENT_REF",
    "these days": "PRESENT_REF", "at the moment": "PRESENT_REF", "for the time being": "PRESENT_REF",
    "recently": "PAST_REF", "more recently": "PAST_REF", "most recently": "PAST_REF",
    "lately": "PAST_REF", "recent": "PAST_REF", "previously": "PAST_REF", "formerly": "PAST_REF",
    "the past": "PAST_REF", "soon": "FUTURE_REF", "as soon as possible": "FUTURE_REF",
    "future": "FUTURE_REF", "a later date": "FUTURE_REF", "a future date": "FUTURE_REF",
}


def _h_vague(g, ctx):
    w = re.sub(r"\s+", " ", g["w"])
    if w == "once again":
        return None
    if w.endswith("future"):
        if w == "the future" and ctx.lower.startswith(" of ", ctx.end):
            return None  # "the future of Crimea": its fate, not a time
        return _ref_value(1, None, ctx.anchor)
    if w.endswith("term"):
        return _ref_value(1, "month" if ("short" in w or "near" in w) else None, ctx.anchor)
    if w == "the past" and re.match(r"\s(?:few|several|\d|two|three|four|five|six|seven|eight|nine|ten|year|month|week|decade)",
                                    ctx.lower[ctx.end:ctx.end + 8]):
        return None
    v = _VAGUE_VALUES.get(w)
    if v is None:
        return None
    if v == "PRESENT_REF":
        a = ctx.anchor
        return "DATE", v, None, (a, a, None) if a else (None, None, None), None
    if v == "PAST_REF":
        return _ref_value(-1, "recent" if w != "the past" else None, ctx.anchor)
    return _ref_value(1, "day" if w == "soon" else None, ctx.anchor)


_HANDLERS = {
    "iso": _h_iso, "isomonth": _h_isomonth, "slash": _h_slash, "rare": _h_rare, "time": _h_time,
    "wd_date": _h_wd_date, "weekof": _h_weekof, "md_range": _h_md_range, "dm_range": _h_dm_range,
    "y_range": _h_y_range, "mdy": _h_mdy, "dmy": _h_dmy, "my": _h_my, "decade": _h_decade,
    "century": _h_century, "quarter": _h_quarter, "qcode": _h_qcode, "half": _h_half,
    "finperiod": _h_finperiod, "finquarter": _h_finquarter, "yearsquarter": _h_yearsquarter, "holiday": _h_holiday,
    "ago": _h_ago, "dayrel": _h_dayrel, "deictic": _h_deictic, "thispod": _h_thispod, "edgepod": _h_edgepod,
    "wd": _h_wd, "weekend": _h_weekend, "durrange": _h_durrange, "duration": _h_duration,
    "reluvague": _h_reluvague, "ahead": _h_ahead, "unitlong": _h_unitlong, "nthwd": _h_nthwd, "bareplural": _h_bareplural, "edgerel": _h_edgerel, "partrel": _h_partrel,
    "yearend": _h_yearend, "relunit": _h_relunit, "theunit": _h_theunit, "season": _h_season,
    "year": _h_year, "yearword": _h_yearword, "month": _h_month, "set": _h_set,
    "vague": _h_vague,
}
assert set(_HANDLERS) == set(_RULE_RES)


# ---------------------------------------------------------------------------
# The tagger
# ---------------------------------------------------------------------------


_NUMBER_WORDS = ("one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
                 "fifteen sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy "
                 "eighty ninety hundred thousand").split()
# Words that can open an expression.  The master regex is only tried where a strong
# word starts, or a weak (common) word followed by a word that can come second.
_STRONG_WORDS = (list(_MONTHS) + list(_WEEKDAYS) + list(_SET_WORDS) + list(_SEASONS) + """
    today tomorrow yesterday tonight overnight now currently current recent recently lately nowadays
    future every each per once twice christmas thanksgiving easter halloween year years year's
    decades centuries months weeks days hours q1 q2 q3 q4 noon midnight midday morning afternoon
    evening night fiscal calendar post pre 1st 2nd 3rd 4th year-earlier year-ago
    minutes seconds
    """.split() + [u + pl + "-long" for u in "hour day week month year decade century".split() for pl in ("", "s")])
_WEAK_WORDS = """
    the a an first second third fourth final last early late mid earlier later this next past
    previous coming following same upcoming prior preceding that these right just more most at
    about around approximately roughly nearly almost some over under only less fewer up no not
    well barely upwards all another its their comparable corresponding latest new election
    independence labor memorial veterans valentine's boxing good several few many couple dozen
    dozens hundreds half
    """.split() + _NUMBER_WORDS
_SECOND_WORDS = [w for w in _STRONG_WORDS + _WEAK_WORDS if w != "the"] + list(_DECADE_WORDS) + """
    ensuing remaining initial entire whole month week day weekend weekends quarter quarters period
    decade century hour minute minutes fortnight beginning start middle end turn rest remainder near
    distant immediate foreseeable short full number flat least than to of in on half additional
    straight consecutive trading business long successive further extra working and or
    """.split()


def _trie_tails(groups) -> str:
    """One alternation factored by prefix for several word lists, each list with the regex that must
    follow its words ([(words, tail), ...]): a word's first letters are read once, whichever list has it."""
    root: dict = {}
    for words, tail in groups:
        for w in words:
            node = root
            for ch in w:
                node = node.setdefault(ch, {})
            tails = node.setdefault("", [])
            if tail not in tails:
                tails.append(tail)

    def build(node) -> str:
        alts = [re.escape(ch) + build(sub) for ch, sub in sorted(node.items()) if ch] + node.get("", [])
        return alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"

    return build(root)


# The master regex starts by consuming the character before the expression (a
# non-word character), so that the engine's fast first-character scan skips the
# inside of words; the text is searched with a space put in front.
# (a weak word's leaf takes the separator after it, a strong word's only looks at it; what follows the trie
# asks for a second word after a separator only, so the second words' trie is written once)
_GUARD = (r"[^\w](?=" + _trie_tails([(_WEAK_WORDS, r"[\s-]"), (_STRONG_WORDS, r"(?![a-z])")])
          + r"(?:(?<=[\s-])(?:(?:" + _trie(_SECOND_WORDS) + r")(?![a-z])|\d|')|(?<![\s-]))"
          + r"|at\sthe\smoment|\d|'\d)")
_CANDIDATE = re.compile(_GUARD)
# Where a candidate starts, only the rules that can begin with its first three characters are tried
# ("monday": the weekday rules, not the 40 others): the rules' possible two-character prefixes are worked
# out from their parsed patterns (on first use), and each prefix's alternation is compiled when first met.
_ALL_RULES = re.compile(_MASTER_ALTS)
_BY_PREFIX: dict[str, re.Pattern | None] = {}
_BY_RULES: dict[tuple[str, ...], re.Pattern] = {}
_PREFIXES: dict[str, frozenset[str]] = {}


def _rules_for(key: str) -> re.Pattern | None:
    """The alternation, in the rules' order, of the rules that can match text starting with ``key`` (three
    ASCII characters); None when none can."""
    if not _PREFIXES:
        _PREFIXES.update({name: _prefixes(_strip_groups(pat)) for name, pat in _RULES})
    heads = ("", key[:1], key[:2], key)  # (a prefix of at most three letters that the key starts with)
    names = tuple(name for name, _ in _RULES if any(h in _PREFIXES[name] for h in heads))
    found = _BY_RULES.get(names)
    if found is None and names:  # (many prefixes share one list of rules: compiled once)
        found = _BY_RULES[names] = re.compile("|".join(f"(?P<{name}>{_strip_groups(pat)})"
                                                       for name, pat in _RULES if name in names))
    _BY_PREFIX[key] = found
    return found


def _prefixes(pattern: str, k: int = 3) -> frozenset[str]:
    """Every string of at most k characters that a match of ``pattern`` can begin with (shorter ones: the
    match may end there or go on with anything). Characters beyond ASCII stand as one sentinel; what the
    analysis cannot bound (a back reference, a conditional group) allows anything."""
    from re import _constants as c
    from re import _parser as parser

    other = "\x80"
    universe = [chr(i) for i in range(128)] + [other]
    classes = {c.CATEGORY_DIGIT: r"\d", c.CATEGORY_NOT_DIGIT: r"\D", c.CATEGORY_SPACE: r"\s",
               c.CATEGORY_NOT_SPACE: r"\S", c.CATEGORY_WORD: r"\w", c.CATEGORY_NOT_WORD: r"\W"}

    def member(items, ch):
        negate = any(op is c.NEGATE for op, _ in items)
        hit = False
        for op, av in items:
            if op is c.LITERAL:
                hit = hit or (chr(av) if av < 128 else other) == ch
            elif op is c.RANGE:
                hit = hit or (av[1] >= 128 if ch == other else av[0] <= ord(ch) <= av[1])
            elif op is c.CATEGORY:
                hit = hit or ch == other or re.match(classes[av], ch) is not None
            elif op is not c.NEGATE:
                return True
        return hit != negate or (negate and ch == other)

    def cat(left, right):
        out = set()
        for x, done in left:
            if not done or len(x) >= k:
                out.add((x[:k], False))
                continue
            for y, done2 in right:
                z = x + y
                out.add((z[:k], done2 and len(z) <= k))
        return out

    def seq(items):
        acc = {("", True)}
        for op, av in items:
            acc = cat(acc, item(op, av))
            if all(not done or len(x) >= k for x, done in acc):
                return {(x[:k], False) for x, _ in acc}
        return acc

    def item(op, av):
        if op is c.LITERAL:
            return {(chr(av) if av < 128 else other, True)}
        if op is c.NOT_LITERAL:
            return {(ch, True) for ch in universe if ch != (chr(av) if av < 128 else other)} | {(other, True)}
        if op is c.ANY:
            return {(ch, True) for ch in universe}
        if op is c.IN:
            return {(ch, True) for ch in universe if member(av, ch)}
        if op in (c.AT, c.ASSERT, c.ASSERT_NOT):
            return {("", True)}  # zero width
        if op is c.SUBPATTERN:
            return seq(av[-1])
        if op is c.ATOMIC_GROUP:
            return seq(av)
        if op is c.BRANCH:
            return set().union(*(seq(alt) for alt in av[1]))
        if op in (c.MAX_REPEAT, c.MIN_REPEAT, c.POSSESSIVE_REPEAT):
            low, high, sub = av
            once, out, acc = seq(sub), set(), {("", True)}
            for i in range(k + 1):
                if i >= low:
                    out |= acc
                if i >= high:
                    break
                acc = cat(acc, once)
            return out | {(x, False) for x, _ in acc}
        return {("", False)}  # anything

    return frozenset(x for x, _ in seq(parser.parse(pattern)))
_RANGE_JOIN = re.compile(r"\s{0,3}(?:-|–|—|to|through|thru|until|till|and)\s{0,3}")


def _coerce_anchor(anchor) -> _dt.date | None:
    if anchor is None:
        return None
    if isinstance(anchor, _dt.datetime):
        return anchor.date()
    if isinstance(anchor, _dt.date):
        return anchor
    if isinstance(anchor, str):
        try:
            return _dt.date.fromisoformat(anchor.strip()[:10])
        except ValueError:
            raise ValueError(f"anchor must be an ISO date 'YYYY-MM-DD', got {anchor!r}") from None
    raise TypeError(f"anchor must be a date, datetime, ISO string or None, not {type(anchor).__name__}")


def _lowered(text: str) -> str:
    low = text.lower()
    if len(low) != len(text):  # a few characters (e.g. 'İ') change length when lowered
        low = "".join(c if len(c.lower()) != 1 else c.lower() for c in text)
    return low


def _scan(text: str, lower: str, anchor: _dt.date | None) -> list[Timex]:
    """Timexes of text and its lower-cased copy, both with one space put in front (the
    offsets of the result are those of the text without it)."""
    ctx = _Ctx(text, lower, anchor)
    out: list[Timex] = []
    pos = 0
    search = _CANDIDATE.search
    by_prefix = _BY_PREFIX
    while True:
        c = search(lower, pos)
        if c is None:
            break
        s = c.end()  # (the candidate's match is the character before the expression)
        key = lower[s:s + 3]
        rules = by_prefix[key] if key in by_prefix else _rules_for(key) if key.isascii() and len(key) == 3 \
            else _ALL_RULES
        m = rules.match(lower, s) if rules is not None else None
        if m is None:
            pos = s
            continue
        e = m.end()
        name = m.lastgroup
        res = None
        g = _RULE_RES[name].match(lower, s)  # same branch, now with its named groups
        if g is not None and g.end() == e:
            ctx.start, ctx.end = s, e
            ctx.comparison = False
            try:
                res = _HANDLERS[name](g, ctx)
            except (ValueError, OverflowError, KeyError, IndexError, AttributeError, TypeError):
                res = None
        if res is None:
            pos = s + 1
            continue
        typ, value, mod, interval, span = res
        after = e  # where the scan goes on: the match's end, or the end of a span cut shorter
        if span is not None:
            s, e = span
            after = min(after, e)
        while e > s and text[e - 1] in " \t\n,":
            e -= 1
        if text.endswith(("'s", "\u2019s"), s, e) and e - s > 3:
            e -= 2  # "Friday's meeting" -> "Friday"
        if e <= s:
            pos = m.end()
            continue
        if interval is None:
            ds, de, prec = _interval(value)
            if mod is not None:
                ds, de = _narrow(ds, de, mod)
        else:
            ds, de, prec = interval
        out.append(Timex(s - 1, e - 1, text[s:e], typ, value, ds, de, prec, mod))
        if prec is not None and typ == "DATE" and ds is not None and not ctx.comparison:
            ctx.coarse = ds
            ctx.year_at = s if prec in ("day", "month") and e - s > 6 else -1  # (its year: checked when used)
            ctx.year_end = e
        pos = max(after, s + 1)
    return out


def _merge_ranges(items: list[Timex], text: str, lower: str) -> list[Timex]:
    """The ends of a range: 'from 2019 to 2021', 'between March and May', 'Monday to
    Wednesday' give two Timexes that carry the range; '2019-2021', 'Monday-Wednesday'
    one Timex (one written token).  A day range read by one rule ("April 24 and 25") is
    cut at its word the same way."""
    out: list[Timex] = []
    prev_end = -100  # (most expressions stand far from the one before: one test, then on)
    for b in items:
        if b.start - prev_end > 12 and (b.precision != "day" or b.date_end == b.date_start):
            out.append(b)
            prev_end = b.end
            continue
        if b.date_end is not None and b.precision == "day" and b.date_end != b.date_start \
                and b.value[:1].isdigit():
            cut = _DAY_RANGE_WORD.search(lower, b.start, b.end)
            if cut is not None:
                whole = (b.date_start, b.date_end)
                out.append(Timex(b.start, cut.start(), text[b.start:cut.start()], b.type, b.value,
                                 b.date_start, b.date_start, "day", None, whole))
                b = Timex(cut.end(), b.end, text[cut.end():b.end], b.type, b.date_end.isoformat(),
                          b.date_end, b.date_end, "day", None, whole)
        a = out[-1] if out else None
        if a is not None and b.start - a.end <= 12 and a.range is None and b.range is None:
            a = out[-1] = _year_from_range_end(a, b, text, lower)
        if (a is not None and a.type == "DATE" and b.type == "DATE" and a.precision and b.precision
                and a.range is None and b.range is None
                and b.date_end is not None and a.date_start < b.date_start
                and b.start - a.end <= 12 and _RANGE_JOIN.fullmatch(lower, a.end, b.start)):
            word = lower[a.end:b.start].strip()
            before = lower[max(0, a.start - 9):a.start]
            if word in ("-", "\u2013", "\u2014"):
                out[-1] = Timex(a.start, b.end, text[a.start:b.end], a.type, a.value,
                                a.date_start, b.date_end, a.precision, None)
                prev_end = b.end
                continue
            if (word == "and" and before.endswith("between ")) or (word != "and" and before.endswith("from ")):
                whole = (a.date_start, b.date_end)
                out[-1] = dataclasses.replace(a, range=whole)
                b = dataclasses.replace(b, range=whole)
        out.append(b)
        prev_end = b.end
    return out


_DAY_BEFORE_AFTER = re.compile(r"(?:(?<![a-z])the\s)?(?<![a-z])day\s(before|after)\s$")


def _day_before_after(items: list[Timex], text: str, lower: str) -> list[Timex]:
    """'the day before last Tuesday's hearing', 'the day after Christmas': one expression, the day
    next to the date named."""
    if "day before" not in lower and "day after" not in lower:
        return items
    out = []
    for t in items:
        if t.type == "DATE" and t.precision == "day" and t.date_start is not None and t.start >= 15:
            m = _DAY_BEFORE_AFTER.search(lower, t.start - 15, t.start)
            if m is not None and (not out or out[-1].end <= m.start()):
                d = t.date_start + (_ONE if m.group(1) == "after" else -_ONE)
                t = Timex(m.start(), t.end, text[m.start():t.end], "DATE", d.isoformat(), d, d, "day", None)
        out.append(t)
    return out


_YEAR_DIGITS = re.compile(r"\d{4}")


def _year_from_range_end(a: Timex, b: Timex, text: str, lower: str) -> Timex:
    """'between August and September 2008', 'from Dec. 28 to Jan. 3, 2010': a month or day with no
    year written takes the year of the range's end (the year before when it comes later in the year)."""
    if not (a.type == b.type == "DATE" and a.precision in ("month", "day") and b.precision in ("month", "day")
            and a.date_start is not None and b.date_start is not None and b.start - a.end <= 12
            and _RANGE_JOIN.fullmatch(lower, a.end, b.start) and not _YEAR_DIGITS.search(a.text)
            and _YEAR_DIGITS.search(b.text)):
        return a
    word = lower[a.end:b.start].strip()
    before = lower[max(0, a.start - 9):a.start]
    if not ((word == "and" and before.endswith("between ")) or (word != "and" and before.endswith("from "))):
        return a
    ds, de = a.date_start, a.date_end
    y = b.date_start.year - ((ds.month, ds.day) > (b.date_start.month, b.date_start.day))
    if y == ds.year:
        return a
    if a.precision == "month":
        start, end = _dt.date(y, ds.month, 1), _month_end(y, ds.month)
        return dataclasses.replace(a, value=f"{y}-{ds.month:02d}", date_start=start, date_end=end)
    day = _safe_date(y, ds.month, ds.day)
    return a if day is None else dataclasses.replace(a, value=day.isoformat(), date_start=day, date_end=day)


_DAY_RANGE_WORD = re.compile(r"\s?(?<![a-z])(?:to|through|until|till|and)\s")


def join_ranges(items: list[Timex], text: str) -> list[Timex]:
    """One Timex for each range ``tag`` gives as its two ends: the text from the first
    end to the last, the first end's value and type, and the whole range as interval."""
    out: list[Timex] = []
    for b in items:
        a = out[-1] if out else None
        if a is not None and b.range is not None and a.range == b.range:
            out[-1] = Timex(a.start, b.end, text[a.start:b.end], a.type, a.value,
                            b.range[0], b.range[1], a.precision, None)
        else:
            out.append(b)
    return out


def tag(text: str, anchor: _dt.date | _dt.datetime | str | None = None) -> list[Timex]:
    """Find the temporal expressions in ``text`` and normalise them against ``anchor``.

    anchor: the publication date (date, datetime or ISO "YYYY-MM-DD").  When None,
    ``infer_anchor(text)`` supplies one if the text allows; otherwise unknown parts
    of values stay X ("XXXX-09-11") and their date_start/date_end are None.

    Returns Timex objects sorted by start, non-overlapping, with
    ``text[t.start:t.end] == t.text``.  Never raises on a str; a non-str raises TypeError.

    >>> [t.value for t in tag("Talks ended on Monday.", anchor="2023-09-13")]
    ['2023-09-11']
    """
    if not isinstance(text, str):
        raise TypeError(f"text must be str, not {type(text).__name__}")
    a = _coerce_anchor(anchor)
    if a is None:
        a = infer_anchor(text)
    lower = _lowered(text)
    return _merge_ranges(_day_before_after(_scan(" " + text, " " + lower, a), text, lower), text, lower)


# ---------------------------------------------------------------------------
# Anchor inference
# ---------------------------------------------------------------------------
_FULL_DATE_RES = (
    re.compile(rf"(?<!\w)(?P<m>{_MON})\s?(?P<d>{_DAY}),?\s(?P<y>{_YEAR})"),
    re.compile(rf"(?<!\w)(?P<d>{_DAY})\s(?:of\s)?(?P<m>{_MON}),?\s(?P<y>{_YEAR})"),
    re.compile(r"(?<![\w\-/.])(?P<y>(?:19|20)\d\d)-(?P<mn>0[1-9]|1[0-2])-(?P<d>[0-3]\d)(?![\w\-/])"),
)
_WD_DATE_SEARCH = re.compile(r"(?<!\w)" + _RULES[[n for n, _ in _RULES].index("wd_date")][1])


def infer_anchor(text: str, *, today: _dt.date | None = None) -> _dt.date | None:
    """The anchor ``tag`` uses when none is given, or None.

    1. A weekday named with a month and day ("Monday (September 11)", "Monday, Sept.
       11") fixes the year: the most recent year, not after ``today``, in which that
       day falls on that weekday (a year written next to it is used as is).
    2. Otherwise a full date with a year in the dateline (the first 300 characters),
       else the first full date with a year anywhere in the text.
    3. Otherwise None.
    ``today`` defaults to the current date (tests pin it).
    """
    if not isinstance(text, str):
        raise TypeError(f"text must be str, not {type(text).__name__}")
    lower = _lowered(text)
    today = today or _dt.date.today()
    if "day" in lower:
        for g in _WD_DATE_SEARCH.finditer(lower):
            if not text[g.start("wd"):g.start("wd") + 1].isupper():
                continue
            mtxt = g["m1"] or g["m2"]
            if not text[g.start("m1") if g["m1"] else g.start("m2")].isupper():
                continue
            m = _month_num(mtxt)
            d = _day_num(g["d1"] or g["d2"])
            wd = _WEEKDAYS[g["wd"]]
            if g["y"]:
                dd = _safe_date(int(g["y"]), m, d)
                if dd is not None:
                    return dd
                continue
            for y in range(today.year, today.year - 30, -1):
                dd = _safe_date(y, m, d)
                if dd is not None and dd <= today and dd.weekday() == wd:
                    return dd
    found = []
    for rx in _FULL_DATE_RES:
        for g in rx.finditer(lower):
            gd = g.groupdict()
            if gd.get("m") is not None:
                if not text[g.start("m")].isupper():
                    continue
                m = _month_num(gd["m"])
            else:
                m = int(gd["mn"])
            dd = _safe_date(int(gd["y"]), m, _day_num(gd["d"]))
            if dd is not None:
                found.append((g.start(), dd))
                break
    if not found:
        return None
    found.sort()
    return found[0][1]
