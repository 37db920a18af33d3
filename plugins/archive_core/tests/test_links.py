"""Links between articles: `{filename}` targets must be published articles."""

from __future__ import annotations

from pathlib import Path

import pytest

from archive_core.checks import check_internal_links
from archive_core.snapshot import take

ARTICLE = """---
title: "{title}"
date: 2025-10-26
lang: en
translation_key: {key}
source:
  url: https://example.org/{key}
  publisher: Example
---

Lead.

{body}
"""


def write_article(content: Path, key: str, body: str = "Text.") -> Path:
    path = content / "articles" / "2025" / f"{key}.en.md"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(ARTICLE.format(title=key, key=key, body=body), encoding="utf-8")
    return path


def messages(content: Path) -> list[str]:
    return [str(p) for p in check_internal_links(take(content))]


def test_links_to_existing_articles_pass(tmp_path):
    write_article(tmp_path, "target", "Note[^1]\n\n[^1]: Foot.")
    write_article(
        tmp_path,
        "source",
        "See [absolute]({filename}/articles/2025/target.en.md), [relative]({filename}target.en.md)"
        " and [a footnote]({filename}/articles/2025/target.en.md#fn1).",
    )
    assert messages(tmp_path) == []


def test_link_to_missing_article_names_file_and_line(tmp_path):
    source = write_article(tmp_path, "source", "First paragraph.\n\nSee [gone]({filename}/articles/2025/gone.en.md).")
    [message] = messages(tmp_path)
    line = int(message.split(":")[1])
    assert message.startswith(f"{source}:{line}: body: link '{{filename}}/articles/2025/gone.en.md'")
    assert "not in the archive" in message and message.endswith(")")
    assert "[gone]" in source.read_text().splitlines()[line - 1]


def test_missing_anchor_outside_folder_bare_md_and_tag_links(tmp_path):
    write_article(tmp_path, "target")
    write_article(
        tmp_path,
        "source",
        "[a]({filename}/articles/2025/target.en.md#nowhere)\n\n"
        "[b]({filename}../../../../etc/passwd)\n\n"
        "[c](target.en.md)\n\n"
        "[d]({tag}cybercrime)\n\n"
        "[e]({static}/images/missing.jpg)",
    )
    found = messages(tmp_path)
    assert len(found) == 5, found
    expected = ["#nowhere", "outside the content folder", "without {filename}", "tag page", "does not exist"]
    for message, text in zip(found, expected, strict=True):
        assert text in message


@pytest.mark.parametrize(
    ("written", "name", "said", "hint"),
    [
        (
            "{static}/images/map%2Epng",
            "map.png",
            "spells images/map.png with %-escapes, which Pelican does not read",
            "write the path as the file is named, without escapes: {static}/images/map.png",
        ),
        (
            "{static}/images/a%2Dmap.png",
            "a-map.png",
            "spells images/a-map.png with %-escapes",
            "{static}/images/a-map.png",
        ),
        # A letter outside ASCII, written as it is or escaped: a link's address carries it escaped either way.
        (
            "{static}/images/łódź.png",
            "łódź.png",
            "a name with 'ó', 'ł', 'ź', which no link reaches",
            "such as images/lodz.png, linked as {static}/images/lodz.png",
        ),
        (
            "{static}/images/%C5%82od%C5%BA.png",
            "łodź.png",
            "which no link reaches",
            "such as images/lodz.png, linked as {static}/images/lodz.png",
        ),
    ],
)
def test_a_static_link_with_an_escape_in_its_path_is_told_the_escape_not_a_missing_file(
    tmp_path, written, name, said, hint
):
    """Pelican copies the file a `{static}` link names as its path is written, decoding `%20` only: the link was told
    it 'points to a file that does not exist', beside the file, told it is linked by no article."""
    (tmp_path / "images").mkdir()
    (tmp_path / "images" / name).write_bytes(b"\x89PNG\r\n\x1a\n")
    write_article(tmp_path, "source", f"![A map]({written})")
    problems = [problem for problem in take(tmp_path).problems if problem.severity == "error"]
    assert len(problems) == 1, problems
    [problem] = problems
    assert problem.field == "body" and "does not exist" not in problem.message, problem
    assert said in problem.message and hint in problem.hint, problem


@pytest.mark.parametrize(
    ("link", "proposed"),
    [
        ("{filename}/articles/2025/Target.en.md", "{filename}/articles/2025/target.en.md"),
        ("{filename}articles/2025/target.en.md#fn1", "{filename}/articles/2025/target.en.md#fn1"),
        ("{filename}/articles/2025/target.EN.md", "{filename}/articles/2025/target.en.md"),
        ("{static}/images/MAPA.png", "{static}/images/mapa.png"),
        ("{filename}images/mapa.png", "{static}/images/mapa.png"),
    ],
)
def test_a_link_to_a_file_that_is_there_otherwise_is_proposed_the_link_that_reaches_it(tmp_path, link, proposed):
    """`{filename}/articles/2025/Target.en.md` was told it "points to an article that is not in the archive", the
    article there in other capitals; `{filename}images/mapa.png` to link an article, with the file there too."""
    write_article(tmp_path, "target", "Note[^1]\n\n[^1]: Foot.")
    (tmp_path / "images").mkdir()
    (tmp_path / "images" / "mapa.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    write_article(tmp_path, "source", f"See [it]({link}).")
    [message] = messages(tmp_path)
    assert message.endswith(f": write {proposed})"), message
    write_article(tmp_path, "source", f"See [it]({proposed}).")
    assert messages(tmp_path) == []


def test_a_link_to_no_file_in_any_case_is_proposed_no_link(tmp_path):
    write_article(tmp_path, "source", "See [it]({static}images/mapa.png) and [this]({filename}/articles/x.en.md).")
    assert all(": write {" not in message for message in messages(tmp_path))
