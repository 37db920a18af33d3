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


# Each visible link to another site, with what paper gives of it: its text and the address printed after it.
PRINTED_LINKS = """() => [...document.querySelectorAll('a[href^="http"]')]
  .filter(a => a.getClientRects().length && !a.closest('.visually-hidden'))
  .map(a => [a.href, a.textContent + getComputedStyle(a, '::after').content])"""


def _address(href: str) -> str:
    """An address as paper shows it, however the link's text writes it: no scheme, no trailing slash."""
    return href.split("://", 1)[1].rstrip("/").lower()


def test_on_paper_a_link_whose_text_is_its_address_prints_it_once(chromium, fixture_site, fixture_served):
    page = chromium.new_page()
    page.emulate_media(media="print")
    urls = sorted(sample_by_kind([page_url(fixture_site, path) for path in html_pages(fixture_site)], per_kind=1))
    twice, seen = set(), 0
    for url in urls:
        page.goto(fixture_served.base_url + url)
        for href, printed in page.evaluate(PRINTED_LINKS):
            seen += 1
            if printed.lower().count(_address(href)) > 1:
                twice.add((page_kind(url), href))
    page.close()
    assert seen > 20
    assert sorted(twice) == [], "\n".join(f"{kind}: {href}" for kind, href in sorted(twice))
