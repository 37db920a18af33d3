"""Country pages and the country index of the fixture archive, built by real Pelican (plugins/countries)."""

from __future__ import annotations

import csv
import io
import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from archive_core.collation import sort_key
from archive_core.urls import country_url

from .conftest import build_site
from .fixture_archive import EN_ARTICLE, PL_ARTICLE, URL
from .html_helpers import page_for_url, read_page
from .test_build_errors import run_build

SOURCE = "https://example.org/status/{}"

COUNTRY_PAGES = {
    ("VN", "pl"): ("/pl/kraje/wietnam/", "Wietnam"),
    ("BY", "pl"): ("/pl/kraje/bialorus/", "Białoruś"),
    ("ZA", "pl"): ("/pl/kraje/republika-poludniowej-afryki/", "Republika Południowej Afryki"),
    ("VN", "en"): ("/en/countries/vietnam/", "Vietnam"),
    ("BY", "en"): ("/en/countries/belarus/", "Belarus"),
    ("ZA", "en"): ("/en/countries/south-africa/", "South Africa"),
}


class MapAreas(HTMLParser):
    """The <a> areas of the world map: (href, class, code); `europe`: those of the larger map of Europe."""

    def __init__(self) -> None:
        super().__init__()
        self.areas: list[tuple[str, str, str]] = []
        self.europe: list[tuple[str, str, str]] = []
        self.in_svg: list[tuple[str, str, str]] | None = None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "svg":
            self.in_svg = self.europe if "europe-map" in a.get("class", "") else self.areas
        elif tag == "a" and self.in_svg is not None:
            self.in_svg.append((a["href"], a["class"], a.get("data-code")))

    def handle_endtag(self, tag):
        if tag == "svg":
            self.in_svg = None


def map_areas(path: Path, europe: bool = False) -> list[tuple[str, str, str]]:
    parser = MapAreas()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser.europe if europe else parser.areas


@pytest.fixture
def site(fixture_site: Path) -> Path:
    return fixture_site


def h1(path: Path) -> str:
    return re.search(r"<h1[^>]*>(.*?)</h1>", path.read_text(encoding="utf-8"), re.S).group(1).strip()


@pytest.mark.parametrize(("key", "expected"), COUNTRY_PAGES.items(), ids=[f"{c}-{lang}" for c, lang in COUNTRY_PAGES])
def test_country_pages_with_cldr_names_link_the_seed_article(site, key, expected):
    code, lang = key
    url, name = expected
    path = page_for_url(site, url)
    page = read_page(path)
    assert page.lang == lang
    assert h1(path) == name
    assert (PL_ARTICLE if lang == "pl" else EN_ARTICLE) in page.links
    assert (EN_ARTICLE if lang == "pl" else PL_ARTICLE) not in page.links
    other = "en" if lang == "pl" else "pl"
    assert page.alternates[other] == COUNTRY_PAGES[code, other][0]
    assert page.alternates["x-default"] == COUNTRY_PAGES[code, "pl"][0]


def test_viet_nam_signed_on_25_october_2025_in_hanoi_with_its_source(site):
    pl = read_page(page_for_url(site, "/pl/kraje/wietnam/"))
    en = read_page(page_for_url(site, "/en/countries/vietnam/"))
    assert "Podpisano w Hanoi 25 października 2025" in pl.text
    assert "Signed in Hanoi on 25 October 2025" in en.text
    assert SOURCE.format("vn") in pl.links and SOURCE.format("vn") in en.links
    html = page_for_url(site, "/en/countries/vietnam/").read_text(encoding="utf-8")
    assert '<time datetime="2025-10-25">25 October 2025</time>' in html


def test_every_status_is_worded_precisely(site):
    for url, text in (
        ("/en/countries/algeria/", "Signed in New York on 10 November 2025"),
        ("/pl/kraje/algieria/", "Podpisano w Nowym Jorku 10 listopada 2025"),
        ("/en/countries/france/", "Signed in New York on 20 November 2025 . Ratified on 10 March 2026"),
        ("/pl/kraje/francja/", "Podpisano w Nowym Jorku 20 listopada 2025 . Ratyfikowano 10 marca 2026"),
        ("/en/countries/united-states/", "Reported as not signing in Hanoi"),
        ("/pl/kraje/stany-zjednoczone/", "Według doniesień nie podpisano w Hanoi"),
        ("/en/countries/japan/", "No confirmed status in the archive's sources"),
        ("/en/countries/belarus/", "No confirmed status in the archive's sources"),  # named by an article only
    ):
        assert text in read_page(page_for_url(site, url)).text, url
    assert read_page(page_for_url(site, "/en/countries/france/")).links.count(SOURCE.format("fr")) == 1
    assert SOURCE.format("jp") not in read_page(page_for_url(site, "/en/countries/japan/")).links


def test_people_from_the_country_quoted_in_the_archive(site):
    assert "Anh Fixturova, minister" in read_page(page_for_url(site, "/en/countries/vietnam/")).text
    assert "Iwan Przykładow, delegat Białorusi" in read_page(page_for_url(site, "/pl/kraje/bialorus/")).text
    assert "Ivan Prykladov, Belarus's delegate" in read_page(page_for_url(site, "/en/countries/belarus/")).text
    assert "Quillfeather" not in read_page(page_for_url(site, "/en/countries/vietnam/")).text
    # named in an article that exists only in English: linked from the Polish page too, marked
    path = page_for_url(site, "/pl/kraje/stany-zjednoczone/")
    civil = URL["civil-society-concerns", "en"]
    assert (
        f'<bdi>Quillfeather</bdi>, <bdi>badaczka</bdi><span data-pagefind-ignore>: <a href="{civil}" hreflang="en" '
        'lang="en" dir="ltr">'
        'Civil society groups voice concerns</a> (<span class="only-in">Tylko po angielsku</span>)</span>'
    ) in path.read_text(encoding="utf-8")


def test_a_country_page_lists_the_articles_with_no_version_in_its_language(site):
    # Issue 12: the English page of Poland lists the article about Poland that exists only in Polish.
    page = read_page(page_for_url(site, "/en/countries/poland/"))
    lodz = URL["lodz-conference", "pl"]
    articles = [link for link in page.main_links if "/20" in link]
    assert articles == [URL["signature-count-grows", "en"], lodz]
    assert page.link_langs[lodz] == "pl"
    assert "Only in Polish" in page.text
    assert "No articles about this country in this language yet." not in page.text


@pytest.mark.parametrize(("url", "lang"), [("/pl/kraje/", "pl"), ("/en/countries/", "en")])
def test_index_exists_with_the_map_and_regions(site, url, lang):
    path = page_for_url(site, url)
    page = read_page(path)
    html = path.read_text(encoding="utf-8")
    assert page.lang == lang
    assert re.search(r'<svg class="map" viewBox="0 0 2020 1332" role="group" aria-labelledby="world-map-title"', html)
    region = "Europa" if lang == "pl" else "Europe"
    assert f">{region}</h3>" in html
    africa = html.split('id="region-002"')[1].split("</section>")[0]
    counts = "Sygnatariusze: 2 · Artykuły: 3" if lang == "pl" else "Signatories: 2 · Articles: 3"
    assert counts in africa  # DZ and ZA; the articles naming DZ or ZA, in the page's language or the other
    assert "CC BY 4.0" in page.text


@pytest.mark.parametrize("url", ["/pl/kraje/", "/en/countries/"])
def test_every_map_link_leads_to_a_country_page_coloured_by_its_status(site, url):
    areas = map_areas(page_for_url(site, url))
    assert len(areas) == len({code for _, _, code in areas}) == 8  # the pages with an area on the map (not EU)
    lang = url[1:3]
    for href, _css_class, code in areas:
        assert href == "/" + country_url(code, lang)
        target = read_page(page_for_url(site, href))
        assert target.lang == lang, href
    status = {code: css_class for _, css_class, code in areas}
    assert status["VN"] == status["DZ"] == status["ZA"] == status["PL"] == "area status-signed"
    assert status["FR"] == "area status-ratified"
    assert status["US"] == "area status-not-signed"
    assert status["JP"] == status["BY"] == "area status-unknown"
    assert "GB" not in status  # no record, named by no article: no page, no link
    europe = {code: css_class for _, css_class, code in map_areas(page_for_url(site, url), europe=True)}
    assert {"PL", "FR"} <= set(europe) and "VN" not in europe and "JP" not in europe
    assert all(europe[code] == status[code] for code in europe)


def test_the_index_shows_progress_toward_entry_into_force(site):
    # The fixture's convention.yaml: 5 instruments needed, with its source; its countries.yaml: one ratification (FR).
    for url, words in (
        ("/en/countries/", "1 confirmed instrument of the 5 needed"),
        ("/pl/kraje/", "1 potwierdzony dokument z 5 potrzebnych"),
    ):
        html = page_for_url(site, url).read_text(encoding="utf-8")
        assert words in html
        assert '<progress max="5" value="1"' in html
        assert "Fixture entry-into-force rule" in html  # the source of the figure


def test_a_ratified_country_keeps_its_signature_in_the_index_and_the_open_data(site):
    for url, words in (
        ("/en/countries/", "Signed in New York on 20 November 2025 . Ratified on 10 March 2026"),
        ("/pl/kraje/", "Podpisano w Nowym Jorku 20 listopada 2025 . Ratyfikowano 10 marca 2026"),
    ):
        assert words in read_page(page_for_url(site, url)).text
    (france,) = [
        row
        for row in json.loads((site / "data" / "countries.json").read_text("utf-8"))["countries"]
        if row["code"] == "FR"
    ]
    assert (france["status"], france["date"], france["place"]) == ("ratified", "2025-11-20", "new-york")
    assert france["instrument"] == {"kind": "ratification", "date": "2026-03-10", "sources": []}
    rows = {
        row["code"]: row for row in csv.DictReader(io.StringIO((site / "data" / "countries.csv").read_text("utf-8")))
    }
    assert [rows["FR"][key] for key in ("date", "place", "instrument", "instrument_date")] == [
        "2025-11-20",
        "new-york",
        "ratification",
        "2026-03-10",
    ]
    assert rows["PL"]["instrument"] == rows["PL"]["instrument_date"] == ""


def test_an_accession_is_shown_without_a_signature_and_counted_for_entry_into_force(content_copy, tmp_path):
    with (content_copy / "data" / "countries.yaml").open("a", encoding="utf-8") as handle:
        handle.write(
            "- code: LV\n  status: ratified\n  instrument:\n    kind: accession\n    date: 2026-04-02\n"
            f"    sources: [{SOURCE.format('lv-accession')}]\n  source: {SOURCE.format('lv')}\n"
        )
    site = build_site(tmp_path / "output", content_copy)
    en = read_page(page_for_url(site, "/en/countries/latvia/"))
    pl = read_page(page_for_url(site, "/pl/kraje/lotwa/"))
    assert "Acceded on 2 April 2026" in en.text and "Przystąpiono 2 kwietnia 2026" in pl.text
    assert "Signed" not in en.text.split("Acceded on")[0].rsplit("Latvia", 1)[-1]
    assert "2 confirmed instruments of the 5 needed" in read_page(page_for_url(site, "/en/countries/")).text
    (latvia,) = [
        row
        for row in json.loads((site / "data" / "countries.json").read_text("utf-8"))["countries"]
        if row["code"] == "LV"
    ]
    assert (latvia["date"], latvia["place"], latvia["instrument"]["kind"]) == (None, None, "accession")
    assert latvia["instrument"]["sources"][0]["url"] == SOURCE.format("lv-accession")


def test_every_country_page_is_in_the_index(site):
    index = read_page(site / "en" / "countries" / "index.html")
    pages = {f"/en/countries/{p.parent.name}/" for p in (site / "en" / "countries").glob("*/index.html")}
    assert pages and pages <= set(index.links)
    assert len(pages) == len(list((site / "pl" / "kraje").glob("*/index.html")))


def test_article_pages_link_their_countries(site):
    pl = read_page(page_for_url(site, PL_ARTICLE))
    en = read_page(page_for_url(site, EN_ARTICLE))
    for url in ("/pl/kraje/wietnam/", "/pl/kraje/bialorus/", "/pl/kraje/unia-europejska/"):
        assert url in pl.links
    assert "/en/countries/south-africa/" in en.links
    assert "/pl/kraje/" in pl.links and "/en/countries/" in en.links  # the navigation


def test_polish_collation_on_the_built_index(content_copy, tmp_path):
    with (content_copy / "data" / "countries.yaml").open("a", encoding="utf-8") as handle:
        handle.write("".join(f"- code: {code}\n  status: unknown\n" for code in ("LV", "LT", "LU", "SE", "CH")))
    site = build_site(tmp_path / "output", content_copy)
    europe = (site / "pl" / "kraje" / "index.html").read_text(encoding="utf-8").split('id="region-150"')[1]
    names = re.findall(r'<a href="/pl/kraje/[^"]+/">([^<]+)</a>', europe.split("</section>")[0])
    order = [names.index(name) for name in ("Litwa", "Luksemburg", "Łotwa", "Polska", "Szwajcaria", "Szwecja")]
    assert order == sorted(order), names
    assert names == sorted(names, key=sort_key("pl"))


def test_timeline_events_that_involve_a_country(site):
    for path, day, title, timeline in (
        ("en/countries/vietnam", "26 October 2025", "Signing ceremony", "en/timeline"),
        ("pl/kraje/wietnam", "26 października 2025", "Ceremonia podpisania", "pl/os-czasu"),
    ):
        html = (site / path / "index.html").read_text("utf-8")
        dates = f'<time datetime="2025-10-25">25</time>–<time datetime="2025-10-26">{day}</time>'
        assert f'{dates}: <a href="/{timeline}/2025/#signing-ceremony" dir="ltr">{title}</a>' in html
    assert "Signing ceremony" not in read_page(site / "en" / "countries" / "poland" / "index.html").text


@pytest.mark.parametrize(
    ("record", "offset", "message"),
    [
        ("- code: XY\n  status: unknown\n", 0, ": XY.code: 'XY' is not a known country code"),
        (
            "- code: LV\n  status: signed\n  date: 2025-10-25\n  place: hanoi\n",
            0,
            ": LV.sources: a 'signed' status needs",
        ),
        (
            f"- code: LV\n  status: signed\n  date: 2999-01-01\n  place: new-york\n  source: {SOURCE.format('lv')}\n",
            2,
            ": LV.date: 2999-01-01 is after the build date",
        ),
    ],
    ids=["unknown-code", "no-source", "signed-in-the-future"],
)
def test_bad_country_record_fails_the_build_and_the_check(content_copy, tmp_path, record, offset, message):
    countries_file = content_copy / "data" / "countries.yaml"
    text = countries_file.read_text(encoding="utf-8")
    line = text.count("\n") + 1 + offset
    countries_file.write_text(text + record, encoding="utf-8")
    result = run_build(content_copy, tmp_path / "output")
    assert result.returncode == 1
    assert f"countries.yaml:{line}{message}" in result.stderr, result.stderr
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "output").exists()

    from tools.check import check

    assert any(message in str(problem) for problem in check(content_copy))


@pytest.mark.parametrize(
    ("url", "checked"),
    [
        ("/en/countries/vietnam/", "Checked against its sources on "),
        ("/pl/kraje/wietnam/", "Sprawdzone w źródłach "),
        ("/en/countries/belarus/", "The archive's sources were last checked on "),  # no record at all
        ("/pl/kraje/bialorus/", "Źródła archiwum sprawdzono ostatnio "),
        ("/en/countries/japan/", "The archive's sources were last checked on "),  # a record with no source
    ],
)
def test_a_country_no_source_names_is_not_said_to_be_checked_against_its_sources(site, url, checked):
    """A page whose country no source names says when the archive's sources were checked, not that its own were:
    it has none."""
    text = " ".join(read_page(page_for_url(site, url)).text.split())
    assert checked in text
    others = {"Checked against its sources on ", "Sprawdzone w źródłach "} - {checked}
    assert not any(other in text for other in others)
