"""Index a built site with Pagefind's Python API, into `<output>/pagefind/`.

Pagefind walks the output folder itself: only pages with a
`data-pagefind-body` element are indexed, each into the index of its
`<html lang>`. Their folded terms are already on the page (see `rendering`).
The parts of pages marked `data-search-record` (see `records`) are handed to
Pagefind one by one, each with its own folded terms in a `<meta>`.
"""

from __future__ import annotations

import asyncio
import contextlib
import ctypes
import ctypes.util
import gc
import json
import re
import sys
import threading
from collections import Counter, defaultdict
from dataclasses import dataclass
from html import escape
from pathlib import Path, PurePosixPath

from pagefind.index import IndexConfig, PagefindIndex

from archive_core.errors import ToolFailed

from .canonical import ENTRY_FILE, canonicalize_bundle
from .folding import folded_terms
from .records import RECORD_ATTRIBUTE, page_records
from .region import indexed_region
from .rendering import FOLDED_META

BUNDLE_DIR = "pagefind"
BODY_MARKER = b"data-pagefind-body"
SERVICE_EXIT_TIMEOUT = 60  # seconds; it ends in a few ms once its writes are done
TIME_LIMIT_BASE = 30.0  # seconds for one run of Pagefind's service, plus
TIME_LIMIT_PER_PAGE = 0.02  # seconds per page (see `time_limit`)
WATCH_INTERVAL = 0.2  # seconds between looks at Pagefind's process
# Page furniture inside the indexed region that would only crowd the excerpts.
EXCLUDED_SELECTORS = (
    ".article > header .meta",
    ".provenance dt",
    ".country > header .meta",
    ".timeline-details dt",
    ".timeline-anchor",
)
_HTML_LANG = re.compile(rb"<html[^>]*?\slang=\"([^\"]*)\"")
_QUOTED = re.compile(rb"\"[^\"]*\"|'[^']*'")
_AFTER_NAME = (b" ", b"\t", b"\n", b"\r", b"\f", b"=", b">", b"/")


@dataclass(frozen=True)
class PageToIndex:
    path: str  # relative to the output folder: `pl/2025/slug/index.html`; a record's adds `#anchor`
    lang: str | None
    html: str  # what Pagefind reads of a record: the part plus its folded terms; empty for a page
    url: str | None = None  # a record's result URL, `/en/timeline/#signing-hanoi`; a page's comes from its path


@dataclass(frozen=True)
class IndexReport:
    bundle: Path
    pages_by_lang: dict[str, int]

    @property
    def pages(self) -> int:
        return sum(self.pages_by_lang.values())


class IndexingError(ToolFailed):
    pass


REMEDY = (
    "reinstall it (`.venv/bin/pip install --force-reinstall -r requirements.txt`, package pagefind-bin), "
    "or point PAGEFIND_BINARY_PATH at a working pagefind"
)


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


def pages_to_index(output: Path) -> list[PageToIndex]:
    """The pages Pagefind will find (by a byte search for the marker, not a parse) and the records."""
    pages = []
    for path in sorted(output.rglob("*.html")):
        relative = path.relative_to(output).as_posix()
        if BUNDLE_DIR in path.relative_to(output).parts[:1]:
            continue
        data = path.read_bytes()
        if has_attribute(data, BODY_MARKER):
            pages.append(PageToIndex(relative, _lang(data[:1024]), ""))
        if RECORD_ATTRIBUTE.encode() not in data:
            continue
        for record in page_records(data.decode("utf-8"), relative):
            url = f"{page_url(output, path)}#{record.anchor}"
            if page := prepared(f"{relative}#{record.anchor}", record.html, url):
                pages.append(page)
    return pages


@dataclass(frozen=True)
class IndexRun:
    """One run of Pagefind's service: the pages under some top folders of the output, and some records."""

    globs: tuple[str, ...]  # relative to the output folder
    records: tuple[PageToIndex, ...]


def one_run(pages: list[PageToIndex]) -> list[IndexRun]:
    return [IndexRun(("**/*.{html}",), tuple(page for page in pages if page.url is not None))]


def index_runs(pages: list[PageToIndex]) -> list[IndexRun]:
    """One run per language when each language's pages have top folders of their own (`pl/`, `en/`), else one run.

    Pagefind's memory grows with what one run holds: a run per language peaks at about 60% of
    one run for both (1.2 GB against 1.9 GB at 10,000 pages), and the index is the same, since
    Pagefind keeps each language in files of its own; only `pagefind-entry.json` is shared.
    Each run reads only the folders that hold indexed pages (`pl/2025/`, `pl/kraje/`...), not
    the listings (`pl/page/2/`), which Pagefind would parse only to leave out.
    """
    folders: dict[str | None, set[str]] = defaultdict(set)
    globs: dict[str | None, set[str]] = defaultdict(set)
    for page in pages:
        if page.url is None:
            parts = PurePosixPath(page.path).parts
            folders[page.lang].add(parts[0] if len(parts) > 1 else "")
            globs[page.lang].add(f"{parts[0]}/{parts[1]}" if len(parts) > 2 else parts[0])  # `pl/index.html`: all `pl/`
    owners = Counter(folder for langs_folders in folders.values() for folder in langs_folders)
    records = [page for page in pages if page.url is not None]
    if None in folders or "" in owners or any(count > 1 for count in owners.values()):
        return one_run(pages)
    langs = sorted({*folders, *(record.lang for record in records)}, key=str)
    # One glob per run, `{pl/2025,pl/kraje}/**/*.{html}`: Pagefind numbers the pages in the order it
    # finds them, and one walk finds them in the same order as a run over everything would.
    return [
        IndexRun(
            (_glob(_outermost(globs[lang])),) if globs.get(lang) else (),
            tuple(record for record in records if record.lang == lang),
        )
        for lang in langs
    ]


def _glob(folders: list[str]) -> str:
    return f"{folders[0] if len(folders) == 1 else '{' + ','.join(folders) + '}'}/**/*.{{html}}"


def _outermost(folders: set[str]) -> list[str]:
    """`{pl, pl/2025}` -> `[pl]`: the folders not inside another of them."""
    return sorted(f for f in folders if not any(f.startswith(other + "/") for other in folders))


async def _write_index(run: IndexRun, output: Path, bundle: Path, index: PagefindIndex) -> dict:
    """Run Pagefind's service once; the languages it wrote, from its `pagefind-entry.json`."""
    # Pages: Pagefind walks the output folder, one request to its service instead of one per page
    # (the Python API waits 0.1 s for each response). Records need their own URL: one request each.
    await index.__aenter__()
    try:
        for glob in run.globs:
            await index.add_directory(str(output), glob=glob)
        for record in run.records:
            await index.add_html_file(content=record.html, url=record.url)
        await index.write_files()
    except BaseException:
        await index.__aexit__(*sys.exc_info())
        raise
    await _wait_for_writes(bundle)
    await _let_pagefind_exit(index)
    return _read_entry(bundle)


def time_limit(pages: int, setting: float | None = None) -> float:
    """Seconds one run of Pagefind's service may take: the setting SEARCH_INDEX_TIMEOUT, else by the pages.

    Pagefind indexes about 500 pages a second here; the limit allows 50 a second plus half a minute.
    """
    return float(setting) if setting else TIME_LIMIT_BASE + pages * TIME_LIMIT_PER_PAGE


async def _supervised(run: IndexRun, output: Path, bundle: Path, limit: float) -> dict:
    """`_write_index`, watched: ToolFailed as soon as Pagefind cannot start, ends, or exceeds `limit` seconds.

    The Python API would wait for ever for the answer of a service that has ended.
    """
    config: IndexConfig = {"output_path": str(bundle), "exclude_selectors": list(EXCLUDED_SELECTORS)}
    index = PagefindIndex(config=config)
    task = asyncio.ensure_future(_write_index(run, output, bundle, index))
    deadline = asyncio.get_running_loop().time() + limit
    while True:
        done, _ = await asyncio.wait({task}, timeout=WATCH_INTERVAL)
        if done:
            break
        failure = _ended(index)
        if failure is None and asyncio.get_running_loop().time() < deadline:
            continue
        task.cancel()
        with contextlib.suppress(BaseException):
            await task
        await _stop(index)
        if failure is None:
            raise IndexingError(
                f"Pagefind did not finish within {limit:.0f} s (is it hung?); {REMEDY}, "
                "or raise SEARCH_INDEX_TIMEOUT in the settings for a very large site"
            )
        raise IndexingError(f"Pagefind {failure}; {REMEDY}")
    try:
        return task.result()
    except (IndexingError, asyncio.CancelledError):
        raise
    except Exception as exc:  # it could not start, it ended, or it answered with an error
        failure = await _stop(index)
        if failure:
            raise IndexingError(f"Pagefind {failure}; {REMEDY}") from None
        if isinstance(exc, OSError):  # no binary, or one that cannot be run
            raise IndexingError(f"Pagefind could not be started ({exc.strerror or exc}); {REMEDY}") from None
        said = " ".join(str(exc.args[0] if exc.args else exc).split())
        raise IndexingError(f"Pagefind failed: {said[:300]}; {REMEDY}") from None


def _ended(index: PagefindIndex) -> str | None:
    """Why Pagefind's service can no longer answer (it ended, or closed its output), or None while it can."""
    service = index._service  # private: the Python API does not watch its process
    if service is None or not hasattr(service, "_poll_task"):
        return None
    poll = service._poll_task
    if not poll.done() or poll.cancelled():  # cancelled: by `_let_pagefind_exit`, once the index is written
        return None
    error = poll.exception()
    said = getattr(error, "partial", b"").decode("utf-8", "replace").split("\n")
    last = next((line.strip() for line in reversed(said) if line.strip()), "")
    status = service._backend.returncode
    ended = f"ended with status {status}" if status is not None else "stopped answering"
    return f"{ended} before it finished" + (f" ({last[:200]})" if last else "")


async def _stop(index: PagefindIndex) -> str | None:
    """End Pagefind's service if it still runs, reap it; why it had ended by itself, if it had (see `_ended`)."""
    service = index._service
    backend = getattr(service, "_backend", None)
    if backend is None:
        return None
    with contextlib.suppress(Exception):  # it may be ending already: let it say why
        await asyncio.wait_for(asyncio.shield(backend.wait()), timeout=1)
    if backend.returncode is None:
        with contextlib.suppress(ProcessLookupError):
            backend.kill()
    with contextlib.suppress(Exception):
        await asyncio.wait_for(backend.wait(), timeout=5)
    with contextlib.suppress(Exception):  # the rest of what it said, up to its end
        await asyncio.wait_for(asyncio.shield(service._poll_task), timeout=1)
    failure = _ended(index)
    service._poll_task.cancel()
    return failure


async def _write_indexes(runs: list[IndexRun], output: Path, bundle: Path, limits: list[float]) -> None:
    """The runs one after the other, then one `pagefind-entry.json` naming every language they wrote."""
    entries = [await _supervised(run, output, bundle, limit) for run, limit in zip(runs, limits, strict=True)]
    languages = {lang: language for entry in entries for lang, language in entry["languages"].items()}
    merged = {**entries[-1], "languages": dict(sorted(languages.items()))}
    (bundle / ENTRY_FILE).write_text(json.dumps(merged, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")


def _read_entry(bundle: Path) -> dict:
    path = bundle / ENTRY_FILE
    if not path.is_file():
        raise IndexingError(f"Pagefind wrote no index into {bundle}")
    return json.loads(path.read_text(encoding="utf-8"))


def empty_files(bundle: Path) -> list[Path]:
    return sorted(path for path in bundle.rglob("*") if path.is_file() and path.stat().st_size == 0)


async def _wait_for_writes(bundle: Path) -> None:
    """Wait until no file of the bundle is empty any more.

    Pagefind answers `WriteFiles` once it has created every file and handed its bytes to a
    background write (tokio's `File::write_all`); it does not wait for those writes, and a
    service that ends, or is killed, just then leaves a file empty (`pagefind-entry.json`, a few
    times in a hundred builds). Every file it writes has at least one byte, so an empty one is
    one still being written.
    """
    deadline = asyncio.get_running_loop().time() + SERVICE_EXIT_TIMEOUT
    while empty_files(bundle) and asyncio.get_running_loop().time() < deadline:
        await asyncio.sleep(0.01)


async def _let_pagefind_exit(index: PagefindIndex) -> None:
    """Stop Pagefind's service gently: with its stdin closed, it ends by itself (status 0).

    (`PagefindIndex`'s own exit kills it with SIGTERM.)
    """
    service = index._service  # private: the Python API has no way to wait for the writes
    assert service is not None
    service._poll_task.cancel()
    backend = service._backend
    assert backend.stdin is not None
    backend.stdin.close()
    try:
        status = await asyncio.wait_for(backend.wait(), timeout=SERVICE_EXIT_TIMEOUT)
    except TimeoutError:
        backend.terminate()
        await backend.wait()
        raise IndexingError(f"Pagefind's service did not end within {SERVICE_EXIT_TIMEOUT} s of writing") from None
    if status != 0:
        raise IndexingError(f"Pagefind's service ended with status {status}")


def indexed_by_lang(bundle: Path) -> dict[str, int]:
    """The pages Pagefind says it indexed, per language (its `page_count` for a directory counts every file)."""
    entry = _read_entry(bundle)
    return {lang: language["page_count"] for lang, language in entry["languages"].items()}


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


def release_free_memory() -> None:
    """Hand the memory the build has freed back to the system before Pagefind takes its share.

    CPython keeps freed memory in its allocator's free lists; glibc's `malloc_trim` returns
    those pages (about 60 MB of the build's ~340 MB at 10,000 pages). Elsewhere, a no-op.
    """
    gc.collect()
    with contextlib.suppress(OSError, AttributeError):
        ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6").malloc_trim(0)


def write_pagefind_bundle(output: Path, per_language: bool = True, timeout: float | None = None) -> IndexReport:
    """Index every indexable page under `output` into `output/pagefind/`, as Pagefind writes it.

    Each run of Pagefind's service gets `time_limit` seconds (`timeout`, else by its pages).
    """
    output = output.resolve()
    pages = pages_to_index(output)
    release_free_memory()
    bundle = output / BUNDLE_DIR
    runs = index_runs(pages) if per_language else one_run(pages)
    limits = [time_limit(len(pages), timeout) for _ in runs]
    _run_in_own_loop(_write_indexes(runs, output, bundle, limits))
    if empty := empty_files(bundle):
        raise IndexingError(f"Pagefind left {len(empty)} files of its index empty, such as {empty[0]}")
    expected = dict(Counter(page.lang or "unknown" for page in pages))
    if (indexed := indexed_by_lang(bundle)) != expected:
        raise IndexingError(f"Pagefind indexed {indexed} pages by language in {output}, expected {expected}")
    return IndexReport(bundle, expected)


def build_search_index(output: Path, per_language: bool = True, timeout: float | None = None) -> IndexReport:
    """Index every indexable page under `output` into `output/pagefind/`, in a canonical order (see `canonical`)."""
    report = write_pagefind_bundle(output, per_language, timeout)
    canonicalize_bundle(report.bundle)
    return report
