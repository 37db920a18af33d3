"""The parallel writer writes what Pelican's writer writes, and says so in the same order."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from pelican import signals

from parallel_writer.writer import MIN_PAGES_IN_TWO, MIN_PAGES_PER_WORKER, ParallelWriter, _contents
from tests.conftest import build_site
from tools.bench.corpus import write_corpus

PAIRS = MIN_PAGES_PER_WORKER * 2  # enough article pages for two workers


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    return write_corpus(PAIRS, tmp_path_factory.mktemp("corpus")) / "archive"


def written_in_order(output: Path, corpus: Path, workers: int) -> tuple[list[str], int, int]:
    """Pages in the order `content_written` named them, how many the workers rendered, and how many pages
    were written in two processes (`in_two_processes`: the country pages, the citation files)."""
    paths: list[str] = []
    writers: list[ParallelWriter] = []

    def on_articles_written(generator, writer=None) -> None:
        writers.append(writer)

    def on_written(path, context=None) -> None:
        assert context["output_file"] in path
        paths.append(os.path.relpath(path, context["OUTPUT_PATH"]))

    signals.content_written.connect(on_written)
    signals.article_writer_finalized.connect(on_articles_written)
    try:
        build_site(output, corpus, ARCHIVE_WORKERS=workers, ARCHIVE_CACHE_DIR="")
    finally:
        signals.content_written.disconnect(on_written)
        signals.article_writer_finalized.disconnect(on_articles_written)
    return paths, writers[0].pages_by_workers, writers[0].pages_in_two


def test_content_written_is_sent_for_every_page_in_pelicans_order(corpus, tmp_path):
    serial, by_workers, in_two = written_in_order(tmp_path / "serial", corpus, workers=1)
    assert by_workers == in_two == 0
    parallel, by_workers, in_two = written_in_order(tmp_path / "parallel", corpus, workers=2)
    assert by_workers == PAIRS * 2, "the article pages were not rendered by the workers"
    assert in_two > MIN_PAGES_IN_TWO, "no page was written in two processes"
    assert parallel == serial


def test_one_worker_or_no_fork_writes_in_this_process():
    assert ParallelWriter("/nonexistent", settings={"ARCHIVE_WORKERS": 1})._closed


def test_contents_finds_articles_and_translations_once():
    class Content:
        def __init__(self, translations=()):
            self.translations = list(translations)

    translation = Content()
    original = Content([translation])
    found = list(_contents({"articles": [original, translation], "hidden_articles": None}))
    assert found == [original, translation]
