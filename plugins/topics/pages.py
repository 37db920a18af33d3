"""What the topic pages show, as plain data: a topic's articles in one language, and the topic index."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from archive_core.browse import Count, newest_first, year_counts
from archive_core.collation import sort_key
from archive_core.listing import listed_in
from archive_core.locales import LANGUAGES
from archive_core.topics import Tagged, TopicPair, topic_names
from archive_core.urls import tag_slug, tag_url


@dataclass(frozen=True)
class TopicLink:
    slug: str
    name: str
    url: str
    name_lang: str  # the language `name` is in (`TopicPage.name_lang`)


@dataclass(frozen=True)
class TopicPage:
    slug: str
    lang: str
    name: str
    name_lang: str  # the language `name` is in: `lang`, or the other's for a topic only its articles have
    url: str
    articles: tuple[Any, ...]  # newest first: in `lang`, or in the language they have (archive_core.listing)
    years: tuple[Count, ...]  # how many articles in each year, newest first
    translation: str | None  # the slug of the same topic in the other language (its page there may not exist)


def named_topics(articles: Sequence[Tagged], pairs: Sequence[TopicPair]) -> dict[str, dict[str, str]]:
    """{lang: {slug: name}}: each topic by its articles' spelling, and a topic no article of a language names by
    the name `topics.yaml` gives it there: a Polish page of a topic only English articles have is named in Polish
    when the file says how, as its address already is."""
    names = topic_names(articles)
    for pair in pairs:
        for lang, name in pair.names.items():
            names[lang].setdefault(pair.slugs[lang], name)
    return names


def topic_slugs(article: Any, lang: str, translations: Mapping[tuple[str, str], str]) -> dict[str, str]:
    """{slug on the pages of `lang`: the article's own slug}: its topics, translated into `lang` where known."""
    slugs: dict[str, str] = {}
    for tag in article.archive.tags:
        own = tag_slug(tag)
        slugs.setdefault(translations.get((article.lang, own), own) if article.lang != lang else own, own)
    return slugs


def topic_pages(
    articles: Sequence[Any],
    lang: str,
    names: Mapping[str, Mapping[str, str]],
    translations: Mapping[tuple[str, str], str],
) -> list[TopicPage]:
    """The topic pages of `lang`, in its alphabetical order; one pass over the articles."""
    by_topic: dict[str, list[Any]] = defaultdict(list)
    named: dict[str, tuple[str, str]] = {}  # slug -> (name, its language)
    for article in newest_first(listed_in(articles, lang)):
        for slug, own in topic_slugs(article, lang, translations).items():
            by_topic[slug].append(article)
            if slug not in named:
                in_lang = names[lang].get(slug)
                named[slug] = (in_lang, lang) if in_lang else (names[article.lang][own], article.lang)
    other_lang = next(other for other in LANGUAGES if other != lang)
    pages = []
    for slug, items in by_topic.items():
        other = translations.get((lang, slug))
        if other is None and (other_lang, slug) not in translations:
            other = slug  # a topic no translation names: one topic, its page in each language under one slug
        pages.append(
            TopicPage(
                slug=slug,
                lang=lang,
                name=named[slug][0],
                name_lang=named[slug][1],
                url=tag_url(slug, lang),
                articles=tuple(items),
                years=tuple(Count(year, str(year), count, "") for year, count in year_counts(items)),
                translation=other,
            )
        )
    key = sort_key(lang)
    return sorted(pages, key=lambda page: key(page.name))


def topic_search_names(
    article: Any, pages: Mapping[str, Mapping[str, TopicPage]], translations: Mapping[tuple[str, str], str]
) -> tuple[str, ...]:
    """The names of the article's topics in every language that has a page of them, each once: what the search
    finds it by (`ratyfikacja ratification`), whatever language the reader types in. `pages`: by language, by slug."""
    return tuple(
        dict.fromkeys(
            pages[lang][slug].name
            for lang in pages
            for slug in topic_slugs(article, lang, translations)
            if slug in pages[lang]
        )
    )


def topic_links(article: Any, pages: Mapping[str, TopicPage], translations: Mapping[tuple[str, str], str]) -> list:
    """The topic pages an article page links to, in its language."""
    return [
        TopicLink(slug, pages[slug].name, pages[slug].url, pages[slug].name_lang)
        for slug in topic_slugs(article, article.lang, translations)
        if slug in pages
    ]
