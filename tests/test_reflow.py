"""Content of any shape reads on a 320-pixel screen without scrolling sideways (WCAG 2.2 SC 1.4.10).

A word longer than a line is valid content: a compound, a name, an address cited in the text, a table of
them. Each is put where a page shows it (title, topic, publisher, source address, body, table, caption
credit), and every page of the site is loaded in Chromium at 320 CSS pixels. So are a line of code longer
than the screen (a `pre` keeps its lines as written: found by an audit adding articles to content/) and a
table of more columns than a phone holds, however short its words: it scrolls on its own, by keyboard too.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe

from .browser import serve
from .conftest import FIXTURE, build_site
from .sitewide import AXE_TAGS, REFLOW_WIDTH, axe_summary, html_pages, page_url, wider_than_a_phone

WORD = "Konwencjaoprzeciwdziałaniuprzestępczościcyberprzestrzennej"
URL = "https://example.org/a/very/long/path/" + "x" * 80
WIDE = f"""---
title: "{WORD} podpisana"
date: 2025-03-01
lang: pl
translation_key: wide-words
slug: wide-words
tags: ["{WORD[:45]}"]
countries: [VN, PL, ZA]
source:
  url: {URL}
  publisher: "{WORD}"
---

Tekst cytuje {URL} dosłownie, a {WORD} to jedno słowo.

::: caption
Podpisanie. (Zdjęcie: Jan {WORD}/AGENCJA)
:::

| {WORD} | {WORD} |
|---|---|
| {WORD} | {URL} |

```
def ratify(country: str) -> bool:  # a line of code longer than a phone's screen, kept as written
```

| a | b | c | d | e | f | g | h | i | j | k | l | m | n |
|---|---|---|---|---|---|---|---|---|---|---|---|---|---|
| 2019 | 2020 | 2021 | 2022 | 2023 | 2024 | 2025 | 2026 | 2027 | 2028 | 2029 | 2030 | 2031 | 2032 |
"""


@pytest.fixture(scope="module")
def wide_site(tmp_path_factory) -> Path:
    content = tmp_path_factory.mktemp("wide") / "content"
    shutil.copytree(FIXTURE, content)
    (content / "articles" / "2025" / "wide-words.pl.md").write_text(WIDE, encoding="utf-8")
    return build_site(content.parent / "output", content)


@pytest.mark.browser
def test_no_page_scrolls_sideways_with_words_longer_than_a_line(wide_site, chromium):
    assert WORD in (wide_site / "pl" / "2025" / "wide-words" / "index.html").read_text(encoding="utf-8")
    served = serve(wide_site)
    base_url = next(served).base_url
    context = chromium.new_context()
    try:
        too_wide = {}
        for url in (page_url(wide_site, path) for path in html_pages(wide_site)):
            page = context.new_page()
            page.goto(base_url + url)
            if found := wider_than_a_phone(page):
                too_wide[url] = found
            page.close()
    finally:
        context.close()
        served.close()
    assert too_wide == {}


@pytest.mark.browser
def test_a_table_wider_than_the_screen_scrolls_by_keyboard_and_passes_axe(wide_site, chromium):
    """A table that scrolls on its own is a scrollable region: keyboard users reach it (axe's
    scrollable-region-focusable, WCAG 2.1.1), on a phone and on a desktop screen alike."""
    served = serve(wide_site)
    base_url = next(served).base_url
    context = chromium.new_context()
    options = {"runOnly": {"type": "tag", "values": AXE_TAGS}, "resultTypes": ["violations"]}
    try:
        found = {}
        for width in (REFLOW_WIDTH, 1280):
            page = context.new_page()
            page.set_viewport_size({"width": width, "height": 720})
            page.goto(base_url + "/pl/2025/wide-words/")
            assert page.locator("table").count() == 2
            found[width] = axe_summary(Axe().run(page, options=options).response["violations"])
            page.close()
    finally:
        context.close()
        served.close()
    assert found == {REFLOW_WIDTH: [], 1280: []}
