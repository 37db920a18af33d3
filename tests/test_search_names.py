"""Other names of one thing (content/data/names.yaml), in real Chromium on a real Pagefind index.

The fixture is this module's own: pages that each write one name of a thing (the convention, a city), a
page that writes none, and a timeline event; the names table in the file's format, with names of its own.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import quote

import pytest
from playwright.sync_api import expect

from archive_core.schema import default_slug

from .conftest import build_site
from .html_helpers import page_for_url

pytestmark = pytest.mark.browser

PL, EN = "/pl/szukaj/", "/en/search/"
NAMES = """\
names:
  - name: United Nations Convention against Cybercrime
    other:
      en: [UN Convention against Cybercrime, Hanoi Convention]
      pl: [Konwencja z Hanoi, Konwencja hanojska]
  - name: Hanoi
    other:
      en: [Hà Nội, Ha Noi]
      pl: [Hanoj]
"""
CONVENTION = (
    "United Nations Convention against Cybercrime",
    "UN Convention against Cybercrime",
    "Hanoi Convention",
    "Konwencja z Hanoi",
    "Konwencja hanojska",
)
CITY = ("Hanoi", "Hà Nội", "Ha Noi", "Hanoj")
# (key, lang): (title, body). Each pair's other version writes no name; no title writes one.
ARTICLES = {
    ("polish-name", "pl"): ("Nowy rozdział współpracy", "Tego dnia Konwencja z Hanoi otwiera nowy rozdział."),
    ("polish-name", "en"): ("A new chapter of cooperation", "That day a new chapter opens."),
    ("english-name", "pl"): ("Eksperci chwalą traktat", "Eksperci chwalili traktat."),
    ("english-name", "en"): ("Experts praise the treaty", "Experts praised the Hanoi Convention."),
    ("city", "pl"): ("Spotkanie delegacji", "Delegacje spotkały się w Hanoi."),
    ("city", "en"): ("Delegations meet", "The delegations met here in Hà Nội."),
    # As like the pages that write a name as can be: a query Pagefind answers by its longest indexed start (a
    # word the index does not hold: docs/search-relevance.md) would find this page too.
    ("nothing", "pl"): ("Harmonogram prac", "Tego dnia harmonogram prac otwiera nowy rozdział."),
    ("nothing", "en"): (
        "A new chapter of cooperation: the timetable",
        "That day a new chapter of the timetable opens.",
    ),
}
NOTHING = {lang: title for (key, lang), (title, _) in ARTICLES.items() if key == "nothing"}
EVENT = """\
id: named-event
kind: approval
date: 2024-08-08
title:
  pl: Zatwierdzenie projektu
  en: Draft approved
description:
  pl: Państwa zatwierdziły projekt (fikcyjny opis).
  en: States approved the draft of the UN Convention against Cybercrime (an invented description).
sources:
  - https://example.org/events/named
"""


def write_content(root: Path) -> Path:
    (root / "data" / "timeline").mkdir(parents=True)
    (root / "data" / "names.yaml").write_text(NAMES, encoding="utf-8")
    (root / "data" / "timeline" / "named-event.yaml").write_text(EVENT, encoding="utf-8")
    folder = root / "articles" / "2025"
    folder.mkdir(parents=True)
    for (key, lang), (title, body) in ARTICLES.items():
        front = f'---\ntitle: "{title}"\ndate: 2025-10-25\nlang: {lang}\ntranslation_key: {key}\n'
        source = f"source:\n  url: https://example.org/names/{key}\n  publisher: Fixture Press\n"
        translation = "translation:\n  from: en\n  by: Fixture Press\n" if lang == "pl" else ""
        (folder / f"{key}.{lang}.md").write_text(f"{front}{source}{translation}---\n\n{body}\n", encoding="utf-8")
    return root


@pytest.fixture(scope="module")
def names_site(tmp_path_factory) -> Path:
    content = write_content(tmp_path_factory.mktemp("names") / "content")
    return build_site(content.parent / "output", content, SEARCH_INDEX=True)


@pytest.fixture(scope="module")
def names_served(names_site):
    from .browser import serve

    yield from serve(names_site)


def found(page, base: str, path: str, query: str) -> list[str]:
    page.goto(f"{base}{path}?q={quote(query)}")
    expect(page.locator("#search-status")).not_to_be_empty(timeout=15_000)
    expect(page.locator("#search-results")).not_to_have_attribute("aria-busy", "true", timeout=15_000)
    return page.locator("#search-results .search-result a.search-result-link").all_inner_texts()


@pytest.mark.parametrize(
    ("path", "names", "title"),
    [
        (PL, CONVENTION, "Nowy rozdział współpracy"),  # writes only "Konwencja z Hanoi"
        (EN, CONVENTION, "Experts praise the treaty"),  # writes only "Hanoi Convention"
        (PL, CITY, "Spotkanie delegacji"),  # writes only "Hanoi"
        (EN, CITY, "Delegations meet"),  # writes only "Hà Nội"
        (EN, CONVENTION, "Draft approved"),  # a timeline event that writes only "UN Convention against Cybercrime"
    ],
)
def test_every_name_of_a_thing_finds_a_page_that_writes_one(page, names_served, path, names, title):
    for name in names:
        titles = found(page, names_served.base_url, path, name)
        assert title in titles, f"{name!r} on {path}: {titles}"
        assert not set(NOTHING.values()) & set(titles), f"{name!r} on {path}: {titles}"


def test_a_page_that_writes_no_name_gets_no_names(names_site):
    nothing = [f"{lang}/2025/{default_slug(title)}/" for lang, title in NOTHING.items()]
    for url in (*nothing, "en/2025/a-new-chapter-of-cooperation/"):
        assert 'data-pagefind-meta="names"' not in page_for_url(names_site, url).read_text(encoding="utf-8"), url
    written = page_for_url(names_site, "pl/2025/nowy-rozdzial-wspolpracy/").read_text(encoding="utf-8")
    assert 'data-pagefind-meta="names"' in written and "Hanoi Convention" in written
