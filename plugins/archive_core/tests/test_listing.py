"""Which version of each article a language's pages list."""

from __future__ import annotations

from dataclasses import dataclass

from archive_core.listing import listed_in


@dataclass(frozen=True)
class Version:
    translation_key: str
    lang: str


def test_each_article_once_in_the_pages_language_or_the_one_it_has():
    pair = [Version("pair", "pl"), Version("pair", "en")]
    only_pl, only_en = Version("only-pl", "pl"), Version("only-en", "en")
    articles = [*pair, only_pl, only_en]
    assert listed_in(articles, "pl") == [pair[0], only_pl, only_en]
    assert listed_in(articles, "en") == [pair[1], only_pl, only_en]


def test_the_order_given_is_kept():
    articles = [Version("b", "en"), Version("a", "pl"), Version("b", "pl")]
    assert listed_in(articles, "en") == [Version("b", "en"), Version("a", "pl")]
    assert listed_in(articles, "pl") == [Version("a", "pl"), Version("b", "pl")]
