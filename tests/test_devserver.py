"""`make devserver`: rebuilds on changes to content, theme and plugins (which Pelican's -r does not watch),
serves as `make serve` does, and the open page reloads itself after each rebuild (live reload)."""

from __future__ import annotations

import os
import re
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from playwright.sync_api import expect

from .browser import watch
from .conftest import FIXTURE, ROOT
from .fixture_archive import PL_ARTICLE, file

ARTICLE = "output/" + file(PL_ARTICLE)
LIVE_RELOAD = re.compile(r'<script src="/\.devserver/live-reload\.js" data-version="\d+" defer></script>\n</head>')


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def serving(log: Path, port: int) -> bool:
    """Whether a devserver started with `log` as its output said it serves on `port` (it listens by then).

    Asked before a first connection: the port is one of the kernel's own for connections, and a connection to it
    while nothing listens there may be given it as its own end, connected to itself (it read its own request as
    the answer, and held the port the devserver was about to take).
    """
    return f"Serving on http://127.0.0.1:{port}/" in log.read_text(encoding="utf-8", errors="replace")


def devserver(project: Path, port: int, log: Path) -> subprocess.Popen:
    """`make devserver PORT=port` in `project`, what it says (unbuffered) in `log`."""
    with log.open("w") as output:
        return subprocess.Popen(
            [sys.executable, "-m", "tools.devserver", "--port", str(port)],
            cwd=project,
            env={**os.environ, "PYTHONUNBUFFERED": "1"},
            stdout=output,
            stderr=subprocess.STDOUT,
        )


def wait_for(condition, timeout: float = 240.0) -> None:
    # Generous: each step is a full build in a restarted devserver, on a
    # machine that may be running other jobs; a devserver that never rebuilds still fails.
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.2)
    raise AssertionError("timed out waiting for the devserver")


def devserver_project(tmp_path) -> Path:
    """A project of its own for a devserver: the repository's code and settings, the fixture content."""
    project = tmp_path / "project"
    for name in ("theme", "plugins", "tools"):
        shutil.copytree(ROOT / name, project / name, ignore=shutil.ignore_patterns("__pycache__", "tests"))
    shutil.copytree(FIXTURE, project / "content")
    for name in ("pelican.conf.py", "requirements.txt"):
        shutil.copy(ROOT / name, project)
    return project


@contextmanager
def pages_of_a_devserver(tmp_path, chromium) -> Iterator[tuple[Path, int, object]]:
    """(its project, its port, the browser context to open its pages in): a devserver of the fixture content,
    without a search index (the pages are what is watched), once it serves what it built."""
    project = devserver_project(tmp_path)
    with (project / "pelican.conf.py").open("a", encoding="utf-8") as settings:
        settings.write("\nSEARCH_INDEX = False  # the pages are what this test watches\n")
    port = free_port()
    server = devserver(project, port, tmp_path / "devserver.log")
    context = chromium.new_context()
    try:
        wait_for((project / ARTICLE).exists)
        wait_for(lambda: serving(tmp_path / "devserver.log", port))
        wait_for(lambda: _get(port, "/pl/") is not None)
        yield project, port, context
    finally:
        context.close()
        server.terminate()
        server.wait(timeout=10)


@pytest.mark.browser
def test_devserver_rebuilds_and_the_open_page_reloads_itself(tmp_path, chromium):
    with pages_of_a_devserver(tmp_path, chromium) as (project, port, context):
        base = f"http://127.0.0.1:{port}"
        article = project / ARTICLE

        # Served as a static host serves it, with its port in every absolute URL...
        assert f"Sitemap: {base}/sitemap.xml" in (project / "output" / "robots.txt").read_text(encoding="utf-8")
        status, body = _status(port, "/pl/no-such-page/")
        assert status == 404 and "Nie znaleziono strony" in body and 'class="site-nav"' in body
        # ...and with the live-reload script in what it sends, never in what it built.
        assert LIVE_RELOAD.search(_get(port, PL_ARTICLE))
        assert ".devserver" not in article.read_text(encoding="utf-8")

        page = context.new_page()
        log = watch(page)
        page.goto(base + PL_ARTICLE)
        page.evaluate("window.notReloaded = true")

        source = project / "content" / "articles" / "2025" / "signing-in-hanoi.pl.md"
        source.write_text(source.read_text(encoding="utf-8").replace("(Zdjęcie: Anna Testowa/AGENCJA)", "EDITED"))
        expect(page.locator("main")).to_contain_text("EDITED", timeout=240_000)  # the page reloaded itself
        assert page.evaluate("window.notReloaded") is None

        plugin = project / "plugins" / "archive_core" / "markdown.py"
        plugin.write_text(plugin.read_text().replace('<figure class="caption">', '<figure class="caption edited">'))
        wait_for(lambda: 'class="caption edited"' in article.read_text(encoding="utf-8"))

        template = project / "theme" / "templates" / "article.html"
        template.write_text(
            template.read_text().replace('<article class="wrap article">', '<article class="wrap article v2">')
        )
        wait_for(lambda: "article v2" in article.read_text(encoding="utf-8"))
        expect(page.locator("article.v2")).to_have_count(1, timeout=60_000)  # after a restart of the devserver too
        assert all(url.startswith(base + "/") for url in log.requests), log.requests


@pytest.mark.browser
def test_a_change_that_cannot_be_built_is_told_on_the_open_page_until_it_is_fixed(tmp_path, chromium):
    """A date written 26.10.2025 was told in the terminal only: the page stayed as it was, and a contributor
    watching the browser took the save for lost. Now what stops the build is shown above the last good page."""
    with pages_of_a_devserver(tmp_path, chromium) as (project, port, context):
        page = context.new_page()
        page.goto(f"http://127.0.0.1:{port}" + PL_ARTICLE)
        source = project / "content" / "articles" / "2025" / "signing-in-hanoi.pl.md"
        text = source.read_text(encoding="utf-8")
        source.write_text(text.replace("date: 2025-10-26\n", "date: 26.10.2025\n", 1), encoding="utf-8")
        problems = page.locator("#devserver-problems")
        expect(problems).to_contain_text("date: '26.10.2025' is not a date (write 2025-10-26", timeout=240_000)
        expect(problems).to_have_attribute("lang", "en")
        expect(problems).to_have_attribute("role", "alert")
        expect(page.locator("main h1")).to_be_visible()  # the last good page, below
        source.write_text(text, encoding="utf-8")
        expect(problems).to_have_count(0, timeout=240_000)  # built again: reloaded, with nothing to tell


def _status(port: int, path: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}{path}", timeout=2) as response:
            return response.status, response.read().decode("utf-8")
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode("utf-8")


def _get(port: int, path: str) -> str | None:
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}{path}", timeout=2) as response:
            return response.read().decode("utf-8")
    except OSError:
        return None


def test_an_edit_made_before_the_watcher_runs_is_handled_once_it_runs(tmp_path):
    # The devserver looks for edits made during its first build once its watcher runs: an edit made
    # just before the watcher started (here, as it starts) is handled, and so is every later one.
    from watchfiles import Change

    from tools.devserver import follow

    article, other = tmp_path / "a.md", tmp_path / "b.md"
    article.write_text("a")
    other.write_text("b")
    since = time.time()
    time.sleep(0.02)

    def watcher(*paths, **options):
        article.write_text("edited as the watcher starts")  # after any look made before it started
        yield set()  # it runs: nothing seen yet
        yield {(Change.modified, str(other))}

    handled: list[set] = []
    follow([tmp_path], since, handled.append, watcher=watcher)
    assert handled == [{(Change.modified, str(article))}, {(Change.modified, str(other))}]
