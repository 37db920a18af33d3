"""Links between articles: `{filename}` targets must be published articles."""

from __future__ import annotations

from pathlib import Path

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
