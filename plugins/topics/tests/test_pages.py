"""Topic pages: one per topic and language; an article not in the language is on its translated topic's page."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from archive_core.topics import load_topic_pairs, tagged, topic_names, topic_translations
from topics.pages import named_topics, topic_links, topic_pages, topic_search_names


@dataclass(frozen=True)
class Meta:
    tags: tuple[str, ...]


@dataclass(eq=False)
class Doc:
    lang: str
    translation_key: str
    date: datetime
    slug: str
    tags: tuple[str, ...] = ()
    archive: Meta = field(init=False)

    def __post_init__(self):
        self.archive = Meta(self.tags)


def build(docs):
    translations = topic_translations(tagged(docs), [])
    names = topic_names(tagged(docs))
    return {lang: topic_pages(docs, lang, names, translations) for lang in ("pl", "en")}, translations


def test_spellings_of_one_topic_make_one_page_listing_both_newest_first():
    docs = [
        Doc("pl", "a", datetime(2024, 1, 1), "a", ("Prawa człowieka",)),
        Doc("pl", "b", datetime(2025, 1, 1), "b", ("prawa czlowieka",)),
    ]
    pages, _ = build(docs)
    (page,) = pages["pl"]
    assert (page.slug, page.url) == ("prawa-czlowieka", "pl/tematy/prawa-czlowieka/")
    assert [d.translation_key for d in page.articles] == ["b", "a"]
    assert [(y.value, y.count) for y in page.years] == [(2025, 1), (2024, 1)]


def test_an_article_only_in_english_is_on_the_polish_page_of_its_translated_topic():
    docs = [
        Doc("pl", "pair", datetime(2024, 1, 1), "p", ("ratyfikacja",)),
        Doc("en", "pair", datetime(2024, 1, 1), "p", ("ratification",)),
        Doc("en", "english-only", datetime(2025, 1, 1), "e", ("Ratification",)),
    ]
    pages, translations = build(docs)
    (polish,) = pages["pl"]
    assert polish.slug == "ratyfikacja" and polish.translation == "ratification"
    assert [(d.lang, d.translation_key) for d in polish.articles] == [("en", "english-only"), ("pl", "pair")]
    by_slug = {page.slug: page for page in pages["en"]}
    assert [link.url for link in topic_links(docs[2], by_slug, translations)] == ["en/topics/ratification/"]


def test_an_untranslated_topic_keeps_its_name_on_the_other_languages_page():
    docs = [Doc("en", "only", datetime(2025, 1, 1), "o", ("Encryption",))]
    pages, _ = build(docs)
    (page,) = pages["pl"]
    assert (page.name, page.url) == ("Encryption", "pl/tematy/encryption/")


def test_a_topic_no_translation_names_is_the_same_topic_on_each_languages_page():
    docs = [
        Doc("en", "only", datetime(2025, 1, 1), "o", ("Encryption",)),
        Doc("pl", "pair", datetime(2024, 1, 1), "p", ("Kosowo",)),
        Doc("en", "pair", datetime(2024, 1, 1), "p", ("Kosovo",)),
        Doc("en", "other", datetime(2025, 1, 1), "k", ("Kosowo",)),
    ]
    pages, _ = build(docs)
    by_slug = {lang: {page.slug: page.translation for page in pages[lang]} for lang in pages}
    assert by_slug["pl"]["encryption"] == "encryption" and by_slug["en"]["encryption"] == "encryption"
    # `kosowo` is paired with `kosovo`: an English topic spelt `kosowo` is another topic, its page stands alone
    assert by_slug["pl"]["kosowo"] == "kosovo" and by_slug["en"]["kosovo"] == "kosowo"
    assert by_slug["en"]["kosowo"] is None


def test_an_articles_topics_are_searched_by_their_names_in_every_language_each_once():
    docs = [
        Doc("pl", "pair", datetime(2024, 1, 1), "p", ("ratyfikacja",)),
        Doc("en", "pair", datetime(2024, 1, 1), "p", ("ratification",)),
        Doc("en", "english-only", datetime(2025, 1, 1), "e", ("Ratification",)),
        Doc("pl", "polish-only", datetime(2025, 1, 1), "s", ("Szyfrowanie",)),
    ]
    pages, translations = build(docs)
    by_slug = {lang: {page.slug: page for page in pages[lang]} for lang in pages}
    assert topic_search_names(docs[0], by_slug, translations) == ("ratyfikacja", "ratification")
    assert topic_search_names(docs[2], by_slug, translations) == ("ratyfikacja", "ratification")
    # A topic with no name in English: its English page keeps the Polish one, named once.
    assert topic_search_names(docs[3], by_slug, translations) == ("Szyfrowanie",)


def test_a_topic_only_the_other_languages_articles_have_takes_the_name_the_topics_file_gives_it(tmp_path):
    """topics.yaml names the topic in Polish, and its Polish page's address is made from that name: the page, the
    index and the search call it so too, not by the English articles' spelling."""
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "topics.yaml").write_text(
        "topics:\n  - pl: społeczeństwo obywatelskie\n    en: civil society\n", encoding="utf-8"
    )
    pairs, problems = load_topic_pairs(tmp_path)
    assert not problems
    docs = [Doc("en", "protest", datetime(2025, 10, 25), "protest", ("Civil Society",))]
    translations = topic_translations(tagged(docs), pairs)
    names = named_topics(tagged(docs), pairs)
    pages = {lang: topic_pages(docs, lang, names, translations) for lang in ("pl", "en")}
    (polish,) = pages["pl"]
    assert (polish.url, polish.name, polish.name_lang) == (
        "pl/tematy/spoleczenstwo-obywatelskie/",
        "społeczeństwo obywatelskie",
        "pl",
    )
    (english,) = pages["en"]
    assert (english.name, english.name_lang) == ("Civil Society", "en")  # the articles' own spelling
    by_slug = {lang: {page.slug: page for page in pages[lang]} for lang in pages}
    assert topic_search_names(docs[0], by_slug, translations) == ("społeczeństwo obywatelskie", "Civil Society")
