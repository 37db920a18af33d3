"""On every article page: the previous and next article in time (same language), and up to five related ones."""

from __future__ import annotations

from pathlib import Path

from pelican import signals

from archive_core.browse import newest_first
from archive_core.derived import derived, front_matter
from archive_core.listing import listed_in
from archive_core.locales import LANGUAGES
from archive_core.snapshot import shared
from archive_core.topics import tagged, topic_translations
from archive_core.urls import tag_slug

from .neighbours import Neighbours, neighbours


def link_neighbours(generator) -> None:
    """Give every article `older`, `newer` and `related` (Article objects)."""
    articles = generator.articles
    pairs = shared(generator.context, Path(generator.path)).topic_pairs
    found = derived(generator, "related", (front_matter(articles), pairs), lambda: _neighbours(articles, pairs))
    for article in articles:
        near = found[id(article)]
        article.older, article.newer, article.related = near.older, near.newer, near.related


def _neighbours(articles: list, pairs: tuple) -> dict[int, Neighbours]:
    translations = topic_translations(tagged(articles), pairs)
    found: dict[int, Neighbours] = {}
    for lang in LANGUAGES:

        def features(article, lang=lang):
            yield from (("country", code) for code in article.archive.countries)
            for tag in article.archive.tags:
                slug = tag_slug(tag)
                yield ("topic", translations.get((article.lang, slug), slug) if article.lang != lang else slug)

        own = newest_first(article for article in articles if article.lang == lang)
        found.update(neighbours(own, newest_first(listed_in(articles, lang)), features))
    return found


def register() -> None:
    signals.article_generator_finalized.connect(link_neighbours)
