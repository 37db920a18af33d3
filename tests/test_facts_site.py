"""Facts you can check (issue 14), on a fixture site of its own (tests/facts_site/content):
counts against the depositary's with an as-of date, provenance and archived copies, notes and corrections,
citations that parse, open data one row per country, and the about page in both languages in every footer."""

from __future__ import annotations

import csv
import io
import json
import re
import shutil
from pathlib import Path

import bibtexparser
import jsonschema
import lxml.html
import pytest
import rispy

from .conftest import build_site
from .html_helpers import page_for_url, read_page

CONTENT = Path(__file__).resolve().parent / "facts_site" / "content"
EN_ARTICLE = "/en/2025/signing-the-convention/"
PL_ARTICLE = "/pl/2025/podpisanie-konwencji/"
SOURCE = "https://www.example.vn/signing-report"
WAYBACK = "https://web.archive.org/web/"
LOOKUP = re.compile(r"https://web\.archive\.org/web/[0-9]{8}/")  # a day, not a capture's time


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    return build_site(tmp_path_factory.mktemp("facts") / "output", CONTENT)


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        (
            "/en/countries/",
            [
                "Signatures as of 29 November 2026",
                "last checked against their sources on 29 November 2026",
                "The depositary counts 4 signatures at the Hanoi ceremony",
                "those of 3 states and of the European Union",
                "The archive lists 3 confirmed signatories: 2 in Hanoi and 1 at UN Headquarters in New York.",
                "2 of the depositary's Hanoi signatures are not confirmed in the archive",
                "1 is reported by the press",
                "1 is not in the archive's records yet.",
                "Reported as signed, not confirmed (1)",
            ],
        ),
        (
            "/pl/kraje/",
            [
                "Podpisy według stanu na 29 listopada 2026",
                "według depozytariusza: 4 (państwa: 3, oraz Unia Europejska)",
                "Archiwum wymienia 3 potwierdzonych sygnatariuszy: 2 w Hanoi i 1 w siedzibie ONZ w Nowym Jorku.",
            ],
        ),
    ],
)
def test_the_country_index_states_its_as_of_date_and_counts_against_the_depositary(site, url, expected):
    page = read_page(page_for_url(site, url))
    for text in expected:
        assert text in page.text, text
    assert ("/en/countries/south-africa/" if url.startswith("/en") else "/pl/kraje/republika-poludniowej-afryki/") in (
        page.links
    )
    assert "/data/countries.csv" in page.links and "/data/countries.json" in page.links


def test_a_reported_status_is_shown_as_not_confirmed_with_its_reason_and_corrections(site):
    page = read_page(page_for_url(site, "/en/countries/south-africa/"))
    assert "Reported as signed in Hanoi, not confirmed" in page.text
    assert "Not confirmed: The press only." in page.text
    assert "Corrections 29 November 2026 : Marked as not confirmed." in page.text
    assert "https://web.archive.org/web/20261129/https://press.example/za-signs" in page.links
    assert "accessed 29 November 2026" in page.text and "Example Press" in page.text


def test_article_sources_link_to_the_wayback_machine_and_record_the_chain_of_translation(site):
    page = read_page(page_for_url(site, EN_ARTICLE))
    assert SOURCE in page.links
    assert f"{WAYBACK}20260115/{SOURCE}" in page.links  # a lookup in the Wayback Machine, as of that day
    assert "accessed 15 January 2026" in page.text
    assert "Chain of translation The original is the authoritative text. Original in Vietnamese Polish: translated" in (
        page.text
    )
    assert "English: translated by the archive's editors (AI-assisted)" in page.text


PL_STATUS = "https://treaties.un.org/doc/status.xml"
PL_COPY = f"https://web.archive.org/web/20261129093000/{PL_STATUS}"  # the capture content/data gives for Poland
PL_ARTICLE_COPY = f"https://web.archive.org/web/20260115093000/{SOURCE}"  # the Polish version's `archived:`


def link_texts(site: Path, url: str, href: str) -> list[str]:
    """The text of each link of the page to `href`, as a screen reader reads it (hidden words included)."""
    tree = lxml.html.fromstring(page_for_url(site, url).read_bytes())
    return [" ".join(a.text_content().split()) for a in tree.iter("a") if a.get("href") == href]


@pytest.mark.parametrize(
    ("url", "href", "label"),
    [
        (PL_ARTICLE, PL_ARTICLE_COPY, "kopia archiwalna: Agencja Przykładowa"),
        ("/en/countries/poland/", PL_COPY, "archived copy: Status of the convention"),
        ("/pl/kraje/polska/", PL_COPY, "kopia archiwalna: Status of the convention"),
    ],
)
def test_a_copy_the_contributor_gave_is_the_archived_copy(site, url, href, label):
    assert link_texts(site, url, href) == [label]
    assert not [link for link in read_page(page_for_url(site, url)).links if LOOKUP.match(link)], "no lookup too"


@pytest.mark.parametrize(
    ("url", "href", "label"),
    [
        (EN_ARTICLE, f"{WAYBACK}20260115/{SOURCE}", "look it up in the Wayback Machine: Example Agency"),
        (
            "/en/countries/south-africa/",
            f"{WAYBACK}20261129/https://press.example/za-signs",
            "look it up in the Wayback Machine: press.example",
        ),
        (
            "/pl/kraje/republika-poludniowej-afryki/",
            f"{WAYBACK}20261129/https://press.example/za-signs",
            "sprawdź w Wayback Machine: press.example",
        ),
        ("/en/timeline/2025/", f"{WAYBACK}20261129/{PL_STATUS}", "look it up in the Wayback Machine: treaties.un.org"),
    ],
)
def test_where_no_copy_was_given_the_page_offers_a_lookup_and_claims_no_copy(site, url, href, label):
    # The Wayback Machine's address by a day only redirects to its nearest capture, if it has one: nobody checked.
    assert link_texts(site, url, href) == [label]
    assert "archived copy" not in read_page(page_for_url(site, url)).text


def cited_notes(site: Path, url: str) -> tuple[str, str, str]:
    """The note of the page's BibTeX, RIS and CSL-JSON files."""
    (entry,) = bibtexparser.parse_string(page_for_url(site, f"{url}cite.bib").read_text("utf-8")).entries
    (record,) = rispy.loads(page_for_url(site, f"{url}cite.ris").read_text("utf-8"))
    (item,) = json.loads(page_for_url(site, f"{url}cite.json").read_text("utf-8"))
    return {field.key: field.value for field in entry.fields}["note"], record["notes"][0], item["note"]


@pytest.mark.parametrize(
    ("url", "copy"),
    [(EN_ARTICLE, None), (PL_ARTICLE, PL_ARTICLE_COPY), ("/en/countries/south-africa/", None)],
)
def test_a_citation_names_an_archived_copy_only_where_one_was_given(site, url, copy):
    for note in cited_notes(site, url):
        assert ("archived copy" in note) == (copy is not None), note
        assert WAYBACK not in note.replace(copy or WAYBACK, ""), note


def test_the_open_data_gives_an_archived_copy_only_where_one_was_given(site):
    rows = {
        row["code"]: row for row in csv.DictReader(io.StringIO((site / "data" / "countries.csv").read_text("utf-8")))
    }
    assert rows["PL"]["archived_copies"] == PL_COPY and rows["ZA"]["archived_copies"] == ""
    countries = {
        row["code"]: row for row in json.loads((site / "data" / "countries.json").read_text("utf-8"))["countries"]
    }
    assert [source["archived"] for source in countries["PL"]["sources"]] == [PL_COPY]
    assert [source["archived"] for source in countries["ZA"]["sources"]] == [None]
    timeline = json.loads(page_for_url(site, "/en/timeline.json").read_text("utf-8"))
    assert all(source["archived"] is None for entry in timeline["entries"] for source in entry["sources"])


def test_notes_mark_the_source_spelling_and_corrections_are_shown(site):
    html = page_for_url(site, EN_ARTICLE).read_text("utf-8")
    assert 'Mmamiloko<sup class="note-ref sic">' in html
    assert 'aria-label="[sic], note 1"' in html
    page = read_page(page_for_url(site, EN_ARTICLE))
    assert "The source's spelling, kept: The source's spelling; the correct form is Mmamoloko." in page.text
    assert "Corrections 29 November 2026 : The tense of the second sentence now follows the Polish." in page.text
    assert "#note-1" in page.links and "note-1" in page.ids


def test_an_article_offers_bibtex_and_ris_that_parse_and_name_title_source_and_date(site):
    page = read_page(page_for_url(site, EN_ARTICLE))
    bib_url = f"{EN_ARTICLE}cite.bib"
    ris_url = f"{EN_ARTICLE}cite.ris"
    csl_url = f"{EN_ARTICLE}cite.json"
    assert {bib_url, ris_url, csl_url} <= set(page.links)
    library = bibtexparser.parse_string(page_for_url(site, bib_url).read_text("utf-8"))
    (entry,) = library.entries
    fields = {field.key: field.value for field in entry.fields}
    assert fields["title"] == "{Signing the convention}"
    assert fields["author"] == "{Example Agency}"
    assert fields["date"] == "2025-10-26"
    assert SOURCE in fields["note"] and "accessed 2026-01-15" in fields["note"]
    assert fields["url"].endswith(EN_ARTICLE)
    (record,) = rispy.loads(page_for_url(site, ris_url).read_text("utf-8"))
    assert record["title"] == "Signing the convention" and record["authors"] == ["Example Agency"]
    assert record["date"] == "2025/10/26/" and SOURCE in record["notes"][0]
    (item,) = json.loads(page_for_url(site, csl_url).read_text("utf-8"))
    assert item["issued"] == {"date-parts": [[2025, 10, 26]]} and item["archive_location"] == SOURCE
    assert "Cite this page" in page.text and "“Signing the convention”" in page.text
    assert "„Podpisanie konwencji”" in read_page(page_for_url(site, PL_ARTICLE)).text


LEAD = "Minister Mmamiloko Kubayi signed the convention in Hanoi."


def cited_abstracts(site: Path, url: str) -> tuple[str | None, str | None, str | None]:
    """The abstract of the page's BibTeX, RIS and CSL-JSON files, as bibtexparser, rispy and JSON read them."""
    (entry,) = bibtexparser.parse_string(page_for_url(site, f"{url}cite.bib").read_text("utf-8")).entries
    bib = {field.key: field.value for field in entry.fields}.get("abstract")
    (record,) = rispy.loads(page_for_url(site, f"{url}cite.ris").read_text("utf-8"))
    (item,) = json.loads(page_for_url(site, f"{url}cite.json").read_text("utf-8"))
    return bib, record.get("abstract"), item.get("abstract")


def test_an_article_s_citation_carries_its_lead_as_its_abstract(site):
    assert cited_abstracts(site, EN_ARTICLE) == (LEAD, LEAD, LEAD)
    assert cited_abstracts(site, "/en/countries/south-africa/") == (None, None, None)  # a country page has no summary


def test_a_given_summary_is_the_abstract_as_text(tmp_path):
    content = tmp_path / "content"
    shutil.copytree(CONTENT, content)
    article = content / "articles/2025/signing.en.md"
    summary = 'summary: "The *Hanoi* signing: 100% {agreed}, per [UNODC](https://www.unodc.org/)"\n'
    article.write_text(article.read_text("utf-8").replace("\n---\n", f"\n{summary}---\n", 1), "utf-8")
    site = build_site(tmp_path / "output", content)
    text = "The Hanoi signing: 100% {agreed}, per UNODC"
    bibtex = r"The Hanoi signing: 100\% \textbraceleft{}agreed\textbraceright{}, per UNODC"  # as LaTeX escapes it
    assert cited_abstracts(site, EN_ARTICLE) == (bibtex, text, text)


def test_country_pages_offer_their_citation_too(site):
    page = read_page(page_for_url(site, "/pl/kraje/polska/"))
    assert "/pl/kraje/polska/cite.bib" in page.links
    (record,) = rispy.loads(page_for_url(site, "/pl/kraje/polska/cite.ris").read_text("utf-8"))
    assert record["title"] == "Polska: status wobec Konwencji Narodów Zjednoczonych przeciwko cyberprzestępczości"


def test_country_statuses_download_as_csv_and_json_one_row_per_country(site):
    pages = {path.parent.name for path in (site / "en" / "countries").glob("*/index.html")}
    rows = list(csv.DictReader(io.StringIO((site / "data" / "countries.csv").read_text("utf-8"))))
    assert len(rows) == len(pages) == 5
    assert {row["code"] for row in rows} == {"PL", "EU", "ZA", "MU", "JP"}
    za = next(row for row in rows if row["code"] == "ZA")
    assert za["verified"] == "false" and za["status"] == "signed" and za["note_en"] == "The press only."
    data = json.loads((site / "data" / "countries.json").read_text("utf-8"))
    schema = json.loads((site / "data" / "countries.schema.json").read_text("utf-8"))
    jsonschema.validate(data, schema)
    assert data["as_of"] == "2026-11-29" and data["license"]["name"] == "CC BY 4.0"
    assert len(data["countries"]) == 5
    articles = json.loads((site / "data" / "articles.json").read_text("utf-8"))
    jsonschema.validate(articles, json.loads((site / "data" / "articles.schema.json").read_text("utf-8")))
    assert sorted(row["lang"] for row in articles["articles"]) == ["en", "pl"]


def test_the_about_page_in_both_languages_is_linked_from_every_footer(site):
    about = {"pl": "/pl/o-archiwum/", "en": "/en/about/"}
    for lang, url in about.items():
        page = read_page(page_for_url(site, url))
        assert page.lang == lang
        assert page.alternates == {**about, "x-default": about["pl"]}
        assert "Corrections log" in page.text or "Rejestr poprawek" in page.text
    html_pages = [path for path in site.rglob("*.html") if not path.is_relative_to(site / "pagefind")]
    assert len(html_pages) > 10
    for path in html_pages:
        page = read_page(path)
        if page.lang in about:
            assert about[page.lang] in page.links, path
    log = read_page(page_for_url(site, "/en/about/")).text
    assert "South Africa : Marked as not confirmed." in log
    assert "Signing the convention : The tense of the second sentence now follows the Polish." in log


def test_timeline_entries_show_their_sources_provenance_and_what_is_not_confirmed(site):
    page = read_page(page_for_url(site, "/en/timeline/2025/"))  # the event's year
    assert "Not confirmed: The day is not confirmed." in page.text
    assert "United Nations Treaty Collection · accessed 29 November 2026" in page.text
    assert "https://web.archive.org/web/20261129/https://treaties.un.org/doc/status.xml" in page.links


def test_the_timeline_json_validates_against_its_schema_linked_from_the_timeline(site):
    schema = json.loads((site / "data" / "timeline.schema.json").read_text("utf-8"))
    for lang, url in (("pl", "/pl/os-czasu/"), ("en", "/en/timeline/")):
        page = read_page(page_for_url(site, url))
        json_url = "/pl/os-czasu.json" if lang == "pl" else "/en/timeline.json"
        assert json_url in page.links and "/data/timeline.schema.json" in page.links
        jsonschema.validate(json.loads(page_for_url(site, json_url).read_text("utf-8")), schema)


def test_the_open_data_licence_is_a_link_and_no_page_shows_markup_as_text(site):
    home = read_page(page_for_url(site, "/en/"))
    assert "https://creativecommons.org/licenses/by/4.0/" in home.links
    assert "published under CC BY 4.0 : reuse it freely" in home.text
    for path in site.rglob("*.html"):
        text = read_page(path).text
        assert "<a " not in text and "</" not in text, path


def test_the_corrections_log_holds_those_of_an_article_only_in_the_other_language_marked(tmp_path):
    # An article with no English version is listed on the English pages, marked; its corrections were left out of
    # the English log, which says it holds every change made to the archive's articles.
    content = tmp_path / "content"
    shutil.copytree(CONTENT, content)
    (content / "articles" / "2025" / "polish-only.pl.md").write_text(
        '---\ntitle: "Tylko po polsku"\ndate: 2025-10-27\nlang: pl\ntranslation_key: polish-only\nsource:\n'
        "  url: https://www.example.vn/polish-only\n  publisher: Agencja Przykładowa\ncorrections:\n"
        '  - date: 2026-01-20\n    change: "Poprawiono tytuł."\n    reason: "Literówka."\n---\n\nTekst.\n',
        encoding="utf-8",
    )
    site = build_site(tmp_path / "output", content)
    html = page_for_url(site, "/en/about/").read_text("utf-8")
    assert (
        '<a href="/pl/2025/tylko-po-polsku/" hreflang="pl" lang="pl" dir="ltr">Tylko po polsku</a>'
        ' (<span class="only-in">Only in Polish</span>): <span lang="pl">Poprawiono tytuł. (Literówka.)</span>'
    ) in html
    assert "Poprawiono tytuł." in page_for_url(site, "/pl/o-archiwum/").read_text("utf-8")
