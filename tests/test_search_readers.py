"""Search as readers use it on a growing archive, in real Chromium on a real Pagefind index.

The fixture is this module's own, written into a temporary folder: articles that tie on score
(the same text, other dates), articles tagged with a country whose text never names it, and the
country's name forms (content/data/country-names.yaml's format, with its own source).
"""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import quote

import pytest
from playwright.sync_api import expect

from .conftest import build_site

pytestmark = pytest.mark.browser

PL, EN = "/pl/szukaj/", "/en/search/"
RESULT = "#search-results .search-result"
TIE_YEARS = (2021, 2025, 2019, 2023, 2020, 2024, 2022)  # not in date order, nor in URL order
TIE_TEXT = {
    "pl": "Delegacje omawiały harmonogram prac nad projektem.",
    "en": "Delegations discussed the timetable of the work on the draft.",
}
# Tagged with a country that their text never names, in any form or language.
COUNTRY_ARTICLES = {
    ("PL", "pl"): ("Minister podpisał dokument", "Minister podpisał dokument w imieniu rządu."),
    ("PL", "en"): ("The minister signed the document", "The minister signed the document for the government."),
    ("VN", "pl"): ("Gospodarze przygotowali salę", "Gospodarze przygotowali salę obrad."),
}
COUNTRY_NAMES = """\
countries:
  - code: PL
    forms: [Polski, Polsce, Polskę, Polską, Polish]
    source: https://pl.wiktionary.org/wiki/Polska
  - code: VN
    forms: [Wietnamu, Wietnamowi, Wietnamem, Wietnamie, Vietnamese]
    source: https://pl.wiktionary.org/wiki/Wietnam
"""


# The publishers of the articles about a country, and their topics: named in no article's text.
PUBLISHERS = {"PL": "Kurier Łąkowy", "VN": "Saigon Evening Courier"}
TOPICS = {("PL", "pl"): "ratyfikacja", ("PL", "en"): "ratification", ("VN", "pl"): "społeczeństwo obywatelskie"}


def article(
    lang: str,
    key: str,
    title: str,
    day: str,
    body: str,
    countries: tuple[str, ...] = (),
    translated: bool = False,
    publisher: str = "Fixture Press",
    topic: str = "",
) -> str:
    """`translated`: a translation from English, as one version of a pair is (its Polish words name no country)."""
    return (
        f'---\ntitle: "{title}"\ndate: {day}\nlang: {lang}\ntranslation_key: {key}\n'
        f"countries: [{', '.join(countries)}]\n"
        f"source:\n  url: https://example.org/readers/{key}\n  publisher: {publisher}\n"
        + ("translation:\n  from: en\n  by: Fixture Press\n" if translated else "")
        + (f"tags: [{topic}]\n" if topic else "")
        + f"---\n\n{body}\n"
    )


def write_content(root: Path) -> Path:
    (root / "data").mkdir(parents=True)
    (root / "data" / "country-names.yaml").write_text(COUNTRY_NAMES, encoding="utf-8")
    for number, year in enumerate(TIE_YEARS):
        for lang in ("pl", "en"):
            folder = root / "articles" / str(year)
            folder.mkdir(parents=True, exist_ok=True)
            title = f"Posiedzenie numer {number + 1}" if lang == "pl" else f"Meeting number {number + 1}"
            text = article(lang, f"tie-{year}", title, f"{year}-03-0{number + 1}", TIE_TEXT[lang], (), lang == "pl")
            (folder / f"tie-{year}.{lang}.md").write_text(text, encoding="utf-8")
    for (code, lang), (title, body) in COUNTRY_ARTICLES.items():
        key = f"country-{code.lower()}"
        translated = lang == "pl" and (code, "en") in COUNTRY_ARTICLES
        text = article(lang, key, title, "2025-10-25", body, (code,), translated, PUBLISHERS[code], TOPICS[code, lang])
        (root / "articles" / "2025" / f"{key}.{lang}.md").write_text(text, encoding="utf-8")
    return root


@pytest.fixture(scope="module")
def readers_served(tmp_path_factory):
    from .browser import serve

    content = write_content(tmp_path_factory.mktemp("readers") / "content")
    site = build_site(content.parent / "output", content, SEARCH_INDEX=True)
    yield from serve(site)


def results(page):
    expect(page.locator("#search-status")).not_to_be_empty(timeout=15_000)
    expect(page.locator("#search-results")).not_to_have_attribute("aria-busy", "true", timeout=15_000)
    return page.locator(RESULT)


def dates_shown(page) -> list[int]:
    return [
        int(re.search(r"\d{4}", text).group())
        for text in results(page).locator(".search-result-meta").all_inner_texts()
    ]


@pytest.mark.parametrize(("path", "query"), [(PL, "harmonogram"), (EN, "timetable")])
def test_results_of_equal_score_come_newest_first(page, readers_served, path, query):
    page.goto(f"{readers_served.base_url}{path}?q={query}")
    expect(results(page)).to_have_count(len(TIE_YEARS))
    assert dates_shown(page) == sorted(TIE_YEARS, reverse=True)


def test_a_search_by_a_filter_alone_lists_the_newest_first(page, readers_served):
    page.goto(readers_served.base_url + PL)
    page.locator("#search-filters > summary").click()
    page.get_by_label(re.compile(r"^Artykuł \(")).check()  # every article, all of score 0
    expect(results(page)).to_have_count(len(TIE_YEARS) + 2)  # the Polish ones
    assert dates_shown(page) == sorted(dates_shown(page), reverse=True)


@pytest.mark.parametrize(
    ("path", "query", "title"),
    [
        (PL, "Polsce", "Minister podpisał dokument"),  # an inflected form (country-names.yaml)
        (PL, "Polskę", "Minister podpisał dokument"),
        (PL, "Polska", "Minister podpisał dokument"),  # the name (CLDR)
        (PL, "Poland", "Minister podpisał dokument"),  # the English name on the Polish site
        (PL, "Wietnamu", "Gospodarze przygotowali salę"),
        (PL, "Wietnamie", "Gospodarze przygotowali salę"),
        (PL, "Vietnam", "Gospodarze przygotowali salę"),
        (EN, "Polska", "The minister signed the document"),  # the Polish name on the English site
        (EN, "Polish", "The minister signed the document"),
    ],
)
def test_any_common_form_of_a_country_finds_the_articles_about_it(page, readers_served, path, query, title):
    page.goto(f"{readers_served.base_url}{path}?q={query}")
    titles = results(page).locator("a.search-result-link").all_inner_texts()
    assert title in titles, f"{query!r} on {path}: {titles}"


@pytest.mark.parametrize(
    ("path", "query", "country"),
    [
        (PL, "Polsce", "Polska"),
        (PL, "Polską", "Polska"),
        (PL, "Poland", "Polska"),
        (PL, "Wietnamu", "Wietnam"),
        (PL, "Vietnam", "Wietnam"),
        (EN, "Polska", "Poland"),
        (EN, "Wietnamie", "Vietnam"),
    ],
)
def test_any_common_form_of_a_country_finds_its_page_first(page, readers_served, path, query, country):
    page.goto(f"{readers_served.base_url}{path}?q={query}")
    expect(results(page).first.locator("a.search-result-link")).to_have_text(country)


@pytest.mark.parametrize(
    ("path", "query", "titles"),
    [
        (PL, "Kurier Łąkowy", ["Minister podpisał dokument"]),
        (PL, "kurier lakowy", ["Minister podpisał dokument"]),  # without Polish letters
        (EN, "Kurier Łąkowy", ["The minister signed the document"]),
        (EN, "Saigon Courier", ["Gospodarze przygotowali salę"]),  # Polish only: its stand-in in the English index
        (PL, "Saigon Evening Courier", ["Gospodarze przygotowali salę"]),
    ],
)
def test_the_publishers_name_finds_its_articles(page, readers_served, path, query, titles):
    page.goto(f"{readers_served.base_url}{path}?q={quote(query)}")
    assert results(page).locator("a.search-result-link").all_inner_texts() == titles, f"{query!r} on {path}"


@pytest.mark.parametrize(
    ("path", "query", "titles"),
    [
        (PL, "ratyfikacja", ["Minister podpisał dokument"]),  # the article's topic
        (PL, "ratification", ["Minister podpisał dokument"]),  # the same topic, named in English
        (EN, "ratyfikacja", ["The minister signed the document"]),
        (EN, "ratification", ["The minister signed the document"]),
        (EN, "spoleczenstwo obywatelskie", ["Gospodarze przygotowali salę"]),  # Polish only: its stand-in
    ],
)
def test_an_articles_topic_in_either_language_finds_it(page, readers_served, path, query, titles):
    page.goto(f"{readers_served.base_url}{path}?q={quote(query)}")
    assert results(page).locator("a.search-result-link").all_inner_texts() == titles, f"{query!r} on {path}"


@pytest.mark.parametrize(
    ("path", "query", "titles"),
    [
        (PL, "The minister signed the document", ["Minister podpisał dokument"]),  # the English version's title
        (PL, "signed document", ["Minister podpisał dokument"]),
        (EN, "Minister podpisał dokument", ["The minister signed the document"]),  # the Polish version's title
        (EN, "podpisal", ["The minister signed the document"]),
    ],
)
def test_a_translated_articles_title_in_the_other_language_finds_this_languages_version(
    page, readers_served, path, query, titles
):
    page.goto(f"{readers_served.base_url}{path}?q={quote(query)}")
    assert results(page).locator("a.search-result-link").all_inner_texts() == titles, f"{query!r} on {path}"


TIE_TITLES = {
    "pl": sorted(f"Posiedzenie numer {number + 1}" for number in range(len(TIE_YEARS))),
    "en": sorted(f"Meeting number {number + 1}" for number in range(len(TIE_YEARS))),
}


@pytest.mark.parametrize(
    ("path", "query", "titles"),
    [
        # A month alone is named in the nominative ("marzec"); a day's date says "1 marca 2021".
        (PL, "marzec", TIE_TITLES["pl"]),
        (PL, "marzec 2021", ["Posiedzenie numer 1"]),
        (PL, "marca", TIE_TITLES["pl"]),
        (PL, "październik 2025", ["Gospodarze przygotowali salę", "Minister podpisał dokument"]),
        (PL, "pazdziernik", ["Gospodarze przygotowali salę", "Minister podpisał dokument"]),
        (EN, "March", TIE_TITLES["en"]),
        (EN, "October 2025", ["Gospodarze przygotowali salę", "The minister signed the document"]),
    ],
)
def test_a_month_finds_what_is_dated_in_it(page, readers_served, path, query, titles):
    page.goto(f"{readers_served.base_url}{path}?q={quote(query)}")
    assert sorted(results(page).locator("a.search-result-link").all_inner_texts()) == titles, f"{query!r} on {path}"


@pytest.mark.parametrize(
    ("path", "query", "hint"),
    [
        # Each word on a page, no page holding both. (A word on no page at all does not make a query find nothing
        # in Pagefind 1.5, which leaves it out of a query of several, and the search page leaves out a letter alone
        # beside longer words: "harmonogram posiedzenia w Genewie" finds the pages with the first two.)
        (PL, "harmonogram obrad", "Spróbuj mniej słów"),
        (EN, "qqxyzzy", "Try fewer words"),
    ],
)
def test_no_result_says_what_to_try_in_the_announced_status(page, readers_served, path, query, hint):
    page.goto(f"{readers_served.base_url}{path}?q={query}")
    status = page.locator("#search-status")
    expect(status).to_have_attribute("role", "status")
    expect(status).to_contain_text(hint, timeout=15_000)
    expect(page.locator(RESULT)).to_have_count(0)


def test_no_result_with_filters_on_says_to_clear_them(page, readers_served):
    page.goto(f"{readers_served.base_url}{EN}?q=minister")
    expect(results(page)).to_have_count(1)
    page.locator("#search-filters > summary").click()
    page.get_by_label(re.compile(r"^Poland \(")).check()
    page.locator("#site-search-query").fill("timetable")  # no article about Poland speaks of the timetable
    expect(page.locator("#search-status")).to_contain_text("clear them to search the whole archive")
    page.get_by_role("button", name="Clear filters").click()
    expect(results(page)).to_have_count(len(TIE_YEARS))


@pytest.mark.parametrize(
    "query",
    ['<img src=x onerror="document.title=1">', '"', "\\", "%E0%A4%A", "x" * 3000, '"unclosed phrase'],
)
def test_any_query_is_searched_and_shown_as_text_without_error(page, readers_served, query):
    from urllib.parse import quote

    from .browser import watch

    log = watch(page)
    raw = query if query.startswith("%") else quote(query)  # a malformed escape, as a link could carry it
    page.goto(f"{readers_served.base_url}{EN}?q={raw}")
    status = page.locator("#search-status")
    expect(status).not_to_have_text(re.compile(r"^(|Searching…)$"), timeout=15_000)
    markup = "#search-ui img, #search-heading :not(bdi), #search-heading bdi *"  # the <bdi> isolates the query
    assert not page.locator(markup).count(), "the query reached the page as markup"
    assert not log.console_errors, log.console_errors
    assert page.title().startswith("Results for ")


def test_an_empty_query_shows_no_results_and_no_count(page, readers_served):
    page.goto(f"{readers_served.base_url}{PL}?q=%20%20")
    page.wait_for_timeout(1000)
    expect(page.locator("#search-status")).to_have_text("")
    expect(page.locator(RESULT)).to_have_count(0)
    expect(page.locator("#search-heading")).to_have_text("Przeszukaj archiwum")
