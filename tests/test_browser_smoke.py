"""The site in real Chromium: readable without JavaScript, keyboard first (errors, requests: test_sitewide)."""

from __future__ import annotations

import pytest

from .fixture_archive import EN_ARTICLE

pytestmark = pytest.mark.browser


def test_article_readable_without_javascript(chromium, fixture_served):
    context = chromium.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(fixture_served.base_url + EN_ARTICLE)
    assert "Ostrander" in page.locator("main").inner_text()
    context.close()


def test_skip_link_is_first_in_keyboard_order(page, fixture_served):
    page.goto(fixture_served.base_url + "/pl/")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "Przejdź do treści"
