"""`make import` and `make new` refuse an article that clashes with one of the archive (its translation_key in its
language, in another year; its address; the key of the other language's original, said to be no translation) before
writing anything, naming the file it meets and the field, with the
KEY= or SLUG= that makes it another article: followed, the article is written and `make check` tells no clash."""

from __future__ import annotations

import re
from datetime import date as day
from pathlib import Path

import pytest

from archive_core.errors import display_path
from tools.check import check
from tools.new_article import Refused, scaffold

from .importer.helpers import run_import, written_files

EXISTING = Path("articles/2025/signing-in-hanoi.pl.md")  # the fixture's: slug konwencja-podpisana-w-hanoi
CLASHES = {
    # a field of the new article, how it is given, the field told, the name its hint proposes
    "the key in another year": (("key", "signing-in-hanoi"), "2024-05-01", "translation_key", "KEY=signing-in-hanoi-2"),
    "the slug given": (
        ("slug", "konwencja-podpisana-w-hanoi"), "2025-05-01", "slug", "SLUG=konwencja-podpisana-w-hanoi-2",
    ),
    "the slug made of the title": (
        ("title", "Konwencja podpisana w Hanoi"), "2025-05-01", "title", "SLUG=konwencja-podpisana-w-hanoi-2",
    ),
}  # fmt: skip


def import_article(capsys, content: Path, tmp_path: Path, options: dict[str, str], date: str, *extra: str):
    """`make import` of a new Polish article, KEY= and TITLE= given unless `options` give others: (exit code, what
    it printed to stderr)."""
    source = tmp_path / "source.txt"
    source.write_text("Nowa konferencja\n\nEksperci rozmawiali o konwencji w Łodzi.\n", encoding="utf-8")
    given = {"key": "nowa-konferencja", "title": "Nowa konferencja", **options}
    flags = [f"--{name}={value}" for name, value in given.items()]
    run = run_import(capsys, source, content, *flags, *extra, "--date", date, "--lang", "pl",
                     "--source-url", "https://example.org/pl/nowa", "--publisher", "Gazeta Testowa")  # fmt: skip
    return run.code, run.err


def new_article(capsys, content: Path, tmp_path: Path, options: dict[str, str], date: str):
    """`make new` of the same article: (exit code, its refusal)."""
    given = {"key": "nowa-konferencja", "title": "Nowa konferencja", **options}
    try:
        scaffold(content, given["title"], "pl", day.fromisoformat(date), given["key"], given.get("slug"))
    except Refused as exc:
        return 1, str(exc)
    return 0, ""


def clash_problems(content: Path) -> list[str]:
    """What `make check` tells of two articles with one translation_key in a language, or one address."""
    return [str(p) for p in check(content) if p.field in ("translation_key", "slug", "title") and "also" in p.message]


@pytest.mark.parametrize("tool", [import_article, new_article], ids=["make import", "make new"])
@pytest.mark.parametrize("clash", CLASHES, ids=list(CLASHES))
def test_an_article_that_clashes_is_refused_naming_the_file_it_meets_and_the_name_that_parts_them(
    capsys, content_copy, tmp_path, tool, clash
):
    (option, value), date, field, proposed = CLASHES[clash]
    before = written_files(content_copy)
    code, told = tool(capsys, content_copy, tmp_path, {option: value}, date)
    assert code == 1, told
    assert f": {field}: " in told and display_path(str(content_copy / EXISTING)) in told, told
    assert f"give it {proposed})" in told, told
    assert written_files(content_copy) == before  # nothing written
    name, free = proposed.split("=")
    code, told = tool(capsys, content_copy, tmp_path, {option: value, name.lower(): free}, date)
    assert code == 0, told
    assert written_files(content_copy) != before and clash_problems(content_copy) == []


def test_an_import_that_replaces_its_own_file_is_not_told_it_meets_itself(capsys, content_copy, tmp_path):
    code, told = import_article(capsys, content_copy, tmp_path, {}, "2025-05-01")
    assert code == 0, told
    code, told = import_article(capsys, content_copy, tmp_path, {"title": "Nowa konferencja w Łodzi"}, "2025-05-01")
    assert code == 1 and "already exists and differs" in told
    assert re.search(r"import it with KEY=nowa-konferencja-2\)", told), told
    code, told = import_article(capsys, content_copy, tmp_path, {"title": "Nowa konferencja w Łodzi"}, "2025-05-01",
                                "--force")  # fmt: skip
    assert code == 0, told


def test_an_import_of_an_original_s_other_version_that_says_it_is_no_translation_is_refused(
    capsys, content_copy, tmp_path
):
    """A Polish text imported with KEY= of an English original was written without `translation:` (the import
    writes none), and `make check` then refused both versions as two originals."""
    original = content_copy / "articles" / "2024" / "civil-society-concerns.en.md"
    before = written_files(content_copy)
    code, told = import_article(capsys, content_copy, tmp_path, {"key": "civil-society-concerns"}, "2024-09-02")
    assert code == 1 and written_files(content_copy) == before, told
    assert ": translation: the 'en' version " + display_path(str(original)) in told, told
    assert "start it with `make new LANG=pl KEY=civil-society-concerns`" in told, told
    assert "give it KEY=civil-society-concerns-2)" in told, told
    # Either way out, followed, leaves no two originals of one article.
    scaffold(content_copy, "", "pl", None, "civil-society-concerns")
    code, told = import_article(capsys, content_copy, tmp_path, {"key": "civil-society-concerns-2"}, "2024-09-02")
    assert code == 0, told
    assert [p for p in check(content_copy) if p.field == "translation" and p.severity == "error"] == []


def test_an_article_of_another_s_title_and_year_is_told_the_key_and_the_address_that_part_them_at_once(
    capsys, content_copy, tmp_path
):
    """`make new` of a title an article of that year has: its key made of the title is the other's, and so is its
    address; KEY= alone was refused again, for SLUG= (as `make import` tells them, at once)."""
    made_of_title = {"key": ""}
    assert new_article(capsys, content_copy, tmp_path, made_of_title, "2025-05-01")[0] == 0
    code, told = new_article(capsys, content_copy, tmp_path, made_of_title, "2025-06-01")
    assert code == 1, told
    assert "give it KEY=nowa-konferencja-2 SLUG=nowa-konferencja-2)" in told, told
    parting = {"key": "nowa-konferencja-2", "slug": "nowa-konferencja-2"}
    assert new_article(capsys, content_copy, tmp_path, parting, "2025-06-01") == (0, "")
    assert clash_problems(content_copy) == []
