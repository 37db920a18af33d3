"""What the text of content may hold: characters XML 1.0 allows, and none of the search index's markers.

Feeds and the sitemap are XML 1.0, which cannot hold C0 control characters
(but tab and line ends), U+FFFE or U+FFFF: one in a title breaks them. The
built pages steer Pagefind and the search plugin with attributes named
`data-pagefind-*` and `data-search-*`; a page whose text spells one could be
taken for a page that has it. Every plugin and template uses only attribute
names with these prefixes for the search (tests/test_security_text.py checks
it), so refusing them in content keeps every such marker the site's own.

A whole file is checked as bytes (`bytes_problem`: C-speed scans, no regular
expression over the decoded text), a value as text (`text_problem`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")
RESERVED = re.compile(r"data-(?:pagefind|search)-", re.IGNORECASE)
_MARKERS = (b"data-pagefind-", b"data-search-")
_CONTROLS = bytes(c for c in range(32) if c not in (9, 10, 13))
_NOT_CONTROLS = bytes(c for c in range(256) if c not in _CONTROLS)
_NONCHARACTER_START = b"\xef\xbf"  # U+FFFE and U+FFFF in UTF-8: EF BF BE, EF BF BF


@dataclass(frozen=True)
class TextProblem:
    offset: int  # in the text (or bytes) checked
    message: str
    hint: str


def _control(offset: int, code: int) -> TextProblem:
    return TextProblem(
        offset,
        f"holds the control character U+{code:04X}, which feeds and the sitemap cannot carry",
        "delete it: it is invisible, retype the text around it",
    )


def _marker(offset: int, spelt: str) -> TextProblem:
    return TextProblem(
        offset,
        f"holds {spelt!r}, the prefix of the search index's own markers",
        "write it without the hyphens, or in other words",
    )


def text_problem(text: str) -> TextProblem | None:
    """The first thing in `text` that content may not hold, or None."""
    if match := NOT_XML.search(text):
        return _control(match.start(), ord(match.group()))
    if match := RESERVED.search(text):
        return _marker(match.start(), match.group())
    return None


def bytes_problem(data: bytes) -> TextProblem | None:
    """`text_problem` for the UTF-8 bytes of a whole file (offsets in bytes)."""
    found: list[TextProblem] = []
    if controls := data.translate(None, _NOT_CONTROLS):
        offset = data.index(controls[:1])
        found.append(_control(offset, controls[0]))
    offset = data.find(_NONCHARACTER_START)
    while offset >= 0:
        if data[offset + 2 : offset + 3] in (b"\xbe", b"\xbf"):
            found.append(_control(offset, 0xFFFE + (data[offset + 2] == 0xBF)))
            break
        offset = data.find(_NONCHARACTER_START, offset + 1)
    lowered = data.lower()  # ASCII letters only: offsets stay
    for marker in _MARKERS:
        if (offset := lowered.find(marker)) >= 0:
            found.append(_marker(offset, data[offset : offset + len(marker)].decode("ascii")))
    return min(found, key=lambda problem: problem.offset) if found else None


def line_of(text: str | bytes, offset: int) -> int:
    """1-based line of `offset` in `text`."""
    return text.count("\n" if isinstance(text, str) else b"\n", 0, offset) + 1
