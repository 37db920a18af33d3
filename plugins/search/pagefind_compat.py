"""Every use of Pagefind beyond its documented interface, in one place, for the versions it was checked against.

Pagefind's Python API (`pagefind.index.PagefindIndex`) runs Pagefind's binary
as a service and talks to it over stdin/stdout. This plugin needs four things
that API does not offer; each is here, with the upstream issue that would
make it unnecessary:

- **Waiting for the index to be on disk, then letting the service end.**
  Pagefind 1.5.2 answers `WriteFiles` before its background writes are done,
  and `PagefindIndex`'s exit then kills the service (SIGTERM): a file of the
  bundle can be left empty or cut short (Pagefind issue #1271, fixed by pull
  request #1272, "flush output files before they drop", in a release after
  1.5.2). `stop_service` waits until no file is empty, then closes the
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
- **The URL Pagefind gives a page** (`result_url`), for the records handed to
  it one by one, so that they sit at the same URLs as the pages it walks.
- **Reading the service's answers as they come.** The API's `PagefindService`
  sleeps 0.1 s before reading each answer, so every request costs at least
  0.1 s (22 records and six requests: 2.8 s of a 6 s build of the archive as it
  is). `start_service` starts a `PagefindService` whose reader waits for data
  only (`_wait_for_responses`, private); see docs/upstream/pagefind-service-latency.md.

`require_tested_version()` refuses any other version of the `pagefind`
package or its binary: check each item above against the new version's source
(`pagefind/service/__init__.py`, `pagefind_web/src/metadata.rs`), then add it
to `TESTED_VERSIONS`.
"""

from __future__ import annotations

import asyncio
import base64
import gzip
import hashlib
import json
from importlib import metadata
from pathlib import Path
from typing import Any

import cbor2
from pagefind.index import IndexConfig, PagefindIndex
from pagefind.service import PagefindService

TESTED_VERSIONS = ("1.5.2",)
DISTRIBUTIONS = ("pagefind", "pagefind_bin")
ENTRY_FILE = "pagefind-entry.json"
SIGNATURE = b"pagefind_dcd"
SERVICE_EXIT_TIMEOUT = 60  # seconds; it ends in a few ms once its writes are done


class UntestedPagefind(RuntimeError):
    """A version of Pagefind this module has not been checked against."""


class PagefindFailed(RuntimeError):
    """Pagefind did not write a complete index."""


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


async def wait_for_writes(bundle: Path) -> None:
    """Wait until no file of the bundle is empty any more.

    Every file Pagefind writes has at least one byte, so an empty one is one still being written.
    """
    deadline = asyncio.get_running_loop().time() + SERVICE_EXIT_TIMEOUT
    while empty_files(bundle) and asyncio.get_running_loop().time() < deadline:
        await asyncio.sleep(0.01)


async def stop_service(index: PagefindIndex) -> None:
    """Stop Pagefind's service gently: with its stdin closed, it ends by itself (status 0)."""
    service = index._service  # private: the Python API has no way to wait for the writes
    if service is None:
        raise PagefindFailed("Pagefind's service is not running")
    service._poll_task.cancel()
    backend = service._backend
    if backend.stdin is None:
        raise PagefindFailed("Pagefind's service has no input to close")
    backend.stdin.close()
    try:
        status = await asyncio.wait_for(backend.wait(), timeout=SERVICE_EXIT_TIMEOUT)
    except TimeoutError:
        backend.terminate()
        await backend.wait()
        raise PagefindFailed(f"Pagefind's service did not end within {SERVICE_EXIT_TIMEOUT} s of writing") from None
    if status != 0:
        raise PagefindFailed(f"Pagefind's service ended with status {status}")


class _PromptService(PagefindService):
    """Pagefind's service, each answer read as soon as it arrives (the API sleeps 0.1 s before each)."""

    async def _wait_for_responses(self) -> None:
        stdout = self._backend.stdout
        if stdout is None:
            raise PagefindFailed("Pagefind's service has no output to read")
        try:
            while True:
                self._route(json.loads(base64.b64decode((await stdout.readuntil(b","))[:-1])))
        except (asyncio.IncompleteReadError, asyncio.LimitOverrunError, ValueError) as exc:
            # The service ended or said something unreadable: every request still waiting fails, none hangs.
            for future in self._responses.values():
                if not future.done():
                    future.set_exception(PagefindFailed(f"Pagefind's service stopped answering ({exc!r})"))

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
        if payload["type"] == "Error":
            future.set_exception(PagefindFailed(f"Pagefind's service: {payload.get('message')}"))
        else:
            future.set_result(payload)


async def start_index(config: IndexConfig) -> PagefindIndex:
    """A new index in a new Pagefind service that answers without the API's 0.1 s wait per request."""
    service = await _PromptService().launch()
    return await service.create_index(config)


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


def encode(value: Any) -> tuple[bytes, str]:
    """The file's bytes (gzip, no timestamp) and the full content hash Pagefind names it by."""
    cbor = cbor2.dumps(value)
    return gzip.compress(SIGNATURE + cbor, compresslevel=9, mtime=0), pagefind_hash(cbor)
