"""The site in real headless Chromium: readable, no errors, nothing fetched from elsewhere."""

from __future__ import annotations

import pytest

from .browser import watch

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("path", ["/", "/pl/", "/en/", "/pl/2025/otwarcie-konwencji-z-hanoi-do-podpisu/"])
def test_page_loads_cleanly(page, served, path):
    log = watch(page)
    response = page.goto(served.base_url + path)
    assert response.status == 200
    assert not log.console_errors, log.console_errors
    assert not log.failures, log.failures
    assert all(url.startswith(served.base_url) for url in log.requests), log.requests


def test_article_readable_without_javascript(chromium, served):
    context = chromium.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(served.base_url + "/en/2025/hanoi-convention-opens-for-signature/")
    assert "Brandolino" in page.locator("main").inner_text()
    context.close()


def test_skip_link_is_first_in_keyboard_order(page, served):
    page.goto(served.base_url + "/pl/")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "Przejdź do treści"
