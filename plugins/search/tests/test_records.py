from pathlib import Path

import pytest

from search.indexing import pages_to_index
from search.records import RecordError, page_records
from search.rendering import page_text

TIMELINE = """<!doctype html><html lang="pl"><head><title>Oś czasu</title></head><body>
<nav>Menu</nav><main><h1>Oś czasu</h1><ol>
<li id="signing" data-search-record><h3 data-pagefind-meta="title">Podpisanie w Hanoi</h3><p>Łódź i Hanoi.</p>
<div hidden data-pagefind-ignore><span data-pagefind-filter="Rodzaj">Oś czasu</span></div></li>
<li id="article-x"><h3><a href="/pl/2025/x/">Artykuł</a></h3></li>
<li id="upcoming" data-search-record><h3 data-pagefind-meta="title">Wejście w życie</h3></li>
</ol></main></body></html>"""


def test_each_marked_part_is_a_document_of_its_own_in_the_pages_language():
    records = page_records(TIMELINE, "pl/os-czasu/index.html")
    assert [record.anchor for record in records] == ["signing", "upcoming"]
    assert '<html lang="pl">' in records[0].html and records[0].lang == "pl"
    # The part only, not the menu nor the other entries; then its title, a metadata field Pagefind searches too.
    assert " ".join(page_text(records[0].html).split()) == "Podpisanie w Hanoi Łódź i Hanoi. Podpisanie w Hanoi"


def test_pages_without_records_have_none():
    assert page_records("<html lang='en'><body><main data-pagefind-body>Text</main></body></html>", "x.html") == []


def test_a_record_without_an_id_is_refused_by_file():
    with pytest.raises(RecordError, match=r"pl/os-czasu/index.html: a <li> marked data-search-record has no id"):
        page_records(TIMELINE.replace('id="upcoming" ', ""), "pl/os-czasu/index.html")


def test_records_are_indexed_at_the_page_url_with_their_anchor(tmp_path: Path):
    page = tmp_path / "pl" / "os-czasu" / "index.html"
    page.parent.mkdir(parents=True)
    page.write_text(TIMELINE, encoding="utf-8")
    article = tmp_path / "pl" / "2025" / "a" / "index.html"  # a page that marks its indexed region
    article.parent.mkdir(parents=True)
    article.write_text('<html lang="pl"><body><main data-pagefind-body>Tekst</main></body></html>')
    indexed = pages_to_index(tmp_path)
    assert [(item.path, item.url, item.lang) for item in indexed] == [
        ("pl/2025/a/index.html", None, "pl"),
        ("pl/os-czasu/index.html#signing", "/pl/os-czasu/#signing", "pl"),
        ("pl/os-czasu/index.html#upcoming", "/pl/os-czasu/#upcoming", "pl"),
    ]
    # Folded terms per record: "Łódź" is in the first one only.
    assert 'content="lodz"' in indexed[1].html and "lodz" not in indexed[2].html
