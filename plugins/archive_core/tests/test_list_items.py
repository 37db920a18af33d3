"""Every item of a list field is checked, in articles and in every kind of data file: each bad one (a value no
table knows, a value of another type, an empty one, one YAML cannot read) told at its own line, none hidden by
another."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from archive_core import snapshot
from archive_core.articles import read_article
from archive_core.errors import ContentError, Problem

TODAY = date(2026, 6, 1)
SOURCE = "  - url: https://example.org/s\n    title: S\n    publisher: P\n    accessed: 2026-06-01\n"
EVENT = (
    "id: opening\nkind: signing\ndate: 2025-10-25\ntitle: {pl: Otwarcie, en: Opening}\n"
    f"description: {{pl: Opis., en: Text.}}\nsources:\n{SOURCE}"
)  # 10 lines
BAD_ITEMS = "\n  - XX\n  - 5\n  - 2025-13-01\n  - VN\n  - YY\n"  # at lines 2 to 6 of the list's key

# Each data file: its text, and the problems told: (line, field, a part of the message).
CASES = {
    "timeline/opening.yaml, countries in a flow list": (
        EVENT + "countries: [XX, 2025-13-01]\n",
        [(11, "countries.0", "'XX' is not a known country code"), (11, "countries.1", "impossible date")],
    ),
    "timeline/opening.yaml, countries": (
        EVENT + "countries:" + BAD_ITEMS,
        [
            (12, "countries.0", "'XX' is not a known country code"),
            (13, "countries.1", "is a number"),
            (14, "countries.2", "impossible date"),
            (16, "countries.4", "'YY' is not a known country code"),
        ],
    ),
    "timeline/opening.yaml, articles and figures": (
        EVENT + "articles: [gone, 5]\nfigures:\n  - hanoi_signaturess\n  - 7\n",
        [
            (11, "articles.0", "no article has the translation_key 'gone'"),
            (11, "articles.1", "is a number"),
            (13, "figures.0", "'hanoi_signaturess' is not a known figure"),
            (14, "figures.1", "is a number"),
        ],
    ),
    "people.yaml": (
        "- name: Anh\n  country: VN\n  role: {pl: a, en: b}\n  articles:\n    - gone\n    - 5\n    - 2025-13-01\n",
        [
            (5, "Anh.articles.0", "'gone' is not an article in the archive"),
            (6, "Anh.articles.1", "is a number"),
            (7, "Anh.articles.2", "impossible date"),
        ],
    ),
    "country-names.yaml": (
        "countries:\n  - code: VN\n    forms:\n      - Wietnamu\n      - 5\n      - 2025-13-01\n      - ''\n"
        "    source: https://example.org/vn\n",
        [
            (5, "countries.0.forms.1", "is a number"),
            (6, "countries.0.forms.2", "impossible date"),
            (7, "countries.0.forms.3", "is an empty item"),
        ],
    ),
    "topics.yaml": (
        "topics:\n  - pl: prawa\n    en: 5\n  - 2025-13-01\n  - pl: ratyfikacja\n    en: ratification\n  - pl: x\n",
        [
            (3, "topics.0.en", "is a number"),
            (4, "topics.1", "impossible date"),
            (7, "topics.3", "each entry names the topic in pl and en"),
        ],
    ),
}


@pytest.mark.parametrize("case", CASES)
def test_each_bad_item_of_a_data_file_s_list_is_told_at_its_line(tmp_path, case):
    name, (text, expected) = case.split(",")[0], CASES[case]
    (tmp_path / "data" / name).parent.mkdir(parents=True)
    (tmp_path / "data" / name).write_text(text, encoding="utf-8")
    problems = [p for p in snapshot.take(tmp_path, today=TODAY).problems if Path(p.path).name == Path(name).name]
    assert_told(problems, expected)


def assert_told(problems: list[Problem], expected: list[tuple[int, str, str]]) -> None:
    """`problems` are those `expected`: (line, field, a part of the message)."""
    assert [(p.line, p.field) for p in problems] == [(line, field) for line, field, _ in expected], [
        str(p) for p in problems
    ]
    for problem, (*_, part) in zip(problems, expected, strict=True):
        assert part in problem.message


ARTICLE = (
    "---\ntitle: Tytuł\ndate: 2025-10-26\nlang: pl\ntranslation_key: tytul\n"
    "source:\n  url: https://example.org/a\n  publisher: Example\n{extra}---\nTekst artykułu.\n"
)  # `extra` at line 9


@pytest.mark.parametrize(
    ("extra", "expected"),
    [
        (
            "countries:" + BAD_ITEMS + "  -\n  - Polska\n",
            [
                (10, "countries.0", "'XX' is not a known country code"),
                (11, "countries.1", "is a number"),
                (12, "countries.2", "impossible date"),
                (14, "countries.4", "'YY' is not a known country code"),
                (15, "countries.5", "is an empty item"),
                (16, "countries.6", "'Polska' is not a known country code"),
            ],
        ),
        (
            "tags:\n  - ratyfikacja\n  - ''\n  -\n  - 5\n  - Ratyfikacja\n",
            [
                (11, "tags.1", "is an empty item"),
                (12, "tags.2", "is an empty item"),
                (13, "tags.3", "is a number"),
                (14, "tags.4", "'ratyfikacja' and 'Ratyfikacja' are one topic"),
            ],
        ),
        (
            "review:\n  - title\n  - titel\n",
            [(11, "review.1", "'titel' is not a field name")],
        ),
    ],
)
def test_each_bad_item_of_an_article_s_list_is_told_at_its_line(tmp_path, extra, expected):
    path = tmp_path / "a.pl.md"
    path.write_text(ARTICLE.format(extra=extra), encoding="utf-8")
    with pytest.raises(ContentError) as info:
        read_article(path)
    assert_told(list(info.value.problems), expected)


@pytest.mark.parametrize(
    ("written", "meant"),
    [("[EU PL VN]", "[EU, PL, VN]"), ("\n  - VN; za", "[VN, ZA]"), ("[EU/PL]", "[EU, PL]"), ("[uk pl]", "[GB, PL]")],
)
@pytest.mark.parametrize("file", ["article", "timeline/opening.yaml"])
def test_codes_written_as_one_item_are_told_to_be_parted_and_the_hint_followed_reads(tmp_path, file, written, meant):
    """`countries: [EU PL VN]` (no commas) was told only `'EU PL VN' is not a known country code`, with the rule for
    one code."""
    if file == "article":
        path = tmp_path / "articles" / "2025" / "tytul.pl.md"
        text = ARTICLE.format(extra=f"countries: {written}\n")
    else:
        path = tmp_path / "data" / file
        text = EVENT.replace("kind: signing", "kind: negotiation-session") + f"countries: {written}\n"
    path.parent.mkdir(parents=True)
    path.write_text(text, encoding="utf-8")
    [problem] = [p for p in snapshot.take(tmp_path, today=TODAY).problems if p.path == str(path)]
    assert problem.field == "countries.0" and problem.hint.endswith(
        f"written as one item: give each its own, `{meant}`"
    )
    path.write_text(text.replace(written, meant), encoding="utf-8")
    assert [p for p in snapshot.take(tmp_path, today=TODAY).problems if p.path == str(path)] == []
