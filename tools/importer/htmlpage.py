"""A saved HTML news page: trafilatura finds the article and its metadata."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import trafilatura
from lxml.etree import ParserError

from archive_core.text import NOT_XML

from . import page_tree, structure
from .drawings import reported
from .model import ParsedSource
from .page_blocks import PageBlocks

# A page saved as XHTML starts with an XML declaration: lxml refuses one in text already decoded (its encoding).
_XML_DECLARATION = re.compile(r"\s*<\?xml\b[^>]*\?>", re.IGNORECASE)
# A page starts with its doctype or first tag, after comments (and that declaration). The comments are one
# span, from the first `<!--` to a `-->` the tag follows: `(?:<!--.*?-->\s*)*`, which says the same, could
# split that span in 2^n ways, and a page starting with 25 empty comments and no tag took 6 s to refuse,
# each comment more doubling it (`make import` hung).
_HTML_START = re.compile(r"\s*(?:<!--.*?-->\s*)?<(?:!doctype\s+html|html|head|body)\b", re.IGNORECASE | re.DOTALL)


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
        tree, drawings, marks, embedded = page_tree.as_a_reader_sees_it(text, path)
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
    title = PageBlocks(marks).clean(document.title) or None
    reading = PageBlocks(marks, title)
    blocks = [block for element in document.body for block in reading.of(element)]
    if not blocks:
        return None
    publisher = structure.closing_credit(blocks[-1].text) or reading.clean(document.sitename) or None
    return ParsedSource(
        blocks=tuple(blocks),
        title=title,
        no_title="" if title else "the page names no title",
        date=_date(document.date),
        source_url=document.url or None,
        publisher=publisher,
        dropped=tuple(
            sorted(
                [*embedded, *reported(drawings, "\n".join(block.text for block in blocks))],
                key=lambda dropped: dropped.line or 0,
            )
        ),
    )


def _date(value: str | None) -> date | None:
    try:
        return date.fromisoformat(value[:10]) if value else None
    except ValueError:
        return None
