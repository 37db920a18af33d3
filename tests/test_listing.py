"""Per-language home pages: newest first, paginated; the language switch when no translation exists."""

from __future__ import annotations

from pathlib import Path

from .browsing import ARTICLE_URL
from .conftest import build_site
from .html_helpers import read_page

ARTICLE = """---
title: "Artykuł numer {n}"
date: 2024-01-{day:02d}
lang: pl
translation_key: test-article-{n}
source:
  url: https://example.org/{n}
  publisher: Example
---

Treść artykułu {n}.
"""


def add_polish_articles(content: Path, count: int) -> None:
    folder = content / "articles" / "2024"
    folder.mkdir(parents=True, exist_ok=True)
    for n in range(1, count + 1):
        (folder / f"test-article-{n}.pl.md").write_text(ARTICLE.format(n=n, day=n), encoding="utf-8")


def test_home_is_paginated_newest_first(content_copy, tmp_path):
    add_polish_articles(content_copy, 25)  # plus the seed: 26 Polish articles, 20 per page
    site = build_site(tmp_path / "output", content_copy)
    first, second = read_page(site / "pl" / "index.html"), read_page(site / "pl" / "page" / "2" / "index.html")
    first_articles = [link for link in first.links if ARTICLE_URL.match(link)]  # not the year index's links
    assert first_articles[0] == "/pl/2025/otwarcie-konwencji-z-hanoi-do-podpisu/"  # newest
    assert first_articles[1] == "/pl/2024/artykul-numer-25/"
    assert len(first_articles) == 20
    assert "/pl/page/2/" in first.links and "/pl/" in second.links
    assert "Strona 2 z 2" in second.text
    assert len([link for link in second.links if ARTICLE_URL.match(link) and link.startswith("/pl/2024/")]) == 6
    assert not (site / "en" / "page" / "2").exists()


def test_switch_says_plainly_when_no_translation_exists(content_copy, tmp_path):
    add_polish_articles(content_copy, 1)
    site = build_site(tmp_path / "output", content_copy)
    page = read_page(site / "pl" / "2024" / "artykul-numer-1" / "index.html")
    assert "Brak jeszcze tłumaczenia na język: angielski." in page.text
    assert "/en/" in page.links  # leads to the English home page instead
    assert set(page.alternates) == {"pl", "x-default"}
