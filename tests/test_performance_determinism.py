"""The build's output does not depend on the content cache or on the number of worker processes."""

from __future__ import annotations

from pathlib import Path

import pytest

from tools.bench.corpus import write_corpus

from .build_helpers import tree_snapshot
from .conftest import build_site

PAIRS = 40  # 80 articles: enough for the reader's and the writer's process pools (32 per worker)


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    return write_corpus(PAIRS, tmp_path_factory.mktemp("corpus")) / "archive"


def test_output_is_identical_with_and_without_cache_and_workers(corpus, tmp_path):
    cache = tmp_path / "cache"
    serial = tree_snapshot(build_site(tmp_path / "serial", corpus, ARCHIVE_WORKERS=1, ARCHIVE_CACHE_DIR=""))
    parallel_cold = tree_snapshot(
        build_site(tmp_path / "cold", corpus, ARCHIVE_WORKERS=2, ARCHIVE_CACHE_DIR=str(cache))
    )
    assert any(cache.rglob("*.json")), "the cache was not filled"
    parallel_warm = tree_snapshot(
        build_site(tmp_path / "warm", corpus, ARCHIVE_WORKERS=2, ARCHIVE_CACHE_DIR=str(cache))
    )
    serial_warm = tree_snapshot(build_site(tmp_path / "warm1", corpus, ARCHIVE_WORKERS=1, ARCHIVE_CACHE_DIR=str(cache)))
    assert len(serial) > PAIRS * 2
    assert serial == parallel_cold == parallel_warm == serial_warm


def test_corrupt_cache_entries_are_read_again(corpus, tmp_path):
    cache = tmp_path / "cache"
    expected = tree_snapshot(build_site(tmp_path / "first", corpus, ARCHIVE_CACHE_DIR=str(cache)))
    entries = list(cache.rglob("*.json"))
    assert entries
    for entry in entries:
        entry.write_bytes(b"not an entry")
    assert tree_snapshot(build_site(tmp_path / "second", corpus, ARCHIVE_CACHE_DIR=str(cache))) == expected


def test_a_broken_file_is_reported_by_the_parallel_reader(tmp_path):
    write_corpus(PAIRS, tmp_path / "copy")
    content = tmp_path / "copy" / "archive"
    broken = sorted(content.rglob("*.pl.md"))[7]
    broken.write_text(broken.read_text().replace("lang: pl", "lang: de"))
    with pytest.raises(SystemExit) as failure:
        build_site(tmp_path / "output", content, ARCHIVE_WORKERS=2, ARCHIVE_CACHE_DIR="")
    assert f"{broken.name}:4: lang: must be one of pl, en" in str(failure.value)
