"""An article's text as HTML with every extracted date, actor, place and trigger marked. Pure, no Streamlit.

All article text is escaped here, so the result is safe to hand to
``st.markdown(..., unsafe_allow_html=True)``: markup in an article shows as text.
"""
from __future__ import annotations

import html
import json

import pandas as pd

# field of the spans JSON -> (label shown in the legend, CSS class)
FIELDS = {
    "trigger": ("event words", "hl-trigger"),
    "date": ("date", "hl-date"),
    "actor1": ("actor", "hl-actor"),
    "actor2": ("actor", "hl-actor"),
    "location": ("place", "hl-place"),
    "reported_by": ("reported by", "hl-source"),
}
PRIORITY = ["trigger", "date", "location", "actor1", "actor2", "reported_by"]  # first wins on overlap
CSS = """<style>
.tl-article {line-height: 1.75; font-size: 0.97rem; white-space: pre-wrap; max-height: 720px; overflow-y: auto;
  padding: 0.6rem 0.9rem; border: 1px solid #ddd; border-radius: 6px; background: #fff;}
.tl-article mark {padding: 0 2px; border-radius: 3px; color: inherit;}
.tl-article .hl-trigger {background: #ffd6a5; font-weight: 600;}
.tl-article .hl-date {background: #caffbf;}
.tl-article .hl-actor {background: #a0c4ff;}
.tl-article .hl-place {background: #ffc6ff;}
.tl-article .hl-source {background: #e0e0e0;}
.tl-article .ev {border-bottom: 2px solid #ff7f0e;}
.tl-article sup.ev-n {color: #fff; background: #ff7f0e; border-radius: 8px; padding: 0 4px; font-size: 0.7rem;
  margin-left: 2px;}
.tl-legend mark {padding: 0 4px; border-radius: 3px; margin-right: 6px;}
.tl-legend .hl-trigger {background: #ffd6a5;} .tl-legend .hl-date {background: #caffbf;}
.tl-legend .hl-actor {background: #a0c4ff;} .tl-legend .hl-place {background: #ffc6ff;}
.tl-legend .hl-source {background: #e0e0e0;}
</style>"""
LEGEND = ('<div class="tl-legend"><mark class="hl-trigger">event words</mark><mark class="hl-date">date</mark>'
          '<mark class="hl-actor">actor</mark><mark class="hl-place">place</mark>'
          '<mark class="hl-source">reported by</mark> numbered, underlined sentences: the rows beside</div>')


def _locate(text: str, sentence: str, start) -> int | None:
    """Where a row's evidence sentence stands in ``text``: at its recorded offset, else wherever it is found
    (a merged row's sentence may come from another article), else None."""
    base = int(start)
    if text[base:base + len(sentence)] == sentence:
        return base
    base = text.find(sentence)
    return base if base >= 0 else None


def spans_of(rows: pd.DataFrame, text: str) -> list[tuple[int, int, str]]:
    """Absolute (start, end, field) spans of the rows' evidence inside ``text``; spans whose words
    are not where the row says they are (another article's sentence) are left out."""
    found = set()
    for sentence, start, spans in zip(rows["sentence"], rows["sentence_start"], rows["spans"]):
        if not isinstance(sentence, str) or not isinstance(spans, str):
            continue
        base = _locate(text, sentence, start)
        if base is None:
            continue
        try:
            fields = json.loads(spans)
        except ValueError:
            continue
        for field, pair in fields.items():
            if field in FIELDS and isinstance(pair, list) and len(pair) == 2:
                s, e = int(pair[0]), int(pair[1])
                if 0 <= s < e <= len(sentence):
                    found.add((base + s, base + e, field))
    return sorted(found)


def sentences_of(rows: pd.DataFrame, text: str) -> list[tuple[int, int, int]]:
    """(start, end, number) of each row's evidence sentence in ``text``, numbered 1.. in row order."""
    out = []
    for n, (sentence, start) in enumerate(zip(rows["sentence"], rows["sentence_start"]), 1):
        if not isinstance(sentence, str):
            continue
        base = _locate(text, sentence, start)
        if base is None:
            continue
        out.append((base, base + len(sentence), n))
    return out


def article_html(text: str, spans: list[tuple[int, int, str]],
                 sentences: list[tuple[int, int, int]] = ()) -> str:
    """``text`` escaped, each span wrapped in <mark class=...> (the higher-priority field wins where
    spans overlap), each numbered sentence underlined with its number after it."""
    n = len(text)
    field_at: list[str | None] = [None] * n
    rank = {f: i for i, f in enumerate(PRIORITY)}
    for start, end, field in sorted(spans, key=lambda s: -rank.get(s[2], 99)):
        for i in range(max(0, start), min(n, end)):
            field_at[i] = field
    numbers_at: dict[int, list[int]] = {}
    in_sentence = [False] * n
    for start, end, number in sentences:
        for i in range(max(0, start), min(n, end)):
            in_sentence[i] = True
        numbers_at.setdefault(min(n, end), []).append(number)
    out = []
    i = 0
    while i <= n:
        if i in numbers_at:
            out.append("".join(f'<sup class="ev-n">{k}</sup>' for k in sorted(set(numbers_at[i]))))
        if i == n:
            break
        j = i + 1
        while j < n and field_at[j] == field_at[i] and in_sentence[j] == in_sentence[i] and j not in numbers_at:
            j += 1
        chunk = html.escape(text[i:j])
        if field_at[i]:
            label, css = FIELDS[field_at[i]]
            chunk = f'<mark class="{css}" title="{label}">{chunk}</mark>'
        if in_sentence[i]:
            chunk = f'<span class="ev">{chunk}</span>'
        out.append(chunk)
        i = j
    return f'<div class="tl-article">{"".join(out)}</div>'
