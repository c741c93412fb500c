"""Split article text into sentences with their character offsets.

News text is not tidy prose: it has abbreviations ("U.S.", "Sept.", "Jr."),
quotations that end sentences inside the quote marks, bullet lists with a
bold label ("Previous Summit: ..."), and page furniture ("Latest news",
"Read more", bylines, share prompts). ``split`` keeps offsets into the
original text so every row can point back at its evidence.
"""
from __future__ import annotations

import dataclasses
import re


@dataclasses.dataclass(frozen=True, slots=True)
class Sentence:
    start: int
    end: int
    text: str
    kind: str  # "text" | "bullet" | "furniture"
    body_start: int  # where the sentence proper begins (after a bullet mark or a "Label:" lead-in)


# Words that end with a period without ending a sentence.
_ABBREVIATIONS = frozenset("""
mr mrs ms dr jr sr st gen col lt sgt capt cpl maj adm cmdr gov sen rep pres prof rev hon amb fr
jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thur thurs fri sat sun
no nos vs etc approx est dept univ inc ltd co corp bros mt ft ave blvd rd
a.m p.m e.g i.e u.s u.k u.n e.u u.s.a d.c
""".split())
# After an acronym with dots ("U.S."), only these words start a new sentence.
_STARTERS = frozenset("""
The A An He She It They We I This That These Those But And Yet So Still However Meanwhile In On At
Its His Her Their Our There Here When While After Before Since As If Although Though Some Many Most
""".split())

_FURNITURE = re.compile(
    r"""^\s*(?:
        (?:latest|related|top|more|breaking|recommended|trending|popular)\s+(?:news|stories|articles|posts|videos?)
      | read\s+(?:more|also|next|the\s+full\s+story)
      | see\s+also | advertisement | sponsored(?:\s+content)? | share(?:\s+this(?:\s+article)?)?(?:\s+on\s+\w+)?
      | (?:follow|like)\s+us\b.* | subscribe\b.* | sign\s+up\b.* | click\s+here\b.* | tags?\s*:.*
      | (?:copyright\b|\u00a9).* | all\s+rights\s+reserved.* | by\s+[A-Z][\w.'-]+(?:\s+[A-Z][\w.'-]+){0,3}
      | (?:photo|image|file\s+photo)\s*:.* | updated\s*:.* | posted\s*:.*
      | print | email | comments? | home | menu | skip\s+to\s+content
    )\s*[.:]?\s*$""",
    re.IGNORECASE | re.VERBOSE,
)
_BULLET = re.compile(r"^\s*(?:[\u2022\u2023\u25aa\u25cf\u00b7\u2043\u2219*\-\u2013\u2014]|\d{1,2}[.)])\s+")
_LABEL = re.compile(r"^([A-Z][\w'’&/ -]{0,60}):\s+")
# a heading in front of running text: a few words, some in lower case ("Movement of forces: On 8 May ...")
_HEADING_LABEL = re.compile(r"^(?=.*\s[a-z])[A-Z][\w'’&/-]*(?:\s+[\w'’&/-]+){0,5}$")
# one-word headings conflict data puts before its notes ("Looting: On 12 July ...": no dateline)
_ONE_WORD_HEADING = frozenset({"Looting", "Arrests", "Attack", "Grenade", "Shelling", "Abduction", "Agreement", "Other",
                               "Riot", "Riots", "Protest", "Protests", "Battle", "Battles", "Explosion", "Explosions"})
# A candidate boundary: terminal punctuation, optional closing quotes/brackets, then space.
# starts only at the first mark of a run and never gives back what it took: linear on "??????..."
_BOUNDARY = re.compile(r"""(?<![.!?])[.!?]++["'\u201d\u2019)\]]*+(?=\s+["'\u201c\u2018(\[]?[A-Z0-9])""")
_NEXT_WORD = re.compile(r"\s+[\"'\u201c\u2018(\[]?(\w+)")  # the word after a boundary, past an opening quote
_DOTTED_ACRONYM = re.compile(r"(?:[a-z]\.)+[a-z]")  # "u.s", "u.s.a" (the final period already taken off)
MAX_SENTENCE = 1000  # characters; longer "sentences" (tables, run-on lines) are cut at spaces


def _is_boundary(text: str, match: re.Match) -> bool:
    end = match.start()
    if text[end] != ".":
        return True
    mark = match.group(0)
    if mark != "." and mark[1:2] in "\"'\u201d\u2019)]":
        return True  # a quotation or bracket closes after the period: the sentence ends with it
    word_start = end
    while word_start > 0 and not text[word_start - 1].isspace() and text[word_start - 1] not in "(\"'\u201c":
        word_start -= 1
    word = text[word_start:end]
    low = word.lower().rstrip(".")
    if "." in word and len(low) <= 5 and _DOTTED_ACRONYM.fullmatch(low):
        # an acronym with dots ends a sentence only when a sentence starter follows
        next_word = _NEXT_WORD.match(text, match.end())
        return (next_word.group(1) if next_word else "") in _STARTERS
    if low in _ABBREVIATIONS:
        return False
    if len(word) == 1 and word.isupper():
        return False  # an initial: "J. Smith"
    return True


def _split_line(text: str, start: int, end: int) -> list[tuple[int, int]]:
    pieces = []
    cursor = start
    for match in _BOUNDARY.finditer(text, start, end):
        if _is_boundary(text, match):
            pieces.append((cursor, match.end()))
            cursor = match.end()
    pieces.append((cursor, end))
    out = []
    for a, b in pieces:
        while a < b and text[a].isspace():
            a += 1
        while b > a and text[b - 1].isspace():
            b -= 1
        while b - a > MAX_SENTENCE:
            # not prose: cut at the last space before the limit so that per-sentence work stays bounded
            cut = text.rfind(" ", a + MAX_SENTENCE // 2, a + MAX_SENTENCE)
            cut = cut if cut > a else a + MAX_SENTENCE
            out.append((a, cut))
            a = cut
            while a < b and text[a].isspace():
                a += 1
        if a < b:
            out.append((a, b))
    return out


def split(text: str) -> list[Sentence]:
    """Sentences of ``text`` in order, each with its offsets and kind."""
    sentences: list[Sentence] = []
    pos = 0
    for line in text.splitlines(keepends=True):
        line_start, line_end = pos, pos + len(line.rstrip("\r\n"))
        pos += len(line)
        body = text[line_start:line_end]
        if not body.strip():
            continue
        if _FURNITURE.match(body):
            a = line_start + len(body) - len(body.lstrip())
            sentences.append(Sentence(a, line_end - (len(body) - len(body.rstrip())), body.strip(), "furniture", a))
            continue
        kind, offset = "text", 0
        bullet = _BULLET.match(body)
        if bullet:
            kind, offset = "bullet", bullet.end()
        label = _LABEL.match(body[offset:])
        if label and kind != "bullet" and not _HEADING_LABEL.match(label.group(1)) \
                and label.group(1).split("/")[0] not in _ONE_WORD_HEADING:
            label = None  # "New Delhi: Prime Minister ..." is a dateline, not a heading
        lead = offset + (label.end() if label else 0)
        for i, (a, b) in enumerate(_split_line(text, line_start + offset, line_end)):
            body_start = line_start + lead if i == 0 and label else a
            sentences.append(Sentence(a, b, text[a:b], kind, max(a, min(body_start, b))))
    return sentences
