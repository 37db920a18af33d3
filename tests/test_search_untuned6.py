"""Queries the search was not tuned on, typed into the real search page (real Chromium) on a real Pagefind index of
the fixture archive (docs/search-relevance.md, "Findings on content and queries it was not tuned on, eighth audit"):
a country by its ISO code."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from .test_search_queries import EN, PL, titles_found

pytestmark = pytest.mark.browser


@pytest.mark.parametrize(
    ("path", "query", "first"),
    [
        # No page writes a code: nothing was found (Pagefind's held start of `vn`, `jp` is none).
        (PL, "VN", "Wietnam"),
        (EN, "vn", "Vietnam"),
        (PL, "PL", "Polska"),
        (EN, "JP", "Japan"),
        (EN, "VNM", "Vietnam"),
        (PL, "blr", "Białoruś"),
    ],
)
def test_a_country_is_found_by_its_iso_code(page, fixture_served, path, query, first):
    assert titles_found(page, fixture_served.base_url, path, query) == [first], f"{query!r} on {path}"


@pytest.mark.parametrize(("path", "query"), [(EN, "by"), (PL, "za"), (PL, "ZA")])
def test_a_code_that_is_a_word_pages_write_is_that_word(page, fixture_served, path, query):
    # Belarus (`BY`) and South Africa (`ZA`) have pages: a country's page would answer `by` or `za` (docs/search-
    # relevance.md, "Country codes").
    found = titles_found(page, fixture_served.base_url, path, query)
    assert found and not {"Belarus", "Republika Południowej Afryki"} & set(found), found


HANOI_EN, CONCERNS_EN = "Convention signed in Hanoi", "Civil society groups voice concerns"  # `organisation(s)`


@pytest.mark.parametrize("query", ["organization", "organizations", "organized"])
def test_an_american_spelling_finds_the_pages_that_write_the_british_one_first(page, fixture_served, query):
    # The Polish page's stand-in holds `organizacji`, so the word was taken as held, and the stand-in alone was found.
    found = titles_found(page, fixture_served.base_url, EN, query)
    assert sorted(found[:2]) == sorted([HANOI_EN, CONCERNS_EN]), f"{query!r}: {found}"


RATIFIES_EN = "France ratifies the convention"  # `first states to ratify the convention`


@pytest.mark.parametrize(
    ("path", "query", "first"),
    [
        # No page holds every word: nothing was found, and the status said to try fewer words.
        (EN, "which states were the first to ratify the convention", RATIFIES_EN),  # no page writes `were`
        (EN, "France deposited its ratification in New York in 2025", RATIFIES_EN),  # the page is of 2026
        (PL, "ceremonia zgromadziła delegacje z wielu państw, Francja ratyfikuje", "Konwencja podpisana w Hanoi"),
    ],
)
def test_a_long_query_no_page_holds_whole_finds_the_pages_that_hold_most_of_it(
    page, fixture_served, path, query, first
):
    found = titles_found(page, fixture_served.base_url, path, query)
    assert found[:1] == [first], f"{query!r} on {path}: {found[:4]}"
    said = {EN: "No page holds all the words", PL: "Żadna strona nie zawiera wszystkich tych słów"}[path]
    expect(page.locator("#search-status")).to_contain_text(said)


@pytest.mark.parametrize(
    ("path", "query"),
    [
        (EN, "states ratify convention"),  # a page holds them all: said nothing more
        (EN, "xyzzy plugh qqqzzz"),  # no page holds any: nothing, as before
        (EN, '"ratify the states convention"'),  # a phrase no page writes: nothing, as before
    ],
)
def test_a_query_some_page_holds_whole_or_none_of_whose_words_are_held_is_left_as_it_was(
    page, fixture_served, path, query
):
    found = titles_found(page, fixture_served.base_url, path, query)
    expect(page.locator("#search-status")).not_to_contain_text("No page holds all the words")
    assert bool(found) == (not query.startswith(('"', "x"))), found


# Pagefind's module, each search the page makes with the filters alone counted (mostWords' searches, a word each).
COUNTING_PAGEFIND = """
import * as pagefind from "./pagefind.js?counted";
export * from "./pagefind.js?counted";
export async function search(term, options) {
  if (options && Object.keys(options).join() === "filters" && !term.includes(" ")) window.wordSearches.push(term);
  return pagefind.search(term, options);
}
"""


def found_counting(page, fixture_served, query: str, counting_module: str) -> tuple[list[str], list[str]]:
    """[the titles `query` finds on the English page, each search `counting_module` counted]."""
    page.add_init_script("window.wordSearches = [];")
    page.route(
        re.compile(r".*/pagefind/pagefind\.js$"),
        lambda route: route.fulfill(body=counting_module, content_type="text/javascript"),
    )
    found = titles_found(page, fixture_served.base_url, EN, query)
    return found, page.evaluate("window.wordSearches")


PASTED = (
    "France ratifies the convention which states signed in Hanoi while civil society groups voice concerns about "
    "human rights privacy surveillance police cooperation electronic evidence treaty United Nations General Assembly "
    "delegates ceremony October were never asked whether"
)


def test_a_long_query_no_page_holds_whole_is_searched_by_a_bounded_number_of_its_words(page, fixture_served):
    # A paragraph pasted ran one search for each of its words (32 here; 200 for 200), one after the other.
    found, searched = found_counting(page, fixture_served, PASTED, COUNTING_PAGEFIND)
    expect(page.locator("#search-status")).to_contain_text("No page holds all the words")
    assert found and 3 <= len(searched) <= 12, searched
    assert set(searched) <= set(PASTED.split()), searched


# Pagefind's module, each search of one word the page makes with no options counted (asTheIndexHoldsIt's checks).
CHECKS_COUNTING_PAGEFIND = COUNTING_PAGEFIND.replace(
    'options && Object.keys(options).join() === "filters"', "options === undefined"
)
JOINED_WORDS = (
    "human-rights cyber-crime law-enforcement cross-border e-evidence data-protection follow-up co-operation "
    "non-governmental state-party pre-trial self-incrimination counter-terrorism multi-stakeholder open-ended "
    "real-time high-tech well-being decision-making anti-money re-entry long-term short-term side-event "
    "in-person on-line off-line user-generated end-to-end third-party"
)


def test_a_long_query_is_checked_by_a_bounded_number_of_its_words(page, fixture_served):
    # Each joined word of a passage pasted was checked (a search each, all at once): 30 here, 200 for 200; at most
    # MOST_WORDS_SEARCHED words are, as mostWords searches them.
    _, searched = found_counting(page, fixture_served, JOINED_WORDS, CHECKS_COUNTING_PAGEFIND)
    expect(page.locator("#search-status")).not_to_be_empty()
    checked = {term for term in searched if term.isalpha()}
    joined = [word.replace("-", "") for word in JOINED_WORDS.split()]
    assert len(joined) == 30 and checked and checked <= set(joined[:12]), checked
