"""The about page: Markdown without raw HTML or unsafe links, one file per language, clear errors."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from archive_core.about_pages import check_about, read_about, render_markdown
from archive_core.errors import ContentError
from archive_core.frontmatter import SplitDocument
from archive_core.repository import repository_of


def test_raw_html_is_text_and_javascript_links_are_refused():
    doc = SplitDocument("about.en.md", "title: A", "<script>alert(1)</script>\n\n[ok](https://example.org)\n", 4)
    html = render_markdown(doc, None)
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert '<a href="https://example.org">ok</a>' in html
    with pytest.raises(ContentError, match=re.escape("about.en.md:5: body: link target 'javascript:alert")):
        render_markdown(SplitDocument("about.en.md", "title: A", "x\n[x](javascript:alert(1))\n", 4), None)


def test_the_page_is_read_with_its_title_and_the_repository_address(tmp_path):
    folder = tmp_path / "about"
    folder.mkdir()
    (folder / "about.en.md").write_text("---\ntitle: About\n---\n\nSee [the code]({repository_url}).\n", "utf-8")
    page = read_about(tmp_path, "en", repository_of({"REPOSITORY_URL": "https://github.com/example/archive/"}))
    assert page.title == "About" and page.url == "en/about/"
    assert '<a href="https://github.com/example/archive">the code</a>' in page.html


# `{repository_url}/blob/HEAD/CONTRIBUTING.md` is GitHub's form of a file's address: on any other host it led nowhere.
# (REPOSITORY_URL, REPOSITORY_FORGE, the link to CONTRIBUTING.md)
FILE_ADDRESSES = [
    ("https://github.com/o/archive", "", "https://github.com/o/archive/blob/main/CONTRIBUTING.md"),
    ("https://gitlab.com/o/archive", "", "https://gitlab.com/o/archive/-/blob/main/CONTRIBUTING.md"),
    ("https://codeberg.org/o/archive", "", "https://codeberg.org/o/archive/src/branch/main/CONTRIBUTING.md"),
    ("https://git.example.org/o/archive", "gitlab", "https://git.example.org/o/archive/-/blob/main/CONTRIBUTING.md"),
    ("https://git.example.org/o/a", "gitea", "https://git.example.org/o/a/src/branch/main/CONTRIBUTING.md"),
]


@pytest.mark.parametrize(("url", "forge", "link"), FILE_ADDRESSES)
def test_a_file_of_the_repository_is_linked_in_the_form_of_the_host_it_is_on(tmp_path, url, forge, link):
    folder = tmp_path / "about"
    folder.mkdir()
    body = "See [the guide]({repository_files}/CONTRIBUTING.md).\n"
    (folder / "about.en.md").write_text(f"---\ntitle: About\n---\n\n{body}", "utf-8")
    page = read_about(tmp_path, "en", repository_of({"REPOSITORY_URL": url, "REPOSITORY_FORGE": forge}))
    assert f'<a href="{link}">the guide</a>' in page.html


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
        read_about(tmp_path, "pl", None)
    assert error.value.problem.field == field


@pytest.mark.parametrize(
    ("body", "line", "message"),
    [
        ("Text.\n\n# A second title\n", 7, "has a `#` heading, which would be a second title of the page"),
        ("Text.\n\n::: caption\nThe hall.\n\nMore text.\n", 7, "has a `::: caption` that is never closed"),
        ("Text.\n\n::: caption\nThe hall.\n\nMore text.\n:::\n", 7, "has a `::: caption` that holds more than one"),
    ],
)
def test_the_body_is_refused_where_an_article_body_would_be(tmp_path, body, line, message):
    folder = tmp_path / "about"
    folder.mkdir()
    for lang in ("pl", "en"):
        (folder / f"about.{lang}.md").write_text("---\ntitle: About\n---\n\nText.\n", "utf-8")
    (folder / "about.en.md").write_text("---\ntitle: About\n---\n\n" + body, "utf-8")
    [problem] = check_about(tmp_path)  # what `make check` and the build report
    assert (problem.path, problem.line, problem.field) == (str(folder / "about.en.md"), line, "body")
    assert problem.message.startswith(message) and problem.hint


def test_every_problem_of_both_pages_and_the_folder_is_told_at_once(tmp_path):
    folder = tmp_path / "about"
    folder.mkdir()
    (folder / "about.pl.md").write_text("---\ntitle: O\nauthor: B\n---\n\n# Tytuł\n\n[x](javascript:x)\n", "utf-8")
    (folder / "about.en.md").write_text("---\nsummary: A\n---\n\n[](https://example.org)\n", "utf-8")
    (folder / "about.de.md").write_text("---\ntitle: Über\n---\n\nText.\n", "utf-8")
    told = [(problem.path.rsplit("/", 1)[1], problem.line, problem.field) for problem in check_about(tmp_path)]
    assert told == [
        ("about.de.md", None, "file"),
        ("about.pl.md", 3, "author"),
        ("about.pl.md", 6, "body"),
        ("about.pl.md", 8, "body"),
        ("about.en.md", 2, "title"),
        ("about.en.md", 2, "summary"),
        ("about.en.md", 5, "body"),
    ]


def test_the_logs_pagination_is_added_to_a_copy_of_the_settings_paginated_templates(tmp_path):
    """Pelican gives the plugin the settings it was given: their PAGINATED_TEMPLATES is the caller's dict, which the
    next build of the process may be given again (tools/build.py copies what it gives; this holds without it)."""
    from pelican import Pelican
    from pelican.settings import read_settings

    from about import CORRECTIONS_PER_PAGE, TEMPLATE
    from tools.plugin_receivers import receivers_of_this_build

    root = Path(__file__).resolve().parents[3]
    given = {"index": 3}
    settings = read_settings(
        str(root / "pelican.conf.py"),
        override={"PATH": str(tmp_path), "OUTPUT_PATH": str(tmp_path / "output"), "PAGINATED_TEMPLATES": given},
    )
    with receivers_of_this_build():  # the plugins' receivers, connected as a build connects them
        pelican = Pelican(settings)  # sends `initialized`: the about plugin's receiver runs
    assert given == {"index": 3}
    assert pelican.settings["PAGINATED_TEMPLATES"] == {"index": 3, TEMPLATE: CORRECTIONS_PER_PAGE}
