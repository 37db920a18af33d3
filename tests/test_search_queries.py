"""Queries readers type that the search page must read as they mean them, in real Chromium on a real Pagefind
index of tests/fixtures/search_queries/ (docs/search-relevance.md, "What a query does")."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import quote

import pytest
from playwright.sync_api import expect

from .conftest import build_site

pytestmark = pytest.mark.browser

CONTENT = Path(__file__).parent / "fixtures" / "search_queries" / "content"
PL, EN = "/pl/szukaj/", "/en/search/"
SIGNING_PL = "Konwencja ONZ o cyberprzestępczości podpisana w Hanoi"
DEBATE_PL = "Sejm zaczyna prace nad ratyfikacją"
TURTLE_PL = "Operacja „Żółw”: łódzka policja rozbiła grupę oszustów"
TRAINING_PL = "UNODC szkoli śledczych z Azji"
RIGHTS_EN = "Rights groups: “We don’t want a surveillance treaty”"


@pytest.fixture(scope="module")
def queries_served(tmp_path_factory):
    yield from built_and_served(tmp_path_factory, CONTENT, "queries")


def built_and_served(tmp_path_factory, content: Path, name: str):
    """`content` built with its search index into a folder of its own, served while the caller's fixture lasts."""
    from .browser import serve

    yield from serve(build_site(tmp_path_factory.mktemp(name) / "output", content, SEARCH_INDEX=True))


def titles_found(page, base_url: str, path: str, query: str) -> list[str]:
    page.goto(f"{base_url}{path}?q={quote(query)}")
    return titles_shown(page)


def titles_shown(page) -> list[str]:
    """The titles of the results, once the search the page is making is done."""
    expect(page.locator("#search-status")).not_to_have_text("", timeout=15_000)
    expect(page.locator("#search-results")).not_to_have_attribute("aria-busy", "true", timeout=15_000)
    expect(page.locator("#search-status")).not_to_have_text(re.compile("^(Szukam|Searching)…$"))
    return page.locator("#search-results a.search-result-link").all_inner_texts()


@pytest.mark.parametrize(
    ("path", "query", "titles"),
    [
        # Each page also holds another form of a word of the phrase: "październik" (the `month` field),
        # "konwencja" and "konwencji", "Polska" (the `countries` field), "Łodzi".
        (PL, '"25 października"', [SIGNING_PL]),
        (PL, "„konwencję Organizacji”", [SIGNING_PL]),
        (PL, '"podpisały konwencję"', [SIGNING_PL]),
        (PL, '"polski rząd"', [DEBATE_PL]),
        (PL, '"Łódź była"', [TURTLE_PL]),
        (PL, '"lodz byla"', [TURTLE_PL]),
        (EN, '"25 October 2025"', ["UN cybercrime convention signed in Hanoi"]),
        # The words in another order are not the phrase.
        (PL, '"Organizacji konwencję"', []),
        (PL, '"rząd polski"', []),
    ],
)
def test_a_phrase_finds_every_page_that_writes_it(page, queries_served, path, query, titles):
    assert titles_found(page, queries_served.base_url, path, query) == titles, f"{query!r} on {path}"


@pytest.mark.parametrize(
    ("path", "query", "titles"),
    [
        (PL, "kon\u200bwencja", [SIGNING_PL, DEBATE_PL]),  # a zero-width space, pasted from a web page
        (PL, "cyber\u00adprzestępczość", [SIGNING_PL, TRAINING_PL]),  # a soft hyphen
        (PL, "UN\u2060ODC", [TRAINING_PL]),  # a word joiner
        (EN, "don`t", [RIGHTS_EN]),  # an apostrophe typed as a grave accent
        (EN, "don´t", [RIGHTS_EN]),  # or as an acute accent
        (EN, "donʼt", [RIGHTS_EN]),  # or as a modifier letter
    ],
)
def test_what_a_pasted_or_typed_query_carries_unseen_does_not_change_it(page, queries_served, path, query, titles):
    found = titles_found(page, queries_served.base_url, path, query)
    assert found[: len(titles)] == titles, f"{query!r} on {path}: {found}"


@pytest.mark.parametrize(
    ("path", "query", "first"),
    [
        (PL, "2025 r.", SIGNING_PL),  # "r." is the start of "rząd" and "ratyfikować" too
    ],
)
def test_a_letter_alone_beside_longer_words_does_not_decide_the_ranking(page, queries_served, path, query, first):
    found = titles_found(page, queries_served.base_url, path, query)
    assert found[:1] == [first], f"{query!r} on {path}: {found}"


@pytest.mark.parametrize(
    ("path", "query", "first", "searched_as"),
    [
        # Pagefind searched the typo as the longest start the index holds, here "r" (`2025 r.`): pagefind#315.
        (PL, "konwencja ratyfkacja", DEBATE_PL, "konwencja ratyf…"),
        (PL, "ratyfkacja", DEBATE_PL, "ratyf…"),
        # Two edits in a word of nine letters or more: a typo (search28); until then no start of half of it was held,
        # and it was left out (`treaty`).
        (EN, "treaty survelliance", RIGHTS_EN, "treaty surveillance"),
    ],
)
def test_a_word_the_index_does_not_hold_is_searched_as_its_longest_start_it_holds(
    page, queries_served, path, query, first, searched_as
):
    found = titles_found(page, queries_served.base_url, path, query)
    assert found[:1] == [first], f"{query!r} on {path}: {found}"
    expect(page.locator("#search-status")).to_contain_text(f": {searched_as}.")


def test_a_phrase_beside_other_words_is_searched_as_typed(page, queries_served):
    # A word of it the index does not hold was left out, the quote after it with it: `"polski ratyf…`.
    titles_found(page, queries_served.base_url, PL, '"polski rzond" ratyfkacja')
    expect(page.locator("#search-status")).to_contain_text(': "polski rzond" ratyf….')


def test_a_query_the_index_holds_is_searched_as_typed(page, queries_served):
    assert titles_found(page, queries_served.base_url, PL, "konwencja ratyfikacja")[:1] == [DEBATE_PL]
    expect(page.locator("#search-status")).not_to_contain_text("…")


def test_the_filters_count_the_pages_a_phrase_is_found_on_beside_pagefinds_phrase_search(page, queries_served):
    # Pagefind's phrase search misses the page (see above): the filters counted only what it found, nothing, and
    # showed no value for the one result listed.
    assert titles_found(page, queries_served.base_url, PL, '"25 października"') == [SIGNING_PL]
    page.locator("#search-filters > summary").click()
    expect(page.locator("#search-filter-groups")).to_contain_text("2025 (1)", timeout=15_000)


def test_a_query_of_invisible_characters_alone_is_no_query(page, queries_served):
    # The characters a query's words are searched without: with nothing else, Pagefind was asked for no words,
    # which lists every page.
    assert titles_found(page, queries_served.base_url, PL, "konwencja")
    page.locator("#site-search-query").fill("\u200b\u00ad")
    expect(page.locator("#search-results a.search-result-link")).to_have_count(0, timeout=15_000)
    expect(page.locator("#search-status")).to_have_text("")
