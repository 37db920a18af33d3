"""Queries the search was not tuned on, typed into the real search page (real Chromium) on a real Pagefind index of
tests/fixtures/search_untuned2/ (docs/search-relevance.md, "Findings on content and queries it was not tuned on,
third audit")."""

from __future__ import annotations

from pathlib import Path

import pytest

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


@pytest.fixture(scope="module")
def untuned2_served(tmp_path_factory):
    yield from built_and_served(tmp_path_factory, CONTENT, "untuned2")


@pytest.mark.parametrize(
    ("path", "query"),
    [
        (PL, "12.03.2026"),
        (EN, "12/03/2026"),
        (PL, "Wietnam 12.03.2026"),
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
