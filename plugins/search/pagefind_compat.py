"""Every use of Pagefind beyond its documented interface, in one place, for the versions it was checked against.

Pagefind's Python API (`pagefind.index.PagefindIndex`) runs Pagefind's binary
as a service and talks to it over stdin/stdout. This plugin needs six things
that API does not offer; each is here, with the upstream issue that would
make it unnecessary where there is one:

- **Waiting for the index to be on disk, then letting the service end.**
  Pagefind 1.5.2 answers `WriteFiles` before its background writes are done,
  and `PagefindIndex`'s exit then kills the service (SIGTERM): a file of the
  bundle can be left empty or cut short (Pagefind issue #1271, fixed by pull
  request #1272, "flush output files before they drop", in a release after
  1.5.2). `wait_for_writes` waits until every file the entry and metadata
  name is there and whole (or, where the pages are not known, until no file
  is empty and none grew between two looks), then `stop_service` closes the
  service's stdin (it then ends by itself) through the API's private
  `_service`, `_poll_task` and `_backend`.
- **One `pagefind-entry.json` for several runs.** The build runs Pagefind once
  per language (less memory); each run rewrites the entry file with its own
  languages, so `merge_entries` writes it again with all of them, as
  Pagefind's own serde_json would.
- **The bundle's file format** (`decode`, `encode`, `pagefind_hash`): gzip of
  `pagefind_dcd` + CBOR, named after Pagefind's content hash, for
  `canonical.py`'s reordering (Pagefind issue #638: filter and metadata files
  come out in hash-map order).
- **Watching the service.** The Python API waits for ever for the answer of
  a service that has ended or hung (no upstream issue asks for a time limit
  yet; one that adds it would make this unnecessary). `supervised` looks at
  the service's process (the same private `_service`, `_poll_task` and
  `_backend`) while a run goes on, and fails in one line as soon as it has
  ended, or once the time limit is over, killing and reaping what is left.
- **The URL Pagefind gives a page** (`result_url`), for the records handed to
  it one by one, so that they sit at the same URLs as the pages it walks.
- **Which result is which page, and the words of an index** (`page_ids`,
  `indexed_words`), for a devserver's overlay index (`overlay.py`): the id
  Pagefind's JS API gives a result is the name of the page's fragment file,
  whose decoded JSON starts with the page's URL; a language's words are the
  first item of each entry of its index chunks, which its metadata lists.
  Pagefind cannot remove or replace a page of a written index without
  indexing every page again (Pagefind/pagefind#71; see
  docs/upstream/pagefind-live-index.md).
- **Reading the service's answers as they come.** The API's `PagefindService`
  sleeps 0.1 s before reading each answer, so every request costs at least
  0.1 s (22 records and six requests: 2.8 s of a 6 s build of the archive as it
  is). `start` runs an index on a `PagefindService` whose reader waits for
  data only (`_wait_for_responses`, private, and the index's `_config` and
  `_index_id`); see docs/upstream/pagefind-service-latency.md.

`require_tested_version()` refuses any other version of the `pagefind`
package or its binary: check each item above against the new version's source
(`pagefind/service/__init__.py`, `pagefind_web/src/metadata.rs`), then add it
to `TESTED_VERSIONS`.
"""

from __future__ import annotations

import asyncio
import base64
import contextlib
import gzip
import hashlib
import json
import os
import threading
import zlib
from collections.abc import Awaitable
from importlib import metadata
from pathlib import Path
from typing import Any, TypeVar

import cbor2
from pagefind.index import PagefindIndex
from pagefind.service import PagefindService

TESTED_VERSIONS = ("1.5.2",)
DISTRIBUTIONS = ("pagefind", "pagefind_bin")
ENTRY_FILE = "pagefind-entry.json"
SIGNATURE = b"pagefind_dcd"
SERVICE_EXIT_TIMEOUT = 60  # seconds; it ends in a few ms once its writes are done
WATCH_INTERVAL = 0.2  # seconds between looks at Pagefind's process
REMEDY = (
    "reinstall it (`.venv/bin/pip install --force-reinstall -r requirements.txt`, package pagefind-bin), "
    "or point PAGEFIND_BINARY_PATH at a working pagefind"
)
T = TypeVar("T")


class UntestedPagefind(RuntimeError):
    """A version of Pagefind this module has not been checked against."""


class PagefindFailed(RuntimeError):
    """Pagefind is missing, failed, hung or did not write a complete index: one line, with what to do."""


class IndexStopped(RuntimeError):
    """The build that asked for the index has stopped (it failed, or was interrupted): Pagefind was ended."""


class BundleFormatError(RuntimeError):
    """A file of the bundle is not what the tested Pagefind versions write; names the file and what was expected."""


def require_tested_version() -> None:
    for name in DISTRIBUTIONS:
        version = metadata.version(name)
        if version not in TESTED_VERSIONS:
            raise UntestedPagefind(
                f"{name} {version} is installed; plugins/search/pagefind_compat.py was checked against "
                f"{', '.join(TESTED_VERSIONS)} (check it against the new version, then add it to TESTED_VERSIONS, "
                "or install the version pinned in requirements.txt)"
            )


def result_url(output: Path, path: Path) -> str:
    """The URL Pagefind gives the page at `path`: `pl/2025/slug/index.html` -> `/pl/2025/slug/`."""
    relative = path.relative_to(output).as_posix()
    return "/" + (relative.removesuffix("index.html") if relative.endswith("index.html") else relative)


# The service


def empty_files(bundle: Path) -> list[Path]:
    return sorted(path for path in bundle.rglob("*") if path.is_file() and path.stat().st_size == 0)


STABLE_LOOKS_APART = 0.05  # seconds between two looks at the sizes of the bundle's files (`wait_for_writes`)
COMPLETE_LOOKS_APART = 0.01  # seconds between two looks for a complete bundle, when its pages are known


async def wait_for_writes(bundle: Path, expected: dict[str, int] | None = None) -> None:
    """Wait until the bundle is complete, or no file of it is empty and none grew between two looks.

    `expected`: the pages of each language the run indexed. The bundle is complete when its entry names
    them, and every file its metadata names, and Pagefind's own, is there and whole (`bundle_complete`):
    Pagefind writes each file once, so the wait ends at the first look that finds it so, most often the
    first. Otherwise (no `expected`, or not complete yet): every file Pagefind writes has at least one
    byte, so an empty one is one still being written; a file cut short can be longer than zero, hence the
    second look. `verify_bundle` checks the result.
    """
    loop = asyncio.get_running_loop()
    deadline = loop.time() + SERVICE_EXIT_TIMEOUT
    seen: dict[Path, int] | None = None
    seen_at = loop.time()
    while loop.time() < deadline:
        if expected is not None and bundle_complete(bundle, expected):
            return
        if seen is None or loop.time() - seen_at >= STABLE_LOOKS_APART:
            sizes = _sizes(bundle)
            if 0 not in sizes.values() and sizes == seen:
                return
            seen, seen_at = sizes, loop.time()
        await asyncio.sleep(COMPLETE_LOOKS_APART if expected is not None else STABLE_LOOKS_APART)


def bundle_complete(bundle: Path, expected: dict[str, int]) -> bool:
    """Whether the bundle holds the whole index of `expected` pages per language: its entry names each language
    with that many pages, and Pagefind's own files, each language's metadata and WebAssembly, and every index
    chunk, filter and page fragment the metadata names, are there and whole (`file_is_whole`)."""
    try:
        languages = json.loads((bundle / ENTRY_FILE).read_bytes()).get("languages")
        if not isinstance(languages, dict):
            return False
        if any(languages.get(lang, {}).get("page_count") != count for lang, count in expected.items()):
            return False
        version = metadata.version("pagefind_bin")
        names = [*FIXED_FILES[version], "wasm.unknown.pagefind"]
        for lang in expected:
            meta = decode(bundle / f"pagefind.{languages[lang]['hash']}.pf_meta")
            if not isinstance(meta, list) or len(meta) <= META_FILTERS or meta[0] not in TESTED_VERSIONS:
                return False
            names.append(f"wasm.{languages[lang]['wasm']}.pagefind")
            names += [f"fragment/{page[0]}.pf_fragment" for page in meta[META_PAGES]]
            names += [f"index/{chunk[-1]}.pf_index" for chunk in meta[META_CHUNKS]]
            names += [f"filter/{listed[-1]}.pf_filter" for listed in meta[META_FILTERS]]
        return all(file_is_whole(bundle, name, version) for name in names)
    except (OSError, ValueError, TypeError, LookupError, AttributeError, BundleFormatError):
        return False  # not there yet, or not whole yet


def _sizes(bundle: Path) -> dict[Path, int]:
    return {path: path.stat().st_size for path in bundle.rglob("*") if path.is_file()}


# The files every run of a version writes the same, whatever the site: Pagefind's scripts and styles.
FIXED_FILES = {
    "1.5.2": {
        "pagefind-component-ui.css": "de389c7e5d87d6e2b10d65fb1e36e8989a12a2ad8dd6239b7e070d81fb5d8b0d",
        "pagefind-component-ui.js": "958620129dd14bd851805daeb12ce708bd63b9287325d1d5ae6f73a04d1723f8",
        "pagefind-highlight.js": "04741266a86911636cefc41c8b407e380dda99b7d208724f700f94cdf57e37b5",
        "pagefind-modular-ui.css": "653ab29e4de5629f6ddf5f6fcdf5d2b3eb539a8c07fff8a56b8ce2156a570788",
        "pagefind-modular-ui.js": "f3efa0f74b305ccab0bc9edc7c09ab69867180b4c43093d84bb9b508ac4ec32c",
        "pagefind-ui.css": "e113b816110ed07b017613e901addfe635350f2a5b84990aa76c91a74b158084",
        "pagefind-ui.js": "2efa93f2e80a199ca742a69bd4cfffabc5c591ebe7763f64f7c655fd00d2209f",
        "pagefind-worker.js": "4ca50d25bcab9e1c3afbc00ab5f7761114e83c8fc1b83d38655af1558b650c2a",
        "pagefind.js": "252d272bd34d483d19a752060f6a065114d15ab12c42d8f905ca565e2768a009",
    }
}
# In a language's metadata, [version, pages, chunks, filters, sorts, fields]: a page is [fragment hash, words], a
# chunk [from, to, hash], a filter [name, hash] (pagefind_web/src/metadata.rs).
META_PAGES, META_CHUNKS, META_FILTERS = 1, 2, 3
ENCODED_SUFFIXES = (".pf_meta", ".pf_index", ".pf_fragment", ".pf_filter", ".pagefind")


def file_is_whole(bundle: Path, name: str, version: str) -> bool | None:
    """Whether the file `name` of the bundle is whole: Pagefind's own scripts and styles byte for byte those of its
    `version`, an encoded file a complete gzip stream of `pagefind_dcd` + data (a file cut short ends before gzip's
    end marker), the entry file valid JSON; None for a name of no known kind. OSError if it is not there."""
    data = (bundle / name).read_bytes()
    if name in (fixed := FIXED_FILES[version]):
        return hashlib.sha256(data).hexdigest() == fixed[name]
    if name.endswith(ENCODED_SUFFIXES):
        try:
            return gzip.decompress(data).startswith(SIGNATURE)
        except (EOFError, OSError):
            return False
    if name == ENTRY_FILE:
        try:
            json.loads(data)
        except ValueError:
            return False
        return True
    return None


def verify_bundle(bundle: Path) -> None:
    """PagefindFailed naming the first file of the bundle that is not whole (Pagefind issue #1271).

    Pagefind's own scripts and styles must be byte for byte those of its version; every encoded file a
    complete gzip stream of `pagefind_dcd` + data (a file cut short ends before gzip's end marker);
    the entry file valid JSON. A file of no known kind is one this version was not checked against.
    """
    version = metadata.version("pagefind_bin")
    for path in sorted(p for p in bundle.rglob("*") if p.is_file()):
        name = path.relative_to(bundle).as_posix()
        if (whole := file_is_whole(bundle, name, version)) is None:
            raise PagefindFailed(f"{path}: a file Pagefind {version} does not write; {REMEDY}")
        if not whole:
            raise PagefindFailed(
                f"{path}: Pagefind wrote this file incompletely (Pagefind issue #1271); "
                "the previous site is left as it was: build again"
            )


async def stop_service(index: PagefindIndex) -> None:
    """Stop Pagefind's service gently: with its stdin closed, it ends by itself (status 0).

    (`PagefindIndex`'s own exit kills it with SIGTERM.)
    """
    service = index._service  # private: the Python API has no way to wait for the writes
    if service is None:
        raise PagefindFailed(f"Pagefind's service is not running; {REMEDY}")
    service._poll_task.cancel()
    backend = service._backend
    if backend.stdin is None:
        raise PagefindFailed(f"Pagefind's service has no input to close; {REMEDY}")
    backend.stdin.close()
    try:
        status = await asyncio.wait_for(backend.wait(), timeout=SERVICE_EXIT_TIMEOUT)
    except TimeoutError:
        backend.terminate()
        await backend.wait()
        raise PagefindFailed(f"Pagefind's service did not end within {SERVICE_EXIT_TIMEOUT} s of writing") from None
    if status != 0:
        raise PagefindFailed(f"Pagefind's service ended with status {status}; {REMEDY}")


async def supervised(
    index: PagefindIndex, work: Awaitable[T], limit: float, limit_hint: str = "", stop: threading.Event | None = None
) -> T:
    """The result of `work` (a run of `index`'s service), watched: PagefindFailed as soon as Pagefind
    cannot start, ends, answers with an error, or is still running after `limit` seconds; IndexStopped
    once `stop` is set (by another thread: the build no longer wants the index).

    The Python API would wait for ever for the answer of a service that has ended.
    """
    task = asyncio.ensure_future(work)
    deadline = asyncio.get_running_loop().time() + limit
    while True:
        done, _ = await asyncio.wait({task}, timeout=WATCH_INTERVAL)
        if done:
            break
        failure = service_ended(index)
        stopped = stop is not None and stop.is_set()
        if failure is None and not stopped and asyncio.get_running_loop().time() < deadline:
            continue
        task.cancel()
        with contextlib.suppress(BaseException):
            await task
        await kill_service(index)
        if stopped:
            raise IndexStopped("the build stopped; Pagefind was ended")
        if failure is None:
            raise PagefindFailed(f"Pagefind did not finish within {limit:.0f} s (is it hung?); {REMEDY}{limit_hint}")
        raise PagefindFailed(f"Pagefind {failure}; {REMEDY}")
    try:
        return task.result()
    except (PagefindFailed, IndexStopped, asyncio.CancelledError):
        raise
    except Exception as exc:  # it could not start, it ended, or it answered with an error
        failure = await kill_service(index)
        if failure:
            raise PagefindFailed(f"Pagefind {failure}; {REMEDY}") from None
        if isinstance(exc, OSError):  # no binary, or one that cannot be run
            raise PagefindFailed(f"Pagefind could not be started ({exc.strerror or exc}); {REMEDY}") from None
        said = " ".join(str(exc.args[0] if exc.args else exc).split())
        raise PagefindFailed(f"Pagefind failed: {said[:300]}; {REMEDY}") from None


def service_ended(index: PagefindIndex) -> str | None:
    """Why Pagefind's service can no longer answer (it ended, or closed its output), or None while it can."""
    service = index._service  # private: the Python API does not watch its process
    if service is None or not hasattr(service, "_poll_task"):
        return None
    poll = service._poll_task
    if not poll.done() or poll.cancelled():  # cancelled: by `stop_service`, once the index is written
        return None
    error = poll.exception()
    said = getattr(error, "partial", b"").decode("utf-8", "replace").split("\n")
    last = next((line.strip() for line in reversed(said) if line.strip()), "")
    status = service._backend.returncode
    ended = f"ended with status {status}" if status is not None else "stopped answering"
    return f"{ended} before it finished" + (f" ({last[:200]})" if last else "")


async def kill_service(index: PagefindIndex) -> str | None:
    """End Pagefind's service if it still runs, and reap it; why it had ended by itself, if it had."""
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
    failure = service_ended(index)
    service._poll_task.cancel()
    return failure


class _PromptService(PagefindService):
    """Pagefind's service, each answer read as soon as it arrives (the API sleeps 0.1 s before each)."""

    async def _wait_for_responses(self) -> None:
        stdout = self._backend.stdout
        if stdout is None:
            raise PagefindFailed("Pagefind's service has no output to read")
        try:
            while True:
                self._route(json.loads(base64.b64decode((await stdout.readuntil(b","))[:-1])))
        except (asyncio.IncompleteReadError, asyncio.LimitOverrunError, ValueError):
            # The service ended or said something unreadable: every request still waiting fails, none hangs;
            # `supervised` then says why, from this task's exception and the process's status.
            for future in self._responses.values():
                if not future.done():
                    future.set_exception(ConnectionError("Pagefind's service stopped answering"))
            raise

    def _route(self, answer: dict | None) -> None:
        if answer is None:
            return
        message_id = answer.get("message_id")
        payload = answer["payload"]
        if message_id is None and (original := payload.get("original_message")):
            message_id = json.loads(original).get("message_id")  # it could not parse the request
        future = self._responses.get(message_id)
        if future is None or future.done():
            return
        if payload["type"] == "Error":  # as the API does: `supervised` words it
            future.set_exception(Exception(payload.get("message"), payload.get("original_message")))
        else:
            future.set_result(payload)


async def start(index: PagefindIndex) -> None:
    """Start `index` (made with its config, not entered) on a service that answers without the API's 0.1 s wait.

    What `PagefindIndex.__aenter__` does, with `_PromptService`; the service is set on the index before
    the index is created in it, so that `supervised` watches its process from the start.
    """
    service = _PromptService()
    index._service = service
    await service.launch()
    index._index_id = (await service.create_index(index._config))._index_id


# pagefind-entry.json


def read_entry(bundle: Path) -> dict:
    path = bundle / ENTRY_FILE
    if not path.is_file():
        raise PagefindFailed(f"Pagefind wrote no index into {bundle}")
    return json.loads(path.read_text(encoding="utf-8"))


def write_entry(bundle: Path, entry: dict) -> None:
    """As Pagefind writes it (serde_json): compact, UTF-8, no final newline."""
    (bundle / ENTRY_FILE).write_text(json.dumps(entry, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")


def merge_entries(bundle: Path, entries: list[dict]) -> None:
    """One entry file naming the languages of every run (each run wrote its own), the last run's otherwise."""
    languages = {lang: language for entry in entries for lang, language in entry["languages"].items()}
    write_entry(bundle, {**entries[-1], "languages": dict(sorted(languages.items()))})


def pages_by_lang(bundle: Path) -> dict[str, int]:
    """The pages Pagefind says it indexed, per language (its `page_count` for a directory counts every file)."""
    return {lang: language["page_count"] for lang, language in read_entry(bundle)["languages"].items()}


# The bundle's files


def pagefind_hash(data: bytes) -> str:
    """Pagefind's `full_hash`: SHA-1 in hex, each byte without zero padding (0x0a -> "a")."""
    return "".join(format(byte, "x") for byte in hashlib.sha1(data).digest())  # noqa: S324 (a file name, as Pagefind's)


def decode(path: Path) -> Any:
    """The value of the file at `path`, as Pagefind writes it: gzip("pagefind_dcd" + CBOR)."""
    try:
        data = gzip.decompress(path.read_bytes())
    except (OSError, EOFError) as exc:
        raise BundleFormatError(f"{path}: not a gzip-compressed Pagefind file ({exc})") from exc
    if not data.startswith(SIGNATURE):
        raise BundleFormatError(f"{path}: does not start with {SIGNATURE.decode()}")
    try:
        return cbor2.loads(data[len(SIGNATURE) :])
    except cbor2.CBORDecodeError as exc:
        raise BundleFormatError(f"{path}: not CBOR after {SIGNATURE.decode()} ({exc})") from exc


FRAGMENT_HEAD = SIGNATURE + b'{"url":'


def page_ids(bundle: Path) -> dict[str, str]:
    """URL -> the id Pagefind's JS API gives its result (`en_1d5e4ad`), for every page of the bundle (of a URL with
    results in several languages, a page standing in for another language's version, one of them: `result_ids`)."""
    return {url: ids[-1] for url, ids in result_ids(bundle).items()}


def result_ids(bundle: Path) -> dict[str, list[str]]:
    """URL -> the ids Pagefind's JS API gives its results (`en_1d5e4ad`), in any language, sorted.

    A fragment is gzip("pagefind_dcd" + JSON) whose first key is the URL (Pagefind 1.5.2's
    `PageFragment`), so the start of each file is enough; a file whose start does not hold a whole
    URL is read whole.
    """
    ids: dict[str, list[str]] = {}
    decoder = json.JSONDecoder()
    for file in sorted(os.scandir(bundle / "fragment"), key=lambda entry: entry.name):
        with open(file.path, "rb") as opened:
            head = zlib.decompressobj(wbits=31).decompress(opened.read(1024), 4096)
        try:
            if not head.startswith(FRAGMENT_HEAD):
                raise ValueError(head[:40])
            url, _ = decoder.raw_decode(head[len(FRAGMENT_HEAD) :].decode("utf-8", "ignore"))
        except ValueError:
            url = decode_json(Path(file.path))["url"]
        ids.setdefault(url, []).append(file.name.removesuffix(".pf_fragment"))
    return ids


def indexed_words(bundle: Path) -> dict[str, list[str]]:
    """Language -> every word (stem) of its index, as Pagefind wrote it."""
    words = {}
    for lang, language in read_entry(bundle)["languages"].items():
        meta = decode(bundle / f"pagefind.{language['hash']}.pf_meta")
        if not isinstance(meta, list) or not meta or meta[0] not in TESTED_VERSIONS:
            raise BundleFormatError(f"{bundle}: metadata of {lang} is not Pagefind {', '.join(TESTED_VERSIONS)}'s")
        words[lang] = [
            entry[0] for *_, chunk in meta[META_CHUNKS] for entry in decode(bundle / "index" / f"{chunk}.pf_index")[0]
        ]
    return words


def decode_json(path: Path) -> Any:
    """A fragment's value: gzip("pagefind_dcd" + JSON)."""
    try:
        data = gzip.decompress(path.read_bytes())
        if not data.startswith(SIGNATURE):
            raise ValueError(f"does not start with {SIGNATURE.decode()}")
        return json.loads(data[len(SIGNATURE) :])
    except (OSError, EOFError, ValueError) as exc:
        raise BundleFormatError(f"{path}: not a Pagefind fragment ({exc})") from exc


def encode(value: Any) -> tuple[bytes, str]:
    """The file's bytes (gzip, no timestamp) and the full content hash Pagefind names it by."""
    cbor = cbor2.dumps(value)
    return gzip.compress(SIGNATURE + cbor, compresslevel=9, mtime=0), pagefind_hash(cbor)
