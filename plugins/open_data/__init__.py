"""Open data: country statuses (CSV and JSON, one row per country) and the articles' metadata (JSON),
each with its JSON Schema and a licence note, under `data/`.

Reads the articles from Pelican and the country pages, the status summary and
the convention's figures from the build context (set by the countries plugin
when it is on); puts `open_data` (the files' addresses and the licence) into
the context for `partials/open_data_links.html`.
"""

from __future__ import annotations

import json

from pelican import signals
from pelican.generators import Generator

from archive_core.locales import LANGUAGES
from archive_core.output import TextDocument, absolute_siteurl

from .datasets import article_rows, articles_json, countries_csv, countries_json, country_rows
from .schemas import articles_schema, countries_schema, timeline_schema

FILES = {
    "countries_csv": "data/countries.csv",
    "countries_json": "data/countries.json",
    "countries_schema": "data/countries.schema.json",
    "articles_json": "data/articles.json",
    "articles_schema": "data/articles.schema.json",
    "timeline_schema": "data/timeline.schema.json",
}
DEFAULT_LICENSE = {"name": "CC BY 4.0", "url": "https://creativecommons.org/licenses/by/4.0/"}


class OpenDataGenerator(Generator):
    def generate_context(self) -> None:
        license_ = self.settings.get("OPEN_DATA_LICENSE", DEFAULT_LICENSE)
        if not isinstance(license_, dict) or not {"name", "url"} <= set(license_):
            raise ValueError("OPEN_DATA_LICENSE must be a dict with `name` and `url`")
        self.context["open_data"] = {"files": dict(FILES), "license": license_}

    def generate_output(self, writer) -> None:
        siteurl = absolute_siteurl(self.settings)
        license_ = self.context["open_data"]["license"]

        def about(schema: str) -> dict:
            return {
                "license": license_,
                "generated_by": "Hanoi Convention Archive",
                "schema": f"{siteurl}/{FILES[schema]}",
            }

        files = {
            FILES["countries_schema"]: json.dumps(countries_schema(f"{siteurl}/{FILES['countries_schema']}"), indent=2),
            FILES["articles_schema"]: json.dumps(articles_schema(f"{siteurl}/{FILES['articles_schema']}"), indent=2),
            FILES["timeline_schema"]: json.dumps(timeline_schema(f"{siteurl}/{FILES['timeline_schema']}"), indent=2),
        }
        pages = self.context.get("country_pages") or {}
        if pages:
            rows = country_rows({page.code: page for page in pages[LANGUAGES[-1]]}, siteurl)
            summary, convention = self.context.get("status_summary"), self.context.get("convention")
            extra = {
                "as_of": convention.as_of.isoformat() if convention else None,
                "depositary": convention.as_dict() if convention else None,
                "summary": summary.as_dict() if summary else None,
            }
            files[FILES["countries_csv"]] = countries_csv(rows)
            files[FILES["countries_json"]] = countries_json(rows, {**about("countries_schema"), **extra})
        for path, text in files.items():
            writer.write_file(path, TextDocument(text), self.context)
        # Made only if written: the metadata of every article (a writer that keeps what an edit leaves
        # alone, as the devserver's, keeps it after an edit of an article's text).
        articles = self.context.get("articles", [])

        def articles_file() -> str:
            return articles_json(article_rows(articles, siteurl), about("articles_schema"))

        writer.write_file(FILES["articles_json"], TextDocument(articles_file), self.context, listed_articles=articles)


def get_generators(pelican) -> type[Generator]:
    return OpenDataGenerator


def register() -> None:
    signals.get_generators.connect(get_generators)
