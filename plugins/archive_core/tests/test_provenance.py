"""Which addresses are one source: `same_address`."""

from __future__ import annotations

import pytest

from archive_core.provenance import same_address

PAGE = "https://example.org/news/hanoi"


@pytest.mark.parametrize(
    "spelling",
    [
        "https://example.org:443/news/hanoi",
        "http://example.org:80/news/hanoi",
        "http://example.org/news/hanoi",
        "https://example.org./news/hanoi",
        "https://www.example.org/news/hanoi",
        "https://EXAMPLE.Org/news/hanoi",
        "https://example.org/news/hanoi/",
        "https://example.org/news/hanoi#comments",
        "https://example.org/news/hanoi?",
        "https://example.org/news/%68anoi",
        "  https://WWW.Example.ORG.:443/news/hanoi/  ",
    ],
)
def test_spellings_of_one_page_are_one_source(spelling):
    assert same_address(spelling) == same_address(PAGE)


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("https://bücher.example/a", "https://xn--bcher-kva.example/a"),
        ("https://BÜCHER.example./a", "https://www.xn--bcher-kva.example/a"),
        ("https://example.org", "https://example.org/"),
        ("https://example.org/a%2fb", "https://example.org/a%2Fb"),
        ("https://example.org/~x", "https://example.org/%7Ex"),
        ("https://[2001:DB8::1]:443/x", "https://[2001:db8::1]/x"),
    ],
)
def test_other_written_forms_of_one_address_are_one_source(one, other):
    assert same_address(one) == same_address(other)


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("https://example.org/News/Hanoi", PAGE),  # a path is case-sensitive
        ("https://example.org:8443/news/hanoi", PAGE),  # another port is another server
        ("https://example.org/news/hanoi?page=2", PAGE),  # the query picks the page
        ("https://news.example.org/news/hanoi", PAGE),  # another host
        ("https://example.org/a%2Fb", "https://example.org/a/b"),  # an escaped `/` is not a path step
        ("https://www.org/x", "https://org/x"),  # `www` that is the site's own name, not a prefix
        ("https://[2001:db8::1]/x", "https://[2001:db8::2]/x"),
    ],
)
def test_different_pages_stay_different(one, other):
    assert same_address(one) != same_address(other)
