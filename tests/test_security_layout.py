"""Every file of the content folder is read, or refused: no file a Windows checkout cannot hold, no file that
the build would silently ignore. See docs/security.md."""

from __future__ import annotations

from pathlib import Path

import pytest

from archive_core import paths
from archive_core.errors import ContentError
from archive_core.layout import COUNTRY_NAMES_FILE, DATA_FILES, RAW_NAME_RULE, Layout
from archive_core.links import NAME_HINT, UNREACHABLE
from tools.check import check

from .build_helpers import run_build, settings_file
from .fixture_archive import PL_ARTICLE, file
from .test_bad_input import GOOD


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("sources/a:b.txt", "':'"),
        ("sources/what?.txt", "'?'"),
        ("sources/trailing. ", "ending with a dot or a space"),
        ("sources/trailing.", "ending with a dot or a space"),
        ("sources/aux.txt", "reserves for a device"),
        ("sources/COM1", "reserves for a device"),
        ("articles/2025/nul.en.md", "reserves for a device"),
        ("data/timeline/con.yaml", "reserves for a device"),
        ("sources/a|b.txt", "'|'"),
        ("sources/" + "a" * 140 + ".txt", "a name of 144 bytes, longer than"),
        ("sources/" + "ł" * 70 + ".txt", "a name of 144 bytes, longer than"),  # 74 characters, ł of 2 bytes
    ],
)
def test_a_name_a_windows_checkout_cannot_hold_is_refused(name, expected, content_copy):
    path = content_copy / name
    path.write_text("x", encoding="utf-8")
    problems = [str(p) for p in check(content_copy)]
    assert any(p.startswith(f"{path}: file:") and expected in p for p in problems), problems


@pytest.mark.parametrize("key", ["aux", "con", "lpt1", "a:b", "x?"])
def test_the_importer_and_new_never_write_such_a_name(key, tmp_path):
    with pytest.raises(ContentError):
        paths.target_inside(tmp_path, f"articles/2025/{key}.pl.md")


@pytest.mark.parametrize(
    "name", ["data/extra.yaml", "pages/page.md", "page.md", "data/sub/x.yaml", "theme.css", "sources-old/x.txt"]
)
def test_a_file_the_build_would_ignore_is_refused(name, content_copy):
    path = content_copy / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("x: 1\n", encoding="utf-8")
    problems = [str(p) for p in check(content_copy)]
    assert any(p.startswith(f"{path}: file: is not read by the build") for p in problems), problems


def test_a_file_an_article_copies_is_read(content_copy):
    (content_copy / "images").mkdir()
    (content_copy / "images" / "map.png").write_bytes(b"\x89PNG")
    article = content_copy / "articles" / "2025" / "good-article.en.md"
    article.write_text(GOOD + "\n![A map]({static}/images/map.png)\n", encoding="utf-8")
    assert [p for p in check(content_copy) if p.severity == "error"] == []


@pytest.mark.parametrize(
    ("broken", "hint"),
    [
        # Its front matter reads, with an error: its links are read, and the hint names it.
        ("lang: en\nlang: en", "{article} links it, and has errors of its own: fix those, and the file is published"),
        # Its front matter does not read: nor do its links, and the hint says which kind of article may link it.
        ("lang: [en", "an article with errors of its own may link it with {{static}}: fix those first"),
    ],
)
def test_a_file_an_article_with_an_error_copies_is_not_said_to_be_linked_by_none(content_copy, broken, hint):
    # The article is not built: its file is still reported, but as one that an article with an error of its own
    # links or may link, never as linked by no article (which sends its writer looking for a link).
    (content_copy / "images").mkdir()
    (content_copy / "images" / "map.png").write_bytes(b"\x89PNG")
    article = content_copy / "articles" / "2025" / "good-article.en.md"
    article.write_text(GOOD.replace("lang: en", broken) + "\n![A map]({static}/images/map.png)\n", encoding="utf-8")
    problems = [p for p in check(content_copy) if p.path == str(content_copy / "images" / "map.png")]
    assert [p.message for p in problems] == [
        "is not linked by any article that reads without errors, and would not be published"
    ], problems
    assert hint.format(article=article) in problems[0].hint, problems


def test_the_article_folders_are_the_builds_setting(content_copy, tmp_path):
    """ARTICLE_PATHS decides where articles are, for `make check` and the build alike."""
    (content_copy / "articles").rename(content_copy / "news")
    settings = settings_file(tmp_path, 'ARTICLE_PATHS = ["news"]\nSEARCH_INDEX = False\n')
    assert [p for p in check(content_copy, settings) if p.severity == "error"] == []
    result = run_build(content_copy, tmp_path / "output", settings)
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "output" / file(PL_ARTICLE)).is_file()
    # Under the default settings the same files are no articles, and the hint says where articles go.
    moved = content_copy / "news" / "2025" / "signing-in-hanoi.pl.md"
    [problem] = [p for p in check(content_copy) if p.path == str(moved)]
    assert problem.message == "is not read by the build and would never be published"
    assert problem.hint.endswith("move it to articles/2025/signing-in-hanoi.pl.md")
    # An article in the wrong year's folder is told where it belongs: in the article folder it is in.
    moved.rename(content_copy / "news" / "2024" / moved.name)
    problems = [str(p) for p in check(content_copy, settings)]
    assert any("move the file into news/2025/, under its name" in p for p in problems), problems


def test_the_layout_hint_names_every_data_file_and_the_article_folders():
    hint = Layout.of(["news", "press"]).hint()
    assert hint.startswith("content/ holds news/, press/, about/, sources/ and data/ (")
    assert all(path.name in hint for path in DATA_FILES) and "timeline/<id>.yaml" in hint
    for read in ("news/2025/a.pl.md", "press/x", "about/about.pl.md", "sources/a.txt", "data/timeline/e.yaml"):
        assert Layout.of(["news", "press"]).is_read(Path(read)), read
    assert all(Layout().is_read(path) for path in DATA_FILES)
    for unread in ("articles/2025/a.pl.md", "data/extra.yaml", "news-old/a.md", "data/timeline/sub/e.yaml"):
        assert not Layout.of(["news", "press"]).is_read(Path(unread)), unread


def test_country_names_yaml_is_checked_with_every_bad_record_at_its_line(content_copy):
    path = content_copy / COUNTRY_NAMES_FILE
    path.write_text(
        "countries:\n"
        "  - code: VN\n    forms: [Wietnamu]\n    source: https://pl.wiktionary.org/wiki/Wietnam\n"
        "  - code: XX\n    forms: [Iksji]\n    source: https://example.org/iks\n"
        "  - code: PL\n    forms: Polski\n    source: https://pl.wiktionary.org/wiki/Polska\n"
        "  - code: FR\n    forms: [Francji]\n",
        encoding="utf-8",
    )
    problems = [str(p) for p in check(content_copy) if p.path == str(path)]
    assert problems == [
        f"{path}:5: countries.1.code: 'XX' is not a known country code "
        "(use ISO 3166-1 alpha-2 in capitals (VN, PL, ZA) or EU)",
        f"{path}:9: countries.2.forms: is text, not a list (write it as a list: forms: [Polski])",
        f"{path}:11: countries.3: each record has code, forms and source (- code: XX, forms: [...], source: ...)",
    ]
    path.write_text("countries: {VN: [Wietnamu]}\n", encoding="utf-8")
    assert [str(p) for p in check(content_copy) if p.path == str(path)] == [
        f"{path}:1: countries: must be a list (the file holds `countries:`, a list)"  # a mapping: not missing
    ]


def test_make_check_takes_a_content_folder_named_relative_to_where_it_runs(content_copy, monkeypatch):
    (content_copy / "notes.txt").write_text("x", encoding="utf-8")
    monkeypatch.chdir(content_copy.parent)
    problems = check(Path(content_copy.name))
    assert [Path(p.path).name for p in problems if p.severity == "error"] == ["notes.txt"]


@pytest.mark.parametrize(
    ("name", "link", "expected"),
    [
        # passed `make check`; the page wrote `&amp;`, and the build failed on a file `files/a&amp`
        ("a&b.pdf", "a&b.pdf", "points to files/a&b.pdf, a name with '&',"),
        # passed, and was published as href="/files/a b.pdf", no valid address
        ("a b.pdf", "a%20b.pdf", "points to files/a b.pdf, a name with ' ',"),
        # these were told the file "does not exist", and the file itself to be linked with {static}
        ("a#b.pdf", "a%23b.pdf", "points to files/a#b.pdf, a name with '#',"),
        # as written, its `#` read as a fragment: told the file `files/a` "does not exist", and `a#b.pdf` to be linked
        ("a#b.pdf", "a#b.pdf", "points to files/a#b.pdf, a name with '#',"),
        ("a;b.pdf", "a;b.pdf", "points to files/a;b.pdf, a name with ';',"),
        ("a%b.pdf", "a%25b.pdf", "points to files/a%b.pdf, a name with '%',"),
        ("raport-łódź.pdf", "raport-łódź.pdf", "points to files/raport-łódź.pdf, a name with 'ó', 'ł', 'ź',"),
        ("a+b.pdf", "a%2Bb.pdf", "spells files/a+b.pdf with %-escapes, which Pelican does not read"),
    ],
)
def test_a_copied_file_no_link_reaches_is_told_at_its_link(name, link, expected, content_copy):
    (content_copy / "files").mkdir()
    (content_copy / "files" / name).write_bytes(b"%PDF-1.4\n")
    article = content_copy / "articles" / "2025" / "good-article.en.md"
    article.write_text(GOOD + f"\n[The report]({{static}}/files/{link})\n", encoding="utf-8")
    [problem] = [p for p in check(content_copy) if p.severity == "error"]  # the file is linked: not told again
    assert (problem.path, problem.line, problem.field) == (str(article), 14, "body"), problem
    assert expected in problem.message, problem
    assert problem.hint.startswith((NAME_HINT, "write the path as the file is named")), problem


def test_a_file_no_link_reaches_is_told_to_be_renamed(content_copy):
    (content_copy / "files").mkdir()
    (content_copy / "files" / "a#b.pdf").write_bytes(b"%PDF-1.4\n")
    [problem] = [p for p in check(content_copy) if p.severity == "error"]
    assert problem.message == "is not read by the build and would never be published", problem
    assert problem.hint.startswith(f"its path has '#', {UNREACHABLE}: {NAME_HINT}"), problem


def test_the_build_refuses_a_copied_file_no_link_reaches_as_make_check_does(content_copy, tmp_path):
    (content_copy / "files").mkdir()
    (content_copy / "files" / "a&b.pdf").write_bytes(b"%PDF-1.4\n")
    article = content_copy / "articles" / "2025" / "good-article.en.md"
    article.write_text(GOOD + "\n[The report]({static}/files/a&b.pdf)\n", encoding="utf-8")
    settings = settings_file(tmp_path, "SEARCH_INDEX = False\n")
    result = run_build(content_copy, tmp_path / "output", settings)
    assert result.returncode != 0
    assert f"{article}:14: body: link '{{static}}/files/a&b.pdf' points to files/a&b.pdf" in result.stderr
    assert "a&amp" not in result.stderr and "Traceback" not in result.stderr


@pytest.mark.parametrize(("name", "renamed"), [("a b.txt", "sources/a-b.txt"), ("łódź#1.txt", "sources/lodz-1.txt")])
def test_a_raw_copy_named_as_raw_cannot_name_it_is_told_one_name_that_ends_it(name, renamed, content_copy):
    # The copy was told to be named by `raw: sources/a b.txt`, which the article was refused for ("is not a file
    # under sources/", beside the file), and `make import` from it said it was not in sources/.
    (content_copy / "sources" / name).write_text("Raw text.\n", encoding="utf-8")
    article = content_copy / "articles" / "2025" / "good-article.en.md"
    article.write_text(GOOD.replace("  publisher: Example\n", f"  publisher: Example\n  raw: 'sources/{name}'\n"))
    told = {p.path: p for p in check(content_copy) if p.field in ("source.raw", "file")}
    assert told[str(article)].message == f"'sources/{name}' is not a name `raw:` takes: {RAW_NAME_RULE}"
    assert told[str(article)].hint == f"rename the file {renamed}, and write that here"
    copy = told[str(content_copy / "sources" / name)]
    assert f"rename it {renamed}, and add `raw: {renamed}` under `source:`" in copy.hint, copy
    (content_copy / "sources" / name).rename(content_copy / renamed)
    article.write_text(GOOD.replace("  publisher: Example\n", f"  publisher: Example\n  raw: {renamed}\n"))
    assert [str(p) for p in check(content_copy) if p.field in ("source.raw", "file")] == []


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("slug: convention-signed-in-hanoi", "slug: aux"),
        ("slug: convention-signed-in-hanoi", "slug: com1"),
        ('title: "Convention signed in Hanoi"\n', 'title: "Con"\n'),  # the slug made of the title
    ],
)
def test_a_slug_that_names_a_folder_no_checkout_can_hold_is_refused(old, new, content_copy):
    """The slug is the folder of the article's page (`en/2025/aux/`): `make check` passed `slug: aux`."""
    path = content_copy / "articles/2025/signing-in-hanoi.en.md"
    text = path.read_text(encoding="utf-8")
    if old.startswith("title"):
        text = text.replace("slug: convention-signed-in-hanoi\n", "")
    path.write_text(text.replace(old, new), encoding="utf-8")
    problems = [p for p in check(content_copy) if p.path == str(path)]
    assert [(p.field, p.severity) for p in problems] == [("slug", "error")], [str(p) for p in problems]
    assert "reserves for a device" in problems[0].message and "slug:" in problems[0].hint


@pytest.mark.parametrize("tag", ["aux", "COM1", "Nul"])
def test_a_topic_whose_page_names_a_folder_no_checkout_can_hold_is_refused(tag, content_copy):
    """A topic's page is `en/topics/<slug>/`: `make check` passed `tags: [aux]`."""
    path = content_copy / "articles/2025/signing-in-hanoi.en.md"
    path.write_text(path.read_text(encoding="utf-8").replace("tags: [ceremony]", f"tags: [{tag}]"), encoding="utf-8")
    problems = [p for p in check(content_copy) if p.path == str(path) and p.severity == "error"]
    assert [p.field for p in problems] == ["tags.0"], [str(p) for p in problems]
    assert "reserves for a device" in problems[0].message
