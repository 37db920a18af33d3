"""Pelican's own front-matter keys, written by a contributor who knows Pelican: each told what the archive does
instead, never "did you mean" a field that only shares letters with it (`status`: `tags`)."""

from __future__ import annotations

from pathlib import Path

import pytest
from pelican.readers import DUPLICATES_DEFINITIONS_ALLOWED, METADATA_PROCESSORS

from archive_core.pelican_keys import PELICAN_KEYS, PELICAN_METADATA
from archive_core.schema import FIELD_NAMES

from .test_contributor_mistakes import BODY, FRONT, told

ARTICLE = "articles/2025/tytul.pl.md"


def hint_of(tmp_path: Path, lines: str) -> list[str]:
    return told(tmp_path, {ARTICLE: FRONT + lines + BODY})


@pytest.mark.parametrize(
    ("line", "meant"),
    [
        ("status: draft", "no drafts"),
        ("Status: hidden", "no drafts"),
        ("category: Polityka", "no categories, only topics: did you mean `tags`?"),
        ("Category: Polityka", "no categories, only topics: did you mean `tags`?"),
        ("keywords: [a, b]", "its topics: did you mean `tags`?"),
        ("author: Jan Kowalski", "`publisher:` under `source:`"),
        ("Authors: Alexis Metaireau, Conan Doyle", "`publisher:` under `source:`"),
        ("modified: 2025-11-01", "`corrections:`"),
        ("Modified: 2010-12-05 19:30", "`corrections:`"),
        ("template: custom", "article template"),
        ("save_as: 2025/x.html", "`slug:`"),
        ("SAVE_AS: 2025/x.html", "`slug:`"),
        ("url: 2025/x/", "`slug:`"),
    ],
)
def test_a_pelican_key_is_told_what_the_archive_does_instead(tmp_path, line, meant):
    [problem] = hint_of(tmp_path, line + "\n")
    key = line.split(":")[0]
    assert problem.startswith(f"tytul.pl.md:9: {key}: is not a known field ("), problem
    assert meant in problem and "known fields" not in problem, problem
    assert "tags" not in problem or "tags" in meant, problem


def test_a_pelican_key_meant_as_a_field_already_given_is_told_to_merge_into_it(tmp_path):
    [problem] = hint_of(tmp_path, "tags: [prawa człowieka]\ncategory: Polityka\n")
    assert problem.endswith(
        "(the archive has no categories, only topics: `tags` is given already (or proposed for "
        "another one): delete this one, or merge it there)"
    ), problem


MISSPELT = [
    ("stauts: draft", "status"),
    ("categroy: x", "category"),
    ("save-as: x", "save_as"),
    ("modifed: x", "modified"),
]


@pytest.mark.parametrize(("line", "key"), MISSPELT)
def test_a_pelican_key_misspelt_is_told_as_the_key_itself(tmp_path, line, key):
    [problem] = hint_of(tmp_path, line + "\n")
    assert f"({PELICAN_KEYS[key].hint}" in problem, problem


@pytest.mark.parametrize(
    ("line", "meant"),
    [("tag: [x]", "tags"), ("sumary: Krótko.", "summary"), ("slugs: x", "slug"), ("countrys: [VN]", "countries")],
)
def test_a_key_nearly_one_of_the_archive_s_fields_is_still_told_that_field(tmp_path, line, meant):
    [problem] = hint_of(tmp_path, line + "\n")
    assert problem.endswith(f"(did you mean `{meant}`?)"), problem


def test_a_capitalised_field_of_the_archive_is_told_its_own_name(tmp_path):
    text = FRONT.replace("title: Tytuł", "Title: Tytuł")
    [problem] = told(tmp_path, {ARTICLE: text + BODY})
    assert problem == "tytul.pl.md:2: Title: is not a known field (did you mean `title`?)", problem


def test_every_key_pelican_reads_is_a_field_of_the_archive_or_told_what_it_does_instead():
    """The keys Pelican's readers give a meaning of their own (its docs' "File metadata" name the others kept in
    `PELICAN_KEYS`: `keywords`, `template`)."""
    pelican = {*METADATA_PROCESSORS, *DUPLICATES_DEFINITIONS_ALLOWED}
    assert pelican <= {*FIELD_NAMES, *PELICAN_KEYS}, pelican - {*FIELD_NAMES, *PELICAN_KEYS}
    assert not set(PELICAN_KEYS) & set(FIELD_NAMES)


@pytest.mark.parametrize("value", ["true", "false"])
def test_pelican_s_translation_flag_is_told_what_the_archive_s_translation_holds(tmp_path, value):
    [problem] = hint_of(tmp_path, f"translation: {value}\n")
    assert problem.startswith(f"tytul.pl.md:9: translation: is a yes/no value ({value}), not a mapping ("), problem
    assert "`from:`" in problem and "`by:`" in problem and "an original has none" in problem, problem


def test_a_pelican_url_with_no_source_is_told_once(tmp_path):
    """`url:` for the original's address, where `source:` should hold it: one problem, not a missing source too."""
    text = FRONT.replace(
        "source:\n  url: https://example.org/a\n  publisher: Example\n", "url: https://example.org/a\n"
    )
    [problem] = told(tmp_path, {ARTICLE: text + BODY})
    assert problem.startswith("tytul.pl.md:6: url: is not a known field (") and "under `source:`" in problem


def test_pelican_s_metadata_lines_without_a_front_matter_block_are_told_to_go_between_two_rules(tmp_path):
    text = "Title: Tytuł\nDate: 2025-10-26 10:20\nCategory: Polityka\n\nTekst artykułu.\n"
    [problem] = told(tmp_path, {ARTICLE: text})
    assert problem == (
        "tytul.pl.md:1: front-matter: the file does not start with a '---' line (put a '---' line above "
        "`Title:` and another after the last field: the front-matter is YAML between two '---' lines, its "
        "field names in lower case, `title:`)"
    ), problem


def test_a_file_without_front_matter_is_told_to_start_with_one(tmp_path):
    [problem] = told(tmp_path, {ARTICLE: "Tekst artykułu: bez pól.\n"})
    assert problem.endswith("(put the YAML fields between two '---' lines at the top)"), problem


def test_pelican_s_documented_metadata_is_each_a_field_of_the_archive_or_told_what_it_does_instead():
    assert {*FIELD_NAMES, *PELICAN_KEYS} >= PELICAN_METADATA, PELICAN_METADATA - {*FIELD_NAMES, *PELICAN_KEYS}
