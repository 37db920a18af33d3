"""The tests' builds keep a content cache of the session's own (tests/conftest.py), never the repository's.

A local `make test` after `make html` read `.cache/content`, which CI, on a fresh clone, does not have: a test
could pass warm and fail cold, or the other way round.
"""

from __future__ import annotations

import os
from pathlib import Path

from .build_helpers import run_build
from .conftest import ROOT, build_site


def entries(cache: Path) -> set[str]:
    return {str(path.relative_to(cache)) for path in cache.rglob("*.json")} if cache.is_dir() else set()


def test_the_tests_builds_leave_the_repositorys_content_cache_as_it_was(content_copy, tmp_path):
    repository = ROOT / ".cache" / "content"
    before = entries(repository)
    build_site(tmp_path / "in-this-process", content_copy)
    built = run_build(content_copy, tmp_path / "in-its-own")
    assert built.returncode == 0, built.stderr
    assert entries(repository) == before
    session = Path(os.environ["ARCHIVE_CACHE_DIR"])
    assert not session.is_relative_to(ROOT)
    assert entries(session)  # the copy's articles, read once by the two builds
