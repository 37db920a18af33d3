"""Search in real headless Chromium: Pagefind's index of the fixture archive, the search page's UI, under the CSP."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from playwright.sync_api import expect

from .browser import RESULT_TARGETS, watch
from .fixture_archive import EN_ARTICLE, PL_ARTICLE, URL

pytestmark = pytest.mark.browser

PL_SEED, EN_SEED = PL_ARTICLE, EN_ARTICLE  # the pair made from the fixture's raw source
LODZ = URL["lodz-conference", "pl"]
COMMITTEE = URL["committee-approves-draft", "pl"]
CIVIL = URL["civil-society-concerns", "en"]
PL_SEARCH, EN_SEARCH = "/pl/szukaj/", "/en/search/"
# Chromium asks every site for /favicon.ico; the archive has none. Playwright does not see that request.
FAVICON_404 = "Failed to load resource: the server responded with a status of 404 (File not found)"


def errors(log) -> list[str]:
    return [error for error in log.console_errors if error != FAVICON_404]


BOX = "#site-search-query"  # the header's search box, which is the search page's own
STATUS = "#search-status"


def search(page, query: str) -> None:
    box = page.locator(BOX)
    box.fill(query)
    expect(page.locator(STATUS)).to_contain_text(query, timeout=10_000)


def result_links(page):
    return page.locator("#search-results a.search-result-link")


def open_filters(page):
    """The filter pane, opened (its data is loaded only then)."""
    page.locator("#search-filters > summary").click()
    pane = page.locator("#search-filters")
    expect(pane.locator("fieldset").first).to_be_visible(timeout=10_000)
    return pane


def result_paths(page) -> list[str]:
    """The paths the listed results link to, once the search is done (read as the first appeared, some were missed)."""
    expect(page.locator(STATUS)).not_to_have_text(re.compile(r"^(|Szukam…|Searching…)$"), timeout=10_000)
    expect(page.locator("#search-results")).not_to_have_attribute("aria-busy", "true", timeout=10_000)
    return result_links(page).evaluate_all("links => links.map(a => a.pathname)")


# Articles live at /<lang>/<year>/<slug>/; the other results are country pages and timeline entries.
ARTICLE_LINK = "#search-results a.search-result-link[href*='/20']"


def article_paths(page, count: int) -> list[str]:
    """The paths of the article results, once `count` of them are listed."""
    links = page.locator(ARTICLE_LINK)
    expect(links).to_have_count(count, timeout=10_000)
    return links.evaluate_all("links => links.map(a => a.pathname)")


def result_targets(page, count: int) -> list[str]:
    """Path and anchor of every result (a timeline entry is `/en/timeline/2025/#id`), once `count` are listed."""
    links = result_links(page)
    expect(links).to_have_count(count, timeout=10_000)
    return links.evaluate_all(RESULT_TARGETS)


@pytest.mark.parametrize("query", ["Białoruś", "Bialorus", "białorusi", "BIALORUSI"])
def test_polish_queries_with_and_without_polish_letters_find_the_seed(page, fixture_served, query):
    page.goto(fixture_served.base_url + PL_SEARCH)
    search(page, query)
    assert article_paths(page, 1) == [PL_SEED]


def test_english_query_finds_the_english_article(page, fixture_served):
    page.goto(fixture_served.base_url + EN_SEARCH)
    search(page, "Ostrander")
    assert result_paths(page) == [EN_SEED]
    expect(result_links(page).first).to_have_text(re.compile(r"^Convention signed in Hanoi"))


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("Lodz", [LODZ]),
        ("Łódź", [LODZ]),
        ("wlaczenie", [LODZ]),
        ("włączenie", [LODZ]),
        ("państw", [URL["signature-count-grows", "pl"], PL_SEED, URL["first-ratification", "pl"]]),  # stemmed
    ],
)
def test_folded_and_normal_queries(page, fixture_served, query, expected):
    page.goto(fixture_served.base_url + PL_SEARCH)
    search(page, query)
    assert sorted(article_paths(page, len(expected))) == sorted(expected)


def test_country_filter_narrows_results(page, fixture_served):
    log = watch(page)
    page.goto(fixture_served.base_url + PL_SEARCH + "?q=Hanoi")
    result_paths(page)
    filters = open_filters(page)
    expect(filters).to_contain_text("Kraj")  # filter names and values in the page's language
    expect(filters).to_contain_text("Rodzaj")
    expect(filters).to_contain_text("Artykuł")
    filters.get_by_label(re.compile(r"^Artykuł")).check()  # Hanoi is also on the timeline and on country pages
    expect(result_links(page)).to_have_count(3)
    assert sorted(result_paths(page)) == sorted([LODZ, PL_SEED, COMMITTEE])
    filters.get_by_label(re.compile(r"^Białoruś")).check()
    expect(result_links(page)).to_have_count(1)
    assert result_paths(page) == [PL_SEED]
    filters.get_by_label(re.compile(r"^Białoruś")).uncheck()
    filters.get_by_label(re.compile(r"^Wietnam")).check()
    expect(result_links(page)).to_have_count(2)
    assert sorted(result_paths(page)) == sorted([PL_SEED, COMMITTEE])
    assert not errors(log), errors(log)


def test_query_string_runs_the_search(page, fixture_served):
    page.goto(fixture_served.base_url + PL_SEARCH + "?q=Hanoi")
    assert result_paths(page)[0] == PL_SEED  # the best match first
    expect(page.locator(BOX)).to_have_value("Hanoi")
    expect(page.locator(STATUS)).to_contain_text(re.compile(r"Wyniki dla Hanoi: \d+"))


@pytest.mark.parametrize(
    ("path", "query", "summary"),
    [(PL_SEARCH, "Białoruś", "Wyniki dla Białoruś: 2"), (EN_SEARCH, "Belarus", "2 results for Belarus")],
)
def test_the_count_of_results_reads_right_in_the_page_language(page, fixture_served, path, query, summary):
    # Pagefind has one plural form; Polish needs "2 wyniki", "5 wyników": the site's catalog says "Wyniki: 2".
    page.goto(f"{fixture_served.base_url}{path}?q={query}")
    expect(result_links(page)).to_have_count(2)
    expect(page.locator(STATUS)).to_have_text(summary)


def test_typing_keeps_the_query_string_in_step(page, fixture_served):
    page.goto(fixture_served.base_url + EN_SEARCH)
    search(page, "Ostrander")
    expect(page).to_have_url(re.compile(r"/en/search/\?q=Ostrander$"))


@pytest.mark.parametrize(
    ("path", "message"),
    [(PL_SEARCH, "Brak wyników dla qqxyzzy"), (EN_SEARCH, "No results for qqxyzzy")],
)
def test_no_hits_says_so_in_the_page_language(page, fixture_served, path, message):
    page.goto(fixture_served.base_url + path + "?q=qqxyzzy")
    expect(page.locator(STATUS)).to_contain_text(message, timeout=10_000)
    expect(result_links(page)).to_have_count(0)


@pytest.mark.parametrize("path", [PL_SEARCH + "?q=Hanoi", EN_SEARCH + "?q=Ostrander"])
def test_no_console_errors_and_nothing_from_elsewhere_under_the_csp(page, fixture_served, path):
    log = watch(page)
    response = page.goto(fixture_served.base_url + path)
    csp = page.locator('meta[http-equiv="Content-Security-Policy"]').get_attribute("content")
    assert "script-src 'self' 'wasm-unsafe-eval';" in csp and "'unsafe-inline'" not in csp
    assert response.status == 200
    result_paths(page)
    page.locator(BOX).fill("Konwencja")
    page.wait_for_timeout(800)
    assert not errors(log), errors(log)
    assert not log.failures, log.failures
    assert all(url.startswith(fixture_served.base_url) for url in log.requests), log.requests


@pytest.mark.parametrize(
    ("start", "query", "results_page", "expected"),
    [
        ("/pl/", "Lodz", PL_SEARCH, LODZ),
        (PL_SEED, "Bialorus", PL_SEARCH, PL_SEED),
        ("/en/", "Ostrander", EN_SEARCH, EN_SEED),
        (EN_SEED, "Quillfeather", EN_SEARCH, CIVIL),
        (PL_SEARCH, "wlaczenie", PL_SEARCH, LODZ),
    ],
)
def test_header_search_box_leads_to_results(page, fixture_served, start, query, results_page, expected):
    page.goto(fixture_served.base_url + start)
    page.get_by_role("search").first.get_by_role("searchbox").fill(query)
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(re.escape(results_page) + r"\?q=" + query))
    assert article_paths(page, 1) == [expected]


def test_header_search_box_works_without_javascript_up_to_the_search_page(chromium, fixture_served):
    context = chromium.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(fixture_served.base_url + PL_SEED)
    page.get_by_label("Przeszukaj archiwum").fill("Hanoi")
    page.get_by_role("button", name="Szukaj").click()
    expect(page).to_have_url(re.compile(r"/pl/szukaj/\?q=Hanoi$"))
    expect(page.locator("main")).to_contain_text("Wyszukiwanie wymaga JavaScriptu", use_inner_text=True)
    context.close()


def test_result_leads_to_the_passage_with_the_words_marked(page, fixture_served):
    """A result's link carries a text fragment of its excerpt's marked words (with a word around them): the
    browser scrolls to that passage and marks the words, and the article page runs no script for it."""
    log = watch(page)
    page.set_viewport_size({"width": 400, "height": 300})  # the passage is below the first screen
    page.goto(fixture_served.base_url + PL_SEARCH + "?q=Bialorus")
    link = page.locator(ARTICLE_LINK).first
    # "Bialorus" is folded: the search page marks "Białorusi" in the excerpt, and the fragment names it so, pinned to
    # the excerpt's passage by its words around it: both, then each (where the page joins two blocks, one holds).
    marked = "Bia%C5%82orusi"
    expect(link).to_have_attribute("href", PL_SEED + f"#:~:text=z-,{marked},-i&text=z-,{marked}&text={marked},-i")
    link.click()
    expect(page).to_have_url(re.compile(re.escape(PL_SEED)))
    passage = page.locator("main p", has_text="z Białorusi i z").first
    expect(passage).to_be_in_viewport()
    assert page.evaluate("window.scrollY") > 0
    marked = passage.screenshot()
    assert page.evaluate("document.querySelectorAll('script[src], script[type=module]').length") == 0
    page.goto("about:blank")
    page.goto(fixture_served.base_url + PL_SEED)  # the same page, without the fragment: nothing marked
    passage.scroll_into_view_if_needed()
    assert passage.screenshot() != marked
    assert not errors(log), errors(log)


def test_results_can_be_sorted_by_date(page, fixture_served):
    page.goto(fixture_served.base_url + PL_SEARCH)
    dates = page.evaluate(
        """async () => {
          const pagefind = await import("/pagefind/pagefind.js");
          const search = await pagefind.search("Hanoi", { sort: { date: "desc" }, filters: { Rodzaj: "Artykuł" } });
          return Promise.all(search.results.map(async (r) => (await r.data()).meta.date));
        }"""
    )
    assert dates == ["d20251105", "d20251026", "d20240809"]  # as days are held (docs/search-relevance.md)


def test_folded_terms_are_in_the_page_for_pagefind_but_readers_never_see_them(page, fixture_served):
    html = (Path(fixture_served.directory) / PL_SEED.strip("/") / "index.html").read_text(encoding="utf-8")
    # Added at render time, inside the indexed region, as a metadata field Pagefind reads from an attribute.
    assert re.search(r'<data hidden value="[^"]*\bbialorusi\b[^"]*" data-pagefind-meta="folded\[value\]"></data>', html)
    page.goto(fixture_served.base_url + PL_SEED)
    folded = page.locator("main data[data-pagefind-meta]")
    expect(folded).to_have_count(1)
    expect(folded).to_be_hidden()
    assert "bialorusi" not in page.locator("body").inner_text().lower()


@pytest.mark.parametrize(
    ("path", "query", "labels", "country_page", "entry", "articles"),
    [
        (
            PL_SEARCH,
            "Algieria",
            ("Oś czasu", "Strona kraju"),
            "/pl/kraje/algieria/",
            "/pl/os-czasu/2023/#negotiations-session",
            2,
        ),
        (
            EN_SEARCH,
            "Algeria",
            ("Timeline", "Country page"),
            "/en/countries/algeria/",
            "/en/timeline/2023/#negotiations-session",
            2,  # the English article, and the Polish one with no English version (its stand-in)
        ),
    ],
)
def test_a_query_finds_a_country_page_and_a_timeline_entry_and_the_kind_filter_narrows_to_them(
    page, fixture_served, path, query, labels, country_page, entry, articles
):
    log = watch(page)
    page.goto(fixture_served.base_url + path + "?q=" + query)
    timeline, country = labels
    # The country's page, then the entry that names it, then the articles about it (`countries: [DZ]`).
    targets = result_targets(page, 2 + articles)
    assert targets[:2] == [country_page, entry]
    assert all(re.match(r"/(pl|en)/20\d\d/", target) for target in targets[2:]), targets
    filters = open_filters(page)
    for label in labels:  # every kind found, in the page's language
        expect(filters).to_contain_text(label)
    filters.get_by_label(re.compile(f"^{country}")).check()
    expect(result_links(page)).to_have_count(1)
    assert result_targets(page, 1) == [country_page]
    filters.get_by_label(re.compile(f"^{country}")).uncheck()
    filters.get_by_label(re.compile(f"^{timeline}")).check()
    expect(result_links(page)).to_have_count(1)
    assert result_targets(page, 1) == [entry]
    expect(result_links(page).first).to_have_text(re.compile(r"(Sesja negocjacyjna|Negotiating session)"))
    assert not errors(log), errors(log)


def test_a_timeline_result_leads_to_its_entry_alone(page, fixture_served):
    """A text directive is matched on the whole page, so an entry's would take the reader to the first entry of
    the same wording: a result that is a part of its page leads to that part (`#id`) alone."""
    log = watch(page)
    page.set_viewport_size({"width": 400, "height": 300})
    entry = "/en/timeline/2025/#signing-ceremony"
    for query in ("Hanoi", "Vietnam"):
        page.goto(fixture_served.base_url + EN_SEARCH + f"?q={query}")
        link = page.locator(f"#search-results a.search-result-link[href^='{entry}']")
        expect(link).to_have_attribute("href", entry)
    link.click()
    expect(page.locator("#signing-ceremony")).to_be_in_viewport()
    assert not errors(log), errors(log)
