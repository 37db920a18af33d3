"""Which typos the search page corrects (docs/search-relevance.md, "What search28 changed"): a word one edit from a
word a page writes (Damerau: a letter changed, added, left out, or two next to each other swapped), two edits in a
word of nine letters or more, a change of the first letter counting two, as Meilisearch counts them; wherever the
typo is, the second letter too. A word a page writes is never a typo, nor a form of one (a difference at the end
only). The status keeps the correction, and its link to the query as typed, when more results are shown. In real
Chromium on a real Pagefind index of its own."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from .test_search_queries import EN, PL, built_and_served, titles_found, titles_shown
from .test_search_typo_real_words import SEARCHED_AS, write_pages

pytestmark = pytest.mark.browser

DELEGATIONS = 12  # more than a page of results for `Hanoi`

# key: (lang, title, text)
PAGES = {
    "convention": (
        "en",
        "The treaty opens for signature",
        "The Convention against Cybercrime opened for signature. The convention sets rules on electronic evidence.",
    ),
    "surveillance": ("en", "Rights groups warn", "Rights groups warned about surveillance without safeguards."),
    "conservation": (
        "en",
        "A park is protected",
        "Conservation of the park matters. Conservation groups praised the conservation plan.",
    ),
    "conversation": ("en", "A phone call", "The ministers held a conversation by phone."),
    "konwencja": ("pl", "Traktat otwarty do podpisu", "Konwencja o cyberprzestępczości została otwarta do podpisu."),
    "hanoi-pl": ("pl", "Ceremonia w stolicy", "Przedstawiciele państw spotkali się w Hanoi."),
    **{
        f"delegation-{n}": ("en", f"Delegation number {n}", f"Delegation {n} met its hosts in Hanoi.")
        for n in range(1, DELEGATIONS + 1)
    },
}


@pytest.fixture(scope="module")
def typos_served(tmp_path_factory):
    content = write_pages(tmp_path_factory.mktemp("typo-classes") / "content", PAGES)
    yield from built_and_served(tmp_path_factory, content, "typo-classes")


@pytest.mark.parametrize(
    ("path", "query", "title", "searched"),
    [
        # Two letters swapped inside the half of the word the index holds a start of (`Conve…`): searched as that start.
        (EN, "Convetnion", PAGES["convention"][1], "Convention"),
        # The second letter: the index holds no start of two letters (`Hn`), so no page was found to read it from.
        (EN, "Hnaoi", f"Delegation number {DELEGATIONS}", "Hanoi"),
        (PL, "Hnaoi", f"Delegation number {DELEGATIONS}", "Hanoi"),  # the newest page's stand-in
        (PL, "Knowencja", PAGES["konwencja"][1], "Konwencja"),
        # Two edits in a word of nine letters or more.
        (EN, "survelliance", PAGES["surveillance"][1], "surveillance"),
        (EN, "Convnetoin", PAGES["convention"][1], "Convention"),
        # The first letter counts two: corrected in a word of nine letters or more.
        (EN, "Cnovention", PAGES["convention"][1], "Convention"),
    ],
)
def test_a_typo_of_a_word_a_page_writes_is_searched_as_that_word(page, typos_served, path, query, title, searched):
    found = titles_found(page, typos_served.base_url, path, query)
    assert title in found, f"{query!r} on {path}: {found}"
    expect(page.locator("#search-status")).to_contain_text(f": {searched}.")


@pytest.mark.parametrize(
    ("path", "query", "title"),
    [
        # Two letters from `conservation`, which the better page writes three times: a word a page writes.
        (EN, "conversation", PAGES["conversation"][1]),
        (EN, "conservation", PAGES["conservation"][1]),
    ],
)
def test_a_word_a_page_writes_is_never_a_typo(page, typos_served, path, query, title):
    found = titles_found(page, typos_served.base_url, path, query)
    assert found[:1] == [title], f"{query!r} on {path}: {found}"
    expect(page.locator("#search-status")).not_to_contain_text(SEARCHED_AS)


@pytest.mark.parametrize(
    ("path", "query"),
    [
        (EN, "Hnaio"),  # two edits in a word of five letters
        (EN, "Xanoi"),  # the first letter, in a word of five
    ],
)
def test_a_short_word_further_off_is_not_taken_for_a_typo(page, typos_served, path, query):
    titles_found(page, typos_served.base_url, path, query)
    expect(page.locator("#search-status")).not_to_contain_text("Hanoi")


def test_more_results_keep_the_correction_and_the_search_as_typed(page, typos_served):
    """The status said "Showing 13 of 13 results" alone after "More results": the correction, and its link to the
    query as typed, were gone."""
    titles_found(page, typos_served.base_url, EN, "Hanio")
    status = page.locator("#search-status")
    expect(status).to_contain_text("searched for: Hanoi.")
    page.get_by_role("button", name="More results").click()
    found = DELEGATIONS + 1  # and the Polish page's stand-in
    expect(page.locator("#search-results li")).to_have_count(found)
    expect(status).to_contain_text(f"Showing {found} of {found} results")
    expect(status).to_contain_text("searched for: Hanoi.")
    link = status.get_by_role("link", name="Search instead for Hanio")
    expect(link).to_have_count(1)
    link.click()
    titles_shown(page)
    expect(page.locator("#site-search-query")).to_have_value('"Hanio"')


@pytest.mark.parametrize(("path", "searched_as"), [(EN, "Some words"), (PL, "Niektórych")])
def test_the_status_ends_the_count_s_sentence_before_it_says_what_was_searched(page, typos_served, path, searched_as):
    """The live region read "13 results for Hanio Some words are in no page as typed…", and after "More results"
    "Showing 13 of 13 results Some words…": one sentence run into the next, without its full stop."""
    titles_found(page, typos_served.base_url, path, "Hanio")
    status = page.locator("#search-status")
    ended = re.compile(rf"^[^.]*\w\. {searched_as}")
    expect(status).to_have_text(ended)
    page.get_by_role("button", name=re.compile("More results|Więcej wyników")).click()
    expect(page.locator("#search-results li")).to_have_count(DELEGATIONS + 1)
    expect(status).to_have_text(ended)


def test_more_results_superseded_by_a_new_search_leave_its_status_alone(page, typos_served):
    """A click on "More results" while its pages' texts were loading, then the query searched again: the new search
    said "13 results for Hanio…", and the click, once its texts came, rewrote it "Showing 10 of 13 results…": the
    live region said a stale count a second time."""
    titles_found(page, typos_served.base_url, EN, "Hanio")
    held = []
    page.route("**/pagefind/fragment/**", lambda route: held.append(route))  # the second ten's texts wait
    page.get_by_role("button", name="More results").click()
    for _ in range(50):
        if held:
            break
        page.wait_for_timeout(100)
    assert held, "the second ten's texts were never asked for"
    page.locator("#site-search-query").press("Enter")  # the same query, searched again: its texts are loaded
    status = page.locator("#search-status")
    expect(status).to_have_text(re.compile("^13 results for Hanio"))
    for route in held:
        route.continue_()
    page.unroute("**/pagefind/fragment/**")
    page.wait_for_timeout(1_000)
    expect(status).to_have_text(re.compile("^13 results for Hanio"))
