"""A number typed into the real search page (real Chromium, a real Pagefind index of tests/fixtures/search_numbers/)
finds the pages that write it, not the pages whose hidden day in figures it begins (docs/search-relevance.md,
"a number")."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from playwright.sync_api import expect

from .test_search_queries import EN, PL, built_and_served, titles_found

pytestmark = pytest.mark.browser

CONTENT = Path(__file__).parent / "fixtures" / "search_numbers" / "content"
IN_NUMBERS = {PL: "Konwencja w liczbach", EN: "The convention in numbers"}
MINISTERS = {PL: "Ministrowie sprawiedliwości spotkali się w Warszawie", EN: "Justice ministers meet in Warsaw"}
NEW_YEAR = {PL: "Noworoczne plany rządu", EN: "The government's plans for the new year"}
WORKSHOP = {PL: "Warsztaty dla prokuratorów", EN: "A workshop for prosecutors"}
# Dated another day (2 December 2025), it writes the day of the workshop: `11/25/2025`, `25.11.2025`.
REPORT = {PL: "Prokuratorzy publikują raport z warsztatów", EN: "Prosecutors publish their workshop report"}
# A day as the index holds it (archive_core.locales.DAY_WORD_LETTER and figures), which no reader is to see.
HELD_DAY = re.compile(r"\bd\d{4,8}\b")


@pytest.fixture(scope="module")
def numbers_served(tmp_path_factory):
    yield from built_and_served(tmp_path_factory, CONTENT, "numbers")


@pytest.mark.parametrize(
    ("path", "query"),
    [
        # The pages of 7 October and 7 February 2025 write none of these; their days in figures (`7.10.2025`,
        # `7102025` to Pagefind; `10/7/2025` on the English site; `7.2.2025`) begin with them, and Pagefind searches
        # a word as the start of longer ones too.
        (PL, "71"),
        (PL, "72"),
        (EN, "71"),
        (EN, "72"),
        (EN, "10"),
        (EN, "72 states"),
    ],
)
def test_a_number_typed_finds_the_pages_that_write_it_not_the_pages_of_a_day_it_begins(
    page, numbers_served, path, query
):
    assert titles_found(page, numbers_served.base_url, path, query) == [IN_NUMBERS[path]], f"{query!r} on {path}"


@pytest.mark.parametrize(
    ("path", "query", "pages"),
    [
        (PL, "7.10.2025", MINISTERS),
        (PL, "07.10.2025", MINISTERS),
        (EN, "7/10/2025", MINISTERS),
        (EN, "10/7/2025", MINISTERS),
        (EN, "2025-10-07", MINISTERS),
        (PL, "2025-10-07", MINISTERS),
        # No page is dated that day: the page that writes it is found.
        (PL, "25.10.2025", IN_NUMBERS),
        # A year in two figures: the day of 20yy. `1/1/25` is the start of `d11252025`, the American form of
        # 25 November 2025: it found that page, as if the reader had typed another day.
        # REPORT writes `11/25/2025`, which `1/1/25` as typed (`1125`) is the start of too: it was listed after.
        (EN, "1/1/25", NEW_YEAR),
        (PL, "1.1.25", NEW_YEAR),
        # No page is dated 25 October 2025, and one writes it with its year in four figures.
        (PL, "25.10.25", IN_NUMBERS),
        (EN, "25/10/25", IN_NUMBERS),
    ],
)
def test_a_day_typed_in_figures_still_finds_its_pages(page, numbers_served, path, query, pages):
    assert titles_found(page, numbers_served.base_url, path, query) == [pages[path]], f"{query!r} on {path}"
    assert not HELD_DAY.search(page.locator("body").inner_text()), f"{query!r} on {path}"


@pytest.mark.parametrize(
    ("path", "query", "pages", "searched_as"),
    [
        # The status said it searched `d7102025 Wars…`: the day as the index holds it.
        (EN, "7/10/2025 Warsw", MINISTERS, "7/10/2025 Wars…"),
        (PL, "7.10.2025 Warszwie", MINISTERS, "7.10.2025 Warsz…"),
        # A day not held as typed is told as searched, with its year in four figures.
        (PL, "25.10.25", IN_NUMBERS, "25.10.2025"),
        (EN, "1/1/25", NEW_YEAR, "1/1/2025"),
    ],
)
def test_the_status_tells_a_day_as_the_reader_writes_it(page, numbers_served, path, query, pages, searched_as):
    assert titles_found(page, numbers_served.base_url, path, query) == [pages[path]], f"{query!r} on {path}"
    expect(page.locator("#search-status")).to_contain_text(f": {searched_as}.")
    assert not HELD_DAY.search(page.locator("body").inner_text()), f"{query!r} on {path}"


@pytest.mark.parametrize(
    ("path", "query", "searched_as"),
    [
        (EN, "11/25/2025", None),
        (PL, "25.11.2025", None),
        # A year typed in two figures: the pages that write the day with its year in four were not found.
        (EN, "11/25/25", "11/25/2025"),
        (PL, "25.11.25", "25.11.2025"),
        (PL, "(25.11.25),", "25.11.2025"),
        (EN, "prosecutors 11/25/25", "prosecutors 11/25/2025"),
    ],
)
def test_a_day_finds_its_pages_then_the_pages_whose_text_writes_it(page, numbers_served, path, query, searched_as):
    assert titles_found(page, numbers_served.base_url, path, query) == [WORKSHOP[path], REPORT[path]], query
    if searched_as:
        expect(page.locator("#search-status")).to_contain_text(f": {searched_as}.")
    assert not HELD_DAY.search(page.locator("body").inner_text()), f"{query!r} on {path}"


@pytest.mark.parametrize(
    ("path", "query"),
    [
        # No page is dated 25 November 2020 nor writes it; REPORT writes 25 November 2025, whose figures
        # (`11252025`, `25112025`) the day typed with its year in two (`112520`, `251120`) begins: it was listed.
        (EN, "11/25/20"),
        (PL, "25.11.20"),
        (PL, "prokuratorzy 25.11.20"),
    ],
)
def test_a_day_no_page_holds_finds_no_page_of_a_day_its_figures_begin(page, numbers_served, path, query):
    assert titles_found(page, numbers_served.base_url, path, query) == [], f"{query!r} on {path}"


def test_a_result_still_gives_its_date_as_iso_to_its_time_element(page, numbers_served):
    titles_found(page, numbers_served.base_url, EN, "7/10/2025")
    expect(page.locator("#search-results .search-result-meta time")).to_have_attribute("datetime", "2025-10-07")
