"""Queries the search was not tuned on, typed into the real search page (real Chromium) on a real Pagefind index of
tests/fixtures/search_untuned3/ (docs/search-relevance.md, "Findings on content and queries it was not tuned on,
fourth audit")."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import expect

from .test_search_queries import EN, PL, built_and_served, titles_found

pytestmark = pytest.mark.browser

CONTENT = Path(__file__).parent / "fixtures" / "search_untuned3" / "content"
OPERATION = {
    PL: "Interpol i Europol rozbijają sieć oszustów internetowych",
    EN: "Interpol and Europol take down a network of online fraudsters",
}
COUNCIL = {
    PL: "Rada Europy: konwencja budapeszteńska nadal wzorem",
    EN: "Council of Europe: the Budapest Convention is still the model",
}
STATISTICS = "Why cyber crime statistics mislead"  # in English only: a stand-in on the Polish page
DATA_PROTECTION = "Ochrona danych osobowych a e-dowody"  # in Polish only


@pytest.fixture(scope="module")
def untuned3_served(tmp_path_factory):
    yield from built_and_served(tmp_path_factory, CONTENT, "untuned3")


def status(page):
    return page.locator("#search-status")


@pytest.mark.parametrize(
    ("path", "query", "titles", "searched"),
    [
        # An opening quote with no closing one: the words after it were kept as typed, a phrase, and the typo found
        # nothing.
        (PL, '"Europol ransomwere', [OPERATION[PL]], "szukano: Europol ransomw…."),
        (PL, 'Europol ransomwere"', [OPERATION[PL]], "szukano: Europol ransomw…."),
        (EN, "„Europol fraudstrs", [OPERATION[EN]], "searched for: Europol fraudst…."),
        # The pairs before the mark left without one are a phrase still; the word after it a typo (search28: one
        # edit, until then not corrected within the letters a start of half of it is held by, and left out).
        (PL, '"ochrona danych" "osbowych', [DATA_PROTECTION], 'szukano: "ochrona danych" osobowych.'),
    ],
)
def test_a_quotation_mark_without_its_pair_opens_no_phrase(page, untuned3_served, path, query, titles, searched):
    assert titles_found(page, untuned3_served.base_url, path, query) == titles, f"{query!r} on {path}"
    expect(status(page)).to_contain_text(searched)


@pytest.mark.parametrize(
    ("path", "query", "none"),
    [
        # Pagefind searched the longest start the index holds, another number: `2019` found the page that writes 2001
        # (`20`), `1999` and `konwencja 1999` a page by its `1`, `300 hospitals` the page that writes `3`.
        (EN, "2019", "No results for 2019."),
        (PL, "1999", "Brak wyników dla 1999."),
        (PL, "konwencja 1999", "Brak wyników dla konwencja 1999."),
        (EN, "300 hospitals", "No results for 300 hospitals."),
        (EN, "Ukraine 41.", "No results for Ukraine 41. Try"),  # the query's full stop ends the sentence
    ],
)
def test_a_number_no_page_holds_finds_nothing(page, untuned3_served, path, query, none):
    assert titles_found(page, untuned3_served.base_url, path, query) == [], f"{query!r} on {path}"
    expect(status(page)).to_contain_text(none)


@pytest.mark.parametrize(
    ("path", "query", "first"),
    [
        (EN, "1,200", STATISTICS),  # written `1,200`
        (EN, "1200", STATISTICS),
        (PL, "2,5 mln", OPERATION[PL]),
        (EN, "2,5 million", OPERATION[EN]),  # written `2.5`
        (EN, "15%", STATISTICS),
        (PL, "40", OPERATION[PL]),
        (PL, "2022", "Ukraina chce szybkiej ratyfikacji"),
        (EN, "76 parties", COUNCIL[EN]),
    ],
)
def test_a_number_a_page_holds_finds_it(page, untuned3_served, path, query, first):
    assert titles_found(page, untuned3_served.base_url, path, query)[:1] == [first], f"{query!r} on {path}"


@pytest.mark.parametrize(
    ("path", "query", "titles", "said"),
    [
        # Searched as typed, Pagefind searched the longest word its index holds that the query begins with: `Rosja`
        # listed the page that writes `2025 r.`, by `r`.
        (PL, "Rosja", [], "Brak wyników dla Rosja."),
        (PL, "Rosja Kuba", [], "Brak wyników dla Rosja Kuba."),
        # A typo early in the word: searched as the word a page writes one letter from it, and said (until search27 its
        # longest held start of four letters or more, `stat…`, which also found the pages by `state`, `status`).
        (EN, "statystics", [STATISTICS], "searched for: statistics."),
    ],
)
def test_a_query_of_words_no_page_holds_finds_no_page_by_a_letter(page, untuned3_served, path, query, titles, said):
    found = titles_found(page, untuned3_served.base_url, path, query)
    assert found[: len(titles) or None] == titles, f"{query!r} on {path}: {found}"
    expect(status(page)).to_contain_text(said)


@pytest.mark.parametrize(
    ("path", "query", "titles", "searched"),
    [
        # The pages that write the words apart, then those that write them as one: only the first were found.
        (EN, "cyber crime", [STATISTICS, OPERATION[EN], COUNCIL[EN]], ""),
        (EN, "cyber crimes", [STATISTICS, OPERATION[EN], COUNCIL[EN]], ""),
        (PL, "cyber przestępczość", [DATA_PROTECTION, OPERATION[PL], COUNCIL[PL]], ""),
        (PL, "cyber przestepczosc", [DATA_PROTECTION, OPERATION[PL], COUNCIL[PL]], ""),
        (EN, "Europol cyber crime", [OPERATION[EN]], ""),
        # A word of the two in no page as typed: the two are searched as one, and the status says so (`ransom` was
        # searched, `ware` left out).
        (EN, "ransom ware", [OPERATION[EN]], "searched for: ransomware."),
        (EN, "crypto currency", [OPERATION[EN]], "searched for: cryptocurrency."),
        # A phrase is the words apart; words no page writes as one are searched as typed.
        (EN, '"cyber crime"', [STATISTICS], ""),
        (EN, "take down", [OPERATION[EN]], ""),
    ],
)
def test_a_word_typed_as_two_finds_the_pages_that_write_it_as_one(page, untuned3_served, path, query, titles, searched):
    assert titles_found(page, untuned3_served.base_url, path, query) == titles, f"{query!r} on {path}"
    if searched:
        expect(status(page)).to_contain_text(searched)
    else:
        expect(status(page)).not_to_contain_text("searched for")
        expect(status(page)).not_to_contain_text("szukano")


def test_the_filters_count_the_pages_that_write_the_two_words_as_one(page, untuned3_served):
    assert len(titles_found(page, untuned3_served.base_url, EN, "cyber crime")) == 3
    page.locator("#search-filters > summary").click()
    expect(page.locator("#search-filter-groups")).to_contain_text("2026 (2)", timeout=15_000)
    expect(page.locator("#search-filter-groups")).to_contain_text("2025 (1)")


@pytest.mark.parametrize(
    ("path", "query", "first"),
    [
        (EN, "border", OPERATION[EN]),  # written `cross-border`: Pagefind indexes its parts too
        (PL, "transgranicznej", OPERATION[PL]),
    ],
)
def test_a_part_of_a_hyphenated_word_is_held(page, untuned3_served, path, query, first):
    # A word was held where a page's word began with it, not a part of the word: `border` found nothing.
    assert titles_found(page, untuned3_served.base_url, path, query)[:1] == [first], f"{query!r} on {path}"


@pytest.mark.parametrize(
    ("path", "query", "titles", "searched"),
    [
        # No page writes `takedown`: its start `take…` was searched, and found `take up` too.
        (EN, "takedown", [OPERATION[EN]], "searched for: take down."),
        (EN, "Europol takedown", [OPERATION[EN]], "searched for: Europol take down."),
        (EN, "Kyiv takedown", [], "No results for Kyiv takedown."),  # the page of Kyiv writes `take up`
        # Pages write it as one and as two: those that write it as one, then those that write the two next to each
        # other (only the first were found).
        (EN, "cybercrime", [OPERATION[EN], COUNCIL[EN], STATISTICS], ""),
        (EN, "cybercrime statistics", [STATISTICS], ""),
        # A phrase is as typed.
        (EN, '"cybercrime"', [OPERATION[EN], COUNCIL[EN]], ""),
    ],
)
def test_a_word_typed_as_one_finds_the_pages_that_write_it_as_two_next_to_each_other(
    page, untuned3_served, path, query, titles, searched
):
    found = titles_found(page, untuned3_served.base_url, path, query)
    assert sorted(found[:-1]) == sorted(titles[:-1]) and found[-1:] == titles[-1:], f"{query!r} on {path}: {found}"
    if searched:
        expect(status(page)).to_contain_text(searched)
    else:
        expect(status(page)).not_to_contain_text("searched for")
