"""The four site-wide gates of issue 7, on the real built site, every page of both languages."""

from __future__ import annotations

from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe

from .browser import watch
from .sitewide import (
    AXE_TAGS,
    Visit,
    axe_summary,
    broken_links,
    hreflang_problems,
    html_pages,
    page_url,
    sample_by_kind,
    vnu_messages,
)


def test_the_site_has_every_kind_of_page_in_both_languages(site: Path):
    urls = {page_url(site, p) for p in html_pages(site)}
    assert {"/", "/pl/", "/en/"} <= urls
    for lang in ("pl", "en"):
        assert any(url.startswith(f"/{lang}/2025/") for url in urls), f"no {lang} article page"


def test_no_broken_internal_links_or_anchors(site: Path):
    assert broken_links(site) == []


def test_every_hreflang_set_is_complete_and_reciprocal(site: Path):
    assert hreflang_problems(site) == []


def test_nu_html_checker_finds_no_errors(site: Path):
    messages = vnu_messages(site)
    assert messages == [], "\n".join(
        f"{m.get('url', '?').rsplit(str(site), 1)[-1]}:{m.get('lastLine', '?')}: {m.get('message')}" for m in messages
    )


@pytest.fixture(scope="module")
def visits(site, served, chromium) -> list[Visit]:
    """Every page, loaded in Chromium; axe-core run in light and in dark mode on two pages of every kind.

    axe takes about a second a page: on every one of the hundreds of pages built
    from the same few templates it would add minutes and find nothing more.
    """
    axe = Axe()
    options = {"runOnly": {"type": "tag", "values": AXE_TAGS}, "resultTypes": ["violations"]}
    found = []
    urls = [page_url(site, path) for path in html_pages(site)]
    audited = sample_by_kind(urls)
    context = chromium.new_context()
    try:
        for url in urls:
            page = context.new_page()
            log = watch(page)
            visit = Visit(url=url)
            for scheme in ("light", "dark") if url in audited else ("light",):
                page.emulate_media(color_scheme=scheme)
                response = page.goto(served.base_url + visit.url, wait_until="load")
                assert response is not None and response.status == 200, visit.url
                if url in audited:
                    visit.violations[scheme] = axe.run(page, options=options).response["violations"]
            if url in audited:  # late requests (scripts fetching after load) show on every kind sampled
                page.wait_for_load_state("networkidle")
            visit.requests, visit.console_errors, visit.failures = log.requests, log.console_errors, log.failures
            page.close()
            found.append(visit)
    finally:
        context.close()
    return found


@pytest.mark.browser
def test_zero_axe_violations_wcag22_aa_in_light_and_dark_mode(visits):
    problems = {
        f"{visit.url} [{scheme}]": axe_summary(violations)
        for visit in visits
        for scheme, violations in visit.violations.items()
        if violations
    }
    assert problems == {}


@pytest.mark.browser
def test_no_page_requests_another_host(visits, served):
    elsewhere = {visit.url: [u for u in visit.requests if not u.startswith(served.base_url + "/")] for visit in visits}
    assert {url: requests for url, requests in elsewhere.items() if requests} == {}


@pytest.mark.browser
def test_every_page_loads_without_errors(visits):
    problems = {v.url: v.console_errors + v.failures for v in visits if v.console_errors or v.failures}
    assert problems == {}
