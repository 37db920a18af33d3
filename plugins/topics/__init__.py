"""Topic pages: `/pl/tematy/<topic>/`, `/en/topics/<topic>/` (paginated), the topic indexes, topic links on articles."""

from __future__ import annotations

from pathlib import Path

from pelican import signals
from pelican.generators import Generator

from archive_core.derived import derived, front_matter
from archive_core.locales import LANGUAGES
from archive_core.output import write_page
from archive_core.snapshot import shared
from archive_core.topics import tagged, topic_translations
from archive_core.urls import section_url, tag_url
from archive_core.versions import versions

from .pages import TopicPage, named_topics, topic_links, topic_pages, topic_search_names

TEMPLATE = "topic"
INDEX_TEMPLATE = "topics"


def link_article_topics(generator) -> None:
    """Every topic page of each language, and on every article `topic_links`: its topics' pages, and
    `topic_search_names`: their names in every language, for the search index (partials/search_facets.html)."""
    articles = generator.articles
    pairs = shared(generator.context, Path(generator.path)).topic_pairs
    inputs = (front_matter(articles), pairs)
    pages, links, names = derived(generator, "topics", inputs, lambda: _topics(articles, pairs))
    for article, found, search_names in zip(articles, links, names, strict=True):
        article.topic_links = found
        article.topic_search_names = search_names
    generator.context["topic_pages"] = pages  # for the topics generator (and any plugin that lists topics)


def _topics(articles: list, pairs: tuple) -> tuple[dict[str, list[TopicPage]], list, list[tuple[str, ...]]]:
    tagged_articles = tagged(articles)
    names = named_topics(tagged_articles, pairs)
    translations = topic_translations(tagged_articles, pairs)
    pages = {lang: topic_pages(articles, lang, names, translations) for lang in LANGUAGES}
    by_slug = {lang: {page.slug: page for page in pages[lang]} for lang in LANGUAGES}
    links = [topic_links(article, by_slug[article.lang], translations) for article in articles]
    return pages, links, [topic_search_names(article, by_slug, translations) for article in articles]


class TopicPagesGenerator(Generator):
    def generate_context(self) -> None:
        self.pages: dict[str, list[TopicPage]] = self.context.get("topic_pages", {})
        self.slugs = {lang: {page.slug for page in pages} for lang, pages in self.pages.items()}

    def generate_output(self, writer) -> None:
        default_lang = self.settings["DEFAULT_LANG"]
        indexes = versions({lang: section_url("tags", lang) for lang in LANGUAGES}, original=default_lang)
        homes = {lang: section_url("tags", lang) for lang in LANGUAGES}
        for lang, pages in self.pages.items():
            # Paginated as PAGINATED_TEMPLATES["topics"] says: every tag of every article is a topic.
            url = section_url("tags", lang)
            write_page(self, writer, INDEX_TEMPLATE, url, lang, indexes, articles=pages, topics=pages)
            for page in pages:
                urls = {lang: page.url}
                other = next(o for o in LANGUAGES if o != lang)
                if page.translation in self.slugs.get(other, ()):
                    urls[other] = tag_url(page.translation, other)
                page_versions = versions(urls, original=default_lang, current=lang)
                write_page(
                    self, writer, TEMPLATE, page.url, lang, page_versions, homes, articles=page.articles, topic=page
                )


def topics_url(lang: str) -> str:
    """`pl/tematy/`: the topic index."""
    return section_url("tags", lang)


def add_template_helpers(generator) -> None:
    generator.env.globals["topics_url"] = topics_url


def get_generators(pelican) -> type[Generator]:
    return TopicPagesGenerator


def register() -> None:
    signals.generator_init.connect(add_template_helpers)
    signals.article_generator_finalized.connect(link_article_topics)
    signals.get_generators.connect(get_generators)
