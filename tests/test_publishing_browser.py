"""The 404 page and the article head (JSON-LD, feeds) in real Chromium: no CSP violation, nothing fetched."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser


def test_json_ld_is_data_the_browser_can_read(page, served):
    page.goto(served.base_url + "/pl/2025/otwarcie-konwencji-z-hanoi-do-podpisu/")
    data = page.evaluate("JSON.parse(document.querySelector('script[type=\"application/ld+json\"]').textContent)")
    assert data["@type"] == "NewsArticle"
    assert data["isBasedOn"]["url"].startswith("https://www.vietnamplus.vn/")
