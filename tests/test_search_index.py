"""The search index and the search pages in the real build (no browser)."""

from __future__ import annotations

import json
from pathlib import Path

from .html_helpers import read_page

PL_ARTICLE = "pl/2025/otwarcie-konwencji-z-hanoi-do-podpisu/index.html"


def test_one_index_per_language_with_only_the_articles(site: Path):
    entry = json.loads((site / "pagefind" / "pagefind-entry.json").read_text(encoding="utf-8"))
    assert {lang: index["page_count"] for lang, index in entry["languages"].items()} == {"pl": 1, "en": 1}
    assert (site / "pagefind" / "pagefind-component-ui.js").is_file()


def test_search_pages_in_both_languages_link_to_each_other(site: Path):
    pl, en = read_page(site / "pl/szukaj/index.html"), read_page(site / "en/search/index.html")
    assert (pl.lang, en.lang) == ("pl", "en")
    for page in (pl, en):
        assert page.alternates == {"pl": "/pl/szukaj/", "en": "/en/search/", "x-default": "/pl/szukaj/"}
    assert "/en/search/" in pl.links and "/pl/szukaj/" in en.links
    assert "Wyszukiwanie wymaga JavaScriptu" in pl.text
    assert "Search needs JavaScript" in en.text


def test_article_marks_its_main_content_filters_and_metadata(site: Path):
    html = (site / PL_ARTICLE).read_text(encoding="utf-8")
    assert '<main id="main" tabindex="-1" data-pagefind-body>' in html
    for marker in (
        '<span data-pagefind-filter="Rodzaj">Artykuł</span>',
        '<span data-pagefind-filter="Rok">2025</span>',
        '<span data-pagefind-filter="Kraj">Białoruś</span>',
        '<span data-pagefind-filter="Kraj">Republika Południowej Afryki</span>',
        '<span data-pagefind-meta="date">2025-10-26</span>',
        '<span data-pagefind-meta="date_label">26 października 2025</span>',
        '<span data-pagefind-sort="date">2025-10-26</span>',
        '<p data-pagefind-meta="summary">',
    ):
        assert marker in html, marker


def test_every_page_has_the_header_search_form(site: Path):
    for path in ("pl/index.html", "en/index.html", PL_ARTICLE, "pl/szukaj/index.html"):
        html = (site / path).read_text(encoding="utf-8")
        lang = read_page(site / path).lang
        action = "/pl/szukaj/" if lang == "pl" else "/en/search/"
        assert f'<form class="site-search" role="search" action="{action}" method="get">' in html, path
        assert '<input id="site-search-query" type="search" name="q"' in html


def test_no_inline_scripts_or_styles(site: Path):
    for path in site.rglob("*.html"):
        if "pagefind" in path.parts:
            continue
        html = path.read_text(encoding="utf-8")
        assert "style=" not in html and "<style" not in html, path
        for chunk in html.split("<script")[1:]:
            opening = chunk.split(">", 1)[0]
            data_block = 'type="text/pagefind-template"' in opening or 'type="application/ld+json"' in opening
            assert "src=" in opening or data_block, (path, opening)
