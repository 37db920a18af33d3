"""The timeline of one language: events and articles in order, grouped by year, and its JSON form."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import date, time
from functools import cached_property
from itertools import groupby
from typing import Any

from archive_core.countries import country_name
from archive_core.country_names import CountryNameIndex
from archive_core.events import SCHEDULED_KINDS, Event
from archive_core.facets import NO_NAMES, SearchFacets, named_countries, page_facets
from archive_core.listing import listed_in
from archive_core.other_names import NamesTable
from archive_core.provenance import Citation, Correction, Localized
from archive_core.spellings import american_spellings
from archive_core.timeline_pages import Place, page_url, place_url, places
from archive_core.urls import article_anchor, country_url, section_url
from archive_core.when import DateText, TimeRef, When, date_text, time_refs

ARTICLE_KIND = "article"


@dataclass(frozen=True)
class ArticleRef:
    """What the timeline needs of one language version of an article."""

    translation_key: str
    lang: str
    title: str
    url: str  # site-relative, as Pelican's article.url
    date: date
    publisher: str | None = None
    countries: tuple[str, ...] = ()
    # The time its `date:` gives (midnight where it gives the day only): one day's articles in the order they were
    # published, as the home page lists them (newest first there), their translation_key where the time is one.
    time_of_day: time = time()


@dataclass(frozen=True)
class Link:
    label: str
    url: str  # site-relative for pages of the site, absolute for sources
    code: str | None = None  # a country's ISO code
    lang: str | None = None  # an article with no version in the page's language: the language it has


@dataclass(frozen=True)
class Entry:
    id: str  # the anchor on the timeline page
    kind: str
    when: When | None
    date_text: DateText | None
    title: str
    description: str = ""
    url: str | None = None  # an article entry: the article's page
    publisher: str | None = None
    sources: tuple[Citation, ...] = ()
    countries: tuple[Link, ...] = ()
    articles: tuple[Link, ...] = ()
    search: SearchFacets | None = None  # an event: its own search result; an article is found as itself
    verified: bool = True
    note: str | None = None  # why an event is not (fully) confirmed, in the page's language
    corrections: tuple[Correction, ...] = ()
    lang: str | None = None  # an article with no version in the page's language: the language it has

    @property
    def times(self) -> tuple[TimeRef, ...]:
        """The start (and end) as `<time>` elements; one for a single date or an unsplittable range."""
        if self.when is None or self.date_text is None:
            return ()
        return time_refs(self.when, self.date_text)


@dataclass(frozen=True)
class YearGroup:
    year: int
    entries: tuple[Entry, ...]

    @cached_property
    def events(self) -> tuple[Entry, ...]:
        """What the page shows of the year: its events (the articles are counted, and listed on the year's page)."""
        return tuple(entry for entry in self.entries if entry.kind != ARTICLE_KIND)

    @cached_property
    def article_count(self) -> int:
        return len(self.entries) - len(self.events)


@dataclass(frozen=True)
class Timeline:
    lang: str
    url: str  # `en/timeline/`: the years, and what happens next
    json_url: str  # `en/timeline.json`
    years: tuple[YearGroup, ...]
    upcoming: tuple[Entry, ...]  # what happens next: no date yet
    per_page: int | None = None  # events a year's page shows (archive_core.timeline_pages); None: all
    # The day the curated data was last checked (content/data/convention.yaml, `as_of`): an event of a kind fixed
    # in advance (a signature period's end) dated after it is scheduled, not among the latest; any other kind has
    # happened (archive_core.events refuses it ahead). None: every dated event has happened.
    as_of: date | None = None

    @cached_property
    def entries(self) -> tuple[Entry, ...]:
        return (*(entry for group in self.years for entry in group.entries), *self.upcoming)

    @cached_property
    def events(self) -> tuple[Entry, ...]:
        """What the pages list, in their order: the dated events, then what happens next."""
        return (*(entry for group in self.years for entry in group.events), *self.upcoming)

    @cached_property
    def places(self) -> dict[str, Place]:
        dated = ((entry.id, group.year) for group in self.years for entry in group.events)
        return places((*dated, *((entry.id, None) for entry in self.upcoming)), self.per_page)

    def event_url(self, event_id: str) -> str:
        return place_url(self.lang, self.places.get(event_id, (None, 1)), event_id)

    def anchors(self) -> dict[str, str]:
        """{event id: the page and anchor that show it}, every event: the map an old address of an event (`#id` on
        the timeline's first page, once one page, or on a year's first page) is followed by (theme/js/anchors.js)."""
        return {entry.id: self.event_url(entry.id) for entry in self.events}

    @cached_property
    def event_years(self) -> tuple[YearGroup, ...]:
        """The years that have a page of their own: those with events."""
        return tuple(group for group in self.years if group.events)

    def year_url(self, year: int) -> str | None:
        """The page of `year`'s events; None for a year with articles only."""
        return page_url(self.lang, year) if any(group.year == year for group in self.event_years) else None

    @cached_property
    def upcoming_url(self) -> str:
        return f"{self.url}#next"

    @cached_property
    def _dated(self) -> tuple[tuple[Entry, ...], tuple[Entry, ...]]:
        """The dated events, oldest first: those that happened, and those scheduled (see `as_of`)."""
        happened: list[Entry] = []
        scheduled: list[Entry] = []
        for entry in (entry for group in self.years for entry in group.events):
            ahead = self.as_of is not None and entry.kind in SCHEDULED_KINDS and entry.when.start > self.as_of
            (scheduled if ahead else happened).append(entry)
        return tuple(happened), tuple(scheduled)

    def newest(self, count: int) -> tuple[Entry, ...]:
        """The `count` newest events that happened, newest first."""
        return tuple(reversed(self._dated[0][-count:])) if count else ()

    def scheduled(self, count: int) -> tuple[Entry, ...]:
        """The `count` soonest scheduled events, soonest first."""
        return self._dated[1][:count]

    @cached_property
    def positions(self) -> dict[str, tuple[Link, ...]]:
        """For each article's URL, the events that cite it, in order (the page lists events; articles by year).

        One pass over the entries, so that placing every article costs no more than the timeline itself.
        """
        positions: defaultdict[str, list[Link]] = defaultdict(list)
        for entry in self.entries:
            url = self.event_url(entry.id)
            for link in entry.articles:
                label = f"{entry.date_text}: {entry.title}" if entry.date_text else entry.title
                positions[link.url].append(Link(label, url))
        return {article_url: tuple(links) for article_url, links in positions.items()}


def timeline_url(lang: str) -> str:
    return section_url("timeline", lang)


def anchors_url(lang: str) -> str:
    """`en/timeline/anchors.json`: where each event of the language's timeline is (`Timeline.anchors`)."""
    return f"{timeline_url(lang)}anchors.json"


def json_url(lang: str) -> str:
    """`en/timeline.json`, `pl/os-czasu.json`: next to the page, one per language."""
    return timeline_url(lang).rstrip("/") + ".json"


def build_timeline(
    events: Iterable[Event],
    articles: Iterable[ArticleRef],
    lang: str,
    per_page: int | None = None,
    as_of: date | None = None,
    names: NamesTable = NO_NAMES,
    country_names: CountryNameIndex | None = None,
) -> Timeline:
    """Events and the articles, oldest first; upcoming events at the end; `per_page` events on a page; events
    of a kind fixed in advance dated after `as_of` are scheduled (`Timeline.scheduled`).

    Each article once: in `lang`, or, with no version in it yet, in the language it has.
    """
    articles = listed_in(articles, lang)
    by_key = {article.translation_key: article for article in articles}
    dated: list[tuple[tuple, Entry]] = []
    upcoming: list[Entry] = []
    for event in events:
        entry = event_entry(event, lang, by_key, names, country_names)
        if event.when is None:
            upcoming.append(entry)
        else:
            dated.append(((*event.when.sort_key, 0, event.id), entry))
    for article in articles:
        entry = article_entry(article, lang)
        dated.append(((*entry.when.sort_key, 1, article.time_of_day, article.translation_key), entry))
    ordered = [entry for _, entry in sorted(dated, key=lambda pair: pair[0])]
    years = tuple(
        YearGroup(year, tuple(group)) for year, group in groupby(ordered, key=lambda entry: entry.when.start.year)
    )
    upcoming.sort(key=lambda entry: entry.id)
    return Timeline(lang, timeline_url(lang), json_url(lang), years, tuple(upcoming), per_page, as_of)


def event_search(
    event: Event,
    lang: str,
    when_text: DateText | None,
    names: NamesTable = NO_NAMES,
    country_names: CountryNameIndex | None = None,
) -> SearchFacets:
    """The event as a search result of its own (kind "timeline"), dated as the timeline dates it; with the other
    names of what its title or description names (`names`), and the countries they name that it is not about
    (`country_names`), as an article's (`archive_core.facets.article_facets`)."""
    when = event.when
    facets = page_facets(
        "timeline",
        lang,
        when=when.start if when else None,
        countries=event.countries,
        summary=event.description[lang],
        date_label=str(when_text) if when_text else "",
        date_iso=when.iso(when.start) if when else "",
        last_day=when.end if when else None,
    )
    written = f"{event.title[lang]}\n{event.description[lang]}"
    named = named_countries(written, facets.codes, country_names)
    spellings = american_spellings(written, lang)
    return replace(facets, names=names.search_terms(written), named_codes=named, spellings=spellings)


def event_entry(
    event: Event,
    lang: str,
    articles_by_key: dict[str, ArticleRef],
    names: NamesTable = NO_NAMES,
    country_names: CountryNameIndex | None = None,
) -> Entry:
    when_text = date_text(event.when, lang) if event.when else None
    return Entry(
        id=event.id,
        kind=event.kind,
        when=event.when,
        date_text=when_text,
        title=event.title[lang],
        description=event.description[lang],
        sources=event.sources,
        countries=country_links(event.countries, lang),
        articles=tuple(article_link(articles_by_key[key], lang) for key in event.articles if key in articles_by_key),
        search=event_search(event, lang, when_text, names, country_names),
        verified=event.verified,
        note=_text(event.note, lang),
        corrections=event.corrections,
    )


def _text(value: Localized | None, lang: str) -> str | None:
    return value[lang] if value else None


def article_entry(article: ArticleRef, lang: str) -> Entry:
    """The article's entry on the timeline of `lang` (which may not be the article's own language)."""
    when = When(article.date, "day")
    return Entry(
        id=article_anchor(article.translation_key),
        kind=ARTICLE_KIND,
        when=when,
        date_text=date_text(when, lang),
        title=article.title,
        url=article.url,
        publisher=article.publisher,
        countries=country_links(article.countries, lang),
        lang=article.lang if article.lang != lang else None,
    )


def article_link(article: ArticleRef, lang: str) -> Link:
    return Link(article.title, article.url, lang=article.lang if article.lang != lang else None)


def country_links(codes: Iterable[str], lang: str) -> tuple[Link, ...]:
    return tuple(Link(country_name(code, lang), country_url(code, lang), code) for code in codes)


def position_links(timeline: Timeline, article: ArticleRef) -> tuple[Link, ...]:
    """The events on its language's timeline that cite an article, in order."""
    return timeline.positions.get(article.url, ())


def to_json(timeline: Timeline, siteurl: str) -> dict[str, Any]:
    """The timeline as plain data, every URL under `siteurl` (absolute: the export is read outside the site)."""

    def site(url: str) -> str:
        return f"{siteurl}/{url}"

    def entry_json(entry: Entry) -> dict[str, Any]:
        when = entry.when
        return {
            "id": entry.id,
            # An article is not on the page (which counts them by year): its own page.
            "url": site(entry.url) if entry.kind == ARTICLE_KIND and entry.url else site(timeline.event_url(entry.id)),
            "kind": entry.kind,
            "date": None
            if when is None
            else {
                "start": when.iso(when.start),
                "end": when.iso(when.end) if when.end else None,
                "precision": when.precision,
                "text": str(entry.date_text),
            },
            "upcoming": when is None,
            "title": entry.title,
            "description": entry.description or None,
            "article_url": site(entry.url) if entry.url else None,
            "article_lang": (entry.lang or timeline.lang) if entry.url else None,
            "publisher": entry.publisher,
            "sources": [source.as_dict() for source in entry.sources],
            "verified": entry.verified,
            "note": entry.note,
            "corrections": [correction.as_dict() for correction in entry.corrections],
            "countries": [{"code": link.code, "name": link.label, "url": site(link.url)} for link in entry.countries],
            "articles": [
                {"title": link.label, "url": site(link.url), "lang": link.lang or timeline.lang}
                for link in entry.articles
            ],
        }

    return {
        "lang": timeline.lang,
        "url": site(timeline.url),
        "entries": [entry_json(entry) for entry in timeline.entries],
    }
