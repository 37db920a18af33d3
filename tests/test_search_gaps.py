"""What the sixth search audit left, typed into the real search page (real Chromium) on a real Pagefind index of
tests/fixtures/search_gaps/ (docs/search-relevance.md, "What the sixth audit left"): a country named in a timeline
event or a stand-in, a domain matched by whole labels, an address pasted percent-encoded or in punycode."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import expect

from .test_search_queries import EN, PL, built_and_served, titles_found, titles_shown

pytestmark = pytest.mark.browser

CONTENT = Path(__file__).parent / "fixtures" / "search_gaps" / "content"
MEETING = {  # a timeline event about Viet Nam that names France
    EN: "A meeting of delegations in Hanoi (test fixture)",
    PL: "Spotkanie delegacji w Hanoi (fikstura testowa)",
}
RAID = "Police in Spain raid a call centre of fraudsters"  # in English only, writes `Germany`, about Spain
WIKI = "Hasło encyklopedii o konwencji przetłumaczone na nowo"  # in Polish only, its source percent-encoded
TURTLE = "A turtle sanctuary reports a phishing wave"  # in English only, its source's path decoded (`Żółw_błotny`)
CITY = "Urząd miasta ostrzega przed fałszywymi fakturami"  # in Polish only, its source's host in punycode (łódź)
ITEM = "An agency publishes its annual threat report"  # www.agency.example
NEWS = "The agency's newsroom announces a hotline"  # news.agency.example
OTHER = "A consultancy sells a course on incident reports"  # agency.examples.test


@pytest.fixture(scope="module")
def gaps_served(tmp_path_factory):
    yield from built_and_served(tmp_path_factory, CONTENT, "gaps")


def titles_typed(page, base_url: str, path: str, query: str) -> list[str]:
    """The titles found for `query` typed into the header's box: a link's query is decoded once more where it holds
    escapes (`decodedOnceMore`), a typed one is searched as typed."""
    page.goto(f"{base_url}{path}")
    page.locator("#site-search-query").fill(query)
    page.locator("#site-search-query").press("Enter")
    return titles_shown(page)


@pytest.mark.parametrize(
    ("path", "query", "titles"),
    [
        # The event writes `Germany` (en) and `Niemcy` (pl) only: its other language's name found nothing.
        (EN, "Niemcy", [MEETING[EN], RAID]),
        (PL, "Germany", [MEETING[PL], RAID]),  # the page that writes it, as its stand-in
        # A stand-in: the English page that writes `Germany`, found on the Polish site by its name there.
        (PL, "Niemcy", [MEETING[PL], RAID]),
        # A country page: the person it lists is Spain's ambassador to Sweden (`Szwecji`, pl).
        (EN, "Szwecja", ["Spain"]),
        (PL, "Sweden", ["Hiszpania"]),
    ],
)
def test_a_country_named_in_an_event_or_a_stand_in_is_found_by_its_names(page, gaps_served, path, query, titles):
    assert sorted(titles_found(page, gaps_served.base_url, path, query)) == sorted(titles), f"{query!r} on {path}"


@pytest.mark.parametrize(
    ("query", "titles"),
    [
        # A domain: its pages and its subdomains' (`news.`), never a longer label's (`agency.examples.test`).
        ("agency.example", [ITEM, NEWS]),
        ("www.agency.example", [ITEM, NEWS]),
        ("https://agency.example/", [ITEM, NEWS]),
        ("news.agency.example", [NEWS]),
        ("agency.examples.test", [OTHER]),
        ("https://www.agency.example/en/item", [ITEM]),
    ],
)
def test_a_domain_finds_its_pages_and_its_subdomains_by_whole_labels(page, gaps_served, query, titles):
    assert sorted(titles_found(page, gaps_served.base_url, EN, query)) == sorted(titles), query


@pytest.mark.parametrize(
    ("path", "query", "titles"),
    [
        # The source is written percent-encoded: pasted decoded, from a browser's address bar.
        (PL, "https://pl.wiki.example/wiki/Konwencja_o_cyberprzestępczości", [WIKI]),
        (PL, "https://pl.wiki.example/wiki/Konwencja_o_cyberprzest%C4%99pczo%C5%9Bci", [WIKI]),
        (PL, "https://pl.wiki.example/wiki/konwencja_o_cyberprzest%c4%99pczo%c5%9bci", [WIKI]),
        (EN, "https://pl.wiki.example/wiki/Konwencja_o_cyberprzestępczości", [WIKI]),  # its stand-in
        # The source is written decoded: pasted percent-encoded, as a page's link or a chat gives it.
        (EN, "https://en.wiki.example/wiki/%C5%BB%C3%B3%C5%82w_b%C5%82otny", [TURTLE]),
        (EN, "https://en.wiki.example/wiki/Żółw_błotny", [TURTLE]),
        # The source's host is written in punycode (as the build asks): typed as a reader reads it.
        (PL, "łódź.example", [CITY]),
        (PL, "https://łódź.example/komunikat", [CITY]),
        (PL, "https://xn--d-uga0v4h.example/komunikat", [CITY]),
        (PL, "ŁÓDŹ.example", [CITY]),
    ],
)
def test_an_address_is_found_percent_encoded_or_decoded_in_punycode_or_not(page, gaps_served, path, query, titles):
    found = titles_typed(page, gaps_served.base_url, path, query)
    assert sorted(found) == sorted(titles), f"{query!r} on {path}"


CLINIC = "A clinic restores its systems after an attack"  # writes `ransomware`
TRIAL = "A court hears how a kidnapping was paid for"  # writes `ransom were`


@pytest.mark.parametrize(
    ("query", "titles", "searched"),
    [
        # One letter from `ransomware`, which a page holds: a typo, not the two words another page writes.
        ("ransomwere", [CLINIC], "ransomw…"),
        # A word typed as one that a page writes as two, and no page holds one letter from: the two, as before.
        ("systemswere", [CLINIC], "systems were"),
    ],
)
def test_a_typo_that_is_also_two_words_is_searched_as_the_word_it_is_one_letter_from(
    page, gaps_served, query, titles, searched
):
    assert titles_found(page, gaps_served.base_url, EN, query) == titles, query
    expect(page.locator("#search-status")).to_contain_text(f": {searched}")


ATTACKS = "Two botnets are dismantled in a week"  # writes `cyberattacks`
ATTACK = "A forum that sold stolen cards is shut"  # writes `cyber attack`
TRAINING = "Gmina zaprasza urzędników na szkolenie"  # writes `cyberbezpieczeństwa`
GUIDE = "Szkoły dostaną poradnik dla nauczycieli"  # writes `cyber bezpieczeństwo`


@pytest.mark.parametrize(
    ("path", "query", "titles"),
    [
        # `cyberattacks` is the word with a letter more at its end (a plural): a form of it, not a typo.
        (EN, "cyberattack", [ATTACKS, ATTACK]),
        # `cyberbezpieczeństwa` is the word with its last letter changed (a case ending): a form of it too.
        (PL, "cyberbezpieczeństwo", [TRAINING, GUIDE]),
    ],
)
def test_a_word_a_page_holds_another_form_of_is_no_typo_and_still_finds_its_two(page, gaps_served, path, query, titles):
    # The page that writes the two apart is found too, after the one that writes the word as one, and the status
    # does not say that a start of the word was searched.
    assert titles_found(page, gaps_served.base_url, path, query) == titles
    expect(page.locator("#search-status")).not_to_contain_text("…")
