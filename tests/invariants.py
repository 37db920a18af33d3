"""What holds for every valid archive, whatever its articles: each check takes a content folder and the
site built from it, computes what the site must show from the content itself, and returns what is wrong.

tests/test_invariants.py runs them on content/ as it is and on content/ grown by tests/growth.py.
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from dataclasses import dataclass
from functools import cache
from html import unescape
from pathlib import Path
from urllib.parse import urlsplit
from xml.etree import ElementTree as ET

from archive_core.locales import LANGUAGES
from archive_core.schema import ArticleMeta
from archive_core.snapshot import take
from archive_core.urls import country_url, section_url

from .html_helpers import page_for_url, read_page
from .sitewide import html_pages, page_url

ATOM = "{http://www.w3.org/2005/Atom}"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
XHTML = "{http://www.w3.org/1999/xhtml}"
ARTICLE_URL = re.compile(r"^/(?:pl|en)/\d{4}/[a-z0-9-]+/$")
# A count as a language writes it, its digits grouped: `1,004` in English, `12 345` (a no-break space) in Polish.
COUNT = r"\d(?:[\d,.\u00a0\u202f ]*\d)?"


@cache
def setting(name: str):
    """A setting of pelican.conf.py, as the builds have it (Pelican's defaults included)."""
    from pelican.settings import read_settings

    from .conftest import SETTINGS

    return read_settings(str(SETTINGS))[name]


@dataclass(frozen=True)
class Article:
    path: Path
    meta: ArticleMeta

    @property
    def url(self) -> str:
        return f"/{self.meta.lang}/{self.meta.date:%Y}/{self.meta.slug}/"

    @property
    def newest_first(self) -> tuple:
        return (self.meta.date, self.meta.translation_key)  # ties: what both versions share


@cache
def articles(content: Path) -> tuple[Article, ...]:
    snapshot = take(content)  # each article naming its publisher, as the build reads it
    assert not snapshot.errors, snapshot.errors
    return tuple(Article(Path(doc.path), doc.meta) for doc in snapshot.articles)


def listed(content: Path, lang: str) -> list[Article]:
    """What the pages of `lang` list, newest first: its articles, and those with no version in it."""
    every = articles(content)
    keys_in_lang = {a.meta.translation_key for a in every if a.meta.lang == lang}
    chosen = [a for a in every if a.meta.lang == lang or a.meta.translation_key not in keys_in_lang]
    return sorted(chosen, key=lambda a: a.newest_first, reverse=True)


def numbered_pages(folder: Path) -> list[Path]:
    """A paginated listing's pages in order: `folder/index.html`, then `folder/page/2/index.html`..."""
    later = sorted(folder.glob("page/*/index.html"), key=lambda path: int(path.parent.name))
    return [folder / "index.html", *later]


def home_pages(site: Path, lang: str) -> list[Path]:
    return numbered_pages(site / lang)


# Listings


def listing_problems(content: Path, site: Path) -> list[str]:
    """Every article on its language's home pages, and on the other's when it has no version there,
    in order, newest first, the other language's marked with hreflang; DEFAULT_PAGINATION to a page."""
    problems = []
    for lang in LANGUAGES:
        expected = listed(content, lang)
        pages = [read_page(path) for path in home_pages(site, lang)]
        shown = [link for page in pages for link in page.main_links if ARTICLE_URL.match(link)]
        if shown != [a.url for a in expected]:
            problems.append(f"/{lang}/: lists {shown[:5]}..., expected {[a.url for a in expected][:5]}...")
        if len(pages) != max(1, -(-len(expected) // setting("DEFAULT_PAGINATION"))):
            problems.append(f"/{lang}/: {len(pages)} page(s) for {len(expected)} articles")
        for article in expected:
            if article.meta.lang != lang:
                langs = {page.link_langs.get(article.url) for page in pages} - {None}
                if langs != {article.meta.lang}:
                    problems.append(f"/{lang}/: {article.url} is not marked hreflang={article.meta.lang}")
    return problems


def article_page_problems(content: Path, site: Path) -> list[str]:
    """Every article has its page in its language, with its title as the heading and its date."""
    problems = []
    for article in articles(content):
        path = page_for_url(site, article.url)
        if not path.is_file():
            problems.append(f"{article.path.name}: no page at {article.url}")
            continue
        page = read_page(path)
        html = path.read_text(encoding="utf-8")
        if page.lang != article.meta.lang:
            problems.append(f"{article.url}: <html lang={page.lang}>, not {article.meta.lang}")
        if f'<time datetime="{article.meta.date:%Y-%m-%d}">' not in html:
            problems.append(f"{article.url}: its date {article.meta.date:%Y-%m-%d} is not on the page")
        if " ".join(article.meta.title.split()) not in page.text:
            problems.append(f"{article.url}: its title is not on the page")
        if SCRIPT.search(html):
            problems.append(f"{article.url}: loads a script (nothing on an article page needs one)")
    return problems


# A script the browser runs (a `src` or inline code); JSON-LD and Pagefind's templates are data.
SCRIPT = re.compile(r'<script(?![^>]*\btype="(?:application/ld\+json|text/pagefind-template)")', re.IGNORECASE)


# Feeds, sitemap, robots.txt, canonical URLs, structured data


def feed_problems(content: Path, site: Path, base: str) -> list[str]:
    """Each language's feed: that language's newest articles, newest first, each linking to its page, each updated
    on the day of its latest correction (`last_changed`)."""
    problems = []
    for lang in LANGUAGES:
        root = ET.parse(site / lang / "feed.atom.xml").getroot()  # noqa: S314 (our own build output)
        entries = root.findall(f"{ATOM}entry")
        links = [entry.find(f"{ATOM}link[@rel='alternate']").get("href") for entry in entries]
        own = sorted((a for a in articles(content) if a.meta.lang == lang), key=lambda a: a.newest_first, reverse=True)
        expected = [base + a.url for a in own[: setting("FEED_MAX_ITEMS")]]
        if links != expected:
            problems.append(f"{lang}/feed.atom.xml: {links[:3]}..., expected {expected[:3]}...")
            continue
        for entry, article in zip(entries, own, strict=False):
            updated = entry.findtext(f"{ATOM}updated") or ""
            if updated[:10] != last_changed(article):
                problems.append(f"{lang}/feed.atom.xml: {article.url} updated {updated}, not {last_changed(article)}")
    return problems


def last_changed(article: Article) -> str:
    """The day an article last changed, as written: its latest correction's, or else its publication's."""
    days = [article.meta.date.date(), *(correction.date for correction in article.meta.corrections)]
    return max(days).isoformat()


def sitemap_files(site: Path) -> list[Path]:
    """`sitemap.xml`, or the files its index lists (each at the top of the site, where the build writes them)."""
    root = ET.parse(site / "sitemap.xml").getroot()  # noqa: S314 (our own build output)
    if root.tag != f"{SITEMAP}sitemapindex":
        return [site / "sitemap.xml"]
    return [site / loc.text.rsplit("/", 1)[1] for loc in root.iter(f"{SITEMAP}loc")]


def sitemap_urls(site: Path) -> list[tuple[str, dict[str, str]]]:
    """Every `<url>` of the sitemap, in order, across its files: (loc, {hreflang: href})."""
    return [
        (url.find(f"{SITEMAP}loc").text, {a.get("hreflang"): a.get("href") for a in url.findall(f"{XHTML}link")})
        for path in sitemap_files(site)
        for url in ET.parse(path).getroot().findall(f"{SITEMAP}url")  # noqa: S314 (our own build output)
    ]


def sitemap_entries(site: Path) -> dict[str, dict[str, str]]:
    return dict(sitemap_urls(site))


def sitemap_problems(site: Path, base: str) -> list[str]:
    """Every page but the 404 in the sitemap, once; alternates in the sitemap and reciprocal; robots.txt names it."""
    urls = sitemap_urls(site)
    entries = dict(urls)
    problems = [f"sitemap: {len(urls) - len(entries)} pages listed twice"] if len(urls) != len(entries) else []
    pages = {base + page_url(site, path) for path in html_pages(site) if path.name != "404.html"}
    if set(entries) != pages:
        problems.append(
            f"sitemap: missing {sorted(pages - set(entries))[:5]}, extra {sorted(set(entries) - pages)[:5]}"
        )
    for loc, alternates in entries.items():
        for lang, href in alternates.items():
            if entries.get(href) != alternates:
                problems.append(f"sitemap: {loc}: {lang} -> {href} does not list the same alternates")
    if f"Sitemap: {base}/sitemap.xml" not in (site / "robots.txt").read_text(encoding="utf-8").splitlines():
        problems.append("robots.txt does not name the sitemap")
    return problems


def head_links(html: str, rel: str) -> list[dict[str, str]]:
    head = html.split("</head>", 1)[0]
    links = [dict(re.findall(r'(\w[\w:-]*)="([^"]*)"', tag)) for tag in re.findall(r"<link\b[^>]*>", head)]
    return [link for link in links if rel in link.get("rel", "").split()]


def json_ld(html: str) -> list[dict]:
    return [
        json.loads(block) for block in re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    ]


def head_problems(content: Path, site: Path) -> list[str]:
    """One canonical URL naming the page itself on every page but the 404; on articles, JSON-LD of the article;
    on every page, the site's strict CSP and nothing loaded from another host."""
    problems = []
    by_url = {a.url: a for a in articles(content)}
    for path in html_pages(site):
        html = path.read_text(encoding="utf-8")
        url = page_url(site, path)
        canonical = head_links(html, "canonical")
        if path.name != "404.html" and (len(canonical) != 1 or page_for_url(site, canonical[0]["href"]) != path):
            problems.append(f"{url}: canonical {canonical}")
        if 'http-equiv="Content-Security-Policy"' not in html or "unsafe-inline" in html:
            problems.append(f"{url}: no strict Content-Security-Policy")
        for resource in read_page(path).resources:
            if re.match(r"^(https?:)?//", resource):
                problems.append(f"{url}: loads {resource} from another host")
        article = by_url.get(url)
        if article is not None:
            data = json_ld(html)
            if len(data) != 1 or data[0].get("headline") != article.meta.title:
                problems.append(f"{url}: JSON-LD {data}")
            elif data[0]["isBasedOn"]["url"] != article.meta.source.url:
                problems.append(f"{url}: JSON-LD isBasedOn {data[0]['isBasedOn']}")
            elif data[0].get("dateModified", data[0]["datePublished"])[:10] != last_changed(article):
                problems.append(f"{url}: JSON-LD dateModified {data[0].get('dateModified')}, not the last change")
    return problems


def repository_link_problems(content: Path, site: Path) -> list[str]:
    """Every article page links to its own file in the repository ("suggest a correction", history)."""
    problems = []
    for article in articles(content):
        relative = f"content/{article.path.relative_to(content).as_posix()}"
        links = read_page(page_for_url(site, article.url)).links
        for kind in ("edit", "commits"):
            if not any(link.endswith(f"/{kind}/main/{relative}") for link in links):
                problems.append(f"{article.url}: no {kind} link to {relative}")
    return problems


# Timeline and countries


def timeline_problems(content: Path, site: Path) -> list[str]:
    """Every article counted on the timeline of each language, in its year (in its own language where it has
    no version there), and listed on that year's pages, marked; events in order over the timeline's pages; the
    JSON export naming each event at the page that shows it, and every article, in order."""
    problems = []
    for lang in LANGUAGES:
        url = "/" + section_url("timeline", lang)
        html = page_for_url(site, url).read_text(encoding="utf-8")
        shown = timeline_pages(site, url)
        by_year: dict[int, list] = {}
        for article in listed(content, lang):
            by_year.setdefault(article.meta.date.year, []).append(article)
        for year, articles in sorted(by_year.items()):
            count = re.search(rf'href="/{lang}/{year}/">({COUNT})\D', html)
            if not count or int(re.sub(r"\D", "", count.group(1))) != len(articles):
                problems.append(f"{url}: {year} does not count its {len(articles)} article(s)")
            folder = site / lang / str(year)
            pages = [folder / "index.html", *sorted((folder / "page").glob("*/index.html"))]
            links: dict[str, str | None] = {}
            for path in pages:
                if path.is_file():
                    page = read_page(path)
                    links.update(dict.fromkeys(page.links))
                    links.update(page.link_langs)
            for article in articles:
                if article.url not in links:
                    problems.append(f"/{lang}/{year}/: does not list {article.url}")
                elif article.meta.lang != lang and links.get(article.url) != article.meta.lang:
                    problems.append(f"/{lang}/{year}/: {article.url} is not marked hreflang={article.meta.lang}")
        when = r'class="timeline-entry[^"]*"[^>]*>\s*<p class="timeline-when"[^>]*>\s*<time datetime="([^"]+)"'
        starts = [start for path in _timeline_files(site, url) for start in re.findall(when, path.read_text("utf-8"))]
        if starts != sorted(starts):
            problems.append(f"{url}: events out of order")
        export = json.loads((site / url.strip("/")).with_suffix(".json").read_text(encoding="utf-8"))
        problems += [
            f"{url}: the JSON export gives {found!r}, not an absolute address" for found in relative_urls(export)
        ]
        base = absolute_base(site)
        events = [
            (entry["url"].removeprefix(base), entry["id"]) for entry in export["entries"] if entry["kind"] != "article"
        ]
        if events != shown:
            problems.append(f"{url}: the JSON export names other events, or another page for one")
        exported = [entry["id"] for entry in export["entries"] if entry["kind"] == "article"]
        for articles in by_year.values():
            for article in articles:
                if f"article-{article.meta.translation_key}" not in exported:
                    problems.append(f"{url}: the JSON export lacks article-{article.meta.translation_key}")
        # Oldest first, in the home page's order reversed: one day's articles as they were published.
        in_order = [f"article-{article.meta.translation_key}" for article in reversed(listed(content, lang))]
        if exported != in_order:
            problems.append(f"{url}: lists the articles in another order than the home page's, reversed")
        for entry in export["entries"]:
            if entry["kind"] != "article" and not entry["sources"]:
                problems.append(f"{url}#{entry['id']}: an event without a source")
    return problems


def relative_urls(data) -> list[str]:
    """Every `url` or `*_url` value of a JSON document that is not an absolute http(s) address: a document read
    outside the site (an export, open data) has no site to resolve `/en/...` against."""
    if isinstance(data, list):
        return [found for item in data for found in relative_urls(item)]
    if not isinstance(data, dict):
        return []
    found = [
        value
        for key, value in data.items()
        if (key == "url" or key.endswith("_url")) and isinstance(value, str) and not re.match(r"https?://", value)
    ]
    return found + [item for value in data.values() for item in relative_urls(value)]


def _timeline_files(site: Path, url: str) -> list[Path]:
    """The timeline's pages as a reader goes through them: each year's (its page 2 after its first), then the
    first page's (what happens next)."""
    first = page_for_url(site, url).parent
    years = sorted(path for path in first.iterdir() if path.is_dir() and path.name.isdigit())
    return [path for folder in [*years, first] for path in numbered_pages(folder)]


def timeline_pages(site: Path, url: str) -> list[tuple[str, str]]:
    """(the URL of the page that shows it + `#id`, id) of each entry of the timeline at `url`, in reading order."""
    return [
        (f"/{path.parent.relative_to(site).as_posix()}/#{entry}", entry)
        for path in _timeline_files(site, url)
        for entry in re.findall(r'<li id="([^"]+)" class="timeline-entry', path.read_text("utf-8"))
    ]


def country_problems(content: Path, site: Path) -> list[str]:
    """Every country an article names has a page in each language that lists the article (on one of its
    pages); every country page is in its language's index; every area of the map leads to a page in the index's
    language."""
    problems = []
    for lang in LANGUAGES:
        by_country = defaultdict(list)
        for article in listed(content, lang):
            for code in article.meta.countries:
                by_country[code].append(article.url)
        for code, urls in by_country.items():
            path = page_for_url(site, "/" + country_url(code, lang))
            if not path.is_file():
                problems.append(f"{lang}: no page for {code}, which articles name")
                continue
            pages = numbered_pages(path.parent)  # PAGINATED_TEMPLATES["country"] articles a page
            shown = [link for page in pages for link in read_page(page).main_links if ARTICLE_URL.match(link)]
            if not set(urls) <= set(shown):
                problems.append(f"/{country_url(code, lang)}: lacks {sorted(set(urls) - set(shown))}")
        index_path = page_for_url(site, "/" + section_url("countries", lang))
        index = read_page(index_path)
        for country_page in index_path.parent.glob("*/index.html"):
            if page_url(site, country_page) not in index.links:
                problems.append(f"{page_url(site, country_page)} is not in its index")
        areas = re.findall(r'<a href="([^"]+)" class="area', index_path.read_text(encoding="utf-8"))
        for href in areas:
            target = page_for_url(site, href)
            if not target.is_file() or read_page(target).lang != lang:
                problems.append(f"{page_url(site, index_path)}: map area {href} leads nowhere in {lang}")
    return problems


# The seed (tests/importer/test_golden.py: imported into the fixture archive and built)


def seed_problems(content: Path, site: Path, seed: Path) -> list[str]:
    """Every sentence of the archive's first source is on the page of the article made from it: the original
    that points to it (a translation may keep its original's `source.raw`, and holds another text)."""
    relative = seed.relative_to(seed.parent.parent).as_posix()
    made = [
        a for a in articles(content) if a.meta.source and a.meta.source.raw == relative and a.meta.translation is None
    ]
    if len(made) != 1:
        return [f"{len(made)} originals point to the seed {relative} (source.raw)"]
    text = body_text(page_for_url(site, made[0].url))
    missing = [sentence for sentence in seed_sentences(seed) if " ".join(sentence.split()) not in text]
    return [f"{made[0].url}: missing {sentence!r}" for sentence in missing[:3]]


def body_text(page: Path) -> str:
    """The article's text as a reader copies it: inline tags (a note's marker, drawn by CSS) add no space."""
    html = page.read_text(encoding="utf-8")
    body = html.split('<div class="article-body">', 1)[-1]
    return " ".join(unescape(re.sub(r"<[^>]+>", "", body)).split())


def seed_sentences(seed: Path) -> list[str]:
    """Every line of the seed that is article text (not page residue such as the comment counter)."""
    lines = [line.strip() for line in seed.read_text(encoding="utf-8").splitlines()]
    text = [line for line in lines if line and not line.startswith("Source:") and not line.startswith("Komentarz")]
    return [sentence for line in text for sentence in re.split(r"(?<=[.!?;:”])\s+", line) if sentence]


def absolute_base(site: Path) -> str:
    """The absolute base the build gave feeds and the sitemap: `http://127.0.0.1:8000`."""
    loc = next(iter(sitemap_entries(site)))
    parts = urlsplit(loc)
    return f"{parts.scheme}://{parts.netloc}"
