"""What holds for every valid archive, on content/ as it is and on content/ grown by new articles.

The second run is the proof that adding valid articles (newer and older than
every other, untranslated in either language, translated either way, in other
years) never fails these tests: tests/growth.py writes them.
"""

from __future__ import annotations

from archive_core.locales import LANGUAGES

from . import invariants
from .conftest import build_site
from .stylesheets import pages_with_unloaded_styles


def test_every_article_has_its_page(archive):
    assert invariants.article_page_problems(archive.content, archive.site) == []


def test_home_pages_list_every_article_newest_first(archive):
    assert invariants.listing_problems(archive.content, archive.site) == []


def test_the_newest_article_of_each_language_heads_its_home_page(archive):
    """The newest article a language lists, in that language or, where it has none of its own yet (an archive
    nobody has translated), in the other, is the first link of its home page's content."""
    for lang in LANGUAGES:
        newest = invariants.listed(archive.content, lang)[:1]
        links = invariants.read_page(archive.site / lang / "index.html").main_links
        shown = [link for link in links if invariants.ARTICLE_URL.match(link)]
        assert shown[:1] == [article.url for article in newest], (lang, links[:3])
        assert not newest or links[0] == newest[0].url, (lang, links[:3])


def test_feeds_hold_each_languages_newest_articles(archive):
    base = invariants.absolute_base(archive.site)
    assert invariants.feed_problems(archive.content, archive.site, base) == []


def test_sitemap_and_robots_txt(archive):
    assert invariants.sitemap_problems(archive.site, invariants.absolute_base(archive.site)) == []


def test_every_page_head(archive):
    assert invariants.head_problems(archive.content, archive.site) == []


def test_every_article_links_to_its_file_in_the_repository(archive):
    assert invariants.repository_link_problems(archive.content, archive.site) == []


def test_timeline_holds_every_article(archive):
    assert invariants.timeline_problems(archive.content, archive.site) == []


def test_country_pages_hold_every_article_that_names_them(archive):
    assert invariants.country_problems(archive.content, archive.site) == []


def test_the_grown_archive_has_what_growth_adds(grown_content, grown_site):
    # The proof is only as good as what it adds: untranslated articles in both languages, a second page.
    listed = {lang: invariants.listed(grown_content, lang) for lang in ("pl", "en")}
    assert any(a.meta.lang == "en" for a in listed["pl"]) and any(a.meta.lang == "pl" for a in listed["en"])
    assert (grown_site / "pl" / "page" / "2" / "index.html").is_file()
    assert len({a.meta.date.year for a in invariants.articles(grown_content)}) >= 5


def test_every_page_loads_the_stylesheets_of_the_classes_it_uses(archive):
    assert pages_with_unloaded_styles(archive.site) == {}


def test_the_seed_is_read_on_its_original_when_its_translation_keeps_the_raw_copy(content_copy, tmp_path):
    # A translation keeps its original's source (CONTRIBUTING.md), the raw copy too: a valid archive, whose
    # translation's page does not hold the raw text. The check reads the original's page.
    english = content_copy / "articles" / "2025" / "signing-in-hanoi.en.md"
    text = english.read_text(encoding="utf-8")
    raw = "  raw: sources/signing-in-hanoi.pl.txt\n"
    english.write_text(text.replace("  publisher: Example Agency\n", "  publisher: Example Agency\n" + raw), "utf-8")
    site = build_site(tmp_path / "output", content_copy)
    assert invariants.seed_problems(content_copy, site, content_copy / "sources" / "signing-in-hanoi.pl.txt") == []
