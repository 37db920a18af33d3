"""For a devserver: a small index of the pages written again since the last full build, beside the site's index.

Pagefind's service replaces a page it holds when the same URL is added again,
but every write then builds the whole index anew (about 15 s at 10,000 pages
on this machine, docs/performance.md) and no page can be removed
(docs/upstream/pagefind-live-index.md). So the site's index stays as the last
full build wrote it, and after each update `SearchOverlay.update` writes an
overlay: an index of every page written again since that build (one short run
of Pagefind's service, with the build's settings) and `overlay.json`, its
languages and the ids of the site index's results it stands in for. A search
page told where the overlay is (only the devserver's pages are) merges it with
Pagefind's `mergeIndex` and hides those results. The overlay is written outside
the output folder, so no build ever contains it; a full build starts it again
empty.

The overlay also holds, per language, one hidden document with every word of
the site index: Pagefind answers a word no indexed word starts with by the
longest indexed word that starts it ("współpracy" -> "w"), so without them a
word the overlay lacks but the site has would find the overlay's pages through
a one-letter word.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import tempfile
from collections.abc import Iterable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field, replace
from html import escape
from pathlib import Path

from .folding import folded_terms
from .indexing import BUNDLE_DIR, PageToIndex, has_attribute, read_page, write_documents
from .pagefind_compat import indexed_words, read_entry, result_ids, result_url
from .records import Record
from .rendering import BODY_MARKER, page_text, with_folded_meta
from .stand_ins import stand_in_document

MANIFEST = "overlay.json"
VOCABULARY_URL = "/.search-overlay-words/{lang}"  # the hidden document of a language's words: no page of a site
_UNMARKED = '<!doctype html><html lang="{lang}"><head><meta charset="utf-8"></head><body>{text}</body></html>'


@dataclass(frozen=True)
class SiteIndex:
    """What the overlay needs of the site index: its results' ids by URL, its words by language, and a digest
    of each file it indexed (a page or a record's page) as the full build wrote it, by URL."""

    ids: dict[str, list[str]]  # a page that stands in for another language's version has a result in each
    words: dict[str, list[str]]
    digests: dict[str, bytes]

    @classmethod
    def read(cls, output: Path) -> SiteIndex:
        ids = result_ids(output / BUNDLE_DIR)
        pages = {url.split("#", 1)[0] for url in ids}
        digests = {url: _digest(file) for url in pages if (file := _file_of(output, url)).is_file()}
        return cls(ids, indexed_words(output / BUNDLE_DIR), digests)

    def results_of(self, pages: set[str]) -> set[str]:
        """The ids of every result of `pages` (URLs), also of those a page no longer has when written again (a
        stand-in once its translation is added, a record removed): a result's URL is its page's, or its page's
        with a fragment."""
        return {found for url, ids in self.ids.items() if url.split("#", 1)[0] in pages for found in ids}

    def vocabularies(self, marked: bool) -> list[PageToIndex]:
        """A document per language with every word of the site index (see the module's docstring); `marked`:
        its words in a `data-pagefind-body` element, as the pages' are (else Pagefind would leave the pages out)."""
        documents = []
        for lang, words in sorted(self.words.items()):
            text = escape(" ".join(words))
            html = Record("", lang, text).html if marked else _UNMARKED.format(lang=escape(lang), text=text)
            documents.append(PageToIndex("", lang, html, VOCABULARY_URL.format(lang=lang)))
        return documents


@dataclass
class SearchOverlay:
    output: Path  # the built site, whose `pagefind/` is the index of the last full build
    folder: Path  # where the overlay is written: outside `output`, served by the devserver
    exclude_selectors: tuple[str, ...] = ()
    folding: str = "template"  # SEARCH_FOLDING
    timeout: float | None = None  # SEARCH_INDEX_TIMEOUT
    # What Pagefind reads of each page, record and stand-in, as last written, by its `PageToIndex.path`
    pages: dict[str, PageToIndex] = field(default_factory=dict)
    taken: set[str] = field(default_factory=set)  # the URLs of the files whose pages and records are in `pages`
    _site: Future | None = None

    def reset(self) -> None:
        """After a full build: nothing overlaid; the site index is read in the background."""
        self.pages.clear()
        self.taken.clear()
        shutil.rmtree(self.folder, ignore_errors=True)
        reader = ThreadPoolExecutor(1, thread_name_prefix="search-overlay")
        self._site = reader.submit(SiteIndex.read, self.output)
        reader.shutdown(wait=False)

    def wait_until_ready(self) -> None:
        """Wait for the site index to be read (`reset` starts it); what it raised, if anything.

        Call it before the output is written again: a page is taken only if it differs from what the full
        build wrote, as read here."""
        if self._site is None:
            self.reset()
        self._site.result()

    def update(self, written: Iterable[Path]) -> int:
        """Take the indexed pages among `written` (and their records) that changed into the overlay, then
        write it; how many pages and records were taken. (`wait_until_ready` first, before writing.)"""
        self.wait_until_ready()
        site = self._site.result()
        taken = 0
        for path in map(Path, written):
            for entry in self._entries(path, site):
                self.pages[entry.path] = entry
                taken += 1
        if taken:
            self._write(site)
        return taken

    def _entries(self, path: Path, site: SiteIndex) -> list[PageToIndex]:
        """What Pagefind reads of the page at `path`, if the site index has it and it changed since."""
        if path.suffix != ".html" or not path.is_relative_to(self.output) or not path.is_file():
            return []
        url = result_url(self.output, path)
        if url not in site.digests:  # a page the site index does not hold (a listing...) or Pagefind's own
            return []
        if url not in self.taken and _digest(path) == site.digests[url]:
            return []  # written again as it was (a listing kept, a page an edit does not show on)
        self.taken.add(url)
        page = read_page(self.output, path, fold_records=self.folding != "off")
        # On a site whose pages mark their indexed part, the marked ones; on a site that marks none, every
        # page the build indexed.
        if page.entry is None or not (page.marked or url in site.ids):
            return page.records
        html = path.read_text(encoding="utf-8")
        if self.folding == "pages" and (terms := folded_terms(page_text(html, whole_body=not page.marked))):
            html = with_folded_meta(html, terms)
        # A stand-in is built from the page as indexed here (with its folded terms when SEARCH_FOLDING = "pages").
        records = [
            replace(record, html=stand_in_document(html, record.lang or "", record.path)) if record.source else record
            for record in page.records
        ]
        return [PageToIndex(page.entry.path, page.entry.lang, html, url), *records]

    def _write(self, site: SiteIndex) -> None:
        """Index every overlaid page into a new folder, then put it in the place of the last one."""
        self.folder.parent.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(prefix=f".{self.folder.name}.", dir=self.folder.parent))
        try:
            marked = any(has_attribute(page.html.encode(), BODY_MARKER.encode()) for page in self.pages.values())
            vocabularies = site.vocabularies(marked)
            write_documents([*self.pages.values(), *vocabularies], staging, self.exclude_selectors, self.timeout)
            own = result_ids(staging)
            stale = site.results_of(self.taken) - {i for ids in own.values() for i in ids}
            hidden = sorted(stale | {i for document in vocabularies for i in own.get(document.url, ())})
            manifest = {"languages": sorted(read_entry(staging)["languages"]), "hidden": hidden}
            (staging / MANIFEST).write_text(json.dumps(manifest), encoding="utf-8")
            _replace_folder(staging, self.folder)
        finally:
            shutil.rmtree(staging, ignore_errors=True)


def _file_of(output: Path, url: str) -> Path:
    """The file of a URL Pagefind gave (`result_url`'s inverse): `/pl/2025/slug/` -> `pl/2025/slug/index.html`."""
    return output / (url[1:] + "index.html" if url.endswith("/") else url[1:])


def _digest(path: Path) -> bytes:
    return hashlib.blake2b(path.read_bytes(), digest_size=16).digest()


def _replace_folder(new: Path, folder: Path) -> None:
    """`new` becomes `folder`; the old one is moved aside first, then removed (a request in between gets a 404)."""
    old = None
    if folder.exists():
        old = Path(tempfile.mkdtemp(prefix=f".{folder.name}.old.", dir=folder.parent))
        os.rename(folder, old / "overlay")
    os.rename(new, folder)
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)
