"""The timeline of the fixture archive: both languages, dated and sourced entries, JSON, article positions."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from archive_core.events import RESERVED_IDS
from tools.check import check

from .conftest import ROOT
from .fixture_archive import EN_ARTICLE, PL_ARTICLE, URL, file
from .html_helpers import page_for_url, read_page
from .invariants import ARTICLE_URL
from .test_build_errors import run_build

PAGES = {"pl": "pl/os-czasu/index.html", "en": "en/timeline/index.html"}
JSON = {"pl": "pl/os-czasu.json", "en": "en/timeline.json"}
RESOLUTION = "https://example.org/events/resolution"
SIGNING = "https://example.org/events/signing"
LODZ = URL["lodz-conference", "pl"]
CIVIL = URL["civil-society-concerns", "en"]


@pytest.fixture
def site(fixture_site: Path) -> Path:
    return fixture_site


def entry_html(html: str, entry_id: str) -> str:
    """The markup of one timeline entry, up to its own anchor link."""
    match = re.search(rf'<li id="{entry_id}" .*?<p class="timeline-anchor">', html, re.DOTALL)
    assert match, f"no entry {entry_id!r}"
    return match.group(0)


def test_both_pages_exist_with_language_alternates_and_json_link(site: Path):
    for lang, path in PAGES.items():
        page = read_page(site / path)
        assert page.lang == lang
        assert page.alternates == {"pl": "/pl/os-czasu/", "en": "/en/timeline/", "x-default": "/pl/os-czasu/"}
        html = (site / path).read_text("utf-8")
        assert f'<link rel="alternate" type="application/json" href="/{JSON[lang]}"' in html
        other = "en" if lang == "pl" else "pl"
        assert "/" + PAGES[other].removesuffix("index.html") in page.links  # the language switch


def test_a_dated_event_with_its_source(site: Path):
    for lang, text in (("pl", "27 grudnia 2019"), ("en", "27 December 2019")):
        entry = entry_html((site / PAGES[lang]).read_text("utf-8"), "resolution-adopted")
        assert f'<time datetime="2019-12-27">{text}</time>' in entry
        assert f'<a href="{RESOLUTION}" rel="external noopener noreferrer" dir="auto">' in entry


def test_an_event_known_to_the_month(site: Path):
    for lang, text in (("pl", "styczeń 2023"), ("en", "January 2023")):
        entry = entry_html((site / PAGES[lang]).read_text("utf-8"), "negotiations-session")
        assert f'<time datetime="2023-01">{text}</time>' in entry


def test_an_event_over_two_days_links_its_articles_in_the_page_language_or_the_one_they_have(site: Path):
    for lang, month in (("pl", "26 października 2025"), ("en", "26 October 2025")):
        entry = entry_html((site / PAGES[lang]).read_text("utf-8"), "signing-ceremony")
        assert f'<time datetime="2025-10-25">25</time>–<time datetime="2025-10-26">{month}</time>' in entry
        assert f'<a href="{SIGNING}" rel="external noopener noreferrer" dir="auto">' in entry
        own, other = (PL_ARTICLE, EN_ARTICLE) if lang == "pl" else (EN_ARTICLE, PL_ARTICLE)
        assert f'<a href="{own}" dir="ltr">' in entry and f'href="{other}"' not in entry
        country = "/pl/kraje/wietnam/" if lang == "pl" else "/en/countries/vietnam/"
        assert f'href="{country}"' in entry
    english = entry_html((site / PAGES["en"]).read_text("utf-8"), "signing-ceremony")
    assert f'<a href="{LODZ}" hreflang="pl" lang="pl" dir="ltr">Konferencja o konwencji w Łodzi</a>' in english
    assert '(<span class="only-in">Only in Polish</span>)' in english


def test_an_untranslated_article_is_counted_on_the_other_languages_timeline_and_listed_on_its_year_page(site: Path):
    for lang, year, url, marker in (("en", 2025, LODZ, "Only in Polish"), ("pl", 2024, CIVIL, "Tylko po angielsku")):
        timeline = (site / PAGES[lang]).read_text("utf-8")
        count = re.search(rf'href="/{lang}/{year}/">(\d+) \w+', timeline)
        assert count, f"no count of {year}'s articles on the {lang} timeline"
        page = read_page(site / lang / str(year) / "index.html")
        listed = {link for link in page.main_links if ARTICLE_URL.match(link)}
        assert url in listed and int(count.group(1)) == len(listed)
        assert marker in page.text


def test_entries_are_in_chronological_order_in_an_ordered_list_per_year(site: Path):
    html = (site / PAGES["en"]).read_text("utf-8")
    years = re.findall(r'<h2 id="year-(\d{4})">', html)
    assert years == ["2019", "2023", "2024", "2025", "2026"]
    ids = re.findall(r'<li id="([^"]+)" class="timeline-entry', html)
    assert ids == [
        "resolution-adopted",
        "negotiations-session",
        "signing-ceremony",
        "entry-into-force",
    ]
    starts = re.findall(
        r'<li id="[^"]+" class="timeline-entry[^"]*"[^>]*>\s*<p class="timeline-when"[^>]*>\s*<time datetime="([^"]+)"',
        html,
    )
    assert len(starts) == len(ids) - 1 and starts == sorted(starts)  # all but what happens next, in order
    # one per year with events (a year of articles only shows their count) and "what happens next"
    assert html.count('<ol class="timeline">') == len({start[:4] for start in starts}) + 1


def test_entry_into_force_states_the_rule_without_a_date(site: Path):
    for lang, rule in (("pl", "po złożeniu dokumentów ratyfikacyjnych"), ("en", "once instruments of ratification")):
        html = (site / PAGES[lang]).read_text("utf-8")
        entry = entry_html(html[html.index('<h2 id="next">') :], "entry-into-force")
        assert rule in entry
        assert "<time" not in entry


def test_json_export_matches_the_page(site: Path):
    for lang, path in JSON.items():
        data = json.loads((site / path).read_text("utf-8"))
        html = (site / PAGES[lang]).read_text("utf-8")
        assert data["lang"] == lang
        # The page shows the events; the export has the articles too (the page counts them, by year).
        events = [entry["id"] for entry in data["entries"] if entry["kind"] != "article"]
        assert events == re.findall(r'<li id="([^"]+)" class="timeline-entry', html)
        articles = [entry for entry in data["entries"] if entry["kind"] == "article"]
        assert articles and all(entry["url"] == entry["article_url"] for entry in articles)
        for year in {entry["date"]["start"][:4] for entry in articles}:
            assert f'href="/{lang}/{year}/"' in html
        signing = next(entry for entry in data["entries"] if entry["id"] == "signing-ceremony")
        assert signing["date"]["start"] == "2025-10-25" and signing["date"]["end"] == "2025-10-26"
        assert [source["url"] for source in signing["sources"]] == [SIGNING]
        own = PL_ARTICLE if lang == "pl" else EN_ARTICLE
        assert [(a["url"], a["lang"]) for a in signing["articles"]] == [(own, lang), (LODZ, "pl")]
        lodz = next(entry for entry in data["entries"] if entry["id"] == "article-lodz-conference")
        assert (lodz["article_url"], lodz["article_lang"]) == (LODZ, "pl")


def test_article_page_links_to_its_place_on_the_timeline(site: Path):
    for lang, article in (("pl", PL_ARTICLE), ("en", EN_ARTICLE)):
        timeline = "/" + PAGES[lang].removesuffix("index.html")
        links = [link for link in read_page(site / file(article)).links if link.startswith(timeline + "#")]
        assert links == [f"{timeline}#signing-ceremony"]  # the events that cite it; articles are on year pages
        timeline_ids = read_page(site / PAGES[lang]).ids
        for link in links:
            assert link.split("#")[1] in timeline_ids, link


def test_every_page_has_the_timeline_in_its_navigation(site: Path):
    for path in [site / "pl" / "index.html", site / "en" / "index.html", site / file(PL_ARTICLE), site / PAGES["en"]]:
        page = read_page(path)
        target = "/" + PAGES[page.lang].removesuffix("index.html")
        assert target in page.links, path
        assert page_for_url(site, target).exists()


def test_bad_event_fails_the_build_naming_file_line_record_and_field(content_copy, tmp_path):
    event = content_copy / "data" / "timeline" / "signing-ceremony.yaml"
    event.write_text(event.read_text("utf-8").replace("  en: Signing ceremony\n", ""), encoding="utf-8")
    result = run_build(content_copy, tmp_path / "output")
    assert result.returncode == 1
    assert re.search(r"signing-ceremony\.yaml:\d+: title\.en: event 'signing-ceremony': is missing", result.stderr)
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "output").exists()


def test_make_check_reports_timeline_problems(content_copy):
    event = content_copy / "data" / "timeline" / "signing-ceremony.yaml"
    event.write_text(event.read_text("utf-8").replace("countries: [VN]", "countries: [VN, QQ]"), encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "tools.check", str(content_copy)], cwd=ROOT, capture_output=True, text=True, timeout=300
    )
    assert result.returncode == 1
    assert "signing-ceremony.yaml" in result.stderr
    assert "countries.1: event 'signing-ceremony': 'QQ' is not a known" in result.stderr


def test_no_event_id_can_be_an_id_of_the_theme(content_copy):
    """An event is an element of the timeline and country pages: its id must not be one the templates write
    (an event `main` took the skip link's target). Every literal id of every template is reserved."""
    templates = (ROOT / "theme" / "templates").rglob("*.html")
    ids = {name for path in templates for name in re.findall(r'\bid="([a-z][a-z0-9-]*)"', path.read_text("utf-8"))}
    assert ids and ids <= RESERVED_IDS, sorted(ids - RESERVED_IDS)
    event = sorted((content_copy / "data" / "timeline").glob("*.yaml"))[0]
    moved = event.with_name("main.yaml")
    event.rename(moved)
    moved.write_text(re.sub(r"(?m)^id: .*$", "id: main", moved.read_text("utf-8"), count=1), "utf-8")
    problems = [str(p) for p in check(content_copy) if p.severity == "error"]
    assert any(p.startswith(f"{moved}:1: id:") and "reserved for the page's own anchors" in p for p in problems)
