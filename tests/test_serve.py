"""`make serve` as a static host: the port in every absolute URL, 404 with the site's own page, no listings."""

from __future__ import annotations

import re
import subprocess
import urllib.error
import urllib.request
from email.message import Message
from pathlib import Path

import pytest

from .browser import serve
from .conftest import FIXTURE, ROOT, build_site
from .html_helpers import read_page
from .invariants import json_ld, sitemap_entries


@pytest.fixture(scope="module")
def site_on_8765(tmp_path_factory) -> Path:
    """The fixture archive built as `make serve PORT=8765` builds it."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("ARCHIVE_PORT", "8765")
        return build_site(tmp_path_factory.mktemp("port") / "output", FIXTURE)


def absolute_urls(site: Path) -> list[str]:
    """Every absolute URL of the site itself in what is read outside it: sitemap, feeds, robots.txt, og:url, JSON-LD."""
    texts = [
        (site / "sitemap.xml").read_text(encoding="utf-8"),
        (site / "robots.txt").read_text(encoding="utf-8"),
        *((site / lang / "feed.atom.xml").read_text(encoding="utf-8") for lang in ("pl", "en")),
        *(path.read_text(encoding="utf-8").split("</head>")[0] for path in site.rglob("*.html")),
    ]
    return [url for text in texts for url in re.findall(r"https?://127\.0\.0\.1(?::\d+)?[^\s\"'<]*", text)]


def test_the_port_is_in_every_absolute_url(site_on_8765: Path):
    urls = absolute_urls(site_on_8765)
    assert len(urls) > 50
    assert [url for url in urls if not url.startswith("http://127.0.0.1:8765/")] == []
    assert all(loc.startswith("http://127.0.0.1:8765/") for loc in sitemap_entries(site_on_8765))
    article = (site_on_8765 / "en/2025/convention-signed-in-hanoi/index.html").read_text(encoding="utf-8")
    assert '<meta property="og:url" content="http://127.0.0.1:8765/en/2025/convention-signed-in-hanoi/">' in article
    assert json_ld(article)[0]["url"] == "http://127.0.0.1:8765/en/2025/convention-signed-in-hanoi/"


def test_another_port_is_another_build(site_on_8765: Path, tmp_path: Path):
    # The build is skipped only when nothing changed: the port is one of its inputs.
    from tools.build import build_if_changed

    from .conftest import SETTINGS

    overrides = {"PATH": str(FIXTURE), "SEARCH_INDEX": False}
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("ARCHIVE_PORT", "8123")
        first = build_if_changed(SETTINGS, tmp_path / "output", overrides)
        again = build_if_changed(SETTINGS, tmp_path / "output", overrides)
        patch.setenv("ARCHIVE_PORT", "8124")
        other = build_if_changed(SETTINGS, tmp_path / "output", overrides)
    assert (first.rebuilt, again.rebuilt, other.rebuilt) == (True, False, True)
    assert "http://127.0.0.1:8124/sitemap.xml" in (tmp_path / "output" / "robots.txt").read_text(encoding="utf-8")


def get(base: str, path: str, method: str = "GET") -> tuple[int, str, Message]:
    request = urllib.request.Request(base + path, method=method)  # noqa: S310 (a local test server)
    try:
        with urllib.request.urlopen(request, timeout=10) as response:  # noqa: S310 (a local test server)
            return response.status, response.read().decode("utf-8"), response.headers
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode("utf-8"), error.headers


@pytest.fixture(scope="module")
def server(site_on_8765):
    yield from serve(site_on_8765)


@pytest.mark.parametrize(
    "path",
    [
        "/pl/no-such-page/",
        "/missing.html",
        "/pl/1899/",
        "/de/nichts/",  # a folder the site has no 404 page of
        # an encoded NUL dropped the connection with a traceback; a way out of the folder finds nothing
        "/pl/%00",
        "/pl/index.html%00.txt",
        "/%2e%2e/%2e%2e/etc/passwd",
        "/pl/..%2f..%2f..%2fetc/passwd",
    ],
)
def test_a_missing_page_is_404_with_the_sites_own_page_and_its_navigation(server, path):
    status, body, headers = get(server.base_url, path)
    assert status == 404
    assert headers["Content-Type"] == "text/html; charset=utf-8"
    assert body == (server.directory / "404.html").read_text(encoding="utf-8")
    page = read_page(server.directory / "404.html")
    assert "Nie znaleziono strony" in page.text and "Page not found" in page.text
    assert {"/pl/", "/pl/kraje/", "/pl/os-czasu/", "/en/"} <= set(page.links)  # the header's navigation
    assert '<form class="site-search" role="search" action="/pl/szukaj/"' in body


@pytest.mark.parametrize("path", ["/en/nothing/here", "/en/2025/no-such-article/", "/en/%00", "/en/x"])
def test_a_missing_page_under_en_is_404_in_english_first(server, path):
    status, body, _ = get(server.base_url, path)
    assert status == 404
    assert body == (server.directory / "en" / "404.html").read_text(encoding="utf-8")
    page = read_page(server.directory / "en" / "404.html")
    assert page.lang == "en" and page.text.index("Page not found") < page.text.index("Nie znaleziono strony")
    assert {"/en/", "/en/countries/", "/en/timeline/", "/pl/"} <= set(page.links)  # the header's navigation
    assert '<form class="site-search" role="search" action="/en/search/"' in body


def test_a_head_request_for_a_missing_page_has_no_body(server):
    status, body, _ = get(server.base_url, "/pl/no-such-page/", method="HEAD")
    assert (status, body) == (404, "")


def test_pages_and_files_are_served_as_they_are(server):
    for path, kind in (("/pl/", "text/html"), ("/sitemap.xml", "application/xml"), ("/en/timeline.json", "json")):
        status, _, headers = get(server.base_url, path)
        assert status == 200 and kind in headers["Content-Type"], path
    assert get(server.base_url, "/pl/")[1] == (server.directory / "pl" / "index.html").read_text(encoding="utf-8")
    assert ".devserver" not in get(server.base_url, "/pl/")[1]  # live reload is the devserver's alone


def test_a_port_that_is_not_a_port_is_refused(tmp_path):
    env = {"PATH": "/usr/bin:/bin", "ARCHIVE_CONTENT": str(FIXTURE), "LANG": "C.UTF-8"}
    for port in ("80a", "0", "70000", "8000; touch x"):
        result = subprocess.run(
            ["make", "--no-print-directory", "serve", f"PORT={port}"],
            cwd=ROOT, capture_output=True, text=True, env=env, timeout=300,
        )  # fmt: skip
        assert result.returncode != 0
        assert f"PORT must be a whole number from 1 to 65535, not {port!r}" in result.stderr + result.stdout
    assert not (ROOT / "x").exists()


def test_serve_serves_the_folder_the_build_wrote(monkeypatch):
    # `make serve` is `make html` then the server: both read ARCHIVE_OUTPUT, else the site just built is not
    # the one served (the server showed output/, built before, while the build wrote .cache/...).
    from tools import serve
    from tools.output_folder import SCRATCH

    monkeypatch.delenv("ARCHIVE_OUTPUT", raising=False)
    assert serve.parse_args([]).directory == ROOT / "output"
    monkeypatch.setenv("ARCHIVE_OUTPUT", str(SCRATCH / "site" / "output"))
    assert serve.parse_args([]).directory == (SCRATCH / "site" / "output").resolve()
    monkeypatch.setenv("ARCHIVE_OUTPUT", "/var/elsewhere")
    with pytest.raises(SystemExit, match="ARCHIVE_OUTPUT"):
        serve.parse_args([])
