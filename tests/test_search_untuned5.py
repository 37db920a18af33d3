"""Queries the search was not tuned on, typed into the real search page (real Chromium) on a real Pagefind index of
tests/fixtures/search_untuned5/ (docs/search-relevance.md, "Findings on content and queries it was not tuned on,
sixth audit"), and what the fifth audit left: a country named in the other language, a letter typed twice."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import expect

from .test_search_queries import EN, PL, built_and_served, titles_found

pytestmark = pytest.mark.browser

CONTENT = Path(__file__).parent / "fixtures" / "search_untuned5" / "content"
PHISHING = "Police dismantle a phishing network that posed as banks"  # in English only, writes `France`, about Spain
FRAUD = "Francuska żandarmeria zatrzymała oszustów podszywających się pod urzędy"  # in Polish only, writes `Francja`
DEEPFAKE = {
    EN: "Guterres warns of deepfakes before elections",
    PL: "Guterres ostrzega przed deepfake'ami przed wyborami",
}
HOSPITAL = {EN: "Ransomware attack paralyses a hospital in Łódź", PL: "Atak ransomware sparaliżował szpital w Łodzi"}
RULING = "Sąd: podsłuch Pegasusem bez zgody sądu był nielegalny"  # in Polish only


@pytest.fixture(scope="module")
def untuned5_served(tmp_path_factory):
    yield from built_and_served(tmp_path_factory, CONTENT, "untuned5")


@pytest.mark.parametrize(
    ("path", "query", "titles"),
    [
        # The English page writes `France` only (it is about Spain): the Polish name found the Polish page's stand-in.
        (EN, "Francja", [PHISHING, FRAUD]),
        (EN, "Francji", [PHISHING, FRAUD]),
        (EN, "francuska", [PHISHING, FRAUD]),
        # The Polish page writes `Francja` only: the English name, on the Polish site.
        (PL, "French", [FRAUD, PHISHING]),
        # A country named in no page's text finds no page.
        (EN, "Niemcy", []),
    ],
)
def test_a_country_named_in_the_text_is_found_by_its_names_in_either_language(
    page, untuned5_served, path, query, titles
):
    assert sorted(titles_found(page, untuned5_served.base_url, path, query)) == sorted(titles), f"{query!r} on {path}"


@pytest.mark.parametrize(
    ("path", "query", "titles", "searched"),
    [
        # Its held start `Gut` is shorter than half of it: nothing was found.
        (EN, "Gutteres", [DEEPFAKE[EN]], "Guteres"),
        (PL, "Gutteres", [DEEPFAKE[PL]], "Guter…"),  # `Guteres` is not held here: its start of half of it is
        (PL, "Gutteres deepfake", [DEEPFAKE[PL]], "Guter… deepfake"),
        (PL, "szppital", [HOSPITAL[PL]], "szpital"),
        # A word doubled where nothing of it is held is in no page still.
        (EN, "Zzyxwuvq", [], ""),
    ],
)
def test_a_letter_typed_twice_is_searched_once_where_nothing_else_is_held(
    page, untuned5_served, path, query, titles, searched
):
    assert titles_found(page, untuned5_served.base_url, path, query) == titles, f"{query!r} on {path}"
    if searched:
        expect(page.locator("#search-status")).to_contain_text(f": {searched}")


@pytest.mark.parametrize(
    ("path", "query", "titles"),
    [
        # No page writes `AI`: Pagefind searched its held start `a`, and listed the pages with `a ransom`, `a phishing`.
        (EN, "AI", []),
        (EN, "A.I.", []),
        (EN, "AI deepfakes", [DEEPFAKE[EN]]),
        # Two letters a page's word begins with are searched as typed, as before.
        (PL, "ONZ", [DEEPFAKE[PL]]),
        (EN, "U.N.", [DEEPFAKE[EN], HOSPITAL[EN]]),  # and `unpatched`: two letters are a start too
        (PL, "NIS 2", [HOSPITAL[PL]]),
    ],
)
def test_a_word_of_two_letters_no_page_holds_is_in_no_page(page, untuned5_served, path, query, titles):
    assert sorted(titles_found(page, untuned5_served.base_url, path, query)) == sorted(titles), f"{query!r} on {path}"


def test_a_query_that_ends_with_a_full_stop_is_not_given_a_second_one(page, untuned5_served):
    assert titles_found(page, untuned5_served.base_url, EN, "A.I.") == []
    expect(page.locator("#search-status")).to_have_text(
        "No results for A.I. Try fewer words, other words, or other forms of them."
    )
    assert titles_found(page, untuned5_served.base_url, PL, "xyzzyqq") == []
    expect(page.locator("#search-status")).to_contain_text("xyzzyqq. ")
