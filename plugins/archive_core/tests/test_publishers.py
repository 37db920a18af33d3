"""The table of publishers (content/data/publishers.yaml): records by host, every problem with its line."""

from __future__ import annotations

import pytest

from archive_core.articles import read_article
from archive_core.publishers import host_of, load_publishers
from archive_core.sources import with_publishers


def write(tmp_path, text: str):
    (tmp_path / "data").mkdir(exist_ok=True)
    (tmp_path / "data" / "publishers.yaml").write_text(text, encoding="utf-8")
    return load_publishers(tmp_path)


def test_a_name_for_every_language_or_one_per_language(tmp_path):
    table, problems = write(
        tmp_path,
        "- host: news.example.net\n  name:\n    pl: Wiadomości\n    en: News\n  source: https://news.example.net/\n"
        "- host: www.example.org\n  name: Example\n  source: https://www.example.org/about\n",
    )
    assert problems == []
    assert table["example.org"].name == {"pl": "Example", "en": "Example"}  # by site: `www.` is none of it
    assert table["news.example.net"].name == {"pl": "Wiadomości", "en": "News"}


def test_every_bad_record_is_named_with_its_line(tmp_path):
    _, problems = write(
        tmp_path,
        "- host: www.example.org\n  name: Example\n  source: https://www.example.org/about\n"
        "- host: www.example.org\n  name: Again\n  source: https://www.example.org/\n"
        "- host: https://x.org/\n  name: X\n  source: https://x.org/\n"
        "- host: y.org\n  name:\n    pl: Y\n  source: https://y.org/\n"
        "- host: z.org\n  name: Z\n  source: ftp://z.org/\n"
        "- host: w.org\n  name: W\n  source: https://w.org/\n  country: PL\n",
    )
    assert [(p.line, p.field) for p in problems] == [
        (4, "www.example.org.host"),
        (7, "record 3.host"),
        (12, "y.org.name"),  # where its value starts
        (16, "z.org.source"),
        (20, "w.org.country"),
    ]


def test_no_table_is_an_empty_table(tmp_path):
    assert load_publishers(tmp_path) == ({}, [])


def test_host_of_an_address():
    assert host_of("https://WWW.Example.org:8443/a?b") == "www.example.org"


def test_a_record_without_its_source_is_told_it_is_missing(tmp_path):
    _, [problem] = write(tmp_path, "- host: www.example.org\n  name: Example\n")
    assert (problem.field, problem.message) == ("www.example.org.source", "is missing"), problem


PUBLISHED = "- host: www.example.org\n  name: Example\n  source: https://www.example.org/about\n"
ARTICLE = "---\ntitle: T\ndate: 2025-10-26\nlang: en\ntranslation_key: t\nsource:\n  url: {url}\n---\nText.\n"


def publisher_found(tmp_path, url: str) -> str | None:
    write(tmp_path, PUBLISHED)
    path = tmp_path / "articles" / "2025" / "t.en.md"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(ARTICLE.format(url=url), encoding="utf-8")
    [doc], _ = with_publishers(tmp_path, [read_article(path, tmp_path)])
    return doc.meta.source.publisher


@pytest.mark.parametrize(
    ("url", "publisher"),
    [
        ("https://www.example.org/a", "Example"),
        ("https://example.org/a", "Example"),  # without www.: one source (provenance.same_address), one site
        ("http://WWW.Example.ORG./a", "Example"),
        ("https://www.example.org:443/a", "Example"),
        ("https://Example.org/a?www.example.net", "Example"),
        ("https://example.net/a", None),
        ("https://news.example.org/a", None),  # another site of the same domain
    ],
)
def test_a_source_finds_its_sites_publisher_whatever_the_form_of_its_address(tmp_path, url: str, publisher):
    assert publisher_found(tmp_path, url) == publisher


def test_one_site_in_two_forms_is_a_second_record(tmp_path):
    _, problems = write(tmp_path, PUBLISHED + "- host: example.org\n  name: Again\n  source: https://example.org/\n")
    assert [(p.line, p.field, p.message) for p in problems] == [
        (4, "example.org.host", "is the site of the record on line 1 too")
    ]
    assert "www.example.org" in problems[0].hint


def test_a_publisher_out_of_order_is_told_where_it_goes(tmp_path):
    """publishers.yaml says it is sorted by host, and nothing checked it."""
    _, problems = write(
        tmp_path,
        "- host: www.example.org\n  name: Example\n  source: https://www.example.org/about\n"
        "- host: news.example.net\n  name: News\n  source: https://news.example.net/about\n",
    )
    assert [(p.line, p.field, p.severity, p.hint) for p in problems] == [
        (4, "news.example.net.host", "warning", "move this record before that of www.example.org (line 1)")
    ]
