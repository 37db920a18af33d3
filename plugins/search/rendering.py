"""The text Pagefind searches, and the folded terms of a page (see `folding`).

One extractor, `indexed_text`, for every use: the words Pagefind searches are
those outside `data-pagefind-ignore`, scripts, styles, templates and
comments, inside the indexed region (`data-pagefind-body` elements, or the
whole `<body>` on a site that marks none), plus the metadata fields taken
from an element's text (`data-pagefind-meta="title"`), which Pagefind 1.5
searches too, even inside an ignored part (the title of a page is metadata,
not text: it is not repeated in excerpts).

The folded terms reach Pagefind as a metadata field named `folded`, which
readers never see, in one of two ways (setting `SEARCH_FOLDING`):

- `"template"`: the theme wraps the content of its pages in
  `{% filter search_folding %}`; the filter appends
  `<data hidden value="bialorusi lodzi" data-pagefind-meta="folded[value]"></data>`
  while the page is rendered (in the build's worker processes, at no extra
  parsing). Pages outside the index get the element too; Pagefind never reads them.
- `"pages"` (any theme): before indexing, each page Pagefind will index gets
  `<meta data-pagefind-meta="folded[content]" content="...">` at the end of its `<head>`.
"""

from __future__ import annotations

import re
from html import escape

import lxml.html
from lxml import etree
from markupsafe import Markup

from .folding import folded_terms, has_letter_to_fold

FOLDED_META = "folded"
_CHARACTER_REFERENCE = re.compile(r"&(?!(?:amp|lt|gt|quot|#39|#34|#x27|#x22);)")
BODY_MARKER = "data-pagefind-body"
# Compiled once: `element.xpath(text)` compiles its expression again at every call (every page).
_NOT_INDEXED = etree.XPath(".//*[@data-pagefind-ignore] | .//script | .//style | .//template | .//noscript")
# Metadata read from an element's text (not `name[attribute]`), outside parts ignored with "all".
_TEXT_META = etree.XPath(
    ".//*[@data-pagefind-meta][not(contains(@data-pagefind-meta, '['))]"
    "[not(contains(@data-pagefind-meta, ':'))][not(ancestor-or-self::*[@data-pagefind-ignore='all'])]"
)


_STRING = etree.XPath("string()", smart_strings=False)  # `HtmlElement.text_content`
# lxml.html's parser, without its Python lookup of a class for each element the text's reading touches (a third of
# the parse and the reading): the same tree, its elements plain `etree` ones.
_PLAIN_PARSER = etree.HTMLParser()
_FULL_DOCUMENT = re.compile(r"^\s*<(?:html|!doctype)", re.IGNORECASE)  # as lxml.html's `fragments_fromstring`


def _text_of(root: etree._Element) -> str:
    metadata = [_STRING(element) for element in _TEXT_META(root)]
    for element in _NOT_INDEXED(root):
        _drop_tree(element)
    return " ".join([*root.itertext(), *metadata])


def _drop_tree(element: etree._Element) -> None:
    """`HtmlElement.drop_tree`: the element and its children removed, its tail joined to what is before it."""
    parent = element.getparent()
    if element.tail:
        previous = element.getprevious()
        if previous is None:
            parent.text = (parent.text or "") + element.tail
        else:
            previous.tail = (previous.tail or "") + element.tail
    parent.remove(element)


def _fragment_root(fragment: str) -> etree._Element:
    """The HTML `fragment` parsed as `lxml.html.fragment_fromstring(fragment, create_parent="div")` parses it, under
    the `<body>` element that parse takes its elements from (plain `etree` elements)."""
    if not _FULL_DOCUMENT.match(fragment):
        document = etree.fromstring(f"<html><body>{fragment}</body></html>", _PLAIN_PARSER)
        bodies = [element for element in document if element.tag == "body"]
        if bodies:
            return _one_body(bodies)
    return lxml.html.fragment_fromstring(fragment, create_parent="div")


def _one_body(bodies: list[etree._Element]) -> etree._Element:
    """The first of `bodies` holding the content of all, in order, as a browser reads a second `<body>` (into the
    one it has): lxml keeps each, and `fragment_fromstring` raised "too many bodies" on `</body><body>`, which a
    plugin's HTML may hold (the body's own raw HTML is off)."""
    first, *others = bodies
    for other in others:
        if other.text:
            last = first[-1] if len(first) else None
            if last is None:
                first.text = (first.text or "") + other.text
            else:
                last.tail = (last.tail or "") + other.text
        first.extend(list(other))
        other.getparent().remove(other)
    return first


def indexed_text(fragment: str) -> str:
    """The text of the HTML `fragment` that Pagefind searches (its text and text metadata), one chunk per node."""
    if not fragment.strip():
        return ""
    return _text_of(_fragment_root(fragment))


def page_text(html: str, whole_body: bool = False) -> str:
    """The text Pagefind searches of the page `html`: its `data-pagefind-body` elements, or (`whole_body`) its body."""
    document = lxml.html.document_fromstring(html)
    regions = [document.body] if whole_body else document.xpath(f"//*[@{BODY_MARKER}]")
    return " ".join(_text_of(region) for region in regions)


def folded_element(terms: list[str]) -> str:
    if not terms:
        return ""
    value = escape(" ".join(terms))
    return f'<data hidden value="{value}" data-pagefind-meta="{FOLDED_META}[value]"></data>'


def with_folded_terms(html: str) -> Markup:
    """`html` (the rendered content of a page) plus the element holding its folded terms."""
    html = str(html)
    if not might_need_folding(html):
        return Markup(html)  # noqa: S704 (our own rendered HTML, unchanged)
    return Markup(html + folded_element(folded_terms(indexed_text(html))))  # noqa: S704 (our own rendered HTML; the terms are escaped)


def might_need_folding(html: str) -> bool:
    """False when no word anywhere in `html` (text, tags, attributes) has a letter Pagefind cannot fold.

    Then its indexed text, made of the same characters, has none either, and the page needs no parse:
    about half the pages of a bilingual archive (the English ones, most of the time). A character
    reference other than the five that escaping makes (`&#322;` is ł) means a parse, to be sure.
    """
    return bool(_CHARACTER_REFERENCE.search(html)) or has_letter_to_fold(html)


def also_folded(text: str) -> str:
    """`text` and the folded forms of its words: `Białoruś` -> `Białoruś bialorus`, for a metadata field."""
    return " ".join([text, *folded_terms(text)])


def with_folded_meta(html: str, terms: list[str]) -> str:
    """`html` with `<meta data-pagefind-meta="folded[content]" content="...">` at the end of its head."""
    if not terms:
        return html
    tag = f'<meta data-pagefind-meta="{FOLDED_META}[content]" content="{escape(" ".join(terms))}">'
    at = html.lower().find("</head>")
    return html[:at] + tag + html[at:] if at >= 0 else tag + html
