"""The timeline pages in real headless Chromium: clean, readable without JavaScript, entries linkable."""

from __future__ import annotations

import pytest

from .fixture_archive import EN_ARTICLE

pytestmark = pytest.mark.browser


@pytest.mark.parametrize(
    ("path", "when"),
    [("/pl/os-czasu/2025/", "25–26 października 2025"), ("/en/timeline/2025/", "25–26 October 2025")],
)
def test_timeline_readable_without_javascript(chromium, fixture_served, path, when):
    context = chromium.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(fixture_served.base_url + path)
    assert when in page.locator("#signing-ceremony .timeline-when").inner_text()
    assert page.locator("ol.timeline > li").count() >= 1  # the year's events; its articles are on its page
    assert page.locator(".timeline-articles a").count() >= 1
    context.close()


def test_an_entry_is_linkable_from_an_article(page, fixture_served):
    page.goto(fixture_served.base_url + EN_ARTICLE)
    page.locator(".timeline-position a[href$='#signing-ceremony']").click()
    page.wait_for_url("**/en/timeline/2025/#signing-ceremony")
    assert page.evaluate("document.querySelector(':target').id") == "signing-ceremony"


def test_the_json_export_is_fixture_served_as_json(page, fixture_served):
    response = page.goto(fixture_served.base_url + "/en/timeline.json")
    assert response.status == 200
    assert response.headers["content-type"].startswith("application/json")
    assert response.json()["entries"][0]["id"] == "resolution-adopted"
