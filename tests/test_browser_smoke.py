"""The site in real Chromium: readable without JavaScript, keyboard first (errors, requests: test_sitewide)."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser


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
