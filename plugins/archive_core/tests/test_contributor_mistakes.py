"""Mistakes a contributor makes in a file they send, each told with its file, line and field, and a hint that
says what to write: a second front-matter block, a date written in words, a list item without its space, a
publisher's host written as an address, a country named instead of its code."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from archive_core import snapshot

TODAY = date(2026, 6, 1)
FRONT = (
    "---\ntitle: Tytuł\ndate: 2025-10-26\nlang: pl\ntranslation_key: tytul\n"
    "source:\n  url: https://example.org/a\n  publisher: Example\n"
)
BODY = "---\nTekst artykułu.\n"
SOURCE = "  - url: https://example.org/s\n    title: S\n    publisher: P\n    accessed: 2026-06-01\n"
EVENT = (
    "id: opening\nkind: signing\ndate: 2025-10-25\ntitle: {pl: Otwarcie, en: Opening}\n"
    f"description: {{pl: Opis., en: Text.}}\nsources:\n{SOURCE}"
)


def told(tmp_path: Path, files: dict[str, str]) -> list[str]:
    """The errors `make check` tells of a content folder of `files`, as `name:line: field: message (hint)`."""
    for name, text in files.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(text, encoding="utf-8")
    problems = [p for p in snapshot.take(tmp_path, today=TODAY).problems if p.severity == "error"]
    return [f"{Path(p.path).name}:{p.line}: {p.field}: {p.message} ({p.hint})" for p in problems]


def test_a_second_front_matter_block_is_refused_at_its_line(tmp_path):
    text = FRONT + "---\n\n---\ntitle: Tytuł drugi\ntags: [x]\n---\nTekst artykułu.\n"
    [problem] = told(tmp_path, {"articles/2025/tytul.pl.md": text})
    assert problem.startswith("tytul.pl.md:11: body: starts with a second front-matter block"), problem
    assert "into the first" in problem


def test_a_rule_and_text_after_the_front_matter_are_a_body(tmp_path):
    text = FRONT + "---\n---\n\nTekst: artykułu.\n"
    assert told(tmp_path, {"articles/2025/tytul.pl.md": text}) == []


@pytest.mark.parametrize(
    "note",
    ["Aktualizacja: konwencja weszła w życie 1 maja.", "Update: the convention entered into force.\n\nSource: PAP."],
)
def test_an_editors_note_between_two_rules_at_the_top_is_a_body(tmp_path, note):
    text = FRONT + f"---\n---\n\n{note}\n\n---\n\nTekst artykułu.\n"
    assert told(tmp_path, {"articles/2025/tytul.pl.md": text}) == []


@pytest.mark.parametrize(
    ("name", "text", "expected"),
    [
        ("articles/2025/tytul.pl.md", FRONT.replace("2025-10-26", "26 października 2025") + BODY, ":3: date: "),
        (
            "articles/2025/tytul.pl.md",
            FRONT + "corrections:\n  - date: 3 listopada 2025\n    change: Poprawiono.\n" + BODY,
            ":10: corrections.0.date: ",
        ),
        (
            "data/countries.yaml",
            "- code: FR\n  status: ratified\n  date: 26 października 2025\n  source: https://example.org/fr\n",
            ":3: FR.date: ",
        ),
        ("data/timeline/opening.yaml", EVENT.replace("2025-10-25", "October 26, 2025"), ":3: date: "),
    ],
)
def test_a_date_written_in_words_is_told_in_iso_form(tmp_path, name, text, expected):
    problems = told(tmp_path, {"articles/2025/a.pl.md": FRONT.replace("tytul", "a") + BODY, name: text})
    wanted = "2025-11-03" if "listopada" in text else "2025-10-26"
    assert any(expected in p and f"write {wanted}" in p for p in problems), problems


def test_a_list_item_without_its_space_is_told_to_take_one(tmp_path):
    text = FRONT + "tags:\n  -ratyfikacja\n  - prawa człowieka\n" + BODY
    [problem] = told(tmp_path, {"articles/2025/tytul.pl.md": text})
    assert problem.startswith("tytul.pl.md:10: tags: is text, not a list"), problem
    assert "\n" not in problem and "- ratyfikacja" in problem


def test_a_publisher_s_host_written_as_an_address_is_told_its_host_and_nothing_of_its_articles(tmp_path):
    article = FRONT.replace("  publisher: Example\n", "") + BODY
    publishers = "- host: https://www.example.org/\n  name: Example\n  source: https://www.example.org/about\n"
    problems = told(tmp_path, {"articles/2025/tytul.pl.md": article, "data/publishers.yaml": publishers})
    assert len(problems) == 1, problems
    assert problems[0].startswith("publishers.yaml:1: record 1.host: ") and "www.example.org" in problems[0]
    assert "write the host alone: www.example.org" in problems[0], problems


@pytest.mark.parametrize(
    ("name", "text", "expected"),
    [
        (
            "data/people.yaml",
            "- name: Anh\n  country: Wietnam\n  role: {pl: a, en: b}\n  articles: [a]\n",
            "people.yaml:2: Anh.country: 'Wietnam' is not a known country code (write VN",
        ),
        (
            "data/country-names.yaml",
            "countries:\n  - code: Polska\n    forms: [Polski]\n    source: https://example.org/pl\n",
            "country-names.yaml:2: code: 'Polska' is not a known country code (write PL",
        ),
    ],
)
def test_a_country_named_instead_of_its_code_is_told_its_code(tmp_path, name, text, expected):
    problems = told(tmp_path, {"articles/2025/a.pl.md": FRONT.replace("tytul", "a") + BODY, name: text})
    assert any(p.startswith(expected) for p in problems), problems


@pytest.mark.parametrize(
    ("name", "text", "expected"),
    [
        (
            "data/people.yaml",
            "- name: Anh\n  country: VN\n  role: {pl: a, en: b}\n  articles: a\n",
            "people.yaml:4: Anh.articles: is text, not a list (write it as a list: articles: [a])",
        ),
        (
            "data/countries.yaml",
            "- code: FR\n  status: ratifed\n  date: 2025-10-26\n  source: https://example.org/fr\n",
            "countries.yaml:2: FR.status: must be one of signed, ratified, not-signed, unknown, not 'ratifed' "
            "(did you mean 'ratified'?)",
        ),
        (
            "data/countries.yaml",
            "- code: PL\n  status: signed\n  date: 2025-10-25\n  place: hanoj\n  source: https://example.org/pl\n",
            "countries.yaml:4: PL.place: must be one of hanoi, new-york, not 'hanoj' (did you mean 'hanoi'?)",
        ),
        (
            "data/timeline/opening.yaml",
            EVENT.replace("kind: signing", "kind: signingg"),
            "opening.yaml:2: kind: event 'opening': 'signingg' is not a known kind (did you mean 'signing'?)",
        ),
    ],
)
def test_a_value_nearly_right_is_told_what_to_write(tmp_path, name, text, expected):
    problems = told(tmp_path, {"articles/2025/a.pl.md": FRONT.replace("tytul", "a") + BODY, name: text})
    assert expected in problems, problems


def test_a_file_saved_in_windows_1250_is_told_its_encoding_and_the_word_at_its_line(tmp_path):
    path = tmp_path / "articles" / "2025" / "tytul.pl.md"
    path.parent.mkdir(parents=True)
    path.write_bytes((FRONT + "---\nKonferencja w Łodzi.\n").encode("cp1250"))
    [problem] = [p for p in snapshot.take(tmp_path, today=TODAY).problems if p.severity == "error"]
    assert (problem.line, problem.field) == (2, "file")  # the first letter of another encoding: `Tytuł`
    assert "Windows-1250" in problem.message and "'Tytuł'" in problem.message, problem
    assert "save it again as UTF-8" in problem.hint


def test_a_misspelt_key_of_an_article_s_mapping_is_told_the_key_meant(tmp_path):
    text = FRONT.replace("  publisher:", "  publsher:") + "translation:\n  form: en\n  by: DeepL\n" + BODY
    problems = told(tmp_path, {"articles/2025/tytul.pl.md": text})
    assert problems == [
        "tytul.pl.md:8: source.publsher: is not a known key (did you mean `publisher`?)",
        "tytul.pl.md:10: translation.form: is not a known key (did you mean `from`?)",
    ], problems
