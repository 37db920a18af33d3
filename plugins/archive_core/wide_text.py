"""UTF-16 and UTF-32 text (what Windows Notepad saves as "Unicode"), told from binary data by its BOM, or
without one (Latin text) by decoding strictly to text with no control, unassigned or private character.
Content files must be UTF-8 and are refused naming the encoding they are in; the importer reads such a
source as the text it is."""

from __future__ import annotations

import codecs
import unicodedata

# UTF-32 first: its little-endian BOM starts with UTF-16's.
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_WITHOUT_BOM = ("utf-32-le", "utf-32-be", "utf-16-le", "utf-16-be")


def decode_wide(data: bytes) -> tuple[str, str] | None:
    """(encoding, text without its BOM) for UTF-16 or UTF-32 `data`; None for anything else, UTF-8 included."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            text = _strict(data[len(bom) :], encoding)
            return (encoding, text) if text is not None else None
    # Without a BOM, only text that is mostly Latin letters, digits and punctuation is told: each is a NUL byte
    # and one other in UTF-16, three NULs and one in UTF-32. A stray NUL in UTF-8 text is not UTF-16.
    if data.count(b"\x00") * 4 < len(data):
        return None
    for encoding in _WITHOUT_BOM:
        text = _strict(data, encoding)
        if text is not None and _printable(text):
            return encoding, text
    return None


def _strict(data: bytes, encoding: str) -> str | None:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError:
        return None


def _printable(text: str) -> bool:
    """No control character but line ends and tabs, nothing unassigned or private: what binary data decodes to."""
    return all(ch in "\t\n\r\f" or unicodedata.category(ch) not in ("Cc", "Cn", "Co", "Cs") for ch in text)
