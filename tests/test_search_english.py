"""What a reader of the English side, or one reading across the two languages, types into the search page, in real
Chromium on a real Pagefind index of tests/fixtures/search_english/ (docs/search-relevance.md, "Findings on the
English side")."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import parse_qsl, urlsplit

import pytest
from playwright.sync_api import expect

from .browser import watch
from .test_search_queries import EN, PL, built_and_served, titles_found, titles_shown

pytestmark = pytest.mark.browser

CONTENT = Path(__file__).parent / "fixtures" / "search_english" / "content"
SIGNING = "72 states sign in Hanoi"
SIGNING_PL = "72 państwa podpisują w Hanoi"
RESOLUTION = "General Assembly adopts the cybercrime convention"
EVIDENCE = "Police chiefs want faster e-evidence requests"
ARABIC = "الأدلة"


@pytest.fixture(scope="module")
def english_served(tmp_path_factory):
    yield from built_and_served(tmp_path_factory, CONTENT, "english")


@pytest.mark.parametrize(
    ("path", "query", "first"),
    [
        (EN, "sign", SIGNING),
        (EN, "signed", SIGNING),
        (EN, "signing", SIGNING),
        (EN, "signatories", SIGNING),
        (EN, "signatures", RESOLUTION),  # "signature": "signatories" is another stem
        (EN, "Vietnam's", "Vietnam"),  # the country's page, then the article
        (EN, "Vietnam’s", "Vietnam"),
        (EN, "Viet Nam", "Vietnam"),
        (EN, "Wietnam", "Vietnam"),
        (EN, "USA", "United States"),
        (EN, "United States", "United States"),
        (EN, "UK", "United Kingdom"),
        (EN, "Cote d'Ivoire", "Côte d’Ivoire"),  # no accent, a straight apostrophe
        (EN, "cote divoire", "Côte d’Ivoire"),
        (EN, "Ivory Coast", "Côte d’Ivoire"),  # CLDR's variant name (ICU's region data)
        (EN, "cyber-crime", RESOLUTION),
        (EN, "cyber crime", EVIDENCE),
        (EN, "e-evidence", EVIDENCE),
        (EN, "eevidence", EVIDENCE),
        (EN, "79/243", RESOLUTION),
        (EN, "A/RES/79/243", RESOLUTION),
        (EN, "72", SIGNING),
        (EN, "UNODC", EVIDENCE),
        (EN, "GENERAL assembly", RESOLUTION),
        (EN, "general\nassembly", RESOLUTION),  # pasted across a line break
        (EN, "“signed the convention”", SIGNING),
        (EN, "(signatories).", SIGNING),
        (EN, "police & crime", EVIDENCE),
        (EN, "signed 🎉", SIGNING),
        (EN, ARABIC, EVIDENCE),
        (PL, "pazdziernika", SIGNING_PL),
        (PL, "panstwa", SIGNING_PL),
        (PL, "Lodz", SIGNING_PL),
        (PL, "Vietnam", "Wietnam"),
        (PL, "USA", "Stany Zjednoczone"),
        (PL, "Cote d'Ivoire", "Côte d’Ivoire"),
        (PL, "Wybrzeże Kości Słoniowej", "Côte d’Ivoire"),
        (PL, "Ivory Coast", "Côte d’Ivoire"),
    ],
)
def test_an_english_or_cross_language_query_finds_its_page_first(page, english_served, path, query, first):
    found = titles_found(page, english_served.base_url, path, query)
    assert found[:1] == [first], f"{query!r} on {path}: {found}"


@pytest.mark.parametrize(
    ("query", "as_if"),
    [
        # Parts no indexed word joins: Pagefind searched the start it holds ("signed"), as if the rest were not typed.
        ("signed+convention", "signed convention"),
        ("signed/convention", "signed convention"),
        ("signed,convention", "signed convention"),
        ("states:signed+convention", "states signed convention"),
        ("(signed+convention)", "signed convention"),
        # Parts an indexed word joins, which Pagefind finds as that word: kept.
        ("cyber/crime", "cybercrime"),
        ("cyber-crime", "cybercrime"),
        ("e-evidence", "eevidence"),
        ("U.N.", "UN"),
        ("A/RES/79/243", "ares79243"),
        ("the “Hanoi” convention", "the Hanoi convention"),
    ],
)
def test_punctuation_inside_a_query_word_joins_only_what_the_index_joins(page, english_served, query, as_if):
    base = english_served.base_url
    assert titles_found(page, base, EN, query) == titles_found(page, base, EN, as_if)


def test_a_pasted_passage_of_500_characters_finds_its_article(page, english_served):
    passage = (CONTENT / "articles" / "2025" / "signing-count.en.md").read_text().split("---\n")[2]
    query = f"{passage.strip()}\n\n{passage.strip()}"[:500].rsplit(" ", 1)[0]  # pasted twice, as it happens
    assert len(query) > 450 and "\n" in query
    assert titles_found(page, english_served.base_url, EN, query)[:1] == [SIGNING]


@pytest.mark.parametrize(
    "query",
    [
        "\u202esigned",  # a right-to-left override, as pasted from a chat or a spoofed file name
        "\u2066signed\u2069",  # a left-to-right isolate and its end
        "sig\u034fned",  # a combining grapheme joiner
        "signed\ufe0f",  # a variation selector
    ],
)
def test_a_query_carrying_any_invisible_format_character_finds_what_it_finds_without(page, english_served, query):
    assert titles_found(page, english_served.base_url, EN, query) == titles_found(
        page, english_served.base_url, EN, "signed"
    )
    # What the reader is shown of the query is what they meant: no override turns the words around it.
    expect(page.locator("#search-heading")).to_have_text("Results for signed")


def test_an_override_in_the_address_is_no_query(page, english_served):
    page.goto(f"{english_served.base_url}{EN}?q=%E2%80%AE")
    expect(page.locator("#search-results a.search-result-link")).to_have_count(0)
    expect(page.locator("#search-status")).to_have_text("")
    expect(page.locator("#search-heading")).to_have_text("Search the archive")


def x_of(page, selector: str, text: str) -> float:
    """The left edge, on screen, of the first character of `text` in the element's text."""
    return page.evaluate(
        """([selector, text]) => {
            const node = document.querySelector(selector);
            const walker = document.createTreeWalker(node, NodeFilter.SHOW_TEXT);
            for (let current = walker.nextNode(); current; current = walker.nextNode()) {
                const at = current.textContent.indexOf(text);
                if (at < 0) continue;
                const range = document.createRange();
                range.setStart(current, at);
                range.setEnd(current, at + 1);
                return range.getBoundingClientRect().left;
            }
            return null;
        }""",
        [selector, text],
    )


def test_a_right_to_left_query_does_not_carry_the_words_after_it_to_its_side(page, english_served):
    # The Polish status says "Wyniki dla <query>: <count>": without isolation the count after an Arabic word is
    # laid out as part of it, to its left ("1 :الأدلة").
    assert len(titles_found(page, english_served.base_url, PL, ARABIC)) == 2
    expect(page.locator("#search-status")).to_contain_text(": 2")
    assert x_of(page, "#search-status", "2") > x_of(page, "#search-status", ARABIC)


@pytest.mark.parametrize(
    ("address", "query"),
    [
        ("signed%2520convention", "signed convention"),  # encoded twice: %20 for the space, then its % again
        ("signed%252Bconvention", "signed+convention"),
        ("C%25C3%25B4te", "Côte"),
        ("%253Cscript%253Ealert(1)%253C%252Fscript%253E", "<script>alert(1)</script>"),  # text, as once
    ],
)
def test_a_query_encoded_twice_in_the_address_is_read_as_once(page, english_served, address, query):
    expected = titles_found(page, english_served.base_url, EN, query)
    page.goto(f"{english_served.base_url}{EN}?q={address}")
    expect(page.locator("#site-search-query")).to_have_value(query, timeout=15_000)
    expect(page.locator("#search-heading")).to_have_text(f"Results for {query}")
    assert titles_shown(page) == expected
    assert parse_qsl(urlsplit(page.url).query) == [("q", query)]  # the address now says it once
    assert page.locator("#search-heading *:not(bdi)").count() == 0


@pytest.mark.parametrize("query", ["general\nassembly", "general\r\n\r\nassembly", "general\tassembly"])
def test_a_query_with_line_breaks_in_the_address_is_the_words_with_spaces(page, english_served, query):
    """The box drops a line break (HTML's rule for a one-line field): "generalassembly", which one more letter
    typed would have searched."""
    assert titles_found(page, english_served.base_url, EN, query) == [RESOLUTION]
    expect(page.locator("#site-search-query")).to_have_value("general assembly")
    expect(page.locator("#search-heading")).to_have_text("Results for general assembly")
    page.locator("#site-search-query").press("End")
    page.locator("#site-search-query").press_sequentially(" adopts")
    expect(page.locator("#search-heading")).to_have_text("Results for general assembly adopts")
    assert titles_shown(page) == [RESOLUTION]


@pytest.mark.parametrize("query", ["100%25", "signed%20convention", "50%2", "%E2%80%AE"])
def test_a_percent_escape_typed_is_kept_on_reload_back_and_in_the_other_language(page, english_served, query):
    """The address of a typed search is read as a link's is (decoded once more if it still holds escapes): the page
    writes a typed `%` escaped once more, so that what the reader typed comes back as typed."""
    page.goto(f"{english_served.base_url}{EN}?q=signed")
    expect(page.locator("#search-results a.search-result-link").first).to_be_visible(timeout=15_000)
    page.locator("#site-search-query").fill(query)
    page.locator("#site-search-query").press("Enter")
    expect(page.locator("#search-heading")).to_have_text(f"Results for {query}")
    page.reload()
    expect(page.locator("#site-search-query")).to_have_value(query)
    expect(page.locator("#search-heading")).to_have_text(f"Results for {query}")
    page.go_back()
    expect(page.locator("#site-search-query")).to_have_value("signed")
    page.go_forward()
    expect(page.locator("#site-search-query")).to_have_value(query)
    page.locator(".language-switch a[hreflang=pl]").click()
    expect(page.locator("#site-search-query")).to_have_value(query)


def test_a_percent_sign_that_escapes_nothing_stays_as_typed(page, english_served):
    titles_found(page, english_served.base_url, EN, "100%")
    expect(page.locator("#site-search-query")).to_have_value("100%")


def search_by_enter(page, query: str) -> None:
    page.locator("#site-search-query").fill(query)
    page.locator("#site-search-query").press("Enter")
    expect(page.locator("#search-heading")).to_have_text(f"Results for {query}")
    expect(page.locator("#search-results a.search-result-link").first).to_be_visible(timeout=15_000)


def test_back_returns_to_each_search_the_reader_made(page, english_served):
    """A search sent with Enter (or left by leaving the box) is a step of the history; the letters typed are not."""
    log = watch(page)
    page.goto(f"{english_served.base_url}{EN}?q=signed")
    expect(page.locator("#search-results a.search-result-link").first).to_be_visible(timeout=15_000)
    search_by_enter(page, "Vietnam")
    search_by_enter(page, "UNODC")
    page.go_back()
    expect(page).to_have_url(re.compile(r"\?q=Vietnam$"))
    expect(page.locator("#site-search-query")).to_have_value("Vietnam")
    expect(page.locator("#search-results a.search-result-link").first).to_have_text("Vietnam")
    page.go_back()
    expect(page).to_have_url(re.compile(r"\?q=signed$"))
    expect(page.locator("#search-results a.search-result-link").first).to_have_text(SIGNING)
    page.go_forward()
    expect(page.locator("#site-search-query")).to_have_value("Vietnam")
    # Typed letter by letter: one step for the whole query, not one per letter.
    page.locator("#site-search-query").fill("")
    page.locator("#site-search-query").press_sequentially("UK", delay=300)
    expect(page.locator("#search-results a.search-result-link").first).to_have_text("United Kingdom")
    page.go_back()
    expect(page).to_have_url(re.compile(r"\?q=Vietnam$"))
    assert not log.console_errors, log.console_errors
