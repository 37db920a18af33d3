"""A tag `make check` takes makes its topic page at the archive's address, and Pelican says nothing of it.

Pelican makes a tag's slug its own way (HTML tags stripped, entities read, `;` or `,` splitting a list written
as text): `</style>` had no slug there ("Unable to generate valid slug for Tag", in every build of valid
content), and `x, y` was two tags. Its tags are the archive's, each with the topic page's slug (`tag_slug`).
"""

from __future__ import annotations

from pathlib import Path

from pelican.settings import DEFAULT_CONFIG

from archive_core.urls import tag_slug, tag_url
from markdown_reader import pelican_tags

from .build_helpers import run_build, settings_file

TAGS = ["</style>", "x, y", "AT&amp;T", "<b>pogrubione</b>", "a; b", "Prawa człowieka"]
ARTICLE = """---
title: {title}
date: 2025-10-2{day}
lang: pl
translation_key: {key}
source:
  url: https://example.org/{key}
  publisher: Example
tags: {tags}
---
Tekst artykułu.
"""


def test_pelican_s_tags_are_the_archive_s_each_with_its_topic_page_s_slug():
    tags = pelican_tags(tuple(TAGS), DEFAULT_CONFIG)
    assert [(tag.name, tag.slug) for tag in tags] == [(tag, tag_slug(tag)) for tag in TAGS]


def test_a_build_of_odd_tags_warns_of_nothing_and_links_each_topic_page(tmp_path: Path):
    content = tmp_path / "content"
    (content / "articles" / "2025").mkdir(parents=True)
    # One article each: Pelican split a list on `;` when one tag held it, so that `</style>` was no tag alone.
    for day, tag in enumerate(TAGS, 1):
        key = f"artykul-{day}"
        text = ARTICLE.format(title=f"Artykuł {day}", day=day, key=key, tags=f"[{tag!r}]")
        (content / "articles" / "2025" / f"{key}.pl.md").write_text(text, encoding="utf-8")
    result = run_build(content, tmp_path / "output", settings_file(tmp_path, "SEARCH_INDEX = False"), timeout=300)
    assert result.returncode == 0, result.stderr
    said = result.stdout + result.stderr
    assert "WARNING" not in said and "Unable to generate" not in said, said
    for day, tag in enumerate(TAGS, 1):
        page = (tmp_path / "output" / "pl" / "2025" / f"artykul-{day}" / "index.html").read_text(encoding="utf-8")
        assert f'href="/{tag_url(tag_slug(tag), "pl")}"' in page, tag
        assert (tmp_path / "output" / tag_url(tag_slug(tag), "pl") / "index.html").is_file(), tag
