"""Search finds a word of a script written without spaces (Chinese, Japanese, Thai) inside a Polish article, in
real Chromium on a real Pagefind index: Pagefind splits a Polish page at spaces, and the build adds the words of
such a run, as ICU's dictionaries split it, as extra terms (plugins/search/folding.py)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from playwright.sync_api import expect

from .conftest import FIXTURE, build_site

ARTICLE = """---
title: "Chińska prasa o konwencji"
date: 2025-10-20
lang: pl
translation_key: chinese-press
countries: [VN]
source:
  url: https://example.org/cjk
  publisher: Example
---

Wymyślona chińska agencja pisała o ceremonii jako [河内公约签署仪式]{lang=zh} i o sygnatariuszach.
"""


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    from .browser import serve

    content = tmp_path_factory.mktemp("unspaced") / "content"
    shutil.copytree(FIXTURE, content)
    (content / "articles" / "2025" / "chinese-press.pl.md").write_text(ARTICLE, encoding="utf-8")
    yield from serve(build_site(tmp_path_factory.mktemp("unspaced-site") / "output", content, SEARCH_INDEX=True))


@pytest.mark.parametrize("query", ["河内公约签署仪式", "公约", "签署"])
def test_a_chinese_word_inside_a_polish_article_finds_it(page, served, query):
    page.goto(f"{served.base_url}/pl/szukaj/?q={query}")
    expect(page.locator(".search-result-link")).to_have_text(["Chińska prasa o konwencji"])


def test_the_passage_keeps_its_language_on_the_page(served):
    html = (Path(served.directory) / "pl" / "2025" / "chinska-prasa-o-konwencji" / "index.html").read_text("utf-8")
    assert '<span lang="zh">河内公约签署仪式</span>' in html
