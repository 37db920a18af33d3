"""An article with no version in a language is found from that language's search page (plugins/search/stand_ins.py):
linked to its one page, shown in its own language and said to be, counted in the search page's filter values;
and after an edit of it, `make html` (one-edit path) writes the index a full build writes.
Real builds, Pagefind and Chromium."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from playwright.sync_api import expect

from .browser import RESULT_TARGET, RESULT_TARGETS, serve, watch
from .conftest import FIXTURE, build_site
from .test_edit_build import _built, _fragments, _same_as_a_full_build

pytestmark = pytest.mark.browser

PL_SEARCH, EN_SEARCH = "/pl/szukaj/", "/en/search/"
POLISH_ONLY = "/pl/2025/warsztaty-o-konwencji-w-hanoi/"
ENGLISH_ONLY = "/en/2025/a-briefing-in-ha-long/"
PAIR = {"pl": "/pl/2025/raport-brambleton/", "en": "/en/2025/the-brambleton-report/"}
SOURCE = "source:\n  url: https://example.org/{0}\n  publisher: {1}\n"
ARTICLES = {  # file: (front matter, body)
    "2025/hanoi-workshop.pl.md": (
        'title: "Warsztaty o konwencji w Hanoi"\ndate: 2025-06-10\nlang: pl\ntranslation_key: hanoi-workshop\n'
        "countries: [VN]\n" + SOURCE.format("pl/warsztaty", "Gazeta Testowa"),
        "Warsztaty prowadził fikcyjny ekspert Kwiatkomierz, który omawiał współpracę służb.",
    ),
    "2025/ha-long-briefing.en.md": (
        'title: "A briefing in Ha Long"\ndate: 2025-07-14\nlang: en\ntranslation_key: ha-long-briefing\n'
        "countries: [VN]\n" + SOURCE.format("en/briefing", "Test Times"),
        "The fictional diplomat Thistlewaite briefed journalists on the convention's safeguards.",
    ),
    "2025/brambleton-report.pl.md": (
        'title: "Raport Brambleton"\ndate: 2025-08-01\nlang: pl\ntranslation_key: brambleton-report\n'
        "slug: raport-brambleton\ncountries: [VN]\n" + SOURCE.format("pl/raport", "Gazeta Testowa"),
        "Fikcyjny instytut Brambleton ocenia przepisy konwencji.",
    ),
    "2025/brambleton-report.en.md": (
        'title: "The Brambleton report"\ndate: 2025-08-01\nlang: en\ntranslation_key: brambleton-report\n'
        "countries: [VN]\ntranslation:\n  from: pl\n  by: Test Translator\n"
        + SOURCE.format("pl/raport", "Gazeta Testowa"),
        "The fictional Brambleton institute assesses the convention's provisions.",
    ),
}


def write_content(target: Path) -> Path:
    """The fixture archive with an article only in Polish, one only in English, and a translated pair."""
    shutil.copytree(FIXTURE, target)
    for name, (front, body) in ARTICLES.items():
        (target / "articles" / name).write_text(f"---\n{front}---\n\n{body}\n", encoding="utf-8")
    return target


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("other-language")
    return build_site(folder / "output", write_content(folder / "content"), SEARCH_INDEX=True)


@pytest.fixture(scope="module")
def served(site):
    yield from serve(site)


def results(page, count: int):
    links = page.locator("#search-results a.search-result-link")
    expect(links).to_have_count(count, timeout=10_000)
    return links


def open_filters(page):
    page.locator("#search-filters > summary").click()
    pane = page.locator("#search-filters")
    expect(pane.locator("fieldset").first).to_be_visible(timeout=10_000)
    return pane


@pytest.mark.parametrize(
    ("search_page", "query", "target", "lang", "marker", "meta"),
    [
        (EN_SEARCH, "Kwiatkomierz", POLISH_ONLY, "pl", "In Polish", "Article · 10 June 2025 · In Polish"),
        (PL_SEARCH, "Thistlewaite", ENGLISH_ONLY, "en", "Po angielsku", "Artykuł · 14 lipca 2025 · Po angielsku"),
    ],
)
def test_an_article_only_in_the_other_language_is_found_and_shown_in_its_language(
    page, served, search_page, query, target, lang, marker, meta
):
    log = watch(page)
    page.goto(f"{served.base_url}{search_page}?q={query}")
    link = results(page, 1).first
    assert link.evaluate(RESULT_TARGET) == target  # its one page, no fragment but the words' (`#:~:text=`)
    assert f":~:text={query}" in link.get_attribute("href") or f",{query}" in link.get_attribute("href")
    assert link.get_attribute("lang") == lang
    result = page.locator("#search-results li.search-result").first
    assert result.locator(".search-result-excerpt").get_attribute("lang") == lang
    assert result.locator(".search-result-excerpt").get_attribute("dir") == "ltr"
    expect(result.locator(".search-result-excerpt mark")).to_contain_text(query)
    expect(result.locator(".search-result-lang")).to_have_text(marker)
    # Its kind and date as the search page's language gives them.
    expect(result.locator(".search-result-meta")).to_have_text(meta)
    href = link.get_attribute("href")
    link.click()
    expect(page).to_have_url(re.compile(re.escape(target)))
    marked = page.locator("main").screenshot()  # the word, marked in the page's content
    page.goto("about:blank")
    page.goto(served.base_url + href.split("#:~:")[0])
    assert page.locator("main").screenshot() != marked
    assert not log.console_errors, log.console_errors


@pytest.mark.parametrize("lang", ["pl", "en"])
def test_a_translated_article_is_found_once_in_each_language(page, served, lang):
    page.goto(f"{served.base_url}{PL_SEARCH if lang == 'pl' else EN_SEARCH}?q=Brambleton")
    link = results(page, 1).first
    assert link.evaluate(RESULT_TARGET) == PAIR[lang]
    assert link.get_attribute("lang") is None
    expect(page.locator("#search-results .search-result-lang")).to_have_count(0)


@pytest.mark.parametrize(
    ("search_page", "query", "expected", "foreign"),
    [
        (PL_SEARCH, "Thistlewaite", {"Rodzaj": "Artykuł", "Rok": "2025", "Kraj": "Wietnam"}, ["Vietnam", "Article"]),
        (EN_SEARCH, "Kwiatkomierz", {"Kind": "Article", "Year": "2025", "Country": "Vietnam"}, ["Wietnam", "Artykuł"]),
    ],
)
def test_its_filters_are_the_search_pages_own_values(page, served, search_page, query, expected, foreign):
    page.goto(f"{served.base_url}{search_page}?q={query}")
    results(page, 1)
    pane = open_filters(page)
    for name, value in expected.items():
        group = pane.locator("fieldset", has=page.locator("legend", has_text=name))
        expect(group.locator("label")).to_have_text([f"{value} (1)"])
    for value in foreign:
        expect(pane).not_to_contain_text(value)
    pane.get_by_label(re.compile(f"^{expected['Kraj' if search_page == PL_SEARCH else 'Country']}")).check()
    results(page, 1)


def test_whole_filter_counts_hold_the_articles_of_the_other_language_once(page, served):
    """Without a query: "Wietnam" counts every article on Vietnam the Polish pages list, each once."""
    page.goto(served.base_url + PL_SEARCH)
    pane = open_filters(page)
    pane.get_by_label(re.compile(r"^Artykuł")).check()
    pane.get_by_label(re.compile(r"^Wietnam")).check()
    paths = results(page, 6).evaluate_all(RESULT_TARGETS)
    assert sorted(paths) == sorted(
        [
            POLISH_ONLY,
            ENGLISH_ONLY,
            PAIR["pl"],
            "/pl/2025/konwencja-podpisana-w-hanoi/",
            "/pl/2024/komitet-zatwierdza-projekt-konwencji/",
            "/pl/2026/rosnie-liczba-sygnatariuszy/",
        ]
    )


def test_only_an_untranslated_article_page_carries_a_stand_in_and_it_is_small(site):
    def page_of(url: str) -> str:
        return (site / url.strip("/") / "index.html").read_text(encoding="utf-8")

    for url in PAIR.values():
        assert "data-search-stand-in" not in page_of(url)
    for url, other in ((POLISH_ONLY, "en"), (ENGLISH_ONLY, "pl")):
        html = page_of(url)
        blocks = re.findall(
            r'<div hidden data-pagefind-ignore="all" data-search-stand-in="(\w+)">.*?</div></div>', html, re.S
        )
        assert blocks == [other]
        block = re.search(r'<div hidden data-pagefind-ignore="all" data-search-stand-in.*?</div></div>', html, re.S)
        assert len(block.group(0).encode()) < 700, block.group(0)
    assert "#in-" not in (site / "sitemap.xml").read_text(encoding="utf-8")


def test_after_an_edit_of_an_untranslated_article_make_html_indexes_what_a_full_build_does(page, tmp_path):
    content = write_content(tmp_path / "content")
    edited, full = tmp_path / "edited" / "output", tmp_path / "full" / "output"
    assert _built(content, edited) == 0
    article = content / "articles" / "2025" / "hanoi-workshop.pl.md"
    article.write_text(article.read_text(encoding="utf-8").replace("Kwiatkomierz", "Zawilcokrzew"), encoding="utf-8")
    assert _built(content, edited) > 0  # the one-edit path
    for lang in ("pl", "en"):  # the Polish page, and its stand-in in the English index
        texts = _fragments(edited, lang)
        assert [text for text in texts if "Zawilcokrzew" in text] and not [t for t in texts if "Kwiatkomierz" in t]
    _same_as_a_full_build(edited, full, content, "an untranslated article's body")
    for served in serve(edited):
        for search_page, target in ((PL_SEARCH, POLISH_ONLY), (EN_SEARCH, POLISH_ONLY)):
            page.goto(f"{served.base_url}{search_page}?q=Zawilcokrzew")
            assert results(page, 1).first.evaluate(RESULT_TARGET) == target
