"""The page's layout in real Chromium, measured: every kind of page, at a phone's width and a desktop's."""

from __future__ import annotations

import pytest

from .fixture_archive import URL
from .sitewide import html_pages, page_kind, page_url, sample_by_kind

pytestmark = pytest.mark.browser

# The left edge of the page's first heading, and of the footer's text: one column.
EDGES = """() => {
  const heading = document.querySelector('main h1');
  const footer = document.querySelector('.site-footer p');
  return heading && footer ? [heading.getBoundingClientRect().left, footer.getBoundingClientRect().left] : null;
}"""


def measured_on_each_kind(chromium, site, served, width: int, script: str):
    """(url, what `script` measures there) on one page of each kind of `site`, in a window `width` px wide."""
    context = chromium.new_context(viewport={"width": width, "height": 800})
    page = context.new_page()
    try:
        for url in sorted(sample_by_kind([page_url(site, path) for path in html_pages(site)], per_kind=1)):
            page.goto(served.base_url + url)
            yield url, page.evaluate(script)
    finally:
        context.close()


@pytest.mark.parametrize("width", [375, 1280])
def test_every_kind_of_page_has_its_footer_at_the_left_edge_of_its_content(
    chromium, fixture_site, fixture_served, width
):
    apart, measured = {}, 0
    for url, edges in measured_on_each_kind(chromium, fixture_site, fixture_served, width, EDGES):
        if edges is None:
            continue
        measured += 1
        if abs(edges[0] - edges[1]) > 0.5:
            apart[page_kind(url)] = f"content at {edges[0]:.1f} px, footer at {edges[1]:.1f} px"
    assert measured > 10
    assert apart == {}, "\n".join(f"{kind}: {where}" for kind, where in sorted(apart.items()))


# The header's parts (the site's name, the navigation, the search box, the language switch) and how far below the
# first each one's top is: on a desktop all four fit one row, in Polish, whose words are the longer, as in English.
# Not on a page whose language switch says, in a sentence, that it has no translation: that takes a row of its own.
# The four, in the order a keyboard reaches them: search box and language switch are one group, `.header-tools`.
HEADER_PARTS = "'.site-title, .site-nav, .site-search, .language-switch'"
HEADER_ROWS = (
    """() => {
  if (document.querySelector('.language-switch .unavailable')) return null;
  const parts = [...document.querySelector('.site-header')?.querySelectorAll("""
    + HEADER_PARTS
    + """) ?? []];
  const first = Math.min(...parts.map((part) => part.getBoundingClientRect().top));
  return parts.map((part) => [part.className || part.tagName, part.getBoundingClientRect().top - first]);
}"""
)


@pytest.mark.parametrize("width", [1024, 1280])
def test_on_a_desktop_the_header_is_one_row_in_either_language(chromium, fixture_site, fixture_served, width):
    wrapped, measured = {}, 0
    for url, parts in measured_on_each_kind(chromium, fixture_site, fixture_served, width, HEADER_ROWS):
        if parts is None or len(parts) < 4:  # the language chooser has no header
            continue
        measured += 1
        below = [f"{name} {offset:.0f} px below" for name, offset in parts if offset > 12]
        if below:
            wrapped[page_kind(url)] = ", ".join(below)
    assert measured > 10
    assert wrapped == {}, "\n".join(f"{kind}: {where}" for kind, where in sorted(wrapped.items()))


# The header from a phone's width to a wide screen's. Its language switch was alone at the left of a row of its own,
# in Polish, from the mobile layout's breakpoint up to about 1005 px: the search box and the switch wrap together now,
# at the right. At each width: how far the switch ends short of the header's right edge, whether another of the header's
# parts shares its row, whether it says in a sentence that there is no translation (that takes a row's room), and
# whether the page scrolls sideways.
HEADER_AT_ANY_WIDTH = (
    """() => {
  const header = document.querySelector('.site-header .wrap');
  const language = header?.querySelector('.language-switch');
  if (!language) return null;
  const box = (element) => element.getBoundingClientRect();
  const own = box(language);
  const others = [...header.querySelectorAll("""
    + HEADER_PARTS
    + """)].filter((part) => part !== language);
  return {
    short: box(header).right - parseFloat(getComputedStyle(header).paddingRight) - own.right,
    shared: others.some((part) => box(part).top < own.bottom && own.top < box(part).bottom),
    sentence: language.querySelector('.unavailable') !== null,
    scrolls: document.documentElement.scrollWidth > window.innerWidth,
  };
}"""
)
WIDTHS = (320, 360, 600, 768, 900, 1005, 1024, 1280, 1600)


def test_at_every_width_the_language_switch_is_at_the_right_and_never_alone_on_a_row(
    chromium, fixture_site, fixture_served
):
    urls = sample_by_kind([page_url(fixture_site, path) for path in html_pages(fixture_site)], per_kind=1)
    # And articles whose switch says, in a sentence, that they have no version in the other language.
    urls |= {URL["lodz-conference", "pl"], URL["civil-society-concerns", "en"]}
    context = chromium.new_context(viewport={"width": WIDTHS[0], "height": 800})
    page = context.new_page()
    wrong, measured, sentences = [], 0, 0
    try:
        for url in sorted(urls):
            page.goto(fixture_served.base_url + url)
            for width in WIDTHS:
                page.set_viewport_size({"width": width, "height": 800})
                header = page.evaluate(HEADER_AT_ANY_WIDTH)
                if header is None:  # the language chooser and the 404 page in both languages have no switch
                    continue
                measured += 1
                sentences += header["sentence"]
                if abs(header["short"]) > 0.5:
                    wrong.append(f"{url} at {width} px: the switch ends {header['short']:.0f} px short of the right")
                if not header["shared"] and not header["sentence"]:
                    wrong.append(f"{url} at {width} px: the switch is alone on a row")
                if header["scrolls"]:
                    wrong.append(f"{url} at {width} px: the page scrolls sideways")
    finally:
        context.close()
    assert measured > 20 * len(WIDTHS) and sentences >= 2 * len(WIDTHS)
    assert wrong == [], "\n".join(wrong)
