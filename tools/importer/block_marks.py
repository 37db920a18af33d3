"""Marks that make each block of a saved page its own before trafilatura reads it, chosen per page.

trafilatura drops a paragraph whose text an earlier one has ("accepted cost: identical-text elements collapse"):
a quotation the article repeats, a line said twice, was gone with no word said. Each block's text starts with a
mark of its own: its number's digits between an opening and a closing character, all of the Private Use Area.
The page's own characters are its text, so the marks are chosen among those the page does not hold (a page that
writes U+F8FE lost it when the marks were fixed). A mark's number also tells which element of the page the
block was (`<pre>`, `<blockquote>`), which trafilatura's tree no longer says.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cached_property
from itertools import chain, islice
from pathlib import Path

from archive_core.errors import content_error

# The Private Use Area: its block in the first plane, then planes 15 and 16.
_PRIVATE_USE = (range(0xE000, 0xF900), range(0xF0000, 0xFFFFE), range(0x100000, 0x10FFFE))
_MAX_DIGITS = 4096  # more make no shorter marks for any page the importer reads (5 MB)
_MIN_DIGITS = 2


@dataclass(frozen=True)
class BlockMarks:
    opening: str
    closing: str
    digits: str
    tags: list[str] = field(default_factory=list)  # the element each number marked, in order
    item_numbers: dict[int, int] = field(default_factory=dict)  # a mark's number -> its list item's, as shown

    @classmethod
    def absent_from(cls, used: set[str], path: Path) -> BlockMarks:
        """Marks of characters `used` does not hold; refused at `path` when the page holds nearly all of them."""
        free = list(islice(_unused(used), _MAX_DIGITS + 2))
        if len(free) < _MIN_DIGITS + 2:
            raise content_error(
                path,
                None,
                "file",
                "holds nearly every character of Unicode's Private Use Area: none is left to part its paragraphs "
                "while it is read, and a paragraph it repeats would be left out",
                "save the article's text as .txt, and import that",
            )
        return cls(free[0], free[1], "".join(free[2:]))

    def mark(self, tag: str, item_number: int | None = None) -> str:
        """The next block's mark; it was a `tag` element of the page (an item of an ordered list: `item_number`)."""
        number = len(self.tags)
        self.tags.append(tag)
        if item_number is not None:
            self.item_numbers[number] = item_number
        base, written = len(self.digits), ""
        while True:
            number, digit = divmod(number, base)
            written = self.digits[digit] + written
            if not number:
                return f"{self.opening}{written}{self.closing}"

    @cached_property
    def _pattern(self) -> re.Pattern[str]:
        return re.compile(f"{re.escape(self.opening)}([^{re.escape(self.closing)}]*){re.escape(self.closing)}")

    def unmarked(self, text: str) -> str:
        return self._pattern.sub("", text)

    def first_tag(self, text: str) -> str | None:
        """The tag of the page's element whose mark comes first in `text`, if any does."""
        number = self.first_mark(text)
        return self.tags[number] if number is not None and number < len(self.tags) else None

    def first_item_number(self, text: str) -> int | None:
        """The number the page shows for the list item whose mark comes first in `text`, if it is one."""
        number = self.first_mark(text)
        return self.item_numbers.get(number) if number is not None else None

    def first_mark(self, text: str) -> int | None:
        """The number of the mark that comes first in `text` (each block of the page has its own), if any does."""
        if not (match := self._pattern.search(text)):
            return None
        number = 0
        for digit in match.group(1):
            number = number * len(self.digits) + self.digits.index(digit)
        return number


def _unused(used: set[str]) -> Iterator[str]:
    return (character for character in map(chr, chain(*_PRIVATE_USE)) if character not in used)
