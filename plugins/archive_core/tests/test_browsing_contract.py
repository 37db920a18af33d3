"""The contract's part in browsing: slugs that would take a year page's address, topics without an address."""

from __future__ import annotations

from pathlib import Path

import pytest

from archive_core.articles import read_article
from archive_core.errors import ContentError
from archive_core.topics import TopicPair, load_topic_pairs, tagged, topic_names, topic_translations
from archive_core.urls import tag_slug, tag_url, year_url

ARTICLE = """---
title: "{title}"
date: 2025-10-26
lang: pl
translation_key: test-article
source:
  url: https://www.example.org/news/test-article
  publisher: Example News
{extra}
---

Tekst.
"""


def read(tmp_path: Path, title: str = "Tytuł", extra: str = ""):
    path = tmp_path / "a.pl.md"
    path.write_text(ARTICLE.format(title=title, extra=extra), encoding="utf-8")
    return read_article(path)


@pytest.mark.parametrize(("title", "extra"), [("Page", ""), ("Tytuł", "slug: page")])
def test_the_slug_page_is_refused_since_it_is_where_a_years_second_page_lives(tmp_path, title, extra):
    with pytest.raises(ContentError) as info:
        read(tmp_path, title, extra)
    message = str(info.value)
    assert "slug" in message and "/pl/<year>/page/2/" in message and "set another `slug:`" in message


def test_a_slug_that_only_starts_with_page_is_fine(tmp_path):
    assert read(tmp_path, "Page one").meta.slug == "page-one"


def test_a_topic_with_no_letters_or_digits_is_refused(tmp_path):
    with pytest.raises(ContentError, match="tags"):
        read(tmp_path, extra='tags: ["!!!"]')


def test_urls_of_years_and_topics():
    assert year_url(2025, "pl") == "pl/2025/"
    assert tag_url(tag_slug("Prawa człowieka"), "pl") == "pl/tematy/prawa-czlowieka/"
    assert tag_url(tag_slug("Human Rights"), "en") == "en/topics/human-rights/"


class A:
    def __init__(self, lang, key, tags):
        self.lang, self.translation_key, self.tags = lang, key, tuple(tags)


def test_case_and_diacritics_make_one_topic_named_by_its_most_used_spelling():
    names = topic_names(
        [A("pl", "a", ["Prawa człowieka"]), A("pl", "b", ["prawa czlowieka"]), A("pl", "c", ["Prawa człowieka"])]
    )
    assert names["pl"] == {"prawa-czlowieka": "Prawa człowieka"}


def test_a_tie_goes_to_the_spelling_with_diacritics():
    names = topic_names([A("pl", "a", ["prawa czlowieka"]), A("pl", "b", ["prawa człowieka"])])
    assert names["pl"]["prawa-czlowieka"] == "prawa człowieka"


def test_translations_come_from_the_data_file_then_from_pairs_with_one_topic_each():
    articles = [
        A("pl", "a", ["ratyfikacja"]),
        A("en", "a", ["ratification"]),
        A("pl", "b", ["ratyfikacja"]),
        A("en", "b", ["ratification"]),
        A("pl", "c", ["krytyka", "ceremonia"]),  # two topics: no pairing guessed
        A("en", "c", ["criticism", "ceremony"]),
        A("pl", "d", ["łącza"]),
        A("en", "d", ["links"]),
    ]
    pairs = [TopicPair({"pl": "lacza", "en": "connectivity"})]
    translations = topic_translations(articles, pairs)
    assert translations["pl", "ratyfikacja"] == "ratification" and translations["en", "ratification"] == "ratyfikacja"
    assert translations["pl", "lacza"] == "connectivity"  # the file wins over the pairs
    assert ("en", "links") not in translations
    assert ("pl", "krytyka") not in translations


def test_the_topics_file_is_read_and_a_topic_paired_twice_is_a_problem(tmp_path):
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "topics.yaml").write_text(
        "topics:\n  - pl: Prawa człowieka\n    en: human rights\n  - pl: prawa czlowieka\n    en: rights\n",
        encoding="utf-8",
    )
    pairs, problems = load_topic_pairs(tmp_path)
    assert pairs == (
        TopicPair({"pl": "prawa-czlowieka", "en": "human-rights"}, {"pl": "Prawa człowieka", "en": "human rights"}),
    )
    assert len(problems) == 1 and problems[0].line == 4 and "paired twice" in problems[0].message


def test_a_topics_file_of_the_wrong_shape_is_a_problem(tmp_path):
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "topics.yaml").write_text("- pl: a\n", encoding="utf-8")
    pairs, problems = load_topic_pairs(tmp_path)
    assert pairs == () and problems[0].field == "yaml"  # the whole file, as the YAML reading names it


def test_tagged_reads_the_front_matter():
    class Meta:
        tags = ("x",)

    class Article:
        lang, translation_key, archive = "pl", "k", Meta()

    assert tagged([Article()])[0].tags == ("x",)
