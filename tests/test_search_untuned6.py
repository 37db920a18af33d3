"""Queries the search was not tuned on, typed into the real search page (real Chromium) on a real Pagefind index of
the fixture archive (docs/search-relevance.md, "Findings on content and queries it was not tuned on, eighth audit"):
a country by its ISO code."""

from __future__ import annotations

import pytest

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
