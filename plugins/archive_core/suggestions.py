"""Hints that ask "did you mean ...?": each names a value that, written in as it says, makes no duplicate.

A misspelt field name, or a translation_key no article has, is told the closest known name. Where that name
is given already (the record has the field, the list has the key), or proposed to another line of the same
record, writing it in would make a key set twice or a list holding one value twice: the hint says so instead.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field


def closest(written: str, known: Iterable[str]) -> str | None:
    """The known name `written` was most likely meant to be, if one is close enough, whatever its capitals
    (`URL`, `Title`: `url`, `title`)."""
    folded = {name.casefold(): name for name in known}
    return next((folded[name] for name in difflib.get_close_matches(written.casefold(), list(folded), n=1)), None)


def meant_hint(written: object, known: Iterable[str], otherwise: str) -> str:
    """`did you mean 'X'?` for a value of a closed set (a status, a kind) written nearly right; else `otherwise`."""
    meant = closest(written, known) if isinstance(written, str) else None
    return f"did you mean {meant!r}?" if meant else otherwise


@dataclass
class Suggestions:
    """The names one record's hints may propose: `known`, less those `given` there and those proposed already."""

    known: Sequence[str]
    given: set[str] = field(default_factory=set)

    def hint(self, written: str, shown: str, otherwise: str, alias: str | None = None) -> str:
        """`did you mean X?`, X the known name closest to `written`, else `alias` (`shown` formats X: "`{}`",
        "{!r}"); where X is given already, or proposed for an earlier one, that it is; else `otherwise`."""
        name = self.meant(written, alias)
        if name is None:
            return otherwise
        meant = shown.format(name)
        if name in self.given:
            return f"{meant} is given already (or proposed for another one): delete this one, or merge it there"
        self.given.add(name)
        return f"did you mean {meant}?"

    def meant(self, written: str, alias: str | None = None) -> str | None:
        """The known name closest to `written`, else `alias`: what `hint` proposes."""
        return closest(written, self.known) or alias
