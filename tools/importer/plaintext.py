"""A plain-text article: one paragraph per line, as copied from a news page, or hard-wrapped paragraphs."""

from __future__ import annotations

import re

from archive_core.datelines import is_dateline
from archive_core.provenance import same_address

from . import structure, wrapping
from .model import Block, Dropped, Kind, ParsedSource
from .wrapping import Numbered

# A YAML front matter's lines: `---`, then `key: value` lines (and their indented or listed continuations), then
# `---` or `...`. Its keys are names a site's templates read, in lower case (`title:`, `translation_key:`); a line
# of a text opens with a capital (`Q: ...`, `A: ...` of an interview between two rules, a speaker's `Kowalski: ...`).
_FENCE = re.compile(r"---[ \t]*")
_FRONT_MATTER_END = re.compile(r"(?:---|\.\.\.)[ \t]*")
_FRONT_MATTER_KEY = re.compile(r"[a-z_][A-Za-z0-9_-]*:(?:[ \t].*)?")
_FRONT_MATTER_MORE = re.compile(r"(?:[ \t]+\S|- ).*")
# How far its closing line is looked for: a front matter is a few fields, an article's text is longer. It has two
# at least (a title, a date): one line `Hanoi: ...` between two rules is a text's.
FRONT_MATTER_MAX_LINES = 60
FRONT_MATTER_MIN_KEYS = 2


def front_matter_end(text: str) -> int | None:
    """The line that closes the YAML front matter `text` opens with (`---`, `title: ...`, `---`), or None: a file
    written for a site (an article of the archive, another site's Markdown), whose fields no text of the article
    is."""
    lines = text.split("\n", FRONT_MATTER_MAX_LINES + 1)[: FRONT_MATTER_MAX_LINES + 1]
    if not lines or not _FENCE.fullmatch(lines[0].strip("\r")):
        return None
    keys = 0
    for number, raw in enumerate(lines[1:], start=2):
        line = raw.rstrip("\r")
        if _FRONT_MATTER_END.fullmatch(line):
            return number if keys >= FRONT_MATTER_MIN_KEYS else None
        if _FRONT_MATTER_KEY.fullmatch(line):
            keys += 1
        elif line.strip() and not (keys and _FRONT_MATTER_MORE.fullmatch(line)):
            return None
    return None


def parse_text(text: str, address: str | None = None) -> ParsedSource:
    """The article of `text`; `address`, the article's own (SOURCE_URL), when it is given."""
    raw = text.split("\n")
    numbered = [(number, line.strip()) for number, line in enumerate(raw, start=1)]
    url, numbered, cited = _take_source_url(numbered, address)
    kept = [(number, line) for number, line in numbered if line]
    kept, dropped = _drop_trailing_residue(kept)
    if kept:
        # Up to its last line (the residue after it is gone), indented as written: indentation counts in widths.
        article = [(number, raw[number - 1].rstrip() if line else "") for number, line in numbered[: kept[-1][0]]]
        if wrapping.is_hard_wrapped(article):
            kept = wrapping.unwrap(article)
    lines = [line for _, line in kept]

    title = None
    no_title = _why_no_title(lines)
    if no_title is None:
        title, lines = lines[0], lines[1:]
    publisher = structure.closing_credit(lines[-1]) if lines else None
    return ParsedSource(
        blocks=tuple(classify(lines)),
        title=title,
        no_title=f"the text's first line is no headline ({no_title})" if no_title else "",
        source_url=url,
        publisher=publisher,
        dropped=tuple(dropped),
        cited_addresses=tuple(cited),
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
        elif _between_paragraphs(lines, index) and structure.looks_like_heading(line) and not _says_who_or_when(line):
            blocks.append(Block(Kind.HEADING, line))
        else:
            blocks.append(Block(Kind.PARAGRAPH, line))
        blocks.extend(Block(Kind.LIST_ITEM, item) for item in items)
        index += 1 + len(items)
    return blocks


def _why_no_title(lines: list[str]) -> str | None:
    """Why the text's first line is not its title, or None when it is: a headline (`structure.why_no_headline`) that
    stands alone before the body. One that ends as a question, an exclamation or a quotation does (`Co dalej?`)
    stands so only before a longer paragraph: else it is the text's own first paragraph."""
    if not lines:
        return "the text has none"
    first = lines[0]
    if len(lines) == 1:
        return "it is the text's only line"
    if structure.agency_credit(first):
        return "it is an agency credit"
    if is_dateline(first):
        return "it is a date line"
    if structure.is_byline(first):
        return "it is a byline"
    if why := structure.why_no_headline(first):
        return why
    if structure.ends_sentence(first) and all(len(line) <= len(first) for line in lines[1:]):
        return "it ends as a question, an exclamation or a quotation does, and no longer paragraph follows it"
    return None


def _says_who_or_when(line: str) -> bool:
    return is_dateline(line) or structure.is_byline(line)


def _between_paragraphs(lines: list[str], index: int) -> bool:
    """A subheading parts the text: text before it (it is never the lead, nor a byline above it), and text after
    it that is more than the agency credit closing the article."""
    after = lines[index + 1 :]
    return index > 0 and bool(after) and not (len(after) == 1 and structure.agency_credit(after[0]))


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


def _take_source_url(
    numbered: list[Numbered], address: str | None
) -> tuple[str | None, list[Numbered], list[tuple[int, str]]]:
    """The first "Source: URL" line (or "Source:" with the URL wrapped onto the next line) that gives the
    article's address (any, when `address` is not given), blanked out: it is metadata, not text, and it ends a
    paragraph. One naming another address cites a page, and stays in the text: (its line, its URL) each."""
    cited = []
    for index, (number, line) in enumerate(numbered):
        following = numbered[index + 1][1] if index + 1 < len(numbered) else ""
        wrapped = structure.SOURCE_LABEL.fullmatch(line) is not None
        url = structure.source_url(f"{line} {following}") if wrapped else structure.source_url(line)
        if not url:
            continue
        if address is not None and same_address(url) != same_address(address):
            cited.append((number, url))
            continue
        blanked = [(number, "")] + ([(numbered[index + 1][0], "")] if wrapped else [])
        return url, [*numbered[:index], *blanked, *numbered[index + len(blanked) :]], cited
    return None, numbered, cited


def _drop_trailing_residue(kept: list[tuple[int, str]]) -> tuple[list[tuple[int, str]], list[Dropped]]:
    dropped = []
    while kept and structure.is_residue(kept[-1][1]):
        number, line = kept.pop()
        dropped.insert(0, Dropped(number, line))
    return kept, dropped
