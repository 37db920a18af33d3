"""A search result shows the page's words as the page shows them, whatever characters they hold (in Chromium).

Pagefind's excerpt is HTML: the page's text with `<` and `>` escaped and the matches in `<mark>`, but `&` left as
it is. Read as HTML, text that spells an entity was shown as another: `?id=7&section=2` as `?id=7§ion=2`,
`&amp;` as `&`, `&lt;b&gt;` as `<b>`.
"""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from .browser import serve
from .conftest import build_site

pytestmark = pytest.mark.browser

ARTICLE = """---
title: "A register of addresses"
date: 2025-10-27
lang: en
translation_key: register-of-addresses
source:
  url: https://example.org/register
  publisher: Example Agency
---

Before it, the archive keeps a long report on the delegations, their seats, the order of the speeches, the
interpreters, the press gallery, the photographers, the ceremony's music, the flags, the weather over the city,
the traffic on the bridges, the hotels and the dinners, so that what follows is far from the start of the text.

The register gave its page as records.example.org/?id=7&section=2&copy=1&para=3&not=4 and its owner as
Fixture &amp;amp; Sons, who mark a name with &amp;lt;b&amp;gt; or <b>, and write &amp;#169; or &amp;copy; for (c).
"""


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    content = tmp_path_factory.mktemp("search-text") / "content"
    (content / "articles" / "2025").mkdir(parents=True)
    (content / "articles" / "2025" / "register-of-addresses.en.md").write_text(ARTICLE, encoding="utf-8")
    yield from serve(build_site(content.parent / "output", content, SEARCH_INDEX=True))


def words(text: str) -> str:
    return " ".join(text.split())


@pytest.mark.parametrize("query", ["register", "Sons", "copy"])
def test_an_excerpt_shows_the_pages_words_as_the_page_shows_them(page, served, query):
    page.goto(f"{served.base_url}/en/2025/a-register-of-addresses/")
    shown = words(page.locator("main .article-body, main article").first.inner_text())
    assert "?id=7&section=2&copy=1&para=3&not=4" in shown and "&amp; Sons" in shown and "&lt;b&gt; or <b>" in shown
    page.goto(f"{served.base_url}/en/search/?q={query}")
    excerpt = page.locator("#search-results .search-result .search-result-excerpt").first
    expect(excerpt.locator("mark").first).to_be_visible(timeout=15_000)
    text = words(excerpt.inner_text()).strip("… ")
    assert text and text in shown, (text, shown)
    assert re.search(r"\b" + query, excerpt.locator("mark").first.inner_text(), re.IGNORECASE)
