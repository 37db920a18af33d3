"""A language's index taken from the last build: only when nothing Pagefind reads for it changed, and then
byte for byte what indexing it again writes, with the last build's files never written into."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest

from search.indexing import build_planned_index, build_search_index, plan_index
from search.pagefind_compat import decode_json
from search.settings import SettingsError, search_settings

TIMELINE = (
    '<!doctype html><html lang="{lang}"><head><title>Timeline</title></head><body><main>'
    '<section data-search-record id="signing" lang="{lang}"><h2>{text}</h2><p>{text}, Hanoi.</p></section>'
    "</main></body></html>"
)


def page(lang: str, number: int, text: str = "Hanoi convention") -> str:
    return (
        f'<!doctype html><html lang="{lang}"><head><title>Page {number}</title></head><body>'
        f"<main data-pagefind-body><h1>Page {number}</h1><p>{text} {number}.</p>"
        f'<span data-pagefind-filter="Kind">Article</span></main></body></html>'
    )


def write(path: Path, html: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(html, encoding="utf-8")


def site(folder: Path) -> Path:
    for lang in ("pl", "en"):
        for number in range(4):
            write(folder / lang / "2025" / f"page-{number}" / "index.html", page(lang, number))
        write(folder / lang / "timeline" / "index.html", TIMELINE.format(lang=lang, text="Signing"))
    return folder


def tree(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture
def previous(tmp_path) -> Path:
    """A site and its index, as the last build left it."""
    output = site(tmp_path / "previous")
    build_search_index(output, per_language=True)
    return output


def edited_copy(previous: Path, target: Path) -> Path:
    """The next build's output: the pages of `previous` (as an edit build takes them: hard-linked), no index."""
    shutil.copytree(previous, target, copy_function=os.link, ignore=shutil.ignore_patterns("pagefind"))
    return target


def reindexed(output: Path, target: Path) -> dict[str, bytes]:
    """The index Pagefind writes for the pages of `output` from scratch."""
    shutil.copytree(output, target, ignore=shutil.ignore_patterns("pagefind"))
    build_search_index(target, per_language=True)
    return tree(target / "pagefind")


def test_the_language_whose_pages_did_not_change_is_taken_and_the_index_is_the_same(previous, tmp_path):
    before = tree(previous)
    output = edited_copy(previous, tmp_path / "next")
    page_of_en = output / "en" / "2025" / "page-2" / "index.html"
    page_of_en.unlink()  # a file of the last build is never written into: replaced
    write(page_of_en, page("en", 2, "Cybercrime treaty"))
    plan = plan_index(output, previous=previous)
    assert plan.taken == ("pl",)
    assert [run.lang for run in plan.runs] == ["en"]
    report = build_planned_index(plan)
    assert report.taken == ("pl",)
    assert tree(output / "pagefind") == reindexed(output, tmp_path / "cold")
    assert tree(previous) == before  # the last build's files, linked into this one, are as they were


def test_nothing_changed_takes_every_language_and_pagefinds_shared_files(previous, tmp_path):
    output = edited_copy(previous, tmp_path / "next")
    plan = plan_index(output, previous=previous)
    assert plan.taken == ("en", "pl") and plan.runs == []
    build_planned_index(plan)
    assert tree(output / "pagefind") == reindexed(output, tmp_path / "cold")


@pytest.mark.parametrize(
    ("change", "taken"),
    [
        pytest.param(
            lambda out: write(out / "en" / "2025" / "page-9" / "index.html", page("en", 9)), ("pl",), id="added"
        ),
        pytest.param(lambda out: (out / "en" / "2025" / "page-1" / "index.html").unlink(), ("pl",), id="removed"),
        # Outside the folders Pagefind reads for English (no indexed page there): no change of its index.
        pytest.param(
            lambda out: write(out / "en" / "a.html", "<html lang='en'><body>x</body></html>"),
            ("en", "pl"),
            id="elsewhere",
        ),
    ],
)
def test_a_page_added_or_removed_is_a_change_of_its_language(previous, tmp_path, change, taken):
    output = edited_copy(previous, tmp_path / "next")
    change(output)
    plan = plan_index(output, previous=previous)
    assert plan.taken == taken
    build_planned_index(plan)
    assert tree(output / "pagefind") == reindexed(output, tmp_path / "cold")


def test_a_changed_page_with_search_records_takes_no_language(previous, tmp_path):
    # Records are handed to Pagefind one by one, whatever folder their page is in: any language's may change.
    output = edited_copy(previous, tmp_path / "next")
    timeline = output / "en" / "timeline" / "index.html"
    timeline.unlink()
    write(timeline, TIMELINE.format(lang="en", text="Ratification"))
    plan = plan_index(output, previous=previous)
    assert plan.taken == ()
    build_planned_index(plan)
    assert tree(output / "pagefind") == reindexed(output, tmp_path / "cold")


def test_a_last_build_without_an_index_takes_nothing(previous, tmp_path):
    output = edited_copy(previous, tmp_path / "next")
    shutil.rmtree(previous / "pagefind")
    assert plan_index(output, previous=previous).taken == ()


def test_the_setting_is_checked_when_pelican_starts():
    assert search_settings({"SEARCH_PREVIOUS_OUTPUT": "output"}).previous_output == "output"
    for wrong in ("", 3, ["output"]):
        with pytest.raises(SettingsError, match="SEARCH_PREVIOUS_OUTPUT"):
            search_settings({"SEARCH_PREVIOUS_OUTPUT": wrong})


@pytest.mark.parametrize("key", ["hash", "wasm"])
def test_an_entry_naming_a_path_takes_nothing(previous, tmp_path, key):
    """The entry names the files linked into this build: a name that is a path (`../..`) is no index to take."""
    entry_file = previous / "pagefind" / "pagefind-entry.json"
    entry = json.loads(entry_file.read_text(encoding="utf-8"))
    entry["languages"]["pl"][key] = "../../../outside"
    entry_file.write_text(json.dumps(entry), encoding="utf-8")
    output = edited_copy(previous, tmp_path / "next")
    assert plan_index(output, previous=previous).taken == ("en",)


STAND_IN = (
    '<div hidden data-pagefind-ignore="all" data-search-stand-in="pl">'
    '<span data-pagefind-filter="Rodzaj">Artykuł</span></div></main>'
)


def test_a_changed_page_standing_in_for_another_language_is_a_change_of_that_language_too(previous, tmp_path):
    # An English page in the Polish index too (stand_ins): an edit of it changes both languages' indexes.
    english = Path("en") / "2025" / "page-3" / "index.html"
    (previous / english).unlink()
    write(previous / english, page("en", 3).replace("</main>", STAND_IN))
    build_search_index(previous, per_language=True)
    output = edited_copy(previous, tmp_path / "next")
    (output / english).unlink()
    write(output / english, page("en", 3, "Cybercrime treaty").replace("</main>", STAND_IN))
    plan = plan_index(output, previous=previous)
    assert plan.taken == ()
    build_planned_index(plan)
    assert tree(output / "pagefind") == reindexed(output, tmp_path / "cold")
    polish = [decode_json(path)["content"] for path in (output / "pagefind" / "fragment").glob("pl_*")]
    assert [text for text in polish if "Cybercrime treaty" in text]
