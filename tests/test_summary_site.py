"""A given summary, on a real build of an archive of its own: HTML where a page takes HTML (the listings, the feed),
its text, with no markup, where a page takes text (the description, Open Graph, JSON-LD, search, open data)."""

from __future__ import annotations

import json
import re
import shutil
from html import unescape
from pathlib import Path

import feedparser
import pytest

from .conftest import FIXTURE, build_site
from .fixture_archive import URL
from .html_helpers import page_for_url
from .invariants import json_ld
from .test_check import problem_lines, run_check

ARTICLE = Path("articles") / "2024" / "civil-society-concerns.en.md"
ARTICLE_URL = URL["civil-society-concerns", "en"]
LINKED_URL = URL["signing-in-hanoi", "en"]
SUMMARY = (
    "The *Hanoi* Convention, per [UNODC](https://www.unodc.org/) and "
    "[the signing]({filename}/articles/2025/signing-in-hanoi.en.md)"
)
TEXT = "The Hanoi Convention, per UNODC and the signing"


def with_summary(content: Path, summary: str) -> Path:
    path = content / ARTICLE
    text = path.read_text(encoding="utf-8").replace("lang: en\n", f"lang: en\nsummary: '{summary}'\n", 1)
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    content = tmp_path_factory.mktemp("summary") / "content"
    shutil.copytree(FIXTURE, content)
    with_summary(content, SUMMARY)
    return build_site(content.parent / "output", content)


def test_the_listings_show_the_summary_rendered(site: Path):
    for home in ("/en/", "/pl/"):  # in English, and on the Polish home page as an article only in English
        html = page_for_url(site, home).read_text(encoding="utf-8")
        lead = re.search(rf'href="[^"]*{ARTICLE_URL}".*?<div class="lead"[^>]*>(.*?)</div>', html, re.S)
        assert lead, home
        assert "The <em>Hanoi</em> Convention" in lead.group(1)
        assert '<a href="https://www.unodc.org/">UNODC</a>' in lead.group(1)
        assert re.search(rf'<a href="[^"]*{LINKED_URL}">the signing</a>', lead.group(1)), lead.group(1)
        assert "*" not in lead.group(1) and "{filename}" not in lead.group(1)


def test_the_article_page_gives_the_summary_as_text(site: Path):
    html = page_for_url(site, ARTICLE_URL).read_text(encoding="utf-8")
    description = re.search(r'<meta name="description" content="([^"]*)">', html).group(1)
    og = re.search(r'<meta property="og:description" content="([^"]*)">', html).group(1)
    (article,) = [block for block in json_ld(html) if block.get("@type") == "NewsArticle"]
    search = re.search(r'<p data-pagefind-meta="summary">([^<]*)</p>', html).group(1)
    assert [unescape(description), unescape(og), article["description"], unescape(search)] == [TEXT] * 4


def test_the_feed_takes_the_summarys_html(site: Path):
    feed = feedparser.parse((site / "en" / "feed.atom.xml").read_text(encoding="utf-8"))
    (entry,) = [entry for entry in feed.entries if entry.link.endswith(ARTICLE_URL)]
    assert "The <em>Hanoi</em> Convention" in entry.summary and "*" not in entry.summary
    assert re.search(rf'<a href="http[^"]*{LINKED_URL}">the signing</a>', entry.summary), entry.summary


def test_the_open_data_gives_the_summarys_text(site: Path):
    articles = json.loads((site / "data" / "articles.json").read_text(encoding="utf-8"))["articles"]
    (row,) = [row for row in articles if row["url"].endswith(ARTICLE_URL)]
    assert row["summary"] == TEXT


def test_make_check_tells_a_summarys_links_at_its_line_with_the_files_other_problems(tmp_path):
    content = tmp_path / "content"
    shutil.copytree(FIXTURE, content)
    path = with_summary(content, "Read [this](javascript:alert(1)), [that]({filename}/articles/2025/gone.en.md)")
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("countries: [US]", "countries: [XX]"), encoding="utf-8")
    lines = text.split("\n")
    line = next(number for number, written in enumerate(lines, 1) if written.startswith("summary:"))
    result = run_check(content)
    assert result.returncode == 1
    told = [
        problem.split(" (")[0]
        for problem in problem_lines(result)
        if str(ARTICLE) in problem and ": warning: " not in problem
    ]
    assert told == [
        f"{path}:{line}: summary: link target 'javascript:alert(1)' is not allowed",
        f"{path}:{lines.index('countries: [US]') + 1}: countries.0: 'XX' is not a known country code",
    ], told
    # Once the file is valid, a {filename} link to no article is told at the summary's line, as the body's are.
    path.write_text(text.replace("[this](javascript:alert(1))", "this"), encoding="utf-8")
    told = [
        problem.split(" (")[0]
        for problem in problem_lines(run_check(content))
        if str(ARTICLE) in problem and ": warning: " not in problem
    ]
    assert told == [
        f"{path}:{line}: summary: link '{{filename}}/articles/2025/gone.en.md' points to an article that is not in "
        "the archive"
    ], told
