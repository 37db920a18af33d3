"""Unit tests of the publishing plugin's plain functions."""

from __future__ import annotations

import json
from dataclasses import dataclass, replace
from datetime import datetime
from xml.etree import ElementTree as ET
from zoneinfo import ZoneInfo

import feedparser
import pytest

from archive_core.repository import repository_of
from publishing import sitemap as sitemap_module
from publishing.addresses import absolute, absolute_base
from publishing.feeds import Feed, FeedEntry, atom_xml, feed_articles, feed_links
from publishing.repository import repository_links
from publishing.settings import SettingsError, check_settings
from publishing.sitemap import (
    PageHead,
    SitemapEntry,
    read_head,
    read_head_of,
    robots_txt,
    sitemap_entries,
    sitemap_files,
    sitemap_xml,
)
from publishing.structured_data import ArticleFacts, json_ld, news_article, open_graph

WARSAW = ZoneInfo("Europe/Warsaw")
TITLES = {"pl": "Archiwum", "en": "Archive"}


def test_absolute_base_prefers_an_absolute_siteurl():
    assert absolute_base({"SITEURL": "https://example.org/archive/"}) == "https://example.org/archive"
    assert absolute_base({"SITEURL": ""}) == "http://127.0.0.1:8000"
    assert absolute_base({"SITEURL": "", "LOCAL_SITEURL": "http://localhost:9000/"}) == "http://localhost:9000"


def test_absolute_keeps_the_base_path():
    assert absolute("https://example.org/archive", "pl/x/") == "https://example.org/archive/pl/x/"
    assert absolute("http://127.0.0.1:8000", "/pl/x/") == "http://127.0.0.1:8000/pl/x/"
    assert absolute("http://127.0.0.1:8000", "https://other.org/") == "https://other.org/"


def test_a_page_links_to_its_languages_feed_and_a_bilingual_page_to_both():
    assert [f.url for f in feed_links("pl/2025/x/index.html", TITLES)] == ["pl/feed.atom.xml"]
    assert [f.url for f in feed_links("en/index.html", TITLES)] == ["en/feed.atom.xml"]
    assert [f.url for f in feed_links("index.html", TITLES)] == ["pl/feed.atom.xml", "en/feed.atom.xml"]
    assert [f.url for f in feed_links("404.html", TITLES)] == ["pl/feed.atom.xml", "en/feed.atom.xml"]


@dataclass(frozen=True)
class Dated:
    lang: str
    date: datetime
    slug: str
    translation_key: str


def entry(day: int, slug: str) -> FeedEntry:
    return FeedEntry(
        title=f"Tytuł <{slug}>",
        url=f"https://example.org/pl/2025/{slug}/",
        published=datetime(2025, 10, day, tzinfo=WARSAW),
        summary_html="<p>Lead &amp; more</p>",
        content_html="<p>Text</p>",
        author="VNA",
        categories=("cyber",),
    )


def test_atom_feed_is_valid_and_newest_first():
    feed = Feed("pl", "Archiwum", "https://example.org/pl/", "https://example.org/pl/feed.atom.xml", "Archiwum",
                [entry(25, "older"), entry(26, "newer")])  # fmt: skip
    parsed = feedparser.parse(atom_xml(feed))
    assert not parsed.bozo, parsed.get("bozo_exception")
    assert parsed.version == "atom10"
    assert [e.link for e in parsed.entries] == [
        "https://example.org/pl/2025/newer/",
        "https://example.org/pl/2025/older/",
    ]
    assert parsed.entries[0].title == "Tytuł <newer>"
    assert parsed.feed.updated.startswith("2025-10-26")


def test_a_feed_lists_one_days_articles_in_the_archives_order():
    # `x` and `x-2` (a title given its own slug, here of translation keys that sort alike): the home page lists
    # `x-2` first, by translation key; their URLs sort the other way (`x-2/` before `x/`), so a feed ordered by
    # URL chose and ordered them unlike every listing.
    same_day = [Dated("pl", datetime(2025, 10, 26, tzinfo=WARSAW), slug, slug) for slug in ("x", "x-2", "y")]
    assert [a.slug for a in feed_articles(same_day, "pl", 2)] == ["y", "x-2"]
    feed = Feed("pl", "Archiwum", "https://example.org/pl/", "https://example.org/pl/feed.atom.xml", "Archiwum",
                [entry(26, "x-2"), entry(26, "x"), entry(25, "older")])  # fmt: skip
    assert [e.link for e in feedparser.parse(atom_xml(feed)).entries] == [
        "https://example.org/pl/2025/x-2/",
        "https://example.org/pl/2025/x/",
        "https://example.org/pl/2025/older/",
    ]


def test_a_corrected_entry_is_updated_on_its_correction_and_so_is_the_feed():
    corrected = replace(entry(25, "corrected"), updated=datetime(2026, 11, 29, tzinfo=WARSAW))
    feed = Feed("pl", "Archiwum", "https://example.org/pl/", "https://example.org/pl/feed.atom.xml", "Archiwum",
                [corrected, entry(26, "newer")])  # fmt: skip
    parsed = feedparser.parse(atom_xml(feed))
    by_link = {e.link: e for e in parsed.entries}
    assert by_link["https://example.org/pl/2025/corrected/"].updated.startswith("2026-11-29")
    assert by_link["https://example.org/pl/2025/corrected/"].published.startswith("2025-10-25")
    assert by_link["https://example.org/pl/2025/newer/"].updated.startswith("2025-10-26")
    assert parsed.feed.updated.startswith("2026-11-29")  # a reader's feed reader fetches the correction


def test_empty_feed_is_reproducible():
    updated = datetime(2025, 10, 26, tzinfo=WARSAW)
    feed = Feed("en", "Archive", "https://e.org/en/", "https://e.org/en/feed.atom.xml", "Archive", [], updated)
    assert atom_xml(feed) == atom_xml(feed)
    assert "<updated>2025-10-26T00:00:00+02:00</updated>" in atom_xml(feed)


def test_head_reader_finds_canonical_alternates_and_noindex():
    html = """<html><head><link rel="canonical" href="/pl/x/">
    <link rel="alternate" hreflang="pl" href="/pl/x/"><link rel="alternate" hreflang="en" href="/en/y/">
    <link rel="alternate" type="application/atom+xml" href="/pl/feed.atom.xml">
    </head><body><link rel="canonical" href="/elsewhere/"></body></html>"""
    head = read_head(html)
    assert head == PageHead("/pl/x/", (("pl", "/pl/x/"), ("en", "/en/y/")), False)
    assert read_head('<meta name="robots" content="noindex">').noindex


@pytest.mark.parametrize("padding", [0, 8150, 8185, 8192, 30000])
@pytest.mark.parametrize("head_end", ["</head>", "</HEAD >", "</head\n\n>"])
def test_a_page_is_read_up_to_the_end_of_its_head_wherever_a_read_stops(tmp_path, padding, head_end):
    html = (
        f'<html><head><meta name="x" content="{"ł" * (padding // 2)}">'
        f'<link rel="canonical" href="/pl/a/">{head_end}<body><link rel="canonical" href="/wrong/"></body></html>'
    )
    page = tmp_path / "index.html"
    page.write_text(html, encoding="utf-8")
    assert read_head_of(page) == read_head(html) == PageHead(canonical="/pl/a/")


def test_a_page_without_a_head_end_is_read_whole(tmp_path):
    page = tmp_path / "index.html"
    page.write_text('<p>x</p><link rel="canonical" href="/pl/a/">', encoding="utf-8")
    assert read_head_of(page) == read_head(page.read_text())


def test_sitemap_keeps_only_alternates_that_include_the_page_itself():
    pages = [
        PageHead("/pl/", (("pl", "/pl/"), ("en", "/en/"))),
        PageHead("/pl/page/2/", (("pl", "/pl/"), ("en", "/en/"))),  # pagination: not its own alternates
        PageHead(None),
        PageHead("/404.html", noindex=True),
    ]
    entries = sitemap_entries(pages, "https://e.org")
    assert [(e.loc, len(e.alternates)) for e in entries] == [("https://e.org/pl/", 2), ("https://e.org/pl/page/2/", 0)]
    xml = ET.fromstring(sitemap_xml(entries))  # noqa: S314 (our own output)
    links = xml.findall(".//{http://www.w3.org/1999/xhtml}link")
    assert [(a.get("hreflang"), a.get("href")) for a in links] == [
        ("pl", "https://e.org/pl/"),
        ("en", "https://e.org/en/"),
    ]


def _entries(count: int) -> list[SitemapEntry]:
    return [SitemapEntry(f"https://e.org/pl/{n:05d}/", (("pl", f"https://e.org/pl/{n:05d}/"),)) for n in range(count)]


def _locs(xml: str) -> list[str]:
    return [loc.text for loc in ET.fromstring(xml).iter("{http://www.sitemaps.org/schemas/sitemap/0.9}loc")]  # noqa: S314 (our own output)


def test_a_sitemap_within_its_limits_is_one_file():
    entries = _entries(4)
    assert sitemap_files(entries, "https://e.org", max_urls=4) == {"sitemap.xml": sitemap_xml(entries)}


def test_a_sitemap_past_its_url_limit_becomes_an_index_of_parts_in_order():
    entries = _entries(7)
    files = sitemap_files(entries, "https://e.org", max_urls=3)
    assert list(files) == ["sitemap.xml", "sitemap-1.xml", "sitemap-2.xml", "sitemap-3.xml"]
    assert _locs(files["sitemap.xml"]) == [f"https://e.org/sitemap-{n}.xml" for n in (1, 2, 3)]
    assert [loc for name in list(files)[1:] for loc in _locs(files[name])] == [entry.loc for entry in entries]
    assert [len(_locs(files[name])) for name in list(files)[1:]] == [3, 3, 1]


def test_a_sitemap_part_past_the_byte_limit_is_halved_until_it_fits(monkeypatch):
    entries = _entries(8)
    one_entry = len(sitemap_xml(entries[:1]).encode())
    monkeypatch.setattr(sitemap_module, "MAX_BYTES", one_entry * 3)  # room for about three entries a file
    files = sitemap_files(entries, "https://e.org", max_urls=8)
    parts = [name for name in files if name != "sitemap.xml"]
    assert len(parts) > 1
    assert all(len(files[name].encode()) <= one_entry * 3 for name in parts)
    assert [loc for name in parts for loc in _locs(files[name])] == [entry.loc for entry in entries]


@pytest.mark.parametrize("value", [0, -1, 50_001, "100", 2.5, True])
def test_sitemap_max_urls_must_be_a_whole_number_within_the_protocols_limit(value):
    with pytest.raises(SettingsError, match="SITEMAP_MAX_URLS"):
        check_settings({"SITEMAP_MAX_URLS": value})


def test_robots_names_the_sitemap():
    assert "Sitemap: https://e.org/sitemap.xml" in robots_txt("https://e.org/sitemap.xml").splitlines()


def facts(**changes) -> ArticleFacts:
    base = {
        "title": 'A "quoted" </script> title',
        "url": "https://e.org/en/2025/x/",
        "lang": "en",
        "published": datetime(2025, 10, 26, tzinfo=WARSAW),
        "description": "Lead.",
        "site_name": "Archive",
        "site_url": "https://e.org/en/",
        "source_url": "https://source.example/a",
        "source_publisher": "VNA",
        "translated_from": "pl",
        "original_url": "https://e.org/pl/2025/x/",
        "other_langs": ("pl",),
    }
    return ArticleFacts(**{**base, **changes})


def test_news_article_is_based_on_the_source_and_escaped_for_a_script_element():
    text = str(json_ld(news_article(facts())))
    assert "</script" not in text and "<" not in text
    data = json.loads(text)
    assert data["@type"] == "NewsArticle"
    assert data["headline"] == 'A "quoted" </script> title'
    assert data["datePublished"] == "2025-10-26"
    assert data["isBasedOn"] == {
        "@type": "NewsArticle",
        "url": "https://source.example/a",
        "publisher": {"@type": "Organization", "name": "VNA"},
    }
    assert data["translationOfWork"]["url"] == "https://e.org/pl/2025/x/"
    assert "translationOfWork" not in news_article(facts(translated_from=None, original_url=None))
    assert "isBasedOn" not in news_article(facts(source_url=None, source_publisher=None))


def test_a_corrected_article_states_when_it_was_last_changed():
    corrected = facts(modified=datetime(2026, 11, 29, tzinfo=WARSAW))
    assert news_article(corrected)["dateModified"] == "2026-11-29"
    assert dict(open_graph(corrected))["article:modified_time"] == "2026-11-29"
    assert "dateModified" not in news_article(facts())
    assert "article:modified_time" not in dict(open_graph(facts()))


def test_open_graph_tags():
    tags = dict(open_graph(facts()))
    assert tags["og:type"] == "article"
    assert tags["og:url"] == "https://e.org/en/2025/x/"
    assert tags["og:locale"] == "en_GB"
    assert tags["og:locale:alternate"] == "pl_PL"


@pytest.mark.parametrize(
    ("url", "forge", "edit", "history"),
    [
        ("https://github.com/o/r/", "", "https://github.com/o/r/edit/main/", "https://github.com/o/r/commits/main/"),
        ("https://gitlab.com/o/r", "", "https://gitlab.com/o/r/-/edit/main/", "https://gitlab.com/o/r/-/commits/main/"),
        ("https://codeberg.org/o/r", "", "https://codeberg.org/o/r/_edit/main/", "https://codeberg.org/o/r/commits/branch/main/"),
        ("https://git.example.org/o/r", "gitlab", "https://git.example.org/o/r/-/edit/main/", "https://git.example.org/o/r/-/commits/main/"),
    ],
)  # fmt: skip
def test_repository_links_are_in_the_form_of_the_host(url, forge, edit, history):
    """An article's "suggest a correction" and history links were GitHub's on every host."""
    repository = repository_of({"REPOSITORY_URL": url, "REPOSITORY_FORGE": forge, "REPOSITORY_BRANCH": "main"})
    links = repository_links(repository, "content/articles/2025/ł x.pl.md")
    assert links.edit_url == f"{edit}content/articles/2025/%C5%82%20x.pl.md"
    assert links.history_url == f"{history}content/articles/2025/%C5%82%20x.pl.md"


def test_a_repository_on_a_host_of_no_known_kind_stops_the_build_at_start_naming_the_setting():
    settings = {"REPOSITORY_URL": "https://git.example.org/o/r"}
    with pytest.raises(SettingsError, match=r"REPOSITORY_FORGE must be one of forgejo, gitea, github, gitlab where"):
        check_settings(settings)
    with pytest.raises(SettingsError, match=r"REPOSITORY_FORGE must be one of forgejo, gitea, github, gitlab, not 'x'"):
        check_settings({**settings, "REPOSITORY_FORGE": "x"})
    with pytest.raises(SettingsError, match=r"REPOSITORY_FORGE must be one of forgejo, gitea, github, gitlab, not \["):
        check_settings({**settings, "REPOSITORY_FORGE": ["gitlab"]})  # a list in the settings file: a TypeError
    check_settings({**settings, "REPOSITORY_FORGE": "forgejo"})


@pytest.mark.parametrize(
    ("name", "value"),
    [
        ("SITEURL", "javascript:alert(1)//x"),
        ("SITEURL", "example.org"),
        ("SITEURL", 'https://example.org/"><script>'),
        ("SITEURL", "https://exa mple.org"),
        ("SITEURL", "https://example.org/?q=1"),
        ("REPOSITORY_URL", "javascript:alert(1)//"),
        ("REPOSITORY_URL", "https://user:secret@github.com/x/y"),
        ("LOCAL_SITEURL", "data:text/html,x"),
        ("REPOSITORY_BRANCH", "../x"),
        ("REPOSITORY_BRANCH", "main branch"),
    ],
)
def test_an_address_setting_that_is_no_address_stops_the_build_at_start(name, value):
    """SITEURL and REPOSITORY_URL come from the environment: written into every page, they are checked first."""
    with pytest.raises(SettingsError, match=f"publishing plugin: {name} must be"):
        check_settings({name: value})


@pytest.mark.parametrize(
    "settings",
    [
        {"SITEURL": ""},
        {"SITEURL": "https://example.org/archive/"},
        {"SITEURL": "/archive"},
        {"SITEURL": "http://localhost:8150", "LOCAL_SITEURL": "http://127.0.0.1:8150"},
        {"REPOSITORY_URL": "https://github.com/x/y", "REPOSITORY_BRANCH": "release/2026"},
    ],
)
def test_addresses_are_accepted(settings):
    check_settings(settings)
