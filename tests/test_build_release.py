"""`make html` lets go of the articles' HTML once every page is written, before Pagefind's service starts.

Pagefind's service is the build's largest process (docs/performance.md, "Memory"); the build beside it keeps
only what comes after needs: the articles' metadata (the record of the build for the next edit) and the pages.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from jinja2 import Environment
from pelican.generators import ArticlesGenerator

import search
from archive_core.pelican_compat import ContentReleased
from archive_core.snapshot import CONTEXT_KEY
from tools import edits
from tools.build import build_if_changed

from .conftest import FIXTURE, SETTINGS


def _build(output: Path, release_content: bool, index: bool) -> tuple[list, list[dict]]:
    """A build of the fixture archive; its generators, and what each `search_index_starting` receiver saw."""
    seen: list[dict] = []

    def starting(pelican) -> None:
        site = Path(pelican.output_path)
        seen.append({"pages": len(list(site.rglob("index.html"))), "index": (site / "pagefind").exists()})

    with search.index_starting.connected_to(starting), edits.captured_generators() as generators:
        overrides = {"PATH": str(FIXTURE), "SEARCH_INDEX": index}
        build_if_changed(SETTINGS, output, overrides, reuse=False, release_content=release_content)
    return list(generators), seen


def test_the_index_starts_with_every_page_written_and_the_articles_html_let_go(tmp_path):
    generators, seen = _build(tmp_path / "output", release_content=True, index=True)
    written = len(list((tmp_path / "output").rglob("index.html")))
    assert seen == [{"pages": written, "index": False}]  # sent once, every page written, before Pagefind
    articles = list(edits.articles_of(generators))
    assert len(articles) > 5
    template = Environment(autoescape=True).from_string("<p>{{ article.content }}</p>")
    for article in articles:
        with pytest.raises(ContentReleased, match=article.source_path):  # a read after the release fails
            article.content  # noqa: B018
        with pytest.raises(ContentReleased):  # in a template too, which renders a missing attribute as empty
            template.render(article=article)
        assert article.url and article.title and article.summary is not None  # what comes after reads
    assert all(CONTEXT_KEY not in generator.context for generator in generators)
    assert (tmp_path / "output" / "pagefind" / "pagefind-entry.json").is_file()


@pytest.mark.parametrize(
    ("release_content", "index"), [(False, True), (True, False)], ids=["renders-again", "no-index"]
)
def test_the_articles_html_is_kept_by_a_build_that_renders_again_or_runs_no_pagefind(tmp_path, release_content, index):
    # The devserver renders the pages an edit changes from the articles it read: it builds without the release.
    # A build without the index (`make diff`'s) runs no Pagefind to make room for: the signal is never sent.
    generators, seen = _build(tmp_path / "output", release_content=release_content, index=index)
    assert len(seen) == (1 if index else 0)
    articles = next(g for g in generators if isinstance(g, ArticlesGenerator)).articles
    assert articles and all(article.content for article in articles)
    assert all(CONTEXT_KEY in generator.context for generator in generators)
