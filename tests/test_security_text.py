"""Text the build would choke on is refused by `make check` at `path:line`: no traceback, no crash, no surprise.

Control characters feeds cannot carry, text spelling the search index's markers, YAML nested deep enough to
crash the C loader, duplicate and merge keys, dates far ahead, URLs that do not parse: in articles and in
every curated data file alike. See docs/security.md.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from archive_core import frontmatter
from archive_core.articles import parse_article
from archive_core.errors import ContentError
from archive_core.frontmatter import MAX_YAML_DEPTH
from archive_core.text import RESERVED, text_problem
from tools.check import check

from .build_helpers import run_build
from .conftest import ROOT
from .test_bad_input import GOOD, good

ARTICLE = "articles/2025/good-article.en.md"
EVENT = "data/timeline/signing-hanoi.yaml"
EVENT_NAME = "event 'signing-hanoi': "  # what every problem of its file says first
COUNTRIES = "data/countries.yaml"
PEOPLE = "data/people.yaml"
DEEP = 300_000
SECURITY_DATA = ROOT / "tests" / "fixtures" / "security"


def _edit(name: str, pattern: str, new: str, below: int = 0) -> tuple[str, str, int]:
    """The data file `name` with the first match of `pattern` replaced: (name, text, the match's line + `below`).

    The files are the tests' own copies of curated data (tests/fixtures/security/), written over or beside the
    fixture archive's; lines come from where the edit lands, so that the cases hold while those copies change.
    """
    text = (SECURITY_DATA / name).read_text(encoding="utf-8")
    match = re.search(pattern, text, re.MULTILINE)
    assert match, pattern
    return name, text[: match.start()] + new + text[match.end() :], text.count("\n", 0, match.start()) + 1 + below


# name: (file, its text, the line the problem is on, what the message says)
CASES: dict[str, tuple[str, str, int, str]] = {
    "control character in the body": (ARTICLE, GOOD + "A\x0bB\n", 13, "control character U+000B"),
    # HTML forbids DEL and the C1 controls too (a parse error): a C1 in text is Windows-1252 read as Latin-1.
    "C1 control in the body": (ARTICLE, GOOD + "The state\x92s delegation\n", 13, "U+0092, which HTML forbids"),
    "DEL in the body": (ARTICLE, GOOD + "A\x7fB\n", 13, "control character U+007F"),
    "C1 control escaped in a title": (
        ARTICLE, good('"A good article"', '"A good\\x85article"'), 2, "title: holds the control character U+0085",
    ),
    "C1 control in a data file": (*_edit(EVENT, "Signing ceremony", "Signing\x9c ceremony"), "U+009C"),
    "control character escaped in a title": (
        ARTICLE, good('"A good article"', '"A good\\x01article"'), 2, "title: holds the control character U+0001",
    ),
    "non-character escaped in a summary": (
        ARTICLE, good("lang: en", 'lang: en\nsummary: "x\\uFFFE"'), 5, "summary: holds U+FFFE, a noncharacter",
    ),
    # HTML forbids every noncharacter (a parse error), XML only these two: U+FDD0-U+FDEF, the end of every plane.
    "non-character in the body": (ARTICLE, GOOD + "A\ufdd0B\n", 13, "holds U+FDD0, a noncharacter, which HTML"),
    "non-character of another plane in a data file": (
        *_edit(EVENT, "Signing ceremony", "Signing\U0010ffff ceremony"), "U+10FFFF, a noncharacter",
    ),
    "control character in a data file": (*_edit(EVENT, "Signing ceremony", "Signing\x1b ceremony"), "U+001B"),
    "control character escaped in a data file": (
        *_edit(EVENT, "Signing ceremony in Hanoi", '"Signing \\f ceremony"'),
        f"title.en: {EVENT_NAME}holds the control",
    ),
    "search marker in the body": (ARTICLE, GOOD + "x data-pagefind-body y\n", 13, "'data-pagefind-'"),
    "search marker spelt with an entity": (ARTICLE, GOOD + "x data&#45;pagefind-body\n", 13, "'data-pagefind-'"),
    "search marker spelt with escapes": (ARTICLE, GOOD + "x data\\-search\\-record\n", 13, "'data-search-'"),
    "search marker in a link": (ARTICLE, GOOD + "[x](https://e.org/?data-pagefind-ignore)\n", 13, "data-pagefind-"),
    "search marker in a title": (ARTICLE, good("A good article", "DATA-PAGEFIND-BODY"), 2, "holds 'DATA-PAGEFIND-'"),
    "search marker in a data file": (*_edit(EVENT, "Signing ceremony in Hanoi", "data-pagefind-meta"), "holds"),
    "deep flow nesting": (ARTICLE, good("countries: [VN]", "tags: " + "[" * DEEP + "]" * DEEP), 6, "nested more"),
    "deep nesting in a data file": (*_edit(EVENT, "kind: signing", "kind: " + "{a: " * DEEP + "}" * DEEP), "nested"),
    "deep block nesting": (
        ARTICLE, good("lang: en", "lang: en\n" + "".join(f"{' ' * i}k{i}:\n" for i in range(60)) + " " * 60 + "v"),
        4 + MAX_YAML_DEPTH + 1, "nested more",  # level n opens on line 4 + n; the first too deep is refused
    ),
    "duplicate field": (
        ARTICLE, good("lang: en", "lang: en\ntitle: Another"), 5, "title: is set twice, on lines 2 and 5",
    ),
    "duplicate nested field": (
        ARTICLE, good("  publisher: Example", "  publisher: Example\n  url: https://example.org/b"), 10,
        "source.url: is set twice, on lines 8 and 10",
    ),
    "duplicate field in a data file": (
        *_edit(EVENT, "kind: signing", "kind: signing\nid: other", below=1), "id: event 'other': is set twice",
    ),
    "duplicate key in a country record": (
        *_edit(COUNTRIES, "  status: signed", "  status: signed\n  status: ratified", below=1), "status: is set twice",
    ),
    "merge key": (ARTICLE, good("lang: en", "lang: en\n<<: {title: Other}"), 5, "merge keys (<<) are not allowed"),
    "date far ahead": (ARTICLE, good("2025-10-27", "2999-10-27"), 3, "date: 2999-10-27 is in the future"),
    "unclosed IPv6 bracket in a timeline source": (
        *_edit(EVENT, r"(?<=url: )https://\S+", '"http://[::1"'), "is not an http(s) address",
    ),
    "unclosed IPv6 bracket in a country source": (
        *_edit(COUNTRIES, r"(?<=url: )https://\S+", '"http://[::1"'), "is not an http(s) address",
    ),
    "port out of range in a source": (
        ARTICLE, good("https://example.org/a", "https://example.org:99999/a"), 8, "source.url",
    ),
    "anchor in a data file": (*_edit(EVENT, "kind: signing", "kind: &k signing"), "anchors and aliases"),
    # An integer longer than Python reads (4,300 digits) is no impossible date: named as the number it is.
    "integer too long for Python": (
        ARTICLE, good('"A good article"', "1" * 5000), 2, "title: cannot be read as a number (int)",
    ),
    # A topic's slug is a folder name: one longer than any file system holds failed the build with OSError.
    "topic address too long": (ARTICLE, good("lang: en", "lang: en\ntags: ['" + "y" * 300 + "']"), 5, "more than 80"),
    "topic address too long once transliterated": (
        ARTICLE, good("lang: en", "lang: en\ntags: ['" + "網絡犯罪" * 20 + "']"), 5, "tags.0: '網絡犯罪",
    ),
    "empty topic": (ARTICLE, good("lang: en", "lang: en\ntags: ['x', ' ']"), 5, "tags.1: is an empty item"),
    # Shown as one paragraph: a second, after a blank line, ran into the first (reported at the blank line).
    "event description of two paragraphs": (
        *_edit(EVENT, r"(?<=^description:\n  pl: ).+", "|\n    Jeden.\n\n    Dwa.", below=2),
        f"description.pl: {EVENT_NAME}is more than one paragraph",
    ),
    # As the slug `page` is refused: the topic `Page` took the folder of the topic index's next pages.
    "topic at the address of the next pages": (
        ARTICLE, good("lang: en", "lang: en\ntags: [Page]"), 5, "the address of the topic index's next pages",
    ),
    "topic at the address of the next pages in the topic pairs": (
        *_edit("data/topics.yaml", r"(?<=  en: ).+", "page"), "topics.0.en: 'page' is the address",
    ),
    "topic address too long in the topic pairs": (
        *_edit("data/topics.yaml", r"(?<=  en: ).+", "'" + "z" * 200 + "'"), "topics.0.en: 'zzzz",
    ),
    "integer too long in a data file": (
        *_edit(EVENT, "kind: signing", "kind: signing\nfigure: " + "9" * 4400, below=1),
        f"figure: {EVENT_NAME}cannot be read",
    ),
}  # fmt: skip


@pytest.mark.parametrize("case", CASES)
def test_refused_at_its_line_by_check(case, content_copy):
    """`make check` (in this process: an exception would fail the test) names the file, the line and the field."""
    name, text, line, expected = CASES[case]
    path = content_copy / name
    path.write_text(text, encoding="utf-8")
    problems = [str(problem) for problem in check(content_copy)]
    lines = [entry for entry in problems if entry.startswith(f"{path}:{line}:")]
    assert lines, problems
    assert any(expected in entry for entry in lines), problems


@pytest.mark.parametrize(
    "case", ["control character escaped in a title", "deep nesting in a data file", "topic address too long"]
)
def test_the_build_refuses_them_too(case, content_copy, tmp_path):
    name, text, line, expected = CASES[case]
    (content_copy / name).write_text(text, encoding="utf-8")
    built = run_build(content_copy, tmp_path / "output")
    assert built.returncode == 1 and "Traceback" not in built.stderr
    assert f"{content_copy / name}:{line}:" in built.stderr and expected in built.stderr


def test_every_search_marker_of_the_site_is_reserved():
    """The attributes that steer Pagefind and the search plugin, in every template and plugin, are refused in text."""
    sources = [*ROOT.glob("theme/templates/**/*.html"), *ROOT.glob("plugins/search/*.py")]
    names = {name for path in sources for name in re.findall(r"data-(?:pagefind|search)-[\w-]+", path.read_text())}
    assert {"data-pagefind-body", "data-pagefind-meta", "data-pagefind-ignore", "data-search-record"} <= names
    assert all(RESERVED.fullmatch(name[: RESERVED.match(name).end()]) for name in names)
    assert all(text_problem(f"text {name} text") for name in names)


def test_yaml_too_deep_for_the_c_loader_is_refused_before_it_is_composed():
    """The C loader's composer recurses once per level: the depth is bounded on the event stream first."""
    code = (
        "from archive_core.frontmatter import parse_yaml\n"
        "from archive_core.errors import ContentError\n"
        f"text = 'a: ' + '[' * {DEEP * 3} + ']' * {DEEP * 3}\n"
        "try:\n    parse_yaml(text, 'deep.yaml')\nexcept ContentError as exc:\n    print(exc)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        env={"PYTHONPATH": str(ROOT / "plugins")},
    )
    assert result.returncode == 0, result
    assert "deep.yaml:1: yaml: values are nested more than" in result.stdout


# Property: any front-matter shape is read, or refused as a ContentError at a line of the file.

KEYS = st.sampled_from(["title", "date", "lang", "translation_key", "slug", "source", "url", "tags", "<<", "x"])
SCALARS = st.one_of(
    st.text(max_size=12),
    st.sampled_from(["data-pagefind-body", "\x01", "\ufffe", "http://[::1", "2999-01-01", "2025-02-30", "&a", "*a"]),
    st.integers(),
    st.none(),
    st.booleans(),
)
SHAPES = st.recursive(
    SCALARS,
    lambda children: st.one_of(
        st.lists(children, max_size=4), st.lists(st.tuples(KEYS, children), max_size=5)
    ),  # pairs, so that a key can repeat
    max_leaves=30,
)


def _yaml(shape, indent: int = 0) -> str:
    pad = " " * indent
    if isinstance(shape, list) and shape and all(isinstance(item, tuple) for item in shape):
        return "".join(f"{pad}{key}:\n{_yaml(value, indent + 2)}" for key, value in shape)
    if isinstance(shape, list):
        return "".join(f"{pad}-\n{_yaml(item, indent + 2)}" for item in shape) or f"{pad}[]\n"
    return f"{pad}{yaml.safe_dump(shape, default_flow_style=True, allow_unicode=True).splitlines()[0]}\n"


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(shape=SHAPES, depth=st.integers(min_value=0, max_value=60))
def test_any_front_matter_shape_is_read_or_refused_at_a_line(shape, depth):
    nested = "".join(f"{' ' * (2 * i)}n{i}:\n" for i in range(depth))
    front = nested + _yaml([("body", shape)] if not isinstance(shape, list) else shape, 2 * depth)
    text = f"---\n{front}---\nBody.\n"
    lines = text.count("\n") + 1
    try:
        parse_article(text.encode("utf-8"), Path("shape.en.md"))
    except ContentError as exc:
        problem = exc.problem
        assert problem.line is None or 1 <= problem.line <= lines, (problem, text)
        assert "\n" not in str(problem.field)


@given(
    text=st.lists(st.sampled_from([*"ab -:[]{}\"'\\\n&*<#", "\x01", "data-pagefind-", "\ufffe"]), max_size=60).map(
        "".join
    )
)
@settings(max_examples=300, deadline=None)
def test_any_yaml_text_is_parsed_or_refused_with_its_line(text):
    try:
        frontmatter.parse_yaml(text, "x.yaml")
    except ContentError as exc:
        assert exc.problem.line is None or 1 <= exc.problem.line <= text.count("\n") + 1


def test_a_marker_made_by_an_address_is_harmless(content_copy, tmp_path):
    """The title "Data pagefind body" is text anyone may write; its derived slug spells a marker in every link to
    the article. The indexer finds pages by the attribute, not by the bytes: the build indexes what it should."""
    (content_copy / "articles/2025/marker-slug.en.md").write_text(
        good('"A good article"', '"Data pagefind body"').replace("good-article", "marker-slug"), encoding="utf-8"
    )
    output = tmp_path / "output"
    built = run_build(content_copy, output)
    assert built.returncode == 0, built.stderr
    assert (output / "en" / "2025" / "data-pagefind-body" / "index.html").is_file()
