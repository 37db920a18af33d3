"""A tag that nearly names another topic of its language is a warning with "did you mean", from `make check` and
`make html`: topics are open, so a typo would get a topic page of its own."""

from __future__ import annotations

from pathlib import Path

import pytest

from archive_core.snapshot import take
from archive_core.tag_spellings import near_duplicates, near_groups
from archive_core.urls import tag_slug

from .build_helpers import run_build
from .test_check import problem_lines, run_check

ARTICLE = """---
title: "Kolejny krok"
date: 2026-03-01
lang: {lang}
translation_key: another-step
source:
  url: https://example.org/another-step
  publisher: Example
tags:
  - {tag}
  - negocjacje
---

Tekst.
"""


def add_article(content: Path, tag: str, lang: str = "pl") -> Path:
    path = content / "articles" / "2026" / f"another-step.{lang}.md"
    path.write_text(ARTICLE.format(tag=tag, lang=lang), encoding="utf-8")
    return path


def test_a_typo_of_a_topic_is_a_warning_of_make_check_and_make_html(content_copy, tmp_path):
    (content_copy / "data" / "topics.yaml").write_text(
        "topics:\n  - {pl: ratyfikacja, en: ratification}\n", encoding="utf-8"
    )  # the topic meant
    path = add_article(content_copy, "ratyfikcja")  # the fixture's Polish topic is `ratyfikacja`
    expected = (
        f"{path}:10: warning: tags: 'ratyfikacja' (1 article(s)), 'ratyfikcja' (1 article(s)) nearly name one topic "
        f"in 'pl', and each would make a topic page of its own: {path}:10 'ratyfikcja' (did you mean 'ratyfikacja'? "
        "If they are different topics, leave them: this is only a warning)"
    )
    checked = run_check(content_copy)
    assert checked.returncode == 0, checked.stderr
    assert expected in problem_lines(checked), checked.stderr
    built = run_build(content_copy, tmp_path / "output", env={"COLUMNS": "2000"})  # Pelican's log, one line
    assert built.returncode == 0, built.stderr
    assert expected.split(": warning: ")[1] in " ".join((built.stderr + built.stdout).split())


@pytest.mark.parametrize("tag", ["ratyfikacja", "Ratyfikacja ", "RATYFIKACJA", "ratyfikacją"])
def test_the_same_topic_however_written_is_no_warning(content_copy, tag):
    # Case, diacritics, spaces and punctuation make no topic of their own: nothing to warn about.
    add_article(content_copy, tag)
    assert [p for p in take(content_copy).problems if p.field == "tags"] == []


def test_a_topic_of_the_other_language_is_not_compared(content_copy):
    # Compared with the English topics, not the Polish `ratyfikacja`; topics.yaml names the right one.
    (content_copy / "data" / "topics.yaml").write_text(
        "topics:\n  - {pl: ratyfikacja, en: ratification}\n", encoding="utf-8"
    )
    add_article(content_copy, "ratificaton", lang="en")
    [problem] = [p for p in take(content_copy).problems if p.field == "tags"]
    assert problem.message.startswith("'ratification' (1 article(s)), 'ratificaton' (1 article(s)) nearly name")
    assert "in 'en'" in problem.message and problem.hint.startswith("did you mean 'ratification'?")


def test_two_near_topics_nothing_tells_apart_are_one_warning_naming_both(content_copy):
    # One article each: either may be the typo.
    path = add_article(content_copy, "ratificaton", lang="en")
    [warned] = [p for p in take(content_copy).problems if p.field == "tags"]  # one warning, naming both uses
    assert Path(warned.path).name == "another-step.en.md" and warned.line == 10
    assert f"{path}:10 'ratificaton'" in warned.message and "first-ratification.en.md:" in warned.message
    assert warned.hint.startswith("nothing tells which is meant")


@pytest.mark.parametrize(
    ("tags", "near"),
    [
        (["human rights", "humanrights"], {"human-rights": {"humanrights"}, "humanrights": {"human-rights"}}),
        (["ratyfikacja", "ratyfikcja"], {"ratyfikacja": {"ratyfikcja"}, "ratyfikcja": {"ratyfikacja"}}),
        (["ratyfikacja", "ratyfikajca"], {"ratyfikacja": {"ratyfikajca"}, "ratyfikajca": {"ratyfikacja"}}),
        (["konwencja", "konwencji"], {"konwencja": {"konwencji"}, "konwencji": {"konwencja"}}),
        (["ue", "un", "onz", "nato", "nata"], {}),  # too short to tell a typo from another name
        (["austria", "australia", "ratyfikacja", "ratification"], {}),
    ],
)
def test_near_duplicates(tags, near):
    assert near_duplicates({tag_slug(tag) for tag in tags}) == near


@pytest.mark.parametrize("tag", ["C++", "c#", "C "])
def test_a_tag_that_shares_its_topic_only_through_punctuation_is_warned(content_copy, tag):
    # `C++`, `C#` and `C` have one address (`c`): a reader would take them for one topic page of three topics.
    add_article(content_copy, "C")
    other = content_copy / "articles" / "2026" / "c-step.pl.md"
    other.write_text(ARTICLE.format(tag=tag, lang="pl").replace("another-step", "c-step"), encoding="utf-8")
    warned = [p for p in take(content_copy).problems if p.field == "tags"]
    if tag.strip() == "C":
        assert warned == []  # spaces and case: the same name
        return
    # One use each: nothing tells which is meant, so one warning names both uses.
    [problem] = warned
    assert (Path(problem.path).name, problem.line, problem.severity) == ("another-step.pl.md", 10, "warning")
    assert "make one topic ('c' in 'pl')" in problem.message and f"{tag!r}" in problem.message
    assert "another-step.pl.md:10 'C'" in problem.message and f"c-step.pl.md:10 {tag!r}" in problem.message


def test_of_two_spellings_of_one_address_the_less_used_is_warned(content_copy):
    add_article(content_copy, "C++")
    for name in ("c-one", "c-two"):
        other = content_copy / "articles" / "2026" / f"{name}.pl.md"
        other.write_text(ARTICLE.format(tag="C", lang="pl").replace("another-step", name), encoding="utf-8")
    [problem] = [p for p in take(content_copy).problems if p.field == "tags"]
    assert Path(problem.path).name == "another-step.pl.md"
    assert problem.message.startswith("'C', 'C++' make one topic") and problem.hint.startswith("write it 'C'")
    assert "c-one" not in problem.message and "c-two" not in problem.message  # only the use to correct


def test_a_series_of_near_tags_is_one_warning_naming_every_spelling(content_copy):
    # `ratyfikacja`, `ratyfikacja1`... `ratyfikacja9`: each near the others; in two articles each.
    series = ["ratyfikacja", *(f"ratyfikacja{n}" for n in range(1, 10))]
    (content_copy / "data" / "topics.yaml").write_text(
        "topics:\n  - {pl: ratyfikacja, en: ratification}\n", encoding="utf-8"
    )  # the topic meant
    for name in ("series-one", "series-two"):
        path = content_copy / "articles" / "2026" / f"{name}.pl.md"
        text = ARTICLE.format(tag=series[1], lang="pl").replace("another-step", name)
        path.write_text(text.replace(f"  - {series[1]}\n", "".join(f"  - {t}\n" for t in series[1:])), "utf-8")
    [problem] = [p for p in take(content_copy).problems if p.field == "tags"]
    assert all(f"{tag!r} (" in problem.message for tag in series), problem.message
    assert problem.hint.startswith("did you mean 'ratyfikacja'?")  # the fixture's topic, in topics.yaml
    assert "and 8 more" in problem.message  # 18 uses to correct, the first 10 shown


def test_near_groups_join_a_chain():
    near = near_duplicates({"ratyfikacja", "ratyfikacjax", "ratyfikacjaxy", "konwencja", "konwencji"})
    assert near_groups(near) == [["konwencja", "konwencji"], ["ratyfikacja", "ratyfikacjax", "ratyfikacjaxy"]]
