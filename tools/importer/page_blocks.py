"""trafilatura's tree of a page's article -> the importer's blocks, each kind as the page shows it."""

from __future__ import annotations

import re
from dataclasses import dataclass

from . import structure
from .block_marks import BlockMarks
from .decoding import composed, visible, without_controls
from .model import Block, Kind

_WHITESPACE = re.compile(r"\s+")
_BLOCK_TAGS = frozenset({"head", "list", "p", "quote", "table", "code"})
_SHOWN_AS_WRITTEN = frozenset({"pre", "xmp", "plaintext"})  # page_tree makes the last two `<pre>`
_BLANK_LINES_AROUND = re.compile(r"^(?:[ \t]*\n)+|\s+$")


@dataclass(frozen=True)
class PageBlocks:
    """Reads trafilatura's elements; `marks` (page_tree) tell which element of the page each block was."""

    marks: BlockMarks
    title: str | None = None

    def clean(self, text: str | None) -> str:
        """The text as a reader reads it in a paragraph: marks out, each run of spaces one space."""
        # Composed as the decoded page is (`decoding.composed`): an entity such as `e&#x301;` decomposes it again.
        unmarked = self.marks.unmarked(text or "")
        return composed(_WHITESPACE.sub(" ", visible(without_controls(unmarked))).strip())

    def of(self, element) -> list[Block]:
        if element.tag == "list":
            return self._list_items(element)
        if element.tag == "table":
            return self._table(element)
        if element.tag in ("quote", "code"):
            return self._quotation_or_shown_as_written(element)
        if any(self._is_block(child) for child in element):
            return self._mixed_blocks(element)
        text = self.clean(element.xpath("string()"))
        if not text:
            return []
        if element.tag == "head":
            return [] if element.get("rend") == "h1" and text == self.title else [_heading_or_separator(text)]
        if structure.is_caption(text):
            return [Block(Kind.CAPTION, text)]
        return [Block(Kind.PARAGRAPH, text)]

    def _quotation_or_shown_as_written(self, element) -> list[Block]:
        """trafilatura makes both a `<blockquote>` and a `<pre>` a `quote` (or `code`): a quotation stays one,
        paragraph by paragraph; text shown as written (a poem's lines, code) keeps its lines and spaces."""
        written = element.xpath("string()")
        if self.marks.first_tag(written) in _SHOWN_AS_WRITTEN:
            text = composed(visible(without_controls(self.marks.unmarked(written))))
            text = _BLANK_LINES_AROUND.sub("", text)
            return [Block(Kind.SHOWN_AS_WRITTEN, text)] if text.strip() else []
        if element.tag == "code":
            return [Block(Kind.PARAGRAPH, text)] if (text := self.clean(written)) else []
        blocks, quotation = self._mixed_blocks(element), self.marks.first_mark(written) or 0
        return [
            Block(Kind.QUOTATION, block.text, number=quotation) if block.kind is Kind.PARAGRAPH else block
            for block in blocks
        ]

    def _list_items(self, element) -> list[Block]:
        """Each item of a list, then each of a list nested in it (the body's lists have one level): an item's text
        with its nested list's ran into one word (`First itemNested item one`). A definition list's terms stay
        apart from their definitions, which are paragraphs; an ordered list's items keep their numbers."""
        blocks = []
        numbered = element.get("rend") == "ol"
        for number, item in enumerate(element.iterchildren("item"), start=1):
            own, nested = [item.text or ""], []
            for child in item:
                if child.tag == "list":
                    nested.append(child)
                    own.append(" ")
                else:
                    own.append(child.xpath("string()"))
                own.append(child.tail or "")
            if not (text := self.clean("".join(own))):
                pass
            elif numbered:
                shown = self.marks.first_item_number("".join(own))
                blocks.append(Block(Kind.NUMBERED_ITEM, text, number=number if shown is None else shown))
            else:
                blocks.append(Block(_item_kind(item.get("rend") or ""), text))
            for inner in nested:
                blocks.extend(self._list_items(inner))
        return blocks

    def _table(self, element) -> list[Block]:
        """A table, row by row, as the page shows it: its cells' text (a table nested in a cell is that cell's)."""
        rows = [
            cells
            for row in element.iterchildren("row")
            if any(cells := tuple(self.clean(cell.xpath("string()")) for cell in row.iterchildren("cell")))
        ]
        if not rows:
            return []
        return [Block(Kind.TABLE, " ".join(cell for row in rows for cell in row if cell), rows=tuple(rows))]

    def _mixed_blocks(self, element) -> list[Block]:
        """A paragraph holding headings or lists (trafilatura's reading of broken markup): each in its place."""
        blocks: list[Block] = []
        pieces = [element.text or ""]
        for child in element:
            if self._is_block(child):
                blocks.extend(self._text_blocks(" ".join(pieces)))
                blocks.extend(self.of(child))
                pieces = []
            else:
                pieces.append(child.xpath("string()"))
            pieces.append(child.tail or "")
        return blocks + self._text_blocks(" ".join(pieces))

    def _is_block(self, child) -> bool:
        """A block in a paragraph (trafilatura's reading of broken markup); its `code` only text shown as written
        (`<pre>`): inline code (`<p>Run <code>make check</code> ...`) is the paragraph's text."""
        if child.tag == "code":
            return self.marks.first_tag(child.xpath("string()")) in _SHOWN_AS_WRITTEN
        return child.tag in _BLOCK_TAGS

    def _text_blocks(self, text: str) -> list[Block]:
        text = self.clean(text)
        if not text:
            return []
        return [Block(Kind.CAPTION if structure.is_caption(text) else Kind.PARAGRAPH, text)]


def _item_kind(rend: str) -> Kind:
    """trafilatura's `rend` of a definition list's items: `dt-1`, `dd-1`."""
    if rend.startswith("dt"):
        return Kind.TERM
    return Kind.PARAGRAPH if rend.startswith("dd") else Kind.LIST_ITEM


def _heading_or_separator(text: str) -> Block:
    """A heading with no word nor number (`* * *`, `◆`, `—`, `x x x`) parts scenes of the text: it names no
    section (`structure.has_a_word`)."""
    is_heading = structure.has_a_word(text) or any(c.isdigit() for c in text)
    return Block(Kind.HEADING if is_heading else Kind.PARAGRAPH, text)
