"""Anchors across pages and languages, in real Chromium (theme/static/js/anchors.js, docs/architecture.md, "Anchors").

An old link to an event (`/en/timeline/#id`, from when one page held every event, or a year's first page before
its events filled more) reaches the event, with and without JavaScript; the language switch keeps the part of the
page the reader is at, under the same id or the one its counterpart gives it.
"""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
from playwright.sync_api import expect

from .browser import serve, watch
from .conftest import FIXTURE, build_site

pytestmark = pytest.mark.browser

TARGET = "() => document.querySelector(':target') && document.querySelector(':target').id"
LATER_EVENT = "negotiations-closed"  # on the second page of 2023, one event a page


@pytest.fixture(scope="module")
def paged_served(tmp_path_factory):
    """The fixture archive with a second event in 2023 and one event a page: the second is on 2023's page 2."""
    content = tmp_path_factory.mktemp("paged") / "content"
    shutil.copytree(FIXTURE, content)
    first = (content / "data/timeline/negotiations-session.yaml").read_text(encoding="utf-8")
    later = first.replace("id: negotiations-session", f"id: {LATER_EVENT}").replace('"2023-01"', '"2023-06"')
    (content / f"data/timeline/{LATER_EVENT}.yaml").write_text(later, encoding="utf-8")
    templates = {"index": None, "year": 100, "topic": 100, "country": 100, "timeline": 1, "topics": 200}
    site: Path = build_site(tmp_path_factory.mktemp("paged") / "output", content, PAGINATED_TEMPLATES=templates)
    yield from serve(site)


@pytest.mark.parametrize(
    ("old", "now"),
    [
        ("/en/timeline/#signing-ceremony", "/en/timeline/2025/#signing-ceremony"),  # the one-page timeline's
        ("/pl/os-czasu/#signing-ceremony", "/pl/os-czasu/2025/#signing-ceremony"),
        (f"/en/timeline/2023/#{LATER_EVENT}", f"/en/timeline/2023/page/2/#{LATER_EVENT}"),  # the year's first page
        (f"/pl/os-czasu/#{LATER_EVENT}", f"/pl/os-czasu/2023/page/2/#{LATER_EVENT}"),
    ],
)
def test_an_old_link_to_an_event_reaches_it(page, paged_served, old, now):
    log = watch(page)
    page.goto(paged_served.base_url + old)
    page.wait_for_url(paged_served.base_url + now)
    assert page.evaluate(TARGET) == now.split("#")[1]
    assert page.locator(":target").is_visible()
    assert not log.console_errors, log.console_errors
    page.go_back()  # the old address was replaced: Back leaves the pointer behind
    assert page.url != paged_served.base_url + old


@pytest.mark.parametrize(
    ("old", "way"),
    [
        ("/en/timeline/#signing-ceremony", "/en/timeline/2025/"),  # the list of years
        (f"/en/timeline/2023/#{LATER_EVENT}", "/en/timeline/2023/page/2/"),  # the year's page numbers
    ],
)
def test_without_javascript_an_old_link_s_page_says_where_its_event_is(chromium, paged_served, old, way):
    context = chromium.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(paged_served.base_url + old)
    expect(page.locator("main p.meta").first).to_contain_text("an older link to this page names")
    page.locator(f"main a[href='{way}']").first.click()
    event = page.locator("#" + old.split("#")[1])
    expect(event).to_be_visible()
    context.close()


def test_the_map_of_the_events_names_every_event_once_at_its_page(paged_served):
    """The file the script reads: every event of the language, at the page that shows it (no page grows with it)."""
    for lang, first in (("en", "en/timeline/"), ("pl", "pl/os-czasu/")):
        anchors = json.loads((paged_served.directory / first / "anchors.json").read_text(encoding="utf-8"))
        assert anchors[LATER_EVENT] == f"{first}2023/page/2/#{LATER_EVENT}"
        assert anchors["signing-ceremony"] == f"{first}2025/#signing-ceremony"
        assert len(anchors) == 5, lang  # the fixture's four events and the one added


@pytest.mark.parametrize(
    ("path", "anchor", "other"),
    [
        ("/en/timeline/2025/", "signing-ceremony", "/pl/os-czasu/2025/#signing-ceremony"),  # an event
        ("/pl/os-czasu/", "year-2025", "/en/timeline/#year-2025"),  # a year of the list
        ("/en/countries/vietnam/", "events-heading", "/pl/kraje/wietnam/#events-heading"),  # a section
        ("/en/about/", "sourcing-rules", "/pl/o-archiwum/#zasady-zrodel"),  # a heading, in the other's words
        ("/pl/o-archiwum/", "gdzie-jest-przechowywane", "/en/about/#where-it-is-kept"),
    ],
)
def test_the_language_switch_keeps_the_part_of_the_page_the_reader_is_at(page, fixture_served, path, anchor, other):
    page.goto(f"{fixture_served.base_url}{path}#{anchor}")
    switch = page.locator(".language-switch a[hreflang]")
    expect(switch).to_have_attribute("href", re.compile(re.escape(other) + "$"))
    switch.click()
    page.wait_for_url(fixture_served.base_url + other)
    assert page.evaluate(TARGET) == other.split("#")[1]


def test_the_switch_follows_the_reader_to_another_entry_and_leads_to_the_top_without_one(page, fixture_served):
    page.goto(fixture_served.base_url + "/en/timeline/")
    switch = page.locator(".language-switch a[hreflang=pl]")
    expect(switch).to_have_attribute("href", re.compile(r"/pl/os-czasu/$"))
    page.goto(fixture_served.base_url + "/en/timeline/#next")  # the same page: a hashchange
    expect(switch).to_have_attribute("href", re.compile(r"/pl/os-czasu/#next$"))
    page.goto(fixture_served.base_url + "/en/timeline/#no-such-part")
    expect(switch).to_have_attribute("href", re.compile(r"/pl/os-czasu/$"))


def test_a_later_page_s_switch_leads_through_the_first_page_to_the_event(page, paged_served):
    """A later page's switch leads to the other language's first page (no counterpart of its own): the event follows."""
    page.goto(paged_served.base_url + f"/en/timeline/2023/page/2/#{LATER_EVENT}")
    page.locator(".language-switch a[hreflang=pl]").click()
    page.wait_for_url(re.compile(rf"/pl/os-czasu/2023/page/2/#{LATER_EVENT}$"))
    assert page.evaluate(TARGET) == LATER_EVENT
