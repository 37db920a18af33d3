"""Whether a text has a word: the one rule of the build's lead, the importer's lead and its headings.

A paragraph of marks (`---`, `* * *`, `• • •`, `…`) or of one letter spaced out (`x x x`) parts scenes of a text,
and says nothing: as a lead it was the summary every listing, feed entry and page head showed (`---`, from a
source's line of dashes that the importer kept as text, `\\---`).
"""

from __future__ import annotations

import unicodedata

# Letters that spell: a modifier letter (`ー`, the mark of a long vowel; `ʼ`) is a letter to Python, no word.
_SPELLING_LETTERS = frozenset({"Lu", "Ll", "Lt", "Lo"})


def has_a_word(text: str) -> bool:
    """Some word of `text` has two letters or digits, one a letter (`II`, `Q&A`, `G7`, `会議`): a line of one letter
    spaced out (`x x x`, `o O o`) or of a mark of length (`ーーー`) parts scenes of the text, as `* * *` does, and
    names no section."""
    return any(_spells(word) for word in text.split())


def _spells(word: str) -> bool:
    letters = sum(unicodedata.category(character) in _SPELLING_LETTERS for character in word)
    return letters >= 1 and letters + sum(character.isdigit() for character in word) >= 2
