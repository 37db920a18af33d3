"""Tags (`!!null`, `!!bool`, `!!omap`...) in front-matter and data files: each told at its own field and line, in the
archive's words, naming the tag where the tag is the problem; and every problem of a data file in one round, whoever
reads it."""

from __future__ import annotations

from pathlib import Path

import pytest

from archive_core.articles import read_article
from archive_core.errors import ContentError, Problem
from archive_core.events import load_events
from archive_core.publishers import load_publishers
from archive_core.tests.test_events import GOOD as EVENT
from archive_core.topics import load_topic_pairs

FRONT = (
    "---\ntitle: Tytuł\ndate: 2025-10-26\nlang: pl\ntranslation_key: a\nsource:\n  url: https://example.org/a\n"
    "  publisher: Example\n"
)


def told(tmp_path: Path, extra: str = "", old: str = "", new: str = "") -> list[tuple[int | None, str, str, str]]:
    """(line, field, message, hint) of each problem of an article of FRONT, `old` in it replaced by `new`, `extra`
    lines after it."""
    path = tmp_path / "a.pl.md"
    front = FRONT.replace(old, new) if old else FRONT
    path.write_text(f"{front}{extra}---\nTekst artykułu.\n", encoding="utf-8")
    try:
        read_article(path)
    except ContentError as exc:
        return [(problem.line, problem.field, problem.message, problem.hint) for problem in exc.problems]
    return []


# An item of a list or mapping given a tag PyYAML reads (`!!omap`, `!!pairs`, `!!set`) that YAML cannot read: it
# was told as the tag's problem at the list's line ("is tagged !!omap, which is no kind of value the archive
# reads"), never what is wrong with the item, nor where.
ITEMS_OF_TAGGED_LISTS = {
    "an impossible date in an ordered mapping": ("tags: !!omap\n  - x: 2025-02-30\n", 10, "tags.0.x"),
    "an impossible date in pairs": ("tags: !!pairs\n  - a: b\n  - x: 2025-02-30\n", 11, "tags.1.x"),
    "an impossible date in a set": ("tags: !!set\n  ? a\n  ? b\n  ? c\ncountries: !!set {x: 2025-02-30}\n", 13,
                                    "countries.x"),
}  # fmt: skip


@pytest.mark.parametrize(("extra", "line", "field"), ITEMS_OF_TAGGED_LISTS.values(), ids=ITEMS_OF_TAGGED_LISTS)
def test_an_item_of_a_tagged_list_that_yaml_cannot_read_is_told_at_its_own_field_and_line(tmp_path, extra, line, field):
    problems = told(tmp_path, extra)
    day = "impossible date: February 2025 has 28 days, not 30"
    assert (line, field, day, "use a real calendar date, YYYY-MM-DD") in problems, problems
    assert not [p for p in problems if "is tagged" in p[2] or "constructor" in p[2]], problems


def test_a_tagged_list_whose_items_yaml_cannot_take_is_told_which_item_in_the_archives_words(tmp_path):
    assert told(tmp_path, "tags: !!omap\n  - a: b\n  - c\n") == [
        (
            9,
            "tags",
            "is tagged !!omap, which YAML reads as a list of single `key: value` pairs, and its item 2 (line 11) is "
            "not one",
            "tags are not allowed: delete the tag, and write the list or keys as plain YAML, as the other fields are "
            "written",
        )
    ]


# A tag that makes a value of another kind than its text was told as the kind it made ("is missing", "is a yes/no
# value"), never naming the tag, whose text was the value meant.
RETYPED = {
    "no value": ("title: Tytuł", "title: !!null Tytuł", 2, "title", "is tagged !!null, which makes `Tytuł` no value, "
                 "not text", "write the value as it is: `title: Tytuł`"),
    "no value, in a field that may be left out": (
        "lang: pl", "lang: pl\nsummary: !!null Krótko.", 5, "summary", "is tagged !!null, which makes `Krótko.` no "
        "value, not text", "write the value as it is: `summary: Krótko.`"),
    "a yes/no value": ("title: Tytuł", "title: !!bool yes", 2, "title", "is tagged !!bool, which makes `yes` a yes/no "
                       "value, not text", "write the value as it is: `title: yes`; or, if a yes/no value is meant, "
                       "`title: true`"),
    "a country read as no": ("lang: pl", "lang: pl\ncountries: [!!bool NO]", 5, "countries.0", "is tagged !!bool, "
                             "which makes `NO` a yes/no value, not text", "write the value as it is: `NO`"),
    "a number": ("title: Tytuł", 'title: !!int "5"', 2, "title", 'is tagged !!int, which makes `"5"` a number, not '
                 "text", 'write the value as it is: `title: "5"`; or, if a number is meant, `title: 5`'),
    "a number with a point": ("title: Tytuł", 'title: !!float "1.5"', 2, "title", "is tagged !!float, which makes "
                              '`"1.5"` a number, not text', "if a number is meant, `title: 1.5`"),
    "a date": ("title: Tytuł", 'title: !!timestamp "2025-10-26"', 2, "title", "is tagged !!timestamp, which makes "
               '`"2025-10-26"` a date, not text', "if a date is meant, `title: 2025-10-26`"),
    "no date": ("date: 2025-10-26", "date: !!null 2025-10-26", 3, "date", "is tagged !!null, which makes "
                "`2025-10-26` no value, not a date", "write the value as it is: `date: 2025-10-26`"),
    # A tag right after a flow mapping's `:` (JSON's way of writing, `{"key":value}`): the text was searched for tags
    # only after a space, `[`, `{` or `,`, and with none found there, the value was read as None with no word.
    "no value, after a quoted key's colon": (
        "source:\n  url: https://example.org/a\n  publisher: Example",
        'source: {"url": "https://example.org/a", "publisher":!!null Example}', 6, "source.publisher",
        "is tagged !!null, which makes `Example` no value, not text", "write the value as it is: `publisher: Example`"),
}  # fmt: skip


@pytest.mark.parametrize(("old", "new", "line", "field", "message", "hint"), RETYPED.values(), ids=RETYPED)
def test_a_tag_that_makes_a_value_of_another_kind_is_told_as_the_tag_with_the_value_to_write(
    tmp_path, old, new, line, field, message, hint
):
    problems = told(tmp_path, old=old, new=new)
    assert [(p[0], p[1], p[2]) for p in problems] == [(line, field, message)], problems
    assert problems[0][3].startswith("tags are not allowed: delete !!") and hint in problems[0][3], problems


def test_the_value_a_retyping_tags_hint_writes_ends_the_problem(tmp_path):
    for new in ("title: !!null Tytuł", "title: !!bool yes", "title: !!timestamp '2025-10-26'"):
        [(_, _, _, hint)] = told(tmp_path, old="title: Tytuł", new=new)
        written = hint.split("write the value as it is: `", 1)[1].split("`", 1)[0]
        assert told(tmp_path, old="title: Tytuł", new=written) == [], (new, written)


@pytest.mark.parametrize(
    ("old", "new", "field"),
    [
        ("title: Tytuł", "title: !!int x5", "title"),
        ("title: Tytuł", 'title: !!float "x"', "title"),
        ("lang: pl", "lang: pl\ntags: [!!int x5]", "tags.0"),
    ],
)
def test_a_number_tag_on_a_value_that_is_no_number_is_told_as_the_tag_to_delete(tmp_path, old, new, field):
    """`!!int x5` was told "put the value in quotes if it is text"; quoted, `!!int "x5"` was told the same again."""
    [(_, told_field, message, hint)] = told(tmp_path, old=old, new=new)
    assert told_field == field and "is tagged !!" in message and hint.startswith("tags are not allowed: delete !!")
    assert told(tmp_path, old=old, new=new.replace("!!int ", "").replace("!!float ", "")) == []


@pytest.mark.parametrize(
    ("old", "new", "said"),
    [
        (
            "lang: pl",
            "lang: pl\ntags: !!str [a]",
            "is tagged !!str, which YAML reads only on a single value, and this is a list",
        ),
        ("lang: pl", "lang: pl\ntags: !!set [a]", "is tagged !!set, which YAML reads only on keys, and this is a list"),
        ("source:\n", "source: !!seq\n", "is tagged !!seq, which YAML reads only on a list, and this is keys"),
    ],
)
def test_a_tag_of_another_kind_of_value_is_told_what_it_takes(tmp_path, old, new, said):
    problems = told(tmp_path, old=old, new=new)
    assert [p[2] for p in problems] == [said], problems


@pytest.mark.parametrize("new", ["title: !!str 5", "title: !!str Tytuł", "date: !!timestamp 2025-10-26"])
def test_a_tag_that_changes_nothing_or_makes_text_is_read(tmp_path, new):
    assert told(tmp_path, old=new.split(":")[0] + ": " + ("Tytuł" if new.startswith("title") else "2025-10-26"),
                new=new) == []  # fmt: skip


# A tag that changes nothing (`!!int 5`) was told as the kind it is ("is a number"), never naming the tag written.
def test_a_value_tagged_as_the_kind_it_is_is_told_naming_the_tag_to_delete(tmp_path):
    assert told(tmp_path, old="title: Tytuł", new="title: !!int 5") == [
        (2, "title", "is a number (tagged !!int)", 'tags are not allowed: delete the tag, and write it as text in '
         'quotes: title: "5"')
    ]  # fmt: skip


def test_a_data_files_value_tagged_as_the_kind_it_is_is_told_naming_the_tag_to_delete(tmp_path):
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "topics.yaml").write_text("topics:\n  - pl: !!int 5\n    en: five\n", encoding="utf-8")
    _, problems = load_topic_pairs(tmp_path)
    assert [(p.line, p.field, p.message, p.hint) for p in problems] == [
        (2, "topics.0.pl", "is a number (tagged !!int)", 'tags are not allowed: delete the tag, and write it as text '
         'in quotes: pl: "5"')
    ]  # fmt: skip


def shown(problems: list[Problem]) -> list[tuple[int | None, str, str]]:
    return [(problem.line, problem.field, problem.message.split(": ", 1)[-1]) for problem in problems]


def test_a_start_past_the_horizon_is_told_beside_an_end_yaml_cannot_read_in_one_round(tmp_path):
    """Read where no one records the data files (`data.recording`), what YAML found (the end) was told alone, and
    the start past the horizon only once the end was fixed."""
    (tmp_path / "data" / "timeline").mkdir(parents=True)
    text = EVENT.replace("start: 2025-10-25", "start: 2999-10-25").replace("end: 2025-10-26", "end: 2999-02-30")
    (tmp_path / "data" / "timeline" / "signing-hanoi.yaml").write_text(text, encoding="utf-8")
    events, problems = load_events(tmp_path, {"hanoi-convention-signing-ceremony"})
    assert events == []
    assert [(line, field) for line, field, _ in shown(problems)] == [(4, "date.start"), (5, "date.end")], problems
    assert "2999-10-25 is in the future" in problems[0].message and "impossible date" in problems[1].message


def test_a_publishers_file_is_told_every_problem_in_one_round_whoever_reads_it(tmp_path):
    """`make import` reads the table to warn of a publisher missing: a file with one date YAML cannot read was no
    table, and its other records' problems were not told."""
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "publishers.yaml").write_text(
        "- host: www.example.org\n  name: Example\n  source: https://www.example.org/about\n  accessed: 2025-02-30\n"
        "- host: example.net\n  name: 5\n  source: https://example.net/about\n",
        encoding="utf-8",
    )
    _, problems = load_publishers(tmp_path)
    assert [(line, field) for line, field, _ in shown(problems)] == [
        (4, "www.example.org.accessed"),
        (6, "example.net.name"),
    ], problems


# A set or a pair is made only by a tag YAML reads (`!!set`, `!!omap`, `!!pairs`): its reader told "is a set", "is a
# key and its value", and the contributor looked for a set in the value rather than for the tag to delete.
@pytest.mark.parametrize(
    ("extra", "line", "field", "message", "hint"),
    [
        ("tags: !!set {a, b}\n", 9, "tags", "is a set (tagged !!set), not a list",
         "tags are not allowed: delete the tag, and write it as a list: tags: [A, B]"),
        ("corrections: !!omap\n  - date: 2025-10-27\n", 10, "corrections.0",
         "is a key and its value (an item of a list tagged !!omap or !!pairs), not a mapping",
         "tags are not allowed: delete the tag, and write the item's keys after its `- `, one per line, each indented "
         "as the first"),
    ],
)  # fmt: skip
def test_a_set_or_a_pair_a_tag_made_is_told_with_the_tag_to_delete(tmp_path, extra, line, field, message, hint):
    assert told(tmp_path, extra) == [(line, field, message, hint)]


def event_told(tmp_path: Path, old: str, new: str) -> list[tuple[int | None, str, str, str]]:
    """(line, field, message, hint) of each problem of the event EVENT, `old` in it replaced by `new`."""
    (tmp_path / "data" / "timeline").mkdir(parents=True)
    (tmp_path / "data" / "timeline" / "signing-hanoi.yaml").write_text(EVENT.replace(old, new), encoding="utf-8")
    _, problems = load_events(tmp_path, {"hanoi-convention-signing-ceremony"})
    return [(problem.line, problem.field, problem.message, problem.hint) for problem in problems]


# An event's texts had their own check, "must be text (put the value in quotes)", which named neither what the value
# is nor the tag that made it so.
@pytest.mark.parametrize("written", ["!!int 5", "5"])
def test_an_event_s_text_of_another_kind_is_told_as_what_it_is_naming_its_tag(tmp_path, written):
    tag = " (tagged !!int)" if written.startswith("!") else ""
    delete = "tags are not allowed: delete the tag, and " if tag else ""
    assert event_told(tmp_path, "pl: Ceremonia podpisania w Hanoi", f"pl: {written}") == [
        (7, "title.pl", f"event 'signing-hanoi': is a number{tag}", f'{delete}write it as text in quotes: pl: "5"')
    ]


# Every other field a data file's reader checks the type of in its own words names the tag too, as the front-matter's.
@pytest.mark.parametrize(
    ("old", "new", "field"),
    [
        ("kind: signing", "kind: !!int 5", "kind"),
        ("  start: 2025-10-25", "  start: !!int 5", "date.start"),
        ("  - https://www.helpnetsecurity.com/2025/10/27/un-convention-against-cybercrime", "  - !!int 5", "sources.0"),
        ("title:\n  pl: Ceremonia podpisania w Hanoi\n  en: Signing ceremony in Hanoi", "title: !!int 5", "title"),
    ],
)
def test_a_data_file_s_value_of_another_kind_is_told_naming_its_tag(tmp_path, old, new, field):
    [(_, told_field, message, hint)] = event_told(tmp_path, old, new)
    assert told_field == field
    assert message.endswith("(tagged !!int)") and hint.startswith("tags are not allowed: delete the tag, and ")


# A list's item has no key: its hint said to write the keys "indented under `:`".
def test_a_list_item_that_should_be_keys_is_told_where_to_write_them(tmp_path):
    [(line, field, message, hint)] = told(tmp_path, "corrections:\n  - 5\n")
    assert (line, field, message) == (10, "corrections.0", "is a number, not a mapping")
    assert "`:`" not in hint and "`- `" in hint, hint


# Whether a reader's message named the tag already was read from the message, which quotes the value: a value whose
# text holds "tagged " was told without its tag, and without the hint to delete it.
def test_a_data_file_s_tagged_value_is_told_with_its_tag_whatever_its_text(tmp_path):
    [(_, field, message, hint)] = event_told(tmp_path, "kind: signing", 'kind: !!str "tagged signing"')
    assert field == "kind" and "tagged signing" in message, message
    assert message.endswith("(tagged !!str)") and hint.startswith("tags are not allowed: delete the tag, and "), hint
