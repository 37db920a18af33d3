"""The timeline on the real built site: both languages, dated and sourced entries, JSON, article positions."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

from .conftest import ROOT
from .html_helpers import page_for_url, read_page
from .test_build_errors import run_build
from .test_site import EN_ARTICLE, PL_ARTICLE

PAGES = {"pl": "pl/os-czasu/index.html", "en": "en/timeline/index.html"}
JSON = {"pl": "pl/os-czasu.json", "en": "en/timeline.json"}
UNODC = "https://www.unodc.org/unodc/en/cybercrime/ad_hoc_committee/home"
SWEDEN = "https://www.regeringen.se/faktapromemoria/2022/05/202122fpm80/"
UNTC = "https://treaties.un.org/doc/Publication/MTDSG/Volume%20II/Chapter%20XVIII/XVIII-16.en.xml"
UN_PRESS = "https://press.un.org/en/2025/sgt3441.doc.htm"


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


def test_resolution_74_247_on_27_december_2019_with_its_source(site: Path):
    votes = {"pl": "79 głosów za, 60 przeciw, 33 wstrzymujące się", "en": "79 in favour, 60 against, 33 abstentions"}
    for lang, text in (("pl", "27 grudnia 2019"), ("en", "27 December 2019")):
        entry = entry_html((site / PAGES[lang]).read_text("utf-8"), "resolution-74-247")
        assert f'<time datetime="2019-12-27">{text}</time>' in entry
        assert "74/247" in entry
        assert votes[lang] in " ".join(entry.split())  # the exact recorded figures, never "about 30"
        assert f'<a href="{SWEDEN}" rel="external noopener noreferrer">' in entry
        assert f'<a href="{UNODC}" rel="external noopener noreferrer">' in entry


def test_adoption_by_resolution_79_243_on_24_december_2024_with_its_source(site: Path):
    for lang, text in (("pl", "24 grudnia 2024"), ("en", "24 December 2024")):
        entry = entry_html((site / PAGES[lang]).read_text("utf-8"), "adoption-resolution-79-243")
        assert f'<time datetime="2024-12-24">{text}</time>' in entry
        assert "79/243" in entry
        assert f'<a href="{UNTC}" rel="external noopener noreferrer">' in entry


def test_signing_in_hanoi_on_25_26_october_2025_links_the_seed_article_in_the_page_language(site: Path):
    articles = {"pl": "/" + PL_ARTICLE.removesuffix("index.html"), "en": "/" + EN_ARTICLE.removesuffix("index.html")}
    for lang, month in (("pl", "26 października 2025"), ("en", "26 October 2025")):
        entry = entry_html((site / PAGES[lang]).read_text("utf-8"), "signing-hanoi")
        assert f'<time datetime="2025-10-25">25</time>–<time datetime="2025-10-26">{month}</time>' in entry
        assert "Hanoi" in entry
        assert f'<a href="{UNTC}" rel="external noopener noreferrer">' in entry
        assert f'<a href="{UN_PRESS}" rel="external noopener noreferrer">' in entry
        assert f'href="https://web.archive.org/web/20261129/{UN_PRESS}"' in entry  # its archived copy
        other = "en" if lang == "pl" else "pl"
        assert f'href="{articles[lang]}"' in entry
        assert f'href="{articles[other]}"' not in entry
        country = "/pl/kraje/wietnam/" if lang == "pl" else "/en/countries/vietnam/"
        assert f'href="{country}"' in entry


def test_entries_are_in_chronological_order_in_an_ordered_list_per_year(site: Path):
    html = (site / PAGES["en"]).read_text("utf-8")
    years = re.findall(r'<h2 id="year-(\d{4})">', html)
    assert years == sorted(years) and years[0] == "2019"
    starts = re.findall(
        r'<li id="[^"]+" class="timeline-entry[^"]*"[^>]*>\s*<p class="timeline-when"[^>]*>\s*<time datetime="([^"]+)"',
        html,
    )
    assert len(starts) >= 10
    assert starts == sorted(starts)
    assert html.count('<ol class="timeline">') == len(years) + 1  # one per year and "what happens next"


def test_every_entry_has_a_source_or_is_an_article(site: Path):
    for lang, path in PAGES.items():
        html = (site / path).read_text("utf-8")
        for entry_id in re.findall(r'<li id="([^"]+)" class="timeline-entry', html):
            entry = entry_html(html, entry_id)
            assert entry_id.startswith("article-") or 'rel="external noopener noreferrer"' in entry, (lang, entry_id)


def test_entry_into_force_states_the_rule_without_a_date(site: Path):
    for lang, rule in (("pl", "90. dnia po złożeniu 40. dokumentu"), ("en", "90th day after the 40th instrument")):
        html = (site / PAGES[lang]).read_text("utf-8")
        next_section = html[html.index('<h2 id="next">') :]
        entry = entry_html(next_section, "entry-into-force")
        assert rule in entry
        assert "<time" not in entry


def test_json_export_matches_the_page(site: Path):
    for lang, path in JSON.items():
        data = json.loads((site / path).read_text("utf-8"))
        html = (site / PAGES[lang]).read_text("utf-8")
        assert data["lang"] == lang
        assert [entry["id"] for entry in data["entries"]] == re.findall(r'<li id="([^"]+)" class="timeline-entry', html)
        signing = next(entry for entry in data["entries"] if entry["id"] == "signing-hanoi")
        assert signing["date"]["start"] == "2025-10-25" and signing["date"]["end"] == "2025-10-26"
        assert UN_PRESS in [source["url"] for source in signing["sources"]]
        assert all(source["publisher"] and source["accessed"] for source in signing["sources"])
        assert [a["url"] for a in signing["articles"]] == [
            "/" + (PL_ARTICLE if lang == "pl" else EN_ARTICLE).removesuffix("index.html")
        ]


def test_article_page_links_to_its_place_on_the_timeline(site: Path):
    for lang, article in (("pl", PL_ARTICLE), ("en", EN_ARTICLE)):
        links = [
            link
            for link in read_page(site / article).links
            if link.startswith("/" + PAGES[lang].removesuffix("index.html") + "#")
        ]
        assert links, f"{article} does not link to the timeline"
        assert "/" + PAGES[lang].removesuffix("index.html") + "#signing-hanoi" in links
        timeline_ids = read_page(site / PAGES[lang]).ids
        for link in links:
            assert link.split("#")[1] in timeline_ids, link


def test_every_page_has_the_timeline_in_its_navigation(site: Path):
    for path in [site / "pl" / "index.html", site / "en" / "index.html", site / PL_ARTICLE, site / PAGES["en"]]:
        page = read_page(path)
        target = "/" + PAGES[page.lang].removesuffix("index.html")
        assert target in page.links, path
        assert page_for_url(site, target).exists()


def test_bad_event_fails_the_build_naming_file_line_record_and_field(content_copy, tmp_path):
    event = content_copy / "data" / "timeline" / "signing-hanoi.yaml"
    event.write_text(event.read_text("utf-8").replace("  en: Signing ceremony in Hanoi\n", ""), encoding="utf-8")
    result = run_build(content_copy, tmp_path / "output")
    assert result.returncode == 1
    assert re.search(r"signing-hanoi\.yaml:\d+: title\.en: event 'signing-hanoi': is missing", result.stderr)
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "output").exists()


def test_make_check_reports_timeline_problems(content_copy):
    event = content_copy / "data" / "timeline" / "signing-hanoi.yaml"
    event.write_text(event.read_text("utf-8").replace("countries: [VN]", "countries: [VN, QQ]"), encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "tools.check", str(content_copy)], cwd=ROOT, capture_output=True, text=True, timeout=300
    )
    assert result.returncode == 1
    assert (
        "signing-hanoi.yaml" in result.stderr
        and "countries.1: event 'signing-hanoi': 'QQ' is not a known" in result.stderr
    )
