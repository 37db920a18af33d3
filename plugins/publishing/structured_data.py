"""JSON-LD (schema.org NewsArticle) and Open Graph tags for an article page."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime

from markupsafe import Markup

from archive_core.locales import BABEL_LOCALES


@dataclass(frozen=True)
class ArticleFacts:
    """What the archive knows about one article, with absolute URLs."""

    title: str
    url: str
    lang: str
    published: datetime
    description: str
    site_name: str
    site_url: str
    source_url: str | None = None
    source_publisher: str | None = None
    translated_from: str | None = None  # the original's language
    original_url: str | None = None  # the original's page in the archive
    other_langs: tuple[str, ...] = ()  # languages the article is also in
    keywords: tuple[str, ...] = ()
    modified: datetime | None = None  # the archive's latest correction of it; None: never corrected


def news_article(facts: ArticleFacts) -> dict:
    """A schema.org NewsArticle; the press article it reproduces is `isBasedOn`."""
    data: dict = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": facts.title,
        "name": facts.title,
        "url": facts.url,
        "mainEntityOfPage": facts.url,
        "inLanguage": facts.lang,
        "datePublished": iso_date(facts.published),
        **({"dateModified": iso_date(facts.modified)} if facts.modified else {}),
        "description": facts.description,
        "isPartOf": {"@type": "WebSite", "name": facts.site_name, "url": facts.site_url},
    }
    if facts.source_url:
        original = {"@type": "NewsArticle", "url": facts.source_url}
        if facts.source_publisher:
            original["publisher"] = {"@type": "Organization", "name": facts.source_publisher}
            data["author"] = original["publisher"]  # the text is the source's, not the archive's
        data["isBasedOn"] = original
    if facts.translated_from and facts.original_url:
        data["translationOfWork"] = {
            "@type": "NewsArticle",
            "url": facts.original_url,
            "inLanguage": facts.translated_from,
        }
    if facts.keywords:
        data["keywords"] = list(facts.keywords)
    return data


def json_ld(data: dict) -> Markup:
    """JSON for a <script type="application/ld+json">: `<`, `>` and `&` escaped, so no text
    in it can close the script element."""
    text = json.dumps(data, ensure_ascii=False, indent=1, sort_keys=False)
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return Markup(text)  # noqa: S704 (JSON with every markup character escaped)


def iso_date(value: datetime) -> str:
    """`2025-10-26` for a date given without a time, the full ISO datetime otherwise."""
    return value.date().isoformat() if value.time() == datetime.min.time() else value.isoformat()


def og_locale(lang: str) -> str:
    return BABEL_LOCALES[lang]


def open_graph(facts: ArticleFacts) -> list[tuple[str, str]]:
    """`<meta property content>` pairs (https://ogp.me/), in order."""
    tags = [
        ("og:type", "article"),
        ("og:title", facts.title),
        ("og:description", facts.description),
        ("og:url", facts.url),
        ("og:site_name", facts.site_name),
        ("og:locale", og_locale(facts.lang)),
        *(("og:locale:alternate", og_locale(lang)) for lang in facts.other_langs),
        ("article:published_time", iso_date(facts.published)),
        *((("article:modified_time", iso_date(facts.modified)),) if facts.modified else ()),
    ]
    tags.extend(("article:tag", keyword) for keyword in facts.keywords)
    return tags
