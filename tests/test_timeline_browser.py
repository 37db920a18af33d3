"""The timeline pages in real headless Chromium: clean, readable without JavaScript, entries linkable."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser


@pytest.mark.parametrize(
    ("path", "when"),
    [("/pl/os-czasu/", "25–26 października 2025"), ("/en/timeline/", "25–26 October 2025")],
)
def test_timeline_readable_without_javascript(chromium, served, path, when):
    context = chromium.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(served.base_url + path)
    assert when in page.locator("#signing-hanoi .timeline-when").inner_text()
    assert page.locator("ol.timeline > li").count() >= 10
    context.close()


def test_an_entry_is_linkable_from_an_article(page, served):
    page.goto(served.base_url + "/en/2025/hanoi-convention-opens-for-signature/")
    page.locator(".timeline-position a[href$='#signing-hanoi']").click()
    page.wait_for_url("**/en/timeline/#signing-hanoi")
    assert page.evaluate("document.querySelector(':target').id") == "signing-hanoi"


def test_the_json_export_is_served_as_json(page, served):
    response = page.goto(served.base_url + "/en/timeline.json")
    assert response.status == 200
    assert response.headers["content-type"].startswith("application/json")
    assert response.json()["entries"][0]["id"] == "resolution-74-247"
