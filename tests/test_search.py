"""Search in real headless Chromium: Pagefind's index of a real build, the search page's UI, under the site's CSP."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from playwright.sync_api import expect

from .browser import serve, watch
from .conftest import CONTENT, build_site

pytestmark = pytest.mark.browser

PL_SEED = "/pl/2025/otwarcie-konwencji-z-hanoi-do-podpisu/"
EN_SEED = "/en/2025/hanoi-convention-opens-for-signature/"
PL_SEARCH, EN_SEARCH = "/pl/szukaj/", "/en/search/"
# Chromium asks every site for /favicon.ico; the archive has none. Playwright does not see that request.
FAVICON_404 = "Failed to load resource: the server responded with a status of 404 (File not found)"

# A second Polish article, only in a test copy of the content: about Viet Nam alone, with "Łódź" and "włączenie".
SECOND_ARTICLE = """\
---
title: "Artykuł testowy o Hanoi"
date: 2025-11-05
lang: pl
translation_key: test-second-article
countries: [VN]
source:
  url: https://example.org/test-second-article
  publisher: Test
---

Artykuł testowy: Hanoi, Łódź i włączenie państw do konwencji.
"""
SECOND_URL = "/pl/2025/artykul-testowy-o-hanoi/"


@pytest.fixture(scope="module")
def served_two(tmp_path_factory):
    """The real content plus SECOND_ARTICLE, built and served."""
    content = tmp_path_factory.mktemp("content") / "content"
    shutil.copytree(CONTENT, content)
    (content / "articles" / "2025" / "test-second-article.pl.md").write_text(SECOND_ARTICLE, encoding="utf-8")
    site = build_site(tmp_path_factory.mktemp("site-two") / "output", content, SEARCH_INDEX=True)
    yield from serve(site)


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
    """The paths the listed results link to, once there are results."""
    links = result_links(page)
    expect(links.first).to_be_visible(timeout=10_000)
    return links.evaluate_all("links => links.map(a => a.pathname)")


# Articles live at /<lang>/<year>/<slug>/; the other results are country pages and timeline entries.
ARTICLE_LINK = "#search-results a.search-result-link[href*='/2025/']"


def article_paths(page, count: int) -> list[str]:
    """The paths of the article results, once `count` of them are listed."""
    links = page.locator(ARTICLE_LINK)
    expect(links).to_have_count(count, timeout=10_000)
    return links.evaluate_all("links => links.map(a => a.pathname)")


def result_targets(page, count: int) -> list[str]:
    """Path and anchor of every result (a timeline entry is `/en/timeline/#id`), once `count` are listed."""
    links = result_links(page)
    expect(links).to_have_count(count, timeout=10_000)
    return links.evaluate_all("links => links.map(a => a.pathname + a.hash)")


@pytest.mark.parametrize("query", ["Białoruś", "Bialorus", "białorusi", "BIALORUSI"])
def test_polish_queries_with_and_without_polish_letters_find_the_seed(page, served, query):
    page.goto(served.base_url + PL_SEARCH)
    search(page, query)
    assert article_paths(page, 1) == [PL_SEED]


def test_english_query_finds_the_english_seed(page, served):
    page.goto(served.base_url + EN_SEARCH)
    search(page, "Brandolino")
    assert result_paths(page) == [EN_SEED]
    expect(result_links(page).first).to_have_text(re.compile(r"^Ceremony opening the Hanoi Convention"))


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("Lodz", [SECOND_URL]),
        ("Łódź", [SECOND_URL]),
        ("wlaczenie", [SECOND_URL]),
        ("włączenie", [SECOND_URL]),
        ("Hanoi", [SECOND_URL, PL_SEED]),  # normal queries still find everything
    ],
)
def test_folded_and_normal_queries_on_a_larger_archive(page, served_two, query, expected):
    page.goto(served_two.base_url + PL_SEARCH)
    search(page, query)
    assert sorted(article_paths(page, len(expected))) == sorted(expected)


def test_country_filter_narrows_results(page, served_two):
    log = watch(page)
    page.goto(served_two.base_url + PL_SEARCH + "?q=Hanoi")
    assert sorted(article_paths(page, 2)) == sorted([SECOND_URL, PL_SEED])
    filters = open_filters(page)
    expect(filters).to_contain_text("Kraj")  # filter names and values in the page's language
    expect(filters).to_contain_text("Rodzaj")
    expect(filters).to_contain_text("Artykuł")
    filters.get_by_label(re.compile(r"^Artykuł")).check()  # Hanoi is also on the timeline and on country pages
    expect(result_links(page)).to_have_count(2)
    filters.get_by_label(re.compile(r"^Białoruś")).check()
    expect(result_links(page)).to_have_count(1)
    assert result_paths(page) == [PL_SEED]
    filters.get_by_label(re.compile(r"^Białoruś")).uncheck()
    filters.get_by_label(re.compile(r"^Wietnam")).check()
    expect(result_links(page)).to_have_count(2)
    assert not errors(log), errors(log)


def test_query_string_runs_the_search(page, served):
    page.goto(served.base_url + PL_SEARCH + "?q=Hanoi")
    assert article_paths(page, 1) == [PL_SEED]
    expect(page.locator(BOX)).to_have_value("Hanoi")
    expect(page.locator(STATUS)).to_contain_text(re.compile(r"Wyniki dla Hanoi: \d+"))


@pytest.mark.parametrize(
    ("path", "query", "summary"),
    [(PL_SEARCH, "Białoruś", "Wyniki dla Białoruś: 2"), (EN_SEARCH, "Belarus", "2 results for Belarus")],
)
def test_the_count_of_results_reads_right_in_the_page_language(page, served, path, query, summary):
    # Pagefind has one plural form; Polish needs "2 wyniki", "5 wyników": the site's catalog says "Wyniki: 2".
    page.goto(f"{served.base_url}{path}?q={query}")
    expect(result_links(page)).to_have_count(2)
    expect(page.locator(STATUS)).to_have_text(summary)


def test_typing_keeps_the_query_string_in_step(page, served):
    page.goto(served.base_url + EN_SEARCH)
    search(page, "Brandolino")
    expect(page).to_have_url(re.compile(r"/en/search/\?q=Brandolino$"))


@pytest.mark.parametrize(
    ("path", "message"),
    [(PL_SEARCH, "Brak wyników dla qqxyzzy"), (EN_SEARCH, "No results for qqxyzzy")],
)
def test_no_hits_says_so_in_the_page_language(page, served, path, message):
    page.goto(served.base_url + path + "?q=qqxyzzy")
    expect(page.locator(STATUS)).to_contain_text(message, timeout=10_000)
    expect(result_links(page)).to_have_count(0)


@pytest.mark.parametrize("path", [PL_SEARCH + "?q=Hanoi", EN_SEARCH + "?q=Brandolino"])
def test_no_console_errors_and_nothing_from_elsewhere_under_the_csp(page, served, path):
    log = watch(page)
    response = page.goto(served.base_url + path)
    csp = page.locator('meta[http-equiv="Content-Security-Policy"]').get_attribute("content")
    assert "script-src 'self' 'wasm-unsafe-eval';" in csp and "'unsafe-inline'" not in csp
    assert response.status == 200
    result_paths(page)
    page.locator(BOX).fill("Konwencja")
    page.wait_for_timeout(800)
    assert not errors(log), errors(log)
    assert not log.failures, log.failures
    assert all(url.startswith(served.base_url) for url in log.requests), log.requests


@pytest.mark.parametrize(
    ("start", "query", "results_page", "expected"),
    [
        ("/pl/", "Hanoi", PL_SEARCH, PL_SEED),
        (PL_SEED, "Bialorus", PL_SEARCH, PL_SEED),
        ("/en/", "Brandolino", EN_SEARCH, EN_SEED),
        (EN_SEED, "Hanoi", EN_SEARCH, EN_SEED),
        (PL_SEARCH, "Hanoi", PL_SEARCH, PL_SEED),
    ],
)
def test_header_search_box_leads_to_results(page, served, start, query, results_page, expected):
    page.goto(served.base_url + start)
    page.get_by_role("search").first.get_by_role("searchbox").fill(query)
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(re.escape(results_page) + r"\?q=" + query))
    assert article_paths(page, 1) == [expected]


def test_header_search_box_works_without_javascript_up_to_the_search_page(chromium, served):
    context = chromium.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(served.base_url + PL_SEED)
    page.get_by_label("Przeszukaj archiwum").fill("Hanoi")
    page.get_by_role("button", name="Szukaj").click()
    expect(page).to_have_url(re.compile(r"/pl/szukaj/\?q=Hanoi$"))
    expect(page.locator("main")).to_contain_text("Wyszukiwanie wymaga JavaScriptu", use_inner_text=True)
    context.close()


def test_result_leads_to_the_article_with_the_words_highlighted(page, served):
    log = watch(page)
    page.goto(served.base_url + PL_SEARCH + "?q=Bialorus")
    page.locator(ARTICLE_LINK).first.click()
    expect(page).to_have_url(re.compile(re.escape(PL_SEED) + r"\?pagefind-highlight=bialorus$", re.IGNORECASE))
    marks = page.locator("main mark.pagefind-highlight")
    expect(marks.first).to_have_text(re.compile(r"^Białorus", re.IGNORECASE))
    assert not errors(log), errors(log)


def test_results_can_be_sorted_by_date(page, served_two):
    page.goto(served_two.base_url + PL_SEARCH)
    dates = page.evaluate(
        """async () => {
          const pagefind = await import("/pagefind/pagefind.js");
          const search = await pagefind.search("Hanoi", { sort: { date: "desc" }, filters: { Rodzaj: "Artykuł" } });
          return Promise.all(search.results.map(async (r) => (await r.data()).meta.date));
        }"""
    )
    assert dates == ["2025-11-05", "2025-10-26"]


def test_folded_terms_are_in_the_page_for_pagefind_but_readers_never_see_them(page, served):
    html = (Path(served.directory) / PL_SEED.strip("/") / "index.html").read_text(encoding="utf-8")
    # Added at render time, inside the indexed region, as a metadata field Pagefind reads from an attribute.
    assert re.search(r'<data hidden value="[^"]*\bbialorusi\b[^"]*" data-pagefind-meta="folded\[value\]"></data>', html)
    page.goto(served.base_url + PL_SEED)
    folded = page.locator("main data[data-pagefind-meta]")
    expect(folded).to_have_count(1)
    expect(folded).to_be_hidden()
    assert "bialorusi" not in page.locator("body").inner_text().lower()


@pytest.mark.parametrize(
    ("path", "query", "labels", "country_page", "entry"),
    [
        (
            PL_SEARCH,
            "Wietnam",
            ("Artykuł", "Oś czasu", "Strona kraju"),
            "/pl/kraje/wietnam/",
            "/pl/os-czasu/#signing-hanoi",
        ),
        (
            EN_SEARCH,
            "Vietnam",
            ("Article", "Timeline", "Country page"),
            "/en/countries/vietnam/",
            "/en/timeline/#signing-hanoi",
        ),
    ],
)
def test_a_query_finds_a_country_page_and_a_timeline_entry_and_the_kind_filter_narrows_to_them(
    page, served, path, query, labels, country_page, entry
):
    log = watch(page)
    page.goto(served.base_url + path + "?q=" + query)
    _, timeline, country = labels
    seed = PL_SEED if path == PL_SEARCH else EN_SEED
    assert sorted(result_targets(page, 3)) == sorted([country_page, entry, seed])
    filters = open_filters(page)
    for label in labels:  # every kind, in the page's language
        expect(filters).to_contain_text(label)
    filters.get_by_label(re.compile(f"^{country}")).check()
    expect(result_links(page)).to_have_count(1)
    assert result_targets(page, 1) == [country_page]
    filters.get_by_label(re.compile(f"^{country}")).uncheck()
    filters.get_by_label(re.compile(f"^{timeline}")).check()
    expect(result_links(page)).to_have_count(1)
    assert result_targets(page, 1) == [entry]
    expect(result_links(page).first).to_have_text(re.compile(r"(Ceremonia podpisania|Signing ceremony)"))
    assert not errors(log), errors(log)


def test_a_timeline_result_leads_to_its_entry_with_the_words_highlighted(page, served):
    log = watch(page)
    page.goto(served.base_url + EN_SEARCH + "?q=Vietnam")
    page.locator("#search-results a.search-result-link[href*='#signing-hanoi']").click()
    expect(page).to_have_url(re.compile(r"/en/timeline/\?pagefind-highlight=vietnam#signing-hanoi$", re.IGNORECASE))
    expect(page.locator("#signing-hanoi mark.pagefind-highlight").first).to_have_text(re.compile("^vietnam$", re.I))
    expect(page.locator("header mark.pagefind-highlight")).to_have_count(0)  # the page's content only
    assert not errors(log), errors(log)
