"""A search overtaken by a newer one leaves the newer one's query alone, in real Chromium, the index's answer held
back until the newer search waits for it too (as on a slow network).

A search that finds nothing for a query with letters Pagefind does not fold retries it folded (asciiRetry). A search
that was still waiting for the index when a newer one started found nothing for its own query, and folded the
newer one's: the newer one's filter counts were then those of the folded query, which finds more pages.
"""

from __future__ import annotations

import re
import shutil

import pytest
from playwright.sync_api import expect

from .browser import serve
from .conftest import FIXTURE, build_site

pytestmark = pytest.mark.browser

EN = "/en/search/"
ARTICLE = """---
title: "{title}"
date: {date}
lang: en
translation_key: {key}
source:
  url: https://example.org/en/{key}
  publisher: Example Agency
---

Prosecutors met in {place} to practise requests for electronic evidence under the convention.
"""


@pytest.fixture(scope="module")
def two_spellings_served(tmp_path_factory):
    """The fixture archive, an article of 2025 that writes Białystok and one of 2019 that writes Bialystok."""
    content = tmp_path_factory.mktemp("two-spellings") / "content"
    shutil.copytree(FIXTURE, content)
    for year, place in (("2025", "Białystok"), ("2019", "Bialystok")):
        key = f"prosecutors-meet-in-{year}"
        text = ARTICLE.format(title=f"Prosecutors meet in {place}", date=f"{year}-03-01", key=key, place=place)
        (content / "articles" / year).mkdir(exist_ok=True)
        (content / "articles" / year / f"{key}.en.md").write_text(text, encoding="utf-8")
    yield from serve(build_site(content.parent / "output", content, SEARCH_INDEX=True))


def _index_held(page, url: str):
    """`url` opened, its search's requests for the index held back (as on a slow network) until the function
    returned is called; from then on, every request is sent on at once."""
    held: list | None = []
    page.route("**/pagefind/index/**", lambda route: route.continue_() if held is None else held.append(route))
    page.goto(url)
    for _ in range(300):
        if held:
            break
        page.wait_for_timeout(50)
    assert held, "the search asked for no part of the index"

    def send_on() -> None:
        nonlocal held
        waiting, held = held, None
        for route in waiting:
            route.continue_()

    return send_on


def test_a_search_overtaken_by_a_newer_one_does_not_fold_the_newer_one_s_query(page, two_spellings_served):
    # Found nowhere, with a letter Pagefind does not fold: its search would retry it folded. With a year chosen,
    # whose counts are counted again for the query (the others' are those of the search itself).
    send_on = _index_held(page, two_spellings_served.base_url + EN + "?q=ħqqq&year=2025")
    page.locator("#site-search-query").fill("Białystok")  # found in the article of 2025; folded, in that of 2019 too
    page.wait_for_timeout(1000)  # past the box's debounce: the newer search waits for the index
    send_on()
    expect(page.locator("#search-status")).to_contain_text("Białystok", timeout=15_000)
    expect(page.locator("#search-results")).not_to_have_attribute("aria-busy", "true", timeout=15_000)
    expect(page.locator("#search-results .search-result")).to_have_count(1)
    years = page.locator("fieldset", has=page.locator("legend", has_text="Year")).locator("label")
    expect(years).to_have_text([re.compile(r"^2025 \(1\)$")])


def test_a_search_finished_while_the_reader_types_another_query_is_not_shown_for_it(page, fixture_served):
    """Busy from the first letter typed (searchFor): a search still running when the reader typed another query, and
    done before the box's debounce started the new one, showed its results and left the list no longer busy, under a
    status naming the query in the box. A reader (or a test waiting for `aria-busy`) read them as the new query's."""
    page.clock.install()  # the box's debounce fires only when the test moves the clock on
    send_on = _index_held(page, fixture_served.base_url + EN + "?q=Negotiations")
    page.clock.pause_at(page.evaluate("Date.now()") + 1)  # no timer is due: the clock stands still from here
    page.locator("#site-search-query").fill("France")  # its search waits for the debounce, which the clock holds
    send_on()
    page.wait_for_timeout(3000)  # the search of `Negotiations` is done
    results = page.locator("#search-results")
    expect(results).to_have_attribute("aria-busy", "true")
    expect(results.locator(".search-result", has_text="Negotiations")).to_have_count(0)
    page.clock.run_for(1000)  # past the debounce: `France` is searched
    expect(results).not_to_have_attribute("aria-busy", "true", timeout=15_000)
    expect(results.locator(".search-result-title", has_text="France ratifies the convention")).to_have_count(1)
    expect(results.locator(".search-result", has_text="Negotiations")).to_have_count(0)
    expect(page.locator("#search-status")).to_contain_text("France")
