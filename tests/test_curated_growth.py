"""Pages stay bounded as the curated data grows (timeline events, a country's events, corrections, a person named
in many articles), and nothing is dropped: every event and correction is on a page reached from the home page.

The fixture archive is built twice, grown by SMALL and by LARGE items of each kind: no page of a kind may be
larger in the large build than the largest of its kind in the small one, whatever LARGE is."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from .browsing import click_depths, page_sizes
from .conftest import FIXTURE, build_site
from .curated_growth import PERSON, add_events, add_person_articles
from .html_helpers import read_page
from .sitewide import broken_links, target_file
from .stylesheets import pages_with_unloaded_styles

SMALL, LARGE = 60, 180  # events: past a country's shown events (20) and the log (50); pages of a year hold 5 here
# Articles naming one person, each with a topic of its own, all cited by the first event: past the five a country
# page shows for a person or a timeline entry, and past a page of the topic index (here 50).
PERSON_SMALL, PERSON_LARGE = 60, 180
SLACK_BYTES = 2_000  # longer numbers in the large build's titles and counts
# Listings of articles hold few (their bound is tested in test_browsing.py), so that both builds fill them.
SMALL_LISTINGS = {
    "DEFAULT_PAGINATION": 5,
    "PAGINATED_TEMPLATES": {"index": None, "year": 5, "topic": 5, "country": 5, "timeline": 5, "topics": 50},
}


YEAR_PAGES = {"/pl/N/", "/en/N/"}  # a link to each page of the year's articles: test_browsing.py bounds them


def grown_site(root: Path, events: int, person_articles: int) -> tuple[Path, list[str], list[str]]:
    content = root / "content"
    shutil.copytree(FIXTURE, content)
    keys = add_person_articles(content, person_articles)
    ids = add_events(content, events, keys)
    return build_site(root / "output", content, **SMALL_LISTINGS), ids, keys


@pytest.fixture(scope="module")
def small(tmp_path_factory) -> Path:
    return grown_site(tmp_path_factory.mktemp("small"), SMALL, PERSON_SMALL)[0]


@pytest.fixture(scope="module")
def large(tmp_path_factory) -> tuple[Path, list[str], list[str]]:
    return grown_site(tmp_path_factory.mktemp("large"), LARGE, PERSON_LARGE)


def kind(url: str) -> str:
    """`/pl/os-czasu/` for its later pages too, `/pl/N/osoba-cytowana-N/`: pages of one kind share it."""
    return re.sub(r"\d+", "N", re.sub(r"page/\d+/$", "", url))


def largest_by_kind(site: Path) -> dict[str, int]:
    sizes: dict[str, int] = {}
    for url, size in page_sizes(site).items():
        sizes[kind(url)] = max(sizes.get(kind(url), 0), size)
    return sizes


def test_no_page_grows_with_the_curated_data_or_the_topics(small, large):
    before, after = largest_by_kind(small), largest_by_kind(large[0])
    grown = {
        page_kind: (before[page_kind], size)
        for page_kind, size in after.items()
        if page_kind in before and page_kind not in YEAR_PAGES and size > before[page_kind] + SLACK_BYTES
    }
    assert grown == {}


def reached_pages(site: Path) -> list[Path]:
    reached = set(click_depths(site, "/pl/")) | set(click_depths(site, "/en/"))
    return [target_file(site, url) for url in sorted(reached)]


def test_every_event_and_correction_is_on_a_page_reached_from_the_home_pages(large):
    site, ids, _ = large
    for lang, correction in (("pl", "Poprawka"), ("en", "Correction")):
        shown_ids, corrections = set(), set()
        timeline_pages = [page for page in reached_pages(site) if f"/{lang}/" in page.as_posix()]
        for path in timeline_pages:
            html = path.read_text(encoding="utf-8")
            shown_ids |= set(re.findall(r'<li id="(growth-event-\d+)" class="timeline-entry', html))
            corrections |= set(re.findall(rf"{correction} (\d+)\.", html))
        assert shown_ids == set(ids), lang
        assert corrections == {str(n) for n in range(LARGE)}, lang


def test_each_timeline_page_shows_a_page_of_events_and_links_to_every_page_of_its_year(large):
    site, ids, _ = large
    timeline = site / "en" / "timeline"
    shown = []
    for first in [timeline, *sorted(path for path in timeline.iterdir() if path.name.isdigit())]:
        pages = [first / "index.html", *sorted(first.glob("page/*/index.html"), key=lambda p: int(p.parent.name))]
        numbered = {f"/{path.parent.relative_to(site).as_posix()}/" for path in pages[1:]}
        for path in pages:
            html = path.read_text(encoding="utf-8")
            entries = re.findall(r'<li id="(growth-event-\d+)" class="timeline-entry', html)
            assert len(entries) <= 5, path  # SMALL_LISTINGS
            shown += entries
            assert numbered <= set(read_page(path).links), path
    assert sorted(shown) == sorted(ids)  # each event on one page


def test_a_country_page_shows_its_newest_events_and_links_to_the_timeline(large):
    page = read_page(large[0] / "pl" / "kraje" / "wietnam" / "index.html")
    events = [link for link in page.links if link.startswith("/pl/os-czasu/") and "#" in link]
    assert len(events) == 20
    assert "/pl/os-czasu/" in page.links and "Najnowsze z" in page.text
    # The person's newest articles, and how many more there are (all of them on the year pages).
    named = [link for link in page.links if "/osoba-cytowana-" in link]
    assert len(named) == 5 and f"i {PERSON_LARGE - 5} starszych artykułów" in page.text
    assert PERSON in page.text


@pytest.mark.parametrize("lang", ["pl", "en"])
def test_the_corrections_log_holds_every_correction_a_page_at_a_time(large, lang):
    """A public archive hides no correction: the about page showed the newest 50 and said the others were on the
    pages they correct. The log is paginated (50 a page, the settings not naming the about template), the about
    page holding the newest, each page linking to every other."""
    site, ids, _ = large
    about = site / lang / ("about" if lang == "en" else "o-archiwum")
    pages = [about / "index.html", *sorted(about.glob("page/*/index.html"), key=lambda p: int(p.parent.name))]
    assert len(pages) > 1
    numbered = {f"/{path.parent.relative_to(site).as_posix()}/" for path in pages[1:]}
    logged = []
    for path in pages:
        page = read_page(path)
        events = [link.split("#")[1] for link in page.links if "#growth-event-" in link]
        assert len(events) <= 50, path
        logged += events
        assert numbered - {f"/{path.parent.relative_to(site).as_posix()}/"} <= set(page.links), path
    assert sorted(logged) == sorted(ids)  # each event's correction on one page of the log
    said = {"en": f"{LARGE} corrections in all, 50 a page.", "pl": f"Wszystkich poprawek: {LARGE}, po 50 na stronie."}
    assert said[lang] in read_page(pages[0]).text


def test_every_link_to_an_event_leads_to_its_page(large):
    assert broken_links(large[0]) == []


def test_every_topic_is_on_a_page_of_the_topic_index_reached_from_the_home_page(large):
    site, _, keys = large
    reached = set(click_depths(site, "/pl/"))
    topics = {url for url in reached if re.fullmatch(r"/pl/tematy/temat-\d+/", url)}
    assert len(topics) == len(keys)
    index_pages = sorted((site / "pl" / "tematy").glob("page/*/index.html"))
    assert len(index_pages) == len(keys) // 50  # and the first page: 50 topics a page, the fixture's too


def test_an_article_cited_by_every_event_and_an_event_citing_every_article_stay_bounded(large):
    site, _, keys = large
    article = read_page(site / "pl" / "2019" / "osoba-cytowana-0" / "index.html")
    cited_by = [link for link in article.links if link.startswith("/pl/os-czasu/") and "#growth-event-" in link]
    assert len(cited_by) == 10 and "późniejszych wydarzeń" in article.text
    first = (site / "pl" / "os-czasu" / "2019" / "index.html").read_text(encoding="utf-8")
    entry = first[first.index('<li id="growth-event-0000"') :].split('<p class="timeline-anchor">')[0]
    assert entry.count("/osoba-cytowana-") == 5 and f"i {len(keys) - 5} artykułów więcej" in entry


def test_every_page_loads_the_stylesheets_of_the_classes_it_uses(large):
    """The page numbers of the timeline and the topic index, which only the browsing pages' stylesheet styled."""
    site, _, _ = large
    assert pages_with_unloaded_styles(site) == {}
