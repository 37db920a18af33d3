"""Index a built site with Pagefind's Python API, into `<output>/pagefind/`.

Pagefind walks the output folder itself, as its CLI does: the pages with a
`data-pagefind-body` element are indexed (or, on a site that marks none, every
page's `<body>`), each into the index of its `<html lang>`. The parts of pages
marked `data-search-record` (see `records`) are handed to Pagefind one by one,
each with its own folded terms in a `<meta>`. Everything Pagefind does not
document is done through `pagefind_compat`.
"""

from __future__ import annotations

import asyncio
import contextlib
import ctypes
import ctypes.util
import gc
import re
import sys
import threading
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any

from pagefind.index import IndexConfig, PagefindIndex

from . import pagefind_compat, reuse
from .canonical import canonicalize_bundle
from .folding import folded_terms
from .pagefind_compat import PagefindFailed, result_url
from .records import RECORD_ATTRIBUTE, RecordError, page_records
from .rendering import BODY_MARKER, indexed_text, page_text, with_folded_meta
from .stand_ins import STAND_IN_ATTRIBUTE, stand_in_document, stand_in_languages, stand_in_url

BUNDLE_DIR = "pagefind"
# From this many pages on, a run per language (its memory is what matters, see `index_runs`) and the
# build's freed memory handed back first; below it one run, since each run starts a service and walks.
LARGE_SITE_PAGES = 3000
_HTML_LANG = re.compile(rb"<html[^>]*?\slang=[\"']?([^\"'\s>]*)", re.IGNORECASE)
_HTML_ELEMENT = re.compile(rb"<html[\s>]", re.IGNORECASE)
_QUOTED = re.compile(rb"\"[^\"]*\"|'[^']*'")
_AFTER_NAME = (b" ", b"\t", b"\n", b"\r", b"\f", b"=", b">", b"/")
TIME_LIMIT_BASE = 30.0  # seconds for one run of Pagefind's service, plus
TIME_LIMIT_PER_PAGE = 0.02  # seconds per page (see `time_limit`)

IndexingError = PagefindFailed


@dataclass(frozen=True)
class PageToIndex:
    path: str  # relative to the output folder: `pl/2025/slug/index.html`; a record's adds `#anchor`
    lang: str | None
    html: str  # what Pagefind reads of a record: the part plus its folded terms; empty for a page
    url: str | None = None  # a record's result URL, `/en/timeline/#signing-hanoi`; a page's comes from its path
    source: Path | None = None  # a stand-in (`stand_ins`): the written page its document is built from, when read

    def document(self) -> str:
        """What Pagefind reads of a record or a stand-in."""
        if self.source is None or self.html:
            return self.html
        return stand_in_document(self.source.read_text(encoding="utf-8"), self.lang or "", self.path)


@dataclass(frozen=True)
class IndexReport:
    bundle: Path
    pages_by_lang: dict[str, int]
    taken: tuple[str, ...] = ()  # languages whose index was taken from the last build (`reuse`)

    @property
    def pages(self) -> int:
        return sum(self.pages_by_lang.values())


def _lang(head: bytes) -> str | None:
    match = _HTML_LANG.search(head)
    return match.group(1).decode() if match else None


def has_attribute(html: bytes, name: bytes) -> bool:
    """True when a tag of `html` has the attribute `name`: not where `name` is text, or part of a value
    (`/en/2025/data-pagefind-body/`, the address of an article titled "Data pagefind body").

    A byte search, then a look at the tag around each match: in the pages the site writes, `<` and `>`
    in text and attribute values are escaped, so the tag is what lies between the nearest `<` before
    and the match; with its quoted values taken out, the name must stand there as a word of its own.
    """
    at = html.find(name)
    while at >= 0:
        opened = html.rfind(b"<", 0, at)
        if opened > html.rfind(b">", 0, at):
            before = _QUOTED.sub(b"", html[opened:at])
            after = html[at + len(name) : at + len(name) + 1]
            inside_a_value = b'"' in before or b"'" in before  # an opening quote with no closing one
            if before[-1:].isspace() and not inside_a_value and after in _AFTER_NAME:
                return True
        at = html.find(name, at + 1)
    return False


def pages_to_index(output: Path, fold_records: bool = True) -> list[PageToIndex]:
    """The pages Pagefind will find (by a byte search for the marker, not a parse) and the records.

    On a site where no page has a `data-pagefind-body` element, Pagefind indexes
    every page that has an `<html>` element, and so do these.
    """
    marked, unmarked, records = [], [], []
    for path in sorted(output.rglob("*.html")):
        if BUNDLE_DIR in path.relative_to(output).parts[:1]:
            continue
        page = read_page(output, path, fold_records)
        if page.marked:
            marked.append(page.entry)
        elif page.entry:
            unmarked.append(page.entry)
        records.extend(page.records)
    return [*(marked or unmarked), *records]


@dataclass(frozen=True)
class ReadPage:
    """What one written page gives Pagefind: itself (marked, or any page with `<html>`) and its records."""

    entry: PageToIndex | None
    marked: bool  # it has a `data-pagefind-body` element
    records: list[PageToIndex]


def read_page(output: Path, path: Path, fold_records: bool = True) -> ReadPage:
    relative = path.relative_to(output).as_posix()
    data = path.read_bytes()
    marked = has_attribute(data, BODY_MARKER.encode())
    entry = PageToIndex(relative, _lang(data[:1024]), "") if marked or _HTML_ELEMENT.search(data) else None
    records = []
    if RECORD_ATTRIBUTE.encode() in data:
        for record in page_records(data.decode("utf-8"), relative):
            terms = folded_terms(indexed_text(record.body)) if fold_records else []
            url = f"{result_url(output, path)}#{record.anchor}"
            records.append(
                PageToIndex(f"{relative}#{record.anchor}", record.lang, with_folded_meta(record.html, terms), url)
            )
    if entry is not None and has_attribute(data, STAND_IN_ATTRIBUTE.encode()):
        for lang in stand_in_languages(data, relative):
            if lang == entry.lang:
                raise RecordError(
                    f"{relative}: its element marked {STAND_IN_ATTRIBUTE}={lang!r} names the page's own language"
                )
            url = stand_in_url(result_url(output, path), lang)
            records.append(PageToIndex(stand_in_path(relative, lang), lang, "", url, path))
    return ReadPage(entry, marked, records)


def stand_in_path(relative: str, lang: str) -> str:
    """What names the stand-in in `lang` of the page at `relative` among the documents: `en/2025/x/index.html?pl`."""
    return f"{relative}?{lang}"


def fold_pages(output: Path, pages: list[PageToIndex]) -> int:
    """Add its folded terms to each page Pagefind will index, as a `<meta>` in its head; the pages changed.

    For themes that do not fold while rendering (SEARCH_FOLDING = "pages").
    """
    changed = 0
    for page in pages:
        if page.url is not None:
            continue  # a record carries its own terms
        path = output / page.path
        html = path.read_text(encoding="utf-8")
        terms = folded_terms(page_text(html, whole_body=not has_attribute(html.encode(), BODY_MARKER.encode())))
        if terms:
            path.write_text(with_folded_meta(html, terms), encoding="utf-8")
            changed += 1
    return changed


@dataclass(frozen=True)
class IndexRun:
    """One run of Pagefind's service: the pages under some folders of the output, and some records."""

    folders: tuple[str, ...]  # relative to the output folder; "" is all of it
    records: tuple[PageToIndex, ...]
    lang: str | None = None  # the one language of its pages and records; None: any
    # The pages it indexes (those under its folders and its records) per language, when known: Pagefind's writes
    # are then waited for until they are all there and whole (`pagefind_compat.wait_for_writes`).
    page_counts: tuple[tuple[str, int], ...] = ()

    @property
    def globs(self) -> tuple[str, ...]:
        """One glob for all the folders: Pagefind numbers pages in the order one walk finds them."""
        if not self.folders:
            return ()
        if self.folders == ("",):
            return ("**/*.{html}",)
        folders = self.folders[0] if len(self.folders) == 1 else "{" + ",".join(self.folders) + "}"
        return (f"{folders}/**/*.{{html}}",)


def one_run(pages: list[PageToIndex]) -> list[IndexRun]:
    return [IndexRun(("",), tuple(page for page in pages if page.url is not None), page_counts=_page_counts(pages))]


def _page_counts(pages: list[PageToIndex]) -> tuple[tuple[str, int], ...]:
    """The pages per language, as Pagefind's entry counts them (a page of no language in `unknown`)."""
    return tuple(sorted(Counter(page.lang or "unknown" for page in pages).items()))


def index_runs(pages: list[PageToIndex]) -> list[IndexRun]:
    """One run per language when each language's pages have top folders of their own (`pl/`, `en/`), else one run.

    Pagefind's memory grows with what one run holds: a run per language peaks at about 60% of
    one run for both (1.2 GB against 1.9 GB at 10,000 pages), and the index is the same, since
    Pagefind keeps each language in files of its own; only `pagefind-entry.json` is shared.
    Each run reads only the folders that hold indexed pages (`pl/2025/`, `pl/kraje/`...), not
    the listings (`pl/page/2/`), which Pagefind would parse only to leave out.
    """
    folders: dict[str | None, set[str]] = defaultdict(set)
    second_level: dict[str | None, set[str]] = defaultdict(set)
    for page in pages:
        if page.url is None:
            parts = PurePosixPath(page.path).parts
            folders[page.lang].add(parts[0] if len(parts) > 1 else "")
            # `pl/index.html`: all of `pl/`
            second_level[page.lang].add(f"{parts[0]}/{parts[1]}" if len(parts) > 2 else parts[0])
    owners = Counter(folder for langs_folders in folders.values() for folder in langs_folders)
    records = [page for page in pages if page.url is not None]
    if None in folders or "" in owners or any(count > 1 for count in owners.values()):
        return one_run(pages)
    langs = sorted({*folders, *(record.lang for record in records)}, key=str)
    return [
        IndexRun(
            tuple(_outermost(second_level.get(lang, set()))),
            tuple(record for record in records if record.lang == lang),
            lang,
            _page_counts([page for page in pages if page.lang == lang]),
        )
        for lang in langs
    ]


def _outermost(folders: set[str]) -> list[str]:
    """`{pl, pl/2025}` -> `[pl]`: the folders not inside another of them."""
    return sorted(f for f in folders if not any(f.startswith(other + "/") for other in folders))


def time_limit(pages: int, setting: float | None = None) -> float:
    """Seconds one run of Pagefind's service may take: the setting SEARCH_INDEX_TIMEOUT, else by the pages.

    Pagefind indexes about 500 pages a second here; the limit allows 50 a second plus half a minute.
    """
    return float(setting) if setting else TIME_LIMIT_BASE + pages * TIME_LIMIT_PER_PAGE


async def _write_index(
    run: IndexRun,
    output: Path,
    bundle: Path,
    exclude_selectors: tuple[str, ...],
    limit: float,
    stop: threading.Event | None = None,
) -> dict:
    """Run Pagefind's service once, watched (`pagefind_compat.supervised`); the languages it wrote."""
    config: IndexConfig = {"output_path": str(bundle), "exclude_selectors": list(exclude_selectors)}
    index = PagefindIndex(config=config)
    hint = ", or raise SEARCH_INDEX_TIMEOUT in the settings for a very large site"
    return await pagefind_compat.supervised(index, _run_service(run, output, bundle, index), limit, hint, stop)


async def _run_service(run: IndexRun, output: Path, bundle: Path, index: PagefindIndex) -> dict:
    # Pages: Pagefind walks the output folder, one request to its service instead of one per page.
    # Records need their own URL: one request each, in order (the order of Pagefind's page numbers).
    await pagefind_compat.start(index)
    try:
        for glob in run.globs:
            await index.add_directory(str(output), glob=glob)
        for record in run.records:
            await index.add_html_file(content=record.document(), url=record.url)
        await index.write_files()
    except BaseException:
        await index.__aexit__(*sys.exc_info())
        raise
    await pagefind_compat.wait_for_writes(bundle, dict(run.page_counts) or None)
    await pagefind_compat.stop_service(index)
    return pagefind_compat.read_entry(bundle)


async def _write_indexes(
    runs: list[IndexRun],
    output: Path,
    bundle: Path,
    exclude_selectors: tuple[str, ...],
    limit: float,
    stop: threading.Event | None = None,
) -> list[dict]:
    """The runs one after the other; the entry each wrote."""
    entries = []
    for number, run in enumerate(runs):
        if number:  # what the build freed meanwhile (the sitemap, beside the first run) before the next one
            release_free_memory(collect=False)
        _raise_if_stopped(stop, "the build stopped before Pagefind's next run")
        entries.append(await _write_index(run, output, bundle, exclude_selectors, limit, stop))
    return entries


def _run_in_own_loop(coroutine) -> Any:
    """asyncio.run() in a thread of its own: the caller may already run an event loop (Playwright, a devserver)."""
    failure: list[BaseException] = []
    result: list[Any] = []

    def run() -> None:
        try:
            result.append(asyncio.run(coroutine))
        except BaseException as exc:
            failure.append(exc)

    thread = threading.Thread(target=run, name="pagefind-index")
    thread.start()
    thread.join()
    if failure:
        raise failure[0]
    return result[0]


def write_documents(
    documents: list[PageToIndex], bundle: Path, exclude_selectors: tuple[str, ...] = (), timeout: float | None = None
) -> None:
    """Index `documents` (each handed to Pagefind with its URL and HTML) into `bundle`, in one run of its service;
    PagefindFailed if a file of the bundle is not whole, as for a build's index (`pagefind_compat.verify_bundle`)."""
    run = IndexRun((), tuple(documents))
    limit = time_limit(len(documents), timeout)
    entries = _run_in_own_loop(_write_indexes([run], bundle.parent, bundle, exclude_selectors, limit))
    pagefind_compat.merge_entries(bundle, entries)
    pagefind_compat.verify_bundle(bundle)


def release_free_memory(collect: bool = True) -> None:
    """Hand the memory the build has freed back to the system before Pagefind takes its share.

    CPython keeps freed memory in its allocator's free lists; glibc's `malloc_trim` returns
    those pages (about 60 MB of the build's ~340 MB at 10,000 pages). Elsewhere, a no-op.
    `collect=False`: without a garbage collection first (a second of the build's time at that size).
    """
    if collect:
        gc.collect()
    with contextlib.suppress(OSError, AttributeError):
        ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6").malloc_trim(0)


@dataclass(frozen=True)
class IndexPlan:
    """What one index will hold, found by reading the written pages: its pages and records, and its runs."""

    output: Path
    pages: list[PageToIndex]
    runs: list[IndexRun]  # to run
    limit: float  # seconds for each run of Pagefind's service
    taken: tuple[str, ...] = ()  # languages whose index files are taken from `previous` instead (`reuse`)
    previous: Path | None = None  # the last build's output folder
    stop: threading.Event = field(default_factory=threading.Event)  # set: Pagefind is ended, IndexStopped raised


def plan_index(
    output: Path,
    per_language: bool | None = None,
    folding: str = "template",
    timeout: float | None = None,
    previous: Path | None = None,
) -> IndexPlan:
    """Read the pages under `output` for what Pagefind will index, and plan its runs (see `build_search_index`).

    Python's work, done before Pagefind's: a build runs it before the other `finalized` receivers, which then
    run while Pagefind indexes in its process (they would share one interpreter lock with this reading).
    `previous`: the same site's last build, whose index files a language none of whose pages changed takes
    (`reuse`); a run per language then, whatever the size.
    """
    pagefind_compat.require_tested_version()
    output = output.resolve()
    pages = pages_to_index(output, fold_records=folding != "off")
    if folding == "pages":
        fold_pages(output, pages)
    large = len(pages) >= LARGE_SITE_PAGES
    if large:
        release_free_memory()
    split = (large or previous is not None) if per_language is None else per_language
    runs = index_runs(pages) if split else one_run(pages)
    taken = _unchanged_languages(output, previous, runs) if previous is not None else ()
    runs = [run for run in runs if run.lang not in taken]
    return IndexPlan(output, pages, runs, time_limit(len(pages), timeout), taken, previous)


def _unchanged_languages(output: Path, previous: Path, runs: list[IndexRun]) -> tuple[str, ...]:
    """The languages of `runs` whose index `previous` holds, none of whose pages changed since."""
    candidates = [run for run in runs if run.lang is not None and reuse.can_take(run.lang, previous / BUNDLE_DIR)]
    if not candidates:
        return ()
    changes = reuse.changed_pages(output, previous.resolve(), BUNDLE_DIR)
    if changes.records:
        return ()
    return tuple(
        run.lang
        for run in candidates
        if run.lang
        and run.lang not in changes.stand_ins
        and not any(reuse.within(name, run.folders) for name in changes.pages)
    )


def write_planned_bundle(plan: IndexPlan, exclude_selectors: tuple[str, ...] = ()) -> IndexReport:
    """Run Pagefind as `plan` says, into `<output>/pagefind/`, and check what it wrote."""
    bundle = plan.output / BUNDLE_DIR
    entries = _run_in_own_loop(_write_indexes(plan.runs, plan.output, bundle, exclude_selectors, plan.limit, plan.stop))
    if plan.taken and plan.previous is not None:
        entries += [reuse.take_language(lang, plan.previous / BUNDLE_DIR, bundle) for lang in plan.taken]
        if not plan.runs:
            reuse.take_shared_files(plan.previous / BUNDLE_DIR, bundle)
    pagefind_compat.merge_entries(bundle, entries)
    pagefind_compat.verify_bundle(bundle)
    expected = dict(Counter(page.lang or "unknown" for page in plan.pages))
    if (indexed := pagefind_compat.pages_by_lang(bundle)) != expected:
        raise IndexingError(f"Pagefind indexed {indexed} pages by language in {plan.output}, expected {expected}")
    return IndexReport(bundle, expected, plan.taken)


def build_search_index(
    output: Path,
    per_language: bool | None = None,
    exclude_selectors: tuple[str, ...] = (),
    folding: str = "template",
    timeout: float | None = None,
    canonical: bool = True,
) -> IndexReport:
    """Index every indexable page under `output` into `output/pagefind/`, in a canonical order (see `canonical`).

    `folding`: "template" (the pages already hold their folded terms), "pages" (add them now), "off".
    `per_language`: a run per language (True), one run (False), or one run below LARGE_SITE_PAGES (None).
    Each run of Pagefind's service gets `time_limit` seconds (`timeout`, else by the pages).
    `canonical=False`: the bundle as Pagefind writes it.
    """
    plan = plan_index(output, per_language, folding, timeout)
    return build_planned_index(plan, exclude_selectors) if canonical else write_planned_bundle(plan, exclude_selectors)


def build_planned_index(plan: IndexPlan, exclude_selectors: tuple[str, ...] = ()) -> IndexReport:
    report = write_planned_bundle(plan, exclude_selectors)
    _raise_if_stopped(plan.stop, "the build stopped before the index was put in canonical order")
    canonicalize_bundle(report.bundle)
    return report


def _raise_if_stopped(stop: threading.Event | None, what: str) -> None:
    if stop is not None and stop.is_set():
        raise pagefind_compat.IndexStopped(what)
