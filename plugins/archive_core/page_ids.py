"""The ids a page of the theme gives its own parts: no timeline event and no heading of a text may take one."""

from __future__ import annotations

import re

from markdown_it.rules_core import StateCore
from slugify import slugify

from .urls import ARTICLE_ANCHOR_PREFIX, YEAR_ANCHOR_PREFIX

# Anchors the timeline page uses itself, and every id the theme's templates write (an event is an element of
# the timeline and country pages: an event `main` took the skip link's target). tests/test_timeline.py keeps
# this list and the templates' ids together.
RESERVED_ID_PREFIXES = (ARTICLE_ANCHOR_PREFIX, YEAR_ANCHOR_PREFIX)
RESERVED_IDS = frozenset((
    "articles-heading", "cite-heading", "corrections-heading", "corrections-log-heading", "entry-into-force-count",
    "entry-into-force-heading", "europe-map-title", "events-heading", "main", "map-dots-not-signed", "map-hatch",
    "map-hatch-signed", "month-index-heading", "neighbours-heading", "newest-events-heading", "next",
    "notes-heading", "open-data-heading", "people-heading", "regions", "regions-heading",
    "scheduled-events-heading", "search-browse-heading", "search-filter-groups", "search-filters",
    "search-filters-clear", "search-filters-count", "search-heading", "search-more", "search-results",
    "search-status", "search-ui", "site-search-query", "status-heading", "summary-heading",
    "timeline-years-heading", "topics-heading", "world-map-caption", "world-map-title", "year-index-heading",
))  # fmt: skip
# The ids markdown-it gives a body's own marks: its footnotes (`fn1`, `fnref1`) and the notes on its passages.
BODY_MARK_IDS = re.compile(r"fn[0-9]+|fnref[0-9]+(?::[0-9]+)?|note-[0-9]+")
HEADING_ID_MAX_LENGTH = 80
HEADING_ID_SUFFIX = "-section"


def is_reserved(page_id: str) -> bool:
    """Whether `page_id` is an id the theme's pages, or a body's footnotes and notes, use for themselves."""
    return page_id in RESERVED_IDS or page_id.startswith(RESERVED_ID_PREFIXES) or bool(BODY_MARK_IDS.fullmatch(page_id))


def heading_id(title: str) -> str:
    """A heading's anchor, as an article's address writes its title (`Rekordowa skala` -> `rekordowa-skala`);
    `section` for a title with no letter or digit; with `-section` after an id the page uses for itself
    (`Main` -> `main-section`, not the skip link's target), or one that markdown-it would make one by telling
    two headings apart (`Note`, then `note-1`, a note's id)."""
    slug = slugify(title, max_length=HEADING_ID_MAX_LENGTH, word_boundary=True) or "section"
    return slug + HEADING_ID_SUFFIX if is_reserved(slug) or is_reserved(f"{slug}-1") else slug


def give_heading_ids(state: StateCore) -> None:
    """Every heading an id (`heading_id`), two of one title told apart as mdit-py-plugins' anchors plugin tells them
    (`x`, `x-1`, `x-2`, the first not taken), in linear time: its `unique_slug` tried every number again from 1
    for each heading, and 8,000 headings of one title took 10 s to render, a file of 2 MB of them hours."""
    taken = {str(token.attrGet("id")) for token in state.tokens if token.type == "heading_open" and token.attrGet("id")}
    next_number: dict[str, int] = {}  # of each id: every `<id>-<n>` below it is taken
    for index, token in enumerate(state.tokens):
        if token.type != "heading_open" or token.attrGet("id"):
            continue
        children = state.tokens[index + 1].children or []
        base = heading_id("".join(child.content for child in children if child.type in ("text", "code_inline")))
        unique, number = base, next_number.get(base, 1)
        while unique in taken:
            unique, number = f"{base}-{number}", number + 1
        next_number[base] = number
        taken.add(unique)
        token.attrSet("id", unique)


_HEADING_ID = re.compile(r'<h([1-6]) id="([^"]+)"')


def counterpart_anchors(own_html: str, other_html: str) -> dict[str, str]:
    """{a heading's id: the id of the same heading in another version of the text} for the ids that differ: two
    versions of one text (a page in two languages) whose headings are at the same levels in the same order. {} when
    their outlines differ: no heading is guessed at (the language switch then leads to the other page's top)."""
    own, other = _HEADING_ID.findall(own_html), _HEADING_ID.findall(other_html)
    if [level for level, _ in own] != [level for level, _ in other]:
        return {}
    return {mine: theirs for (_, mine), (_, theirs) in zip(own, other, strict=True) if mine != theirs}
