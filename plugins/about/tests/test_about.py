"""The about page: Markdown without raw HTML or unsafe links, one file per language, clear errors."""

from __future__ import annotations

import pytest

from about import read_about
from about.render import render_markdown
from archive_core.errors import ContentError


def test_raw_html_is_text_and_javascript_links_are_refused():
    html = render_markdown("<script>alert(1)</script>\n\n[x](javascript:alert(1)) [ok](https://example.org)\n")
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert 'href="javascript' not in html
    assert '<a href="https://example.org">ok</a>' in html


def test_the_page_is_read_with_its_title_and_the_repository_address(tmp_path):
    folder = tmp_path / "about"
    folder.mkdir()
    (folder / "about.en.md").write_text("---\ntitle: About\n---\n\nSee [the code]({repository_url}).\n", "utf-8")
    page = read_about(tmp_path, "en", "https://github.com/example/archive")
    assert page.title == "About" and page.url == "en/about/"
    assert '<a href="https://github.com/example/archive">the code</a>' in page.html


@pytest.mark.parametrize(
    ("text", "field"),
    [(None, "file"), ("---\ntitle: ''\n---\nx\n", "title"), ("---\ntitle: A\nauthor: B\n---\nx\n", "author")],
)
def test_a_missing_file_or_a_bad_front_matter_names_the_field(tmp_path, text, field):
    folder = tmp_path / "about"
    folder.mkdir()
    if text is not None:
        (folder / "about.pl.md").write_text(text, "utf-8")
    with pytest.raises(ContentError) as error:
        read_about(tmp_path, "pl", "")
    assert error.value.problem.field == field
