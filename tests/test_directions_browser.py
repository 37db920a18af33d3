"""Labels in right-to-left scripts (an Arabic title, publisher, topic, translator, timeline entry) are isolated from
the text around them, in real Chromium on a real build.

Without isolation the bidirectional algorithm runs an Arabic label together with what follows it: a topic's
count `(1)` after an Arabic topic name is drawn to its left, a date or a `·` jumps sides. Each label is held by
an element with `dir="auto"` or by a `<bdi>`: both isolate (`unicode-bidi: isolate`) and take the label's own
direction.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from playwright.sync_api import expect

from .conftest import FIXTURE, build_site

ARTICLE = """---
title: "قمة هانوي 2025"
date: 2025-10-27
lang: en
translation_key: hanoi-summit-in-arabic
countries: [VN]
tags: ["جرائم إلكترونية"]
source:
  url: https://example.org/ar/summit
  publisher: "صحيفة المثال"
translation_chain:
  - from: ar
    to: en
    by: "سمير المترجم"
---

An invented article: the summit in Hanoi as the invented Arabic paper reports it, headlined
[قمة هانوي]{lang=ar dir=rtl} on 27 October.
"""
# An English title that opens with an Arabic quotation: English, drawn left to right (with `dir="auto"` it took the
# quotation's direction, and "the Saudi view" came first, on the left, right-aligned).
MIXED = """---
title: "«جرائم إلكترونية»: the Saudi view"
date: 2025-10-28
lang: en
translation_key: saudi-view
source:
  url: https://example.org/ar/view
  publisher: Example
---

An invented article about the Saudi delegation's view of the convention.
"""
EVENT = """id: summit-report
kind: signing
date: 2025-10-27
title:
  pl: "تقرير القمة"
  en: "تقرير القمة"
description:
  pl: Wymyślone wydarzenie z tytułem w alfabecie arabskim.
  en: An invented event with a title in Arabic script.
sources:
  - url: https://example.org/ar/report
    title: "تقرير"
    publisher: "صحيفة المثال"
    accessed: 2025-10-28
articles: [hanoi-summit-in-arabic]
"""

# Every rendered text node holding a right-to-left letter must be isolated inside its block: an inline element
# around it isolates (`dir`, `<bdi>`: computed `unicode-bidi: isolate`), or its block has a `dir` of its own.
# (Chromium gives most blocks `unicode-bidi: isolate`, which isolates nothing inside them: not counted.)
NOT_ISOLATED = """() => {
  const rtl = /[\\u0590-\\u08FF\\uFB1D-\\uFDFF\\uFE70-\\uFEFF]/;
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  const found = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (!rtl.test(node.data)) continue;
    const parent = node.parentElement;
    if (!parent.getClientRects().length) continue;  // not rendered (search facets' hidden meta)
    let isolated = false;
    for (let element = parent; element && !isolated; element = element.parentElement) {
      const style = getComputedStyle(element);
      const inline = style.display.startsWith("inline");
      isolated = element.hasAttribute("dir") || (inline && ["isolate", "plaintext"].includes(style.unicodeBidi));
      if (!inline) break;
    }
    if (!isolated) found.push(`${parent.outerHTML.slice(0, 160)} in ${parent.parentElement.outerHTML.slice(0, 200)}`);
  }
  return found;
}"""


@pytest.fixture(scope="module")
def rtl_site(tmp_path_factory) -> Path:
    content = tmp_path_factory.mktemp("rtl") / "content"
    shutil.copytree(FIXTURE, content)
    (content / "articles" / "2025" / "hanoi-summit-in-arabic.en.md").write_text(ARTICLE, encoding="utf-8")
    (content / "data" / "timeline" / "summit-report.yaml").write_text(EVENT, encoding="utf-8")
    (content / "articles" / "2025" / "saudi-view.en.md").write_text(MIXED, encoding="utf-8")
    return build_site(tmp_path_factory.mktemp("rtl-site") / "output", content, SEARCH_INDEX=True)


@pytest.fixture(scope="module")
def rtl_served(rtl_site):
    from .browser import serve

    yield from serve(rtl_site)


def _pages(site: Path) -> list[str]:
    """Every page of the site that shows an Arabic label."""
    return sorted(
        "/" + str(path.relative_to(site).parent) + "/"
        for path in site.rglob("index.html")
        if "صحيفة المثال" in (text := path.read_text(encoding="utf-8")) or "قمة" in text or "جرائم" in text
    )


def test_every_right_to_left_label_on_every_page_is_isolated(page, rtl_served):
    pages = _pages(rtl_served.directory)
    # The article, its year, topic, country and home pages in both languages, the topics and timeline pages.
    assert len(pages) >= 10, pages
    for path in pages:
        page.goto(rtl_served.base_url + path)
        assert page.evaluate(NOT_ISOLATED) == [], path


def test_an_arabic_title_and_its_arabic_publisher_keep_their_order(page, rtl_served):
    """`title · publisher`: the `·` between two right-to-left runs joins them into one, drawn right to left, and
    the publisher came first; isolated, the title comes first, as on every other line."""
    page.goto(rtl_served.base_url + "/en/2025/")
    item = page.locator(".article-item", has_text="صحيفة المثال")
    title = item.locator("a").bounding_box()
    publisher = item.locator(".publisher").bounding_box()
    assert publisher["x"] >= title["x"] + title["width"], (title, publisher)


def test_search_results_and_filters_isolate_an_arabic_title_and_topic(page, rtl_served):
    page.goto(rtl_served.base_url + "/en/search/?q=invented+Arabic+paper")
    expect(page.locator(".search-result-link").first).to_have_text("قمة هانوي 2025")
    page.locator("#search-filters summary").click()
    assert page.evaluate(NOT_ISOLATED) == []


def test_a_passage_marked_in_its_language_carries_it_on_the_page(page, rtl_served):
    page.goto(rtl_served.base_url + "/en/2025/qm-hnwy-2025/")
    passage = page.locator('.article-body span[lang="ar"]')
    expect(passage).to_have_text("قمة هانوي")
    assert passage.evaluate("e => [e.dir, getComputedStyle(e).direction]") == ["rtl", "rtl"]


# Where the text `the` of a title is drawn, and where its first Arabic letter is.
_POSITIONS = """(element) => {
  const node = [...element.childNodes].find((n) => n.nodeType === Node.TEXT_NODE && n.data.includes('the'));
  const at = (start, length) => {
    const range = document.createRange();
    range.setStart(node, start);
    range.setEnd(node, start + length);
    return range.getBoundingClientRect().x;
  };
  return [at(node.data.search(/[\\u0600-\\u06FF]/), 1), at(node.data.indexOf('the'), 3)];
}"""


def test_an_english_title_that_opens_with_an_arabic_quotation_reads_left_to_right(page, rtl_served):
    for path, selector in (
        ("/en/2025/jrym-lktrwny-the-saudi-view/", "h1"),
        ("/en/", "article.summary h2 a"),
        ("/en/2025/", ".article-item a"),
        ("/en/search/?q=Saudi+delegation", ".search-result-link"),
    ):
        page.goto(rtl_served.base_url + path)
        title = page.locator(selector, has_text="the Saudi view").first
        expect(title).to_have_attribute("dir", "ltr")
        arabic, english = title.evaluate(_POSITIONS)
        assert arabic < english, path
    page.goto(rtl_served.base_url + "/en/2025/qm-hnwy-2025/")
    expect(page.locator("h1")).to_have_attribute("dir", "rtl")  # a headline kept in Arabic, right to left
