"""Which version of each article a language's pages list."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from archive_core.articles import read_article
from archive_core.browse import newest_first
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


ARTICLE = """---
title: "{title}"
date: {date}
lang: {lang}
translation_key: {key}
slug: {slug}
source:
  url: https://example.org/{key}
  publisher: Example News
{translation}
---

Text.
"""


def same_day_articles(tmp_path: Path) -> list:
    """Four articles of one day, whose slugs sort one way in Polish and another in English, one only in Polish."""
    written = {
        ("day-1", "pl"): "zzz-dzien-pierwszy",
        ("day-1", "en"): "aaa-day-one",
        ("day-2", "pl"): "aaa-dzien-drugi",
        ("day-2", "en"): "zzz-day-two",
        ("day-3", "pl"): "mmm-dzien-trzeci",
        ("day-3", "en"): "mmm-day-three",
        ("day-4", "pl"): "bbb-tylko-po-polsku",
    }
    metas = []
    for (key, lang), slug in written.items():
        path = tmp_path / f"{key}.{lang}.md"
        translation = "translation: {from: pl, by: Archive editors}" if lang == "en" else ""
        text = ARTICLE.format(title=slug, date="2025-10-26", lang=lang, key=key, slug=slug, translation=translation)
        path.write_text(text, encoding="utf-8")
        metas.append(read_article(path).meta)
    return metas


def test_articles_of_one_day_come_in_the_same_order_in_both_languages(tmp_path):
    metas = same_day_articles(tmp_path)
    orders = {lang: [m.translation_key for m in newest_first(listed_in(metas, lang))] for lang in ("pl", "en")}
    assert orders["pl"] == orders["en"]
    assert sorted(orders["pl"]) == ["day-1", "day-2", "day-3", "day-4"]
