"""Feeds, sitemap, robots.txt, canonical URLs, JSON-LD, Open Graph, 404, repository links: on the fixture archive.

What holds for every page of every archive (a canonical URL naming itself,
the sitemap listing every page, feeds holding the newest articles...) is
checked on content/ too, by tests/test_invariants.py.
"""

from __future__ import annotations

import re
from pathlib import Path
from xml.etree import ElementTree as ET

import feedparser
import pytest
import yaml

from tools.bench.corpus import write_corpus
from tools.build import build

from .conftest import FIXTURE, ROOT, build_site
from .fixture_archive import EN_ARTICLE as EN_URL
from .fixture_archive import PL_ARTICLE as PL_URL
from .fixture_archive import URL, file
from .html_helpers import page_for_url, read_page
from .invariants import head_links, json_ld, sitemap_entries, sitemap_problems, sitemap_urls

PL_ARTICLE, EN_ARTICLE = file(PL_URL), file(EN_URL)

ATOM = "{http://www.w3.org/2005/Atom}"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
XHTML = "{http://www.w3.org/1999/xhtml}"
LOCAL = "http://127.0.0.1:8000"


def meta_properties(html: str) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for prop, content in re.findall(r'<meta property="([^"]+)" content="([^"]*)">', html):
        found.setdefault(prop, []).append(content)
    return found


def local_file(site: Path, url: str) -> Path:
    assert url.startswith(LOCAL + "/"), url
    return page_for_url(site, url.removeprefix(LOCAL))


def front_matter(path: Path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8").split("---\n")[1])


def html_pages(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


@pytest.fixture
def site(fixture_site: Path) -> Path:
    return fixture_site


# Feeds


@pytest.mark.parametrize("lang", ["pl", "en"])
def test_feed_is_valid_atom_with_the_languages_articles(site: Path, lang: str):
    xml = (site / lang / "feed.atom.xml").read_text(encoding="utf-8")
    parsed = feedparser.parse(xml)
    assert not parsed.bozo, parsed.get("bozo_exception")
    assert parsed.version == "atom10"
    root = ET.fromstring(xml)  # noqa: S314 (our own build output)
    assert root.tag == f"{ATOM}feed"
    assert root.get("{http://www.w3.org/XML/1998/namespace}lang") == lang
    # RFC 4287 4.1.1: a feed has exactly one id, title and updated, and an author (here on the feed).
    for name in ("id", "title", "updated"):
        assert len(root.findall(f"{ATOM}{name}")) == 1, name
    assert root.find(f"{ATOM}author/{ATOM}name").text
    assert root.find(f"{ATOM}link[@rel='self']").get("href") == f"{LOCAL}/{lang}/feed.atom.xml"
    entries = root.findall(f"{ATOM}entry")
    assert len(entries) == {"pl": 6, "en": 5}[lang]  # its own articles, not the other language's untranslated ones
    for entry in entries:
        for name in ("id", "title", "updated", "published", "content"):
            assert len(entry.findall(f"{ATOM}{name}")) == 1, name
        link = entry.find(f"{ATOM}link[@rel='alternate']").get("href")
        assert local_file(site, link).exists(), link
        assert read_page(local_file(site, link)).lang == lang


def test_feed_entry_carries_the_article(site: Path):
    entries = feedparser.parse((site / "pl" / "feed.atom.xml").read_text(encoding="utf-8")).entries
    assert [entry.link for entry in entries][:2] == [
        LOCAL + URL["signature-count-grows", "pl"],
        LOCAL + URL["first-ratification", "pl"],
    ]  # newest first
    [entry] = [entry for entry in entries if entry.link == LOCAL + PL_URL]
    source = front_matter(FIXTURE / "articles/2025/signing-in-hanoi.pl.md")
    assert entry.title == source["title"]
    assert entry.author == source["source"]["publisher"]
    assert '<h2 id="rekordowa-skala">Rekordowa skala</h2>' in entry.content[0].value


def test_a_feed_entry_says_of_its_text_what_the_page_says(content_copy, tmp_path):
    """A feed reader shows no page around the text: the entry itself says that it is the archive's translation, and
    by whom (else it read as its publisher's own English), and carries the archive's notes, markers included."""
    path = content_copy / "articles" / "2025" / "signing-in-hanoi.en.md"
    text = path.read_text(encoding="utf-8").replace(
        "translation:\n",
        'annotations:\n  - text: "the observer Ostrander"\n    kind: editor\n    note: "An invented observer."\n'
        'editor_note: "The fixture\'s own note on this article.\\n\\nIts second paragraph."\ntranslation:\n',
    )
    path.write_text(text, encoding="utf-8")
    site = build_site(tmp_path / "output", content_copy)
    entries = feedparser.parse((site / "en" / "feed.atom.xml").read_text(encoding="utf-8")).entries
    [entry] = [entry for entry in entries if entry.link == LOCAL + EN_URL]
    content = entry.content[0].value
    # A note of two paragraphs is two on the page and in the feed, not one run together.
    for html in (content, (site / EN_ARTICLE).read_text(encoding="utf-8")):
        assert re.search(r"<p>Its second paragraph\.</p>", html), html
    text = " ".join(re.sub(r"<[^>]+>", "", content).split())
    assert "Translated from Polish by the fixture's authors. The original is the authoritative text." in text
    assert "Ostrander[Note 1]." in text and "Editor's note: An invented observer." in text
    assert "Editor's note: The fixture's own note on this article." in text
    # The marker, a number CSS draws on the page, says which note it is and leads to it on the page.
    assert f'<a href="{LOCAL}{EN_URL}#note-1">[Note 1]</a>' in content
    for entry in entries:
        for value in (entry.content[0].value, entry.summary):
            assert not re.search(r'href="#|<a [^>]*></a>', value), entry.link


def test_every_address_in_a_feed_is_absolute_in_a_development_build(content_copy, tmp_path):
    """A feed reader knows no site around an entry: a link written `/en/...` (SITEURL is empty while developing)
    leads nowhere in it. The lead, which stands in for a summary, linked so to an article and a copied file."""
    (content_copy / "files").mkdir()
    (content_copy / "files/report.pdf").write_bytes(b"%PDF-1.4\n")
    (content_copy / "files/hall.png").write_bytes(b"\x89PNG\r\n")
    negotiations = "{filename}/articles/2023/negotiations-open.en.md"
    path = content_copy / "articles/2025/signing-in-hanoi.en.md"
    text = path.read_text(encoding="utf-8").replace(
        "The ceremony in Hanoi", f"The [report]({{static}}/files/report.pdf) of the [talks]({negotiations}) and"
    )
    path.write_text(text + "\n![The hall]({static}/files/hall.png)\n", encoding="utf-8")
    site = build_site(tmp_path / "output", content_copy)
    entries = feedparser.parse((site / "en" / "feed.atom.xml").read_text(encoding="utf-8")).entries
    [entry] = [entry for entry in entries if entry.link == LOCAL + EN_URL]
    for value in (entry.summary, entry.content[0].value):
        assert (
            f'href="{LOCAL}/files/report.pdf"' in value and f'href="{LOCAL}{URL["negotiations-open", "en"]}"' in value
        )
    assert f'src="{LOCAL}/files/hall.png"' in entry.content[0].value
    for lang in ("pl", "en"):
        feed = feedparser.parse((site / lang / "feed.atom.xml").read_text(encoding="utf-8"))
        for entry in feed.entries:
            for value in (entry.summary, entry.content[0].value):
                addresses = re.findall(r'\s(?:href|src|poster|cite)="([^"]*)"', value)
                assert all(re.match(r"(https?|mailto):", a) for a in addresses), (entry.link, addresses)


def test_a_publisher_from_the_table_of_publishers_is_the_feeds_author(site: Path):
    entries = feedparser.parse((site / "en" / "feed.atom.xml").read_text(encoding="utf-8")).entries
    [entry] = [entry for entry in entries if entry.link == LOCAL + URL["civil-society-concerns", "en"]]
    assert entry.author == "Example Network"  # tests/fixtures/content/data/publishers.yaml, by the url's host


def test_every_page_of_a_language_links_to_its_feed(site: Path):
    for path in html_pages(site):
        feeds = [link for link in head_links(path.read_text("utf-8"), "alternate") if "atom" in link.get("type", "")]
        lang_dir = path.relative_to(site).parts[0]
        expected = (
            [f"/{lang_dir}/feed.atom.xml"] if lang_dir in ("pl", "en") else ["/pl/feed.atom.xml", "/en/feed.atom.xml"]
        )
        assert [f["href"] for f in feeds] == expected, path
        assert all(f["type"] == "application/atom+xml" and f.get("title") for f in feeds)


# Sitemap and robots.txt


def sitemap(site: Path) -> dict[str, dict[str, str]]:
    assert ET.parse(site / "sitemap.xml").getroot().tag == f"{SITEMAP}urlset"  # noqa: S314 (our own build output)
    return sitemap_entries(site)


def test_sitemap_lists_every_indexable_page(site: Path):
    entries = sitemap(site)
    pages = {path for path in html_pages(site) if path.name != "404.html"}
    assert {local_file(site, loc) for loc in entries} == pages
    assert f"{LOCAL}/404.html" not in entries


def test_sitemap_alternates_pair_both_languages(site: Path):
    entries = sitemap(site)
    pl, en = f"{LOCAL}/{PL_ARTICLE.removesuffix('index.html')}", f"{LOCAL}/{EN_ARTICLE.removesuffix('index.html')}"
    assert entries[pl] == entries[en] == {"pl": pl, "en": en, "x-default": pl}
    for loc, alternates in entries.items():
        if not alternates:
            continue
        assert loc in alternates.values(), loc
        for lang, href in alternates.items():
            assert href in entries, f"{loc}: {lang} -> {href} is not in the sitemap"
            assert entries[href] == alternates, f"{href} does not list the same alternates as {loc}"


def test_robots_txt_names_the_sitemap(site: Path):
    lines = (site / "robots.txt").read_text(encoding="utf-8").splitlines()
    assert f"Sitemap: {LOCAL}/sitemap.xml" in lines
    assert "Disallow: /" not in lines


def test_a_sitemap_past_its_size_limit_is_split_and_indexed_at_the_same_address(tmp_path: Path, site: Path):
    """sitemaps.org allows 50,000 URLs a file: a larger archive gets parts listed by `sitemap.xml`, an index."""
    whole = sitemap_urls(site)
    limit = 3
    split = build_site(tmp_path / "output", FIXTURE, SITEMAP_MAX_URLS=limit)
    index = ET.parse(split / "sitemap.xml").getroot()  # noqa: S314 (our own build output)
    assert index.tag == f"{SITEMAP}sitemapindex"
    parts = [loc.text for loc in index.iter(f"{SITEMAP}loc")]
    assert parts == [f"{LOCAL}/sitemap-{number}.xml" for number in range(1, len(parts) + 1)]
    assert len(parts) == -(-len(whole) // limit)
    for number in range(1, len(parts) + 1):
        part = ET.parse(split / f"sitemap-{number}.xml").getroot()  # noqa: S314 (our own build output)
        assert part.tag == f"{SITEMAP}urlset" and 1 <= len(part.findall(f"{SITEMAP}url")) <= limit
    assert sitemap_urls(split) == whole  # the same pages, alternates and order, once each
    assert sitemap_problems(split, LOCAL) == []
    assert f"Sitemap: {LOCAL}/sitemap.xml" in (split / "robots.txt").read_text(encoding="utf-8").splitlines()
    assert not (site / "sitemap-1.xml").exists()  # below the limit: one file, as before


# Canonical URLs, 404


def test_every_page_has_exactly_one_canonical_url_naming_itself(site: Path):
    for path in html_pages(site):
        canonical = head_links(path.read_text("utf-8"), "canonical")
        if path.name == "404.html":
            continue
        assert len(canonical) == 1, path
        assert page_for_url(site, canonical[0]["href"]) == path


@pytest.mark.parametrize(
    ("path", "lang", "navigation"),
    [("404.html", "pl", {"/pl/kraje/", "/pl/os-czasu/"}), ("en/404.html", "en", {"/en/countries/", "/en/timeline/"})],
)
def test_404_page_is_bilingual_and_not_indexed(site: Path, path: str, lang: str, navigation: set[str]):
    html = (site / path).read_text(encoding="utf-8")
    page = read_page(site / path)
    assert '<meta name="robots" content="noindex">' in html
    assert not head_links(html, "canonical")
    assert "Nie znaleziono strony" in page.text and "Page not found" in page.text
    assert {"/pl/", "/en/"} <= set(page.links)
    # served at any depth: every address in it is absolute (or a place on the page itself)
    assert all(url.startswith(("/", "#")) for url in page.links + page.resources)
    assert navigation | {"/pl/szukaj/", "/en/search/"} <= set(page.links)  # header, navigation
    # Its own language first, the page's; each part marked with its language, for screen readers and search.
    own, other = ("Nie znaleziono strony", "Page not found") if lang == "pl" else ("Page not found", "Nie znaleziono")
    assert page.lang == lang and page.text.index(own) < page.text.index(other)
    parts = re.findall(r'<section lang="(pl|en)">\s*<h([12])>', html)
    assert parts == [(lang, "1"), ({"pl": "en", "en": "pl"}[lang], "2")], parts


# JSON-LD, Open Graph, repository links


@pytest.mark.parametrize("lang, page", [("pl", PL_ARTICLE), ("en", EN_ARTICLE)])
def test_article_has_news_article_json_ld_based_on_its_source(site: Path, lang: str, page: str):
    html = (site / page).read_text(encoding="utf-8")
    [data] = json_ld(html)
    source = front_matter(FIXTURE / f"articles/2025/signing-in-hanoi.{lang}.md")
    assert data["@context"] == "https://schema.org"
    assert data["@type"] == "NewsArticle"
    assert data["headline"] == source["title"]
    assert data["inLanguage"] == lang
    assert data["datePublished"] == "2025-10-26"
    assert data["url"] == f"{LOCAL}/{page.removesuffix('index.html')}"
    assert data["isBasedOn"]["url"] == source["source"]["url"]
    assert data["isBasedOn"]["publisher"]["name"] == source["source"]["publisher"]
    if lang == "en":
        assert data["translationOfWork"]["url"] == f"{LOCAL}/{PL_ARTICLE.removesuffix('index.html')}"
    else:
        assert "translationOfWork" not in data


def test_only_articles_carry_json_ld_and_open_graph(site: Path):
    for path in html_pages(site):
        html = path.read_text("utf-8")
        is_article = bool(re.fullmatch(r"(pl|en)/\d{4}/(?!page/)[^/]+/index\.html", str(path.relative_to(site))))
        assert bool(json_ld(html)) == is_article, path
        assert bool(meta_properties(html)) == is_article, path


def test_article_has_open_graph_tags(site: Path):
    tags = meta_properties((site / EN_ARTICLE).read_text(encoding="utf-8"))
    assert tags["og:type"] == ["article"]
    assert tags["og:url"] == [f"{LOCAL}/{EN_ARTICLE.removesuffix('index.html')}"]
    assert tags["og:locale"] == ["en_GB"] and tags["og:locale:alternate"] == ["pl_PL"]
    assert tags["og:title"][0].startswith("Convention signed in Hanoi")
    assert tags["article:published_time"] == ["2025-10-26"]


def test_article_links_to_its_file_in_the_repository(site: Path):
    for page, name in ((PL_ARTICLE, "pl"), (EN_ARTICLE, "en")):
        file_path = f"content/articles/2025/signing-in-hanoi.{name}.md"
        assert (FIXTURE.parent / file_path).exists()
        links = read_page(site / page).links
        repository = "https://github.com/hanoi-convention-archive/hanoi-convention-archive.github.io"
        assert f"{repository}/edit/main/{file_path}" in links
        assert f"{repository}/commits/main/{file_path}" in links


def test_publish_build_uses_absolute_urls(tmp_path: Path, monkeypatch):
    monkeypatch.setenv("SITEURL", "https://example.org/archive/")
    monkeypatch.setenv("REPOSITORY_URL", "https://git.example.org/team/archive")
    monkeypatch.setenv("REPOSITORY_FORGE", "gitlab")  # a host of no known kind: its kind given
    site = build(ROOT / "publish.conf.py", tmp_path / "output", {"PATH": str(FIXTURE), "SEARCH_INDEX": False})
    base = "https://example.org/archive"
    html = (site / PL_ARTICLE).read_text(encoding="utf-8")
    assert head_links(html, "canonical")[0]["href"] == f"{base}/{PL_ARTICLE.removesuffix('index.html')}"
    assert json_ld(html)[0]["url"] == f"{base}/{PL_ARTICLE.removesuffix('index.html')}"
    assert "https://git.example.org/team/archive/-/edit/main/content/articles/" in html
    feed = feedparser.parse((site / "en" / "feed.atom.xml").read_text(encoding="utf-8"))
    assert feed.entries[0].link == f"{base}{URL['signature-count-grows', 'en']}"
    assert all(loc.startswith(base + "/") for loc in sitemap(site))
    assert f"Sitemap: {base}/sitemap.xml" in (site / "robots.txt").read_text(encoding="utf-8")


def test_feeds_hold_the_newest_feed_max_items_articles(tmp_path):
    corpus = write_corpus(6, tmp_path / "corpus") / "archive"
    site = build_site(tmp_path / "output", corpus, FEED_MAX_ITEMS=2)
    for lang in ("pl", "en"):
        entries = feedparser.parse((site / lang / "feed.atom.xml").read_text(encoding="utf-8")).entries
        dates = sorted(
            (front_matter(path)["date"] for path in corpus.rglob(f"*.{lang}.md")),
            reverse=True,
        )
        assert len(entries) == 2
        assert [entry.published[:10] for entry in entries] == [str(day)[:10] for day in dates[:2]]


def test_a_time_written_with_its_offset_is_stated_with_that_offset_and_listed_by_the_time_as_written(
    content_copy, tmp_path
):
    # 23:30 in New York is 05:30 the next day in Warsaw, the site's TIMEZONE: the page, feed and structured data
    # said 23:30+01:00, a moment six hours off. The archive still lists it by its time as written (on the 26th,
    # before an article of the 27th), in the feed too.
    folder = content_copy / "articles" / "2024"
    for key, when in (("new-york-evening", "2024-09-02T23:30:00-05:00"), ("warsaw-next-day", "2024-09-03")):
        text = (folder / "civil-society-concerns.en.md").read_text(encoding="utf-8")
        text = text.replace("date: 2024-09-02", f"date: {when}").replace("civil-society-concerns", key)
        text = text.replace('title: "Civil society groups voice concerns"', f'title: "{key}"')
        (folder / f"{key}.en.md").write_text(text.replace("/news/concerns", f"/news/{key}"), encoding="utf-8")
    site = build_site(tmp_path / "output", content_copy)
    html = (site / "en" / "2024" / "new-york-evening" / "index.html").read_text(encoding="utf-8")
    assert json_ld(html)[0]["datePublished"] == "2024-09-02T23:30:00-05:00"
    assert meta_properties(html)["article:published_time"] == ["2024-09-02T23:30:00-05:00"]
    assert '<time datetime="2024-09-02">2 September 2024</time>' in html
    entries = feedparser.parse((site / "en" / "feed.atom.xml").read_text(encoding="utf-8")).entries
    published = {entry.link.rsplit("/", 2)[-2]: entry.published for entry in entries}
    assert published["new-york-evening"] == "2024-09-02T23:30:00-05:00"
    order = [entry.link.rsplit("/", 2)[-2] for entry in entries]
    assert order.index("warsaw-next-day") < order.index("new-york-evening")
