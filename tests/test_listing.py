"""Per-language home pages: newest first, paginated (on the fixture archive plus 25 articles)."""

from __future__ import annotations

from pathlib import Path

from .conftest import build_site
from .fixture_archive import HOME
from .html_helpers import read_page
from .invariants import ARTICLE_URL

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
    add_polish_articles(content_copy, 25)  # 2024-01-01 to 2024-01-25, before the fixture's 2024 articles
    site = build_site(tmp_path / "output", content_copy)
    pages = [read_page(site / "pl" / "index.html"), read_page(site / "pl" / "page" / "2" / "index.html")]
    first, second = ([link for link in page.main_links if ARTICLE_URL.match(link)] for page in pages)
    expected = [*HOME["pl"][:-1], *(f"/pl/2024/artykul-numer-{n}/" for n in range(25, 0, -1)), HOME["pl"][-1]]
    assert first + second == expected  # 32 articles, newest first, 20 on the first page
    assert len(first) == 20
    assert "/pl/page/2/" in pages[0].links and "/pl/" in pages[1].links
    assert "Strona 2 z 2" in pages[1].text
    # The first page has its counterpart in the other language; page 2 lists other articles than the other's.
    assert pages[0].alternates == {"pl": "/pl/", "en": "/en/", "x-default": "/"}
    assert pages[1].alternates == {}
    # The new articles have no English version: the English pages list them too, in Polish, marked.
    english = [read_page(site / "en" / "index.html"), read_page(site / "en" / "page" / "2" / "index.html")]
    listed = [link for page in english for link in page.main_links if ARTICLE_URL.match(link)]
    assert len(listed) == 32 and "/pl/2024/artykul-numer-25/" in listed
    assert english[0].link_langs["/pl/2024/artykul-numer-25/"] == "pl"
    assert not (site / "pl" / "page" / "3").exists()
