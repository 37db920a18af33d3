"""Bytes as found in the wild -> clean text: UTF-8, UTF-16 or UTF-32 (with or without BOM) or a legacy encoding.

Legacy encodings (Windows-1250 and others) are detected with charset-normalizer.
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

from charset_normalizer import from_bytes

from archive_core.errors import content_error
from archive_core.text import NONCHARACTERS, NOT_XML
from archive_core.wide_text import decode_wide

MAX_SOURCE_BYTES = 5_000_000
# No-break and other fixed-width spaces become ordinary spaces; zero-width characters go.
_SPACES = re.compile(r"[\u00a0\u2007\u202f]")
_INVISIBLE = re.compile(r"[\u200b\u2060\ufeff]")
# The zero-width non-joiner and joiner are spelling in the scripts that use them (a Persian name, `علی‌رضا`, an
# emoji of several people): kept between two such characters; between Latin letters, or beside a space, they are
# what a web page left in the text, and go.
_JOINERS = re.compile(r"[\u200c\u200d]+")
# DEL, the C1 controls and the noncharacters are no text, as the C0 ones XML cannot hold are not; NEL (U+0085) is a
# space between words (HTML forbids every C1 control, so `make check` refuses NEL in a file).
_DEL_AND_C1 = re.compile(f"[\x7f-\x84\x86-\x9f{NONCHARACTERS}]")


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
    return composed(without_controls(visible(text)))


def visible(text: str) -> str:
    """`text` with fixed-width spaces as spaces, and without the invisible characters web pages leave in it. A
    saved page's text again once its entities are read: `&zwnj;` is one such character, written otherwise."""
    return _JOINERS.sub(_joiners_of_the_script, _INVISIBLE.sub("", _SPACES.sub(" ", text)))


def _joiners_of_the_script(match: re.Match[str]) -> str:
    text, start, end = match.string, match.start(), match.end()
    if start == 0 or end == len(text):
        return ""
    return match.group() if _joins(text[start - 1]) and _joins(text[end]) else ""


def _joins(character: str) -> bool:
    """A character of a script that writes joiners: not ASCII, not Latin, not a space or a punctuation mark."""
    if character.isascii() or character.isspace() or unicodedata.category(character)[0] in "PZC":
        return False
    return not unicodedata.name(character, "").startswith("LATIN")


def without_controls(text: str) -> str:
    """`text` without the controls no reader sees (all but tab and the line ends), NEL a space, as it parts words."""
    return _DEL_AND_C1.sub("", NOT_XML.sub("", text)).replace("\x85", " ")


def composed(text: str) -> str:
    """`text` with its accents composed (NFC), as typed text and the archive's files are: a page saved decomposed
    (`Co\u0302te`, as macOS's file names and some publishers' systems write) was imported as it was, its countries
    went unnoticed (`Côte d’Ivoire`, `Việt Nam`) and a search typed with composed letters did not find its words."""
    return unicodedata.normalize("NFC", text)


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
    if _implausible(text):
        text = min([text, *_latin_decodings(data)], key=_implausible)
    if not _mostly_latin(text):
        raise content_error(
            path,
            None,
            "file",
            f"the source is not UTF-8, and read as {match.encoding} it is not Polish or English text",
            "save it as UTF-8 text and import that file",
        )
    return text


# charset-normalizer's guess among the one-byte encodings is often wrong for Polish: it read ISO-8859-2 as
# ISO-8859-3 (`źródło` as `ĵród³o`), as Windows-1250 (`łódź` as `łódĽ`) or as Windows-1257, and a short Windows-1250
# text as Windows-1252, each decoding every byte: the article was imported with its letters wrong. Its guess is
# kept unless it holds what no text in a European language does, and then the likeliest of the encodings Polish
# and English text come in is taken instead (Czech in Windows-1250 and Spanish in Windows-1252 stay as guessed).
_CANDIDATES = ("cp1250", "iso8859_2", "cp1252")  # Polish (Windows, then ISO), English (Windows)
_POLISH_LETTERS = "ąćęłńóśźżĄĆĘŁŃÓŚŹŻ"
# Letters of Polish alone (ó and ć are Czech, Slovak, Croatian... too): a word with one of them and a letter from
# beyond Polish's alphabet (`łódĽ`, `Espańa`) is a byte read in the wrong encoding.
_ONLY_POLISH = re.compile(r"\w*[ąęłńśźżĄĘŁŃŚŹŻ]\w*")
_NOT_POLISH = re.compile(rf"[^\x00-\x7f{_POLISH_LETTERS}]")
_TYPOGRAPHY = frozenset("„”“‘’‚–—…«»·°§€£©®™•¿¡\u00a0")


def _unexpected(ch: str) -> bool:
    """A character no text in a European language written in Latin letters holds: not ASCII, not a letter of
    Latin-1 or Latin Extended-A (nor Romanian's ș and ț), not typography (`³`, `¶`, `±`, a C1 control)."""
    if ch <= "\x7f" or ch in _TYPOGRAPHY:
        return False
    return not ("\u00c0" <= ch <= "\u017f" or "\u0218" <= ch <= "\u021b") or ch in "\u00d7\u00f7"


def _implausible(text: str) -> tuple[int, int]:
    """How unlikely `text` is as read: its unexpected characters and its words that mix letters of Polish alone
    with letters Polish does not have; (0, 0) for a plausible text."""
    unexpected = sum(1 for ch in text if _unexpected(ch))
    mixed = sum(1 for word in _ONLY_POLISH.findall(text) if _NOT_POLISH.search(word))
    return unexpected, mixed


def _latin_decodings(data: bytes) -> list[str]:
    texts = []
    for encoding in _CANDIDATES:
        try:
            texts.append(data.decode(encoding))
        except UnicodeDecodeError:  # Windows-1250 and -1252 leave a few bytes undefined
            continue
    return texts


def _mostly_latin(text: str) -> bool:
    """A guessed legacy encoding is right only if the letters come out in Latin script."""
    letters = [ch for ch in text if ch.isalpha()]
    latin = sum(1 for ch in letters if unicodedata.name(ch, "").startswith("LATIN"))
    return bool(letters) and latin >= 0.9 * len(letters)


def _looks_binary(text: str) -> bool:
    """Control characters other than tab, newline, carriage return and form feed mean binary data."""
    controls = sum(1 for ch in text if ord(ch) < 32 and ch not in "\t\n\r\f")
    return controls > max(2, len(text) // 200)
