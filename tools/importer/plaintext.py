"""A plain-text article, one paragraph per line, as copied from a news page."""

from __future__ import annotations

from . import structure
from .model import Block, Dropped, Kind, ParsedSource


def parse_text(text: str) -> ParsedSource:
    numbered = [(number, line.strip()) for number, line in enumerate(text.split("\n"), start=1)]
    url = None
    kept: list[tuple[int, str]] = []
    for number, line in numbered:
        found = structure.source_url(line)
        if found and url is None:
            url = found
        elif line:
            kept.append((number, line))
    kept, dropped = _drop_trailing_residue(kept)
    lines = [line for _, line in kept]

    title = None
    if len(lines) > 1 and structure.looks_like_heading(lines[0]) and not structure.agency_credit(lines[0]):
        title, lines = lines[0], lines[1:]
    publisher = structure.agency_credit(lines[-1]) if lines else None
    return ParsedSource(
        blocks=tuple(classify(lines)), title=title, source_url=url, publisher=publisher, dropped=tuple(dropped)
    )


def classify(lines: list[str]) -> list[Block]:
    blocks: list[Block] = []
    index = 0
    while index < len(lines):
        line = lines[index]
        items = _list_after(lines, index) if line.endswith(":") else []
        bullet = structure.BULLET.fullmatch(line)
        if bullet:
            blocks.append(Block(Kind.LIST_ITEM, bullet.group(1)))
        elif structure.is_caption(line):
            blocks.append(Block(Kind.CAPTION, line))
        elif index < len(lines) - 1 and structure.looks_like_heading(line):
            blocks.append(Block(Kind.HEADING, line))
        else:
            blocks.append(Block(Kind.PARAGRAPH, line))
        blocks.extend(Block(Kind.LIST_ITEM, item) for item in items)
        index += 1 + len(items)
    return blocks


def _list_after(lines: list[str], index: int) -> list[str]:
    """The items after a line ending with a colon: all but the last end with `;` or `,`."""
    items = []
    for line in lines[index + 1 :]:
        if structure.is_caption(line) or structure.BULLET.fullmatch(line):
            break
        items.append(line)
        if not line.endswith(structure.LIST_ITEM_CONTINUES):
            break
    return items if len(items) >= 2 else []


def _drop_trailing_residue(kept: list[tuple[int, str]]) -> tuple[list[tuple[int, str]], list[Dropped]]:
    dropped = []
    while kept and structure.is_residue(kept[-1][1]):
        number, line = kept.pop()
        dropped.insert(0, Dropped(number, line))
    return kept, dropped
