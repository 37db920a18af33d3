"""Browsing a large archive (issue 16), on a generated corpus: bounded pages, every article a few clicks away,
year pages that list the whole year, articles linked to their topics and to other articles."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest
import yaml
from axe_playwright_python.sync_playwright import Axe

from archive_core.locales import LANGUAGES
from archive_core.urls import section_url
from tools.bench.corpus import write_corpus

from . import invariants
from .browser import serve
from .browsing import ARTICLE_URL, article_urls, click_depths, page_sizes
from .conftest import build_site
from .html_helpers import read_page
from .sitewide import (
    AXE_TAGS,
    axe_summary,
    broken_links,
    hreflang_problems,
    html_pages,
    page_url,
    sample_by_kind,
    target_file,
    vnu_messages,
)

PAIRS = 240
PER_PAGE = 15  # small pages, so that the corpus has years, topics and countries of several pages
MAX_CLICKS = 4
MAX_PAGE_BYTES = 300_000


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    return write_corpus(PAIRS, tmp_path_factory.mktemp("corpus")) / "archive"


@pytest.fixture(scope="module")
def site(corpus, tmp_path_factory) -> Path:
    pages = {"index": None, "year": PER_PAGE, "topic": PER_PAGE, "country": PER_PAGE}
    return build_site(tmp_path_factory.mktemp("browse") / "output", corpus, PAGINATED_TEMPLATES=pages)


def front_matter(path: Path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8").split("---")[1])


def articles_by_year(corpus: Path, lang: str) -> Counter:
    return Counter(front_matter(path)["date"].year for path in corpus.rglob(f"*.{lang}.md"))


def test_every_article_is_at_most_four_clicks_from_its_languages_home(site):
    for lang in ("pl", "en"):
        depths = click_depths(site, f"/{lang}/")
        articles = article_urls(site, lang)
        assert len(articles) == PAIRS
        too_far = {url: depths.get(url) for url in articles if depths.get(url, MAX_CLICKS + 1) > MAX_CLICKS}
        assert not too_far


def test_no_listing_page_shows_more_articles_than_a_page_holds(site):
    for path in html_pages(site):
        url = page_url(site, path)
        if ARTICLE_URL.match(url) and not url.endswith("/page/"):
            continue
        listed = {link for link in read_page(path).links if ARTICLE_URL.match(link)}
        # a listing page: its page's articles; any other page: a handful (related articles, events' links)
        assert len(listed) <= max(PER_PAGE, 20) + 5, url


def test_no_page_is_over_the_size_limit(site):
    sizes = page_sizes(site)
    assert max(sizes.values()) < MAX_PAGE_BYTES, max(sizes, key=sizes.get)


def test_the_timeline_does_not_list_the_articles_but_counts_them_by_year(site):
    timeline = read_page(site / "pl" / "os-czasu" / "index.html")
    assert not [link for link in timeline.links if ARTICLE_URL.match(link)]
    years = {link for link in timeline.links if re.fullmatch(r"/pl/\d{4}/", link)}
    assert len(years) >= 5  # the corpus spans 2019-2026


def test_a_year_page_lists_every_article_of_that_year(site, corpus):
    for lang in ("pl", "en"):
        for year, count in articles_by_year(corpus, lang).items():
            first = read_page(site / lang / str(year) / "index.html")
            pages = {link for link in first.links if re.fullmatch(rf"/{lang}/{year}/page/\d+/", link)}
            listed = set()
            for url in {f"/{lang}/{year}/", *pages}:
                page = read_page(site / url.strip("/") / "index.html")
                listed |= {
                    link for link in page.links if ARTICLE_URL.match(link) and link.startswith(f"/{lang}/{year}/")
                }
            assert len(listed) == count, (lang, year)
            assert f"({count})" in first.text


def test_an_article_links_to_at_least_three_other_articles(site):
    checked = 0
    for url in sorted(article_urls(site, "pl")):
        page = read_page(site / url.strip("/") / "index.html")
        others = {link for link in page.links if ARTICLE_URL.match(link) and link != url}
        assert len(others - {link for link in page.alternates.values()}) >= 3, url
        checked += 1
    assert checked == PAIRS


def test_topic_links_lead_to_topic_pages_that_list_the_article(site):
    for url in sorted(article_urls(site, "en"))[:60]:
        page = read_page(site / url.strip("/") / "index.html")
        for topic in (link for link in page.links if link.startswith("/en/topics/") and link != "/en/topics/"):
            listing = read_page(site / topic.strip("/") / "index.html")
            pages = {link for link in listing.links if re.fullmatch(rf"{topic}page/\d+/", link)}
            listed = set(listing.links)
            for other in pages:
                listed |= set(read_page(site / other.strip("/") / "index.html").links)
            assert url in listed, (url, topic)


def test_a_country_page_is_read_to_its_last_page(site, corpus):
    # A country with more articles than a page holds lists them over pages: the check of every archive reads them
    # all (on this build, which pages countries, not on one more build of content/, whose cost grows with it).
    countries = [site / section_url("countries", lang) for lang in LANGUAGES]
    assert [page for folder in countries for page in folder.glob("*/page/2/index.html")], "no country has a page 2"
    assert invariants.country_problems(corpus, site) == []


def test_links_and_hreflang_hold_on_the_new_pages(site):
    assert broken_links(site) == []
    assert hreflang_problems(site) == []


def sample_pages(site: Path) -> list[Path]:
    """Two pages of every kind: year pages and their next pages, topics, countries' next pages, articles..."""
    urls = sample_by_kind([page_url(site, path) for path in html_pages(site)])
    return [target_file(site, url) for url in sorted(urls)]


def test_nu_html_checker_finds_no_errors_on_the_browsing_pages(site):
    messages = vnu_messages(site, sample_pages(site))
    assert messages == [], [f"{m.get('url', '?').rsplit(str(site), 1)[-1]}: {m.get('message')}" for m in messages]


@pytest.mark.browser
def test_zero_axe_violations_on_the_browsing_pages_in_light_and_dark_mode(site, chromium):
    axe = Axe()
    options = {"runOnly": {"type": "tag", "values": AXE_TAGS}, "resultTypes": ["violations"]}
    urls = [page_url(site, path) for path in sample_pages(site)]
    kinds = [url for url in urls if not ARTICLE_URL.match(url) or "/page/" in url][:24]
    problems = {}
    for served in serve(site):
        context = chromium.new_context()
        page = context.new_page()
        for url in kinds:
            for scheme in ("light", "dark"):
                page.emulate_media(color_scheme=scheme)
                page.goto(served.base_url + url, wait_until="load")
                violations = axe.run(page, options=options).response["violations"]
                if violations:
                    problems[f"{url} [{scheme}]"] = axe_summary(violations)
        context.close()
    assert problems == {}
