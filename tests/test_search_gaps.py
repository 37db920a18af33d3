"""What the sixth search audit left, typed into the real search page (real Chromium) on a real Pagefind index of
tests/fixtures/search_gaps/ (docs/search-relevance.md, "What the sixth audit left"): a country named in a timeline
event or a stand-in, a domain matched by whole labels, an address pasted percent-encoded or in punycode."""

from __future__ import annotations

from pathlib import Path

import pytest

from .test_search_queries import EN, PL, built_and_served, titles_found

pytestmark = pytest.mark.browser

CONTENT = Path(__file__).parent / "fixtures" / "search_gaps" / "content"
MEETING = {  # a timeline event about Viet Nam that names France
    EN: "A meeting of delegations in Hanoi (test fixture)",
    PL: "Spotkanie delegacji w Hanoi (fikstura testowa)",
}
RAID = "Police in Spain raid a call centre of fraudsters"  # in English only, writes `Germany`, about Spain
WIKI = "Hasło encyklopedii o konwencji przetłumaczone na nowo"  # in Polish only, its source percent-encoded
TURTLE = "A turtle sanctuary reports a phishing wave"  # in English only, its source's path decoded (`Żółw_błotny`)
CITY = "Urząd miasta ostrzega przed fałszywymi fakturami"  # in Polish only, its source's host in punycode (łódź)
ITEM = "An agency publishes its annual threat report"  # www.agency.example
NEWS = "The agency's newsroom announces a hotline"  # news.agency.example
OTHER = "A consultancy sells a course on incident reports"  # agency.examples.test


@pytest.fixture(scope="module")
def gaps_served(tmp_path_factory):
    yield from built_and_served(tmp_path_factory, CONTENT, "gaps")


@pytest.mark.parametrize(
    ("path", "query", "titles"),
    [
        # The event writes `Germany` (en) and `Niemcy` (pl) only: its other language's name found nothing.
        (EN, "Niemcy", [MEETING[EN], RAID]),
        (PL, "Germany", [MEETING[PL], RAID]),  # the page that writes it, as its stand-in
        # A stand-in: the English page that writes `Germany`, found on the Polish site by its name there.
        (PL, "Niemcy", [MEETING[PL], RAID]),
        # A country page: the person it lists is Spain's ambassador to Sweden (`Szwecji`, pl).
        (EN, "Szwecja", ["Spain"]),
        (PL, "Sweden", ["Hiszpania"]),
    ],
)
def test_a_country_named_in_an_event_or_a_stand_in_is_found_by_its_names(page, gaps_served, path, query, titles):
    assert sorted(titles_found(page, gaps_served.base_url, path, query)) == sorted(titles), f"{query!r} on {path}"
