"""The filters' counts are the results each filter gives, also where the search page adds pages to Pagefind's own (a
word written as one where the query writes two, a day as a page's text writes it), in real Chromium on a real
Pagefind index of an archive written here: more pages to add than the page checks (PHRASE_CHECKS)."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from playwright.sync_api import expect

from .test_search_queries import EN, built_and_served, titles_found

pytestmark = pytest.mark.browser

NAMES = Path(__file__).parent / "fixtures" / "search_untuned3" / "content" / "data" / "country-names.yaml"
ARTICLE = """---
title: "{title}"
date: {date}
lang: en
translation_key: {key}
countries: [PL]
source:
  url: https://example.org/counts/{key}
  publisher: Data Desk
---

{text}
"""


def article(content: Path, key: str, date: str, title: str, text: str) -> None:
    path = content / "articles" / date[:4] / f"{key}.en.md"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(ARTICLE.format(title=title, date=date, key=key, text=text), encoding="utf-8")


@pytest.fixture(scope="module")
def counts_served(tmp_path_factory):
    content = tmp_path_factory.mktemp("counts-content") / "content"
    (content / "data").mkdir(parents=True)
    shutil.copy(NAMES, content / "data")
    # One page writes the two words apart; 24 write them as one, the most often in 2026's pages (ranked first).
    article(content, "apart", "2025-03-02", "Police statistics", "Cyber crime figures rose again in the spring.")
    for number in range(21):
        text = f"Report {number}: cybercrime, cybercrime and cybercrime again, on the desk of the police."
        article(content, f"recent-{number}", f"2026-02-{number + 1:02d}", f"Weekly report {number}", text)
    for number in range(3):
        text = f"A long note {number} on courts and prisons, where cybercrime is named once among many other things."
        article(content, f"older-{number}", f"2025-04-{number + 1:02d}", f"Court note {number}", text)
    yield from built_and_served(tmp_path_factory, content, "counts")


def test_each_years_count_is_the_results_it_gives(page, counts_served):
    titles_found(page, counts_served.base_url, EN, "cyber crime")
    total = int(re.match(r"\d+", page.locator("#search-status").inner_text()).group())
    page.locator("#search-filters > summary").click()
    years = page.locator("fieldset", has=page.locator("legend", has_text="Year"))
    expect(years.locator("label").first).to_be_visible(timeout=15_000)
    counts = {
        label.split(" (")[0]: int(re.search(r"\((\d+)\)$", label).group(1))
        for label in years.locator("label").all_inner_texts()
    }
    assert sum(counts.values()) == total, counts
    for year, count in counts.items():
        years.get_by_label(re.compile(rf"^{year} \(")).check()
        status = page.locator("#search-status")
        expect(page.locator("#search-results")).not_to_have_attribute("aria-busy", "true", timeout=15_000)
        expect(status).to_have_text(re.compile(rf"^{count} results? for cyber crime"))
        years.get_by_label(re.compile(rf"^{year} \(")).uncheck()
        expect(page.locator("#search-results")).not_to_have_attribute("aria-busy", "true", timeout=15_000)
