"""The fixture archive's country index and a country page in headless Chromium: the map's colours, links, legend."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser


def fill(page, code: str) -> str:
    return page.evaluate(f"getComputedStyle(document.querySelector('svg.map a[data-code={code}] path')).fill")


def test_map_colours_each_country_by_its_status(page, fixture_served):
    page.emulate_media(color_scheme="light")
    page.goto(fixture_served.base_url + "/en/countries/")
    assert fill(page, "VN") == fill(page, "PL") == "rgb(29, 111, 184)"  # signed
    assert fill(page, "US").startswith("url(")  # not signed: hatched, not colour alone
    unlinked = page.evaluate("getComputedStyle(document.querySelector('svg.map path.status-none')).fill")
    assert unlinked == "rgb(220, 223, 227)"
    legend = page.locator(".map-legend").inner_text()
    assert "Signed (4)" in legend and "Ratified (1)" in legend and "Not signed (1)" in legend


def test_a_country_on_the_map_is_a_link_to_its_page(page, fixture_served):
    page.goto(fixture_served.base_url + "/pl/kraje/")
    page.locator("svg.map:not(.europe-map) a[data-code=PL]").click()
    page.wait_for_url("**/pl/kraje/polska/")
    page.go_back()
    page.locator("svg.europe-map a[data-code=PL]").click()  # Europe again, larger
    page.wait_for_url("**/pl/kraje/polska/")
    page.go_back()
    page.locator("svg.map:not(.europe-map) a[data-code=VN]").focus()  # by keyboard: Viet Nam's middle is under Laos
    page.keyboard.press("Enter")
    page.wait_for_url("**/pl/kraje/wietnam/")
    assert page.locator("h1").inner_text() == "Wietnam"


def test_index_readable_without_javascript(chromium, fixture_served):
    context = chromium.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(fixture_served.base_url + "/en/countries/")
    text = page.locator("main").inner_text()
    assert "Vietnam" in text and "Signed in Hanoi on 25 October 2025" in text
    context.close()
