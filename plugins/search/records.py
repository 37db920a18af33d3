"""Parts of a page that are search results of their own, such as the events of the timeline.

A template marks such a part with `data-search-record` and gives it an `id`;
its result links to the page's URL plus `#id`. Pagefind indexes one result per
document, so each record is handed to it as a small document of its own: the
page's language, and the part as the indexed body (with its own filters and
metadata, `partials/search_facets.html`).
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape

import lxml.html

RECORD_ATTRIBUTE = "data-search-record"
_DOCUMENT = (
    '<!doctype html><html lang="{lang}"><head><meta charset="utf-8"></head>'
    "<body><div data-pagefind-body>{body}</div></body></html>"
)


class RecordError(ValueError):
    pass


@dataclass(frozen=True)
class Record:
    anchor: str  # the part's id: the result is the page's URL + `#anchor`
    lang: str  # the page's `<html lang>`
    body: str  # the part, as HTML

    @property
    def html(self) -> str:
        """The document Pagefind indexes for it: the page's language, the part as the indexed body."""
        return _DOCUMENT.format(lang=escape(self.lang), body=self.body)


def page_records(html: str, source: str) -> list[Record]:
    """The records of the page `html` (read from `source`), in document order."""
    if RECORD_ATTRIBUTE not in html:
        return []
    document = lxml.html.document_fromstring(html)
    lang = document.get("lang") or ""
    records = []
    for element in document.xpath(f"//*[@{RECORD_ATTRIBUTE}]"):
        anchor = element.get("id")
        if not anchor:
            raise RecordError(
                f"{source}: a <{element.tag}> marked {RECORD_ATTRIBUTE} has no id "
                "(give it the id its search result should link to)"
            )
        records.append(Record(anchor, lang, lxml.html.tostring(element, encoding="unicode", with_tail=False)))
    return records
