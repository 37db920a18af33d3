"""A search in its address, in real Chromium on the search fixture archive: the query and the filters are kept in
the URL (shared, bookmarked, reloaded), Back goes to the filters before, and the header's form GETs the same."""

from __future__ import annotations

import re
from urllib.parse import parse_qsl, urlsplit

import pytest
from playwright.sync_api import expect

from .browser import watch
from .test_search_page import EN, PL, results

pytestmark = pytest.mark.browser

SUMMARY = "#search-filters > summary"


def params(page) -> list[tuple[str, str]]:
    return parse_qsl(urlsplit(page.url).query)


def form_params(page) -> list[tuple[str, str]]:
    """What the header's search form would GET, as the browser serializes it."""
    form = "() => [...new FormData(document.getElementById('site-search-query').form)]"
    return [tuple(pair) for pair in page.evaluate(form)]


def group(page, legend: str):
    return page.locator("fieldset", has=page.locator("legend", has_text=legend))


def test_the_filters_chosen_are_in_the_address_and_back_goes_to_those_before(page, search_served):
    log = watch(page)
    page.goto(search_served.base_url + PL + "?q=Hanoi")
    everything = page.locator("#search-status").inner_text() if results(page) else ""
    page.locator(SUMMARY).click()
    group(page, "Rodzaj").get_by_label(re.compile(r"^Artykuł \(")).check()
    expect(page).to_have_url(re.compile(r"\?q=Hanoi&kind=Artyku%C5%82$"))
    group(page, "Kraj").get_by_label(re.compile(r"^Wietnam \(")).check()
    expect(page).to_have_url(re.compile(r"&country=Wietnam$"))
    expect(results(page)).to_have_count(2)
    assert params(page) == [("q", "Hanoi"), ("kind", "Artykuł"), ("country", "Wietnam")]
    assert form_params(page) == params(page)  # the form GETs what the address holds
    page.go_back()
    expect(page).to_have_url(re.compile(r"\?q=Hanoi&kind=Artyku%C5%82$"))
    expect(page.locator(SUMMARY)).to_have_text("Filtry (1)")
    expect(group(page, "Kraj").locator("input:checked")).to_have_count(0)
    page.go_back()
    expect(page.locator(SUMMARY)).to_have_text("Filtry")
    expect(page.locator("#search-status")).to_have_text(everything)
    page.go_forward()
    page.go_forward()
    expect(results(page)).to_have_count(2)
    assert not log.console_errors, log.console_errors  # nothing the CSP refused


def test_an_address_with_filters_opens_the_search_they_make(page, search_served):
    """A shared or bookmarked search: the filters shown chosen, in the open pane, and the results they narrow."""
    page.goto(search_served.base_url + PL + "?q=Hanoi&kind=Artyku%C5%82&country=Wietnam")
    expect(results(page)).to_have_count(2)
    expect(page.locator("#search-filters")).to_have_attribute("open", "")
    expect(page.locator(SUMMARY)).to_have_text("Filtry (2)")
    expect(group(page, "Kraj").get_by_label(re.compile(r"^Wietnam \("))).to_be_checked()
    page.reload()
    expect(results(page)).to_have_count(2)
    # A filter alone, no query: its pages.
    page.goto(search_served.base_url + EN + "?year=2019")
    expect(page.locator(SUMMARY)).to_have_text("Filters (1)")
    expect(page.locator("#search-status")).to_have_text(re.compile(r"^\d+ results?$"))
    assert params(page) == [("year", "2019")]
    page.locator("#site-search-query").fill("convention")
    expect(page).to_have_url(re.compile(r"\?q=convention&year=2019$"))
    assert form_params(page) == [("q", "convention"), ("year", "2019")]


def test_a_value_no_page_has_is_shown_chosen_and_can_be_cleared(page, search_served):
    """An old link's filter value the index no longer has: the search says nothing is found, not every page."""
    page.goto(search_served.base_url + EN + "?q=Hanoi&country=Atlantis")
    expect(page.locator("#search-status")).to_contain_text("No results for Hanoi", timeout=15_000)
    expect(group(page, "Country").get_by_label(re.compile(r"^Atlantis \("))).to_be_checked()
    page.get_by_role("button", name="Clear filters").click()
    expect(page).to_have_url(re.compile(r"\?q=Hanoi$"))
    expect(results(page).first).to_be_visible()
