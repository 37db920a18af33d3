"""A page found from the search of a language it has no version in: its stand-in document, and what the index and
its reuse make of it (real Pagefind)."""

from __future__ import annotations

from pathlib import Path

import pytest

from search.indexing import build_search_index, pages_to_index
from search.pagefind_compat import decode_json, result_ids
from search.records import RecordError
from search.stand_ins import stand_in_document, stand_in_languages

PAGE = """<!doctype html><html lang="en"><head><title>Report</title></head><body><nav>Menu</nav>
<main data-pagefind-body><h1 data-pagefind-meta="title">The Quillfeather report</h1><p>Quillfeather writes.</p>
<div hidden data-pagefind-ignore><span data-pagefind-filter="Country">Vietnam</span>
<span data-pagefind-meta="date_label">2 September 2024</span><span data-pagefind-sort="date">2024-09-02</span>
<p data-pagefind-meta="summary">A report.</p></div>
<div hidden data-pagefind-ignore="all" data-search-stand-in="pl"><span data-pagefind-filter="Kraj">Wietnam</span>
<span data-pagefind-meta="date_label">2 września 2024</span><span data-pagefind-sort="date">2024-09-02</span></div>
<div hidden data-pagefind-ignore="all" data-search-stand-in='de'><span data-pagefind-filter="Land">Vietnam</span></div>
</main></body></html>"""


def test_the_languages_a_page_stands_in_for_are_its_elements_not_its_text():
    assert stand_in_languages(PAGE.encode(), "x.html") == ["pl", "de"]
    assert stand_in_languages(b"<main>data-search-stand-in=pl</main>", "x.html") == []
    # An article's summary in the page's description, and its title, may name the attribute as text.
    described = '<meta name="description" content="a data-search-stand-in=en b"><title>c data-search-stand-in="fr"'
    assert stand_in_languages(PAGE.replace("<title>", described).encode(), "x.html") == ["pl", "de"]


@pytest.mark.parametrize("value", ["", "p l", "../pl", "pl_PL"])
def test_a_value_that_is_not_a_language_tag_is_refused_by_file(value):
    page = PAGE.replace('data-search-stand-in="pl"', f'data-search-stand-in="{value}"').encode()
    with pytest.raises(RecordError, match=r"en/report/index.html: data-search-stand-in=.* is not a language tag"):
        stand_in_languages(page, "en/report/index.html")


def test_its_document_is_the_page_in_the_language_with_that_languages_filters_and_the_pages_metadata():
    document = stand_in_document(PAGE, "pl", "en/report/index.html")
    assert '<html lang="pl">' in document
    assert "Quillfeather writes." in document and "Menu" in document  # the page itself
    assert 'data-pagefind-filter="Country"' not in document and 'data-pagefind-filter="Kraj"' in document
    assert 'data-pagefind-filter="Land"' not in document  # another language's stand-in is left out
    assert document.count("data-pagefind-sort") == 1
    # Metadata: the page's (title, summary) but what the stand-in gives (its date label), and the page's language.
    assert 'data-pagefind-meta="title"' in document and 'data-pagefind-meta="summary"' in document
    assert "2 September 2024" in document and document.count('data-pagefind-meta="date_label"') == 1
    assert '<span data-pagefind-meta="lang">en</span>' in document
    assert 'data-pagefind-ignore="index" data-search-stand-in="pl"' in document  # its filters read, no text


def test_a_language_with_no_element_is_refused_by_file():
    with pytest.raises(RecordError, match=r"en/report/index.html: 0 elements marked data-search-stand-in='fr'"):
        stand_in_document(PAGE, "fr", "en/report/index.html")


def test_a_page_standing_in_for_its_own_language_is_refused(tmp_path: Path):
    own = PAGE.replace('data-search-stand-in="pl"', 'data-search-stand-in="en"')
    write(tmp_path / "en" / "report" / "index.html", own)
    with pytest.raises(RecordError, match=r"en/report/index.html: .* names the page's own language"):
        pages_to_index(tmp_path)


def write(path: Path, html: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(html, encoding="utf-8")


@pytest.mark.parametrize("per_language", [False, True])
def test_pagefind_indexes_it_in_the_language_at_the_pages_url_and_leaves_the_page_in_its_own(tmp_path, per_language):
    write(tmp_path / "en" / "report" / "index.html", PAGE.replace(" data-search-stand-in='de'", ""))
    polish = PAGE.replace('lang="en"', 'lang="pl"').split('<div hidden data-pagefind-ignore="all"')[0]
    write(tmp_path / "pl" / "raport" / "index.html", polish + "</main></body></html>")
    report = build_search_index(tmp_path, per_language=per_language)
    assert report.pages_by_lang == {"en": 1, "pl": 2}
    ids = result_ids(tmp_path / "pagefind")
    assert sorted(ids) == ["/en/report/", "/en/report/#in-pl", "/pl/raport/"]
    own = decode_json(tmp_path / "pagefind" / "fragment" / f"{ids['/en/report/'][0]}.pf_fragment")
    stand_in = decode_json(tmp_path / "pagefind" / "fragment" / f"{ids['/en/report/#in-pl'][0]}.pf_fragment")
    assert ids["/en/report/#in-pl"][0].startswith("pl_") and ids["/en/report/"][0].startswith("en_")
    assert own["filters"] == {"Country": ["Vietnam"]} and "lang" not in own["meta"]
    assert stand_in["filters"] == {"Kraj": ["Wietnam"]}
    assert stand_in["meta"]["lang"] == "en" and stand_in["meta"]["date_label"] == "2 września 2024"
    assert stand_in["meta"]["title"] == "The Quillfeather report" and stand_in["content"] == own["content"]
