"""The content file the importer writes: deterministic YAML front-matter and a Markdown body."""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date
from itertools import groupby
from typing import Any

import yaml

from archive_core.body_checks import LINK_MARKER
from archive_core.yaml_tags import FrontMatterLoader, quoted

from .model import Block, Kind

# Free text is always quoted; codes, slugs, URLs and short names are written plain when YAML reads them back unchanged.
QUOTED_FIELDS = frozenset({"title", "summary", "editor_note", "by"})
_PLAIN = re.compile(r"[^\s\-?:,\[\]{}#&*!|>'\"%@`][^\s#]*(?: [^\s#:]+)*")

# Characters that Markdown would read as markup inside a line, and markers at a line's start.
_INLINE_MARKUP = re.compile(r"([\\`*_\[\]<{])")
_ENTITY = re.compile(r"&(?=#?\w+;)")
_LINE_START_MARKUP = re.compile(r"^([#>+=:|~-])")
_BACKTICKS = re.compile(r"`+")
_ORDERED_MARKER = re.compile(r"^([0-9]{1,9})([.)])(?=\s|$)")


def front_matter(fields: dict[str, Any]) -> str:
    lines = ["---"]
    for name, value in fields.items():
        if isinstance(value, dict):
            lines.append(f"{name}:")
            lines.extend(f"  {key}: {_scalar(key, item)}" for key, item in value.items())
        elif isinstance(value, list | tuple) and value and all(isinstance(item, dict) for item in value):
            lines.append(f"{name}:")
            for item in value:  # a list of mappings (`translation_chain`), in block style
                lines.extend(
                    f"{'  - ' if index == 0 else '    '}{key}: {_scalar(key, entry)}"
                    for index, (key, entry) in enumerate(item.items())
                )
        elif isinstance(value, list | tuple):
            lines.append(f"{name}: [{', '.join(_scalar(name, item) for item in value)}]")
        else:
            lines.append(f"{name}: {_scalar(name, value)}")
    lines.append("---")
    return "\n".join(lines) + "\n"


def _scalar(name: str, value: Any) -> str:
    if isinstance(value, date):
        return value.isoformat()
    text = str(value)
    if name not in QUOTED_FIELDS and _PLAIN.fullmatch(text) and _reads_back(text):
        return text
    return quoted(text)


def _reads_back(text: str) -> bool:
    try:
        return yaml.load(text, Loader=FrontMatterLoader) == text  # noqa: S506 (a safe loader)
    except (yaml.YAMLError, ValueError):  # ValueError: an impossible date such as 2025-02-30
        return False


def body(blocks: Iterable[Block]) -> str:
    parts = []
    for kind, group in groupby(blocks, key=lambda block: block.kind):
        group_blocks = list(group)
        texts = [escape(block.text) for block in group_blocks]
        if kind is Kind.LIST_ITEM:
            parts.append("\n".join(f"- {text}" for text in texts))
        elif kind is Kind.NUMBERED_ITEM:
            parts.append(_numbered(group_blocks, texts))
        elif kind is Kind.HEADING:
            parts.extend(f"## {_closing_hash(text)}" for text in texts)
        elif kind is Kind.TABLE:
            parts.extend(_table(block.rows) for block in group_blocks)
        elif kind is Kind.CAPTION:
            parts.extend(f"::: caption\n{text}\n:::" for text in texts)
        elif kind is Kind.QUOTATION:  # each quotation its own, its paragraphs together
            for _, quoted in groupby(zip(group_blocks, texts, strict=True), key=lambda pair: pair[0].number):
                parts.append("\n>\n".join(f"> {text}" for _, text in quoted))
        elif kind is Kind.SHOWN_AS_WRITTEN:
            parts.extend(_fenced(block.text) for block in group_blocks)
        elif kind is Kind.TERM:
            parts.extend(f"**{text}**" for text in texts)
        else:
            parts.extend(texts)
    return "\n\n".join(parts) + "\n"


def _table(rows: tuple[tuple[str, ...], ...]) -> str:
    """A Markdown table, the first row its header; rows padded with empty cells to the widest, since a row with
    more cells than the header loses them (`make check` refuses it)."""
    width = max(len(row) for row in rows)
    lines = [_table_row([escape(cell).replace("|", "\\|") for cell in row] + [""] * (width - len(row))) for row in rows]
    return "\n".join([lines[0], _table_row(["---"] * width), *lines[1:]])


def _numbered(blocks: list[Block], texts: list[str]) -> str:
    """Numbered items, each with the number the page shows. A Markdown list numbers its items on from its first:
    where an item's number is not the one before it and one more (a list after another, nested in one, counting
    down), it opens a list of its own, its marker other than the last list's (`1)` after `2.`)."""
    lists: list[list[str]] = []
    delimiter, previous = ")", None
    for block, text in zip(blocks, texts, strict=True):
        if previous is None or block.number != previous + 1:
            delimiter = "." if delimiter == ")" else ")"
            lists.append([])
        lists[-1].append(f"{block.number}{delimiter} {text}")
        previous = block.number
    return "\n\n".join("\n".join(items) for items in lists)


def _fenced(text: str) -> str:
    """Text shown as written, as a code block: its lines and spaces kept, nothing in it read as markup. Its fence
    is longer than any run of backticks the text holds, which would otherwise close it."""
    fence = "`" * max(3, 1 + max((len(run) for run in _BACKTICKS.findall(text)), default=0))
    return f"{fence}\n{text}\n{fence}"


def _table_row(cells: list[str]) -> str:
    return "| " + " | ".join(cells) + " |"


def _closing_hash(text: str) -> str:
    """A `#` ending a heading would be read as a closing marker."""
    return text[:-1] + "\\#" if text.endswith("#") else text


def escape(text: str) -> str:
    """The text, so that Markdown shows it exactly as written. A marker of Pelican's links (`{filename}`) in it is
    shown in a code span, as `make check` takes it: shown as text, it reads as a link gone wrong, and is refused."""
    parts = re.split(f"({LINK_MARKER.pattern})", text)  # text, a marker, text...
    text = "".join(f"`{part}`" if at % 2 else _escaped(part) for at, part in enumerate(parts))
    return _ORDERED_MARKER.sub(r"\1\\\2", _LINE_START_MARKUP.sub(r"\\\1", text))


def _escaped(text: str) -> str:
    return _ENTITY.sub("\\&", _INLINE_MARKUP.sub(r"\\\1", text))
