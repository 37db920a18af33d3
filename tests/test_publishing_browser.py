"""The 404 page and the article head (JSON-LD, feeds) in real Chromium: no CSP violation, nothing fetched."""

from __future__ import annotations

import pytest

from .browser import watch

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("path", ["/404.html", "/en/2025/hanoi-convention-opens-for-signature/"])
def test_page_loads_cleanly_under_the_csp(page, served, path):
    log = watch(page)
    response = page.goto(served.base_url + path)
    assert response.status == 200
    assert not log.console_errors, log.console_errors
    assert not log.failures, log.failures
    assert all(url.startswith(served.base_url) for url in log.requests), log.requests


def test_json_ld_is_data_the_browser_can_read(page, served):
    page.goto(served.base_url + "/pl/2025/otwarcie-konwencji-z-hanoi-do-podpisu/")
    data = page.evaluate("JSON.parse(document.querySelector('script[type=\"application/ld+json\"]').textContent)")
    assert data["@type"] == "NewsArticle"
    assert data["isBasedOn"]["url"].startswith("https://www.vietnamplus.vn/")
