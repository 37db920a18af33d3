"""The site in real Chromium: readable without JavaScript, keyboard first (errors, requests: test_sitewide)."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from .fixture_archive import EN_ARTICLE, PL_ARTICLE
from .sitewide import html_pages, page_kind, page_url, sample_by_kind

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


# WCAG 1.4.12's text spacing, as a reader's style sheet sets it: adopted, since the CSP refuses inline styles.
TEXT_SPACING = """() => { const sheet = new CSSStyleSheet(); sheet.replaceSync(
  '* { line-height: 1.5 !important; letter-spacing: 0.12em !important; word-spacing: 0.16em !important; }'
  + ' p { margin-bottom: 2em !important; }'); document.adoptedStyleSheets = [sheet]; }"""
SIDEWAYS = "() => document.documentElement.scrollWidth - document.documentElement.clientWidth"


def test_at_320_px_no_kind_of_page_scrolls_sideways_even_with_wider_text_spacing(
    chromium, fixture_site, fixture_served
):
    """WCAG 1.4.10 (400% zoom of a 1280 px window) and 1.4.12: the page reflows, nothing needs a sideways scroll."""
    context = chromium.new_context(viewport={"width": 320, "height": 640})
    page = context.new_page()
    urls = sorted(sample_by_kind([page_url(fixture_site, path) for path in html_pages(fixture_site)], per_kind=1))
    wide = {}
    for url in urls:
        page.goto(fixture_served.base_url + url)
        if overflow := page.evaluate(SIDEWAYS):
            wide[url] = overflow
        page.evaluate(TEXT_SPACING)
        if overflow := page.evaluate(SIDEWAYS):
            wide[url + " (text spacing)"] = overflow
    context.close()
    assert wide == {}, "pixels of sideways scroll at 320 px"


# What shows keyboard focus: an outline, or for a country of the map (an SVG link) its shape's border, drawn wider.
FOCUS_SHOWN = """() => {
  const e = document.activeElement, style = getComputedStyle(e);
  if (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2) return true;
  const shape = e instanceof SVGElement && e.querySelector('path, circle');
  const other = shape && e.closest('svg').querySelector('a:not(:focus) path');
  return !!other && getComputedStyle(shape).strokeWidth !== getComputedStyle(other).strokeWidth;
}"""


@pytest.mark.parametrize("path", ["/en/countries/", "/pl/os-czasu/", PL_ARTICLE])
def test_every_element_tab_reaches_shows_that_it_has_the_focus(page, fixture_served, path):
    """WCAG 2.4.7: Tab through the whole page; each element it stops at shows it (the map's countries too)."""
    page.goto(fixture_served.base_url + path)
    unseen, stops = [], 0
    while stops < 400:
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement === document.body"):
            break
        stops += 1
        if not page.evaluate(FOCUS_SHOWN):
            unseen.append(page.evaluate("(document.activeElement.textContent || '').trim().slice(0, 60)"))
    assert stops > 5
    assert unseen == []


def test_an_article_prints_without_navigation_and_with_its_source_url(page, fixture_served):
    page.goto(fixture_served.base_url + EN_ARTICLE)
    page.emulate_media(media="print")
    shown = page.evaluate(
        "() => [...document.querySelectorAll('nav, form, .skip-link')].filter(e => e.getClientRects().length)"
        ".map(e => e.className || e.tagName)"
    )
    assert shown == []
    source = page.locator(".provenance a[rel~=external]").first
    href = source.get_attribute("href")
    assert href.startswith("https://")
    assert href in source.evaluate("a => getComputedStyle(a, '::after').content")


def test_a_printed_link_is_black_whether_the_reader_visited_it_or_not(page, fixture_served):
    """On paper every link was black but a visited one, purple: it printed which pages the reader had opened. (A
    visited link's own colour is hidden from scripts, so the custom properties links are drawn with are compared.)"""
    page.goto(fixture_served.base_url + EN_ARTICLE)
    page.emulate_media(media="print")
    colours = page.evaluate(
        "() => ['--accent', '--accent-visited'].map(name =>"
        " getComputedStyle(document.documentElement).getPropertyValue(name).trim())"
    )
    assert colours == ["#000", "#000"], colours


# Each link to another site that a printed page shows, with what the paper gives of its address: the link's own
# text, or the address printed after it. A source's title or "archived copy" alone cannot be followed on paper.
PRINTED_LINKS_OUT = """() => [...document.querySelectorAll('main a[href^="http"]')]
  .filter(a => a.getClientRects().length && !a.closest('.visually-hidden'))
  .map(a => [a.href, a.textContent.trim() + getComputedStyle(a, '::after').content])"""


def test_a_printed_page_gives_the_address_of_every_link_to_another_site_once(chromium, fixture_site, fixture_served):
    """The sources of a country page, a timeline entry, a person, the licence: on paper, each with its address; and a
    link whose text is its address (but for its scheme or a trailing slash) without it again."""
    page = chromium.new_page()
    page.emulate_media(media="print")
    urls = sorted(sample_by_kind([page_url(fixture_site, path) for path in html_pages(fixture_site)], per_kind=1))
    unprinted, twice, seen = set(), set(), 0
    for url in urls:
        page.goto(fixture_served.base_url + url)
        for href, printed in page.evaluate(PRINTED_LINKS_OUT):
            seen += 1
            address = href.split("://", 1)[1].rstrip("/")
            if address not in printed:
                unprinted.add((page_kind(url), href))
            if printed.lower().count(address.lower()) > 1:
                twice.add((page_kind(url), href))
    page.close()
    assert seen > 20
    assert sorted(unprinted) == [], "\n".join(f"{kind}: {href}" for kind, href in sorted(unprinted))
    assert sorted(twice) == [], "printed twice:\n" + "\n".join(f"{kind}: {href}" for kind, href in sorted(twice))


@pytest.mark.parametrize("path", ["/en/about/", "/pl/o-archiwum/"])
def test_the_about_page_links_its_contributing_guide_and_prints_its_address(chromium, real_served, path):
    """The section "How to contribute" named the guide as text, `(CONTRIBUTING.md)`, with nothing to follow to it;
    and a link of the about page's text printed without its address, as no article's does."""
    page = chromium.new_page()
    page.goto(real_served.base_url + path)
    guide = page.locator("main a[href*='/CONTRIBUTING.md']")
    expect(guide).to_have_count(1)
    page.emulate_media(media="print")
    href = guide.get_attribute("href")
    assert href.startswith("https://") and href in guide.evaluate("a => getComputedStyle(a, '::after').content")
    page.close()


def test_a_printed_page_shows_no_link_to_a_file_for_computers(chromium, fixture_site, fixture_served):
    """BibTeX, RIS, CSL-JSON, CSV, JSON, a JSON Schema: links to download on screen, a list of names on paper."""
    page = chromium.new_page()
    page.emulate_media(media="print")
    urls = sorted(sample_by_kind([page_url(fixture_site, path) for path in html_pages(fixture_site)], per_kind=1))
    printed = set()
    for url in urls:
        page.goto(fixture_served.base_url + url)
        shown = page.evaluate(
            "() => [...document.querySelectorAll('a[download], a[type]')].filter(a => a.getClientRects().length)"
            ".map(a => a.textContent.trim())"
        )
        printed.update((page_kind(url), text) for text in shown)
    page.close()
    assert sorted(printed) == [], "\n".join(f"{kind}: {text}" for kind, text in sorted(printed))


# Every colour a page draws with: text, background, borders, a map's fills and strokes, each visible element's.
DRAWN_COLOURS = """() => [...document.querySelectorAll('body *')].filter(e => e.getClientRects().length).map(e => {
  const s = getComputedStyle(e);
  return [e.tagName + '.' + (e.getAttribute('class') || ''), s.color, s.backgroundColor, s.borderTopColor,
          s.borderLeftColor, s.fill, s.stroke].join(' ');
})"""


def test_a_page_printed_in_dark_mode_prints_as_in_light_mode(chromium, fixture_site, fixture_served):
    """Paper is white: a reader whose system is dark printed light grey text, pale links and the map's dark-mode
    palette (a near-black border on every country), since the dark colours applied to print too."""
    urls = sorted(sample_by_kind([page_url(fixture_site, path) for path in html_pages(fixture_site)], per_kind=1))
    drawn = {}
    for scheme in ("light", "dark"):
        context = chromium.new_context(color_scheme=scheme)
        page = context.new_page()
        page.emulate_media(media="print", color_scheme=scheme)
        for url in urls:
            page.goto(fixture_served.base_url + url)
            drawn.setdefault(url, {})[scheme] = page.evaluate(DRAWN_COLOURS)
        context.close()
    darker = {}
    for url, schemes in drawn.items():
        if changed := [dark for light, dark in zip(schemes["light"], schemes["dark"], strict=True) if light != dark]:
            darker[url] = changed[:3]
    assert darker == {}, "colours of dark mode printed"
