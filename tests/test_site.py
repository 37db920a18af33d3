"""The fixture archive, built by real Pelican: pages, languages, hreflang, dates, listings, structure."""

from __future__ import annotations

import re
from pathlib import Path

import lxml.html

from . import invariants
from .conftest import FIXTURE, ROOT, build_site
from .fixture_archive import EN_ARTICLE, HOME, PL_ARTICLE, RAW_SOURCE, URL, file
from .html_helpers import read_page


def test_home_pages_exist_in_both_languages(fixture_site: Path):
    for lang, other in (("pl", "en"), ("en", "pl")):
        page = read_page(fixture_site / lang / "index.html")
        assert page.lang == lang
        assert f"/{other}/" in page.links  # the language switch leads to the other home page...
        assert "Not yet translated" not in page.text and "Brak jeszcze tłumaczenia" not in page.text
        assert page.alternates == {"pl": "/pl/", "en": "/en/", "x-default": "/"}


def test_root_lets_the_reader_choose(fixture_site: Path):
    page = read_page(fixture_site / "index.html")
    assert "/pl/" in page.links and "/en/" in page.links
    assert "Wejdź do archiwum po polsku" in page.text
    assert "Enter the archive in English" in page.text


def test_a_page_in_both_languages_is_in_the_language_its_title_and_first_section_are(fixture_site: Path):
    """The language chooser said `<html lang="en">` over a Polish title and a Polish first section: a screen reader
    read "Archiwum Konwencji z Hanoi" with an English voice. Its title, outside the two sections, is the page's."""
    for path in ("index.html", "404.html", "en/404.html"):
        html = (fixture_site / path).read_text(encoding="utf-8")
        lang = re.search(r'<html lang="([a-z]+)"', html).group(1)
        title = re.search(r"<title>([^<]*)</title>", html).group(1)
        sections = re.findall(r'<section lang="([a-z]+)">\s*<h[12][^>]*>([^<]*)</h[12]>', html)
        assert sections[0][0] == lang, (path, lang, sections)
        assert title.startswith(dict(sections)[lang] + " · "), (path, lang, title)


def test_a_translated_pair_has_reciprocal_hreflang_and_the_original_as_x_default(fixture_site: Path):
    for key, original in (("signing-in-hanoi", "pl"), ("first-ratification", "en")):
        pl, en = (read_page(fixture_site / file(URL[key, lang])) for lang in ("pl", "en"))
        assert (pl.lang, en.lang) == ("pl", "en")
        for page in (pl, en):
            assert page.alternates == {"pl": URL[key, "pl"], "en": URL[key, "en"], "x-default": URL[key, original]}


def test_home_pages_list_every_article_newest_first_with_the_untranslated_ones(fixture_site: Path):
    for lang, expected in HOME.items():
        page = read_page(fixture_site / lang / "index.html")
        assert [link for link in page.main_links if invariants.ARTICLE_URL.match(link)] == expected


def test_an_untranslated_article_is_marked_in_the_other_languages_listing(fixture_site: Path):
    html = {lang: (fixture_site / lang / "index.html").read_text(encoding="utf-8") for lang in ("pl", "en")}
    lodz = URL["lodz-conference", "pl"]
    link = f'<a href="{lodz}" hreflang="pl" dir="ltr">Konferencja o konwencji w Łodzi</a>'
    assert f'<h2 lang="pl">{link}</h2>' in html["en"]
    civil = URL["civil-society-concerns", "en"]
    link = f'<a href="{civil}" hreflang="en" dir="ltr">Civil society groups voice concerns</a>'
    assert f'<h2 lang="en">{link}</h2>' in html["pl"]
    assert html["en"].count('<span class="only-in">Only in Polish</span>') == 2
    assert html["pl"].count('<span class="only-in">Tylko po angielsku</span>') == 1
    assert "Only in" not in html["pl"] and "Tylko po" not in html["en"]
    # its lead is marked as what it is, in its own language; the date is the page's
    assert '<div class="lead" lang="pl"><p>W Łodzi eksperci' in html["en"]
    assert '<time datetime="2025-11-05">5 November 2025</time>' in html["en"]


def test_every_sentence_of_the_raw_source_is_on_its_page(fixture_site: Path):
    assert invariants.seed_problems(FIXTURE, fixture_site, RAW_SOURCE) == []


def test_structure_headings_captions_list(fixture_site: Path):
    html = (fixture_site / file(PL_ARTICLE)).read_text(encoding="utf-8")
    assert '<h2 id="rekordowa-skala">Rekordowa skala</h2>' in html
    assert html.count('<figure class="caption">') == 2
    assert '<span class="credit">(Zdjęcie: Jan Przykładowy/AGENCJA)</span>' in html
    assert re.search(r"a mianowicie:</p>\s*<ul>\s*(<li>.*?</li>\s*){3}</ul>", html)


def test_dates_are_localized_with_babel(fixture_site: Path):
    pl, en = (fixture_site / file(url) for url in (PL_ARTICLE, EN_ARTICLE))
    assert '<time datetime="2025-10-26">26 października 2025</time>' in pl.read_text("utf-8")
    assert '<time datetime="2025-10-26">26 October 2025</time>' in en.read_text("utf-8")


def test_translation_is_marked(fixture_site: Path):
    assert "Translated from Polish" in read_page(fixture_site / file(EN_ARTICLE)).text
    assert "Translated" not in read_page(fixture_site / file(PL_ARTICLE)).text
    assert "Przetłumaczono z języka: angielski" in read_page(fixture_site / file(URL["first-ratification", "pl"])).text


def test_a_translation_whose_original_the_archive_lacks_says_so_not_that_the_original_binds(content_copy, tmp_path):
    """A translation whose original is not in the archive (`make check` warns) said "The original is the authoritative
    text", as if a reader could read it here. It says, in its language, that the original is not in this archive, and
    links the original's source; it is still marked a translation, with or without a chain of translations."""
    articles = content_copy / "articles"
    for original in ("2023/negotiations-open.pl", "2026/signature-count-grows.pl", "2026/first-ratification.en"):
        (articles / f"{original}.md").unlink()
    chained = articles / "2026" / "signature-count-grows.en.md"
    chain = (
        'translation_chain:\n  - {from: ru, to: pl, by: "not named"}\n'
        '  - {from: pl, to: en, by: "the fixture\'s authors"}\n'
    )
    chained.write_text(chained.read_text(encoding="utf-8").replace("translation:\n", chain + "translation:\n"), "utf-8")
    site = build_site(tmp_path / "output", content_copy)
    expected = {
        ("negotiations-open", "en"): (
            "Translation Translated from Polish by the fixture's authors. The original is not in this archive; its "
            "source: Dziennik Przykładowy.",
            "https://example.org/pl/negocjacje",
        ),
        ("signature-count-grows", "en"): (
            "Chain of translation The original is not in this archive; its source: Dziennik Przykładowy. Original in "
            "Russian",
            "https://example.org/pl/sygnatariusze",
        ),
        ("first-ratification", "pl"): (
            "Tłumaczenie Przetłumaczono z języka: angielski; tłumaczenie: the fixture's authors. Oryginału nie ma w "
            "tym archiwum; źródło: Example Wire.",
            "https://example.org/en/ratification",
        ),
    }
    for (key, lang), (text, source) in expected.items():
        html = (site / file(URL[key, lang])).read_text(encoding="utf-8")
        (provenance,) = lxml.html.fromstring(html).find_class("provenance")
        said = " ".join(provenance.text_content().split())
        assert text in said, said
        assert "authoritative" not in said and "wiążącym" not in said and "rozstrzygającym" not in said, said
        # The sentence links the source: twice in the box, once as its source and once in the sentence.
        assert [a.get("href") for a in provenance.iter("a")].count(source) == 2, key
    # A feed reader is told as much as the page's reader.
    feed = (site / "pl" / "feed.atom.xml").read_text(encoding="utf-8")
    assert "Oryginału nie ma w tym archiwum" in feed and "Tekstem wiążącym" not in feed
    # A translation whose original is here still says that the original binds.
    signing = read_page(site / file(EN_ARTICLE)).text
    assert "Translated from Polish by the fixture's authors. The original is the authoritative text." in signing


def test_language_switch_leads_to_the_same_article(fixture_site: Path):
    assert EN_ARTICLE in read_page(fixture_site / file(PL_ARTICLE)).links
    assert PL_ARTICLE in read_page(fixture_site / file(EN_ARTICLE)).links


def test_switch_says_plainly_when_no_translation_exists(fixture_site: Path):
    page = read_page(fixture_site / file(URL["lodz-conference", "pl"]))
    assert "Brak jeszcze tłumaczenia na język: angielski." in page.text
    assert "/en/" in page.links  # leads to the English home page instead
    assert set(page.alternates) == {"pl", "x-default"}


def stylesheets(site: Path, page: Path) -> list[Path]:
    html = page.read_text(encoding="utf-8")
    hrefs = re.findall(r'<link rel="stylesheet" href="([^"]+)"', html)
    assert all(href.startswith("/") for href in hrefs), hrefs  # the site's own, nothing from another host
    return [site / href.lstrip("/") for href in hrefs]


def test_article_pages_weigh_under_30_kb_of_html_and_css(fixture_site: Path):
    # Issue 8's budget for a page that needs no JavaScript to read.
    for article in (PL_ARTICLE, EN_ARTICLE):
        page = fixture_site / file(article)
        css = stylesheets(fixture_site, page)
        assert [path.name for path in css] == ["site.css"]  # the map, timeline and search rules are elsewhere
        assert page.stat().st_size + sum(path.stat().st_size for path in css) < 30_000


def test_the_stylesheets_readers_get_are_minified_from_the_theme(fixture_site: Path):
    built = sorted((fixture_site / "theme" / "css").glob("*.css"))
    assert [path.name for path in built] == sorted(
        path.name for path in (ROOT / "theme" / "static" / "css").glob("*.css")
    )
    for path in built:
        source = (ROOT / "theme" / "static" / "css" / path.name).read_text(encoding="utf-8")
        assert "/*" not in path.read_text(encoding="utf-8") and path.stat().st_size < len(source.encode()), path.name


def test_each_page_kind_loads_the_stylesheet_of_its_own_parts(fixture_site: Path):
    for page, sheets in (
        ("pl/kraje/index.html", ["countries.css"]),
        ("en/countries/vietnam/index.html", ["countries.css", "browse.css"]),
        ("pl/2025/index.html", ["browse.css"]),
        ("pl/index.html", ["browse.css"]),
        ("pl/os-czasu/index.html", ["timeline.css"]),
        ("en/search/index.html", ["search.css"]),
    ):
        assert [path.name for path in stylesheets(fixture_site, fixture_site / page)] == ["site.css", *sheets], page


def test_the_main_navigation_marks_the_section_the_reader_is_on(fixture_site: Path):
    """The page numbers and the year index say which one is this page (aria-current); the header's links did not."""
    for path in sorted(fixture_site.rglob("*.html")):
        html = path.read_text(encoding="utf-8")
        nav = re.search(r'<nav class="site-nav"[^>]*>(.*?)</nav>', html, re.S)
        if not nav:
            continue
        url = "/" + path.relative_to(fixture_site).as_posix().removesuffix("index.html")
        current = re.findall(r'<a href="([^"]*)" aria-current="page"', nav.group(1))
        targets = re.findall(r'<a href="([^"]*)"', nav.group(1))
        assert current == [target for target in targets if target == url], url
    assert '<a href="/pl/kraje/" aria-current="page">Kraje</a>' in (fixture_site / "pl/kraje/index.html").read_text()


def test_no_heading_of_a_text_takes_an_id_its_page_uses(fixture_site: Path, content_copy, tmp_path):
    """A heading's id is made from its words: an article (with a correction) and the about pages given a heading for
    every id their pages use, and for every name the templates write (an id given to a macro, as the corrections'
    heading's), still have each id once."""
    built = [fixture_site / file(EN_ARTICLE), *fixture_site.glob("*/about/index.html")]
    ids = {found for page in built for found in re.findall(r'\bid="([^"]+)"', page.read_text("utf-8"))}
    templates = (ROOT / "theme" / "templates").rglob("*.html")
    ids |= {name for path in templates for name in re.findall(r'"([a-z][a-z0-9]*(?:-[a-z0-9]+)+)"', path.read_text())}
    headings = "".join(f"\n## {found.replace('-', ' ')}\n\nText.\n" for found in sorted(ids))
    article = content_copy / "articles" / "2025" / "signing-in-hanoi.en.md"
    text = article.read_text("utf-8").replace(
        "\nlang: en\n", "\nlang: en\ncorrections:\n  - date: 2025-10-27\n    change: x\n"
    )
    article.write_text(text + headings, encoding="utf-8")
    for about in (content_copy / "about").glob("*.md"):
        about.write_text(about.read_text("utf-8") + headings, encoding="utf-8")
    site = build_site(tmp_path / "site", content_copy)
    pages = [site / file(EN_ARTICLE), *site.glob("*/about/index.html"), *site.glob("*/o-archiwum/index.html")]
    assert "corrections-heading" in ids and len(pages) >= 2
    for page in pages:
        found = re.findall(r'\bid="([^"]+)"', page.read_text("utf-8"))
        assert len(found) > len(ids), page
        assert sorted({i for i in found if found.count(i) > 1}) == [], page
