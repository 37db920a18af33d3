"""Where a character of a text value written over several lines stands in the file.

YAML gives a value's text, not where each of its characters was written: a block scalar (`|`) starts on the line
after its key, a folded one (`>`), a plain one and a quoted one join their lines with spaces, a quoted one may
spell a character as an escape (`"\\u202e"`). A problem found at a place in the text is told at the line that
place is written on: the value's lines are matched to its text, in order.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable

import yaml
from yaml.scanner import Scanner

BLOCK_STYLES = ("|", ">")


def written_line(node: yaml.ScalarNode, lines: list[str], offset: int) -> int:
    """The 0-based line of the YAML text (`lines`) where the character `offset` of `node.value` is written: the
    line whose text holds it, as far as each line's text is found in the value; else the value's first line."""
    return line_finder(node, lines)(offset)


def line_finder(node: yaml.ScalarNode, lines: list[str]) -> Callable[[int], int]:
    """`written_line` for any offset of `node.value`, its lines matched once: a summary of many problems is
    matched in one pass, each problem's line then found by bisection."""
    if node.style == "|":  # each line of the text is a line of the block, blank ones too
        breaks = [index for index, char in enumerate(node.value) if char == "\n"]
        return lambda offset: node.start_mark.line + 1 + bisect_left(breaks, offset)
    found = _line_starts(node, lines)
    starts = [start for start, _ in found]
    default = found[0][1] if found else node.start_mark.line

    def line(offset: int) -> int:
        index = bisect_right(starts, offset) - 1
        return found[index][1] if index >= 0 else default

    return line


def _line_starts(node: yaml.ScalarNode, lines: list[str]) -> list[tuple[int, int]]:
    """(offset in the value, 0-based line) of each line of the value whose text is found in it, in order. A double
    quoted line is matched with its escapes read: the value holds each as the character it spells."""
    value, style = node.value, node.style
    first, last = node.start_mark.line, node.end_mark.line
    if style in BLOCK_STYLES:
        first += 1  # the line of the key and `|` holds no text of the value
        if node.end_mark.column == 0:  # a block ends at the start of the line after it
            last -= 1
    found: list[tuple[int, int]] = []
    position = 0
    for index in range(first, min(last, len(lines) - 1) + 1):
        text = lines[index]
        if index == node.end_mark.line and style not in BLOCK_STYLES:
            text = text[: node.end_mark.column]
        if index == node.start_mark.line and style not in BLOCK_STYLES:
            text = text[node.start_mark.column :]
        text = _unquoted(text.strip(), style, index == node.start_mark.line, index == node.end_mark.line)
        if not text:
            continue
        start = value.find(text, position)
        if start >= 0:
            found.append((start, index))
            position = start + len(text)
    return found


def _unquoted(text: str, style: str | None, first: bool, last: bool) -> str:
    """A line of a quoted scalar as its value holds it: without its quotation marks, `''` read as `'`; a
    double-quoted one's escapes read as YAML reads them."""
    if style not in ("'", '"'):
        return text
    if first:
        text = text[1:]
    if last:
        text = text[:-1]
    if style == "'":
        return text.replace("''", "'").strip()
    return _unescaped(text.strip())


# An escape of a double-quoted scalar: `\x41`, `\u202e`, `\U0001f600`, or one character (`\n`, `\"`).
_ESCAPE = re.compile(r"\\(?:([xuU])([0-9A-Fa-f]+)|(.))")


def _unescaped(text: str) -> str:
    """A line of a double-quoted scalar with its escapes read (PyYAML's own table); a `\\` at its end, an escaped
    line break, joins the next line and holds nothing. What YAML would refuse is left as written."""
    if (len(text) - len(text.rstrip("\\"))) % 2:
        text = text[:-1]

    def read(match: re.Match[str]) -> str:
        code, digits, char = match.groups()
        if code is None:
            return Scanner.ESCAPE_REPLACEMENTS.get(char, match.group())
        length = Scanner.ESCAPE_CODES[code]
        if len(digits) < length:
            return match.group()
        return chr(int(digits[:length], 16)) + digits[length:]

    return _ESCAPE.sub(read, text)
