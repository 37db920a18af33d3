"""The 404 page and the article head (JSON-LD, feeds) in real Chromium: no CSP violation, nothing fetched."""

from __future__ import annotations

import pytest

from .fixture_archive import PL_ARTICLE

pytestmark = pytest.mark.browser


def test_json_ld_is_data_the_browser_can_read(page, fixture_served):
    page.goto(fixture_served.base_url + PL_ARTICLE)
    data = page.evaluate("JSON.parse(document.querySelector('script[type=\"application/ld+json\"]').textContent)")
    assert data["@type"] == "NewsArticle"
    assert data["isBasedOn"]["url"] == "https://example.org/pl/hanoi"
