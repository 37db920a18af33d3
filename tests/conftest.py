"""Shared fixtures: real Pelican builds, each once per session.

Two kinds of content, two kinds of test:
- `fixture_site` builds tests/fixtures/content, an invented archive of the
  tests' own: behaviour tests assert exact results on it;
- `real_site` builds content/, whatever it holds: the tests on it assert only
  what holds for every valid archive (tests/invariants.py), and so does
  `grown_site`, content/ plus generated articles (tests/growth.py), the proof
  that adding articles never breaks them, and `untranslated_site`, content/
  with every translation deleted (a language may have no article of its own).
"""

from __future__ import annotations

import atexit
import os
import shutil
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from hypothesis import settings

from tools.build import build

ROOT = Path(__file__).resolve().parent.parent
CONTENT = ROOT / "content"
FIXTURE = ROOT / "tests" / "fixtures" / "content"
# The importer's seed, a source as first received, kept by the tests (the archive may rename or drop its copy).
SEED = ROOT / "tests" / "importer" / "fixtures" / "seed" / "000_5355186cc487cfe2.txt"
SETTINGS = ROOT / "pelican.conf.py"
# The builds of the tests are the default ones, whatever the shell says (`make serve PORT=...`, `make diff`).
for _variable in ("ARCHIVE_PORT", "ARCHIVE_SEARCH_INDEX", "ARCHIVE_CONTENT"):
    os.environ.pop(_variable, None)


def _cache_of_this_session() -> str:
    """A folder of the session's own for its caches, removed when it ends: never the repository's `.cache/`, which
    `make html` fills, so that a local `make test` starts as cold as CI's on a fresh clone. Every build of the
    session shares it (its builds of one content folder, the fixture archive's above all, read it once), those in
    processes of their own too (`build_helpers.cache_environment`)."""
    folder = tempfile.mkdtemp(prefix="archive-tests-cache-")
    owner = os.getpid()
    atexit.register(lambda: os.getpid() == owner and shutil.rmtree(folder, ignore_errors=True))  # not a fork's exit
    return folder


# The build records (`tools/fingerprint.py`) too: the repository's `.cache/build` is `make html`'s
# (tests/untouched.py).
_SESSION_CACHE = _cache_of_this_session()
os.environ["ARCHIVE_CACHE_DIR"] = os.path.join(_SESSION_CACHE, "content")
os.environ["ARCHIVE_BUILD_RECORDS"] = os.path.join(_SESSION_CACHE, "build")

# `make test` draws the same examples on every run and machine, so that main passes or fails as it did before
# (a new example that fails is a finding, not a red CI on an unrelated change); `make fuzz` draws new ones
# (`--hypothesis-profile=explore`), and a failure it finds becomes a test of its own.
settings.register_profile("repeatable", derandomize=True, database=None)
settings.register_profile("explore", derandomize=False, database=None)
settings.load_profile("repeatable")


def build_site(output: Path, content: Path, **overrides) -> Path:
    """A real build of `content` into `output`, without the search index unless asked for (`SEARCH_INDEX=True`):
    most tests look at the pages only, and Pagefind is the slowest step of a small build."""
    return build(SETTINGS, output, {"PATH": str(content), "SEARCH_INDEX": False, **overrides})


@pytest.fixture(scope="session")
def fixture_site(tmp_path_factory) -> Path:
    """The fixture archive, built once per session, with its search index."""
    return build_site(tmp_path_factory.mktemp("fixture-site") / "output", FIXTURE, SEARCH_INDEX=True)


@pytest.fixture(scope="session")
def real_site(tmp_path_factory) -> Path:
    """content/ as it is, built once per session, with its search index (the browser visits every page)."""
    return build_site(tmp_path_factory.mktemp("real-site") / "output", CONTENT, SEARCH_INDEX=True)


@dataclass(frozen=True)
class Archive:
    name: str
    content: Path
    site: Path


def _changed_archive(tmp_path_factory, name: str, change: Callable[[Path], object]) -> Archive:
    """A copy of content/ changed as a contributor could change it, still valid, and its site built with its search
    index (the gates follow every link, the search page's to Pagefind's files too)."""
    content = tmp_path_factory.mktemp(name) / "content"
    shutil.copytree(CONTENT, content)
    change(content)
    return Archive(
        name, content, build_site(tmp_path_factory.mktemp(f"{name}-site") / "output", content, SEARCH_INDEX=True)
    )


@pytest.fixture(scope="session")
def grown_archive(tmp_path_factory) -> Archive:
    """content/ plus generated valid articles: newer, older, untranslated, in both languages, in other years."""
    from .growth import grow

    return _changed_archive(tmp_path_factory, "grown", grow)


@pytest.fixture(scope="session")
def grown_content(grown_archive) -> Path:
    return grown_archive.content


@pytest.fixture(scope="session")
def grown_site(grown_archive) -> Path:
    return grown_archive.site


@pytest.fixture(scope="session")
def untranslated_archive(tmp_path_factory) -> Archive:
    """content/ with every translated version deleted: each article in its own language only."""
    from .growth import untranslate

    return _changed_archive(tmp_path_factory, "untranslated", untranslate)


@pytest.fixture(scope="session", params=["real", "grown", "untranslated"])
def archive(request) -> Archive:
    """content/ as it is, grown, and with no translation: for the tests of what holds for every valid archive."""
    if request.param == "real":
        return Archive("real", CONTENT, request.getfixturevalue("real_site"))
    return request.getfixturevalue(f"{request.param}_archive")


@pytest.fixture
def content_copy(tmp_path) -> Path:
    """A writable copy of the fixture archive, to break or extend in one test."""
    target = tmp_path / "content"
    shutil.copytree(FIXTURE, target)
    return target


@pytest.fixture(scope="session")
def fixture_served(fixture_site):
    """The fixture archive on http://127.0.0.1:<free port>."""
    from .browser import serve

    yield from serve(fixture_site)


@pytest.fixture(scope="session")
def real_served(real_site):
    from .browser import serve

    yield from serve(real_site)


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
