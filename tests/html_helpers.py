"""Small readers of built pages: each page parsed once by lxml, and the result shared by every check that reads it
while the page's bytes stay the same (the checks of every page of a large archive read each page many times)."""

from __future__ import annotations

import hashlib
import sys
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree


@dataclass
class Page:
    """What the checks read of a page. Shared between them (`read_page`): read it, never change it."""

    path: Path
    lang: str | None = None
    alternates: dict[str, str] = field(default_factory=dict)
    links: list[str] = field(default_factory=list)
    # The links inside <main>, in order, but those of an article's lead (`div.lead`): its own text, which may
    # link to any page, even another article.
    main_links: list[str] = field(default_factory=list)
    link_langs: dict[str, str] = field(default_factory=dict)  # href -> hreflang, of the links that have one
    resources: list[str] = field(default_factory=list)  # src/href of things the browser loads
    stylesheets: list[str] = field(default_factory=list)  # the href of each <link rel="stylesheet">, in order
    ids: set[str] = field(default_factory=set)
    classes: set[str] = field(default_factory=set)  # every class an element of the page has
    text: str = ""


_SILENT = ("script", "style", "head")  # their text is not the page's text
_LOADED_BY_SRC = ("script", "img", "iframe", "source", "audio", "video")
_WATCHED = frozenset(("html", "link", "main", "div", "a", *_SILENT, *_LOADED_BY_SRC))  # what more than an id is read of


class _Reader:
    """Fills a Page from the tags and the text between them, in document order."""

    def __init__(self, page: Page) -> None:
        self.page = page
        self.chunks: list[str] = []
        self.silent = 0
        self.in_main = 0
        self.in_lead = 0  # <div>s open since a `div.lead` opened, itself included
        self.glue = False  # a `<bdi>` (a label isolated for its direction) opened or closed: no word ends there

    def start(self, tag: str, attributes) -> None:
        page = self.page
        if "id" in attributes:
            page.ids.add(attributes["id"])
        if "class" in attributes:
            page.classes.update(map(sys.intern, attributes["class"].split()))  # the same few names on every page
        self.glue = tag == "bdi"
        if tag not in _WATCHED:
            return
        if tag == "html":
            page.lang = attributes.get("lang")
        if tag == "link" and attributes.get("rel") == "alternate" and attributes.get("hreflang"):
            page.alternates[attributes["hreflang"]] = attributes["href"]
        elif tag == "link" and attributes.get("href"):
            page.resources.append(attributes["href"])
            if "stylesheet" in (attributes.get("rel") or "").lower().split():
                page.stylesheets.append(attributes["href"])
        if tag == "main":
            self.in_main += 1
        if tag == "div" and (self.in_lead or "lead" in (attributes.get("class") or "").split()):
            self.in_lead += 1
        if tag == "a" and attributes.get("href"):
            page.links.append(attributes["href"])
            if self.in_main and not self.in_lead:
                page.main_links.append(attributes["href"])
            if attributes.get("hreflang"):
                page.link_langs[attributes["href"]] = attributes["hreflang"]
        if tag in _LOADED_BY_SRC and attributes.get("src"):
            page.resources.append(attributes["src"])
        if tag in _SILENT:
            self.silent += 1

    def end(self, tag: str) -> None:
        self.glue = tag == "bdi"
        if tag in _SILENT:
            self.silent -= 1
        if tag == "main":
            self.in_main -= 1
        if tag == "div" and self.in_lead:
            self.in_lead -= 1

    def text(self, data: str | None) -> None:
        if not data or self.silent:
            return
        if self.glue and self.chunks:
            self.chunks[-1] += data
        else:
            self.chunks.append(data)
        self.glue = False


def _parse(path: Path, html: bytes) -> Page:
    page = Page(path)
    reader = _Reader(page)
    root = etree.fromstring(html, etree.HTMLParser(encoding="utf-8")) if html.strip() else None
    if root is None:  # no element at all
        return page
    # A tree gives each element's text (after its start tag) and tail (after its end tag): the tags and the text
    # between them in document order, as a reader of the markup sees them. A comment only ends a run of text (and
    # is walked only when asked for: its tail is text of the page).
    for event, element in etree.iterwalk(root, events=("start", "end", "comment", "pi")):
        if event in ("comment", "pi"):
            reader.text(element.tail)
        elif event == "start":
            reader.start(element.tag, element.attrib)
            reader.text(element.text)
        else:
            reader.end(element.tag)
            reader.text(element.tail)
    page.text = " ".join(" ".join(reader.chunks).split())
    return page


_READ: dict[Path, tuple[bytes, Page]] = {}


def read_page(path: Path) -> Page:
    """The page at `path`, parsed once while its bytes stay the same (a test that changes a page reads it anew)."""
    html = path.read_bytes()
    digest = hashlib.blake2b(html, digest_size=16).digest()
    known = _READ.get(path)
    if known is not None and known[0] == digest:
        return known[1]
    page = _parse(path, html)
    _READ[path] = (digest, page)
    return page


def page_for_url(site: Path, url: str) -> Path:
    """The file a static host serves for a site-relative URL such as `/pl/`."""
    local = url.split("#")[0].lstrip("/")
    target = site / local
    return target / "index.html" if local == "" or local.endswith("/") else target
