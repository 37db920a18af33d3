"""What the country pages and the country index show, computed as plain data for the templates."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import date
from typing import Any, Protocol

from archive_core.browse import Count, newest_first, year_counts
from archive_core.collation import sort_key
from archive_core.countries import country_name
from archive_core.country_data import CountryData
from archive_core.country_names import CountryNameIndex
from archive_core.country_records import NOT_SIGNED, RATIFIED, SIGNED, UNKNOWN, CountryRecord
from archive_core.country_summary import StatusSummary
from archive_core.facets import SearchFacets, named_countries, page_facets
from archive_core.listing import listed_in
from archive_core.locales import LANGUAGES, babel_locale
from archive_core.people import Person
from archive_core.provenance import Citation, Correction
from archive_core.urls import country_url, section_url
from archive_core.versions import Alternate, LanguageLink, versions

from .regions import continent
from .timeline_events import CountryEvent
from .worldmap import WorldMap

# A country page is bounded however much curated data concerns the country: its newest events (the timeline
# holds them all) and, for each person, the newest articles that name them (every article is on the year pages).
EVENTS_SHOWN = 20
PERSON_ARTICLES_SHOWN = 5


class ArticleLike(Protocol):
    lang: str
    translation_key: str
    url: str
    title: str
    date: Any
    archive: Any  # archive_core.schema.ArticleMeta


@dataclass(frozen=True)
class CountryLink:
    code: str
    name: str
    url: str


# What the map and the lists show: a status, or a status only reports support (`-unverified`).
DISPLAY_STATUSES = (
    SIGNED,
    f"{SIGNED}-unverified",
    RATIFIED,
    f"{RATIFIED}-unverified",
    NOT_SIGNED,
    f"{NOT_SIGNED}-unverified",
    UNKNOWN,
)


@dataclass(frozen=True)
class PersonEntry:
    name: str
    role: str
    articles: tuple[ArticleLike, ...]  # that name them: in the page's language, or in the one they have
    official_name: str | None = None
    official_role: str | None = None
    note: str | None = None
    sources: tuple[Citation, ...] = ()
    corrections: tuple[Correction, ...] = ()

    @property
    def shown_articles(self) -> tuple[ArticleLike, ...]:
        """The newest of the articles that name the person: the page says how many more there are."""
        return self.articles[:PERSON_ARTICLES_SHOWN]


@dataclass(frozen=True)
class CountryPage:
    code: str
    lang: str
    name: str
    url: str
    index_url: str
    region: str
    record: CountryRecord
    events: tuple[CountryEvent, ...]
    people: tuple[PersonEntry, ...]
    articles: tuple[ArticleLike, ...]  # newest first; in the page's language, or in the one they have
    alternates: tuple[Alternate, ...]
    language_links: tuple[LanguageLink, ...]
    search: SearchFacets | None = None  # the page in the search index, kind "country"
    as_of: date | None = None  # the day the statuses were last checked against their sources

    @property
    def note(self) -> str | None:
        return self.record.note[self.lang] if self.record.note else None

    @property
    def shown_events(self) -> tuple[CountryEvent, ...]:
        """The newest events, oldest first: the page links to the timeline for the others."""
        return self.events[-EVENTS_SHOWN:]

    @property
    def years(self) -> tuple[Count, ...]:
        """How many articles in each year, newest first: the headings of the paginated list."""
        return tuple(Count(year, str(year), count, "") for year, count in year_counts(self.articles))


@dataclass(frozen=True)
class RegionGroup:
    code: str
    name: str
    countries: tuple[CountryPage, ...]
    signatories: int  # confirmed
    articles: int
    reported: int = 0  # signatures only reports support


@dataclass(frozen=True)
class MapArea:
    code: str | None
    name: str  # CLDR name in the page's language; the map's own label where CLDR has none
    d: str
    status: str  # one of DISPLAY_STATUSES
    url: str | None  # None: the archive has no page for it
    dot: tuple[int, int] | None = None  # a small country, drawn as a dot too


@dataclass(frozen=True)
class CountryIndex:
    lang: str
    url: str
    regions: tuple[RegionGroup, ...]
    status_counts: dict[str, int]  # by display status; `-unverified` ones only when there are any
    map_view_box: str
    map_areas: tuple[MapArea, ...]
    alternates: tuple[Alternate, ...]
    language_links: tuple[LanguageLink, ...]
    summary: StatusSummary | None = None
    reported: tuple[CountryLink, ...] = ()  # the Hanoi signatures only reports support, by name
    europe_view_box: str = ""
    europe_areas: tuple[MapArea, ...] = ()  # Europe, larger: its small countries side by side


def country_links(codes: Iterable[str], lang: str) -> list[CountryLink]:
    """Links to the pages of `codes`, in `lang`'s alphabetical order."""
    links = [CountryLink(code, country_name(code, lang), country_url(code, lang)) for code in codes]
    return sorted(links, key=lambda link: sort_key(lang)(link.name))


def country_codes(data: CountryData, articles: Iterable[ArticleLike]) -> set[str]:
    """Every country that a record, an article or a person names gets a page."""
    named = {code for article in articles for code in article.archive.countries}
    return set(data.records) | named | {person.country for person in data.people if person.country}


def country_pages(
    data: CountryData,
    articles: Sequence[ArticleLike],
    events: dict[str, dict[str, list[CountryEvent]]],
    siteurl: str,
    default_lang: str,
    country_names: CountryNameIndex | None = None,
) -> dict[str, list[CountryPage]]:
    """The country pages of each language, in that language's alphabetical order; each in the search index with the
    other countries its people's names and roles name (`country_names`, as an article's)."""
    codes = country_codes(data, articles)
    page_versions = {
        code: versions({lang: country_url(code, lang) for lang in LANGUAGES}, original=default_lang) for code in codes
    }
    pages: dict[str, list[CountryPage]] = {}
    for lang in LANGUAGES:
        listed = newest_first(listed_in(articles, lang))
        newest = {article.translation_key: (rank, article) for rank, article in enumerate(listed)}
        by_country: dict[str, list] = {}
        for article in listed:
            for code in dict.fromkeys(article.archive.countries):
                by_country.setdefault(code, []).append(article)
        pages[lang] = []
        for code in codes:
            people = tuple(_people(data.people, code, lang, newest))
            pages[lang].append(
                CountryPage(
                    code=code,
                    lang=lang,
                    name=country_name(code, lang),
                    url=country_url(code, lang),
                    index_url=section_url("countries", lang),
                    region=babel_locale(lang).territories[continent(code)],
                    record=data.records.get(code) or CountryRecord(code, UNKNOWN),
                    events=tuple(events.get(lang, {}).get(code, ())),
                    people=people,
                    articles=tuple(by_country.get(code, ())),
                    alternates=tuple(page_versions[code].alternates(siteurl)),
                    language_links=tuple(page_versions[code].language_links(lang)),
                    search=_country_search(code, lang, people, country_names),
                    as_of=data.convention.as_of if data.convention else None,
                )
            )
        pages[lang].sort(key=lambda page: sort_key(lang)(page.name))
    return pages


def country_index(
    pages: list[CountryPage],
    world: WorldMap,
    lang: str,
    siteurl: str,
    default_lang: str,
    summary: StatusSummary | None = None,
) -> CountryIndex:
    regions = []
    for region_code in sorted({continent(page.code) for page in pages}):
        members = tuple(page for page in pages if continent(page.code) == region_code)
        articles = {article.url for page in members for article in page.articles}
        regions.append(
            RegionGroup(
                code=region_code,
                name=members[0].region,
                countries=members,
                signatories=sum(page.record.is_signatory for page in members),
                articles=len(articles),
                reported=sum(page.record.is_reported_signatory for page in members),
            )
        )
    regions.sort(key=lambda region: sort_key(lang)(region.name))
    by_code = {page.code: page for page in pages}
    counts = Counter(page.record.display_status for page in pages)

    def area(outline) -> MapArea:
        code = world.code(outline)
        page = by_code.get(code) if code else None
        return MapArea(
            code=code,
            name=country_name(code, lang) if code else outline.label,
            d=outline.d,
            status=page.record.display_status if page else UNKNOWN,
            url=page.url if page else None,
            dot=outline.dot,
        )

    areas = [area(outline) for outline in world.outlines]
    index_versions = versions({other: section_url("countries", other) for other in LANGUAGES}, original=default_lang)
    return CountryIndex(
        lang=lang,
        url=section_url("countries", lang),
        regions=tuple(regions),
        status_counts={
            status: counts.get(status, 0)
            for status in DISPLAY_STATUSES
            if not status.endswith("-unverified") or counts.get(status)
        },
        map_view_box=world.view_box,
        map_areas=tuple(areas),
        europe_view_box=world.europe_view_box,
        europe_areas=tuple(area(outline) for outline in world.europe),
        alternates=tuple(index_versions.alternates(siteurl)),
        language_links=tuple(index_versions.language_links(lang)),
        summary=summary,
        reported=tuple(country_links(summary.reported_hanoi, lang)) if summary else (),
    )


def _country_search(
    code: str, lang: str, people: tuple[PersonEntry, ...], country_names: CountryNameIndex | None
) -> SearchFacets:
    """The country's page in the search index: the countries the people it lists name in their names and roles (its
    indexed text, with the status sentence, which names none), each by all its names (`named_countries`)."""
    facets = page_facets("country", lang, countries=(code,))
    written = "\n".join(
        text
        for person in people
        for text in (person.name, person.role, person.official_name, person.official_role)
        if text
    )
    return replace(facets, named_codes=named_countries(written, facets.codes, country_names))


def _people(
    people: list[Person], code: str, lang: str, newest: dict[str, tuple[int, ArticleLike]]
) -> list[PersonEntry]:
    """`newest`: each listed article by translation_key, with its rank, newest first."""
    entries = [
        PersonEntry(
            name=person.name[lang],
            role=person.role[lang],
            articles=tuple(
                article for _, article in sorted(newest[key] for key in dict.fromkeys(person.articles) if key in newest)
            ),
            official_name=person.official_name,
            official_role=person.official_role[lang] if person.official_role else None,
            note=person.note[lang] if person.note else None,
            sources=person.sources,
            corrections=person.corrections,
        )
        for person in people
        if person.country == code
    ]
    return sorted(entries, key=lambda entry: sort_key(lang)(entry.name))
