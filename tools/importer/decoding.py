"""Bytes as found in the wild -> clean text: UTF-8, UTF-16 or UTF-32 (with or without BOM) or a legacy encoding.

Legacy encodings (Windows-1250 and others) are detected with charset-normalizer.
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

from charset_normalizer import from_bytes

from archive_core.errors import content_error
from archive_core.text import NOT_XML
from archive_core.wide_text import decode_wide

MAX_SOURCE_BYTES = 5_000_000
# No-break and other fixed-width spaces become ordinary spaces; zero-width characters go.
_SPACES = re.compile(r"[\u00a0\u2007\u202f]")
_INVISIBLE = re.compile(r"[\u200b\u200c\u200d\u2060\ufeff]")


def decode(path: Path, data: bytes) -> str:
    """The text of `data`, with `\\n` line ends; ContentError naming `path` if it is not text."""
    if not data.strip():
        raise content_error(path, None, "file", "the source is empty", "give the file that holds the article's text")
    if len(data) > MAX_SOURCE_BYTES:
        raise content_error(
            path, None, "file", f"the source is larger than {MAX_SOURCE_BYTES} bytes", "is it really one article?"
        )
    wide = decode_wide(data)
    text = wide[1] if wide else None
    if text is None and b"\x00" in data:
        raise content_error(
            path, None, "file", "the source is binary, not text", "give a text file or a saved HTML page (.txt, .html)"
        )
    if text is None:
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            text = _decode_legacy(path, data)
    if _looks_binary(text):
        raise content_error(
            path, None, "file", "the source is binary, not text", "give a text file or a saved HTML page (.txt, .html)"
        )
    return normalize(text)


def normalize(text: str) -> str:
    text = text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    text = text.replace("\v", "\n").replace("\f", "\n")  # line and page breaks
    return NOT_XML.sub("", _INVISIBLE.sub("", _SPACES.sub(" ", text)))  # other controls are no text


def _decode_legacy(path: Path, data: bytes) -> str:
    match = from_bytes(data).best()
    if match is None:
        raise content_error(
            path,
            None,
            "file",
            "the source's encoding cannot be recognised",
            "save it as UTF-8 text and import that file",
        )
    text = str(match)
    if match.encoding in _LATIN_GUESSES:
        text = _likeliest_latin(data)
    if not _mostly_latin(text):
        raise content_error(
            path,
            None,
            "file",
            f"the source is not UTF-8, and read as {match.encoding} it is not Polish or English text",
            "save it as UTF-8 text and import that file",
        )
    return text


# charset-normalizer's guess among the one-byte Latin encodings is often wrong for Polish: it read ISO-8859-2 as
# ISO-8859-3 (`źródło` as `ĵród³o`) or as Windows-1250 (`łódź` as `łódĽ`), and a short Windows-1250 text as
# Windows-1252, each decoding every byte and in Latin letters: the article was imported with its letters wrong.
_LATIN_GUESSES = frozenset({"cp1250", "iso8859_2", "cp1252", "latin_1", "iso8859_3", "iso8859_4", "iso8859_9",
                            "iso8859_10", "iso8859_13", "iso8859_14", "iso8859_15", "iso8859_16", "mac_latin2",
                            "mac_roman", "cp850", "cp852"})  # fmt: skip
_CANDIDATES = ("cp1250", "iso8859_2", "cp1252")  # Polish (Windows, then ISO), English (Windows)
_POLISH_LETTERS = frozenset("ąćęłńóśźżĄĆĘŁŃÓŚŹŻ")
# What Polish and English text holds beyond ASCII: its letters, those of Western names (é, ü, ñ) and the signs of
# its typography. Anything else in a decoding (`±`, `¶`, `Ľ`, a C1 control) is a byte read in the wrong encoding.
_EXPECTED = _POLISH_LETTERS | frozenset(
    "àáâãäåæçèéêëìíîïñòôõöøùúûüýÿÀÁÂÃÄÅÆÇÈÉÊËÌÍÎÏÑÒÔÕÖØÙÚÛÜÝßœŒ„”“‘’‚–—…«»·°§€£©®™•\u00a0"
)


def _likeliest_latin(data: bytes) -> str:
    """The decoding, of `_CANDIDATES`, with the fewest characters Polish and English text does not hold, then the
    most Polish letters."""

    def score(text: str) -> tuple[int, int]:
        unexpected = sum(1 for ch in text if ch > "\x7f" and ch not in _EXPECTED)
        return unexpected, -sum(1 for ch in text if ch in _POLISH_LETTERS)

    texts = []
    for encoding in _CANDIDATES:
        try:
            texts.append(data.decode(encoding))
        except UnicodeDecodeError:  # Windows-1250 and -1252 leave a few bytes undefined
            continue
    return min(texts, key=score)


def _mostly_latin(text: str) -> bool:
    """A guessed legacy encoding is right only if the letters come out in Latin script."""
    letters = [ch for ch in text if ch.isalpha()]
    latin = sum(1 for ch in letters if unicodedata.name(ch, "").startswith("LATIN"))
    return bool(letters) and latin >= 0.9 * len(letters)


def _looks_binary(text: str) -> bool:
    """Control characters other than tab, newline, carriage return and form feed mean binary data."""
    controls = sum(1 for ch in text if ord(ch) < 32 and ch not in "\t\n\r\f")
    return controls > max(2, len(text) // 200)
