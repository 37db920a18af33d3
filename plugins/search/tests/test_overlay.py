"""The devserver's search overlay (overlay.py), with real Pagefind, on small sites written here."""

import hashlib
import json
from pathlib import Path

from search.indexing import build_search_index
from search.overlay import MANIFEST, VOCABULARY_URL, SearchOverlay
from search.pagefind_compat import decode_json, indexed_words, page_ids, result_ids

ARTICLE = (
    '<html lang="{lang}"><head><title>{title}</title></head><body><nav>Menu</nav>'
    "<main data-pagefind-body><h1>{title}</h1><p>{text}</p></main></body></html>"
)
LISTING = '<html lang="pl"><head><title>Lista</title></head><body><p>{text}</p></body></html>'
TIMELINE = (
    '<html lang="pl"><head><title>Oś czasu</title></head><body><main data-pagefind-body><h1>Oś czasu</h1>'
    '<section id="signing" data-search-record><h2>Podpisanie</h2><p>{text}</p></section></main></body></html>'
)


def write(output: Path, path: str, html: str) -> Path:
    file = output / path
    file.parent.mkdir(parents=True, exist_ok=True)
    file.write_text(html, encoding="utf-8")
    return file


def digest(folder: Path) -> str:
    files = sorted(p for p in folder.rglob("*") if p.is_file())
    return hashlib.sha256(
        b"".join(p.relative_to(folder).as_posix().encode() + p.read_bytes() for p in files)
    ).hexdigest()


def content_of(folder: Path, url: str) -> str:
    return decode_json(folder / "fragment" / f"{page_ids(folder)[url]}.pf_fragment")["content"]


def test_pages_written_again_are_indexed_beside_the_site_index_and_hide_its_results(tmp_path):
    output = tmp_path / "output"
    edited = write(output, "pl/a/index.html", ARTICLE.format(lang="pl", title="Hanoi", text="stare słowo współpracy"))
    write(output, "pl/b/index.html", ARTICLE.format(lang="pl", title="Inny", text="dalsza współpracy treść"))
    write(output, "en/a/index.html", ARTICLE.format(lang="en", title="Hanoi", text="old cooperation"))
    listing = write(output, "pl/index.html", LISTING.format(text="lista"))
    timeline = write(output, "pl/os/index.html", TIMELINE.format(text="ceremonia"))
    build_search_index(output)
    site = page_ids(output / "pagefind")
    published = digest(output / "pagefind")

    overlay = SearchOverlay(output, tmp_path / "overlay")
    overlay.wait_until_ready()  # before anything is written again: what the full build wrote is known
    write(output, "pl/a/index.html", ARTICLE.format(lang="pl", title="Hanoi", text="nowe qq7001x"))
    write(output, "pl/os/index.html", TIMELINE.format(text="ceremonia qq7003x"))
    write(output, "pl/index.html", LISTING.format(text="qq7004x"))
    unchanged = output / "pl/b/index.html"
    unchanged.write_bytes(unchanged.read_bytes())  # written again as it was: not indexed again
    assert overlay.update([edited, listing, timeline, unchanged, output / "pagefind" / "pagefind.js"]) == 3

    folder = tmp_path / "overlay"
    manifest = json.loads((folder / MANIFEST).read_text())
    assert manifest["languages"] == ["en", "pl"]  # the words of each language of the site index
    own = page_ids(folder)
    assert set(own) == {
        "/pl/a/",
        "/pl/os/",
        "/pl/os/#signing",
        *(VOCABULARY_URL.format(lang=lang) for lang in ("en", "pl")),
    }
    assert "qq7001x" in content_of(folder, "/pl/a/") and "współpracy" not in content_of(folder, "/pl/a/")
    assert "qq7003x" in content_of(folder, "/pl/os/#signing")
    # Hidden: the site index's copies of the pages taken again, and the documents of words.
    vocabularies = {own[VOCABULARY_URL.format(lang=lang)] for lang in ("en", "pl")}
    assert set(manifest["hidden"]) == {site["/pl/a/"], site["/pl/os/"], site["/pl/os/#signing"], *vocabularies}
    # Every word of the site index is a word of the overlay too (Pagefind's prefix fallback, overlay.py).
    site_words, overlay_words = indexed_words(output / "pagefind"), indexed_words(folder)
    # Every word of the site index starts a word of the overlay: a search for it finds no page of the
    # overlay through Pagefind's fallback to a shorter word ("w").
    site_words, overlay_words = indexed_words(output / "pagefind"), indexed_words(folder)
    assert "wspołprac" in site_words["pl"]
    assert [w for w in site_words["pl"] if not any(o.startswith(w) for o in overlay_words["pl"])] == []
    assert digest(output / "pagefind") == published  # what a build publishes is never touched

    # A later edit: the overlay holds the last version of every page taken since the full build.
    write(output, "pl/a/index.html", ARTICLE.format(lang="pl", title="Hanoi", text="trzecie qq7005x"))
    assert overlay.update([edited]) == 1
    assert "qq7005x" in content_of(folder, "/pl/a/") and "qq7003x" in content_of(folder, "/pl/os/#signing")
    # Back as the full build wrote it: the overlay holds that version, not the last edit.
    write(output, "pl/a/index.html", ARTICLE.format(lang="pl", title="Hanoi", text="stare słowo współpracy"))
    assert overlay.update([edited]) == 1
    assert "współpracy" in content_of(folder, "/pl/a/")
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".overlay")]  # no staging folder left

    overlay.reset()  # a full build
    assert not folder.exists() and overlay.pages == {}


def test_on_a_site_that_marks_no_region_every_page_it_indexed_is_taken(tmp_path):
    output = tmp_path / "output"
    page = write(output, "a/index.html", '<html lang="en"><body><p>old words</p></body></html>')
    write(output, "b/index.html", '<html lang="en"><body><p>other words</p></body></html>')
    build_search_index(output)
    overlay = SearchOverlay(output, tmp_path / "overlay")
    overlay.wait_until_ready()
    write(output, "a/index.html", '<html lang="en"><body><p>new qq7001x</p></body></html>')
    assert overlay.update([page, tmp_path / "elsewhere.html"]) == 1
    assert "qq7001x" in content_of(tmp_path / "overlay", "/a/")


STAND_IN = (
    '<div hidden data-pagefind-ignore="all" data-search-stand-in="en">'
    '<span data-pagefind-filter="Kind">Article</span></div></main>'
)


def test_a_page_standing_in_for_another_language_is_taken_with_its_stand_in(tmp_path):
    output = tmp_path / "output"
    polish = write(
        output, "pl/a/index.html", ARTICLE.format(lang="pl", title="Hanoi", text="stare").replace("</main>", STAND_IN)
    )
    write(output, "en/b/index.html", ARTICLE.format(lang="en", title="Other", text="other"))
    build_search_index(output)
    site = result_ids(output / "pagefind")
    assert site["/pl/a/"][0].startswith("pl_") and site["/pl/a/#in-en"][0].startswith("en_")
    overlay = SearchOverlay(output, tmp_path / "overlay")
    overlay.wait_until_ready()
    write(
        output,
        "pl/a/index.html",
        ARTICLE.format(lang="pl", title="Hanoi", text="nowe qq7001x").replace("</main>", STAND_IN),
    )
    assert overlay.update([polish]) == 2  # the page, and its stand-in in the English index
    folder = tmp_path / "overlay"
    assert "qq7001x" in content_of(folder, "/pl/a/") and "qq7001x" in content_of(folder, "/pl/a/#in-en")
    hidden = set(json.loads((folder / MANIFEST).read_text())["hidden"])
    assert {site["/pl/a/"][0], site["/pl/a/#in-en"][0]} <= hidden  # both results of the site index, hidden


def test_results_a_page_no_longer_has_are_hidden(tmp_path):
    """A page written again without its stand-in (its translation was added) or without a record (an event
    removed): the site index's results for them are hidden too, not only those the page still has."""
    output = tmp_path / "output"
    polish = write(
        output, "pl/a/index.html", ARTICLE.format(lang="pl", title="Hanoi", text="stare").replace("</main>", STAND_IN)
    )
    timeline = write(output, "pl/os/index.html", TIMELINE.format(text="ceremonia"))
    write(output, "en/b/index.html", ARTICLE.format(lang="en", title="Other", text="other"))
    build_search_index(output)
    site = result_ids(output / "pagefind")
    overlay = SearchOverlay(output, tmp_path / "overlay")
    overlay.wait_until_ready()
    write(output, "pl/a/index.html", ARTICLE.format(lang="pl", title="Hanoi", text="nowe"))
    write(output, "pl/os/index.html", TIMELINE.format(text="").replace(" data-search-record", ""))
    overlay.update([polish, timeline])
    hidden = set(json.loads((tmp_path / "overlay" / MANIFEST).read_text())["hidden"])
    assert {site["/pl/a/#in-en"][0], site["/pl/os/#signing"][0]} <= hidden
