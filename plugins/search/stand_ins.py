"""A page found from the search of a language it has no version in: its stand-in document in that language's index.

Each language has an index of its own (the pages' `<html lang>`), so a page
that exists in English only is not found by the Polish search. A page that
should be marks an element `data-search-stand-in="pl"` (and
`data-pagefind-ignore="all"`, so that its own index reads nothing of it),
holding as Pagefind attributes the filters and metadata it has in Polish
("Kraj: Wietnam", its date as Polish pages write it). Its stand-in document,
handed to Pagefind with the page's URL, is the page itself, with:

- `<html lang="pl">`: it goes into the Polish index, and its result links to the page (`stand_in_url`);
- the filters and sort keys of that element only (a filter's name and values are the language's);
- the page's metadata (its title, summary...), but those the element gives, and `lang`: the page's own
  language, so that the search page can show the result as what it is (an English text);
- the element itself marked `data-pagefind-ignore` (its filters read, its text not indexed) and the
  page's other stand-in elements left out.

The stand-in is never written: it is built from the written page when Pagefind reads it.
"""

from __future__ import annotations

import re
from html import escape

import lxml.html

from .records import RecordError

STAND_IN_ATTRIBUTE = "data-search-stand-in"
STAND_IN_FRAGMENT = "in-"  # a stand-in's result: `/en/2025/slug/#in-pl` (`stand_in_url`)
LANG_META = "lang"  # the metadata field of a stand-in's result: the language of the page it stands for
_LANGUAGE_TAG = re.compile(r"[A-Za-z]{2,8}(?:-[A-Za-z0-9]{1,8})*")
_FACETS = ("data-pagefind-filter", "data-pagefind-sort")
_META = "data-pagefind-meta"


def stand_in_url(page_url: str, lang: str) -> str:
    """The URL of a stand-in's result: the page's, with a fragment no page has (`#in-pl`), since Pagefind keeps
    one page per URL, in all languages. The search page takes the fragment off; another leads to the page's top."""
    return f"{page_url}#{STAND_IN_FRAGMENT}{lang}"


def stand_in_languages(html: bytes, source: str) -> list[str]:
    """The languages the page `html` (read from `source`) stands in for, in document order, each once; RecordError
    for a value that is not a language tag (it becomes an index's language).

    A byte search tells the pages that may have one; the elements are read from the parsed page, since the page's
    text may name the attribute too (an article's summary in `<meta name="description" content="...">`)."""
    if STAND_IN_ATTRIBUTE.encode() not in html.lower():
        return []
    elements = lxml.html.document_fromstring(html).xpath(f"//*[@{STAND_IN_ATTRIBUTE}]")
    langs = list(dict.fromkeys(element.get(STAND_IN_ATTRIBUTE) for element in elements))
    for lang in langs:
        if not _LANGUAGE_TAG.fullmatch(lang):
            raise RecordError(
                f"{source}: {STAND_IN_ATTRIBUTE}={lang!r} is not a language tag (give the language the page "
                'stands in for, as its pages write it in <html lang>: "pl", "pt-BR")'
            )
    return langs


def _meta_fields(value: str) -> list[tuple[str, str]]:
    """`"title, image[src]"` -> [("title", "title"), ("image", "image[src]")]: each field's name and its part."""
    parts = [part.strip() for part in value.split(",") if part.strip()]
    return [(re.split(r"[:\[]", part, maxsplit=1)[0].strip(), part) for part in parts]


def stand_in_document(html: str, lang: str, source: str) -> str:
    """The document Pagefind indexes for the page `html` (read from `source`) in the index of `lang`."""
    document = lxml.html.document_fromstring(html)
    own_lang = document.get("lang") or ""
    marked = document.xpath(f"//*[@{STAND_IN_ATTRIBUTE}]")
    chosen = [element for element in marked if element.get(STAND_IN_ATTRIBUTE) == lang]
    if len(chosen) != 1:
        raise RecordError(
            f"{source}: {len(chosen)} elements marked {STAND_IN_ATTRIBUTE}={lang!r}, where one is needed "
            "(one element per language the page stands in for, holding its filters and metadata in that language)"
        )
    block = chosen[0]
    given = {
        name
        for element in block.xpath(f"descendant-or-self::*[@{_META}]")
        for name, _ in _meta_fields(element.get(_META))
    }
    inside = set(block.iter())
    for element in document.xpath(f"//*[@{_FACETS[0]} or @{_FACETS[1]} or @{_META}]"):
        if element in inside:
            continue
        for attribute in _FACETS:
            element.attrib.pop(attribute, None)
        if _META in element.attrib:
            kept = [part for name, part in _meta_fields(element.get(_META)) if name not in given | {LANG_META}]
            if kept:
                element.set(_META, ", ".join(kept))
            else:
                del element.attrib[_META]
    for element in marked:
        if element is not block:
            element.drop_tree()
    document.set("lang", lang)
    block.set("data-pagefind-ignore", "index")
    if own_lang and LANG_META not in given:
        block.append(lxml.html.fragment_fromstring(f'<span data-pagefind-meta="{LANG_META}">{escape(own_lang)}</span>'))
    return lxml.html.tostring(document, encoding="unicode", doctype="<!doctype html>")
