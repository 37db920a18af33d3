"""The reader of built pages that the checks of every page share (tests/html_helpers.py): what it reads of a page,
and that a check sharing it still fails on a page broken after the check has read it intact."""

from __future__ import annotations

import hashlib
import shutil
from collections import Counter
from collections.abc import Callable
from pathlib import Path

import lxml.etree
import pytest

from . import invariants
from .conftest import FIXTURE
from .html_helpers import read_page
from .sitewide import broken_links, hreflang_problems, html_pages
from .stylesheets import pages_with_unloaded_styles

PAGE = """<!doctype html>
<html lang="pl"><head><meta charset="utf-8"><title>Head text</title>
<link rel="alternate" hreflang="en" href="/en/a/"><link rel="stylesheet" href="/site.css">
<script>var hidden = "script text";</script><style>p { color: red }</style></head>
<body class="wide  page"><a href="/" id="top">Home</a>
<main id="main"><div class="lead"><p>Lead <a href="/pl/other/">other</a></p><div><a href="#n1">note</a></div></div>
<p>Q&amp;A: <bdi>Hà Nội</bdi>, <a href="/en/b/" hreflang="en">b</a><!-- a comment -->after</p>
<img src="/x.png" alt=""><script src="/s.js"></script><span id="end">the end</span></main></body></html>"""


def test_a_page_is_read_as_a_reader_and_a_browser_see_it(tmp_path):
    path = tmp_path / "index.html"
    path.write_text(PAGE, encoding="utf-8")
    page = read_page(path)
    assert page.lang == "pl"
    assert page.alternates == {"en": "/en/a/"}
    assert page.resources == ["/site.css", "/x.png", "/s.js"]
    assert page.stylesheets == ["/site.css"]
    assert page.classes == {"wide", "page", "lead"}
    assert page.links == ["/", "/pl/other/", "#n1", "/en/b/"]
    assert page.main_links == ["/en/b/"]  # not the lead's
    assert page.link_langs == {"/en/b/": "en"}
    assert page.ids == {"top", "main", "end"}
    # No text of the head, a script or a style; a word ends at each tag but a <bdi>'s, and at a comment.
    assert page.text == "Home Lead other note Q&A: Hà Nội, b after the end"


def test_a_page_changed_in_place_is_read_anew(tmp_path):
    path = tmp_path / "index.html"
    path.write_text(PAGE, encoding="utf-8")
    assert "end" in read_page(path).ids
    path.write_text(PAGE.replace('id="end"', 'id="fin"'), encoding="utf-8")  # the same size
    assert "end" not in read_page(path).ids


# Each check of every page, a page of the fixture archive's site it reads, and a change to that page (of the same
# size) that the check must find, with a part of what it says of it.
ARTICLE = "pl/2025/konwencja-podpisana-w-hanoi/index.html"
HANOI = '"/pl/2025/konwencja-podpisana-w-hanoi/"'
MOVED = '"/pl/2025/konwencja-podpisana-w-hanoj/"'
BREAKS: dict[str, tuple[Callable[[Path, Path], list[str]], str, str, str, str]] = {
    "links": (lambda content, site: broken_links(site), "pl/index.html", 'id="main"', 'id="mian"', "no id 'main'"),
    "hreflang": (
        lambda content, site: hreflang_problems(site),
        "en/2025/convention-signed-in-hanoi/index.html", '<html lang="en"', '<html lang="de"', "<html lang> is 'de'",
    ),
    "heads": (
        invariants.head_problems,
        "pl/szukaj/index.html", 'src="/theme/js/anchors.js"', 'src="//evil.example/ab.js"', "from another host",
    ),
    "article pages": (invariants.article_page_problems, ARTICLE, '<html lang="pl"', '<html lang="de"', "not pl"),
    "repository links": (invariants.repository_link_problems, ARTICLE, "/edit/main/", "/edix/main/", "no edit link"),
    "listings": (invariants.listing_problems, "pl/index.html", HANOI, MOVED, "/pl/: lists"),
    "timeline": (invariants.timeline_problems, "pl/2025/index.html", HANOI, MOVED, "does not list"),
    "countries": (invariants.country_problems, "pl/kraje/wietnam/index.html", HANOI, MOVED, "lacks"),
    "stylesheets": (
        lambda content, site: [f"{page}: {styles}" for page, styles in pages_with_unloaded_styles(site).items()],
        "pl/2023/index.html", 'href="/theme/css/browse.css"', 'href="/theme/css/Browse.css"', "(browse.css)",
    ),
}  # fmt: skip


@pytest.mark.parametrize("name", BREAKS)
def test_a_check_finds_a_page_broken_after_it_read_it(name, fixture_site, tmp_path):
    check, page, intact, broken, told = BREAKS[name]
    site = shutil.copytree(fixture_site, tmp_path / "site")
    assert check(FIXTURE, site) == []
    path = site / page
    html = path.read_text(encoding="utf-8")
    assert intact in html and len(intact) == len(broken)
    path.write_text(html.replace(intact, broken), encoding="utf-8")
    problems = check(FIXTURE, site)
    assert any(told in problem for problem in problems), problems


def test_the_checks_of_every_page_parse_each_page_once_between_them(fixture_site, tmp_path, monkeypatch):
    site = shutil.copytree(fixture_site, tmp_path / "site")  # pages no test has read yet
    pages = {hashlib.sha256(path.read_bytes()).digest(): str(path.relative_to(site)) for path in html_pages(site)}
    parsed: Counter[bytes] = Counter()
    parse = lxml.etree.fromstring  # what lxml.html's parsers call too

    def counted(text, *args, **kwargs):
        if isinstance(text, bytes):
            parsed[hashlib.sha256(text).digest()] += 1
        return parse(text, *args, **kwargs)

    monkeypatch.setattr(lxml.etree, "fromstring", counted)
    for check, *_ in BREAKS.values():
        check(FIXTURE, site)
    assert sorted(page for digest, page in pages.items() if parsed[digest] > 1) == []
    assert sorted(page for digest, page in pages.items() if not parsed[digest]) == []  # the counting saw them
