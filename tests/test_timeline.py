"""The timeline of the fixture archive: both languages, dated and sourced entries, JSON, article positions."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
from pelican.settings import read_settings

from archive_core.page_ids import RESERVED_IDS
from archive_core.urls import country_url
from tools.check import check

from .conftest import ROOT, SETTINGS, build_site
from .fixture_archive import EN_ARTICLE, PL_ARTICLE, URL, file
from .html_helpers import page_for_url, read_page
from .invariants import ARTICLE_URL, relative_urls
from .test_build_errors import run_build

PAGES = {"pl": "pl/os-czasu/index.html", "en": "en/timeline/index.html"}
JSON = {"pl": "pl/os-czasu.json", "en": "en/timeline.json"}
RESOLUTION = "https://example.org/events/resolution"
SIGNING = "https://example.org/events/signing"
LOCAL = "http://127.0.0.1:8000"  # LOCAL_SITEURL: the absolute base of a development build
LODZ = URL["lodz-conference", "pl"]
CIVIL = URL["civil-society-concerns", "en"]
ENTRY_START = re.compile(
    r'<li id="[^"]+" class="timeline-entry[^"]*"[^>]*>\s*<p class="timeline-when"[^>]*>\s*<time datetime="([^"]+)"'
)


@pytest.fixture
def site(fixture_site: Path) -> Path:
    return fixture_site


def year_pages(site: Path, lang: str) -> list[Path]:
    """The pages of the years with events, in order (a year's page 2 after its first)."""
    return sorted((site / PAGES[lang]).parent.glob("[0-9][0-9][0-9][0-9]/**/index.html"))


def timeline_pages(site: Path, lang: str) -> list[Path]:
    """Every page of the timeline as a reader goes through it: the years' pages, then the first (what happens next)."""
    return [*year_pages(site, lang), site / PAGES[lang]]


def page_showing(site: Path, lang: str, entry_id: str) -> str:
    """The one page of the timeline that shows the entry `entry_id`."""
    found = [path for path in timeline_pages(site, lang) if f'<li id="{entry_id}" ' in path.read_text("utf-8")]
    assert len(found) == 1, (entry_id, found)
    return found[0].read_text("utf-8")


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
    years = {lang: [path.parent.name for path in year_pages(site, lang)] for lang in PAGES}
    assert years["pl"] == years["en"] == ["2019", "2023", "2025"]  # the years with events, a page each
    for year in years["en"]:
        page = read_page(site / "en" / "timeline" / year / "index.html")
        assert page.alternates == {
            "pl": f"/pl/os-czasu/{year}/", "en": f"/en/timeline/{year}/", "x-default": f"/pl/os-czasu/{year}/"
        }  # fmt: skip
        assert "/en/timeline/" in page.links


def test_a_dated_event_with_its_source(site: Path):
    for lang, text in (("pl", "27 grudnia 2019"), ("en", "27 December 2019")):
        entry = entry_html(page_showing(site, lang, "resolution-adopted"), "resolution-adopted")
        assert f'<time datetime="2019-12-27">{text}</time>' in entry
        assert f'<a href="{RESOLUTION}" rel="external noopener noreferrer" dir="auto">' in entry


def test_an_event_known_to_the_month(site: Path):
    for lang, text in (("pl", "styczeń 2023"), ("en", "January 2023")):
        entry = entry_html(page_showing(site, lang, "negotiations-session"), "negotiations-session")
        assert f'<time datetime="2023-01">{text}</time>' in entry


def test_an_event_over_two_days_links_its_articles_in_the_page_language_or_the_one_they_have(site: Path):
    for lang, month in (("pl", "26 października 2025"), ("en", "26 October 2025")):
        entry = entry_html(page_showing(site, lang, "signing-ceremony"), "signing-ceremony")
        assert f'<time datetime="2025-10-25">25</time>–<time datetime="2025-10-26">{month}</time>' in entry
        assert f'<a href="{SIGNING}" rel="external noopener noreferrer" dir="auto">' in entry
        own, other = (PL_ARTICLE, EN_ARTICLE) if lang == "pl" else (EN_ARTICLE, PL_ARTICLE)
        assert f'<a href="{own}" dir="ltr">' in entry and f'href="{other}"' not in entry
        country = "/pl/kraje/wietnam/" if lang == "pl" else "/en/countries/vietnam/"
        assert f'href="{country}"' in entry
    english = entry_html(page_showing(site, "en", "signing-ceremony"), "signing-ceremony")
    assert f'<a href="{LODZ}" hreflang="pl" lang="pl" dir="ltr">Konferencja o konwencji w Łodzi</a>' in english
    assert '(<span class="only-in">Only in Polish</span>)' in english


def test_a_country_page_dates_its_events_as_the_timeline_does(site: Path):
    """A country's events carry their dates at their own precision, a range as its two ends: a month is not a day
    (`2023-01`, never `2023-01-01`), and the second day of a meeting is marked as a date too."""
    for lang, month, day in (("pl", "styczeń 2023", "26 października 2025"), ("en", "January 2023", "26 October 2025")):
        for entry_id, country, written in (
            ("negotiations-session", "DZ", f'<time datetime="2023-01">{month}</time>'),
            (
                "signing-ceremony",
                "VN",
                f'<time datetime="2025-10-25">25</time>–<time datetime="2025-10-26">{day}</time>',
            ),
        ):
            entry, url = entry_html(page_showing(site, lang, entry_id), entry_id), country_url(country, lang)
            assert written in entry and f'href="/{url}"' in entry
            events = (site / url / "index.html").read_text("utf-8")
            events = events[events.index('id="events-heading"') :]
            assert written + ": " in events[: events.index("</section>")], (url, lang)


def test_an_untranslated_article_is_counted_on_the_other_languages_timeline_and_listed_on_its_year_page(site: Path):
    for lang, year, url, marker in (("en", 2025, LODZ, "Only in Polish"), ("pl", 2024, CIVIL, "Tylko po angielsku")):
        timeline = (site / PAGES[lang]).read_text("utf-8")
        count = re.search(rf'href="/{lang}/{year}/">(\d+) \w+', timeline)
        assert count, f"no count of {year}'s articles on the {lang} timeline"
        page = read_page(site / lang / str(year) / "index.html")
        listed = {link for link in page.main_links if ARTICLE_URL.match(link)}
        assert url in listed and int(count.group(1)) == len(listed)
        assert marker in page.text


def test_entries_are_in_chronological_order_a_page_for_each_year(site: Path):
    first = (site / PAGES["en"]).read_text("utf-8")
    assert re.findall(r'<li id="year-(\d{4})">', first) == [
        "2019",
        "2023",
        "2024",
        "2025",
        "2026",
    ]  # events or articles
    ids, starts = [], []
    for path in timeline_pages(site, "en"):
        html = path.read_text("utf-8")
        on_page = re.findall(r'<li id="([^"]+)" class="timeline-entry', html)
        ids += on_page
        starts += ENTRY_START.findall(html)
        if path.parent.name.isdigit():  # a year's page: its events only, in one ordered list
            assert html.count('<ol class="timeline">') == 1 and on_page
            assert {start[:4] for start in starts[-len(on_page) :]} == {path.parent.name}
    assert ids == ["resolution-adopted", "negotiations-session", "signing-ceremony", "entry-into-force"]
    assert len(starts) == len(ids) - 1 and starts == sorted(starts)  # all but what happens next, in order


def test_an_event_keeps_its_address_when_events_of_other_years_are_added(content_copy, tmp_path):
    """A page for each year: 120 events, before all others and between two years, move no event."""
    before = event_urls(build_site(tmp_path / "before", content_copy, PAGINATED_TEMPLATES=FIVE_EVENTS_A_PAGE))
    folder = content_copy / "data" / "timeline"
    for n, year in enumerate([2017] * 60 + [2024] * 60):
        (folder / f"added-{n}.yaml").write_text(
            f"id: added-{n}\nkind: negotiation-session\ndate: {year}-03-{n % 28 + 1:02d}\n"
            f"title: {{pl: Dodane {n}, en: Added {n}}}\ndescription: {{pl: Opis {n}., en: About {n}.}}\n"
            f"sources: ['https://example.org/added/{n}']\n",
            encoding="utf-8",
        )
    after = event_urls(build_site(tmp_path / "after", content_copy, PAGINATED_TEMPLATES=FIVE_EVENTS_A_PAGE))
    assert len(after) == len(before) + 2 * 120
    assert {key: after[key] for key in before} == before
    assert after["en", "added-0"] == "/en/timeline/2017/#added-0"
    pages_of_2017 = {url.split("#")[0] for (lang, _), url in after.items() if url.startswith("/en/timeline/2017/")}
    assert len(pages_of_2017) == 60 // 5 and "/en/timeline/2017/page/12/" in pages_of_2017


FIVE_EVENTS_A_PAGE = {**read_settings(str(SETTINGS))["PAGINATED_TEMPLATES"], "timeline": 5}


def export(site: Path, lang: str) -> dict:
    """The language's JSON export, every address of the site in it as the pages write it (`/en/...`): it gives
    each absolute (a dataset is read outside the site), under the build's base."""
    text = (site / JSON[lang]).read_text("utf-8")
    assert relative_urls(json.loads(text)) == []
    return json.loads(text.replace(f'"{LOCAL}/', '"/'))


def event_urls(site: Path) -> dict[tuple[str, str], str]:
    """{(language, event id): the URL the JSON export gives it}, each checked against the page it names."""
    urls = {}
    for lang in JSON:
        for entry in export(site, lang)["entries"]:
            if entry["kind"] != "article":
                page, anchor = entry["url"].split("#")
                assert f'<li id="{anchor}" ' in page_for_url(site, page).read_text("utf-8"), entry["url"]
                urls[lang, entry["id"]] = entry["url"]
    return urls


def test_entry_into_force_states_the_rule_without_a_date(site: Path):
    for lang, rule in (("pl", "po złożeniu dokumentów ratyfikacyjnych"), ("en", "once instruments of ratification")):
        html = page_showing(site, lang, "entry-into-force")
        entry = entry_html(html[html.index('<h2 id="next">') :], "entry-into-force")
        assert rule in entry
        assert "<time" not in entry


def test_json_export_matches_the_page(site: Path):
    for lang in JSON:
        data = export(site, lang)
        html = (site / PAGES[lang]).read_text("utf-8")
        assert data["lang"] == lang
        # The pages show the events, each at its `url`; the export has the articles too (counted, by year).
        shown = [
            (f"/{path.relative_to(site).parent.as_posix()}/#{entry_id}", entry_id)
            for path in timeline_pages(site, lang)
            for entry_id in re.findall(r'<li id="([^"]+)" class="timeline-entry', path.read_text("utf-8"))
        ]
        assert [(entry["url"], entry["id"]) for entry in data["entries"] if entry["kind"] != "article"] == shown
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
        links = [link for link in read_page(site / file(article)).links if link.startswith(timeline) and "#" in link]
        assert links == [f"{timeline}2025/#signing-ceremony"]  # the events that cite it; articles are on year pages
        for link in links:
            page, anchor = link.split("#")
            assert anchor in read_page(page_for_url(site, page)).ids, link


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


def test_an_event_dated_after_the_data_was_checked_is_scheduled_not_among_the_latest(content_copy, tmp_path):
    """convention.yaml's `as_of` is the day the data was last checked: an event of a kind fixed in advance (the
    signature period's end) dated after it had not happened when it was checked, so the first page lists it as
    scheduled, not among the latest events."""
    as_of = re.search(r"(?m)^as_of: (\S+)", (content_copy / "data" / "convention.yaml").read_text("utf-8")).group(1)
    year = int(as_of[:4]) + 1
    (content_copy / "data" / "timeline" / "deadline.yaml").write_text(
        f"id: deadline\nkind: signature-period\ndate: {year}-12-31\n"
        "title: {pl: Ostatni dzień qq7001x, en: Last day qq7001x}\ndescription: {pl: Opis., en: About.}\n"
        "sources: ['https://example.org/deadline']\n",
        encoding="utf-8",
    )
    site = build_site(tmp_path / "site", content_copy)
    for lang, heading in (("pl", "Zaplanowane"), ("en", "Scheduled")):
        html = (site / PAGES[lang]).read_text("utf-8")
        latest = html[html.index('id="newest-events-heading"') : html.index("</section>", html.index("newest-events"))]
        scheduled = html[html.index('id="scheduled-events-heading"') :]
        scheduled = scheduled[: scheduled.index("</section>")]
        assert "qq7001x" not in latest and "qq7001x" in scheduled and f">{heading}</h2>" in scheduled
        # The day it was so: past it, the event stays scheduled until the data is checked again.
        assert {"pl": "Stan według źródeł na 1 czerwca 2026.", "en": "As the sources stood on 1 June 2026."}[
            lang
        ] in scheduled
        assert f'href="/{PAGES[lang].removesuffix("index.html")}{year}/#deadline"' in scheduled
        assert '<li id="deadline" ' in page_showing(site, lang, "deadline")
