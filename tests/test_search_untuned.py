"""Queries the search was not tuned on, typed into the real search page (real Chromium) on a real Pagefind index of
tests/fixtures/search_untuned/ (docs/search-relevance.md, "Findings on content and queries it was not tuned on")."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import expect

from .test_search_queries import EN, PL, built_and_served, titles_found

pytestmark = pytest.mark.browser

CONTENT = Path(__file__).parent / "fixtures" / "search_untuned" / "content"
POLAND_SIGNS = "Poland signs the cybercrime convention"
VIETNAM_HOSTS = "Viet Nam hosts U.N. signing ceremony"
EXPLAINER = "What is the Hanoi Convention? An explainer"
LODZ_PL = "Konferencja w Łodzi o bezpieczeństwie w sieci"  # in Polish only: on the English page as its stand-in


@pytest.fixture(scope="module")
def untuned_served(tmp_path_factory):
    yield from built_and_served(tmp_path_factory, CONTENT, "untuned")


@pytest.mark.parametrize(
    ("path", "query", "titles"),
    [
        # The American order: one word to Pagefind (`10252025`), which the index did not hold; Pagefind searched
        # its start `10` and listed every page with a 10 in a date.
        (EN, "10/25/2025", [POLAND_SIGNS]),
        (EN, "10/26/2025", [VIETNAM_HOSTS]),
        (EN, "11/14/2025", [LODZ_PL]),
        (EN, "25/10/2025", [POLAND_SIGNS]),
        (PL, "14.11.2025", [LODZ_PL]),
        (EN, "2025-10-20", [EXPLAINER]),
        # A year in two figures, as some readers write it: the index holds four, and the day was taken for one no
        # page holds (found nothing).
        (PL, "14.11.25", [LODZ_PL]),
        (EN, "10/25/25", [POLAND_SIGNS]),
        (EN, "25-10-25", [POLAND_SIGNS]),
    ],
)
def test_a_day_typed_in_figures_in_any_order_its_readers_write_finds_the_pages_of_that_day(
    page, untuned_served, path, query, titles
):
    assert titles_found(page, untuned_served.base_url, path, query) == titles, f"{query!r} on {path}"


@pytest.mark.parametrize(
    ("path", "query", "no_results"),
    [
        # No page is of these days: Pagefind searched the longest start the index holds (`1411202`, `3`, `2024`)
        # and listed pages of other days.
        (PL, "14.11.2024", "Brak wyników dla 14.11.2024"),
        (EN, "31/12/2024", "No results for 31/12/2024"),
        (EN, "12/31/2024", "No results for 12/31/2024"),
        (PL, "2024-10-25", "Brak wyników dla 2024-10-25"),
        (PL, "konwencja 1.02.2025", "Brak wyników dla konwencja 1.02.2025"),
        (PL, "14.11.24", "Brak wyników dla 14.11.24"),
    ],
)
def test_a_day_typed_in_figures_that_no_page_holds_finds_nothing(page, untuned_served, path, query, no_results):
    assert titles_found(page, untuned_served.base_url, path, query) == [], f"{query!r} on {path}"
    expect(page.locator("#search-status")).to_contain_text(no_results)
