"""Shared fixtures: real Pelican builds of the real content, or of a copy of it."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tools.build import build

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "content" / "sources" / "000_5355186cc487cfe2.txt"
CONTENT = ROOT / "content"
SETTINGS = ROOT / "pelican.conf.py"


def build_site(output: Path, content: Path = CONTENT, **overrides) -> Path:
    """A real build of `content` into `output`, without the search index unless asked for (`SEARCH_INDEX=True`):
    most tests look at the pages only, and Pagefind is the slowest step of a small build."""
    return build(SETTINGS, output, {"PATH": str(content), "SEARCH_INDEX": False, **overrides})


@pytest.fixture(scope="session")
def site(tmp_path_factory) -> Path:
    """The real site with its search index, built once per test session."""
    return build_site(tmp_path_factory.mktemp("site") / "output", SEARCH_INDEX=True)


@pytest.fixture
def content_copy(tmp_path) -> Path:
    """A writable copy of content/, to break or extend in one test."""
    target = tmp_path / "content"
    shutil.copytree(CONTENT, target)
    return target


@pytest.fixture(scope="session")
def served(site):
    """The real site on http://127.0.0.1:<free port>."""
    from .browser import serve

    yield from serve(site)


@pytest.fixture(scope="session")
def chromium():
    from playwright.sync_api import sync_playwright

    from tools import chromium

    from .browser import chromium_path

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium_path(), args=chromium.ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(chromium):
    context = chromium.new_context()
    page = context.new_page()
    yield page
    context.close()


SEARCH_FIXTURE = ROOT / "tests" / "fixtures" / "search"


@pytest.fixture(scope="session")
def search_site(tmp_path_factory) -> Path:
    """The search fixture archive (tests/fixtures/search/content), built once per test session."""
    return build_site(
        tmp_path_factory.mktemp("search-fixture") / "output", SEARCH_FIXTURE / "content", SEARCH_INDEX=True
    )


@pytest.fixture(scope="session")
def search_served(search_site):
    from .browser import serve

    yield from serve(search_site)
