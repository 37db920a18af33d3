"""Queries the search was not tuned on, typed into the real search page (real Chromium) on a real Pagefind index of
tests/fixtures/search_untuned4/ (docs/search-relevance.md, "Findings on content and queries it was not tuned on,
fifth audit")."""

from __future__ import annotations

from pathlib import Path

import pytest

from .test_search_queries import EN, PL, built_and_served, titles_found

pytestmark = pytest.mark.browser

CONTENT = Path(__file__).parent / "fixtures" / "search_untuned4" / "content"
CEREMONY = {
    EN: "Seventy-two states sign the UN convention at a ceremony in Hanoi",
    PL: "Siedemdziesiąt dwa państwa podpisały konwencję ONZ w Hanoi",
}
STATEMENT = "Secretary-General urges swift ratification"  # in English only: a stand-in on the Polish page
GERMANY = {EN: "Germany ratifies the Hanoi Convention", PL: "Niemcy ratyfikują konwencję z Hanoi"}
GOVERNMENT = "Rząd przyjął projekt ustawy o ratyfikacji"  # in Polish only
CEREMONY_URL = "https://www.un.org/en/hanoi-convention-signing-ceremony"


@pytest.fixture(scope="module")
def untuned4_served(tmp_path_factory):
    yield from built_and_served(tmp_path_factory, CONTENT, "untuned4")


@pytest.mark.parametrize(
    ("path", "query", "titles"),
    [
        # The address of an article's original, pasted: Pagefind searched its parts joined, which no page holds.
        (EN, CEREMONY_URL, [CEREMONY[EN]]),
        (PL, CEREMONY_URL, [CEREMONY[PL]]),
        (EN, "http://un.org/en/hanoi-convention-signing-ceremony/#top", [CEREMONY[EN]]),  # without www., with a /
        # As shared: with what a site or a post adds to track where a reader came from, which no source has.
        (EN, CEREMONY_URL + "?utm_source=twitter&utm_medium=social", [CEREMONY[EN]]),
        (PL, CEREMONY_URL + "?fbclid=IwAR0abc", [CEREMONY[PL]]),
        (PL, "https://www.gov.pl/web/sprawiedliwosc/ratyfikacja-konwencji-z-hanoi", [GOVERNMENT]),
        (EN, "https://www.gov.pl/web/sprawiedliwosc/ratyfikacja-konwencji-z-hanoi", [GOVERNMENT]),  # its stand-in
        # A domain: the pages whose sources are on it.
        (EN, "un.org", [CEREMONY[EN], STATEMENT]),
        (EN, "www.bmj.de", [GERMANY[EN]]),
        (EN, "ratification bmj.de", [GERMANY[EN]]),
        # An address no page's source has is in no page.
        (EN, "https://www.un.org/en/other-page", []),
    ],
)
def test_the_address_of_a_source_finds_the_pages_it_is_the_source_of(page, untuned4_served, path, query, titles):
    assert sorted(titles_found(page, untuned4_served.base_url, path, query)) == sorted(titles), f"{query!r} on {path}"


@pytest.mark.parametrize(
    ("path", "query", "titles"),
    [
        # No page is dated 12.09.2025, two write it: the page dated 25.10.2025 that writes it was missed (each day was
        # looked for in the text only), and only the page that writes both was found.
        (PL, "25.10.2025 12.09.2025", [CEREMONY[PL], GOVERNMENT]),
        (EN, "25.10.2025 12.09.2025", [CEREMONY[EN], GOVERNMENT]),
        # A day in a query of more than six words is a day still: it was searched as typed, by its first figures.
        (EN, "states signed the United Nations Convention in 25.10.2025", [CEREMONY[EN]]),
        (EN, "states signed the United Nations Convention in 26.10.2025", []),
    ],
)
def test_each_day_of_a_query_is_found_as_a_page_is_dated_or_as_its_text_writes_it(
    page, untuned4_served, path, query, titles
):
    assert sorted(titles_found(page, untuned4_served.base_url, path, query)) == sorted(titles), f"{query!r} on {path}"
