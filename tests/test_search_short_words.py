"""Which pages a query with a short word (three letters or fewer: `UN`, `EU`) lists first (docs/search-relevance.md,
"a short word written whole first"): those that write it whole, also beside a longer word (`UN Hanoi`), and, for a
word typed in capitals, those that write it so (`UN`) before those that write it in small letters only (French `un`).
In real Chromium on a real Pagefind index of its own."""

from __future__ import annotations

import pytest

from .test_search_queries import EN, built_and_served, titles_found
from .test_search_typo_real_words import write_pages

pytestmark = pytest.mark.browser

UNIONS = "The Union, the unions and the united unionists met. Unity of the Union and its unions was the theme."

# key: (lang, title, text). The pages that do not write `UN` hold many words it begins (Pagefind scores each).
PAGES = {
    "union-hanoi": ("en", "Trade unions gather", f"{UNIONS} {UNIONS} The congress was held in Hanoi."),
    "un-hanoi": ("en", "A statement on the treaty", "The UN envoy spoke in Hanoi about the treaty and its budget."),
    "french": ("en", "A French proverb", f"{UNIONS} The minister quoted it: un jour, un ami, un accord, un pays."),
    "un-agency": ("en", "The agency reports", "The UN agency published its yearly report on refugees and aid."),
}


@pytest.fixture(scope="module")
def short_served(tmp_path_factory):
    content = write_pages(tmp_path_factory.mktemp("short-words") / "content", PAGES)
    yield from built_and_served(tmp_path_factory, content, "short-words")


def test_a_short_word_beside_a_longer_one_finds_the_page_that_writes_it_whole_first(page, short_served):
    """`UN Hanoi` listed first the page that writes `Union`, `unions`, `united`… and `Hanoi`: only a query of short
    words only was re-ordered."""
    found = titles_found(page, short_served.base_url, EN, "UN Hanoi")
    assert found[:1] == [PAGES["un-hanoi"][1]], found


def test_a_word_typed_in_capitals_finds_the_pages_that_write_it_so_first(page, short_served):
    """`UN` listed the page that writes the French `un` among those that write `UN`, by its score."""
    found = titles_found(page, short_served.base_url, EN, "UN")
    assert set(found[:2]) == {PAGES["un-hanoi"][1], PAGES["un-agency"][1]}, found
    assert PAGES["french"][1] in found, found  # still found, after them


def test_a_word_typed_in_small_letters_finds_every_page_that_writes_it_whole_first(page, short_served):
    found = titles_found(page, short_served.base_url, EN, "un")
    assert PAGES["union-hanoi"][1] not in found[:3], found
