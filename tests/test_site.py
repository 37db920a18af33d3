"""The real site, built by real Pelican: pages, languages, hreflang, dates, the seed text."""

from __future__ import annotations

import re
from html import unescape
from pathlib import Path

from .conftest import SEED
from .html_helpers import page_for_url, read_page

PL_ARTICLE = "pl/2025/otwarcie-konwencji-z-hanoi-do-podpisu/index.html"
EN_ARTICLE = "en/2025/hanoi-convention-opens-for-signature/index.html"


def seed_sentences() -> list[str]:
    """Every line of the seed that is article text (not the Source line, not page residue)."""
    lines = [line.strip() for line in SEED.read_text(encoding="utf-8").splitlines()]
    text = [line for line in lines if line and not line.startswith("Source:") and not line.startswith("Komentarz")]
    return [sentence for line in text for sentence in re.split(r"(?<=[.!?;:”])\s+", line) if sentence]


def test_home_pages_exist_in_both_languages(site: Path):
    for lang, other in (("pl", "en"), ("en", "pl")):
        page = read_page(site / lang / "index.html")
        assert page.lang == lang
        assert f"/{other}/" in page.links  # the language switch leads to the other home page...
        assert "Not yet translated" not in page.text and "Brak jeszcze tłumaczenia" not in page.text
        assert set(page.alternates) == {"pl", "en", "x-default"}
        assert page.alternates["x-default"] == "/"


def test_root_lets_the_reader_choose(site: Path):
    page = read_page(site / "index.html")
    assert "/pl/" in page.links and "/en/" in page.links
    assert "Wejdź do archiwum po polsku" in page.text
    assert "Enter the archive in English" in page.text


def test_seed_article_in_both_languages_with_reciprocal_hreflang(site: Path):
    pl, en = read_page(site / PL_ARTICLE), read_page(site / EN_ARTICLE)
    assert (pl.lang, en.lang) == ("pl", "en")
    for page in (pl, en):
        assert page.alternates["pl"] == "/" + PL_ARTICLE.removesuffix("index.html")
        assert page.alternates["en"] == "/" + EN_ARTICLE.removesuffix("index.html")
        assert page.alternates["x-default"] == page.alternates["pl"]  # the original


def test_every_hreflang_target_exists_and_links_back(site: Path):
    for path in site.rglob("*.html"):
        page = read_page(path)
        for lang, url in page.alternates.items():
            target = page_for_url(site, url)
            assert target.exists(), f"{path}: hreflang {lang} -> {url} is missing"
            if lang != "x-default" and path.name == "index.html" and path != site / "index.html":
                back = read_page(target).alternates
                own = "/" + str(path.relative_to(site)).removesuffix("index.html")
                assert own in back.values(), f"{url} does not link back to {own}"


def test_every_sentence_of_the_seed_is_on_the_polish_page(site: Path):
    # The body's text as a reader copies it: inline tags (a note's marker) add no space to it.
    html = (site / PL_ARTICLE).read_text(encoding="utf-8")
    text = " ".join(unescape(re.sub(r"<[^>]+>", "", html.split('<div class="article-body">')[1])).split())
    missing = [s for s in seed_sentences() if " ".join(s.split()) not in text]
    assert not missing, missing[:3]
    assert "Komentarz (0)" not in text


def test_seed_structure_headings_captions_list(site: Path):
    html = (site / PL_ARTICLE).read_text(encoding="utf-8")
    assert "<h2>Rekordowa skala i międzynarodowy konsensus</h2>" in html
    assert html.count('<figure class="caption">') == 4
    assert '<span class="credit">(Zdjęcie: Pham Kien/VNA)</span>' in html
    assert re.search(r"a mianowicie:</p>\s*<ul>\s*(<li>.*?</li>\s*){3}</ul>", html)


def test_dates_are_localized_with_babel(site: Path):
    assert '<time datetime="2025-10-26">26 października 2025</time>' in (site / PL_ARTICLE).read_text("utf-8")
    assert '<time datetime="2025-10-26">26 October 2025</time>' in (site / EN_ARTICLE).read_text("utf-8")


def test_translation_is_marked(site: Path):
    en = read_page(site / EN_ARTICLE).text
    assert "Translated from Polish" in en
    assert "Translated" not in read_page(site / PL_ARTICLE).text


def test_language_switch_leads_to_the_same_article(site: Path):
    assert "/" + EN_ARTICLE.removesuffix("index.html") in read_page(site / PL_ARTICLE).links
    assert "/" + PL_ARTICLE.removesuffix("index.html") in read_page(site / EN_ARTICLE).links


def test_home_lists_articles_newest_first(site: Path):
    page = read_page(site / "pl" / "index.html")
    assert "/" + PL_ARTICLE.removesuffix("index.html") in page.links
    assert "/" + EN_ARTICLE.removesuffix("index.html") not in page.links


def test_no_page_loads_anything_from_another_host(site: Path):
    for path in site.rglob("*.html"):
        for url in read_page(path).resources:
            assert not re.match(r"^(https?:)?//", url), f"{path} loads {url}"


def test_every_page_has_a_strict_csp(site: Path):
    for path in site.rglob("*.html"):
        html = path.read_text(encoding="utf-8")
        assert 'http-equiv="Content-Security-Policy"' in html, path
        assert "unsafe-inline" not in html, path


def stylesheets(site: Path, page: Path) -> list[Path]:
    html = page.read_text(encoding="utf-8")
    hrefs = re.findall(r'<link rel="stylesheet" href="([^"]+)"', html)
    assert all(href.startswith("/") for href in hrefs), hrefs  # the site's own, nothing from another host
    return [site / href.lstrip("/") for href in hrefs]


def test_article_pages_weigh_under_30_kb_of_html_and_css(site: Path):
    # Issue 8's budget for a page that needs no JavaScript to read.
    for article in (PL_ARTICLE, EN_ARTICLE):
        page = site / article
        css = stylesheets(site, page)
        assert [path.name for path in css] == ["site.css"]  # the map, timeline and search rules are elsewhere
        assert page.stat().st_size + sum(path.stat().st_size for path in css) < 30_000


def test_each_page_kind_loads_the_stylesheet_of_its_own_parts(site: Path):
    for page, sheets in (
        ("pl/kraje/index.html", ["countries.css"]),
        ("en/countries/vietnam/index.html", ["countries.css"]),
        ("pl/os-czasu/index.html", ["timeline.css"]),
        ("en/search/index.html", ["search.css"]),
    ):
        assert [path.name for path in stylesheets(site, site / page)] == ["site.css", *sheets], page
