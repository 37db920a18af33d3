"""One language's timeline: order, grouping by year, links, the article's place on it, the JSON export."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date, time

from archive_core.events import Event
from archive_core.provenance import Citation
from archive_core.when import When
from timeline.entries import ArticleRef, build_timeline, json_url, position_links, timeline_url, to_json


def event(event_id: str, when: When | None, kind: str = "signing", **extra) -> Event:
    return Event(
        id=event_id,
        kind=kind,
        when=when,
        title={"pl": f"{event_id} po polsku", "en": f"{event_id} in English"},
        description={"pl": "Opis.", "en": "Description."},
        sources=(Citation(f"https://www.example.org/{event_id}", publisher="Example", accessed=date(2026, 1, 2)),),
        **extra,
    )


ARTICLE_PL = ArticleRef("signing", "pl", "Podpisanie", "pl/2025/podpisanie/", date(2025, 10, 26), "PAP", ("VN",))
ARTICLE_EN = ArticleRef("signing", "en", "Signing", "en/2025/signing/", date(2025, 10, 26), "AP", ("VN",))
EVENTS = [
    event("entry-into-force", None, kind="entry-into-force"),
    event(
        "signing-hanoi", When(date(2025, 10, 25), "day", date(2025, 10, 26)), countries=("VN",), articles=("signing",)
    ),
    event("session-2019", When(date(2019, 12, 1), "month")),
    event("resolution", When(date(2019, 12, 27), "day"), kind="resolution"),
    event("year-event", When(date(2019, 1, 1), "year")),
    event("same-day-as-article", When(date(2025, 10, 26), "day")),
]


def test_entries_in_chronological_order_grouped_by_year_with_upcoming_last():
    timeline = build_timeline(EVENTS, [ARTICLE_PL, ARTICLE_EN], "en")
    assert [group.year for group in timeline.years] == [2019, 2025]
    assert [entry.id for entry in timeline.years[0].entries] == ["year-event", "session-2019", "resolution"]
    # A range sorts by its start; on one day, events come before articles.
    assert [entry.id for entry in timeline.years[1].entries] == [
        "signing-hanoi",
        "same-day-as-article",
        "article-signing",
    ]
    assert [entry.id for entry in timeline.upcoming] == ["entry-into-force"]
    assert timeline.entries[-1].id == "entry-into-force"


def test_one_day_s_articles_in_the_order_they_were_published_whatever_their_keys():
    """They stood in the order of their translation_key: an article of 21:40 before one of 06:15 that day, though the
    home page lists them by the time their `date:` gives."""
    evening = replace(ARTICLE_EN, translation_key="a-evening", url="en/2025/a/", time_of_day=time(21, 40))
    morning = replace(ARTICLE_EN, translation_key="z-morning", url="en/2025/z/", time_of_day=time(6, 15))
    undated_time = replace(ARTICLE_EN, translation_key="m-day", url="en/2025/m/")
    entries = build_timeline([], [evening, morning, undated_time], "en").entries
    assert [entry.id for entry in entries] == ["article-m-day", "article-z-morning", "article-a-evening"]


def test_each_language_gets_its_own_text_dates_and_articles():
    pl = build_timeline(EVENTS, [ARTICLE_PL, ARTICLE_EN], "pl")
    en = build_timeline(EVENTS, [ARTICLE_PL, ARTICLE_EN], "en")
    pl_signing = next(e for e in pl.entries if e.id == "signing-hanoi")
    en_signing = next(e for e in en.entries if e.id == "signing-hanoi")
    assert (pl_signing.title, str(pl_signing.date_text)) == ("signing-hanoi po polsku", "25–26 października 2025")
    assert (en_signing.title, str(en_signing.date_text)) == ("signing-hanoi in English", "25–26 October 2025")
    assert [link.url for link in pl_signing.articles] == ["pl/2025/podpisanie/"]
    assert [link.url for link in en_signing.articles] == ["en/2025/signing/"]
    assert [(link.label, link.url) for link in pl_signing.countries] == [("Wietnam", "pl/kraje/wietnam/")]
    assert [(link.label, link.url) for link in en_signing.countries] == [("Vietnam", "en/countries/vietnam/")]
    assert [entry.id for entry in pl.entries].count("article-signing") == 1


def test_times_are_one_per_end_of_a_range():
    en = build_timeline(EVENTS, [], "en")
    signing = next(e for e in en.entries if e.id == "signing-hanoi")
    assert [(t.iso, t.text) for t in signing.times] == [("2025-10-25", "25"), ("2025-10-26", "26 October 2025")]
    month = next(e for e in en.entries if e.id == "session-2019")
    assert [(t.iso, t.text) for t in month.times] == [("2019-12", "December 2019")]
    assert next(e for e in en.entries if e.id == "entry-into-force").times == ()


def test_an_article_missing_in_a_language_is_there_in_the_language_it_has_marked():
    pl = build_timeline(EVENTS, [ARTICLE_EN], "pl")
    [link] = next(e for e in pl.entries if e.id == "signing-hanoi").articles
    assert (link.url, link.lang) == (ARTICLE_EN.url, "en")
    entry = next(e for e in pl.entries if e.id == "article-signing")
    assert (entry.url, entry.lang, entry.title) == (ARTICLE_EN.url, "en", ARTICLE_EN.title)
    assert str(entry.date_text) == "26 października 2025"  # dated in the page's language


def test_an_article_in_the_pages_language_is_not_marked():
    pl = build_timeline(EVENTS, [ARTICLE_PL, ARTICLE_EN], "pl")
    [link] = next(e for e in pl.entries if e.id == "signing-hanoi").articles
    assert (link.url, link.lang) == (ARTICLE_PL.url, None)
    assert next(e for e in pl.entries if e.id == "article-signing").lang is None


def test_article_position_links_to_the_events_citing_it_not_to_an_entry_of_its_own():
    pl = build_timeline(EVENTS, [ARTICLE_PL], "pl")
    links = position_links(pl, ARTICLE_PL)
    assert [link.url for link in links] == ["pl/os-czasu/2025/#signing-hanoi"]
    assert links[0].label == "25–26 października 2025: signing-hanoi po polsku"


def test_the_page_shows_events_and_counts_articles_by_year():
    pl = build_timeline(EVENTS, [ARTICLE_PL], "pl")
    (year,) = [group for group in pl.years if group.year == 2025]
    assert year.article_count == 1
    assert "article-signing" not in [entry.id for entry in year.events]
    assert "signing-hanoi" in [entry.id for entry in year.events]


def test_urls():
    assert (timeline_url("pl"), timeline_url("en")) == ("pl/os-czasu/", "en/timeline/")
    assert (json_url("pl"), json_url("en")) == ("pl/os-czasu.json", "en/timeline.json")


def test_json_export_has_every_entry_in_order_with_dates_and_links():
    timeline = build_timeline(EVENTS, [ARTICLE_EN], "en")
    data = json.loads(json.dumps(to_json(timeline, "https://archive.example")))
    assert data["lang"] == "en"
    assert data["url"] == "https://archive.example/en/timeline/"
    assert [entry["id"] for entry in data["entries"]] == [entry.id for entry in timeline.entries]
    signing = next(entry for entry in data["entries"] if entry["id"] == "signing-hanoi")
    assert signing["url"] == "https://archive.example/en/timeline/2025/#signing-hanoi"
    assert signing["date"] == {
        "start": "2025-10-25",
        "end": "2025-10-26",
        "precision": "day",
        "text": "25–26 October 2025",
    }
    assert [source["url"] for source in signing["sources"]] == ["https://www.example.org/signing-hanoi"]
    assert signing["sources"][0]["publisher"] == "Example"
    assert signing["sources"][0]["accessed"] == "2026-01-02"
    assert signing["sources"][0]["archived"] is None  # none was given; a Wayback Machine lookup is no copy
    assert signing["countries"] == [
        {"code": "VN", "name": "Vietnam", "url": "https://archive.example/en/countries/vietnam/"}
    ]
    assert signing["articles"] == [
        {"title": "Signing", "url": "https://archive.example/en/2025/signing/", "lang": "en"}
    ]
    month = next(entry for entry in data["entries"] if entry["id"] == "session-2019")
    assert month["date"] == {"start": "2019-12", "end": None, "precision": "month", "text": "December 2019"}
    upcoming = data["entries"][-1]
    assert (upcoming["id"], upcoming["date"], upcoming["upcoming"]) == ("entry-into-force", None, True)
    article = next(entry for entry in data["entries"] if entry["kind"] == "article")
    assert article["article_url"] == article["url"] == "https://archive.example/en/2025/signing/"


def test_events_are_search_results_of_their_own_dated_as_the_timeline_dates_them():
    pl = {entry.id: entry for entry in build_timeline(EVENTS, [ARTICLE_PL], "pl").entries}
    signing = pl["signing-hanoi"].search
    assert (signing.kind, signing.year, signing.countries) == ("timeline", "2025", ("Wietnam",))
    assert (signing.iso, signing.date_label, signing.summary) == ("2025-10-25", "25–26 października 2025", "Opis.")
    assert signing.days == (date(2025, 10, 25), date(2025, 10, 26))  # found by either day in figures
    month = pl["session-2019"].search
    assert (month.iso, month.date_label, month.date) == ("2019-12", "grudzień 2019", date(2019, 12, 1))
    assert month.days == ()
    upcoming = pl["entry-into-force"].search
    assert (upcoming.kind, upcoming.date, upcoming.year) == ("timeline", None, "")
    # An article's entry is not a result: the article is found as itself.
    assert pl["article-signing"].search is None


def test_events_after_the_day_the_data_was_checked_are_scheduled_not_latest():
    closes = event("signature-closes", When(date(2026, 12, 31), "day"), kind="signature-period")
    events = [*EVENTS, closes, event("signed-later", When(date(2025, 11, 20), "day"))]
    timeline = build_timeline(events, [ARTICLE_EN], "en", as_of=date(2025, 10, 26))
    # Only a kind fixed in advance is scheduled: any other has happened, whenever the data was checked.
    assert [entry.id for entry in timeline.newest(2)] == ["signed-later", "same-day-as-article"]
    assert [entry.id for entry in timeline.scheduled(5)] == ["signature-closes"]
    assert "signature-closes" in [entry.id for entry in timeline.years[-1].events]  # still on its year's page
    unchecked = build_timeline(events, [ARTICLE_EN], "en")  # no day given: every dated event has happened
    assert unchecked.newest(1)[0].id == "signature-closes" and unchecked.scheduled(5) == ()


def test_an_event_carries_the_countries_its_text_names_that_it_is_not_about():
    """`Niemcy` on the English site finds the event whose English text writes `Germany` (docs/search-relevance.md)."""
    from archive_core.country_names import CountryNameIndex

    meeting = replace(
        event("meeting", When(date(2026, 1, 20), "day"), countries=("VN",)),
        description={"pl": "Wietnam i Niemcy rozmawiają.", "en": "Viet Nam and Germany talk."},
    )
    timeline = build_timeline([meeting], [], "en", country_names=CountryNameIndex())
    (entry,) = timeline.years[0].entries
    assert entry.search.named_codes == ("DE",)  # not VN, which it is about
    assert build_timeline([meeting], [], "en").years[0].entries[0].search.named_codes == ()
