"""The folded terms of a page, added while it is rendered (see `folding`).

`base.html` wraps the content inside `<main>` in `{% filter search_folding %}`.
The filter appends one element that Pagefind reads as the metadata field
`folded` and that readers never see:
`<data hidden value="bialorusi lodzi" data-pagefind-meta="folded[value]"></data>`.
The terms come from the text Pagefind searches: outside `data-pagefind-ignore`,
scripts and styles, plus the metadata fields taken from an element's text
(`data-pagefind-meta="title"`), which Pagefind 1.5 searches too, even inside an
ignored part (the title of a page is metadata, not text: it is not repeated in
excerpts). Pages outside the index (no `data-pagefind-body`) get the element
too; Pagefind never reads them.
"""

from __future__ import annotations

from html import escape

import lxml.html
from markupsafe import Markup

from .folding import folded_terms

FOLDED_META = "folded"
_NOT_INDEXED = ".//*[@data-pagefind-ignore] | .//script | .//style | .//template | .//noscript"
# Metadata read from an element's text (not `name[attribute]`), outside parts ignored with "all".
_TEXT_META = (
    ".//*[@data-pagefind-meta][not(contains(@data-pagefind-meta, '['))]"
    "[not(contains(@data-pagefind-meta, ':'))][not(ancestor-or-self::*[@data-pagefind-ignore='all'])]"
)


def indexed_text(fragment: str) -> str:
    """The text of the HTML `fragment` that Pagefind searches (its text and text metadata), one chunk per node."""
    if not fragment.strip():
        return ""
    root = lxml.html.fragment_fromstring(fragment, create_parent="div")
    metadata = [element.text_content() for element in root.xpath(_TEXT_META)]
    for element in root.xpath(_NOT_INDEXED):
        element.drop_tree()
    return " ".join([*root.itertext(), *metadata])


def folded_element(terms: list[str]) -> str:
    if not terms:
        return ""
    value = escape(" ".join(terms))
    return f'<data hidden value="{value}" data-pagefind-meta="{FOLDED_META}[value]"></data>'


def with_folded_terms(html: str) -> Markup:
    """`html` (the rendered content of a page) plus the element holding its folded terms."""
    return Markup(str(html) + folded_element(folded_terms(indexed_text(str(html)))))  # noqa: S704 (our own rendered HTML; the terms are escaped)
