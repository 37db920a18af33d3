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
