"""The search page as a reader meets it (issue 15), in real Chromium, on the search fixture archive.

Phone first, the query kept in view, excerpts that show the match, filters loaded on
demand, ten results at a time, keyboard and screen readers, and the page without JavaScript.
"""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from .browser import serve, watch
from .conftest import FIXTURE, ROOT, build_site
from .sitewide import AXE_TAGS, axe_summary

pytestmark = pytest.mark.browser

PHONE = {"width": 375, "height": 812}
EN, PL = "/en/search/", "/pl/szukaj/"
SEED_EN = "/en/2025/hanoi-convention-opens-for-signature/"
RESULT = "#search-results .search-result"


@pytest.fixture
def phone(chromium):
    context = chromium.new_context(viewport=PHONE, is_mobile=True, has_touch=True, device_scale_factor=2)
    yield context.new_page()
    context.close()


def results(page):
    """The results, once the search is done ("Searching…" is in the status while it runs)."""
    expect(page.locator("#search-status")).not_to_be_empty(timeout=15_000)
    expect(page.locator("#search-results")).not_to_have_attribute("aria-busy", "true", timeout=15_000)
    return page.locator(RESULT)


def filter_requests(log) -> list[str]:
    return [url for url in log.requests if "/pagefind/filter/" in url]


def test_on_a_phone_the_first_result_and_its_marked_words_are_on_the_first_screen(phone, search_served):
    log = watch(phone)
    phone.goto(search_served.base_url + EN + "?q=convention")
    first = results(phone).first
    expect(first.locator("a")).to_have_attribute("href", re.compile(re.escape(SEED_EN)))
    mark = first.locator(".search-result-excerpt mark").first
    bottom = mark.bounding_box()["y"] + mark.bounding_box()["height"]
    assert bottom <= PHONE["height"], f"the first marked word ends {bottom:.0f} px down, below the first screen"
    assert phone.evaluate("window.scrollY") == 0
    assert not filter_requests(log), "the filters' data is loaded only when the reader opens them"
    assert not log.console_errors, log.console_errors


@pytest.mark.parametrize(
    ("path", "query", "title"),
    [
        (EN, "convention", "Results for convention · Hanoi Convention Archive"),
        (PL, "Białoruś", "Wyniki dla Białoruś · Archiwum Konwencji z Hanoi"),
    ],
)
def test_the_header_box_holds_the_query_and_the_title_says_results_for(page, search_served, path, query, title):
    page.goto(f"{search_served.base_url}{path}?q={query}")
    results(page)
    expect(page.get_by_role("search").get_by_role("searchbox")).to_have_value(query)
    expect(page).to_have_title(title)
    expect(page.locator("h1")).to_have_text(title.split(" · ")[0])
    page.locator("#site-search-query").fill("Hanoi")
    expect(page).to_have_title(re.compile(r"^(Results for|Wyniki dla) Hanoi · "))
    expect(page).to_have_url(re.compile(r"\?q=Hanoi$"))


def test_the_language_switch_takes_the_query_to_the_other_languages_search(page, search_served):
    # A Polish word on the English search page, of a translated article only (an article with no English
    # version is found there: plugins/search/README.md, "stand-ins").
    page.goto(search_served.base_url + EN + "?q=szkoleniach")
    expect(page.locator("#search-status")).to_contain_text("No results for szkoleniach", timeout=15_000)
    switch = page.locator(".language-switch a[hreflang=pl]")
    expect(switch).to_have_attribute("href", re.compile(re.escape(PL) + r"\?q=szkoleniach$"))
    # ...and the page says so, under the count: the other language's archive may have it, one link away.
    hint = page.locator("#search-other-language")
    expect(hint).to_be_visible()
    expect(hint).to_contain_text("The archive in the other language has a search of its own")
    expect(hint.get_by_role("link", name="Polski")).to_have_attribute(
        "href", re.compile(re.escape(PL) + r"\?q=szkoleniach$")
    )
    page.locator("#site-search-query").fill("Łódź & co")
    expect(switch).to_have_attribute("href", re.compile(re.escape(PL) + r"\?q=%C5%81%C3%B3d%C5%BA\+%26\+co$"))
    page.locator("#site-search-query").fill("szkoleniach")
    expect(switch).to_have_attribute("href", re.compile(re.escape(PL) + r"\?q=szkoleniach$"))
    switch.click()
    expect(results(page).first).to_be_visible()
    expect(page.locator("#site-search-query")).to_have_value("szkoleniach")
    expect(page.locator("#search-other-language")).to_be_hidden()  # results: no hint
    page.locator("#site-search-query").fill("xylophone")  # found nowhere
    expect(page.locator("#search-other-language")).to_contain_text("Archiwum w drugim języku ma własną wyszukiwarkę")
    expect(page.locator("#search-other-language").get_by_role("link", name="English")).to_have_attribute(
        "href", re.compile(re.escape(EN) + r"\?q=xylophone$")
    )
    page.locator("#site-search-query").fill(" ")
    expect(page.locator(".language-switch a[hreflang=en]")).to_have_attribute("href", re.compile(re.escape(EN) + "$"))


def test_results_come_ten_at_a_time_never_as_empty_cards(page, search_served):
    page.goto(search_served.base_url + EN + "?q=Hanoi")
    cards = results(page)
    expect(cards).to_have_count(10)
    total = int(re.match(r"\d+", page.locator("#search-status").inner_text()).group())
    assert total > 20
    for card in cards.all():
        assert card.locator("a.search-result-link").inner_text().strip()
        assert card.locator(".search-result-meta, .search-result-excerpt").count()
    more = page.get_by_role("button", name="More results")
    more.click()
    expect(cards).to_have_count(20)
    expect(cards.nth(10).locator("a")).to_be_focused()  # reading goes on where the new results start
    expect(page.locator("#search-status")).to_have_text(f"Showing 20 of {total} results")


def test_an_excerpt_shows_the_match_without_repeating_the_title_or_the_date(page, search_served):
    page.goto(search_served.base_url + EN + "?q=Brandolino")
    article = results(page).first
    title = article.locator("a").inner_text()
    expect(article.locator(".search-result-meta")).to_have_text("Article · 26 October 2025")
    excerpt = article.locator(".search-result-excerpt")
    expect(excerpt.locator("mark").first).to_have_text(re.compile("^Brandolino"))
    assert title[:40] not in excerpt.inner_text()
    page.locator("#site-search-query").fill("25 October 2025")
    event = page.locator(RESULT, has=page.locator("a[href*='#signing-hanoi']"))
    expect(event.locator(".search-result-meta")).to_have_text("Timeline · 25–26 October 2025")
    assert "25–26" not in event.locator(".search-result-excerpt").inner_text()  # the date, once
    assert "Signing ceremony in Hanoi" not in event.locator(".search-result-excerpt").inner_text()


def test_a_query_without_polish_letters_marks_the_words_it_stands_for(page, search_served):
    page.goto(search_served.base_url + PL + "?q=Bialorus")
    results(page)
    marks = page.locator(".search-result-excerpt mark")
    expect(marks.first).to_be_visible()
    assert all(re.match(r"(?i)białoru[sś]", text) for text in marks.all_inner_texts()), marks.all_inner_texts()


def test_filters_open_on_demand_with_the_active_count_and_the_most_frequent_values_first(page, search_served):
    log = watch(page)
    page.goto(search_served.base_url + PL + "?q=Hanoi")
    cards = results(page)
    summary = page.locator("#search-filters > summary")
    expect(summary).to_have_text("Filtry")
    assert not filter_requests(log)
    summary.click()
    countries = page.locator("fieldset", has=page.locator("legend", has_text="Kraj"))
    expect(countries).to_be_visible(timeout=10_000)
    assert filter_requests(log)
    visible = countries.locator("li:visible label")
    counts = [int(re.search(r"\((\d+)\)$", label).group(1)) for label in visible.all_inner_texts()]
    assert len(counts) == 6 and counts == sorted(counts, reverse=True), counts
    toggle = countries.get_by_role("button", name=re.compile(r"^Pokaż wszystkie \(\d+\)$"))
    expect(toggle).to_have_attribute("aria-expanded", "false")
    total = int(re.search(r"\d+", toggle.inner_text()).group())
    toggle.click()
    expect(countries.locator("li:visible")).to_have_count(total)
    expect(countries.get_by_role("button", name="Pokaż mniej")).to_have_attribute("aria-expanded", "true")
    before = int(re.search(r"\d+$", page.locator("#search-status").inner_text()).group())
    page.get_by_label(re.compile(r"^Artykuł \(")).check()
    expect(summary).to_have_text("Filtry (1)")
    page.get_by_label(re.compile(r"^Wietnam \(")).check()
    expect(summary).to_have_text("Filtry (2)")
    expect(cards).to_have_count(2)  # articles about Viet Nam that say "Hanoi"
    page.get_by_role("button", name="Wyczyść filtry").click()
    expect(summary).to_have_text("Filtry")
    expect(page.locator("#search-status")).to_have_text(f"Wyniki dla Hanoi: {before}")
    assert not log.console_errors, log.console_errors


@pytest.mark.parametrize("path", [PL, EN])
def test_a_search_that_finds_nothing_offers_no_empty_filters(page, search_served, path):
    """With no result and no filter chosen, the pane would open on nothing: it is offered again once a search finds
    something, and kept while a filter is chosen, which the reader may need to clear."""
    pane = page.locator("#search-filters")
    page.goto(search_served.base_url + path + "?q=xyzzyqx")
    expect(results(page)).to_have_count(0)
    expect(pane).to_be_hidden()
    page.locator("#site-search-query").fill("Hanoi")
    page.locator("#site-search-query").press("Enter")
    expect(pane).to_be_visible(timeout=15_000)
    assert results(page).count()
    page.goto(search_served.base_url + path + "?q=xyzzyqx&year=1999")
    expect(results(page)).to_have_count(0)
    expect(pane).to_be_visible()
    expect(pane.locator("summary")).to_have_text(re.compile(r"[(]1[)]$"))


def test_the_filters_work_from_the_keyboard(page, search_served):
    page.goto(search_served.base_url + EN + "?q=Hanoi")
    results(page)
    page.locator("#search-filters > summary").focus()
    page.keyboard.press("Enter")
    kinds = page.locator("fieldset", has=page.locator("legend", has_text="Kind"))
    expect(kinds).to_be_visible(timeout=10_000)
    page.keyboard.press("Tab")
    expect(kinds.locator("input").first).to_be_focused()
    page.keyboard.press("Space")
    expect(page.locator("#search-filters > summary")).to_have_text("Filters (1)")
    expect(kinds.locator("input:checked")).to_have_count(1)
    expect(kinds.locator("input:checked")).to_be_focused()  # focus stays on the box the reader checked


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_no_axe_violations_with_results_and_the_filters_open(chromium, search_served, scheme):
    context = chromium.new_context(viewport=PHONE, color_scheme=scheme)
    page = context.new_page()
    page.goto(search_served.base_url + PL + "?q=Hanoi")
    results(page)
    page.locator("#search-filters > summary").click()
    expect(page.locator("#search-filter-groups fieldset").first).to_be_visible(timeout=10_000)
    options = {"runOnly": {"type": "tag", "values": AXE_TAGS}, "resultTypes": ["violations"]}
    violations = Axe().run(page, options=options).response["violations"]
    context.close()
    assert axe_summary(violations) == []


def test_without_javascript_the_query_stays_and_the_page_offers_the_browse_routes(chromium, search_served):
    context = chromium.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(search_served.base_url + "/en/")
    page.get_by_role("searchbox").fill("Hanoi")
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"/en/search/\?q=Hanoi$"))
    expect(page.locator("main")).to_contain_text("Search needs JavaScript", use_inner_text=True)
    expect(page.locator("main")).to_contain_text("kept in the address bar", use_inner_text=True)
    other = page.locator("main .search-other-language:not([hidden])")  # the script's own stays hidden
    expect(other).to_have_text(re.compile(r"^The archive in the other language has a search of its own"))
    expect(other.get_by_role("link", name="Polski")).to_have_attribute("href", re.compile(re.escape(PL) + "$"))
    browse = page.get_by_role("navigation", name="Browse the archive")
    hrefs = browse.get_by_role("link").evaluate_all("links => links.map(a => a.pathname)")
    assert hrefs == ["/en/", "/en/timeline/", "/en/countries/"]
    expect(page.locator("#search-ui")).to_be_hidden()  # no empty search controls
    context.close()


def test_every_string_the_script_reads_is_in_the_page_in_both_languages(search_site: Path):
    script = (ROOT / "theme" / "static" / "js" / "search-page.js").read_text(encoding="utf-8")
    used = set(re.findall(r'(?:text\("|strings\.)(\w+)', script))
    used |= set(re.findall(r'"((?:one|many|zero)_results?(?:_for)?)"', script))
    for path in (EN, PL):
        html = (search_site / path.strip("/") / "index.html").read_text(encoding="utf-8")
        given = json.loads(re.search(r'data-strings="([^"]*)"', html).group(1).replace("&#34;", '"'))
        assert used <= given.keys(), (path, used - given.keys())
        assert all(value.strip() for value in given.values()), path


BIALYSTOK = """---
title: "Prosecutors meet in Bialystok"
date: 2025-11-03
lang: en
translation_key: prosecutors-meet-in-bialystok
source:
  url: https://example.org/en/bialystok
  publisher: Example Agency
---

Prosecutors met in Bialystok to practise requests for electronic evidence under the convention.
"""


@pytest.fixture(scope="module")
def ascii_spelling_served(tmp_path_factory):
    """The fixture archive and an English article that writes a Polish place name without its letters."""
    content = tmp_path_factory.mktemp("ascii-spelling") / "content"
    shutil.copytree(FIXTURE, content)
    (content / "articles" / "2025" / "prosecutors-meet-in-bialystok.en.md").write_text(BIALYSTOK, encoding="utf-8")
    for number in range(4):  # an old year with more results than the newer ones: the year filter must not sort by count
        old = BIALYSTOK.replace("2025-11-03", f"2019-0{number + 1}-01").replace("bialystok", f"old-{number}")
        old = old.replace("Bialystok", f"Poznan {number}")
        (content / "articles" / "2019").mkdir(exist_ok=True)
        (content / "articles" / "2019" / f"prosecutors-meet-in-old-{number}.en.md").write_text(old, encoding="utf-8")
    yield from serve(build_site(content.parent / "output", content, SEARCH_INDEX=True))


@pytest.mark.parametrize("query", ["Białystok", "BIAŁYSTOK", "Bialystok"])
def test_a_name_typed_with_polish_letters_finds_pages_that_write_it_without(page, ascii_spelling_served, query):
    page.goto(f"{ascii_spelling_served.base_url}{EN}?q={query}")
    found = results(page)
    expect(found).to_have_count(1)
    expect(found.first.locator("a")).to_have_attribute("href", re.compile(r"/en/2025/prosecutors-meet-in-bialystok/"))
    expect(found.first.locator("mark").first).to_have_text("Bialystok")
    expect(page.locator("#search-status")).to_contain_text("1 result for")


def test_the_year_filter_lists_years_newest_first_whatever_their_counts(page, ascii_spelling_served):
    page.goto(f"{ascii_spelling_served.base_url}{EN}?q=prosecutors")
    results(page)
    page.locator("#search-filters > summary").click()
    years = page.locator("fieldset", has=page.locator("legend", has_text="Year"))
    expect(years).to_be_visible(timeout=10_000)
    labels = years.locator("label").all_inner_texts()
    shown = [int(re.match(r"\d{4}", label).group()) for label in labels]
    counts = [int(re.search(r"\((\d+)\)$", label).group(1)) for label in labels]
    assert shown[-1] == 2019 and counts[-1] == max(counts), labels  # the fixture's most frequent year, last
    assert shown == sorted(shown, reverse=True), labels


@pytest.mark.parametrize(
    ("search_page", "query"),
    [
        *((PL, query) for query in ("Wietnamu", "konwencji", "Bialorus")),
        *((EN, query) for query in ("Vietnam", "convention", "Hanoi")),
        # Words of a title only, which Pagefind keeps out of the text: no excerpt marks them, the title's do.
        (EN, "interior"),
        (PL, "wysyła"),
    ],
)
def test_every_result_link_marks_its_words_on_the_page_it_leads_to(page, search_served, search_page, query):
    """Every text fragment a result's link carries matches its page's content (arriving by it, the words are marked
    there), also where Pagefind's excerpt joins two blocks of the page (a country page's table cells), which a
    directive cannot match across."""
    page.set_viewport_size({"width": 800, "height": 600})
    page.goto(f"{search_served.base_url}{search_page}?q={query}")
    # Read once the search is done: read while the results were still being added, some were missed.
    links = results(page).locator("a.search-result-link")
    hrefs = links.evaluate_all("links => links.map(a => a.getAttribute('href'))")
    with_words = [href for href in hrefs if ":~:text=" in href]
    assert with_words, hrefs
    for href in with_words:
        assert "#" not in href.split("#:~:")[0], href  # a part of a page (`#id`) is led to alone
        # Marked in the page's content: the header's site name ("Hanoi Convention Archive") is not the passage.
        page.goto("about:blank")
        page.goto(search_served.base_url + href)
        marked = page.locator("main").screenshot()
        page.goto("about:blank")
        page.goto(search_served.base_url + href.split("#:~:")[0])
        assert page.locator("main").screenshot() != marked, href


def test_the_results_are_busy_from_the_first_letter_typed_until_the_search_is_done(page, search_served):
    """A reader (or a test) waiting for the search to be done waits for the query typed, not for the results still
    shown of the one before: they are busy while the search waits for the reader to stop typing."""
    page.goto(search_served.base_url + EN + "?q=Hanoi")
    assert results(page).count()
    box = page.locator("#site-search-query")
    box.select_text()
    box.press_sequentially("conv")
    assert page.locator("#search-results").get_attribute("aria-busy") == "true"
    assert results(page).count()
    expect(page.locator("#search-status")).to_contain_text("conv")
    box.fill("")
    expect(page.locator("#search-results")).not_to_have_attribute("aria-busy", "true")
    expect(page.locator(RESULT)).to_have_count(0)
