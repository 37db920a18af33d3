"""A newcomer's YAML mistakes are refused at their line, with a hint that names the mistake and whose advice,
followed, gives the file that was meant."""

from __future__ import annotations

from pathlib import Path

import pytest

from archive_core import frontmatter
from archive_core.articles import read_article
from archive_core.errors import ContentError

GOOD = """---
title: "Litwa ratyfikuje konwencję"
date: 2026-01-14
lang: pl
translation_key: litwa-ratyfikuje
countries: [LT]
source:
  url: https://example.org/a
  publisher: Example
translation:
  from: en
  by: Jan Kowalski                 # who or what translated it
---

Pierwszy akapit.
"""


def error_of(tmp_path: Path, text: str) -> str:
    path = tmp_path / "a.pl.md"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ContentError) as info:
        read_article(path)
    return str(info.value).removeprefix(f"{path}:")


def read(tmp_path: Path, text: str):
    path = tmp_path / "a.pl.md"
    path.write_text(text, encoding="utf-8")
    return read_article(path).meta


def test_a_comment_written_as_the_scaffold_writes_it_is_a_comment(tmp_path):
    assert read(tmp_path, GOOD).translation.by == "Jan Kowalski"
    volunteer = GOOD.replace("Kowalski                 # who or what translated it", "Kowalski  # a volunteer")
    assert read(tmp_path, volunteer).translation.by == "Jan Kowalski"


@pytest.mark.parametrize(
    ("old", "new", "line", "field", "dropped", "quoted"),
    [
        (
            'title: "Litwa ratyfikuje konwencję"',
            "title: Litwa #1 w Europie ratyfikuje",
            2,
            "title",
            "'#1 w Europie ratyfikuje'",
            '"Litwa #1 w Europie ratyfikuje"',
        ),
        (
            "  publisher: Example",
            "  publisher: Example  #wiadomości",
            9,
            "source.publisher",
            "'#wiadomości'",
            '"Example #wiadomości"',
        ),
        (
            "  by: Jan Kowalski                 # who or what translated it",
            "  by: Jan Kowalski # z pomocą AI",
            12,
            "translation.by",
            "'# z pomocą AI'",
            '"Jan Kowalski # z pomocą AI"',
        ),
    ],
    ids=["a number after #", "a hashtag", "a single space before #"],
)
def test_text_an_unquoted_value_would_lose_to_a_comment_is_refused_at_its_line(
    tmp_path, old, new, line, field, dropped, quoted
):
    message = error_of(tmp_path, GOOD.replace(old, new))
    assert message.startswith(f"{line}: {field}: {dropped} is read as a YAML comment"), message
    assert f"put the whole value in quotes, its '#' and all ({quoted})" in message
    # The hint, followed, keeps the whole text.
    key = new.split(":")[0]
    meta = read(tmp_path, GOOD.replace(old, f"{key}: {quoted}"))
    value = {"title": meta.title, "source.publisher": meta.source.publisher, "translation.by": meta.translation.by}
    assert value[field] == quoted.strip('"')


def test_a_data_file_loses_no_text_to_a_comment_either():
    text = "- id: x\n  title:\n    pl: Litwa #1\n    en: Lithuania\n"
    with pytest.raises(ContentError) as info:
        frontmatter.parse_yaml(text, "timeline.yaml", record_key="id")
    assert str(info.value).startswith("timeline.yaml:3: x.title.pl: '#1' is read as a YAML comment"), info.value


@pytest.mark.parametrize(
    ("marker", "reported", "named"),
    [("---", 3, "this line (`---`)"), ("--- # the others", 3, "this line (`---`)"), ("...", 4, "line 3 (`...`)")],
)
def test_a_data_file_of_several_documents_is_told_it_holds_one(marker, reported, named):
    """A YAML stream (records pasted with the `---` of another file between them) was told to check its
    indentation and quotes: the hint names the line that starts or ends a document."""
    text = f"- code: PL\n  status: signed\n{marker}\n- code: VN\n  status: unknown\n"
    with pytest.raises(ContentError) as info:
        frontmatter.parse_yaml(text, "countries.yaml", record_key="code")
    assert str(info.value).startswith(f"countries.yaml:{reported}: yaml: YAML error:"), info.value
    assert f"a file's YAML is one document: {named} starts or ends one" in str(info.value), info.value


@pytest.mark.parametrize(
    ("old", "new", "reported", "hint", "meant", "value"),
    [
        (
            'title: "Litwa ratyfikuje konwencję"',
            "title: Litwa: Sejm ratyfikuje",
            "2: front-matter: YAML error: mapping values are not allowed",
            "the value of `title` on this line holds ': ', which YAML reads as a field's: put the whole value in "
            'quotes: `title: "..."`',
            'title: "Litwa: Sejm ratyfikuje"',
            "Litwa: Sejm ratyfikuje",
        ),
        (
            'title: "Litwa ratyfikuje konwencję"',
            'title: "Litwa ratyfikuje "konwencję""',
            "2: front-matter: YAML error:",
            'the quoted value of `title` on this line ends at its second ", before `konwencję""`: write a " inside '
            'it as \\", or put the value in the other kind of quotes',
            'title: "Litwa ratyfikuje \\"konwencję\\""',
            'Litwa ratyfikuje "konwencję"',
        ),
        (
            'title: "Litwa ratyfikuje konwencję"',
            "title: 'Lithuania's parliament'",
            "2: front-matter: YAML error:",
            "the quoted value of `title` on this line ends at its second ', before `s parliament'`: write a ' inside "
            "it twice (''), or put the value in the other kind of quotes",
            "title: 'Lithuania''s parliament'",
            "Lithuania's parliament",
        ),
        (
            'title: "Litwa ratyfikuje konwencję"',
            "title: „Litwa: ratyfikacja”",
            "2: front-matter: YAML error: mapping values are not allowed",
            "the value of `title` on this line starts with „, which YAML reads as a letter, not as a quotation "
            'mark: put the whole value in straight quotes, `title: "„Litwa: ratyfikacja”"`',
            'title: "„Litwa: ratyfikacja”"',
            "„Litwa: ratyfikacja”",
        ),
        (
            'title: "Litwa ratyfikuje konwencję"',
            'title: „Litwa: ratyfikacja"',  # a Polish opening quote, an English closing one
            "2: front-matter: YAML error: mapping values are not allowed",
            "the value of `title` on this line starts with „, which YAML reads as a letter, not as a quotation "
            'mark: put the whole value in straight quotes, `title: "„Litwa: ratyfikacja\\""`',
            'title: "„Litwa: ratyfikacja\\""',
            '„Litwa: ratyfikacja"',
        ),
        (
            'title: "Litwa ratyfikuje konwencję"',
            "title: @Litwa ratyfikuje",
            "2: front-matter: YAML error:",
            "the value of `title` on this line starts with '@', which YAML reserves: put the whole value in quotes: "
            '`title: "..."`',
            'title: "@Litwa ratyfikuje"',
            "@Litwa ratyfikuje",
        ),
        (
            "lang: pl",
            "lang:pl",
            "4: front-matter: YAML error:",
            "line 4 has no space after the colon of `lang:`: write `lang: pl`",
            "lang: pl",
            "pl",
        ),
        (
            "  url: https://example.org/a",
            "  url:https://example.org/a",
            "8: front-matter: YAML error:",
            "line 8 has no space after the colon of `url:`: write `url: https://example.org/a`",
            "  url: https://example.org/a",
            "https://example.org/a",
        ),
        (
            'title: "Litwa ratyfikuje konwencję"',
            'title: "Litwa ratyfikuje konwencję',
            "12: front-matter: YAML error: found unexpected end of stream",
            "the quotes opened on line 2 are not closed on that line, so YAML reads on into the fields after it: "
            "end that value with its quotation mark",
            'title: "Litwa ratyfikuje konwencję"',
            "Litwa ratyfikuje konwencję",
        ),
        (
            "source:\n  url: https://example.org/a\n",
            "source: https://example.org/a\n",
            "8: front-matter: YAML error:",
            "line 7 gives `source` a value, and this line, indented under it, a field: a field has one or the other "
            "(`source:` alone on its line, its fields indented under it)",
            "source:\n  url: https://example.org/a\n",
            "https://example.org/a",
        ),
    ],
    ids=[
        "a colon in a title",
        "a double quote inside double quotes",
        "an apostrophe inside single quotes",
        "typographic quotes",
        "typographic and straight quotes",
        "a reserved first character",
        "no space after a colon",
        "no space after a nested colon",
        "a quote never closed",
        "a value and fields under it",
    ],
)
def test_a_yaml_syntax_mistake_is_named_and_its_hint_followed_reads_as_meant(
    tmp_path, old, new, reported, hint, meant, value
):
    message = error_of(tmp_path, GOOD.replace(old, new))
    assert message.startswith(reported), message
    assert message.endswith(f"({hint})"), message
    meta = read(tmp_path, GOOD.replace(old, meant))
    assert value in (meta.title, meta.lang, meta.source.url)


def test_a_quoted_value_may_span_lines_and_is_not_blamed_for_a_later_mistake(tmp_path):
    spanning = GOOD.replace('"Litwa ratyfikuje konwencję"', '"Litwa\n  ratyfikuje konwencję"')
    assert read(tmp_path, spanning).title == "Litwa ratyfikuje konwencję"
    message = error_of(tmp_path, spanning.replace("countries: [LT]", "countries: [LT"))
    assert "quotes opened" not in message, message


def test_a_hashtag_as_a_list_item_is_named_and_its_hint_followed_keeps_it(tmp_path):
    message = error_of(tmp_path, GOOD.replace("countries: [LT]", "tags:\n  - #cyber\ncountries: [LT]"))
    assert message.startswith("7: tags.0: '#cyber' is read as a YAML comment"), message
    assert "its '#' and all (\"#cyber\")" in message, message
    assert read(tmp_path, GOOD.replace("countries: [LT]", 'tags:\n  - "#cyber"\ncountries: [LT]')).tags == ("#cyber",)


def test_hashtags_in_a_list_are_named_not_the_list_after_them(tmp_path):
    # The `#` hides the `]`: YAML stops two lines on, after `countries: [LT]`, a list that is closed.
    message = error_of(tmp_path, GOOD.replace("countries: [LT]", "tags: [#cyber, #onz]\ncountries: [LT]"))
    assert message.endswith(
        "(the [ opened on line 6 is not closed on that line, so YAML reads on into the fields after it: close it "
        "there; a '#' in it starts a comment that hides the rest of the line, so quote an item that holds one "
        '(`["#cyber"]`))'
    ), message
    meant = GOOD.replace("countries: [LT]", 'tags: ["#cyber", "#onz"]\ncountries: [LT]')
    assert read(tmp_path, meant).tags == ("#cyber", "#onz")


def test_an_indentation_of_no_break_spaces_is_named(tmp_path):
    message = error_of(tmp_path, GOOD.replace("  url:", "\u00a0\u00a0url:"))
    assert message.endswith(
        "(line 8 is indented with U+00A0, a space YAML does not read as one: retype its indentation with the space bar)"
    ), message


def test_a_list_left_open_is_told_to_be_closed_and_the_hint_followed_reads_as_meant(tmp_path):
    """Quoting it, as the hint for a reserved first character said, made the list a text: `countries: must be a
    list, not str`."""
    message = error_of(tmp_path, GOOD.replace("countries: [LT]", "countries: [LT, LV"))
    assert "close it with ']' (`countries: [...]`), or, if it is a text, put the whole value in quotes" in message
    assert read(tmp_path, GOOD.replace("countries: [LT]", "countries: [LT, LV]")).countries == ("LT", "LV")


@pytest.mark.parametrize(
    ("items", "line", "field", "lines"),
    [
        ("countries:\n - LT\n  - PL\n  - VN", 8, "countries.0", "lines 8 and 9"),  # a code more than `LT - PL - VN`
        ("countries: [LT]\ntags:\n  - ONZ\n    - prawa człowieka", 9, "tags.0", "line 9"),  # a tag, told nothing
    ],
    ids=["countries", "tags"],
)
def test_a_list_item_line_indented_deeper_is_told_and_the_hint_followed_parts_it(tmp_path, items, line, field, lines):
    """A `- ` line indented deeper than the item above it is more of that item's text: `tags` took `ONZ - prawa
    człowieka` as one topic without a word, and `countries` told only `'LT - PL - VN' is not a known country code`."""
    text = GOOD.replace("countries: [LT]", items)
    message = error_of(tmp_path, text)
    above = line - 1
    assert message.startswith(f"{line}: {field}: the `- ` of {lines} is read as more of the item above (line {above})")
    assert f"(indent {lines} as line {above} is:" in message, message
    assert message.count("\n") == 0, message  # told once: not again as an unknown country code
    # Followed: every `- ` line indented as the first item's.
    items_above = text.split("\n")[above - 1]
    indent = items_above[: len(items_above) - len(items_above.lstrip())]
    followed = "\n".join(indent + row.lstrip() if row.lstrip().startswith("- ") else row for row in text.split("\n"))
    meta = read(tmp_path, followed)
    assert len(meta.countries if field.startswith("countries") else meta.tags) > 1


def test_a_data_file_list_item_indented_deeper_is_told_too():
    text = "- id: x\n  articles:\n    - a\n     - b\n"
    with pytest.raises(ContentError) as info:
        frontmatter.parse_yaml(text, "timeline.yaml", record_key="id")
    assert str(info.value).startswith("timeline.yaml:4: x.articles.0: the `- ` of line 4 is read as more"), info.value


def test_an_item_written_over_two_lines_is_one_item(tmp_path):
    assert read(tmp_path, GOOD.replace("countries: [LT]", "countries: [LT]\ntags:\n  - prawa\n    człowieka")).tags == (
        "prawa człowieka",
    )


@pytest.mark.parametrize(
    "item",
    ["cyber\u00adprzestępczość", "👩\u200d💻 informatyczki", "\u200fعربي"],
    ids=["soft hyphen", "joiner of an emoji", "direction mark"],
)
def test_a_character_no_reader_sees_in_a_value_is_not_told_for_the_next_line_s_mistake(tmp_path, item):
    """A list item's text may hold a format character (a soft hyphen pasted from a web page, the joiner of an emoji):
    it is no part of YAML's structure. The mistake on the next line was told as that character on this one
    ('delete it'), and the quote the hint should have named stayed."""
    text = GOOD.replace("countries: [LT]", f'countries: [LT]\ntags:\n  - {item}\nnote: "tak" nie')
    message = error_of(tmp_path, text)
    assert "no reader sees" not in message, message
    assert "the quoted value of `note` on this line ends at its second" in message, message


@pytest.mark.parametrize("line", ["\u200b", "  \u200b", "\u2060\u200b"], ids=["alone", "indented", "two"])
def test_a_line_that_holds_only_a_character_no_reader_sees_is_told_that_character(tmp_path, line):
    """A line of nothing but a zero-width space (pasted between two fields) is YAML's structure, not a value: since
    the hint looked only at the characters before a line's text, it was told 'line 4 is indented 0 space(s): indent
    it 2', and, indented, the line became part of the date."""
    message = error_of(tmp_path, GOOD.replace("date: 2026-01-14\n", f"date: 2026-01-14\n{line}\n"))
    assert "U+200B" in message or "U+2060" in message, message
    assert "indent" not in message.split("(", 1)[1].split(":")[0], message


def test_a_line_that_holds_only_a_character_no_reader_sees_is_fixed_by_deleting_it(tmp_path):
    text = GOOD.replace("date: 2026-01-14\n", "date: 2026-01-14\n\u200b\n")
    assert "delete it" in error_of(tmp_path, text)
    assert read(tmp_path, text.replace("\u200b\n", "")).lang == "pl"


@pytest.mark.parametrize(
    ("items", "line", "field", "written"),
    [
        ("countries:\n  - VN\n    -PL", 8, "countries.0", "- PL"),
        ("countries: [LT]\ntags:\n  - ratyfikacja\n    -cyber", 9, "tags.0", "- cyber"),
    ],
    ids=["countries", "tags"],
)
def test_an_item_without_its_space_indented_deeper_is_told_not_folded(tmp_path, items, line, field, written):
    """`-cyber` under `- ratyfikacja`, indented deeper (as the hint for the line's shape once proposed), is read as
    the one item `ratyfikacja -cyber`: published as one topic without a word."""
    message = error_of(tmp_path, GOOD.replace("countries: [LT]", items))
    assert message.startswith(f"{line}: {field}: the `-` of line {line} is read as more of the item above"), message
    assert f"written `{written}`" in message, message
    assert message.count("\n") == 0, message
