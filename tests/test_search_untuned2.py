"""Queries the search was not tuned on, typed into the real search page (real Chromium) on a real Pagefind index of
tests/fixtures/search_untuned2/ (docs/search-relevance.md, "Findings on content and queries it was not tuned on,
third audit")."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import expect

from .test_search_queries import EN, PL, built_and_served, titles_found

pytestmark = pytest.mark.browser

CONTENT = Path(__file__).parent / "fixtures" / "search_untuned2" / "content"
RATIFIES = {
    PL: "Wietnam jako pierwszy ratyfikował konwencję z Hanoi",
    EN: "Vietnam is the first to ratify the Hanoi Convention",
}
CONFERENCE = {
    PL: "Genewa: konferencja ITU i UNODC o wdrażaniu konwencji",
    EN: "Geneva: ITU and UNODC conference on implementing the convention",
}

ITU_MEMORANDUM = (
    "ITU and UNODC sign a memorandum on capacity building"  # in English only: a stand-in on the Polish page
)


@pytest.fixture(scope="module")
def untuned2_served(tmp_path_factory):
    yield from built_and_served(tmp_path_factory, CONTENT, "untuned2")


@pytest.mark.parametrize(
    ("path", "query"),
    [
        (PL, "12.03.2026"),
        (EN, "12/03/2026"),
        (PL, "Wietnam 12.03.2026"),
        # A year typed in two figures: the report, which writes it in four, was not found.
        (PL, "12.03.26"),
        (EN, "12/03/26"),
        (PL, "Wietnam 12.03.26"),
    ],
)
def test_a_day_in_figures_finds_the_pages_of_that_day_then_the_pages_whose_text_writes_it(
    page, untuned2_served, path, query
):
    # The conference report (20 April 2026) writes the day of the ratification in its text. The day was searched
    # as the `day` field's word only (`d12032026`), and Pagefind has no OR: the report was not found.
    found = titles_found(page, untuned2_served.base_url, path, query)
    assert found == [RATIFIES[path], CONFERENCE[path]], f"{query!r} on {path}"


@pytest.mark.parametrize(
    ("path", "query", "titles"),
    [
        # The report writes the British order, not the American one, nor the ISO form: only the day's page.
        (EN, "3/12/2026", [RATIFIES[EN]]),
        (PL, "2026-03-12", [RATIFIES[PL]]),
        # A day in a phrase is searched as written, in the text.
        (PL, '"12.03.2026"', [CONFERENCE[PL]]),
    ],
)
def test_a_day_the_text_writes_in_another_form_or_in_a_phrase_finds_only_the_pages_that_hold_it(
    page, untuned2_served, path, query, titles
):
    assert titles_found(page, untuned2_served.base_url, path, query) == titles, f"{query!r} on {path}"


@pytest.mark.parametrize(
    ("path", "query", "titles", "searched"),
    [
        # Pagefind searched the word no page holds as its longest indexed start, however short ("d", "k"): `ITU dogs`
        # found nothing, and `konwencja Kuba` listed the pages on the convention as if they were about Cuba.
        (EN, "ITU dogs", [CONFERENCE[EN], ITU_MEMORANDUM], "Some words are in no page as typed; searched for: ITU."),
        (PL, "ITU pies", [CONFERENCE[PL], ITU_MEMORANDUM], "szukano: ITU."),
        (PL, "konwencja Kuba", None, "szukano: konwencja."),
        (EN, "UNODC Laos", None, "searched for: UNODC."),
    ],
)
def test_a_short_word_no_page_holds_is_left_out_and_the_status_says_so(
    page, untuned2_served, path, query, titles, searched
):
    found = titles_found(page, untuned2_served.base_url, path, query)
    if titles is not None:
        assert found == titles, f"{query!r} on {path}"
    expect(page.locator("#search-status")).to_contain_text(searched)


@pytest.mark.parametrize(
    ("path", "query", "first"),
    [
        # Short words the pages hold in another form (`danych`, `sądu`) or as written are searched as typed.
        (PL, "dane osobowe", "Komunikat Ministerstwa Cyfryzacji w sprawie konwencji"),
        (PL, "UODO", "UODO: konwencja bez nowych gwarancji"),
        (PL, "sad", "Posłowie pytają o dostęp do skrzynek e-mail"),
        (EN, "Asia", CONFERENCE[EN]),
    ],
)
def test_a_short_word_the_pages_hold_is_searched_as_typed(page, untuned2_served, path, query, first):
    assert titles_found(page, untuned2_served.base_url, path, query)[0] == first, f"{query!r} on {path}"
    expect(page.locator("#search-status")).not_to_contain_text("searched for:")
    expect(page.locator("#search-status")).not_to_contain_text("szukano:")
