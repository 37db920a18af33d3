"""Every independent problem of an article in one reading, in the file's order; none that only follows from
another."""

from __future__ import annotations

from pathlib import Path

import pytest

from archive_core.articles import read_article
from archive_core.errors import ContentError

FRONT = {
    "title": "title: Tytuł",
    "date": "date: 2025-10-26",
    "lang": "lang: pl",
    "translation_key": "translation_key: tytul",
    "source": "source:\n  url: https://example.org/a\n  publisher: Example",
}


def article(changes: dict[str, str | None], body: str = "Tekst artykułu.\n", extra: str = "") -> str:
    """The front-matter of FRONT, each field replaced by its change (None: left out), `extra` lines after it."""
    lines = [changes.get(field, line) for field, line in FRONT.items()]
    return "---\n" + "\n".join(line for line in lines if line is not None) + f"\n{extra}---\n{body}"


def problems_of(tmp_path: Path, text: str) -> list[tuple[int | None, str, str]]:
    path = tmp_path / "a.pl.md"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ContentError) as info:
        read_article(path)
    return [(problem.line, problem.field, problem.message) for problem in info.value.problems]


def test_three_independent_problems_are_told_at_once_in_the_file_order(tmp_path):
    text = article({"date": "date: 26.10.2025", "lang": "lang: PL", "source": "source: https://example.org/a"})
    assert problems_of(tmp_path, text) == [
        (3, "date", "'26.10.2025' is not a date"),
        (4, "lang", "must be one of pl, en, not 'PL'"),
        (6, "source", "is text, not a mapping"),
    ]


def test_problems_of_the_front_matter_and_the_body_are_told_together(tmp_path):
    body = "Tekst z [](https://example.org/x) linkiem.\n\n# Drugi tytuł\n\nI [](https://example.org/y).\n"
    text = article({"lang": "lang: de"}, body=body, extra="tags: [ok, '']\nsummary: '...'\n")
    told = problems_of(tmp_path, text)
    assert [(line, field) for line, field, _ in told] == [(4, "lang"), (9, "tags.1"), (10, "summary"), (12, "body"),
                                                        (14, "body"), (16, "body")]  # fmt: skip
    assert told[2][2] == "is still the placeholder '...'"
    assert [message.split(",")[0] for _, _, message in told[3:]] == [
        "has a link with no text: a reader sees nothing to follow",
        "has a `#` heading",
        "has a link with no text: a reader sees nothing to follow",
    ]


def test_each_item_of_a_list_is_checked(tmp_path):
    text = article({}, extra="countries: [XX, VN, YY]\ncorrections:\n  - date: 2025-13-40x\n    change: A\n"
                   "  - date: 2025-11-01\n  - date: 2025-11-02\n    change: B\n    kind: x\n")  # fmt: skip
    assert problems_of(tmp_path, text) == [
        (9, "countries.0", "'XX' is not a known country code"),
        (9, "countries.2", "'YY' is not a known country code"),
        (11, "corrections.0.date", "'2025-13-40x' is not a date"),
        (13, "corrections.1.change", "is missing"),
        (16, "corrections.2.kind", "is not a known key"),
    ]


@pytest.mark.parametrize(
    ("changes", "extra", "told"),
    [
        # the address made from a title that failed
        ({"title": None}, "", [(2, "title", "is missing")]),
        ({"title": "title: 2025"}, "", [(2, "title", "is a number")]),
        # a correction or an access date against a `date:` that failed
        (
            {"date": "date: 2099-01-01"},
            "corrections:\n  - date: 2025-01-01\n    change: Poprawiono.\n",
            [(3, "date", "2099-01-01 is in the future")],
        ),
        # the field a misspelt key was meant to be
        ({"title": "titel: Tytuł"}, "", [(2, "titel", "is not a known field")]),
        ({"source": "url: https://example.org/a"}, "", [(6, "url", "is not a known field")]),
        # the parts of a value of the wrong type
        ({"source": "source: [https://example.org/a]"}, "", [(6, "source", "is a list, not a mapping")]),
        # a mapping with a key it does not know: its missing keys are the misspelt one
        ({"source": "source:\n  urll: https://example.org/a"}, "", [(7, "source.urll", "is not a known key")]),
        # how the steps of a chain join, when a step failed
        (
            {},
            "translation_chain:\n  - from: 12\n    to: vi\n    by: X\n  - from: en\n    to: pl\n    by: Y\n",
            [(10, "translation_chain.0.from", "is a number")],
        ),
        # a chain's last step against a `lang:` that failed
        ({"lang": "lang: PL"}, "translation_chain:\n  - from: vi\n    to: en\n    by: X\n", [(4, "lang", "must be")]),
    ],
)
def test_a_problem_that_follows_from_another_is_not_told(tmp_path, changes, extra, told):
    found = problems_of(tmp_path, article(changes, extra=extra))
    assert [(line, field, message[: len(told_message)]) for (line, field, message), (_, _, told_message) in
            zip(found, told, strict=False)] == told and len(found) == len(told), found  # fmt: skip


def test_a_note_whose_passage_is_not_there_is_told_with_a_problem_of_another_note(tmp_path):
    extra = (
        "annotations:\n  - text: nie ma\n    note: A\n    kind: sic\n"
        "  - text: Tekst\n    note: B\n    kind: wrong\n  - text: brak\n    note: C\n    kind: sic\n"
    )
    assert problems_of(tmp_path, article({}, extra=extra)) == [
        (10, "annotations.0.text", "'nie ma' is not in the article's text"),
        (15, "annotations.1.kind", "must be one of sic, translation, quote, editor, not 'wrong'"),
        (16, "annotations.2.text", "'brak' is not in the article's text"),
    ]


def test_the_problems_of_values_yaml_reads_are_told_with_the_others_each_once(tmp_path):
    extra = (
        "summary: |\n  Pierwszy akapit.\n\n  Drugi akapit.\ntags:\n  - #ratyfikacja\n  - ok\n"
        "countries: [VN, VN]\neditor_note: ''\n"
    )
    text = article({"lang": "lang: PL", "title": "title: A\ntitle: B"}, extra=extra)
    assert [(line, field, message.split(",")[0]) for line, field, message in problems_of(tmp_path, text)] == [
        (3, "title", "is set twice"),
        (5, "lang", "must be one of pl"),
        (12, "summary", "is more than one paragraph (a blank line parts it)"),
        (15, "tags.0", "'#ratyfikacja' is read as a YAML comment"),
        (17, "countries", "lists 'VN' twice"),
        (18, "editor_note", "is empty"),
    ]


def test_a_misspelt_key_is_told_beside_the_field_it_resembles_when_that_is_given(tmp_path):
    text = article({}, extra='countries: [XX]\n"countries.1": x\ntitel: B\n')
    assert problems_of(tmp_path, text) == [
        (9, "countries.0", "'XX' is not a known country code"),
        (10, "countries.1", "is not a known field"),
        (11, "titel", "is not a known field"),
    ]


def test_a_value_listed_twice_leaves_the_other_items_of_its_list_checked(tmp_path):
    text = article({}, extra="countries: [VN, VN, XX]\ntags: [ok, ok, Ok]\n")
    assert problems_of(tmp_path, text) == [
        (9, "countries", "lists 'VN' twice"),
        (9, "countries.2", "'XX' is not a known country code"),
        (10, "tags", "lists 'ok' twice"),
        (10, "tags.2", "'ok' and 'Ok' are one topic (case, diacritics and punctuation do not count)"),
    ]


def test_a_key_a_mapping_does_not_know_leaves_its_other_keys_checked(tmp_path):
    source = "source:\n  url: ftp://example.org/a\n  publisher: Example\n  acessed: 2025-11-01"
    translation = "translation:\n  from: en\n  by: 5\n  foo: x\n"
    extra = f"{translation}corrections:\n  - date: 2025-01-01\n    change: A\n    kind: x\n"
    assert [(line, field, message.split(" (")[0]) for line, field, message in
            problems_of(tmp_path, article({"source": source}, extra=extra))] == [
        (7, "source.url", "'ftp://example.org/a' is not an http(s) address"),
        (9, "source.acessed", "is not a known key"),
        (12, "translation.by", "is a number"),
        (13, "translation.foo", "is not a known key"),
        (15, "corrections.0.date", "2025-01-01 is before the source was published"),
        (17, "corrections.0.kind", "is not a known key"),
    ]  # fmt: skip


def test_every_name_review_does_not_know_and_every_pair_of_tags_of_one_topic_is_told(tmp_path):
    text = article({}, extra="review: [titel, tytul]\ntags: [a, A, b, B]\n")
    assert problems_of(tmp_path, text) == [
        (9, "review.0", "'titel' is not a field name"),
        (9, "review.1", "'tytul' is not a field name"),
        (10, "tags.1", "'a' and 'A' are one topic (case, diacritics and punctuation do not count)"),
        (10, "tags.3", "'b' and 'B' are one topic (case, diacritics and punctuation do not count)"),
    ]


def test_a_translation_without_from_is_told_it_is_missing_not_none(tmp_path):
    text = article({}, extra="translation:\n  by: DeepL\n")
    assert problems_of(tmp_path, text) == [(9, "translation.from", "is missing")]


def test_a_key_written_in_other_capitals_is_told_as_the_field_it_is_not_also_as_missing(tmp_path):
    source = "source:\n  URL: https://example.org/a\n  publisher: Example"
    text = article({"title": "TITLE: Tytuł", "source": source})
    assert problems_of(tmp_path, text) == [
        (2, "TITLE", "is not a known field"),
        (7, "source.URL", "is not a known key"),
    ]


def test_every_value_yaml_cannot_read_is_told_at_its_field_with_the_other_problems_and_nothing_more(tmp_path):
    extra = (
        "countries: [XX]\ncorrections:\n  - date: 2025-13-01\n    change: A\n  - date: 2025-10-27 25:61:00\n"
        '    change: B\n  - date: 2025-10-27T10:00:00+25:00\n    change: C\nsummary: !!int "x"\n'
        'translation:\n  from: en\n  by: !!bool "maybe"\nslug: !foo x\ntags: [ok, 2025-02-29]\n'
    )
    assert [(line, field, message.split(":")[0]) for line, field, message in
            problems_of(tmp_path, article({"date": "date: 2025-02-30", "lang": "lang: PL"}, extra=extra))] == [
        (3, "date", "impossible date"),
        (4, "lang", "must be one of pl, en, not 'PL'"),
        (9, "countries.0", "'XX' is not a known country code"),
        (11, "corrections.0.date", "impossible date"),
        (13, "corrections.1.date", "impossible time of day"),  # 25:61: the date is right
        (15, "corrections.2.date", "the time zone offset +25"),
        (17, "summary", "is tagged !!int, and its value cannot be read as a number (int)"),
        (20, "translation.by", "is tagged !!bool, and its value cannot be read as one"),
        (21, "slug", "is tagged !foo, which is no kind of value the archive reads"),
        (22, "tags.1", "impossible date"),
    ]  # fmt: skip
