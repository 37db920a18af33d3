"""Browsing behaviour on a fixture archive of its own (tests/fixtures/browsing): years, topics, neighbours,
and articles with no version in a language listed in it, marked."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from pelican.settings import read_settings

from .conftest import ROOT, SETTINGS, build_site
from .html_helpers import read_page
from .test_check import run_check

FIXTURE = ROOT / "tests" / "fixtures" / "browsing"


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    return build_site(tmp_path_factory.mktemp("browsing") / "output", FIXTURE)


def html(site: Path, url: str) -> str:
    return (site / url.strip("/") / "index.html").read_text(encoding="utf-8")


def test_a_year_page_lists_the_year_by_month_with_counts_and_the_home_links_every_year(site):
    page = read_page(site / "pl" / "2024" / "index.html")
    assert {"/pl/2024/march-talks/", "/pl/2024/april-critique/", "/pl/2024/polish-only/"} <= set(page.links)
    assert "Kwiecień 2024 (2)" in page.text and "Marzec 2024 (1)" in page.text
    home = read_page(site / "pl" / "index.html")
    assert {"/pl/2024/", "/pl/2025/"} <= set(home.links)
    assert "/pl/feed.atom.xml" in home.links


def test_an_article_in_one_language_is_on_the_other_languages_year_topic_and_country_pages_marked(site):
    for url in ("/en/2024/", "/en/topics/human-rights/", "/en/countries/poland/"):
        text = html(site, url)
        assert 'href="/pl/2024/polish-only/" hreflang="pl" lang="pl"' in text, url
        assert "Only in Polish" in text, url
    assert "Tylko po angielsku" in html(site, "/pl/2025/")
    assert "Tylko po angielsku" in html(site, "/pl/tematy/encryption/")


def test_spellings_of_a_topic_make_one_page_paired_with_its_translation(site):
    page = read_page(site / "pl" / "tematy" / "prawa-czlowieka" / "index.html")
    assert {"/pl/2024/march-talks/", "/pl/2024/april-critique/", "/pl/2024/polish-only/"} <= set(page.links)
    assert page.alternates["en"].endswith("/en/topics/human-rights/")
    assert not (site / "pl" / "tematy" / "prawa-czlowieka-2").exists()
    index = read_page(site / "pl" / "tematy" / "index.html")
    assert "/pl/tematy/prawa-czlowieka/" in index.links and "Prawa człowieka (3)" in index.text
    # two topics on each version: no pairing is guessed, each page stands alone
    assert set(read_page(site / "pl" / "tematy" / "negocjacje" / "index.html").alternates) == {"pl", "x-default"}


def test_an_article_links_its_date_topics_and_neighbours(site):
    page = read_page(site / "en" / "2024" / "april-critique" / "index.html")
    assert "/en/2024/" in page.links
    assert "/en/topics/human-rights/" in page.links
    assert "/en/2024/march-talks/" in page.links  # previous in time
    assert "/en/2025/signing/" in page.links  # next in time, in its language
    assert "Previous article:" in page.text and "Related articles" in page.text


def test_the_timeline_counts_articles_per_year_and_links_the_year(site):
    text = html(site, "/pl/os-czasu/")
    assert 'href="/pl/2024/"' in text and "3 artykuły z 2024 roku w archiwum" in text


def test_a_slug_that_would_take_a_year_pages_address_is_refused(tmp_path):
    content = tmp_path / "content"
    (content / "articles" / "2024").mkdir(parents=True)
    source = (FIXTURE / "articles" / "2024" / "polish-only.pl.md").read_text(encoding="utf-8")
    (content / "articles" / "2024" / "page.pl.md").write_text(source.replace("slug: polish-only", "slug: page"))
    result = run_check(content)
    assert result.returncode != 0
    assert "page.pl.md" in result.stdout + result.stderr and "slug" in result.stdout + result.stderr


def test_a_topic_named_only_in_the_other_language_is_marked_with_that_language(site):
    # "encryption" is a tag of English articles only: the Polish pages name it in English, and say so, for screen
    # readers and hyphenation (WCAG 2.2 SC 3.1.2); a topic named in the page's language is not marked.
    index = html(site, "/pl/tematy/")
    assert '<a href="/pl/tematy/encryption/" lang="en" dir="ltr">encryption</a>' in index
    assert '<a href="/pl/tematy/prawa-czlowieka/" dir="ltr">' in index
    assert '<h1 lang="en" dir="ltr">encryption</h1>' in html(site, "/pl/tematy/encryption/")
    assert '<h1 dir="ltr">Prawa człowieka</h1>' in html(site, "/pl/tematy/prawa-czlowieka/")


def test_a_topic_only_the_other_language_has_is_named_as_the_topics_file_names_it_in_this_one(tmp_path):
    """topics.yaml pairs "encryption" with "szyfrowanie": the Polish page's address was made from the Polish name,
    and its heading, title and index entry said "encryption", marked as English."""
    content = tmp_path / "content"
    shutil.copytree(FIXTURE, content)
    with (content / "data" / "topics.yaml").open("a", encoding="utf-8") as topics:
        topics.write("  - pl: szyfrowanie\n    en: encryption\n")
    site = build_site(tmp_path / "output", content)
    assert '<a href="/pl/tematy/szyfrowanie/" dir="ltr">szyfrowanie</a>' in html(site, "/pl/tematy/")
    page = html(site, "/pl/tematy/szyfrowanie/")
    assert '<h1 dir="ltr">szyfrowanie</h1>' in page and "<title>szyfrowanie · " in page
    assert '<h1 dir="ltr">encryption</h1>' in html(site, "/en/topics/encryption/")


def test_a_topic_only_one_language_names_has_its_page_in_each_as_the_others_language_version(site):
    """A topic no translation names is one topic on both languages' pages: the switch and the hreflang
    alternates lead from one page to the other, not to the other language's topic index."""
    polish = read_page(site / "pl" / "tematy" / "encryption" / "index.html")
    english = read_page(site / "en" / "topics" / "encryption" / "index.html")
    assert polish.alternates["en"].endswith("/en/topics/encryption/")
    assert english.alternates["pl"].endswith("/pl/tematy/encryption/")


def test_a_year_that_runs_on_from_the_page_before_says_so_on_topic_and_country_pages(tmp_path):
    """As a year page says of a month: a year's heading on a later page, its count the whole year's, is marked."""
    one_a_page = {**read_settings(str(SETTINGS))["PAGINATED_TEMPLATES"], "topic": 1, "country": 1}
    site = build_site(tmp_path / "output", FIXTURE, PAGINATED_TEMPLATES=one_a_page)
    for listing in ("/pl/tematy/prawa-czlowieka/", "/pl/kraje/polska/"):  # three articles, all of 2024
        headings = [year_heading(site, listing + suffix) for suffix in ("", "page/2/", "page/3/")]
        assert headings == ["2024 (3)", "2024 (3) ciąg dalszy", "2024 (3) ciąg dalszy"], listing
    assert year_heading(site, "/en/topics/human-rights/page/2/") == "2024 (3) continued"


def year_heading(site: Path, url: str) -> str:
    """The text of the page's one heading of a year of articles."""
    (heading,) = re.findall(r'<h\d id="[a-z]+-\d{4}">(.*?)</h\d>', html(site, url))
    return " ".join(re.sub(r"<[^>]+>", "", heading).split())


def test_a_translation_whose_original_the_archive_lacks_does_not_say_it_awaits_a_translation(tmp_path):
    """Translated from Polish, with no Polish version: its language switch said "Not yet translated into Polish"."""
    content = tmp_path / "content"
    shutil.copytree(FIXTURE, content)
    source = (content / "articles" / "2025" / "english-only.en.md").read_text(encoding="utf-8")
    translation = "translation:\n  from: pl\n  by: the fixture's authors\n"
    translated = source.replace("english-only", "translated-only").replace(
        "  publisher: Example News\n", "  publisher: Example News\n" + translation
    )
    (content / "articles" / "2025" / "translated-only.en.md").write_text(translated, encoding="utf-8")
    site = build_site(tmp_path / "output", content)
    switch = read_page(site / "en" / "2025" / "translated-only" / "index.html").text
    assert "Not yet translated" not in switch
    assert "The original, in Polish, is not in the archive." in switch
    assert "Not yet translated into Polish." in html(site, "/en/2025/english-only/")  # an original: it may yet be


def test_no_two_pages_share_a_title_however_the_listings_are_paginated(tmp_path):
    """WCAG 2.4.2: a reader with several pages open tells them by their titles; the home pages' page 2, 3... were all
    titled as the first."""
    one_a_page = {name: 1 for name in read_settings(str(SETTINGS))["PAGINATED_TEMPLATES"]}
    site = build_site(tmp_path / "output", FIXTURE, PAGINATED_TEMPLATES=one_a_page, DEFAULT_PAGINATION=1)
    pages: dict[str, list[str]] = {}
    for path in sorted(site.rglob("*.html")):
        (title,) = re.findall(r"<head>.*?<title>(.*?)</title>", path.read_text(encoding="utf-8"), re.S)
        pages.setdefault(title, []).append(path.relative_to(site).as_posix())
    assert "pl/page/2/index.html" in pages["Artykuły (strona 2) · Archiwum Konwencji z Hanoi"]
    assert {title: paths for title, paths in pages.items() if len(paths) > 1} == {}
