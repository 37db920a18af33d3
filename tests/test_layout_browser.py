"""The page's layout in real Chromium, measured: every kind of page, at a phone's width and a desktop's."""

from __future__ import annotations

import pytest

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
HEADER_ROWS = """() => {
  if (document.querySelector('.language-switch .unavailable')) return null;
  const parts = [...document.querySelectorAll('.site-header .wrap > *')];
  const first = Math.min(...parts.map((part) => part.getBoundingClientRect().top));
  return parts.map((part) => [part.className || part.tagName, part.getBoundingClientRect().top - first]);
}"""


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
