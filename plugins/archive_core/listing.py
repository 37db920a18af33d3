"""Which language versions a language's pages list: its own, and the articles not (yet) in it.

A reader of one language is not left without the articles that exist only in
the other: every listing, country page and timeline of `lang` shows each
article once, in `lang` when it has that version, otherwise in the language it
has (marked as such by the templates).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Protocol, TypeVar

from .locales import LANGUAGES


class Versioned(Protocol):
    lang: str
    translation_key: str


V = TypeVar("V", bound=Versioned)


def listed_in(articles: Iterable[V], lang: str) -> list[V]:
    """One version of every article for the pages of `lang`, in the order of `articles`.

    The version in `lang` where there is one; otherwise the version in the first
    of the archive's other languages that has one.
    """
    articles = list(articles)
    preference = {other: rank for rank, other in enumerate((lang, *(o for o in LANGUAGES if o != lang)))}
    chosen: dict[str, V] = {}
    for article in articles:
        current = chosen.get(article.translation_key)
        if current is None or preference.get(article.lang, len(LANGUAGES)) < preference.get(
            current.lang, len(LANGUAGES)
        ):
            chosen[article.translation_key] = article
    keep = {id(article) for article in chosen.values()}
    return [article for article in articles if id(article) in keep]
