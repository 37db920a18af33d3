"""The 404 page and the article head (JSON-LD, feeds) in real Chromium: no CSP violation, nothing fetched; on a host
that serves one 404 page for every address (GitHub Pages), the English one under /en/ (theme/js/not-found.js)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import lxml.html
import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from tools.serve import NOT_FOUND_PAGE, SiteHandler

from .browser import Served, serve, watch
from .fixture_archive import PL_ARTICLE
from .sitewide import AXE_TAGS

pytestmark = pytest.mark.browser


def test_json_ld_is_data_the_browser_can_read(page, fixture_served):
    page.goto(fixture_served.base_url + PL_ARTICLE)
    data = page.evaluate("JSON.parse(document.querySelector('script[type=\"application/ld+json\"]').textContent)")
    assert data["@type"] == "NewsArticle"
    assert data["isBasedOn"]["url"] == "https://example.org/pl/hanoi"


DOCUMENT_404 = "Failed to load resource: the server responded with a status of 404 (File not found)"


class OneNotFoundPage(SiteHandler):
    """A host that serves `/404.html` for every missing address, under /en/ too (GitHub Pages)."""

    def not_found_page(self) -> Path:
        return Path(self.directory) / NOT_FOUND_PAGE


@pytest.fixture(scope="module")
def one_404_served(fixture_site) -> Iterator[Served]:
    yield from serve(fixture_site, OneNotFoundPage)


# What of a page's <head> is in its language, besides <title> and <html lang>: as a selector and as XPath.
SPOKEN_IN_HEAD = 'meta[name="description"], meta[property^="og:"], link[rel="alternate"]'
SPOKEN_IN_HEAD_XPATH = (
    "/html/head/*[self::meta[@name='description' or starts-with(@property, 'og:')] or self::link[@rel='alternate']]"
)


def spoken_in_head(path: Path) -> list[dict[str, str]]:
    """The attributes of the elements of the built page at `path` that say something in its language."""
    return [dict(element.attrib) for element in lxml.html.fromstring(path.read_bytes()).xpath(SPOKEN_IN_HEAD_XPATH)]


def not_found(page, url: str) -> dict:
    """What the 404 page at `url` shows, once its scripts are done: its language, title, sections, header links, and
    what of its <head> is in a language."""
    response = page.goto(url, wait_until="networkidle")
    assert response is not None and response.status == 404
    return page.evaluate(
        """(spoken) => ({
            lang: document.documentElement.lang,
            dir: document.documentElement.getAttribute('dir'),
            head: [...document.head.querySelectorAll(spoken)].map((element) =>
                Object.fromEntries([...element.attributes].map((a) => [a.name, a.value]))),
            title: document.title,
            sections: [...document.querySelectorAll('.not-found section')].map((s) => s.lang),
            heading: document.querySelector('h1').textContent,
            home: document.querySelector('.site-title a, header a[href]').getAttribute('href'),
            address: location.pathname,
        })""",
        SPOKEN_IN_HEAD,
    )


def test_a_missing_english_address_gets_the_english_404_page_where_the_host_has_one(page, fixture_site, one_404_served):
    log = watch(page)
    statuses: dict[str, int] = {}
    page.on("response", lambda response: statuses.setdefault(response.url, response.status))
    url = one_404_served.base_url + "/en/no-such-page/"
    shown = not_found(page, url)
    # Its description and feed links too: a search engine or a link preview read them in Polish under /en/.
    english_head = spoken_in_head(fixture_site / "en" / "404.html")
    assert english_head != spoken_in_head(fixture_site / NOT_FOUND_PAGE)
    assert any(element.get("name") == "description" for element in english_head)
    assert shown == {
        "lang": "en", "dir": None, "title": "Page not found · Nie znaleziono strony", "sections": ["en", "pl"],
        "heading": "Page not found", "home": "/en/", "address": "/en/no-such-page/", "head": english_head,
    }  # fmt: skip
    # Only the address itself is not found (Chromium says so in the console); a CSP violation is a console error.
    assert {url: status for url, status in statuses.items() if status != 200} == {url: 404}
    assert [error for error in log.console_errors if error != DOCUMENT_404] == [] and log.failures == []
    assert {urlsplit(url).netloc for url in log.requests} == {urlsplit(one_404_served.base_url).netloc}
    options = {"runOnly": {"type": "tag", "values": AXE_TAGS}, "resultTypes": ["violations"]}
    assert Axe().run(page, options=options).response["violations"] == []


def test_a_missing_polish_address_keeps_the_polish_404_page(page, fixture_site, one_404_served):
    log = watch(page)
    shown = not_found(page, one_404_served.base_url + "/pl/nie-ma/")
    assert (shown["lang"], shown["sections"], shown["home"]) == ("pl", ["pl", "en"], "/pl/")
    assert shown["head"] == spoken_in_head(fixture_site / NOT_FOUND_PAGE)
    assert not any(url.endswith("/en/404.html") for url in log.requests)


def test_without_a_script_the_404_page_says_it_in_both_languages(chromium, one_404_served):
    context = chromium.new_context(java_script_enabled=False)
    try:
        shown = not_found(context.new_page(), one_404_served.base_url + "/en/no-such-page/")
    finally:
        context.close()
    assert (shown["lang"], shown["sections"]) == ("pl", ["pl", "en"])


# What a hostile or broken `/en/404.html` may hold in <head>, each element also matching what the swap takes
# (SPOKEN_IN_HEAD): a refresh that would take the reader away, a CSP and a cookie a page's <meta> may set.
HOSTILE_HEAD = (
    '<meta name="description" http-equiv="refresh" content="0; url=/pl/">'
    '<meta property="og:title" http-equiv="Content-Security-Policy" content="img-src \'none\'">'
    '<link rel="alternate" http-equiv="set-cookie" content="taken=1" href="/en/feeds/all.atom.xml">'
    "<script>window.hostile = 'head'</script>"
)

# What its <body> may hold that acts on the page it is put in: a refresh, a base address for every link.
HOSTILE_BODY = '<meta http-equiv="refresh" content="0; url=/pl/"><base href="https://elsewhere.example/">'


def test_the_404_swap_takes_no_pragma_or_script_from_the_english_page(page, fixture_site, one_404_served):
    english = (fixture_site / "en" / NOT_FOUND_PAGE).read_text(encoding="utf-8")
    hostile = english.replace("</head>", HOSTILE_HEAD + "</head>").replace(
        "</body>", "<script>window.hostile = 'body'</script>" + HOSTILE_BODY + "</body>"
    )
    page.route("**/en/404.html", lambda route: route.fulfill(status=200, body=hostile, content_type="text/html"))
    log = watch(page)
    shown = not_found(page, one_404_served.base_url + "/en/no-such-page/")
    page.wait_for_timeout(500)  # a refresh of 0 s would have left by now
    assert (shown["lang"], shown["address"], urlsplit(page.url).path) == ("en", "/en/no-such-page/", shown["address"])
    assert page.evaluate("document.querySelectorAll('meta[http-equiv]').length") == 1  # the page's own CSP
    assert page.evaluate("[window.hostile, document.cookie]") == [None, ""]
    assert page.evaluate("document.querySelector('header a[href]').href").startswith(shown_origin(page))
    # The CSP refuses the `<base>` as the fetched page is parsed (and says so); nothing else is an error.
    assert [error for error in log.console_errors if error != DOCUMENT_404 and "base-uri" not in error] == []


def shown_origin(page) -> str:
    return page.evaluate("location.origin")


@pytest.mark.parametrize(
    ("status", "body"),
    [
        (404, "Not Found"),  # no English 404 page: the host's own error
        (200, ""),
        (200, "<html lang='en'><head><title>x</title></head><body><p>not the 404 page</p></body></html>"),
        (200, "<html lang='en'><head><meta name='description' content='"),  # cut short
        (200, "\x00\xff" * 200),
    ],
)
def test_a_missing_or_broken_english_404_page_leaves_it_as_served(page, fixture_site, one_404_served, status, body):
    page.route("**/en/404.html", lambda route: route.fulfill(status=status, body=body, content_type="text/html"))
    log = watch(page)
    shown = not_found(page, one_404_served.base_url + "/en/no-such-page/")
    assert (shown["lang"], shown["sections"], shown["home"]) == ("pl", ["pl", "en"], "/pl/")
    assert shown["head"] == spoken_in_head(fixture_site / NOT_FOUND_PAGE)
    assert [error for error in log.console_errors if error != DOCUMENT_404 and "404" not in error] == []


def tab_to(page, selector: str, most: int = 40) -> None:
    """Press Tab until the element `selector` names has the focus, as a reader without a mouse reaches it."""
    for _ in range(most):
        page.keyboard.press("Tab")
        if page.evaluate("(selector) => document.activeElement.matches(selector)", selector):
            return
    raise AssertionError(f"{selector} is not reached by Tab within {most} presses")


def test_the_swapped_404_pages_header_works_by_keyboard_as_its_own(page, one_404_served):
    """Its scripts set up the new body as they did the first (anchors.js kept the first body's language switch):
    the switch keeps the address's part of the page, and the header's search asks the English search page."""
    base = one_404_served.base_url
    assert not_found(page, base + "/en/no-such-page/#main")["lang"] == "en"
    switch = page.locator(".language-switch a[hreflang=pl]")
    expect(switch).to_have_attribute("href", re.compile(r"/pl/#main$"))
    tab_to(page, ".language-switch a[hreflang=pl]")
    page.keyboard.press("Enter")
    page.wait_for_url(base + "/pl/#main")
    # A change of the address's part after the swap reaches the new switch too.
    not_found(page, base + "/en/no-such-page/")
    page.evaluate("location.hash = 'main'")
    expect(switch).to_have_attribute("href", re.compile(r"/pl/#main$"))
    tab_to(page, "#site-search-query")
    page.keyboard.type("Hanoi")
    page.keyboard.press("Enter")
    page.wait_for_url(base + "/en/search/?q=Hanoi")
