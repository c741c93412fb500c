"""Text side of the gazetteer matcher: the one-to-one normalisation that keys and texts share, the
case rule of an alias, and a pure-Python stand-in for pyahocorasick."""
from __future__ import annotations

import re
import unicodedata

_ASCII_TABLE = bytes((b + 32 if 65 <= b <= 90 else b) if (48 <= b <= 57 or 65 <= b <= 90 or 97 <= b <= 122)
                     else 32 for b in range(256))
_FOLD_CACHE: dict[str, int] = {}
_SPECIAL_FOLD = {"ı": "i", "ł": "l", "Ł": "l", "ø": "o", "Ø": "o", "đ": "d", "Đ": "d", "æ": "a", "Æ": "a",
                 "ß": "s", "œ": "o", "Œ": "o", "ð": "d", "þ": "t", "ʻ": " ", "ʼ": " "}
_NON_ASCII = re.compile(r"[^\x00-\x7f]")


def _fold_char(ch: str) -> int:
    code = _FOLD_CACHE.get(ch)
    if code is None:
        base = _SPECIAL_FOLD.get(ch)
        if base is None:
            base = unicodedata.normalize("NFKD", ch)[:1].lower()
        code = ord(base) if base and base.isascii() and base.isalnum() else 32
        _FOLD_CACHE[ch] = code
    return code


def normalise(text: str) -> str:
    """Lower-case, accents folded, every non-alphanumeric character a space: same length as text."""
    if text.isascii():
        return text.encode("ascii").translate(_ASCII_TABLE).decode("ascii")
    raw = bytearray(text.encode("ascii", "replace"))
    for m in _NON_ASCII.finditer(text):
        raw[m.start()] = _fold_char(m.group())
    return raw.translate(_ASCII_TABLE).decode("ascii")


def _upper_offsets(alias: str) -> tuple[int, ...]:
    """Offsets in alias whose character must be upper-case in the text.

    The first letter of each capitalised word; every letter of a short acronym (US, UN, AP)."""
    out = []
    for m in re.finditer(r"[^\W_]+", alias):
        w = m.group()
        if not w[0].isupper():
            continue
        if w.isupper() and 2 <= len(w) <= 3 and w.isalpha():
            out.extend(range(m.start(), m.end()))
        elif not w.isupper() and any(c.isupper() for c in w[1:]):   # LeT, JeM, McCain
            out.extend(m.start() + i for i, c in enumerate(w) if c.isupper())
        else:
            out.append(m.start())
    return tuple(out)



class _PyAutomaton:
    """Stand-in for pyahocorasick's Automaton, restricted to what the gazetteer uses: keys start with a
    space, and iter_long(norm, pos) yields (end_index, value) of the longest key at each word start."""

    def __init__(self) -> None:
        self._d: dict[str, object] = {}
        self._longest = 0

    def add_word(self, key: str, value) -> None:
        self._d[key] = value
        self._longest = max(self._longest, len(key))

    def make_automaton(self) -> None:
        pass

    def iter_long(self, norm: str, pos: int = 0):
        d, longest, n = self._d, self._longest, len(norm)
        i = norm.find(" ", pos)
        while 0 <= i < n - 1:
            if norm[i + 1] == " ":
                i += 1
                continue
            best = None
            j = norm.find(" ", i + 1)
            while j != -1 and j - i <= longest:
                v = d.get(norm[i:j])
                if v is not None:
                    best = (j - 1, v)
                j = norm.find(" ", j + 1)
            if best is not None:
                yield best
                i = best[0] + 1
            else:
                i = norm.find(" ", i + 1)


class _PyAhoCorasick:
    Automaton = _PyAutomaton


