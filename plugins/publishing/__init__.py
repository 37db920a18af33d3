"""Publishing: Atom feeds, sitemap.xml, robots.txt, the 404 page, canonical URLs,
JSON-LD and Open Graph on articles, and links to each article's file in the repository."""

from __future__ import annotations

import logging
from datetime import datetime, timedelta, timezone
from pathlib import Path

from pelican import signals
from pelican.generators import Generator

from archive_core.i18n import translations
from archive_core.locales import LANGUAGES
from archive_core.pelican_compat import CheckedWriter
from archive_core.repository import repository_of
from archive_core.summaries import plain_text
from archive_core.urls import page_url

from .addresses import absolute, absolute_base
from .feeds import Feed, FeedEntry, atom_xml, feed_articles, feed_html, feed_links, feed_url
from .heads import cache_of, page_heads
from .repository import RepositoryLinks, repository_links
from .settings import check_settings
from .sitemap import INDEX_NAME, MAX_URLS, robots_txt, sitemap_entries, sitemap_files
from .structured_data import ArticleFacts, json_ld, news_article, open_graph

logger = logging.getLogger(__name__)

SITE_NAME = "Hanoi Convention Archive"  # a msgid of the theme's catalogs


def site_name(settings: dict, lang: str) -> str:
    return translations(Path(settings["THEME"]) / "translations", lang).gettext(SITE_NAME)


def published_moment(article) -> datetime:
    """When the article was published, as a moment: its time as written with the offset it was written with;
    without one, Pelican's date (the time as written, in the site's TIMEZONE)."""
    meta = article.archive
    if meta.date_offset is None:
        return article.date
    return meta.date.replace(tzinfo=timezone(timedelta(minutes=meta.date_offset)))


def corrected_moment(article) -> datetime | None:
    """When the archive last corrected the article (its latest `corrections:` date, at the start of that day in the
    offset it was published with, never before its publication), or None: an article never corrected."""
    if not article.archive.corrections:
        return None
    published = published_moment(article)
    latest = max(correction.date for correction in article.archive.corrections)
    return max(published, datetime.combine(latest, datetime.min.time(), published.tzinfo))


def article_facts(article, settings: dict, site_names: dict[str, str]) -> ArticleFacts:
    """`site_names`: `site_name` of each language, looked up once per build rather than per page."""
    base = absolute_base(settings)
    meta = article.archive
    alternates = {a.hreflang: a.url for a in getattr(article, "alternates", [])}
    original = meta.translation.from_lang if meta.translation else None
    return ArticleFacts(
        title=meta.title,
        url=absolute(base, article.url),
        lang=meta.lang,
        published=published_moment(article),
        modified=corrected_moment(article),
        description=plain_text(article.summary),
        site_name=site_names[meta.lang],
        site_url=absolute(base, f"{meta.lang}/"),
        source_url=meta.source.url if meta.source else None,
        source_publisher=meta.source.publisher if meta.source else None,
        translated_from=original,
        original_url=absolute(base, alternates[original]) if original in alternates else None,
        other_langs=tuple(lang for lang in LANGUAGES if lang != meta.lang and lang in alternates),
        keywords=meta.tags,
    )


def article_repository_links(article, settings: dict) -> RepositoryLinks | None:
    repository = repository_of(settings)
    if repository is None or not article.relative_source_path:
        return None
    content_dir = settings.get("REPOSITORY_CONTENT_PATH", "content").strip("/")
    return repository_links(repository, f"{content_dir}/{Path(article.relative_source_path).as_posix()}")


class _LastFacts:
    """`article_facts` of the article last asked for: a page asks twice (Open Graph, then JSON-LD)."""

    def __init__(self, settings: dict, site_names: dict[str, str]) -> None:
        self.settings, self.site_names = settings, site_names
        self.article, self.facts = None, None

    def of(self, article) -> ArticleFacts:
        if article is not self.article:  # the article is held, so its identity cannot pass to another
            self.article, self.facts = article, article_facts(article, self.settings, self.site_names)
        return self.facts


def install_template_helpers(generator) -> None:
    settings = generator.settings
    titles = {lang: site_name(settings, lang) for lang in LANGUAGES}
    env = generator.env
    env.filters["page_url"] = page_url
    env.globals["feed_links"] = lambda output_file: feed_links(output_file or "", titles)
    facts = _LastFacts(settings, titles)
    env.filters["news_article_json"] = lambda article: json_ld(news_article(facts.of(article)))
    env.filters["open_graph"] = lambda article: open_graph(facts.of(article))
    env.filters["repository_links"] = lambda article: article_repository_links(article, settings)


def not_found_page(lang: str, default_lang: str) -> str:
    """The 404 page in `lang` first: `404.html`, the one every host serves (GitHub Pages serves no other), in the
    default language; `<lang>/404.html` in each other, for a missing address under `/<lang>/` where the server
    maps it (`make serve` does, tools/serve.py)."""
    return "404.html" if lang == default_lang else f"{lang}/404.html"


class PublishingGenerator(Generator):
    """Writes `<lang>/feed.atom.xml`, `404.html` (and `<lang>/404.html` in each other language) and `robots.txt`."""

    def generate_context(self) -> None:
        self.articles = list(self.context.get("articles", []))

    def generate_output(self, writer) -> None:
        base = absolute_base(self.settings)
        output = Path(self.output_path)
        newest = max((a.date for a in self.articles), default=None)
        for lang in LANGUAGES:
            feed = Feed(
                lang=lang,
                title=site_name(self.settings, lang),
                home_url=absolute(base, f"{lang}/"),
                self_url=absolute(base, feed_url(lang)),
                author=site_name(self.settings, lang),
                entries=[
                    self.feed_entry(article, base)
                    for article in feed_articles(self.articles, lang, self.settings.get("FEED_MAX_ITEMS"))
                ],
                updated_when_empty=newest,
            )
            if isinstance(writer, CheckedWriter):  # the devserver's puts it back with its pages if an update fails
                writer.write_text(feed_url(lang), atom_xml(feed))
            else:
                _write(output / feed_url(lang), atom_xml(feed))
        for lang in LANGUAGES:
            writer.write_file(
                not_found_page(lang, self.settings["DEFAULT_LANG"]),
                self.get_template("404"),
                self.context,
                noindex=True,
                relative_urls=False,
                page_lang=lang,
                # The language switch leads to the other languages' home pages (the page says it all in each).
                language_links=[{"lang": other, "url": f"{other}/", "available": True} for other in LANGUAGES
                                if other != lang],
            )  # fmt: skip
        _write(output / "robots.txt", robots_txt(absolute(base, INDEX_NAME)))

    def feed_entry(self, article, base: str) -> FeedEntry:
        """The article as its page gives it: its source, translation and notes around its text (partials/feed_entry)."""
        meta = article.archive
        url = absolute(base, article.url)
        content = self.get_template("partials/feed_entry").render(
            article=article, page_lang=meta.lang, content=article.get_content(base)
        )
        return FeedEntry(
            title=meta.title,
            url=url,
            published=published_moment(article),
            updated=corrected_moment(article),
            summary_html=feed_html(article.summary or "", url, base),
            content_html=feed_html(content.strip(), url, base),
            author=meta.source.publisher if meta.source else None,
            categories=meta.tags,
        )


def write_sitemap(pelican) -> None:
    """After every generator has written its pages: list them with their alternates."""
    output = Path(pelican.output_path)
    heads = page_heads(output, cache_of(pelican.settings))
    base = absolute_base(pelican.settings)
    max_urls = pelican.settings.get("SITEMAP_MAX_URLS") or MAX_URLS
    for name, xml in sitemap_files(sitemap_entries(heads, base), base, max_urls).items():
        _write(output / name, xml)


def _write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    logger.info('Writing "%s"', path)


def get_generators(pelican) -> type[Generator]:
    return PublishingGenerator


def check_at_start(pelican) -> None:
    check_settings(pelican.settings)


def register() -> None:
    signals.initialized.connect(check_at_start)
    signals.generator_init.connect(install_template_helpers)
    signals.get_generators.connect(get_generators)
    signals.finalized.connect(write_sitemap)
