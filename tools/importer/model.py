"""What the importer reads from a source, before it becomes Markdown."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from enum import Enum

from archive_core.datelines import dateline_date, is_dateline, split_dateline
from archive_core.words import has_a_word

from .structure import is_byline

# Where a text's date line stands: above the lead, or opening it.
DATELINE_PARAGRAPHS = 2


class Kind(Enum):
    PARAGRAPH = "paragraph"
    HEADING = "heading"
    CAPTION = "caption"
    LIST_ITEM = "list item"
    NUMBERED_ITEM = "numbered item"  # an item of an ordered list (`<ol>`): its number is the page's
    TABLE = "table"
    QUOTATION = "quotation"  # a paragraph of a quotation (`<blockquote>`)
    SHOWN_AS_WRITTEN = "shown as written"  # its lines and spaces as the page shows them (`<pre>`: a poem, code)
    TERM = "term"  # a definition list's term; its definitions are paragraphs after it


@dataclass(frozen=True)
class Block:
    kind: Kind
    text: str
    rows: tuple[tuple[str, ...], ...] = ()  # a table's cells, row by row; its `text` is all of them
    number: int = 0  # a numbered item's; a quotation's paragraph's: which quotation of the page it is of


@dataclass(frozen=True)
class Dropped:
    """A line left out of the article (page residue, a drawing's labels), reported to the user."""

    line: int | None
    text: str
    why: str = "page residue"


@dataclass(frozen=True)
class ParsedSource:
    """The article as found in the source; every field but `blocks` may be missing."""

    blocks: tuple[Block, ...]
    title: str | None = None
    no_title: str = ""  # where the source gives no title, why not: the note on the title made of its text says it
    date: date | None = None
    source_url: str | None = None
    publisher: str | None = None
    dropped: tuple[Dropped, ...] = field(default=())
    text: str = ""  # the source as read, for the lines of errors
    # "Source: https://..." lines left in the text, naming another address than the article's (SOURCE_URL): a
    # page the text cites. Their line and address.
    cited_addresses: tuple[tuple[int, str], ...] = ()

    @property
    def lead_paragraph(self) -> str | None:
        """The first paragraph with a word (`words.has_a_word`: not a line of dashes) that is more than the page's
        date line or a byline."""
        return next(
            (
                b.text
                for b in self.blocks
                if b.kind is Kind.PARAGRAPH and has_a_word(b.text) and not (is_dateline(b.text) or is_byline(b.text))
            ),
            None,
        )

    @property
    def lead(self) -> str | None:
        """The lead paragraph without the date line that opens it (`Hanoi (PAP) - `): the text the summary and a
        derived title are made of."""
        paragraph = self.lead_paragraph
        opened = split_dateline(paragraph) if paragraph else None
        return opened[1] if opened else paragraph

    @property
    def dateline(self) -> tuple[date, str] | None:
        """The day the text's date line gives (`Wilno, 14 stycznia 2026`), if one of its first paragraphs is
        or opens with one that gives the year; and that date line (`HANOI, October 25, 2025 -`)."""
        paragraphs = [b.text for b in self.blocks if b.kind is Kind.PARAGRAPH][:DATELINE_PARAGRAPHS]
        found = next(((day, text) for text in paragraphs if (day := dateline_date(text)) is not None), None)
        if found is None:
            return None
        opened = split_dateline(found[1])
        return found[0], opened[0] if opened else found[1]


@dataclass(frozen=True)
class ImportOptions:
    """What the editor gives on the command line; each overrides what the source says."""

    title: str | None = None
    date: date | None = None
    lang: str | None = None
    source_url: str | None = None
    publisher: str | None = None
    translation_key: str | None = None
    slug: str | None = None
    editor_note: str | None = None
    raw: str | None = None  # the raw copy, relative to the content folder (`sources/...`), when it is kept there
    # A Polish or English text translated from a source in a third language: its `translation_chain`'s one step.
    translated_from: str | None = None
    translated_by: str | None = None
