"""`make devserver` rebuilds on changes to content, theme and plugins (which Pelican's -r does not watch)."""

from __future__ import annotations

import shutil
import socket
import subprocess
import sys
import time
import urllib.request

from .conftest import FIXTURE, ROOT
from .fixture_archive import PL_ARTICLE, file

ARTICLE = "output/" + file(PL_ARTICLE)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_for(condition, timeout: float = 240.0) -> None:
    # Generous: each step is a full build (with the search index) in a restarted devserver, on a
    # machine that may be running other jobs; a devserver that never rebuilds still fails.
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.2)
    raise AssertionError("timed out waiting for the devserver")


def test_devserver_rebuilds_on_plugin_theme_and_content_changes(tmp_path):
    project = tmp_path / "project"
    for name in ("theme", "plugins", "tools"):
        shutil.copytree(ROOT / name, project / name, ignore=shutil.ignore_patterns("__pycache__", "tests"))
    shutil.copytree(FIXTURE, project / "content")
    for name in ("pelican.conf.py", "requirements.txt"):
        shutil.copy(ROOT / name, project)
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "tools.devserver", "--port", str(port)],
        cwd=project,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    article = project / ARTICLE
    try:
        wait_for(article.exists)
        wait_for(lambda: _get(port, "/pl/") is not None)

        plugin = project / "plugins" / "markdown_reader" / "render.py"
        plugin.write_text(plugin.read_text().replace('<figure class="caption">', '<figure class="caption edited">'))
        wait_for(lambda: 'class="caption edited"' in article.read_text(encoding="utf-8"))

        template = project / "theme" / "templates" / "article.html"
        template.write_text(
            template.read_text().replace('<article class="wrap article">', '<article class="wrap article v2">')
        )
        wait_for(lambda: "article v2" in article.read_text(encoding="utf-8"))

        source = project / "content" / "articles" / "2025" / "signing-in-hanoi.pl.md"
        source.write_text(source.read_text(encoding="utf-8").replace("(Zdjęcie: Anna Testowa/AGENCJA)", "EDITED"))
        wait_for(lambda: "EDITED" in (_get(port, PL_ARTICLE) or ""))
    finally:
        server.terminate()
        server.wait(timeout=10)


def _get(port: int, path: str) -> str | None:
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}{path}", timeout=2) as response:
            return response.read().decode("utf-8")
    except OSError:
        return None
