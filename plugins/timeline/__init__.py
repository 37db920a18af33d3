"""Timeline of the convention: curated, sourced events and the archive's articles, per language."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from functools import partial
from pathlib import Path

from pelican import signals
from pelican.generators import Generator

from archive_core.country_names import CountryNameIndex, country_name_index
from archive_core.derived import derived, front_matter
from archive_core.listing import listed_in
from archive_core.locales import LANGUAGES
from archive_core.other_names import NamesTable
from archive_core.output import absolute_siteurl, records_json, write_page
from archive_core.snapshot import shared
from archive_core.timeline_pages import TEMPLATE, YEAR_TEMPLATE, events_per_page, page_url
from archive_core.urls import year_anchor
from archive_core.versions import versions

from .entries import ArticleRef, Timeline, anchors_url, build_timeline, position_links, timeline_url, to_json


class JsonDocument:
    """Stands in for a template so that Pelican's writer writes the JSON export like any page; made
    only if written (a writer that keeps the pages an edit leaves alone never asks)."""

    def __init__(self, data: Callable[[], dict]) -> None:
        self.data = data

    def render(self, context: dict) -> str:
        return records_json(self.data())


def article_ref(article) -> ArticleRef:
    meta = article.archive
    return ArticleRef(
        translation_key=meta.translation_key,
        lang=meta.lang,
        title=meta.title,
        url=article.url,
        date=meta.date.date(),
        publisher=meta.source.publisher if meta.source else None,
        countries=meta.countries,
        time_of_day=meta.date.time(),
    )


def _timelines(
    articles: list,
    events: tuple,
    per_page: int | None,
    as_of: date | None,
    names: NamesTable,
    country_names: CountryNameIndex,
) -> tuple[dict[str, Timeline], dict[str, list], list]:
    """Each language's timeline; the Article objects each lists, for the devserver's incremental writer
    (tools/incremental.py); and, for each article, where it sits on its language's timeline."""
    refs = [article_ref(article) for article in articles]
    timelines = {lang: build_timeline(events, refs, lang, per_page, as_of, names, country_names) for lang in LANGUAGES}
    listed = {lang: listed_in(articles, lang) for lang in LANGUAGES}
    return timelines, listed, [position_links(timelines[ref.lang], ref) for ref in refs]


class TimelineGenerator(Generator):
    """Writes `/pl/os-czasu/`, `/en/timeline/` and their JSON, and tells each article where it sits."""

    def generate_context(self) -> None:
        articles = self.context.get("articles", [])
        snapshot = shared(self.context, Path(self.path))
        events = snapshot.events
        self.context["timeline_events"] = events  # for other plugins (the about page's corrections log)
        per_page = events_per_page(self.settings)
        convention = snapshot.countries.convention
        as_of = convention.as_of if convention else None
        country_names = country_name_index(snapshot.country_forms)
        self.timelines, self.listed, links = derived(
            self,
            "timeline",
            (front_matter(articles), events, per_page, as_of, snapshot.names, snapshot.country_forms),
            lambda: _timelines(articles, events, per_page, as_of, snapshot.names, country_names),
        )
        for article, found in zip(articles, links, strict=True):
            article.timeline_links = found

    def generate_output(self, writer) -> None:
        # The export is read outside the site, as the open data is: absolute addresses in every build.
        siteurl, original = absolute_siteurl(self.settings), self.settings["DEFAULT_LANG"]
        pages = versions({lang: timeline.url for lang, timeline in self.timelines.items()}, original=original)
        for lang, timeline in self.timelines.items():
            listed = self.listed[lang]
            # What happens next, paginated as the years are; the years and the newest events on its first page.
            write_page(
                self,
                writer,
                TEMPLATE,
                timeline.url,
                lang,
                pages,
                articles=timeline.upcoming,
                timeline=timeline,
                listed_articles=listed,
            )
            for group in timeline.event_years:
                # Every language has the same events, so the same years.
                year_pages = versions(
                    {other: page_url(other, group.year) for other in self.timelines}, original=original
                )
                write_page(
                    self,
                    writer,
                    YEAR_TEMPLATE,
                    page_url(lang, group.year),
                    lang,
                    year_pages,
                    articles=group.events,
                    paginated_as=TEMPLATE,
                    timeline=timeline,
                    year_group=group,
                    listed_articles=listed,
                )
            # Where each event is, for an old address of one (theme/js/anchors.js): a file, so no page grows with it.
            writer.write_file(anchors_url(lang), JsonDocument(timeline.anchors), self.context)
            writer.write_file(
                timeline.json_url,
                JsonDocument(partial(to_json, timeline, siteurl)),
                self.context,
                listed_articles=listed,
            )


def add_template_helpers(generator) -> None:
    generator.env.globals["timeline_url"] = timeline_url  # the header links to the timeline
    generator.env.globals["year_anchor"] = year_anchor  # a year's entry in the timeline's list of years
    generator.env.globals["timeline_anchors_url"] = anchors_url  # where each event is (Timeline.anchors)


def get_generators(pelican) -> type[Generator]:
    return TimelineGenerator


def register() -> None:
    signals.generator_init.connect(add_template_helpers)
    signals.get_generators.connect(get_generators)
