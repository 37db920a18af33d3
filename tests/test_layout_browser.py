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


@pytest.mark.parametrize("width", [375, 1280])
def test_every_kind_of_page_has_its_footer_at_the_left_edge_of_its_content(
    chromium, fixture_site, fixture_served, width
):
    context = chromium.new_context(viewport={"width": width, "height": 800})
    page = context.new_page()
    urls = sorted(sample_by_kind([page_url(fixture_site, path) for path in html_pages(fixture_site)], per_kind=1))
    apart, measured = {}, 0
    for url in urls:
        page.goto(fixture_served.base_url + url)
        edges = page.evaluate(EDGES)
        if edges is None:
            continue
        measured += 1
        if abs(edges[0] - edges[1]) > 0.5:
            apart[page_kind(url)] = f"content at {edges[0]:.1f} px, footer at {edges[1]:.1f} px"
    context.close()
    assert measured > 10
    assert apart == {}, "\n".join(f"{kind}: {where}" for kind, where in sorted(apart.items()))
