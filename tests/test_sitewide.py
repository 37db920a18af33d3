"""The four site-wide gates of issue 7, on every page of both languages.

Links and hreflang run on every page of content/, of content/ grown by new
articles and of content/ untranslated (what holds for every valid archive);
the Nu HTML checker there on every kind of page and a bounded sample of the
rest, and Chromium on those of content/ (`bounded_sample`: their cost does not
grow with the archive); both check every page of the fixture archive, whose
pages show every feature (articles listed in the other language, every
country status).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe

from .browser import watch
from .invariants import articles
from .sitewide import (
    AXE_TAGS,
    Visit,
    axe_summary,
    bounded_sample,
    broken_labels,
    broken_links,
    hreflang_problems,
    html_pages,
    missing_page_kinds,
    page_url,
    sample_by_kind,
    sample_pages,
    target_file,
    vnu_messages,
    wider_than_a_phone,
)


def test_the_site_has_every_kind_of_page_in_both_languages(archive):
    langs = {article.meta.lang for article in articles(archive.content)}
    assert missing_page_kinds({page_url(archive.site, p) for p in html_pages(archive.site)}, langs) == []


def test_no_broken_internal_links_or_anchors(archive):
    assert broken_links(archive.site) == []


def test_every_hreflang_set_is_complete_and_reciprocal(archive):
    assert hreflang_problems(archive.site) == []


def test_nu_html_checker_finds_no_errors(archive):
    """On every kind of page and a bounded sample of the rest (the checker takes about 0.1 s a page, and content/
    grows to thousands of articles): the fixture archive's pages are all checked below."""
    site = archive.site
    messages = vnu_messages(site, sample_pages(site))
    assert messages == [], "\n".join(
        f"{m.get('url', '?').rsplit(str(site), 1)[-1]}:{m.get('lastLine', '?')}: {m.get('message')}" for m in messages
    )


def test_the_fixture_archive_passes_the_gates(fixture_site: Path):
    assert broken_links(fixture_site) == []
    assert hreflang_problems(fixture_site) == []
    assert vnu_messages(fixture_site) == []


@pytest.fixture(scope="module", params=["real", "fixture"])
def visits(request, chromium) -> tuple[list[Visit], object]:
    """Every page of the fixture archive and a bounded sample of content/'s (every kind of page: `bounded_sample`),
    loaded in Chromium; axe-core run in light and in dark mode on two pages of every kind.

    A visit takes about half a second, axe about a second a page: on every one of the thousands of pages built
    from the same few templates they would add minutes per thousand articles and find nothing more.
    """
    site = request.getfixturevalue(f"{request.param}_site")
    served = request.getfixturevalue(f"{request.param}_served")
    axe = Axe()
    options = {"runOnly": {"type": "tag", "values": AXE_TAGS}, "resultTypes": ["violations"]}
    found = []
    urls = [page_url(site, path) for path in html_pages(site)]
    if request.param == "real":
        urls = sorted(bounded_sample(urls))
    audited = sample_by_kind(urls)
    # The search pages once more with a query: their script fills in the field and the results.
    urls += [f"{url}?q=Hanoi" for url in urls if "search-page.js" in target_file(site, url).read_text("utf-8")]
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
            visit.broken_labels = broken_labels(page)
            visit.too_wide = wider_than_a_phone(page)
            visit.requests, visit.console_errors, visit.failures = log.requests, log.console_errors, log.failures
            page.close()
            found.append(visit)
    finally:
        context.close()
    return found, served


@pytest.mark.browser
def test_zero_axe_violations_wcag22_aa_in_light_and_dark_mode(visits):
    visits, _ = visits
    problems = {
        f"{visit.url} [{scheme}]": axe_summary(violations)
        for visit in visits
        for scheme, violations in visit.violations.items()
        if violations
    }
    assert problems == {}


@pytest.mark.browser
def test_no_page_scrolls_sideways_on_a_narrow_screen(visits):
    visits, _ = visits
    assert {visit.url: visit.too_wide for visit in visits if visit.too_wide} == {}


@pytest.mark.browser
def test_no_control_breaks_its_label_inside_a_word(visits):
    visits, _ = visits
    assert {visit.url: visit.broken_labels for visit in visits if visit.broken_labels} == {}


@pytest.mark.browser
def test_no_page_requests_another_host(visits):
    visits, served = visits
    elsewhere = {visit.url: [u for u in visit.requests if not u.startswith(served.base_url + "/")] for visit in visits}
    assert {url: requests for url, requests in elsewhere.items() if requests} == {}


@pytest.mark.browser
def test_every_page_loads_without_errors(visits):
    visits, _ = visits
    problems = {v.url: v.console_errors + v.failures for v in visits if v.console_errors or v.failures}
    assert problems == {}
