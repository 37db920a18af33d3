"""What the text of content may hold: characters XML 1.0 allows, and none of the search index's markers.

Feeds and the sitemap are XML 1.0, which cannot hold C0 control characters
(but tab and line ends), U+FFFE or U+FFFF: one in a title breaks them. The
built pages steer Pagefind and the search plugin with attributes named
`data-pagefind-*` and `data-search-*`; a page whose text spells one could be
taken for a page that has it. Every plugin and template uses only attribute
names with these prefixes for the search (tests/test_security_text.py checks
it), so refusing them in content keeps every such marker the site's own.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")
RESERVED = re.compile(r"data-(?:pagefind|search)-", re.IGNORECASE)


@dataclass(frozen=True)
class TextProblem:
    offset: int  # in the text checked
    message: str
    hint: str


def text_problem(text: str) -> TextProblem | None:
    """The first thing in `text` that content may not hold, or None."""
    if match := NOT_XML.search(text):
        return TextProblem(
            match.start(),
            f"holds the control character U+{ord(match.group()):04X}, which feeds and the sitemap cannot carry",
            "delete it: it is invisible, retype the text around it",
        )
    if match := RESERVED.search(text):
        return TextProblem(
            match.start(),
            f"holds {match.group()!r}, the prefix of the search index's own markers",
            "write it without the hyphens, or in other words",
        )
    return None


def line_of(text: str, offset: int) -> int:
    """1-based line of `offset` in `text`."""
    return text.count("\n", 0, offset) + 1
