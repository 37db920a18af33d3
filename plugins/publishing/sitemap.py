"""sitemap.xml with hreflang alternates, and robots.txt, from what the written pages declare.

Every page of the site, whichever plugin wrote it, declares its canonical URL
and its language versions in its <head>; the sitemap lists exactly those, so
it cannot drift from the pages. A page without a canonical link or marked
`noindex` (the 404 page) is left out.

A sitemap holds at most 50,000 URLs and 50 MB (sitemaps.org, "Sitemap index
files"): a larger site gets `sitemap-1.xml`, `sitemap-2.xml`... and
`sitemap.xml` becomes their index, so robots.txt names the same address
whatever the size of the archive.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from xml.etree import ElementTree as ET

from lxml import html as lxml_html

from .addresses import absolute

SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9"
XHTML_NS = "http://www.w3.org/1999/xhtml"
_HEAD_END = re.compile(r"</head\s*>", re.IGNORECASE)
_HEAD_END_BYTES = re.compile(rb"</head\s*>", re.IGNORECASE)
_HEAD_END_LONGEST = 64  # how far back a chunk's search starts, for a `</head >` cut by the chunk before
_CHUNK = 8192
MAX_URLS = 50_000  # per sitemap file, and per index (sitemaps.org)
MAX_BYTES = 50 * 1024 * 1024  # per file, uncompressed
INDEX_NAME = "sitemap.xml"


@dataclass(frozen=True)
class PageHead:
    """What one written page says about itself."""

    canonical: str | None
    alternates: tuple[tuple[str, str], ...] = ()  # (hreflang, url)
    noindex: bool = False


@dataclass(frozen=True)
class SitemapEntry:
    loc: str  # absolute
    alternates: tuple[tuple[str, str], ...] = field(default=())  # absolute


def read_head(html: str) -> PageHead:
    # Only the head is parsed (lxml, in C): the body says nothing about the page, and is most of its bytes.
    end = _HEAD_END.search(html)
    document = lxml_html.document_fromstring(html[: end.end()] if end else html)
    canonical, alternates, noindex = [], [], False
    for element in document.xpath("/html/head/link | /html/head/meta"):
        rel = (element.get("rel") or "").split()
        if element.tag == "link" and "canonical" in rel:
            canonical.append(element.get("href") or "")
        elif element.tag == "link" and "alternate" in rel and element.get("hreflang") and element.get("href"):
            alternates.append((element.get("hreflang"), element.get("href")))
        elif element.tag == "meta" and (element.get("name") or "").lower() == "robots":
            noindex = noindex or "noindex" in (element.get("content") or "").lower()
    return PageHead(canonical=canonical[0] if canonical else None, alternates=tuple(alternates), noindex=noindex)


def read_head_of(path: Path) -> PageHead:
    """`read_head` of the page at `path`, read no further than the end of its head."""
    data = b""
    with path.open("rb") as stream:
        while chunk := stream.read(_CHUNK):
            data += chunk
            if end := _HEAD_END_BYTES.search(data, max(0, len(data) - len(chunk) - _HEAD_END_LONGEST)):
                data = data[: end.end()]
                break
    return read_head(data.decode("utf-8"))


def sitemap_entries(heads: Iterable[PageHead], base: str) -> list[SitemapEntry]:
    """One entry per indexable page. Alternates are kept only when they include the page
    itself (a paginated `/pl/page/2/` carries its first page's alternates, which are not its own)."""
    entries = {}
    for head in heads:
        if head.noindex or not head.canonical:
            continue
        loc = absolute(base, head.canonical)
        alternates = tuple((lang, absolute(base, url)) for lang, url in head.alternates)
        if loc not in {url for _lang, url in alternates}:
            alternates = ()
        entries[loc] = SitemapEntry(loc, alternates)
    return [entries[loc] for loc in sorted(entries)]


def sitemap_xml(entries: Iterable[SitemapEntry]) -> str:
    ET.register_namespace("", SITEMAP_NS)
    ET.register_namespace("xhtml", XHTML_NS)
    urlset = ET.Element(f"{{{SITEMAP_NS}}}urlset")
    for entry in entries:
        url = ET.SubElement(urlset, f"{{{SITEMAP_NS}}}url")
        ET.SubElement(url, f"{{{SITEMAP_NS}}}loc").text = entry.loc
        for lang, href in entry.alternates:
            ET.SubElement(url, f"{{{XHTML_NS}}}link", rel="alternate", hreflang=lang, href=href)
    ET.indent(urlset)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(urlset, encoding="unicode") + "\n"


def sitemap_files(entries: list[SitemapEntry], base: str, max_urls: int = MAX_URLS) -> dict[str, str]:
    """The sitemap's files by name: `sitemap.xml` alone, or, past `max_urls` entries or MAX_BYTES, the parts
    `sitemap-1.xml`, `sitemap-2.xml`... (in the order of `entries`) and `sitemap.xml` as their index."""
    whole = sitemap_xml(entries)
    if len(entries) <= max_urls and len(whole.encode("utf-8")) <= MAX_BYTES:
        return {INDEX_NAME: whole}
    parts = _parts(entries, max_urls)
    if len(parts) > MAX_URLS:
        raise ValueError(f"{len(parts)} sitemap files, more than one sitemap index lists ({MAX_URLS})")
    files = {f"sitemap-{number}.xml": xml for number, xml in enumerate(parts, start=1)}
    return {INDEX_NAME: sitemap_index_xml(absolute(base, name) for name in files), **files}


def _parts(entries: list[SitemapEntry], max_urls: int) -> list[str]:
    """`entries` in runs of at most `max_urls`, each run halved until its file is within MAX_BYTES."""
    parts = []
    for start in range(0, len(entries), max_urls):
        pending = [entries[start : start + max_urls]]
        while pending:
            run = pending.pop(0)
            xml = sitemap_xml(run)
            if len(xml.encode("utf-8")) <= MAX_BYTES or len(run) == 1:
                parts.append(xml)
            else:
                half = len(run) // 2
                pending[:0] = [run[:half], run[half:]]
    return parts


def sitemap_index_xml(locations: Iterable[str]) -> str:
    ET.register_namespace("", SITEMAP_NS)
    index = ET.Element(f"{{{SITEMAP_NS}}}sitemapindex")
    for location in locations:
        ET.SubElement(ET.SubElement(index, f"{{{SITEMAP_NS}}}sitemap"), f"{{{SITEMAP_NS}}}loc").text = location
    ET.indent(index)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(index, encoding="unicode") + "\n"


def robots_txt(sitemap_url: str) -> str:
    return f"User-agent: *\nAllow: /\n\nSitemap: {sitemap_url}\n"
