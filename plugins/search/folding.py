"""Extra search terms for letters that Unicode cannot fold, so that "Lodz" finds "Łódź".

Pagefind folds accents by Unicode decomposition: "ą" is "a" plus a combining
ogonek, so "wlaczenie" finds "wlączenie". Letters such as "ł", "đ" or "ø"
have no decomposition, so Pagefind keeps them: "Bialorus" does not find
"Białoruś". For every word of a page that still has such a letter after
Pagefind's own folding, this module gives its ASCII form (Unidecode), which
`rendering.with_folded_terms` adds to the page as a hidden metadata field
that Pagefind searches.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from unidecode import unidecode

WORD = re.compile(r"\w+")


def pagefind_fold(word: str) -> str:
    """What Pagefind's own folding leaves of `word`: decomposed, combining marks dropped."""
    return "".join(c for c in unicodedata.normalize("NFD", word) if not unicodedata.combining(c))


def _unfoldable_latin(char: str) -> bool:
    return not char.isascii() and unicodedata.name(char, "").startswith("LATIN ")


@lru_cache(maxsize=65536)
def needs_folding(word: str) -> bool:
    """True for `Białorusi`, `Đà`; false for `włączenie`'s cousins without ł (`wlączenie`) and for `Hanoi`."""
    return any(_unfoldable_latin(char) for char in pagefind_fold(word))


@lru_cache(maxsize=4096)
def _letter_needs_folding(char: str) -> bool:
    return WORD.fullmatch(char) is not None and needs_folding(char)


def has_letter_to_fold(text: str) -> bool:
    """True when some word of `text` needs folding, found letter by letter.

    Canonical decomposition maps a word letter by letter (reordering only moves
    the combining marks Pagefind drops), so a word needs folding exactly when one
    of its letters does: a look at the distinct characters of `text` answers for
    every word in it, without splitting it into words.
    """
    return any(_letter_needs_folding(char) for char in set(text) if not char.isascii())


def folded_terms(text: str) -> list[str]:
    """The ASCII forms of the words of `text` that Pagefind cannot fold: `["bialorusi", "lodz"]`."""
    words = {word for word in WORD.findall(text) if not word.isascii()}
    return sorted({unidecode(word).lower() for word in words if needs_folding(word)})
