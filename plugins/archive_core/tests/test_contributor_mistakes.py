"""Mistakes a contributor makes in a file they send, each told with its file, line and field, and a hint that
says what to write: a second front-matter block, a date written in words, a list item without its space, a
publisher's host written as an address, a country named instead of its code."""

from __future__ import annotations

import re
from datetime import date
from itertools import pairwise
from pathlib import Path

import pytest
import yaml

from archive_core import countries, snapshot

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


@pytest.mark.parametrize("host", ["WWW.EXAMPLE.NET", "www.example.net.", "Https://WWW.Example.NET/about"])
def test_a_publisher_s_host_in_capitals_or_with_a_final_dot_is_told_as_it_is_written(tmp_path, host):
    # The hint was `www.example.org`, another site, whatever the host.
    publishers = f"- host: {host}\n  name: Example\n  source: https://www.example.net/about\n"
    [problem] = told(tmp_path, {"data/publishers.yaml": publishers})
    # The record named as the file writes its host, where a field's name can hold it: as the YAML reading names it.
    label = "record 1" if "/" in host else host
    assert problem.startswith(f"publishers.yaml:1: {label}.host: "), problem
    assert "write the host alone: www.example.net)" in problem, problem


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
            "country-names.yaml:2: countries.0.code: 'Polska' is not a known country code (write PL",
        ),
    ],
)
def test_a_country_named_instead_of_its_code_is_told_its_code(tmp_path, name, text, expected):
    problems = told(tmp_path, {"articles/2025/a.pl.md": FRONT.replace("tytul", "a") + BODY, name: text})
    assert any(p.startswith(expected) for p in problems), problems


@pytest.mark.parametrize(("written", "code"), [("UE", "EU"), ("ue", "EU"), ("Unia Europejska", "EU")])
def test_the_european_union_written_as_polish_abbreviates_it_is_told_eu(tmp_path, written, code):
    """`UE` (Unia Europejska) was told the rule alone, "ISO 3166-1 alpha-2 in capitals (VN, PL, ZA) or EU"."""
    text = FRONT.replace("lang: pl", f"lang: pl\ncountries: [VN, {written}]") + BODY
    [problem] = told(tmp_path, {"articles/2025/tytul.pl.md": text})
    assert f"countries.1: '{written}' is not a known country code (write {code}:" in problem, problem
    followed = text.replace(f"[VN, {written}]", f"[VN, {code}]")
    assert told(tmp_path, {"articles/2025/tytul.pl.md": followed}) == []


@pytest.mark.parametrize(("written", "code"), [("EL", "GR"), ("el", "GR"), ("UK", "GB")])
def test_a_code_the_eu_gives_a_country_instead_of_iso_s_is_told_iso_s(tmp_path, written, code):
    """`EL` (the EU's code for Greece, as `UK` is for the United Kingdom) was told the rule alone."""
    text = FRONT.replace("lang: pl", f"lang: pl\ncountries: [VN, {written}]") + BODY
    [problem] = told(tmp_path, {"articles/2025/tytul.pl.md": text})
    assert f"countries.1: '{written}' is not a known country code (write {code}:" in problem, problem
    people = f"- name: Anh\n  country: {written}\n  role: {{pl: a, en: b}}\n  articles: [tytul]\n"
    files = {"articles/2025/tytul.pl.md": FRONT + BODY, "data/people.yaml": people}
    assert any(f"country: '{written}' is not a known country code (write {code}:" in p for p in told(tmp_path, files))


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


ARTICLE_A = FRONT.replace("tytul", "a").replace("title: Tytuł", "title: Artykuł A") + BODY  # at an address of its own
NAMES = "countries:\n  - code: VN\n    forms: [Wietnamu]\n    source: https://example.org/vn\n"


@pytest.mark.parametrize(
    ("name", "text", "fields"),
    [
        ("articles/2025/tytul.pl.md", FRONT + "countries: [XX, 2025-13-01]\n" + BODY, ["countries.0", "countries.1"]),
        (
            "data/timeline/opening.yaml",
            EVENT + "countries: [XX, 2025-13-01]\n",
            ["countries.0", "countries.1"],
        ),
        (
            "data/people.yaml",
            "- name: Anh\n  country: VN\n  role: {pl: a, en: b}\n  articles: [gone, 2025-13-01, a, '']\n",
            ["Anh.articles.0", "Anh.articles.1", "Anh.articles.3"],
        ),
    ],
)
def test_the_problems_of_one_line_are_told_in_the_order_it_writes_them(tmp_path, name, text, fields):
    """A YAML reading's finding (a date no calendar has) and a reader's (a code no country has) on one line."""
    problems = told(tmp_path, {"articles/2025/a.pl.md": ARTICLE_A, name: text})
    assert [p.split(": ")[1] for p in problems if Path(name).name in p] == fields, problems


@pytest.mark.parametrize(
    ("name", "text", "expected"),
    [
        ("data/timeline/opening.yaml", EVENT.replace("2025-10-25", "October 2025"), ":3: date: "),
        ("data/timeline/opening.yaml", EVENT.replace("2025-10-25", "październik 2025"), ":3: date: "),
        (
            "data/timeline/opening.yaml",
            EVENT.replace("2025-10-25", "{start: October 2025, end: 2025-12}"),
            ":3: date.start: ",
        ),
        (
            "data/countries.yaml",
            "- code: FR\n  status: ratified\n  date: October 2025\n  source: https://example.org/fr\n",
            ":3: FR.date: ",
        ),
        ("articles/2025/tytul.pl.md", FRONT.replace("2025-10-26", "października 2025") + BODY, ":3: date: "),
        ("data/convention.yaml", "as_of: October 2025\n", ":1: as_of: "),
    ],
)
def test_a_month_written_in_words_is_told_in_iso_form(tmp_path, name, text, expected):
    """Where a month is a date (an event's), `2025-10`; where a day is needed, `2025-10-` and the day."""
    problems = told(tmp_path, {"articles/2025/a.pl.md": ARTICLE_A, name: text})
    wanted = "write 2025-10:" if "timeline" in name else "write 2025-10-DD"
    assert any(expected in p and wanted in p for p in problems), problems


@pytest.mark.parametrize(
    ("name", "text", "expected"),
    [
        (
            "data/countries.yaml",
            "- code: FR\n  status: ratyfikowała\n  date: 2025-10-26\n  source: https://example.org/fr\n",
            "FR.status: must be one of signed, ratified, not-signed, unknown, not 'ratyfikowała' (did you mean "
            "'ratified'?)",
        ),
        (
            "data/countries.yaml",
            "- code: FR\n  status: Not Signed\n  source: https://example.org/fr\n",
            "(did you mean 'not-signed'?)",
        ),
        (
            "data/countries.yaml",
            "- code: FR\n  status: pending\n  source: https://example.org/fr\n",
            "(one of: signed, ratified, not-signed, unknown)",
        ),
        (
            "data/countries.yaml",
            "- code: PL\n  status: signed\n  date: 2025-10-25\n  place: Nowy Jork\n  source: https://example.org/pl\n",
            "(did you mean 'new-york'?)",
        ),
        ("data/timeline/opening.yaml", EVENT.replace("kind: signing", "kind: podpisanie"), "(did you mean 'signing'?)"),
        (
            "articles/2025/tytul.pl.md",
            FRONT + "annotations:\n  - text: Tekst\n    note: x\n    kind: cytat\n" + BODY,
            "(did you mean 'quote'?)",
        ),
        ("articles/2025/tytul.pl.md", FRONT.replace("lang: pl", "lang: polski") + BODY, "(did you mean 'pl'?)"),
        # Two days in words are never told as the first of them: an event the range, a date the two to choose from.
        (
            "data/timeline/opening.yaml",
            EVENT.replace("2025-10-25", "25-26 October 2025"),
            ":3: date: event 'opening': '25-26 October 2025' is not a date (a range is written `date: {start: "
            "2025-10-25, end: 2025-10-26}`)",
        ),
        (
            "data/timeline/opening.yaml",
            EVENT.replace("2025-10-25", "25–26 października 2025"),
            "a range is written `date: {start: 2025-10-25, end: 2025-10-26}`",
        ),
        (
            "articles/2025/tytul.pl.md",
            FRONT.replace("2025-10-26", "October 25-26, 2025") + BODY,
            ":3: date: 'October 25-26, 2025' is not a date (two days: write the one meant, 2025-10-25 or 2025-10-26",
        ),
    ],
)
def test_a_value_written_in_words_or_in_the_other_language_is_told_the_value_meant(tmp_path, name, text, expected):
    problems = told(tmp_path, {"articles/2025/a.pl.md": ARTICLE_A, name: text})
    assert any(expected in p for p in problems), problems


@pytest.mark.parametrize("status", ["nie ratyfikowała", "nieratyfikowana", "not ratified", "unratified", "non-signed"])
def test_a_value_written_negated_is_never_told_the_value_it_negates(tmp_path, status):
    """`nie ratyfikowała` (did not ratify) is spelt nearly as `ratyfikowała`: 'ratified' is its opposite."""
    text = f"- code: FR\n  status: {status}\n  source: https://example.org/fr\n"
    problems = told(tmp_path, {"articles/2025/a.pl.md": ARTICLE_A, "data/countries.yaml": text})
    [problem] = [p for p in problems if "FR.status" in p]
    assert "did you mean 'ratified'" not in problem and "did you mean 'signed'" not in problem, problem


@pytest.mark.parametrize(
    ("name", "text", "expected"),
    [
        (
            "data/timeline/opening.yaml",
            EVENT.replace("id: opening", "id: Opening Ceremony"),
            "opening.yaml:1: id: event 'Opening Ceremony': 'Opening Ceremony' is not a valid id (write `id: "
            "opening-ceremony`:",
        ),
        (
            "articles/2025/tytul-artykulu.pl.md",  # the key of its name (another is told both ways: test_hints_agree)
            FRONT.replace("translation_key: tytul", "translation_key: Tytuł Artykułu") + BODY,
            "tytul-artykulu.pl.md:5: translation_key: 'Tytuł Artykułu' is not a valid slug (write `translation_key: "
            "tytul-artykulu`:",
        ),
        (
            "articles/2025/tytul.pl.md",
            FRONT + "slug: Konwencja_Podpisana\n" + BODY,
            "tytul.pl.md:9: slug: 'Konwencja_Podpisana' is not a valid slug (write `slug: konwencja-podpisana`:",
        ),
    ],
)
def test_an_id_or_slug_with_spaces_or_capitals_is_told_its_slug(tmp_path, name, text, expected):
    problems = told(tmp_path, {"articles/2025/a.pl.md": ARTICLE_A, name: text})
    assert any(p.startswith(expected) for p in problems), problems


@pytest.mark.parametrize("written", ["Main", "Search Results", "Next"])
def test_an_id_is_never_told_to_be_written_as_an_id_the_page_keeps_for_itself(tmp_path, written):
    """`Main` made as an id is `main`, the skip link's target: the hint that proposed it led to one more error."""
    event = EVENT.replace("id: opening", f"id: {written}")
    problems = told(tmp_path, {"articles/2025/a.pl.md": ARTICLE_A, "data/timeline/opening.yaml": event})
    [problem] = [p for p in problems if ": id: " in p]
    assert "write `id:" not in problem and "name the file" not in problem, problem


def test_a_slug_is_never_told_to_be_written_as_the_address_of_a_year_s_next_pages(tmp_path):
    problems = told(tmp_path, {"articles/2025/tytul.pl.md": FRONT + "slug: Page\n" + BODY})
    [problem] = [p for p in problems if ": slug: " in p]
    assert "write `slug: page`" not in problem, problem


def test_a_count_in_quotes_is_told_to_drop_them(tmp_path):
    convention = 'as_of: 2026-06-01\nhanoi_signatures:\n  total: "4"\n  states: 3\n  organisations: 1\n'
    problems = told(tmp_path, {"articles/2025/a.pl.md": ARTICLE_A, "data/convention.yaml": convention})
    assert any(p.startswith("convention.yaml:3: hanoi_signatures.total: ") for p in problems), problems
    assert any("drop the quotes: `total: 4`" in p for p in problems), problems


@pytest.mark.parametrize("count", ['"' + "9" * 5000 + '"', "9" * 5000 + ".0", '"' + "4" * 20 + '"'])
def test_a_count_of_more_digits_than_python_reads_is_told_not_a_count(tmp_path, count):
    """A hint that reads a quoted count as a number never fails on one of thousands of digits."""
    convention = f"as_of: 2026-06-01\nhanoi_signatures:\n  total: {count}\n  states: 3\n  organisations: 1\n"
    problems = told(tmp_path, {"articles/2025/a.pl.md": ARTICLE_A, "data/convention.yaml": convention})
    assert any(re.match(r"convention\.yaml:3: (convention\.)?hanoi_signatures\.total: ", p) for p in problems), problems


def test_country_names_name_their_fields_as_the_yaml_reading_does(tmp_path):
    """`countries.0.forms.1`, the path from the file's top, by the reader as by the YAML reading."""
    names = NAMES.replace("[Wietnamu]", "[Wietnamu, '', 5, 2025-13-01]").replace("code: VN", "code: vn")
    problems = told(tmp_path, {"articles/2025/a.pl.md": ARTICLE_A, "data/country-names.yaml": names})
    fields = [p.split(": ")[1] for p in problems]
    assert fields == ["countries.0.code", "countries.0.forms.1", "countries.0.forms.2", "countries.0.forms.3"], problems


def test_an_empty_list_item_is_told_in_one_wording_in_every_file(tmp_path):
    files = {
        "articles/2025/a.pl.md": FRONT.replace("tytul", "a") + "countries:\n  - VN\n  -\n" + BODY,
        "data/people.yaml": "- name: Anh\n  country: VN\n  role: {pl: a, en: b}\n  articles: [a, '']\n",
        "data/country-names.yaml": NAMES.replace("[Wietnamu]", "[Wietnamu, ' ']"),
        "data/timeline/opening.yaml": EVENT + "countries: [VN, '']\n",
    }
    problems = [p for p in told(tmp_path, files) if "empty" in p]
    wordings = {p.rsplit(": ", 1)[1] for p in problems}  # after the field, and an event's `event 'opening'`
    assert len(problems) == 4 and len(wordings) == 1, problems


@pytest.mark.parametrize(
    ("block", "second"),
    [
        ("note: the text was updated on 3 November.", False),
        ("note: poprawiono\nupdate: 3 listopada", False),
        ("editor_note: Poprawiono.", True),
        ("title: Tytuł drugi\nlang: pl", True),
        ("titel: Tytuł drugi\nlang: pl", True),
    ],
)
def test_a_block_between_rules_is_a_second_front_matter_only_when_its_keys_are_fields(tmp_path, block, second):
    """An editor's note written between two rules is text; a block of the schema's fields (or their near misses)
    is a second front-matter."""
    text = FRONT + f"---\n\n---\n{block}\n---\n\nTekst artykułu.\n"
    problems = told(tmp_path, {"articles/2025/tytul.pl.md": text})
    assert [p for p in problems if "second front-matter" in p] == ([problems[0]] if second else []), problems


PERSON_WITHOUT_SOURCES = "- name: Anh\n  country: VN\n  role: {pl: a, en: b}\n  official_name: Anh\n  sources: []\n"


@pytest.mark.parametrize(
    ("name", "text"),
    [
        ("data/timeline/opening.yaml", EVENT[: EVENT.index("sources:")] + "sources: https://example.org/s\n"),
        ("data/timeline/opening.yaml", EVENT[: EVENT.index("sources:")] + "sources: []\n"),
        ("data/people.yaml", PERSON_WITHOUT_SOURCES),
    ],
)
def test_the_sources_a_hint_shows_are_written_as_yaml_reads_them(tmp_path, name, text):
    """`sources: [- url: ...]` mixed a list's two forms: written in, it was a YAML error."""
    problems = [p for p in told(tmp_path, {"articles/2025/a.pl.md": ARTICLE_A, name: text}) if "sources:" in p]
    shown = [re.search(r"`(sources: \[.*?\])`", p) for p in problems]
    assert problems and all(shown), problems
    for example in shown:
        [source] = yaml.safe_load(example[1].replace("...", "x"))["sources"]
        assert isinstance(source, dict) and "url" in source, example[1]


@pytest.mark.parametrize("tag", ["???", "—", "🙂", "🇵🇱", "&#128512;", "&nbsp;", "∞"])
def test_a_tag_with_no_letter_or_figure_for_its_address_is_refused_at_its_line(tmp_path, tag):
    """Its topic page would have no address (Pelican: "Unable to generate valid slug for Tag")."""
    text = FRONT + f"tags:\n  - prawa człowieka\n  - {tag!r}\n" + BODY
    [problem] = told(tmp_path, {"articles/2025/tytul.pl.md": text})
    assert problem.startswith(f"tytul.pl.md:11: tags.1: {tag!r} has no letters or digits"), problem
    assert problem.endswith("(name the topic in words)"), problem


@pytest.mark.parametrize(
    ("name", "meant"),
    [
        ("countrys.yaml", "countries.yaml"),
        ("Countries.yaml", "countries.yaml"),
        ("people.yml", "people.yaml"),
        ("publisher.yaml", "publishers.yaml"),
        ("country_names.yaml", "country-names.yaml"),
    ],
)
def test_a_data_file_nearly_named_as_one_is_told_its_name(tmp_path, name, meant):
    problems = told(tmp_path, {"articles/2025/tytul.pl.md": FRONT + BODY, f"data/{name}": "- code: FR\n"})
    assert problems == [f"{name}:None: file: is not read by the build and would never be published "
                        f"(did you mean data/{meant}? rename it)"], problems  # fmt: skip


@pytest.mark.parametrize(("name", "meant"), [("people.yml", "people.yaml"), ("Publishers.yaml", "publishers.yaml")])
def test_a_data_file_nearly_named_as_one_that_is_there_is_not_told_to_take_its_name(tmp_path, name, meant):
    """Renamed as told, it would overwrite the data file."""
    files = {"articles/2025/tytul.pl.md": FRONT + BODY, f"data/{name}": "- code: FR\n", f"data/{meant}": "[]\n"}
    [problem] = [problem for problem in told(tmp_path, files) if problem.startswith(f"{name}:")]
    assert "rename it" not in problem and f"data/{meant}? it is there already: merge" in problem, problem


def test_a_data_file_named_as_none_is_told_where_each_kind_of_file_goes(tmp_path):
    [problem] = told(tmp_path, {"articles/2025/tytul.pl.md": FRONT + BODY, "data/timeline.yaml": "- id: x\n"})
    assert f"({tmp_path}/ holds articles/" in problem and "did you mean" not in problem, problem  # the folder checked


@pytest.mark.parametrize(
    ("name", "lang", "written", "meant", "lang_meant"),
    [
        ("tytul.pl.md", "pl", "from: pl", "from: en", "pl"),  # the translation's own language typed for the original's
        ("tytul.pl.md", "en", "from: en", "from: pl", "pl"),  # `lang:` typed as the original's, in a `.pl.md` file
    ],
)
def test_a_translation_from_its_own_language_is_told_both_ways_out(tmp_path, name, lang, written, meant, lang_meant):
    """Was told `must be the other archive language, not 'pl' (the language of the original: one of en)`: not which
    language it is the file's own, nor that `lang:` may be the slip."""
    text = FRONT.replace("lang: pl", f"lang: {lang}") + f"translation:\n  {written}\n  by: Jan\n" + BODY
    *path_told, problem = told(tmp_path, {f"articles/2025/{name}": text})
    # A `lang:` the file's name contradicts is told so too, at its own line.
    assert path_told == ([] if lang == lang_meant else [f"{name}:4: lang: is {lang!r}, but the file's name {name} says "
                         f"{lang_meant!r} (write `lang: {lang_meant}` if the text is in {lang_meant!r}; if it is in "
                         f"{lang!r}, rename the file to tytul.{lang}.md, in its folder)"])  # fmt: skip
    assert problem.startswith(
        f"{name}:10: translation.from: is {lang!r}, the language of this file itself (`lang: {lang}`) (a translation "
        f"is from the other version's language: write `{meant}`; or, if this file's text is in "
    ), problem
    # The way out the file's name points to, followed, ends it: `lang: pl`, translated from English.
    fixed = FRONT.replace("lang: pl", f"lang: {lang_meant}") + "translation:\n  from: en\n  by: Jan\n" + BODY
    assert told(tmp_path, {f"articles/2025/{name}": fixed}) == []


@pytest.mark.parametrize(
    ("name", "text", "expected"),
    [
        ("articles/2025/tytul.pl.md", FRONT.replace("lang: pl", "lang\u00a0: pl") + BODY,
         "tytul.pl.md:4: 'lang\\xa0': is not a known field (it holds U+00A0 (NO-BREAK SPACE), which shows as a space "
         "or as nothing: retype it `lang`)"),
        ("data/timeline/opening.yaml", EVENT.replace("kind:", "kind\u00a0:"),
         "opening.yaml:2: 'kind\\xa0': event 'opening': is not a known field (it holds U+00A0 (NO-BREAK SPACE), "
         "which shows as a space or as nothing: retype it `kind`)"),
    ],
    ids=["an article's field", "an event's field"],
)  # fmt: skip
def test_a_field_name_holding_a_space_pasted_from_a_web_page_is_told_to_retype_it(tmp_path, name, text, expected):
    """`lang\u00a0:` (a no-break space pasted from a web page) was told 'did you mean `lang`?' of a line that shows
    `lang :`: the contributor saw nothing to change."""
    assert told(tmp_path, {name: text}) == [expected]


def test_a_hidden_character_where_a_key_is_written_is_told_where_that_is(tmp_path):
    """The hint said the character stood 'before its first ':'', which a contributor read as the value's."""
    text = "- code: AO\n\u200b  status: unknown\n"
    [problem] = told(tmp_path, {"data/countries.yaml": text})
    assert (
        "this line holds U+200B (ZERO WIDTH SPACE), a character no reader sees, where its key is written (from the "
        "line's start to the ':' after the key): YAML reads it as part of the key or of the indentation; delete it "
        "(retype the line up to that ':')"
    ) in problem, problem


def test_a_hint_names_the_content_folder_checked_not_the_repository_s(tmp_path, monkeypatch):
    """With ARCHIVE_CONTENT elsewhere, a hint sent the contributor to content/data/publishers.yaml, another folder's
    file, which followed changed nothing of the folder checked."""
    monkeypatch.chdir(tmp_path.parent)  # the folder checked is `<tmp_path's name>/`, not `content/`
    [problem] = told(tmp_path, {"articles/2025/tytul.pl.md": FRONT.replace("  publisher: Example\n", "") + BODY})
    assert f"or add its site example.org to {tmp_path.name}/data/publishers.yaml)" in problem, problem
    assert "content/" not in problem


CHAIN = (
    "translation:\n  from: en\n  by: Jan\ntranslation_chain:\n"
    "  - from: vi\n    to: de\n    by: A\n  - from: de\n    to: vi\n    by: B\n"
    "  - from: vi\n    to: en\n    by: C\n  - from: en\n    to: pl\n    by: D\n"
)


def test_a_translation_chain_that_loops_is_told_the_steps_to_delete(tmp_path):
    """`vi` to `de`, then `de` to `vi`: the chain joined, step to step, and was published, naming two translations
    that gave back the text the chain started from."""
    english = FRONT.replace("lang: pl", "lang: en") + BODY
    files = {"articles/2025/tytul.en.md": english, "articles/2025/tytul.pl.md": FRONT + CHAIN + BODY}
    [problem] = told(tmp_path, files)
    assert problem == (
        "tytul.pl.md:17: translation_chain.1.to: 'vi' is the language step 1 translates from: the chain loops (each "
        "step translates into a language the text was not in yet: delete steps 1 to 2 (lines 13 to 18), or correct "
        "this `to:` and the `from:` of step 3)"
    )
    lines = (FRONT + CHAIN + BODY).split("\n")
    del lines[12:18]  # lines 13 to 18, as told
    assert told(tmp_path, {"articles/2025/tytul.pl.md": "\n".join(lines)}) == []


@pytest.mark.parametrize(
    ("chain", "told_steps", "deleted"),
    [
        # `by: >-` ends at the start of the next step's line: that line was told to be deleted too.
        (CHAIN.replace("by: B\n", "by: >-\n      B\n"), "delete steps 1 to 2 (lines 13 to 19),", slice(12, 19)),
        # Steps on one line: "lines 12 to 12" deleted the whole chain, steps 3 and 4 with it.
        (
            CHAIN.split("translation_chain:")[0] + "translation_chain: [{from: vi, to: de, by: A}, "
            "{from: de, to: vi, by: B}, {from: vi, to: en, by: C}, {from: en, to: pl, by: D}]\n",
            "delete steps 1 to 2, or",
            None,
        ),
        # The last step's `to:` is the file's language: it cannot be corrected; one step is no "steps 1 to 1".
        (
            CHAIN.split("translation_chain:")[0] + "translation_chain:\n  - {from: pl, to: en, by: A}\n  - {from: en, "
            "to: pl, by: B}\n",
            "delete steps 1 to 2 (lines 13 to 14))",
            slice(12, 14),
        ),
        (
            CHAIN.split("translation_chain:")[0] + "translation_chain:\n  - {from: vi, to: vi, by: A}\n  - {from: vi, "
            "to: en, by: B}\n  - {from: en, to: pl, by: C}\n",
            "delete step 1 (line 13), or correct this `to:` and the `from:` of step 2)",
            slice(12, 13),
        ),
    ],
)
def test_a_looping_chain_s_hint_names_the_lines_of_its_steps_alone(tmp_path, chain, told_steps, deleted):
    english = FRONT.replace("lang: pl", "lang: en") + BODY
    files = {"articles/2025/tytul.en.md": english, "articles/2025/tytul.pl.md": FRONT + chain + BODY}
    [problem] = told(tmp_path, files)
    assert told_steps in problem, problem
    if deleted is not None:  # followed: nothing is left to tell
        lines = (FRONT + chain + BODY).split("\n")
        del lines[deleted]
        assert told(tmp_path, {"articles/2025/tytul.pl.md": "\n".join(lines)}) == []


@pytest.mark.parametrize(
    ("name", "key_line"),
    [
        ("łódź-konferencja", "translation_key: łódź-konferencja\n"),
        ("Łódź-Konferencja", "translation_key: Łódź-Konferencja\n"),
        ("łódź-konferencja", ""),  # left out: the name gives no key that may be written
    ],
    ids=["the key as the name", "in capitals", "no key"],
)
def test_a_file_named_with_letters_a_key_cannot_hold_is_told_its_name_and_key_in_one_hint(tmp_path, name, key_line):
    """`łódź-konferencja.pl.md` was told to write `translation_key: lodz-konferencja`, and, that done, to rename the
    file to it: two rounds for one slip."""
    text = FRONT.replace("translation_key: tytul\n", key_line) + BODY
    [problem] = told(tmp_path / "sent", {f"articles/2025/{name}.pl.md": text})
    assert "`translation_key: lodz-konferencja`" in problem, problem
    assert "rename the file to lodz-konferencja.pl.md" in problem, problem
    followed = FRONT.replace("translation_key: tytul", "translation_key: lodz-konferencja") + BODY
    assert told(tmp_path / "followed", {"articles/2025/lodz-konferencja.pl.md": followed}) == []


@pytest.mark.parametrize(
    ("name", "key_line"),
    [
        ("cón", ""),  # the name's key as a key may be written: `con`
        ("cón", "translation_key: Cón\n"),
        ("tytul", "translation_key: Cón\n"),
        ("tytul", "translation_key: con\n"),  # a key: the file is told to take its name
    ],
    ids=["no key", "the name's key", "a key to write", "a key written"],
)
def test_no_hint_names_a_key_that_names_a_file_windows_reserves(tmp_path, name, key_line):
    """`cón.pl.md` was told to write `translation_key: con` and to rename the file to con.pl.md, a name Windows
    reserves for a device, refused once followed: a hint that, followed, failed a round later."""
    text = FRONT.replace("translation_key: tytul\n", key_line) + BODY
    [problem] = told(tmp_path, {f"articles/2025/{name}.pl.md": text})
    assert problem.startswith(f"{name}.pl.md:"), problem
    assert "translation_key: con`" not in problem and "to con.pl.md" not in problem, problem
    assert "Windows reserves for a device" in problem and "add a word to the key (`-conference`)" in problem, problem
    followed = FRONT.replace("translation_key: tytul", "translation_key: con-conference") + BODY
    assert told(tmp_path / "followed", {"articles/2025/con-conference.pl.md": followed}) == []


@pytest.mark.parametrize(
    ("front", "spaces"),
    [
        (FRONT.replace("  url:", "\turl:"), 2),  # under `source:`: a level in
        (FRONT.replace("  url:", "\turl:").replace("  publisher:", "\tpublisher:"), 2),
        (FRONT.replace("  url:", "\turl:").replace("  publisher:", "\tpublisher:") + "tags: [x]\n", 2),
        (FRONT.replace("lang: pl", "\tlang: pl"), 0),  # a top-level key: its siblings' level
        (FRONT.replace("source:\n", "source:\n\t# the original\n"), 2),  # a comment, as the lines under it
    ],
    ids=["one line", "two lines", "two lines, then a top-level key", "a top-level key", "a comment"],
)
def test_a_line_indented_with_a_tab_is_told_with_the_file_s_other_problems(tmp_path, front, spaces):
    """The tab was the one problem told: YAML read nothing else, and the date and the country, wrong too, were told
    a round later."""
    text = front.replace("lang: pl", "lang: pl\ncountries: [pl]").replace("date: 2025-10-26", "date: 26.10.2025")
    problems = told(tmp_path / "sent", {"articles/2025/tytul.pl.md": text + BODY})
    tabbed = [number for number, line in enumerate(text.split("\n"), start=1) if line.startswith("\t")]
    told_tabs = [problem for problem in problems if ": front-matter: " in problem]
    assert [int(problem.split(":")[1]) for problem in told_tabs] == tabbed, problems
    for problem in told_tabs:
        said = f"indent this line with {spaces} spaces, as" if spaces else "delete the tab"
        assert said in problem, problem
    assert any("date: '26.10.2025' is not a date" in problem for problem in problems), problems
    assert any("countries.0: 'pl'" in problem for problem in problems), problems
    followed = text.replace("\t", " " * spaces).replace("26.10.2025", "2025-10-26").replace("[pl]", "[PL]")
    assert told(tmp_path / "followed", {"articles/2025/tytul.pl.md": followed + BODY}) == []


def test_a_tab_where_the_lines_around_it_are_at_two_levels_is_told_alone(tmp_path):
    """After a block's last line the tab's line may be the block's or the next field: read as either, its other
    problems would be of a guess (`name.country: is not an archive language`)."""
    text = FRONT.replace("lang: pl", "lang: pl\ncountries: [pl]").replace("  publisher:", "\tpublisher:")
    text = text.replace("source:\n", "source:\n  accessed: 2026-01-01\n") + "tags: [x]\n"
    [problem] = told(tmp_path, {"articles/2025/tytul.pl.md": text + BODY})
    assert "this line is indented with a tab: YAML indents with spaces only; replace the tab with spaces" in problem


def test_two_versions_neither_a_translation_are_told_so_beside_another_problem_of_one(tmp_path):
    """`countries: [UE]` in one version kept it unread, and the pair's problem, which needs only its
    translation_key, lang and translation, was told a round later, once the country was fixed."""
    english = FRONT.replace("lang: pl", "lang: en\ncountries: [UE]") + BODY
    files = {"articles/2025/tytul.pl.md": FRONT + BODY, "articles/2025/tytul.en.md": english}
    problems = told(tmp_path, files)
    assert [problem.split(": ")[1] for problem in problems] == ["countries.0", "translation"], problems
    assert problems[1].startswith("tytul.pl.md:5: translation: the 'en' version "), problems
    assert "neither says it is a translation" in problems[1], problems
    # The devserver reads the edited file again: the same problems.
    first = snapshot.take(tmp_path, today=TODAY)
    again = first.updated([tmp_path / "articles/2025/tytul.en.md"])
    assert [str(p) for p in again.errors] == [str(p) for p in first.errors]
    followed = english.replace("[UE]", "[EU]").replace("lang: en\n", "lang: en\ntranslation:\n  from: pl\n  by: Jan\n")
    assert told(tmp_path, {"articles/2025/tytul.en.md": followed}) == []


def test_an_event_naming_an_article_whose_file_name_is_no_key_is_proposed_the_key_it_will_have(tmp_path):
    """The event was told "did you mean 'łódź-konferencja'?", the file's name, which no key may be, and the file
    is told to become `lodz-konferencja`: followed, the event's hint was wrong a round later."""
    article = FRONT.replace("translation_key: tytul", "translation_key: łódź-konferencja") + BODY
    event = EVENT + "articles: [lodz-konferencj]\n"
    files = {"articles/2025/łódź-konferencja.pl.md": article, "data/timeline/opening.yaml": event}
    problems = told(tmp_path / "sent", files)
    [told_event] = [problem for problem in problems if problem.startswith("opening.yaml")]
    assert "(did you mean 'lodz-konferencja'?)" in told_event, problems
    followed = {
        "articles/2025/lodz-konferencja.pl.md": article.replace("łódź-konferencja", "lodz-konferencja"),
        "data/timeline/opening.yaml": event.replace("lodz-konferencj]", "lodz-konferencja]"),
    }
    assert told(tmp_path / "followed", followed) == []


def _flow_chain(origin: str, *languages: str) -> str:
    """A `translation:` from the last step's language and a chain through `languages`, one step a line (line 13 on)."""
    steps = "".join(
        f"  - {{from: {a}, to: {b}, by: T{index}}}\n" for index, (a, b) in enumerate(pairwise(languages), start=1)
    )
    return f"translation:\n  from: {origin}\n  by: Jan\ntranslation_chain:\n{steps}"


@pytest.mark.parametrize(
    ("languages", "told_steps"),
    [
        # A loop inside a loop: told `en..en` first, then, followed, `vi..vi`: two rounds for one chain.
        (("vi", "en", "fr", "en", "vi", "en", "pl"), ["delete steps 1 to 4 (lines 13 to 16))"]),
        # Two loops apart: told the first, then, followed, the second.
        (
            ("vi", "de", "vi", "en", "fr", "en", "pl"),
            ["delete steps 1 to 2 (lines 13 to 14))", "delete steps 4 to 5 (lines 16 to 17))"],
        ),
        # Loops that share a language: `en` before steps 2 and 4 and after step 5.
        (
            ("vi", "en", "fr", "en", "de", "en", "pl"),
            ["delete steps 2 to 3 (lines 14 to 15))", "delete steps 4 to 5 (lines 16 to 17))"],
        ),
    ],
)
def test_every_loop_of_a_translation_chain_is_told_at_once_and_followed_ends_them(tmp_path, languages, told_steps):
    """A chain with more than one loop was told one loop a run (the first step back into a language), the next
    only once that one was deleted."""
    english = FRONT.replace("lang: pl", "lang: en") + BODY
    text = FRONT + _flow_chain(languages[-2], *languages) + BODY
    problems = told(tmp_path, {"articles/2025/tytul.en.md": english, "articles/2025/tytul.pl.md": text})
    assert len(problems) == len(told_steps), problems
    for problem, steps in zip(problems, told_steps, strict=True):
        assert "the chain loops" in problem and steps in problem, problem
    lines = text.split("\n")
    for problem in problems:  # every hint followed at once
        first, last = re.search(r"\(lines? (\d+)(?: to (\d+))?\)", problem).groups()
        for number in range(int(first), int(last or first) + 1):
            lines[number - 1] = None
    assert told(tmp_path, {"articles/2025/tytul.pl.md": "\n".join(x for x in lines if x is not None)}) == []


def test_two_versions_that_each_say_they_translate_the_other_are_told_to_keep_one_translation(tmp_path):
    """Each was told 'remove `translation:` from it': followed in both files, neither said it was a translation,
    which is refused too."""
    english = FRONT.replace("lang: pl", "lang: en") + "translation:\n  from: pl\n  by: Jan\n" + BODY
    polish = FRONT + "translation:\n  from: en\n  by: Jan\n" + BODY
    problems = told(tmp_path, {"articles/2025/tytul.en.md": english, "articles/2025/tytul.pl.md": polish})
    assert [problem.split(": ")[1] for problem in problems] == ["translation.from", "translation.from"]
    for problem, other in zip(problems, ("tytul.pl.md", "tytul.en.md"), strict=True):
        assert "one version is the original: remove `translation:` from that one, this file or " in problem, problem
        assert f"articles/2025/{other}, and keep it in the other)" in problem, problem
    # Followed in one of the two files, as each says: nothing is left.
    assert told(tmp_path, {"articles/2025/tytul.en.md": FRONT.replace("lang: pl", "lang: en") + BODY}) == []


def test_files_no_link_reaches_are_each_told_once_a_name_of_their_own(tmp_path):
    """`a b.pdf` and `a#b.pdf` were both told to be renamed `a-b.pdf` (followed, the second overwrote the first), and
    a linked `c?d.pdf` was told twice, at the link and as a name Windows cannot hold."""
    article = FRONT + "---\nTekst artykułu i [plik]({static}/images/c?d.pdf).\n"
    files = {
        "articles/2025/tytul.pl.md": article,
        **{f"images/{name}.pdf": name for name in ("a b", "a#b", "c?d", "c d")},
    }
    problems = told(tmp_path, files)
    assert len(problems) == 4, problems
    renamed = [re.search(r"such as (images/[\w.-]+), linked as", problem)[1] for problem in problems]
    assert len(set(renamed)) == 4, renamed
    # Each hint followed: the file renamed so, and the link, where it is told at one, written with the new name.
    for problem, name in zip(problems, renamed, strict=True):
        linked = re.search(r"points to (images/.+?), a name", problem)
        old = linked[1] if linked else f"images/{problem.split(':')[0]}"
        (tmp_path / old).rename(tmp_path / name)
        if "link '{static}/" in problem:
            article = article.replace(f"{{static}}/{old}", f"{{static}}/{name}")
    left = told(tmp_path, {"articles/2025/tytul.pl.md": article})
    # Nothing left to rename; the linked file is published, the three others still wait for a link of their own.
    assert sorted(problem.split(":")[0] for problem in left) == sorted(Path(name).name for name in renamed[1:])
    assert not any("such as" in problem for problem in left), left


def test_a_data_file_s_problems_are_told_in_its_line_order(tmp_path):
    """The checks against other files were told before the file's own problems: line 9, then line 1."""
    record = "- code: {code}\n  status: signed\n  place: hanoi\n  date: {day}\n  source: https://example.org/{code}\n"
    countries = record.format(code="QQ", day="2025-10-25") + record.format(code="FR", day="2025-10-20")
    problems = told(tmp_path, {"data/timeline/opening.yaml": EVENT, "data/countries.yaml": countries})
    assert [problem.split(": ")[:2] for problem in problems] == [
        ["countries.yaml:1", "QQ.code"],
        ["countries.yaml:9", "FR.date"],
    ], problems


def test_the_files_are_told_in_the_order_of_their_paths_whichever_were_read_again(tmp_path):
    """The devserver, reading edited files again, told them after the others: the same problems in another order."""
    files = {
        "articles/2025/b.pl.md": FRONT.replace("tytul", "b").replace("lang: pl", "lang: pl\nx: 1").replace("Tytuł", "B")
        + BODY,
        "articles/2025/a.pl.md": FRONT.replace("tytul", "a").replace("lang: pl", "lang: pl\ny: 1") + BODY,
    }
    first = told(tmp_path, files)
    assert [problem.split(":")[0] for problem in first] == ["a.pl.md", "b.pl.md"], first
    taken = snapshot.take(tmp_path, today=TODAY)
    again = taken.updated([tmp_path / "articles/2025/a.pl.md"])
    assert [str(p) for p in again.problems] == [str(p) for p in taken.problems]


def test_an_article_read_again_once_it_reads_keeps_its_place_in_the_order_of_the_files(tmp_path):
    """The devserver put an article that read again after the others: of two spellings of a tag used as often, the
    first read is the one a hint proposes, and the devserver proposed `c` where `make check` proposed `C`."""
    files = {
        f"articles/2025/{key}.pl.md": FRONT.replace("tytul", key).replace("Tytuł", key.upper()) + f"tags: ['{tag}']\n"
        for key, tag in (("a", "C"), ("b", "c"), ("c", "C++"))
    }
    files = {name: text + BODY for name, text in files.items()}
    told(tmp_path, {**files, "articles/2025/a.pl.md": files["articles/2025/a.pl.md"].replace("tags:", "x: 1\ntags:")})
    taken = snapshot.take(tmp_path, today=TODAY)
    told(tmp_path, files)
    again = taken.updated([tmp_path / "articles/2025/a.pl.md"])
    fresh = snapshot.take(tmp_path, today=TODAY)
    assert [doc.path for doc in again.articles] == [doc.path for doc in fresh.articles]
    assert [str(problem) for problem in again.problems] == [str(problem) for problem in fresh.problems]
    assert any("write it 'C' if it is that topic" in str(problem) for problem in fresh.problems), fresh.problems


@pytest.mark.parametrize("value", ["jutro", "[2024-10-26]", "1200", "2024-10-26T25:00"])
def test_the_example_date_of_a_date_hint_is_of_the_year_of_the_article_s_folder(tmp_path, value):
    """An article in 2024/ was told to write `2025-10-26`, which the next check refused as of another folder."""
    [problem] = told(tmp_path, {"articles/2024/tytul.pl.md": FRONT.replace("2025-10-26", value) + BODY})
    assert problem.startswith("tytul.pl.md:3: date: "), problem
    [example] = re.findall(r"[0-9]{4}-[0-9]{2}-[0-9]{2}(?![0-9T])", problem.split(" (", 1)[1])
    assert example.startswith("2024-"), problem
    assert told(tmp_path, {"articles/2024/tytul.pl.md": FRONT.replace("2025-10-26", example) + BODY}) == []


@pytest.mark.parametrize("value", ["26 października 2024", "26/10/2024", "2024/10/26"])
def test_a_date_to_rewrite_of_another_year_than_its_folder_is_told_where_the_file_goes(tmp_path, value):
    """`write 2024-10-26`, followed, was told a round later that the file is in the folder 2025/."""
    [problem] = told(tmp_path, {"articles/2025/tytul.pl.md": FRONT.replace("2025-10-26", value) + BODY})
    assert "write 2024-10-26" in problem, problem
    assert "if it is right, move the file into articles/2024/, under its name" in problem, problem
    (tmp_path / "articles/2025/tytul.pl.md").unlink()
    assert told(tmp_path, {"articles/2024/tytul.pl.md": FRONT.replace("2025-10-26", "2024-10-26") + BODY}) == []


@pytest.mark.parametrize(
    ("english", "moved"),
    [("articles/2025/tytul.en.md", None), ("articles/2024/tytul.en.md", "articles/2025/tytul.en.md")],
    ids=["another day", "another year"],
)
def test_two_versions_neither_a_translation_dated_two_days_are_told_so_with_the_pair(tmp_path, english, moved):
    """The pair was told to mark its translation; marked, the translation was told, a round later, that it is dated
    another day than its original."""
    day = "2025-10-27" if moved is None else "2024-12-30"
    files = {"articles/2025/tytul.pl.md": FRONT + BODY, english: FRONT.replace("lang: pl", "lang: en").replace(
        "2025-10-26", day) + BODY}  # fmt: skip
    problems = told(tmp_path, files)
    assert [problem.split(": ")[:2] for problem in problems] == [
        ["tytul.pl.md:3", "date"],
        ["tytul.pl.md:5", "translation"],
    ]
    assert (
        f"is 2025-10-26, but the 'en' version {tmp_path}/{english}, of the same source, is dated {day}" in problems[0]
    )
    assert "as you add `translation:` to the version that was translated, give it the original's `date:`" in problems[0]
    if moved:
        assert f"{tmp_path}/{english} to {tmp_path}/{moved}, if it is" in problems[0], problems
    # Followed, the English text being the translation:
    (tmp_path / english).unlink()
    translated = FRONT.replace("lang: pl", "lang: en\ntranslation:\n  from: pl\n  by: Jan") + BODY
    assert told(tmp_path, {moved or english: translated}) == []


def test_a_note_copied_with_another_article_s_front_matter_is_told_it_may_be_deleted(tmp_path):
    """A file copied to write another article kept the other's `annotations:`: each was told only to quote a passage
    of this text, which has none of it."""
    note = "annotations:\n  - text: nie ma tego\n    kind: editor\n    note: Inny tekst.\n"
    [problem] = told(tmp_path, {"articles/2025/tytul.pl.md": FRONT + note + BODY})
    assert problem.startswith("tytul.pl.md:10: annotations.0.text: 'nie ma tego' is not in the article's text"), problem
    assert problem.endswith("or delete this item of `annotations:` if its note is not of this text)"), problem
    assert told(tmp_path, {"articles/2025/tytul.pl.md": FRONT + BODY}) == []


REUTERS = FRONT.replace("https://example.org/a", "https://www.reuters.com/world/a").replace(
    "  publisher: Example\n", ""
)


def test_a_publisher_s_host_misspelt_in_the_table_is_told_to_the_article_whose_site_it_meant(tmp_path):
    """The article was told to add its site to the table, beside the record whose host only misspells it."""
    publishers = "- host: www.reuters.con\n  name: Reuters\n  source: https://www.reuters.com/about\n"
    [problem] = told(tmp_path, {"articles/2025/tytul.pl.md": REUTERS + BODY, "data/publishers.yaml": publishers})
    assert problem.startswith("tytul.pl.md:6: source.publisher: is missing"), problem
    assert "has a record of www.reuters.con: if that is this site, correct its host to www.reuters.com" in problem
    assert told(tmp_path, {"data/publishers.yaml": publishers.replace(".con", ".com")}) == []


def test_a_publisher_nearly_named_as_the_table_names_its_site_is_warned(tmp_path):
    """`publisher: Reuter` for a site the table names `Reuters`: the misspelt name was published without a word."""
    publishers = "- host: www.reuters.com\n  name: Reuters\n  source: https://www.reuters.com/about\n"
    text = REUTERS.replace("source:\n", "source:\n  publisher: Reuter\n")
    files = {"articles/2025/tytul.pl.md": text + BODY, "data/publishers.yaml": publishers}
    told(tmp_path, files)
    [warning] = [str(problem) for problem in snapshot.take(tmp_path, today=TODAY).problems]
    assert "tytul.pl.md:7: warning: source.publisher: 'Reuter' is nearly 'Reuters', the name " in warning, warning
    assert "delete the `publisher:` line if it is that publisher" in warning, warning
    told(tmp_path, {"articles/2025/tytul.pl.md": REUTERS + BODY})
    assert snapshot.take(tmp_path, today=TODAY).problems == ()
    told(tmp_path, {"articles/2025/tytul.pl.md": REUTERS.replace("source:\n", "source:\n  publisher: AP\n") + BODY})
    assert snapshot.take(tmp_path, today=TODAY).problems == ()  # another publisher: nothing to warn of


RAW_HTML = '---\nThe <b>first</b> state ratified it.\n\n<script>alert(1)</script>\n\n<div class="note">A note</div>\n'


def warned(tmp_path: Path, text: str) -> tuple[list[str], list[str]]:
    """Every problem `make check` tells of one article `tytul.pl.md` of `text`, and the `name:line` of each."""
    told(tmp_path, {"articles/2025/tytul.pl.md": text})
    problems = [str(problem) for problem in snapshot.take(tmp_path, today=TODAY).problems]
    return problems, [problem.split(": ", 1)[0].rsplit("/", 1)[1] for problem in problems]


def test_raw_html_in_a_body_is_warned_at_each_line_that_writes_it(tmp_path):
    """The page shows raw HTML as text, tags and all: a body that wrote it was published without a word."""
    problems, lines = warned(tmp_path, FRONT + RAW_HTML)
    assert lines == ["tytul.pl.md:10", "tytul.pl.md:12", "tytul.pl.md:14"], problems
    assert all(": warning: body: " in problem for problem in problems), problems
    assert "'<b>' is HTML, which the page shows as text, tags and all" in problems[0], problems
    assert "'<script>' is HTML" in problems[1] and "'<div class=\"note\">' is HTML" in problems[2], problems
    followed = "---\nThe **first** state ratified it.\n\nA note\n"
    told(tmp_path, {"articles/2025/tytul.pl.md": FRONT + followed})
    assert snapshot.take(tmp_path, today=TODAY).problems == ()


def test_a_tag_written_as_text_on_purpose_is_not_warned(tmp_path):
    text = "---\nThe tag `<b>` makes text bold; so would &lt;b&gt;, and 2 < 3 > 1.\n\n    <i>code</i>\n"
    told(tmp_path, {"articles/2025/tytul.pl.md": FRONT + text})
    assert snapshot.take(tmp_path, today=TODAY).problems == ()


def test_angle_brackets_around_words_that_name_no_html_element_are_not_warned(tmp_path):
    """`<name redacted>` in a quoted document, `x<y and y>z`, `List<String>`: text as meant, which the page shows as
    written, were warned as HTML, with a hint to delete the tags."""
    text = "---\nThe letter was signed <name redacted>; if x<y and y>z, List<String> holds <Unknown>.\n"
    told(tmp_path, {"articles/2025/tytul.pl.md": FRONT + text})
    assert snapshot.take(tmp_path, today=TODAY).problems == ()
    html = "---\n<FONT color=red>Red</FONT>, <em>in</em> <table>, <br/> and <custom-card>.\n"
    told(tmp_path, {"articles/2025/tytul.pl.md": FRONT + html})
    [warning] = [str(problem) for problem in snapshot.take(tmp_path, today=TODAY).problems]
    assert "'<FONT color=red>' is HTML" in warning, warning


def test_a_tag_escaped_as_markdown_escapes_it_is_not_warned(tmp_path):
    """`\\<b>` is Markdown's own way to write a `<` as text (CommonMark's backslash escape): it was warned as HTML."""
    text = "---\nThe tag \\<b> makes text bold, and so does \\<strong\\>.\n"
    told(tmp_path, {"articles/2025/tytul.pl.md": FRONT + text})
    assert snapshot.take(tmp_path, today=TODAY).problems == ()
    escaped_backslash = "---\nA path C:\\\\<b>bold</b>\n"  # two backslashes write one as text: the tag is HTML
    told(tmp_path, {"articles/2025/tytul.pl.md": FRONT + escaped_backslash})
    [warning] = [str(problem) for problem in snapshot.take(tmp_path, today=TODAY).problems]
    assert "'<b>' is HTML" in warning, warning


def test_html_in_a_text_of_the_front_matter_is_warned_at_its_line(tmp_path):
    """Found by an audit adding articles: `title: "A <em>new</em> era"` was shown with its tags on every page that
    lists it, in its feed and its search result, without a word, where the body's tags are warned of."""
    front = FRONT.replace("title: Tytuł", 'title: "A <em>new</em> era"').replace(
        "publisher: Example", 'publisher: "Ex <span>Co</span>"\nsummary: "A <b>bold</b> one"\neditor_note: "<i>N</i>"'
    )
    problems, lines = warned(tmp_path, front + BODY)
    assert lines == ["tytul.pl.md:2", "tytul.pl.md:8", "tytul.pl.md:9", "tytul.pl.md:10"], problems
    assert ": warning: title: '<em>' is HTML, which the page shows as text, tags and all" in problems[0], problems
    assert "source.publisher: '<span>' is HTML" in problems[1] and "summary: '<b>' is HTML" in problems[2], problems
    assert "write **bold**, *italic*" in problems[2] and "editor_note: '<i>' is HTML" in problems[3], problems
    meant = FRONT.replace("title: Tytuł", 'title: "Fewer <40 states, List<String>"') + 'summary: "The tag `<b>`"\n'
    assert warned(tmp_path, meant + BODY) == ([], [])


TRAILING_ATTRIBUTES = (
    "---\nUn paragraphe en français. {lang=fr}\n\n## Nagłówek {#wlasny}\n\nAkapit\nw dwóch liniach {.uwaga}\n"
)


def test_attributes_written_after_a_paragraph_or_heading_are_warned_at_their_line(tmp_path):
    """Found by an audit adding articles: `{lang=fr}` at the end of a paragraph (Pandoc's and kramdown's place for
    it), or `{#id}` after a heading, is shown as text, braces and all, and `make check` told nothing."""
    problems, lines = warned(tmp_path, FRONT + TRAILING_ATTRIBUTES)
    assert lines == ["tytul.pl.md:10", "tytul.pl.md:12", "tytul.pl.md:15"], problems
    assert all(": warning: body: " in problem for problem in problems), problems
    assert "ends with '{lang=fr}', attributes which the page shows as text" in problems[0], problems
    assert "write `{lang=fr}` on a line of its own just before the paragraph" in problems[0], problems
    assert "'{#wlasny}'" in problems[1] and "'{.uwaga}'" in problems[2], problems
    assert "delete them: only a passage's `lang` and `dir` may be given" in problems[1], problems
    followed = "---\n{lang=fr}\nUn paragraphe en [français]{lang=fr}.\n\n## Nagłówek\n"
    assert warned(tmp_path, FRONT + followed) == ([], [])


def test_braces_that_are_no_attributes_or_are_escaped_or_code_are_not_warned(tmp_path):
    text = "---\nZbiór {1, 2}\n\nSłowo {sic}\n\nZapis \\{lang=fr}\n\nKod `{lang=fr}`\n\n    kod {lang=fr}\n"
    assert warned(tmp_path, FRONT + text) == ([], [])


def test_raw_html_in_a_refused_article_is_warned_with_its_errors(tmp_path):
    problems = told(tmp_path, {"articles/2025/tytul.pl.md": FRONT + "countries: [UE]\n" + RAW_HTML})
    assert len(problems) == 1, problems
    every = [str(problem) for problem in snapshot.take(tmp_path, today=TODAY).problems]
    assert len(every) == 4 and ": warning: body: " in every[1], every


def test_a_translation_whose_key_and_file_name_are_misspelt_is_told_the_original_of_its_source(tmp_path):
    """Found playing a contributor: `tytol.en.md`, `translation_key: tytol`, translating `tytul.pl.md`, was told to add
    its original, or to remove `translation:`, which left two articles of one original."""
    english = FRONT.replace("tytul", "tytol").replace("lang: pl", "lang: en\ntranslation:\n  from: pl\n  by: Jan")
    told(tmp_path, {"articles/2025/tytul.pl.md": FRONT + BODY, "articles/2025/tytol.en.md": english + BODY})
    [warning] = [str(p) for p in snapshot.take(tmp_path, today=TODAY).problems if p.field == "translation.from"]
    assert (
        f"if its original is {tmp_path}/articles/2025/tytul.pl.md, of the same source, write `translation_key: "
        in warning
    )
    assert "tytul` and rename the file to tytul.en.md, in its folder" in warning, warning
    (tmp_path / "articles/2025/tytol.en.md").unlink()
    told(tmp_path, {"articles/2025/tytul.en.md": english.replace("tytol", "tytul") + BODY})
    assert snapshot.take(tmp_path, today=TODAY).problems == ()


@pytest.mark.parametrize(
    ("body", "line", "marker"),
    [
        ("Tekst.\n\n![Mapa]({static}/images/Mapa Hanoi.png)\n", 12, "{static}"),
        ("Tekst i [raport] ({filename}/articles/2025/inny.pl.md).\n", 10, "{filename}"),
        ("Tekst\ni [mapa](|static|/images/Mapa Hanoi.png).\n", 11, "|static|"),
        ("Tekst i ![Mapa]({attach}/images/mapa.png.\n", 10, "{attach}"),
    ],
    ids=["a space in the target", "a space before the (", "the old form", "not closed"],
)
def test_a_link_marker_markdown_does_not_read_as_a_link_is_told_at_its_line(tmp_path, body, line, marker):
    """`![Mapa]({static}/images/Mapa Hanoi.png)`: Markdown ends a link's target at a space, so it is no link; the
    page showed it as text, `{static}` and all, the file not copied, and `make check` told nothing."""
    files = {"articles/2025/tytul.pl.md": FRONT + "---\n" + body, "images/mapa.png": "x"}
    problems = told(tmp_path, files)
    assert any(
        problem.startswith(f"tytul.pl.md:{line}: body: holds {marker!r} that Markdown does not read as a link")
        for problem in problems
    ), problems


def test_a_link_marker_hint_for_a_space_followed_leaves_nothing(tmp_path):
    article = FRONT + "---\nTekst.\n\n![Mapa]({static}/images/Mapa Hanoi.png)\n"
    problems = told(tmp_path, {"articles/2025/tytul.pl.md": article, "images/Mapa Hanoi.png": "x"})
    [problem] = [problem for problem in problems if ": body: " in problem]  # and the file, linked by no link
    assert "its target, {static}/images/Mapa Hanoi.png, holds a space" in problem, problem
    renamed = re.search(r"such as \{static\}/(images/\S+?)\)?$", problem)[1]
    (tmp_path / "images/Mapa Hanoi.png").rename(tmp_path / renamed)
    assert told(tmp_path, {"articles/2025/tytul.pl.md": article.replace("images/Mapa Hanoi.png", renamed)}) == []


def test_a_link_marker_in_code_is_not_told(tmp_path):
    body = "Link pliku: `[mapa]({static}/images/a b.png)`.\n\n```\n![x]({static}/a b.png)\n```\n"
    assert told(tmp_path, {"articles/2025/tytul.pl.md": FRONT + "---\n" + body}) == []


@pytest.mark.parametrize(
    ("written", "code"),
    [
        ("Czech Republic", "CZ"),  # CLDR's variant name (the search found a page by it; the hint did not know it)
        ("Republika Czeska", "CZ"),
        ("czech republic", "CZ"),
        ("bialorus", "BY"),  # Białoruś, in lower case and without its diacritics
        ("wlochy", "IT"),
    ],
)
def test_a_country_named_by_any_name_the_site_knows_is_told_its_code(tmp_path, written, code):
    """`Czech Republic` was told the rule alone, while `Czechia` was told its code: CLDR's every name, in any case,
    with or without diacritics (not the content folder's forms: the hint is the same whatever folder is checked)."""
    text = FRONT.replace("lang: pl", f"lang: pl\ncountries: [PL, {written}]") + BODY
    [problem] = told(tmp_path, {"articles/2025/tytul.pl.md": text})
    assert f"countries.1: '{written}' is not a known country code (write {code}:" in problem, problem


@pytest.mark.parametrize("written", ["Korea", "Congo", "Republic of Korea", "Narnia"])
def test_a_name_of_no_one_country_is_told_the_rule(tmp_path, written):
    """`Korea` and `Congo` name two countries each, and CLDR gives neither Korea `Republic of Korea`: no code."""
    text = FRONT.replace("lang: pl", f"lang: pl\ncountries: [PL, {written}]") + BODY
    [problem] = told(tmp_path, {"articles/2025/tytul.pl.md": text})
    assert problem.endswith(f"'{written}' is not a known country code ({countries.CODE_HINT})"), problem
