"""Extra search terms for letters that Unicode cannot fold, so that "Lodz" finds "Łódź".

Pagefind folds accents by Unicode decomposition: "ą" is "a" plus a combining
ogonek, so "wlaczenie" finds "wlączenie". Letters such as "ł", "đ" or "ø"
have no decomposition, so Pagefind keeps them: "Bialorus" does not find
"Białoruś". For every word of a page that still has such a letter after
Pagefind's own folding, this module gives its ASCII form (Unidecode), which
`rendering.with_folded_terms` adds to the page as a hidden metadata field
that Pagefind searches.

Pagefind also splits a Polish or English page's text at spaces only, so a run
of Chinese, Japanese or Thai (written without spaces between words) is one
"word" to it: `河内公约签署仪式` in a Polish article was found by the whole
run or its start, never by `公约`. Its words, as ICU's dictionaries split it,
are extra terms in the same field.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache, lru_cache
from itertools import pairwise

import icu
from unidecode import unidecode

WORD = re.compile(r"\w+")
_NOT_ASCII = re.compile(r"[^\x00-\x7f]")


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


# Scripts written without spaces between words, which ICU's word break splits by dictionary.
UNSPACED = icu.UnicodeSet(
    "[[:Script=Han:][:Script=Hiragana:][:Script=Katakana:][:Script=Thai:][:Script=Lao:][:Script=Khmer:]"
    "[:Script=Myanmar:]]"
)


@cache
def _word_break() -> icu.BreakIterator:
    return icu.BreakIterator.createWordInstance(icu.Locale.getRoot())


def unspaced_words(run: str) -> list[str]:
    """The words of `run` (`河内公约签署仪式` -> `河内`, `公约`, `签署`, `仪式`) that hold letters of a script written
    without spaces; none when it is one word."""
    breaker, text = _word_break(), icu.UnicodeString(run)  # ICU's bounds count UTF-16 units: sliced there
    breaker.setText(text)
    words = [str(text[start:end]) for start, end in pairwise([breaker.first(), *breaker])]
    return [word for word in words if not UNSPACED.containsNone(word)] if len(words) > 1 else []


def has_letter_to_fold(text: str) -> bool:
    """True when some word of `text` needs folding, found letter by letter, or `text` holds a letter of a script
    written without spaces (whose runs may split into words).

    Canonical decomposition maps a word letter by letter (reordering only moves
    the combining marks Pagefind drops), so a word needs folding exactly when one
    of its letters does: a look at the distinct characters of `text` answers for
    every word in it, without splitting it into words.
    """
    if text.isascii():
        return False
    letters = set(_NOT_ASCII.findall(text))  # a page is mostly ASCII: the regex skips it faster than set(text)
    return not UNSPACED.containsNone("".join(letters)) or any(_letter_needs_folding(char) for char in letters)


@lru_cache(maxsize=65536)  # a page's words are mostly the archive's vocabulary: each folded once per build
def ascii_form(word: str) -> str:
    """`Białorusi` -> `bialorusi`."""
    return unidecode(word).lower()


def folded_terms(text: str) -> list[str]:
    """The ASCII forms of the words of `text` that Pagefind cannot fold (`["bialorusi", "lodz"]`), and the words of
    its runs of a script written without spaces (`公约`)."""
    # A word is inside one of the text's runs without spaces (no space is a word's character): only the runs with a
    # letter outside ASCII are split into words, the others left unsplit (most of a page, Polish ones too).
    words = {word for run in set(text.split()) if not run.isascii() for word in WORD.findall(run) if not word.isascii()}
    terms = {ascii_form(word) for word in words if needs_folding(word)}
    # Only a word's letters can split into unspaced words: asking ICU about the words alone, not the whole text.
    if not UNSPACED.containsNone("".join(words)):
        terms.update(part for word in words if not UNSPACED.containsNone(word) for part in unspaced_words(word))
    return sorted(terms)
