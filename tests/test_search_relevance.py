"""The search relevance set (tests/fixtures/search/queries.yaml), typed into the real search page in Chromium.

The fixture archive (tests/fixtures/search/content) is built with the real pipeline and
Pagefind; each query runs through the page's own code (its ranking, its excerpts), as a
reader's would. docs/search-relevance.md says how the set grows.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import quote, urlsplit

import pytest
import yaml
from playwright.sync_api import expect

from archive_core.urls import section_url

from .browser import RESULT_TARGETS
from .conftest import SEARCH_FIXTURE
from .html_helpers import read_page

pytestmark = pytest.mark.browser

QUERIES = yaml.safe_load((SEARCH_FIXTURE / "queries.yaml").read_text(encoding="utf-8"))
KINDS = ("article", "timeline", "country")


def kind(target: str, lang: str) -> str:
    """`country` for `/pl/kraje/polska/`, `timeline` for `/pl/os-czasu/2025/#id`, else `article`."""
    if target.startswith("/" + section_url("countries", lang)):
        return "country"
    return "timeline" if target.startswith("/" + section_url("timeline", lang)) else "article"


def case_id(case: dict) -> str:
    return f"{case['lang']}:{case['query']}"


def search(page, base_url: str, case: dict) -> list[str]:
    """The targets (path and #anchor) of the results shown for the case's query, best first."""
    page.goto(f"{base_url}/{section_url('search', case['lang'])}?q={quote(case['query'])}")
    expect(page.locator("#search-status")).not_to_be_empty(timeout=15_000)
    expect(page.locator("#search-results")).not_to_have_attribute("aria-busy", "true", timeout=15_000)
    return page.locator(".search-result-link").evaluate_all(RESULT_TARGETS)


def test_every_case_is_well_formed_and_points_at_a_page_of_the_fixture(search_site: Path):
    assert len(QUERIES) >= 20
    for case in QUERIES:
        assert {"query", "lang", "first", "why"} <= case.keys(), case
        assert case["lang"] in ("pl", "en"), case
        target = urlsplit(case["first"])
        page = search_site / target.path.strip("/") / "index.html"
        assert page.is_file(), f"{case_id(case)}: no page {target.path} in the fixture archive"
        assert not target.fragment or target.fragment in read_page(page).ids, case
        if "not_in_top" in case:
            assert case["not_in_top"][0] in KINDS, case
    assert {case["lang"] for case in QUERIES} == {"pl", "en"}


@pytest.mark.parametrize("case", QUERIES, ids=case_id)
def test_the_result_the_reader_wants_comes_first(page, search_served, case):
    targets = search(page, search_served.base_url, case)
    assert targets, f"{case_id(case)}: no results"
    assert targets[0] == case["first"], f"{case_id(case)} ({case['why']}): the results were {targets[:5]}"
    if "not_in_top" in case:
        unwanted, top = case["not_in_top"]
        found = [target for target in targets[:top] if kind(target, case["lang"]) == unwanted]
        assert not found, f"{case_id(case)}: {unwanted} pages among the first {top}: {found}"
    excerpt = page.locator(".search-result-excerpt").first
    if not case.get("title_only"):
        expect(excerpt.locator("mark").first).to_be_visible()  # the excerpt shows the words around the match
    expect(page.locator("#site-search-query")).to_have_value(case["query"])
