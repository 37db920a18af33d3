"""A saved HTML news page: trafilatura finds the article and its metadata."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import trafilatura
from lxml.etree import ParserError

from archive_core.text import NOT_XML

from . import page_tree, structure
from .decoding import composed, without_controls
from .drawings import reported
from .model import Block, Kind, ParsedSource

# A page saved as XHTML starts with an XML declaration: lxml refuses one in text already decoded (its encoding).
_XML_DECLARATION = re.compile(r"\s*<\?xml\b[^>]*\?>", re.IGNORECASE)
# A page starts with its doctype or first tag, after comments (and that declaration). The comments are one
# span, from the first `<!--` to a `-->` the tag follows: `(?:<!--.*?-->\s*)*`, which says the same, could
# split that span in 2^n ways, and a page starting with 25 empty comments and no tag took 6 s to refuse,
# each comment more doubling it (`make import` hung).
_HTML_START = re.compile(r"\s*(?:<!--.*?-->\s*)?<(?:!doctype\s+html|html|head|body)\b", re.IGNORECASE | re.DOTALL)
_WHITESPACE = re.compile(r"\s+")
_BLOCK_TAGS = frozenset({"head", "list", "p", "quote", "table"})


def is_html(text: str) -> bool:
    return bool(_HTML_START.match(_without_xml_declaration(text[:2000])))


def _without_xml_declaration(text: str) -> str:
    return _XML_DECLARATION.sub("", text, count=1) if _XML_DECLARATION.match(text) else text


def parse_html(text: str, path: Path) -> ParsedSource | None:
    """The article of the page, or None when trafilatura finds no article text."""
    # Characters XML cannot hold: trafilatura's lxml trees refuse them and it then gives up on the whole page.
    # In HTML they are parse errors, never visible text. (`decoding.normalize` drops them already.)
    text = NOT_XML.sub("", _without_xml_declaration(text))
    try:
        tree, drawings = page_tree.as_a_reader_sees_it(text, path)
    except (ParserError, ValueError):
        return None
    document = trafilatura.bare_extraction(
        tree,
        with_metadata=True,
        include_comments=False,
        include_tables=True,
        include_images=False,
        include_formatting=False,
        include_links=False,
        date_extraction_params={"extensive_search": False, "original_date": True},
    )
    if document is None or document.body is None:
        return None
    title = _clean(document.title) or None
    blocks = [block for element in document.body for block in _blocks(element, title)]
    if not blocks:
        return None
    publisher = structure.closing_credit(blocks[-1].text) or _clean(document.sitename) or None
    return ParsedSource(
        blocks=tuple(blocks),
        title=title,
        date=_date(document.date),
        source_url=document.url or None,
        publisher=publisher,
        dropped=tuple(reported(drawings, "\n".join(block.text for block in blocks))),
    )


def _blocks(element, title: str | None) -> list[Block]:
    if element.tag == "list":
        return _list_items(element)
    if element.tag == "table":
        return _table(element)
    if any(child.tag in _BLOCK_TAGS for child in element):
        return _mixed_blocks(element, title)
    text = _clean(element.xpath("string()"))
    if not text:
        return []
    if element.tag == "head":
        return [] if element.get("rend") == "h1" and text == title else [Block(Kind.HEADING, text)]
    if structure.is_caption(text):
        return [Block(Kind.CAPTION, text)]
    return [Block(Kind.PARAGRAPH, text)]


def _list_items(element) -> list[Block]:
    """Each item of a list, then each of a list nested in it (the body's lists have one level): an item's text
    with its nested list's ran into one word (`First itemNested item one`)."""
    blocks = []
    for item in element.iterchildren("item"):
        own, nested = [item.text or ""], []
        for child in item:
            if child.tag == "list":
                nested.append(child)
                own.append(" ")
            else:
                own.append(child.xpath("string()"))
            own.append(child.tail or "")
        if text := _clean("".join(own)):
            blocks.append(Block(Kind.LIST_ITEM, text))
        for inner in nested:
            blocks.extend(_list_items(inner))
    return blocks


def _table(element) -> list[Block]:
    """A table, row by row, as the page shows it: its cells' text (a table nested in a cell is that cell's text)."""
    rows = [
        cells
        for row in element.iterchildren("row")
        if any(cells := tuple(_clean(cell.xpath("string()")) for cell in row.iterchildren("cell")))
    ]
    if not rows:
        return []
    return [Block(Kind.TABLE, " ".join(cell for row in rows for cell in row if cell), rows=tuple(rows))]


def _mixed_blocks(element, title: str | None) -> list[Block]:
    """A paragraph holding headings or lists (trafilatura's reading of broken markup): each in its place."""
    blocks: list[Block] = []
    pieces = [element.text or ""]
    for child in element:
        if child.tag in _BLOCK_TAGS:
            blocks.extend(_text_blocks(" ".join(pieces)))
            blocks.extend(_blocks(child, title))
            pieces = []
        else:
            pieces.append(child.xpath("string()"))
        pieces.append(child.tail or "")
    return blocks + _text_blocks(" ".join(pieces))


def _text_blocks(text: str) -> list[Block]:
    text = _clean(text)
    if not text:
        return []
    return [Block(Kind.CAPTION if structure.is_caption(text) else Kind.PARAGRAPH, text)]


def _clean(text: str | None) -> str:
    # Composed as the decoded page is (`decoding.composed`): an entity such as `e&#x301;` decomposes it again.
    return composed(_WHITESPACE.sub(" ", without_controls(page_tree.unmarked(text or ""))).strip())


def _date(value: str | None) -> date | None:
    try:
        return date.fromisoformat(value[:10]) if value else None
    except ValueError:
        return None
