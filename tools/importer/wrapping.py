"""Hard-wrapped plain text: paragraphs broken across lines at a fixed width, a blank line between them.

The seed's form, one paragraph per line, is the other common one; the text itself tells them apart.
In a wrapped text most line breaks inside a block fall mid-sentence: the line does not end like a
sentence, or the next one starts in lower case. A one-paragraph-per-line text breaks where a
sentence, a heading or a list item ends. Within a wrapped block, a line break is a wrap only where
the next word would not have fitted on the line; a shorter line ended on purpose (a heading, a list
item, a list's introduction), and a bullet starts an item of its own. A line without a word (a lone
bullet marker, a separator such as `* * *`) is never joined to either neighbour, nor taken as a wrap.
"""

from __future__ import annotations

import re
from itertools import pairwise

from . import structure

Numbered = tuple[int, str]  # a line's number in the source, and its text

WRAPPED_SHARE = 2 / 3  # of the breaks inside blocks that fall mid-sentence
_WORD_HYPHEN = re.compile(r"\w-$")
_WORD = re.compile(r"\w")


def blocks(lines: list[Numbered]) -> list[list[Numbered]]:
    """Runs of non-blank lines between blank lines."""
    result: list[list[Numbered]] = []
    current: list[Numbered] = []
    for number, line in lines:
        if line.strip():
            current.append((number, line))
        elif current:
            result.append(current)
            current = []
    if current:
        result.append(current)
    return result


def is_hard_wrapped(lines: list[Numbered]) -> bool:
    """Two or more blocks, and most breaks inside them fall mid-sentence."""
    found = blocks(lines)
    breaks = [
        (a.strip(), b.strip())
        for block in found
        for (_, a), (_, b) in pairwise(block)
        if not _bullet(b) and _has_word(a) and _has_word(b)
    ]
    if len(found) < 2 or not breaks:
        return False
    mid_sentence = sum(1 for a, b in breaks if not structure.ends_sentence(a) or b[:1].islower())
    return mid_sentence >= WRAPPED_SHARE * len(breaks)


def unwrap(lines: list[Numbered]) -> list[Numbered]:
    """The logical lines of a wrapped text, each numbered by its first source line.

    `lines` keep their indentation (an indented continuation of a list item is as long as it looks)."""
    found = blocks(lines)
    width = wrap_width(found)
    result: list[Numbered] = []
    for block in found:
        start, joined = block[0][0], _Joined(block[0][1].strip())
        for (_, previous), (number, line) in pairwise(block):
            next_word_fits = len(previous) + 1 + len(line.split(None, 1)[0]) <= width
            if _bullet(line) or next_word_fits or not (_has_word(previous) and _has_word(line)):
                result.append((start, str(joined)))
                start, joined = number, _Joined(line.strip())
            else:
                joined.join(line.strip())
        result.append((start, str(joined)))
    return result


def wrap_width(found: list[list[Numbered]]) -> int:
    """The longest line that was wrapped: not the last of its block, with a space (not one overlong word)."""
    return max((len(line) for block in found for _, line in block[:-1] if " " in line.strip()), default=0)


class _Joined:
    """The lines of one paragraph joined, in time linear in its length: only the text's end is looked at, and
    the text is put together once (a paragraph of 40,000 lines, each join re-reading it, took 25 s)."""

    def __init__(self, line: str) -> None:
        self._parts, self._end = [line], line[-2:]

    def join(self, line: str) -> None:
        """A word broken at its hyphen ("Azji-" / "Pacyfiku") is joined without a space; keep the hyphen."""
        piece = line if _WORD_HYPHEN.search(self._end) else f" {line}"
        self._parts.append(piece)
        self._end = (self._end + piece)[-2:]

    def __str__(self) -> str:
        return "".join(self._parts)


def _has_word(line: str) -> bool:
    return bool(_WORD.search(line))


def _bullet(line: str) -> bool:
    return bool(structure.BULLET.fullmatch(line.strip()))
