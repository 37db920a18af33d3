"""Counts as each language writes them, on the pages and on the search page: 1,234 in English; 1234 and 12 345 in
Polish (which groups digits from five on). An archive of a thousand articles in a year printed 1003 in English."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from playwright.sync_api import expect

from . import invariants
from .browser import serve
from .conftest import FIXTURE, build_site
from .html_helpers import read_page

ADDED = 1002  # English articles of 2025
WORD = "Zephyrine"  # in every added article, and in no other page


@pytest.fixture(scope="module")
def content(tmp_path_factory) -> Path:
    content = tmp_path_factory.mktemp("numbers") / "content"
    shutil.copytree(FIXTURE, content)
    folder = content / "articles" / "2025"
    for n in range(ADDED):
        (folder / f"added-{n}.en.md").write_text(
            f'---\ntitle: "Added article {n}"\ndate: 2025-{n % 12 + 1:02d}-{n % 28 + 1:02d}\nlang: en\n'
            f"translation_key: added-{n}\ncountries: [FR]\ntags: [ratification]\n"
            f"source:\n  url: https://example.org/added/{n}\n  publisher: Example Wire\n---\n\n"
            f"The delegate {WORD} spoke, number {n}.\n",
            encoding="utf-8",
        )
    return content


@pytest.fixture(scope="module")
def site(content, tmp_path_factory) -> Path:
    return build_site(tmp_path_factory.mktemp("numbers-site") / "output", content, SEARCH_INDEX=True)


def text(site: Path, url: str) -> str:
    return read_page(site / url.strip("/") / "index.html").text


def test_the_pages_write_a_count_as_their_language_does(site):
    # 2025 in English: the added articles, the fixture's English one, and its Polish one, marked, not translated
    assert "1,004 articles, newest first." in text(site, "/en/2025/")
    assert "2025 (1,004)" in text(site, "/en/")  # the year index
    assert "ratification (1,003)" in text(site, "/en/topics/")
    assert "Articles (1,003)" in text(site, "/en/countries/france/")
    # Polish writes four digits without a separator (the pages list the English articles too, marked)
    assert "1004 artykuły, od najnowszych." in text(site, "/pl/2025/")
    assert "2025 (1004)" in text(site, "/pl/")


def test_the_invariants_read_a_count_of_thousands(content, site):
    # The checks run on content/ must hold for an archive of any size: the timeline writes `1,004 articles`.
    assert invariants.timeline_problems(content, site) == []


@pytest.mark.browser
def test_the_search_page_writes_its_counts_as_its_language_does(site, chromium):
    page = chromium.new_page()
    for served in serve(site):
        page.goto(f"{served.base_url}/en/search/?q={WORD}")
        expect(page.locator("#search-status")).to_have_text(f"1,002 results for {WORD}", timeout=15_000)
        page.locator("#search-filters summary").click()
        expect(page.locator("#search-filter-groups")).to_contain_text("Article (1,002)", timeout=15_000)
    page.close()
