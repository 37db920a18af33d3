"""The search index and the search pages in the build of the fixture archive (no browser)."""

from __future__ import annotations

import gzip
import json
import re
import shutil
import weakref
from pathlib import Path

import pytest
from pelican import signals

import search

from .conftest import FIXTURE, ROOT, build_site
from .fixture_archive import EN_ARTICLE as EN_ARTICLE_URL
from .fixture_archive import PL_ARTICLE as PL_ARTICLE_URL
from .fixture_archive import file
from .html_helpers import read_page
from .invariants import SCRIPT

SCRIPT_SOURCE = re.compile(r'<script\b[^>]*\bsrc="([^"]+)"')
PL_ARTICLE = file(PL_ARTICLE_URL)
FOLDERS = {"pl": "kraje", "en": "countries"}  # of the country pages


@pytest.fixture
def site(fixture_site: Path) -> Path:
    return fixture_site


def test_one_index_per_language_with_articles_timeline_events_and_country_pages(site: Path):
    entry = json.loads((site / "pagefind" / "pagefind-entry.json").read_text(encoding="utf-8"))
    events = len(list((FIXTURE / "data" / "timeline").glob("*.yaml")))
    countries = {lang: len(list(site.glob(f"{lang}/{folder}/*/index.html"))) for lang, folder in FOLDERS.items()}
    assert events == 4 and countries["pl"] == countries["en"] == 9  # 7 records, and BY, EU that articles name
    # Each language's own articles, and the other's with no version in it (their stand-ins): every article once.
    articles = {"pl": 6 + 1, "en": 5 + 2}
    expected = {lang: articles[lang] + events + countries[lang] for lang in ("pl", "en")}
    assert {lang: index["page_count"] for lang, index in entry["languages"].items()} == expected
    assert (site / "pagefind" / "pagefind.js").is_file()  # the JS API the search page runs on


def test_timeline_events_are_search_records_and_article_entries_are_not(site: Path):
    html = (site / "pl/os-czasu/2025/index.html").read_text(encoding="utf-8")  # the year's page
    assert "data-pagefind-body" not in html  # the page is indexed by its parts
    assert '<li id="signing-ceremony" class="timeline-entry timeline-signing" data-search-record>' in html
    # The title is searched as metadata, not as text, so that excerpts do not repeat it (docs/search-relevance.md).
    assert '<h2 data-pagefind-ignore data-pagefind-meta="title" dir="ltr">Ceremonia podpisania</h2>' in html
    # The articles are counted per year and listed on the year pages of the archive, not on the timeline.
    assert 'class="timeline-entry timeline-article"' not in html and 'href="/pl/2025/"' in html
    signing = html.split('<li id="signing-ceremony"', 1)[1].split('<p class="timeline-anchor">', 1)[0]
    for marker in (
        '<span data-pagefind-filter="Rodzaj">Oś czasu</span>',
        '<span data-pagefind-filter="Rok">2025</span>',
        '<span data-pagefind-filter="Kraj">Wietnam</span>',
        '<span data-pagefind-meta="date">d20251025</span>',  # one word, no number its start: as the days
        '<span data-pagefind-meta="date_label">25–26 października 2025</span>',
        # Its days in figures, each after a letter: no number typed is their start (docs/search-relevance.md).
        '<span data-pagefind-meta="day">d25102025 d20251025 d26102025 d20251026</span>',
    ):
        assert marker in signing, marker


def test_only_the_search_pages_load_the_search_and_no_article_loads_a_script(site: Path):
    """Search needs JavaScript; reading does not: a result marks its words by its link's text fragment, and the
    modules other pages load (anchors.js: an old event address followed, the reader's #id kept by the language switch;
    the 404 page's not-found.js) are ones that no page needs to be read. An article page loads none."""
    scripts = {
        page.relative_to(site).as_posix(): set(SCRIPT_SOURCE.findall(page.read_text("utf-8")))
        for page in site.rglob("*.html")
    }
    searching = {page for page, sources in scripts.items() if any("search" in source for source in sources)}
    assert searching == {"pl/szukaj/index.html", "en/search/index.html"}
    others = {source for page, sources in scripts.items() if page not in searching for source in sources}
    assert others == {"/theme/js/anchors.js", "/theme/js/not-found.js"}
    # The 404 page's, which shows it in the language of the address not found where the host has one 404 page.
    assert {page for page, sources in scripts.items() if "/theme/js/not-found.js" in sources} == {
        "404.html",
        "en/404.html",
    }
    inline = [
        page.relative_to(site)
        for page in site.rglob("*.html")
        if len(SCRIPT.findall(page.read_text("utf-8"))) > len(SCRIPT_SOURCE.findall(page.read_text("utf-8")))
    ]
    assert not inline  # every script is a file of the site's own (the CSP allows no other)


def test_country_page_marks_its_main_content_and_its_country(site: Path):
    html = (site / "en/countries/vietnam/index.html").read_text(encoding="utf-8")
    assert '<main id="main" tabindex="-1" data-pagefind-body>' in html
    assert '<span data-pagefind-filter="Kind">Country page</span>' in html
    assert '<span data-pagefind-filter="Country">Vietnam</span>' in html
    assert '<section aria-labelledby="articles-heading" data-pagefind-ignore>' in html


def test_search_pages_in_both_languages_link_to_each_other(site: Path):
    pl, en = read_page(site / "pl/szukaj/index.html"), read_page(site / "en/search/index.html")
    assert (pl.lang, en.lang) == ("pl", "en")
    for page in (pl, en):
        assert page.alternates == {"pl": "/pl/szukaj/", "en": "/en/search/", "x-default": "/pl/szukaj/"}
    assert "/en/search/" in pl.links and "/pl/szukaj/" in en.links
    assert "Wyszukiwanie wymaga JavaScriptu" in pl.text
    assert "Search needs JavaScript" in en.text


def test_article_marks_its_main_content_filters_and_metadata(site: Path):
    html = (site / PL_ARTICLE).read_text(encoding="utf-8")
    assert '<main id="main" tabindex="-1" data-pagefind-body>' in html
    for marker in (
        '<span data-pagefind-filter="Rodzaj">Artykuł</span>',
        '<span data-pagefind-filter="Rok">2025</span>',
        '<span data-pagefind-filter="Kraj">Białoruś</span>',
        '<span data-pagefind-filter="Kraj">Republika Południowej Afryki</span>',
        '<span data-pagefind-meta="date">d20251026</span>',
        '<span data-pagefind-meta="date_label">26 października 2025</span>',
        '<span data-pagefind-sort="date">2025-10-26</span>',
        '<span data-pagefind-meta="day">d26102025 d20251026</span>',
        '<p data-pagefind-meta="summary">',
    ):
        assert marker in html, marker


def test_every_page_has_the_header_search_form(site: Path):
    for path in ("pl/index.html", "en/index.html", PL_ARTICLE, "pl/szukaj/index.html"):
        html = (site / path).read_text(encoding="utf-8")
        lang = read_page(site / path).lang
        action = "/pl/szukaj/" if lang == "pl" else "/en/search/"
        assert f'<form class="site-search" role="search" action="{action}" method="get">' in html, path
        assert '<input id="site-search-query" type="search" name="q"' in html


def test_no_inline_scripts_or_styles(site: Path):
    for path in site.rglob("*.html"):
        if "pagefind" in path.parts:
            continue
        html = path.read_text(encoding="utf-8")
        assert "style=" not in html and "<style" not in html, path
        for chunk in html.split("<script")[1:]:
            opening = chunk.split(">", 1)[0]
            data_block = 'type="text/pagefind-template"' in opening or 'type="application/ld+json"' in opening
            assert "src=" in opening or data_block, (path, opening)


def test_indexing_each_language_on_its_own_writes_the_same_index_as_one_run(site: Path, tmp_path: Path):
    # A large build runs Pagefind once per language (less memory), then names both in one entry file;
    # a small one (this site) runs it once: the index is the same.
    from pelican.settings import read_settings

    from search.indexing import build_search_index, index_runs, pages_to_index
    from search.settings import search_settings

    # Each run reads only folders with indexed pages: not the listings, which Pagefind would read to leave out.
    pages = pages_to_index(site)
    runs = index_runs(pages)
    assert len(runs) == 2
    indexed = {page.path for page in pages if page.url is None}
    listings = [path for path in ("pl/index.html", "en/index.html", "index.html", "404.html") if (site / path).exists()]
    for run in runs:
        for folder in run.folders:
            assert any(path.startswith(folder + "/") for path in indexed), folder
            assert not any(path.startswith(folder + "/") for path in listings), folder
    copy = tmp_path / "site"
    shutil.copytree(site, copy, ignore=shutil.ignore_patterns("pagefind"))
    search = search_settings(read_settings(str(ROOT / "pelican.conf.py")))
    build_search_index(copy, per_language=True, exclude_selectors=search.exclude_selectors, folding=search.folding)
    built, single = site / "pagefind", copy / "pagefind"
    files = sorted(path.relative_to(built) for path in built.rglob("*") if path.is_file())
    assert files == sorted(path.relative_to(single) for path in single.rglob("*") if path.is_file())
    assert all((built / name).read_bytes() == (single / name).read_bytes() for name in files)


def fragments(site: Path, lang: str) -> dict[str, dict]:
    """What Pagefind stored for each page of a language (its fragment files), by URL."""
    found = {}
    for path in (site / "pagefind" / "fragment").glob(f"{lang}_*.pf_fragment"):
        data = gzip.decompress(path.read_bytes())
        fragment = json.loads(data.removeprefix(b"pagefind_dcd"))
        found[fragment["url"]] = fragment
    return found


def test_pages_are_indexed_by_their_own_text_not_the_labels_and_sentences_their_kind_shares(site: Path):
    stored = fragments(site, "en")
    country = stored["/en/countries/vietnam/"]
    assert country["content"].startswith("Signed in Hanoi on 25 October 2025.")  # then the people quoted
    for shared in ("Status in the convention", "Source", "On the timeline", "People quoted", "Asia", "Signing"):
        assert shared not in country["content"], shared
    assert country["meta"]["title"] == "Vietnam"
    assert country["meta"]["topic"] == "Wietnam Vietnam"  # its names in both languages (no country-names.yaml here)
    article = stored[EN_ARTICLE_URL]
    assert article["content"].startswith("The ceremony in Hanoi brought together")  # no title, date, provenance
    assert "Translated from" not in article["content"] and "Found a mistake" not in article["content"]
    assert article["meta"]["title"] == "Convention signed in Hanoi"
    event = stored["/en/timeline/2025/#signing-ceremony"]
    assert event["content"].startswith("The convention opens for signature in Hanoi")  # no date line, no title
    assert "example.org" not in event["content"] and event["meta"]["date_label"] == "25–26 October 2025"


def test_a_country_page_without_a_status_is_not_found_by_the_sentence_every_such_page_shares(site: Path):
    stored = fragments(site, "en")
    for url in ("/en/countries/japan/", "/en/countries/belarus/"):  # no record; named by an article only
        assert "No confirmed status" not in stored[url]["content"], url
        assert stored[url]["content"].startswith(stored[url]["meta"]["title"])  # its name, not a shared sentence
    assert "Signed in Hanoi" in stored["/en/countries/vietnam/"]["content"]  # a status of its own is


def test_the_sitemap_is_written_while_pagefind_indexes_and_the_build_waits_for_the_index_last(fixture_site, tmp_path):
    # `finalized` receivers run in the order they were connected: the index starts (search is listed before
    # publishing), the sitemap reads the pages meanwhile, and the build waits for the index after them all.
    # They are read as a build sends `finalized` (a receiver connected before it runs first): a process keeps only
    # its last build's (tools/plugin_receivers.py), which another test may have built with other plugins.
    import publishing

    seen: list = []

    def read_the_receivers(_pelican) -> None:
        seen[:] = [ref() if isinstance(ref, weakref.ref) else ref for ref in signals.finalized.receivers.values()]

    with signals.finalized.connected_to(read_the_receivers):
        build_site(tmp_path / "output", FIXTURE)
    receivers = seen
    start, sitemap = receivers.index(search.start_index), receivers.index(publishing.write_sitemap)
    assert start < sitemap < receivers.index(search.finish_index), receivers
    assert not search._indexing  # the fixture site's build waited for its index
    assert (fixture_site / "sitemap.xml").is_file()


HELD_DAY = re.compile(r"\bd\d{4,8}\b")  # a day as the index holds it: archive_core.locales.held_date


def test_no_page_feed_or_file_shows_a_day_as_the_index_holds_it(site: Path):
    """The `day` and `date` words (`d25102025`) are for Pagefind: in the hidden facets, never in what a reader, a
    screen reader, a copy, a feed or the sitemap gets (the search page writes them back as a reader writes a day)."""
    import lxml.html

    shown = []
    for path in sorted(site.rglob("*")):
        if not path.is_file() or path.is_relative_to(site / "pagefind"):
            continue
        if path.suffix == ".html":
            page = lxml.html.fromstring(path.read_bytes())
            for hidden in page.xpath("//*[@hidden] | //script | //style"):
                hidden.drop_tree()
            text = " ".join([page.text_content(), *(value for node in page.iter() for value in node.values())])
        elif path.suffix in {".xml", ".json", ".txt", ".csv", ".bib", ".ris"}:
            text = path.read_text(encoding="utf-8", errors="replace")
        else:
            continue
        shown += [f"{path.relative_to(site)}: {word}" for word in HELD_DAY.findall(text)]
    assert not shown, shown[:10]
