"""Pair language versions of an article by translation_key, as plain functions."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Protocol

from archive_core.errors import Problem
from archive_core.locales import LANGUAGES
from archive_core.schema import ArticleMeta


class Versioned(Protocol):
    lang: str
    translation_key: str
    url: str


@dataclass(frozen=True)
class Alternate:
    """One `<link rel="alternate" hreflang>`."""

    hreflang: str
    url: str


@dataclass(frozen=True)
class LanguageLink:
    """One entry of the language switch: the same content in `lang`, or its home page."""

    lang: str
    url: str
    available: bool  # False: no version in `lang` yet; `url` is that language's home page


def group(articles: Iterable[Versioned]) -> dict[str, dict[str, Versioned]]:
    groups: dict[str, dict[str, Versioned]] = defaultdict(dict)
    for article in articles:
        groups[article.translation_key][article.lang] = article
    return groups


def alternates(versions: dict[str, Versioned], original_lang: str, siteurl: str) -> list[Alternate]:
    links = [Alternate(lang, f"{siteurl}/{versions[lang].url}") for lang in LANGUAGES if lang in versions]
    default = versions.get(original_lang) or versions[next(iter(versions))]
    return [*links, Alternate("x-default", f"{siteurl}/{default.url}")]


def language_links(versions: dict[str, Versioned], current: str, home_urls: dict[str, str]) -> list[LanguageLink]:
    return [
        LanguageLink(lang, versions[lang].url, True) if lang in versions else LanguageLink(lang, home_urls[lang], False)
        for lang in LANGUAGES
        if lang != current
    ]


def duplicate_problems(documents: Sequence[tuple[str, ArticleMeta]]) -> list[Problem]:
    """Two files with the same (translation_key, lang) are an error."""
    seen: dict[tuple[str, str], str] = {}
    problems = []
    for path, meta in documents:
        key = (meta.translation_key, meta.lang)
        if key in seen:
            problems.append(
                Problem(
                    path,
                    None,
                    "translation_key",
                    f"{meta.translation_key!r} in {meta.lang!r} is also used by {seen[key]}",
                    "each language version of an article needs its own translation_key",
                )
            )
        else:
            seen[key] = path
    return problems


def missing_counterpart_warnings(documents: Sequence[tuple[str, ArticleMeta]]) -> list[Problem]:
    """A file marked as a translation whose original is not in the archive."""
    present = {(meta.translation_key, meta.lang) for _, meta in documents}
    return [
        Problem(
            path,
            None,
            "translation.from",
            f"this is a translation from {meta.translation.from_lang!r}, but that version is not in the archive",
            "add the original, or remove `translation:` if this is the original",
            severity="warning",
        )
        for path, meta in documents
        if meta.translation and (meta.translation_key, meta.translation.from_lang) not in present
    ]
