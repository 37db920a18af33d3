"""Small readers of built pages, on the standard library's HTML parser."""

from __future__ import annotations

from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path


@dataclass
class Page:
    path: Path
    lang: str | None = None
    alternates: dict[str, str] = field(default_factory=dict)
    links: list[str] = field(default_factory=list)
    # The links inside <main>, in order, but those of an article's lead (`div.lead`): its own text, which may
    # link to any page, even another article.
    main_links: list[str] = field(default_factory=list)
    link_langs: dict[str, str] = field(default_factory=dict)  # href -> hreflang, of the links that have one
    resources: list[str] = field(default_factory=list)  # src/href of things the browser loads
    ids: set[str] = field(default_factory=set)
    text: str = ""


class _Parser(HTMLParser):
    def __init__(self, page: Page) -> None:
        super().__init__(convert_charrefs=True)
        self.page = page
        self.chunks: list[str] = []
        self.skip = 0
        self.in_main = 0
        self.in_lead = 0  # <div>s open since a `div.lead` opened, itself included
        self.glue = False  # a `<bdi>` (a label isolated for its direction) opened or closed: no word ends there

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "html":
            self.page.lang = a.get("lang")
        if "id" in a:
            self.page.ids.add(a["id"])
        if tag == "link" and a.get("rel") == "alternate" and a.get("hreflang"):
            self.page.alternates[a["hreflang"]] = a["href"]
        elif tag == "link" and a.get("href"):
            self.page.resources.append(a["href"])
        if tag == "main":
            self.in_main += 1
        if tag == "div" and (self.in_lead or "lead" in (a.get("class") or "").split()):
            self.in_lead += 1
        if tag == "a" and a.get("href"):
            self.page.links.append(a["href"])
            if self.in_main and not self.in_lead:
                self.page.main_links.append(a["href"])
            if a.get("hreflang"):
                self.page.link_langs[a["href"]] = a["hreflang"]
        if tag in ("script", "img", "iframe", "source", "audio", "video") and a.get("src"):
            self.page.resources.append(a["src"])
        if tag in ("script", "style", "head"):
            self.skip += 1
        self.glue = tag == "bdi"

    def handle_endtag(self, tag):
        self.glue = tag == "bdi"
        if tag in ("script", "style", "head"):
            self.skip -= 1
        if tag == "main":
            self.in_main -= 1
        if tag == "div" and self.in_lead:
            self.in_lead -= 1

    def handle_data(self, data):
        if self.skip:
            return
        if self.glue and self.chunks:
            self.chunks[-1] += data
        else:
            self.chunks.append(data)
        self.glue = False


def read_page(path: Path) -> Page:
    page = Page(path)
    parser = _Parser(page)
    parser.feed(path.read_text(encoding="utf-8"))
    page.text = " ".join(" ".join(parser.chunks).split())
    return page


def page_for_url(site: Path, url: str) -> Path:
    """The file a static host serves for a site-relative URL such as `/pl/`."""
    local = url.split("#")[0].lstrip("/")
    target = site / local
    return target / "index.html" if local == "" or local.endswith("/") else target
