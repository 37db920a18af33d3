"""Index a built site with Pagefind's Python API, into `<output>/pagefind/`.

Only pages with a `data-pagefind-body` element are indexed, and the parts of
pages marked `data-search-record` (see `records`); each goes to the index of
its `<html lang>`. Each is handed to Pagefind with one extra, invisible
`<meta>`: the ASCII forms of its words that Pagefind cannot fold (see
`folding`). The served HTML is left as it is.
"""

from __future__ import annotations

import asyncio
import tempfile
import threading
from collections import Counter
from dataclasses import dataclass
from html import escape
from pathlib import Path

from pagefind.index import IndexConfig, PagefindIndex

from .canonical import canonicalize_bundle
from .folding import folded_terms
from .records import page_records
from .region import indexed_region

BUNDLE_DIR = "pagefind"
FOLDED_META = "folded"
# Page furniture inside the indexed region that would only crowd the excerpts.
EXCLUDED_SELECTORS = (
    ".article > header .meta",
    ".provenance dt",
    ".country > header .meta",
    ".timeline-details dt",
    ".timeline-anchor",
)


@dataclass(frozen=True)
class PageToIndex:
    path: str  # relative to the output folder: `pl/2025/slug/index.html`; a record's adds `#anchor`
    lang: str | None
    html: str  # what Pagefind reads: the page (or record) plus its folded terms
    url: str | None = None  # a record's result URL, `/en/timeline/#signing-hanoi`; a page's comes from its path


@dataclass(frozen=True)
class IndexReport:
    bundle: Path
    pages_by_lang: dict[str, int]

    @property
    def pages(self) -> int:
        return sum(self.pages_by_lang.values())


class IndexingError(RuntimeError):
    pass


def page_url(output: Path, path: Path) -> str:
    """`pl/2025/slug/index.html` -> `/pl/2025/slug/`."""
    relative = path.relative_to(output).as_posix()
    return "/" + (relative.removesuffix("index.html") if relative.endswith("index.html") else relative)


def with_folded_meta(html: str, terms: list[str]) -> str:
    """`html` with `<meta data-pagefind-meta="folded[content]" content="...">` at the end of its head."""
    if not terms:
        return html
    tag = f'<meta data-pagefind-meta="{FOLDED_META}[content]" content="{escape(" ".join(terms))}">'
    at = html.lower().find("</head>")
    return html[:at] + tag + html[at:] if at >= 0 else tag + html


def prepared(path: str, html: str, url: str | None = None) -> PageToIndex | None:
    """What Pagefind reads of `html`, or None when it has nothing to index."""
    region = indexed_region(html)
    if not region.indexed:
        return None
    return PageToIndex(path, region.lang, with_folded_meta(html, folded_terms(region.text)), url)


def pages_to_index(output: Path) -> list[PageToIndex]:
    pages = []
    for path in sorted(output.rglob("*.html")):
        relative = path.relative_to(output).as_posix()
        if BUNDLE_DIR in path.relative_to(output).parts[:1]:
            continue
        html = path.read_text(encoding="utf-8")
        if page := prepared(relative, html):
            pages.append(page)
        for record in page_records(html, relative):
            url = f"{page_url(output, path)}#{record.anchor}"
            if page := prepared(f"{relative}#{record.anchor}", record.html, url):
                pages.append(page)
    return pages


async def _write_index(pages: list[PageToIndex], bundle: Path) -> None:
    # Pages: one directory for Pagefind to walk, one request to its service instead of one per page
    # (the Python API waits 0.1 s for each response). Records need their own URL: one request each.
    config: IndexConfig = {"output_path": str(bundle), "exclude_selectors": list(EXCLUDED_SELECTORS)}
    files = [page for page in pages if page.url is None]
    records = [page for page in pages if page.url is not None]
    with tempfile.TemporaryDirectory(prefix="search-pages-") as staging:
        for page in files:
            target = Path(staging) / page.path
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(page.html, encoding="utf-8")
        async with PagefindIndex(config=config) as index:
            indexed = await index.add_directory(staging)
            for record in records:
                await index.add_html_file(content=record.html, url=record.url)
    if indexed["page_count"] != len(files):
        raise IndexingError(f"Pagefind indexed {indexed['page_count']} of {len(files)} pages")


def _run_in_own_loop(coroutine) -> None:
    """asyncio.run() in a thread of its own: the caller may already run an event loop (Playwright, a devserver)."""
    failure: list[BaseException] = []

    def run() -> None:
        try:
            asyncio.run(coroutine)
        except BaseException as exc:
            failure.append(exc)

    thread = threading.Thread(target=run, name="pagefind-index")
    thread.start()
    thread.join()
    if failure:
        raise failure[0]


def write_pagefind_bundle(output: Path) -> IndexReport:
    """Index every indexable page under `output` into `output/pagefind/`, as Pagefind writes it."""
    output = output.resolve()
    pages = pages_to_index(output)
    bundle = output / BUNDLE_DIR
    _run_in_own_loop(_write_index(pages, bundle))
    if not (bundle / "pagefind-entry.json").is_file():
        raise IndexingError(f"Pagefind wrote no index into {bundle}")
    return IndexReport(bundle, dict(Counter(page.lang or "unknown" for page in pages)))


def build_search_index(output: Path) -> IndexReport:
    """Index every indexable page under `output` into `output/pagefind/`, in a canonical order (see `canonical`)."""
    report = write_pagefind_bundle(output)
    canonicalize_bundle(report.bundle)
    return report
