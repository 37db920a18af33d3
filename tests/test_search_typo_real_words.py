"""A typo's correction (search27: a word no page's first result writes, one letter off a word it writes, searched as
that word) never hides a word a page does write: a rare real word, written by one page only, one letter from a word
a better-ranked page writes, is searched as typed (docs/search-relevance.md, "What review31 found"), in real Chromium
on a real Pagefind index."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from playwright.sync_api import expect

from .test_search_archive_readers import article
from .test_search_queries import EN, PL, built_and_served, titles_found, titles_shown

pytestmark = pytest.mark.browser

# key: (lang, title, text). The first page of each stem is written so that Pagefind ranks it first for the rare word
# too (its stem's form many times), and it writes the common word one letter off the rare one.
PAGES = {
    "usage": (
        "en",
        "How the organization works",
        "The organization met. The organization voted. The organization agreed with partner organisations.",
    ),
    "rare": (
        "en",
        "A report from Kowalsky",
        "Kowalsky wrote that the committee of organizations was dissolved, and the budget was spent.",
    ),
    "rodzina": (
        "pl",
        "Rodzina Kowalskich",
        "Jan Kowalski i Anna Kowalski odwiedzili Kowalskiego w Gdańsku. Kowalski pisał o tym w gazecie.",
    ),
    "nazwisko": (
        "pl",
        "Relacja pani Kowalskiej",
        "Kowalskiej nie było na posiedzeniu komisji, która omawiała budżet miasta.",
    ),
    "hanoi": ("en", "Convention signed in Hanoi", "Representatives of 72 states signed the convention in Hanoi."),
    "hanoi-pl": ("pl", "Konwencja podpisana w Hanoi", "Przedstawiciele 72 państw podpisali konwencję w Hanoi."),
}


SEARCHED_AS = re.compile("searched for|szukano")


def write_pages(root: Path, pages: dict[str, tuple[str, str, str]]) -> Path:
    """Each page, (lang, title, text) by key, as an article of its own in one language, a day apart."""
    folder = root / "articles" / "2025"
    folder.mkdir(parents=True)
    for n, (key, (lang, title, text)) in enumerate(pages.items()):
        page = article(key, lang, lang, f"2025-03-{n + 1:02d}", [], title, text)
        (folder / f"{key}.{lang}.md").write_text(page, encoding="utf-8")
    return root


@pytest.fixture(scope="module")
def typo_served(tmp_path_factory):
    content = write_pages(tmp_path_factory.mktemp("typo-real-words") / "content", PAGES)
    yield from built_and_served(tmp_path_factory, content, "typo-real-words")


@pytest.mark.parametrize(
    ("path", "query", "title"),
    [
        # One page writes `organizations`; the first page Pagefind finds for it (by its stem, `organ`) writes
        # `organization` and `organisations`, one letter off: the query was searched as `organisations`, and the page
        # that writes the word typed was not found.
        (EN, "organizations", PAGES["rare"][1]),
        (EN, "organizations budget", PAGES["rare"][1]),
        # A surname's rarer form, one letter from a form a better-ranked page writes.
        (PL, "Kowalskiej", PAGES["nazwisko"][1]),
    ],
)
def test_a_word_a_page_writes_is_searched_as_typed(page, typo_served, path, query, title):
    found = titles_found(page, typo_served.base_url, path, query)
    assert title in found, f"{query!r} on {path}: {found}"
    expect(page.locator("#search-status")).not_to_contain_text(SEARCHED_AS)


@pytest.mark.parametrize(
    ("path", "query", "searched", "instead"),
    [
        (EN, "Hanio", "Hanoi", "Search instead for Hanio"),
        (PL, "Hanio", "Hanoi", "Zamiast tego szukaj: Hanio"),
        (EN, "Hanio convention", "Hanoi convention", "Search instead for Hanio convention"),
    ],
)
def test_a_typo_searched_as_a_word_a_page_writes_offers_the_search_as_typed(
    page, typo_served, path, query, searched, instead
):
    """The status says what was searched, in the page's language, and links to the query as typed (the word taken
    as a typo quoted, which Pagefind searches as typed): a rare word the correction missed is one step away."""
    titles_found(page, typo_served.base_url, path, query)
    status = page.locator("#search-status")
    expect(status).to_contain_text(f": {searched}.")
    link = status.get_by_role("link", name=instead)
    expect(link).to_have_count(1)
    link.press("Enter")  # a keyboard's reader as well
    titles_shown(page)
    typed = f'"{query.split()[0]}"'
    expect(page.locator("#site-search-query")).to_have_value(" ".join([typed, *query.split()[1:]]))
    expect(status).not_to_contain_text(SEARCHED_AS)


def test_the_status_saying_a_typo_is_announced_once(page, typo_served):
    """The status is the page's live region (role=status): each change to it is read out. The same query searched
    again (Enter pressed, the filters opened) leaves it as it is, so that a screen reader does not say the correction
    and its link again."""
    titles_found(page, typo_served.base_url, EN, "Hanio convention")
    status = page.locator("#search-status")
    expect(status).to_contain_text("searched for: Hanoi convention.")
    page.evaluate(
        """() => {
          window.statusChanges = 0;
          new MutationObserver((changes) => (window.statusChanges += changes.length)).observe(
            document.getElementById("search-status"), { childList: true, subtree: true, characterData: true });
        }"""
    )
    page.locator("#site-search-query").press("Enter")
    titles_shown(page)
    page.locator("#search-filters summary").click()
    expect(page.locator("#search-filter-groups input").first).to_be_visible()
    titles_shown(page)
    expect(status).to_contain_text("searched for: Hanoi convention.")
    assert page.evaluate("window.statusChanges") == 0
