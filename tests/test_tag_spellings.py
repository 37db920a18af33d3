"""A tag that nearly names another topic of its language is a warning with "did you mean", from `make check` and
`make html`: topics are open, so a typo would get a topic page of its own."""

from __future__ import annotations

from pathlib import Path

import pytest

from archive_core.snapshot import take
from archive_core.tag_spellings import near_duplicates
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
    path = add_article(content_copy, "ratyfikcja")  # the fixture's Polish topic is `ratyfikacja`
    expected = (
        f"{path}:10: warning: tags: 'ratyfikcja' nearly names the topic 'ratyfikacja' (1 article(s) in 'pl'), and "
        "would make a topic page of its own (did you mean 'ratyfikacja'? If they are two topics, leave both: this "
        "is only a warning)"
    )
    checked = run_check(content_copy)
    assert checked.returncode == 0, checked.stderr
    assert expected in problem_lines(checked), checked.stderr
    built = run_build(content_copy, tmp_path / "output", env={"COLUMNS": "500"})  # Pelican's log, one line
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
    assert "'ratificaton' nearly names the topic 'ratification'" in problem.message


def test_two_near_topics_nothing_tells_apart_are_both_warned(content_copy):
    # One article each: either may be the typo.
    add_article(content_copy, "ratificaton", lang="en")
    warned = sorted(Path(p.path).name for p in take(content_copy).problems if p.field == "tags")
    assert warned == ["another-step.en.md", "first-ratification.en.md"]


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
    # One use each: nothing tells which is meant, so both are warned, each naming the other.
    assert sorted((Path(p.path).name, p.line, p.severity) for p in warned) == [
        ("another-step.pl.md", 10, "warning"),
        ("c-step.pl.md", 10, "warning"),
    ]
    assert all("make one topic ('c' in 'pl')" in p.message for p in warned)
    assert any(p.message.startswith(f"{tag!r} and 'C'") for p in warned)


def test_of_two_spellings_of_one_address_the_less_used_is_warned(content_copy):
    add_article(content_copy, "C++")
    for name in ("c-one", "c-two"):
        other = content_copy / "articles" / "2026" / f"{name}.pl.md"
        other.write_text(ARTICLE.format(tag="C", lang="pl").replace("another-step", name), encoding="utf-8")
    [problem] = [p for p in take(content_copy).problems if p.field == "tags"]
    assert Path(problem.path).name == "another-step.pl.md"
    assert problem.message.startswith("'C++' and 'C' make one topic")
