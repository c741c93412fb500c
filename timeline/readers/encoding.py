"""Bytes -> str: BOMs, UTF-8, UTF-16, Windows-1252/Latin-1 and the rest (charset-normalizer).

Short Western-European texts are where detectors go wrong (charset-normalizer
alone reads "Café" in Windows-1252 as Slovak cp775), so Windows-1252 wins
whenever it is among the plausible candidates. Latin-1 is read as
Windows-1252, as browsers do: the two differ only in 0x80-0x9F, which
Latin-1 fills with control characters no text means.
"""
from __future__ import annotations

import codecs
import re

from timeline.readers.base import Unreadable

BINARY = "binary file, not text"

# Magic numbers of formats that are never text (ZIP is sniffed before this).
_BINARY_MAGIC = (
    b"\x89PNG", b"\xff\xd8\xff", b"GIF8", b"%PDF", b"\x1f\x8b", b"BZh", b"\xfd7zXZ",
    b"7z\xbc\xaf", b"Rar!", b"\xd0\xcf\x11\xe0", b"\x7fELF", b"MZ", b"OggS", b"ID3",
    b"RIFF", b"\x00\x00\x01\x00", b"wOFF", b"wOF2", b"SQLite format 3",
)
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_TYPOGRAPHY = set("–—‘’‚“”„…€£¥¢©®°±·«»¿¡§¶•™×÷¹²³¼½¾ªº´¨¸¯ ")
_JOINERS = set("’‘–—…·")     # signs that do stand between letters: "Don’t", "talks—then"


def decode(data: bytes, declared: str | None = None) -> str:
    """Decode *data* to text with ``\\n`` newlines; raise Unreadable for binary data.

    *declared* is the charset the input names for itself (an HTTP header, an
    HTML ``<meta charset>``): it is used when the bytes are not UTF-8 and it
    decodes them; Latin-1 and ASCII labels mean Windows-1252, as in browsers.
    """
    if not data.strip():
        raise Unreadable("file is empty")
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return _finish(data[len(bom):].decode(encoding))
            except UnicodeDecodeError as err:
                raise Unreadable(f"not valid {encoding.upper()} despite its byte order mark "
                                 f"(byte {err.start + len(bom)})") from None
    if data.startswith(_BINARY_MAGIC):
        raise Unreadable(BINARY)
    if b"\x00" in data:
        data = _without_nuls(data)
        if isinstance(data, str):
            return _finish(data)
    try:
        return _finish(data.decode("utf-8"))
    except UnicodeDecodeError:
        pass
    declared = _codec(declared)
    if declared and declared != "utf-8":
        try:
            return _finish(_cp1252(data) if declared == "cp1252" else data.decode(declared))
        except (UnicodeDecodeError, LookupError):
            pass
    return _finish(_decode_legacy(data))


def _codec(label: str | None) -> str | None:
    if not label:
        return None
    try:
        name = codecs.lookup(label.strip().strip("\"'")).name
    except LookupError:
        return None
    return "cp1252" if name in ("latin-1", "iso8859-1", "ascii", "cp1252") else name


def _without_nuls(data: bytes) -> bytes | str:
    """UTF-16 without a BOM, stray NUL bytes (dropped) or binary (raises)."""
    head = data[:4096]
    even, odd = head[0::2], head[1::2]
    codec = None
    if len(head) >= 16:                        # too few bytes to tell UTF-16 from noise
        if odd.count(0) > 0.6 * len(odd) and even.count(0) < 0.1 * len(even):
            codec = "utf-16-le"
        elif even.count(0) > 0.6 * len(even) and odd.count(0) < 0.1 * len(odd):
            codec = "utf-16-be"
    if codec:
        try:
            return data.decode(codec)
        except UnicodeDecodeError:
            raise Unreadable(BINARY) from None
    stripped = data.rstrip(b"\x00")            # zero padding after a truncated copy
    if stripped.count(0) > max(2, len(stripped) // 1000):
        raise Unreadable(BINARY)
    return stripped.replace(b"\x00", b"")


def _decode_legacy(data: bytes) -> str:
    from charset_normalizer import from_bytes

    results = from_bytes(data[:200_000])
    best = results.best()
    if _plausible_cp1252(data):
        return _cp1252(data)
    if best is None:
        raise Unreadable(BINARY)
    try:
        return data.decode(best.encoding)
    except (UnicodeDecodeError, LookupError):
        raise Unreadable(BINARY) from None


def _cp1252(data: bytes) -> str:
    # The five bytes Windows-1252 leaves undefined fall back to Latin-1.
    return data.decode("cp1252", errors="_timeline_latin1")


def _latin1_fallback(err: UnicodeDecodeError):
    return err.object[err.start:err.end].decode("latin-1"), err.end


codecs.register_error("_timeline_latin1", _latin1_fallback)


def _plausible_cp1252(data: bytes) -> bool:
    """Few high bytes, each a Latin letter or a typographic sign outside words."""
    text = _cp1252(data[:200_000])
    high = [c for c in text if ord(c) >= 0x80]
    # Western words mix accented and plain letters ("été", "Zürich"); a word of three or
    # more letters all past 0x7F ("Ïðåçèäåíò") is Cyrillic, Greek ... in another code page.
    words = [w for w in re.findall(r"[^\W\d_]+", text) if any(ord(c) >= 0x80 for c in w)]
    foreign = [w for w in words if len(w) >= 3 and all(ord(c) >= 0x80 for c in w)]
    if len(foreign) > 0.2 * len(words):
        return False
    if not all(c.isalpha() and ord(c) < 0x250 or c in _TYPOGRAPHY for c in high):
        return False
    # "odby³o", "£odzi": a sign inside a word is another code page's letter.
    padded = f" {text} "
    for i, c in enumerate(padded):
        if ord(c) < 0x80 or c.isalpha() or c in _JOINERS:
            continue
        before, after = padded[i - 1].isalpha(), padded[i + 1].isalpha()
        if (before and after) or (c in "£€¥¢" and after):
            return False
    return True


def _finish(text: str) -> str:
    text = text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    if "\x00" in text:
        raise Unreadable(BINARY)
    controls = sum(1 for c in text[:100_000] if ord(c) < 32 and c not in "\n\t\f\v")
    if controls > max(2, len(text[:100_000]) // 100):
        raise Unreadable(BINARY)
    if not text.strip():
        raise Unreadable("file is empty")
    return text
