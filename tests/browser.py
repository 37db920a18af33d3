"""Real headless Chromium (Debian's), driven by Playwright, against the built site on localhost."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from tools.chromium import MISSING, chromium_executable
from tools.serve import SiteHandler, make_server


def chromium_path() -> str:
    if (path := chromium_executable()) is None:
        pytest.fail(MISSING)
    return str(path)


@dataclass
class Served:
    base_url: str
    directory: Path


@dataclass
class PageLog:
    """What a page did: console errors, failed requests, and every URL it requested."""

    console_errors: list[str] = field(default_factory=list)
    requests: list[str] = field(default_factory=list)
    failures: list[str] = field(default_factory=list)


def serve(directory: Path, handler: type = SiteHandler) -> Iterator[Served]:
    server = make_server(directory, 0, verbose=False, handler=handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield Served(f"http://127.0.0.1:{server.server_address[1]}", directory)
    finally:
        server.shutdown()
        server.server_close()


def watch(page) -> PageLog:
    log = PageLog()
    page.on("console", lambda msg: log.console_errors.append(msg.text) if msg.type == "error" else None)
    page.on("pageerror", lambda exc: log.console_errors.append(str(exc)))
    page.on("request", lambda request: log.requests.append(request.url))
    page.on("requestfailed", lambda request: log.failures.append(request.url))
    return log


# A search result's page and anchor (`/en/timeline/2025/#id`), without the text fragment (`#:~:text=...`) that
# marks the words found: as Playwright evaluates it on one link, and on a list of links.
RESULT_TARGET = "a => a.pathname + a.hash.split(':~:')[0].replace(/^#$/, '')"
RESULT_TARGETS = f"links => links.map({RESULT_TARGET})"
