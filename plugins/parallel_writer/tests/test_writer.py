"""The parallel writer writes what Pelican's writer writes, and says so in the same order."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from pelican import signals
from pelican.settings import read_settings

from parallel_writer.writer import MIN_PAGES_IN_TWO, MIN_PAGES_PER_WORKER, ParallelWriter, _contents
from tests.conftest import ROOT, SETTINGS, build_site
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
    generators: list = []

    def on_articles_written(generator, writer=None) -> None:
        writers.append(writer)

    def on_written(path, context=None) -> None:
        assert context["output_file"] in path
        paths.append(os.path.relpath(path, context["OUTPUT_PATH"]))

    def on_all_generators(found) -> None:
        generators[:] = [type(generator).__name__ for generator in found]

    signals.content_written.connect(on_written)
    signals.article_writer_finalized.connect(on_articles_written)
    signals.all_generators_finalized.connect(on_all_generators)
    try:
        build_site(output, corpus, ARCHIVE_WORKERS=workers, ARCHIVE_CACHE_DIR="")
    finally:
        signals.content_written.disconnect(on_written)
        signals.article_writer_finalized.disconnect(on_articles_written)
        signals.all_generators_finalized.disconnect(on_all_generators)
    # The workers are waited for after every plugin's pages (only Pelican's static files come later),
    # so that the build writes those while the workers render the articles.
    assert generators[-2:] == ["WaitForTheWorkers", "StaticGenerator"], generators
    return paths, writers[0].pages_by_workers, writers[0].pages_in_two


def test_content_written_is_sent_for_every_page_in_pelicans_order(corpus, tmp_path):
    serial, by_workers, in_two = written_in_order(tmp_path / "serial", corpus, workers=1)
    assert by_workers == in_two == 0
    parallel, by_workers, in_two = written_in_order(tmp_path / "parallel", corpus, workers=2)
    assert by_workers == PAIRS * 2, "the article pages were not rendered by the workers"
    assert in_two > MIN_PAGES_IN_TWO, "no page was written in two processes"
    assert parallel == serial


def test_a_build_failing_while_the_workers_render_leaves_them_abandoned(corpus, tmp_path):
    # The failing generator comes before the wait for the workers (its plugin is listed first).
    from parallel_writer import writer as parallel

    with pytest.raises(RuntimeError, match="a generator failed"):
        build_site(
            tmp_path / "output",
            corpus,
            ARCHIVE_WORKERS=2,
            ARCHIVE_CACHE_DIR="",
            PLUGIN_PATHS=[str(ROOT / "tests")],
            PLUGINS=["build_faults", *read_settings(str(SETTINGS))["PLUGINS"]],
            BUILD_FAULT="generator",
        )
    assert not list(parallel._working), "a pool of workers was left running"
    assert not (tmp_path / "output").exists()


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


def test_files_written_as_they_are_are_forked_for_only_from_a_larger_batch(tmp_path):
    """A forked process's copied pages cost more than writing a few hundred citation files saves (docs/performance.md):
    such a batch is written in the build's process, the same files; one of pages rendered from a template is split."""
    from jinja2 import Environment

    from archive_core.output import TextDocument
    from parallel_writer.writer import MIN_TEXT_FILES_IN_TWO

    settings = {**read_settings(str(SETTINGS)), "OUTPUT_PATH": str(tmp_path), "ARCHIVE_WORKERS": 2}
    writer = ParallelWriter(str(tmp_path), settings=settings)
    count = MIN_PAGES_IN_TWO * 2
    assert count < MIN_TEXT_FILES_IN_TWO
    with writer.in_two_processes():
        for number in range(count):
            writer.write_file(f"text/{number}/cite.ris", TextDocument(f"TY  - {number}"), settings)
    assert writer.pages_in_two == 0, "a batch of a few files written as they are was written in two processes"
    assert (tmp_path / "text" / "7" / "cite.ris").read_text(encoding="utf-8") == "TY  - 7\n"
    template = Environment(autoescape=True).from_string("<p>{{ number }}</p>")
    with writer.in_two_processes():
        for number in range(count):
            writer.write_file(f"pages/{number}/index.html", template, settings, number=number)
    assert writer.pages_in_two == count
    assert (tmp_path / "pages" / "7" / "index.html").read_text(encoding="utf-8") == "<p>7</p>"
