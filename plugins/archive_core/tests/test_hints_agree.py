"""The hints of one file agree: where a field's hint and the file's name each propose a value, they propose the same,
and a hint that names the file is not followed by a second problem telling the name again, whatever its words."""

from __future__ import annotations

import re

import pytest

from archive_core import schema

from .test_contributor_mistakes import ARTICLE_A, BODY, EVENT, FRONT, told


@pytest.mark.parametrize(
    ("name", "key_line", "proposed"),
    [
        ("mój tytuł", "translation_key: 7", "moj-tytul"),  # the name's key, as a key may be written
        ("Tytul", "translation_key: 7", "tytul"),
        ("tytul", "translation_key: 7", "tytul"),  # the name gives it as it is
        ("tytul", "translation_key: [tytul]", "tytul"),
        ("tytul", "translation_key: Tytuł X", "tytul"),  # not `tytul-x`, which the name then contradicted
    ],
    ids=["a name no key may be", "a name in capitals", "a key's name", "a list", "not a slug"],
)
def test_a_key_of_the_wrong_type_is_proposed_the_key_the_file_s_name_gives(tmp_path, name, key_line, proposed):
    """`translation_key: 7` in `mój tytuł.pl.md` was told to write `translation_key: "7"`, and the name to be
    renamed to moj-tytul.pl.md with `translation_key: moj-tytul`: two hints, and either, followed, failed the other."""
    text = FRONT.replace("translation_key: tytul", key_line) + BODY
    [problem] = told(tmp_path / "sent", {f"articles/2025/{name}.pl.md": text})
    assert problem.startswith(f"{name}.pl.md:5: translation_key: "), problem
    assert f"write `translation_key: {proposed}`" in problem, problem
    followed = FRONT.replace("translation_key: tytul", f"translation_key: {proposed}") + BODY
    assert told(tmp_path / "followed", {f"articles/2025/{proposed}.pl.md": followed}) == []


def test_a_key_the_name_gives_that_yaml_reads_as_a_number_is_proposed_in_quotes(tmp_path):
    """`7.pl.md` without its key was told to add `translation_key: 7`, a number, refused a round later."""
    text = FRONT.replace("translation_key: tytul\n", "") + BODY
    [problem] = told(tmp_path / "sent", {"articles/2025/7.pl.md": text})
    assert 'add `translation_key: "7"`' in problem, problem
    followed = FRONT.replace("translation_key: tytul", 'translation_key: "7"') + BODY
    assert told(tmp_path / "followed", {"articles/2025/7.pl.md": followed}) == []


@pytest.mark.parametrize(
    ("lang_line", "hint"),
    [
        ("lang: 7", "write `lang: pl`: the file's name gives it"),  # was `lang: pl or lang: en`
        ("lang: [en]", "write `lang: en` if the text is in 'en', and rename the file to tytul.en.md"),
        ("lang: PL", "did you mean 'pl'?"),
    ],
    ids=["no language", "another language", "the name's language"],
)
def test_a_language_that_is_none_is_proposed_as_the_file_s_name_gives_it(tmp_path, lang_line, hint):
    text = FRONT.replace("lang: pl", lang_line) + BODY
    [problem] = told(tmp_path, {"articles/2025/tytul.pl.md": text})
    assert problem.startswith("tytul.pl.md:4: lang: "), problem
    assert hint in problem, problem


@pytest.mark.parametrize(
    ("name", "key_line"),
    [
        ("mój tytuł", "translation_key: Mój Tytuł\n"),  # a key's hint that renames the file too
        ("mój tytuł", ""),  # missing
        ("mój tytuł", "translation_key: 7\n"),  # of the wrong type
        ("cón", "translation_key: Cón\n"),  # told to name the files by a key of another word
    ],
    ids=["not a slug", "missing", "a number", "a key no file may be named by"],
)
def test_a_hint_that_names_the_file_is_not_followed_by_the_name_told_again_whatever_its_words(
    tmp_path, monkeypatch, name, key_line
):
    """Whether the name was told already was read from the key hint's words (`rename the file to `): a hint
    reworded, the file was told its name a second time, at `path`."""
    reworded = lambda self, key: f", and give the file the name {key}.pl.md"  # noqa: E731
    monkeypatch.setattr(schema._Validator, "renamed_for_key", reworded)
    monkeypatch.setattr(schema, "_KEY_HINT", "make the key longer (`-conference`), in every version and file name")
    text = FRONT.replace("translation_key: tytul\n", key_line) + BODY
    problems = told(tmp_path, {f"articles/2025/{name}.pl.md": text})
    assert [problem.split(": ")[1] for problem in problems] == ["translation_key"], problems


@pytest.mark.parametrize("name", ["pl/litwa.md", "litwa.md"])  # under articles/: told by `file_place`
def test_an_article_saved_where_no_article_is_read_is_told_the_place_its_front_matter_gives(tmp_path, name):
    """`pl/litwa.md`, a whole article, was told only where each kind of file goes (`content/ holds articles/...`):
    its front-matter gives its place, as it did for a file named `<key>.<lang>.md`."""
    [problem] = told(tmp_path, {name: FRONT + BODY})
    assert problem.startswith("litwa.md:None: file: is not read by the build"), problem
    assert problem.endswith("by its front-matter: move it to articles/2025/tytul.pl.md)"), problem


def _followed(problem: str, field: str, text: str) -> str:
    """`text` with the line of `field` written as the hint of `problem` says, word for word."""
    [proposed] = re.findall(rf"(?:add|write|give this one) `({field}: [^`]*)`", problem)[:1]
    lines = [line for line in text.split("\n") if not line.startswith(f"{field}:")]
    return "\n".join([lines[0], proposed, *lines[1:]])


@pytest.mark.parametrize(
    ("name", "line"),
    [
        ("true", "translation_key: 'TRUE'"),  # a key in capitals, which YAML reads as text while it is quoted
        ("false", "translation_key: 'False'"),
        ("null", "translation_key: 'NULL'"),  # unquoted, `null`: no value, and the key "is missing"
        ("0x10", "translation_key: 0X10"),  # a number written in lower case
        ("0b11", "translation_key: 0B11"),
        ("1e3", ""),  # text as the front-matter reads it: proposed as it is
        ("yes", ""),  # text too (YAML 1.2's yes/no values: `true` and `false` alone)
        ("2025-10-26", "translation_key: [x]"),  # a date
        ("true", "translation_key: inny"),  # another key than the name's (`file_place`)
        ("0x10", "translation_key: inny"),
    ],
)
def test_a_key_a_hint_proposes_that_yaml_reads_as_another_type_works_as_the_hint_writes_it(tmp_path, name, line):
    """`translation_key: 'TRUE'` in `true.pl.md` was told to write `translation_key: true`, a yes/no value, refused
    the next round."""
    text = FRONT.replace("translation_key: tytul\n", f"{line}\n" if line else "") + BODY
    [problem] = told(tmp_path / "sent", {f"articles/2025/{name}.pl.md": text})
    followed = _followed(problem, "translation_key", text)
    assert told(tmp_path / "followed", {f"articles/2025/{name}.pl.md": followed}) == [], (problem, followed)
    assert (f'"{name}"' in problem) == (name not in ("1e3", "yes")), problem  # quoted only where it must be


@pytest.mark.parametrize("written", ["'TRUE'", "'Null'", "0X10"])
def test_a_slug_a_hint_proposes_that_yaml_reads_as_another_type_works_as_the_hint_writes_it(tmp_path, written):
    text = FRONT.replace("lang: pl", f"lang: pl\nslug: {written}") + BODY
    [problem] = told(tmp_path / "sent", {"articles/2025/tytul.pl.md": text})
    assert re.search(r'write `slug: "[a-z0-9]+"`', problem), problem  # `slug: null` was no slug: the title's
    followed = _followed(problem, "slug", text)
    assert told(tmp_path / "followed", {"articles/2025/tytul.pl.md": followed}) == [], (problem, followed)


@pytest.mark.parametrize("written", ["'TRUE'", "'NULL'", "0X10"])
def test_an_event_id_a_hint_proposes_that_yaml_reads_as_another_type_works_as_the_hint_writes_it(tmp_path, written):
    """`id: 'TRUE'` was told to write `id: true` (and name the file true.yaml): a yes/no value, refused next."""
    event = EVENT.replace("id: opening", f"id: {written}")
    files = {"articles/2025/a.pl.md": ARTICLE_A, "data/timeline/opening.yaml": event}
    [problem] = [problem for problem in told(tmp_path / "sent", files) if ": id: " in problem]
    assert re.search(r'write `id: "[a-z0-9]+"`', problem), problem
    name = re.search(r"name the file (\S+\.yaml)", problem)[1]
    followed = {"articles/2025/a.pl.md": ARTICLE_A, f"data/timeline/{name}": _followed(problem, "id", event)}
    assert told(tmp_path / "followed", followed) == [], (problem, followed)


def test_a_file_named_by_no_key_whose_front_matter_does_not_read_is_proposed_a_key_as_yaml_reads_it(tmp_path):
    """`TRUE.pl.md` with a YAML error was told to take the name true.pl.md and `translation_key: true`."""
    text = FRONT.replace("translation_key: tytul\n", "").replace("lang: pl", "lang: [pl") + BODY
    problems = told(tmp_path / "sent", {"articles/2025/TRUE.pl.md": text})
    [named] = [problem for problem in problems if ": path: " in problem]
    assert 'rename the file to true.pl.md, in its folder, and write `translation_key: "true"`' in named, named
    followed = _followed(named, "translation_key", text.replace("lang: [pl", "lang: pl"))
    assert told(tmp_path / "followed", {"articles/2025/true.pl.md": followed}) == [], (named, followed)


def test_a_slug_proposed_to_end_an_address_clash_works_as_the_hint_writes_it(tmp_path):
    """`2025-10` taken twice, and `2025-10-2` to `2025-10-9` by others: the second was told `slug: 2025-10-10`, which
    YAML reads as the date 2025-10-10."""
    texts = {key: FRONT.replace("tytul", key).replace("title: Tytuł", "title: '2025 10'") + BODY for key in ("a", "b")}
    for number in range(2, 10):
        key = f"taken-{number}"
        texts[key] = FRONT.replace("tytul", key).replace("\nlang:", f"\nslug: 2025-10-{number}\nlang:") + BODY
    problems = told(tmp_path / "sent", {f"articles/2025/{key}.pl.md": text for key, text in texts.items()})
    # Each of the two is told a slug of its own (which was added last, the check cannot know): either works.
    proposed = {problem.split(":")[0]: problem for problem in problems if "give this one `slug:" in problem}
    assert sorted(proposed) == ["a.pl.md", "b.pl.md"], problems
    for key in ("a", "b"):
        assert proposed[f"{key}.pl.md"].startswith(f"{key}.pl.md:2: title: "), problems
        followed = {
            **texts,
            key: _followed(proposed[f"{key}.pl.md"], "slug", texts[key].replace("\nlang:", "\nslug: ...\nlang:")),
        }
        assert told(tmp_path / f"followed-{key}", {f"articles/2025/{k}.pl.md": t for k, t in followed.items()}) == []


@pytest.mark.parametrize(
    ("written", "proposed"),
    [("2025-26-10", "2025-10-26"), ("2025-13-01", "2025-01-13"), ("2025-26-10T10:00:00", "2025-10-26T10:00:00")],
)
def test_a_date_of_day_and_month_swapped_is_proposed_the_date_it_would_be(tmp_path, written, proposed):
    """`date: 2025-26-10` was told `impossible date: month must be in 1..12`, and to use a real calendar date."""
    [problem] = told(tmp_path / "sent", {"articles/2025/tytul.pl.md": FRONT.replace("2025-10-26", written) + BODY})
    assert problem.startswith("tytul.pl.md:3: date: impossible date: "), problem
    assert problem.endswith(f"(the month comes before the day: write {proposed} (year-month-day))"), problem
    followed = FRONT.replace("2025-10-26", proposed) + BODY
    assert told(tmp_path / "followed", {"articles/2025/tytul.pl.md": followed}) == []


@pytest.mark.parametrize(
    ("written", "part", "number"),
    [
        ("2025-10-26T25:00:00", "hour", "25"),
        ("2025-10-26 12:60:00", "minute", "60"),
        ("2025-10-26T12:00:61", "second", "61"),
    ],
)
def test_a_time_of_day_out_of_range_is_told_its_part_not_to_write_a_real_date(tmp_path, written, part, number):
    """`date: 2025-10-26T25:00:00` was told to "use a real calendar date", the date right and the hour wrong."""
    [problem] = told(tmp_path, {"articles/2025/tytul.pl.md": FRONT.replace("2025-10-26", written) + BODY})
    assert problem.startswith(
        f"tytul.pl.md:3: date: impossible time of day: the date is right, the {part} {number} "
    ), problem
    assert "calendar" not in problem and f"write the {part} from 00 to " in problem, problem


def test_a_date_no_swap_makes_real_is_told_to_write_a_real_date(tmp_path):
    [problem] = told(tmp_path, {"articles/2025/tytul.pl.md": FRONT.replace("2025-10-26", "2025-13-13") + BODY})
    assert problem.endswith("(use a real calendar date, YYYY-MM-DD)"), problem


@pytest.mark.parametrize("written", ["\\t", "\\v", "\\f", "\\u2028", "\\u2029", "\t"])
def test_white_space_a_title_may_not_hold_is_proposed_a_space_and_a_space_ends_the_problem(tmp_path, written):
    """A tab in a title was told it holds "a control character" that a reader cannot see, to delete it: deleted, the
    two words around it ran together."""
    text = FRONT.replace("title: Tytuł", f'title: "Tytuł{written}drugi"') + BODY
    [problem] = told(tmp_path / "sent", {"articles/2025/tytul.pl.md": text})
    assert problem.startswith("tytul.pl.md:2: title: holds "), problem
    assert "(replace it with a space" in problem and "delete" not in problem, problem
    followed = FRONT.replace("title: Tytuł", 'title: "Tytuł drugi"') + BODY
    assert told(tmp_path / "followed", {"articles/2025/tytul.pl.md": followed}) == []
    if written in ("\\t", "\t"):
        assert "U+0009 (a tab)" in problem, problem
