"""Hints that ask "did you mean ...?": each names a value that, written in as it says, makes no duplicate.

A misspelt field name, or a translation_key no article has, is told the closest known name. Where that name
is given already (the record has the field, the list has the key), or proposed to another line of the same
record, writing it in would make a key set twice or a list holding one value twice: the hint says so instead.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field

from slugify import slugify

from .text import drawn_blank


def closest(written: str, known: Iterable[str], cutoff: float = 0.6) -> str | None:
    """The known name `written` was most likely meant to be, if one is close enough (`cutoff`, difflib's ratio),
    whatever its capitals (`URL`, `Title`: `url`, `title`)."""
    folded = {name.casefold(): name for name in known}
    matches = difflib.get_close_matches(written.casefold(), list(folded), n=1, cutoff=cutoff)
    return next((folded[name] for name in matches), None)


# The words a contributor writes for a value of a closed set (a status, a kind, a place, a language) instead of
# the value: in Polish, in either language's other forms, in English words for a value spelt otherwise.
VALUE_WORDS: dict[str, tuple[str, ...]] = {
    "signed": ("podpisała", "podpisał", "podpisały", "podpisano", "podpisana", "podpisany", "podpis", "signature"),
    "ratified": ("ratyfikowała", "ratyfikował", "ratyfikowano", "ratyfikowana", "ratyfikacja", "ratification"),
    "not-signed": ("nie podpisała", "nie podpisał", "nie podpisano", "niepodpisana", "unsigned", "did not sign"),
    "unknown": ("nieznany", "nieznana", "nieznane", "brak danych", "nie wiadomo", "unclear"),
    "hanoi": ("hanoj", "ha noi", "hà nội", "wietnam", "vietnam"),
    "new-york": ("nowy jork", "nowym jorku", "ny", "nyc", "un headquarters", "siedziba onz"),
    "resolution": ("rezolucja",),
    "negotiation-session": ("sesja negocjacyjna", "negocjacje", "negotiations", "session"),
    "approval": ("zatwierdzenie", "approved"),
    "adoption": ("przyjęcie", "uchwalenie", "adopted"),
    "signing": ("podpisanie", "ceremonia podpisania", "signing ceremony"),
    "signature-period": ("okres podpisywania", "otwarcie do podpisu", "open for signature"),
    "ratification": ("ratyfikacja",),
    "entry-into-force": ("wejście w życie", "wejscie w zycie", "in force"),
    "sic": ("pisownia oryginału", "original spelling"),
    "translation": ("tłumaczenie", "przekład", "translator", "tłumacz"),
    "quote": ("cytat", "quotation", "citation"),
    "editor": ("redakcja", "od redakcji", "redaktor", "editorial", "note"),
    "pl": ("polski", "polska", "po polsku", "polish", "pol", "pl-pl"),
    "en": ("angielski", "po angielsku", "english", "eng", "en-gb", "en-us"),
}


# A word is a guess at a value: proposed for a word spelt nearly as it is (`podpisal`), not for one that only shares
# a few letters with it (`in progress`, `in force`).
WORD_CUTOFF = 0.8


def meant_value(written: object, known: Sequence[str]) -> str | None:
    """The value of the closed set `known` that `written` was meant to be: itself in other capitals or with spaces
    for hyphens (`Not Signed`), its word in either language (`ratyfikowała`), or the value nearest in spelling."""
    if not isinstance(written, str) or not written.strip():
        return None
    folded = "-".join(written.casefold().replace("_", " ").split())
    if folded in known:
        return folded
    words = {word: value for value, words in VALUE_WORDS.items() if value in known for word in words}
    spaced = " ".join(written.casefold().split())
    if spaced in words:
        return words[spaced]
    if (word := closest(spaced, words, WORD_CUTOFF)) and _negated(word) == _negated(spaced):
        return words[word]
    value = closest(written, known)
    return value if value and _negated(value) == _negated(spaced) else None


# A word negated (`nie ratyfikowała`, `unratified`, `not ratified`) is spelt nearly as the word it negates: the
# value that word means is the opposite of the one meant.
_NEGATED = re.compile(r"(?:nie|non|un|(?:not|no|did not|didn't)\b)", re.IGNORECASE)


def _negated(text: str) -> bool:
    return bool(_NEGATED.match(text))


def meant_hint(written: object, known: Sequence[str], otherwise: str | None = None) -> str:
    """`did you mean 'X'?` for a value of a closed set (a status, a kind) written nearly right, or in words of
    either language, or as a list of it alone (`[signed]`); else `otherwise`, by default the values it may take."""
    if isinstance(written, list) and len(written) == 1 and (meant := meant_value(written[0], known)):
        return f"one value, not a list: did you mean {meant!r}?"
    meant = meant_value(written, known)
    return f"did you mean {meant!r}?" if meant else otherwise or f"one of: {', '.join(known)}"


def meant_key(written: object, known: Sequence[str], given: Iterable[object], otherwise: str) -> tuple[str, str | None]:
    """The hint for a key of the closed set `known` written otherwise (`PL:`, `pol:`: "did you mean 'pl'?"), and the
    key meant; `otherwise` and None when none is meant, or the one meant is `given` already."""
    retyped = retyped_name(written) if isinstance(written, str) else None
    if retyped is not None and retyped[0] in known and retyped[0] not in given:
        return retype_hint(retyped, repr(retyped[0])), retyped[0]
    meant = meant_value(written, known)
    if meant is None or meant in given:
        return otherwise, None
    return f"did you mean {meant!r}?", meant


def meant_keys(
    written: Iterable[object], known: Sequence[str], given: Iterable[object], otherwise: str
) -> list[tuple[str, str | None]]:
    """`meant_key` of each of `written` (the keys of one mapping not in `known`), in order, no key proposed twice:
    `Title:` and `titel:` were both told "did you mean 'title'?", and followed, the file held `title:` twice."""
    given, proposed, found = set(given), set(), []
    for key in written:
        hint, meant = meant_key(key, known, given, otherwise)
        if meant is not None and meant in proposed:
            hint, meant = f"{meant!r} is proposed for another one: delete this one, or merge it there", None
        proposed.add(meant)
        found.append((hint, meant))
    return found


def retype_hint(retyped: tuple[str, str], shown: str) -> str:
    """The hint for a name that looks like the name `shown` but holds a character that shows as a space or as
    nothing (`retyped_name`): "did you mean `lang`?" of a line that shows `lang:` leaves nothing to change."""
    return f"it holds {retyped[1]}, which shows as a space or as nothing: retype it {shown}"


def slug_hint(key: str, written: str, rule: str, max_length: int = 0, *, shown: Callable[[str], str]) -> str:
    """How to write `written`, the value of the id or slug `key` (`Opening Ceremony`, `Tytuł_Artykułu`), as one:
    "write `key: opening-ceremony`: <rule>"; `rule` alone when no letter or figure of it is left to make one of.
    `shown`: the slug as YAML is to be given it (`yaml_tags.as_written`: `"true"`, which read unquoted is no text)."""
    slug = as_slug(written, max_length)
    return f"write `{key}: {shown(slug)}`: {rule}" if slug and slug != written else rule


def as_slug(written: str, max_length: int = 0) -> str:
    """`written` as a slug (`Białoruś i Łódź`: `bialorus-i-lodz`), cut at a word within `max_length` (0: uncut)."""
    return slugify(written, max_length=max_length, word_boundary=bool(max_length), save_order=True)


def retyped_name(written: str) -> tuple[str, str] | None:
    """A name holding a character that shows as a space or as nothing (a no-break space pasted from a web page, a
    zero-width space): the name without it, and that character named; None for a name without one."""
    odd = [
        char
        for char in written
        if char != " " and (char.isspace() or unicodedata.category(char) in ("Cf", "Zs") or drawn_blank(char))
    ]
    if not odd:
        return None
    named = f"U+{ord(odd[0]):04X} ({unicodedata.name(odd[0], 'unnamed')})"
    return "".join(char for char in written if char not in odd).strip(), named


@dataclass
class Suggestions:
    """The names one record's hints may propose: `known`, less those `given` there and those proposed already."""

    known: Sequence[str]
    given: set[str] = field(default_factory=set)

    def hint(self, written: str, shown: str, otherwise: str, alias: str | None = None) -> str:
        """`did you mean X?`, X `alias`, else the known name closest to `written` (`shown` formats X: "`{}`",
        "{!r}"); where X is given already, or proposed for an earlier one, that it is; else `otherwise`."""
        name = self.meant(written, alias)
        if name is None:
            return otherwise
        retyped = retyped_name(written)
        if retyped is not None and retyped[0] == name and name not in self.given:  # looks like the name itself
            self.given.add(name)
            return retype_hint(retyped, shown.format(name))
        return self.propose(name, shown)

    def propose(self, name: str, shown: str) -> str:
        """`did you mean X?`, X `name` formatted by `shown`; where X is given already, or proposed for an earlier
        one, that it is."""
        meant = shown.format(name)
        if name in self.given:
            return f"{meant} is given already (or proposed for another one): delete this one, or merge it there"
        self.given.add(name)
        return f"did you mean {meant}?"

    def meant(self, written: str, alias: str | None = None) -> str | None:
        """`alias` (what other tools call the name: `site` is `publisher`, though spelt nearer `title`), else the
        known name closest to `written`: what `hint` proposes."""
        if alias:
            return alias
        retyped = retyped_name(written)
        return retyped[0] if retyped is not None and retyped[0] in self.known else closest(written, self.known)
