"""Inputs refused in one line that says what is wrong and where: make values that are not UTF-8 or not a yes/no,
files with bare-CR line ends or a NUL byte, an imported source's own line. See docs/security.md.
"""

from __future__ import annotations

import os
import subprocess
import unicodedata
from pathlib import Path

import pytest

from tools.check import check

from .build_helpers import cache_environment, run_build
from .conftest import FIXTURE, ROOT, SEED
from .test_bad_input import GOOD

ARTICLE = "articles/2025/good-article.en.md"


def _make(*args: bytes, content, environment: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    env = {"PATH": "/usr/bin:/bin", "ARCHIVE_CONTENT": str(content), "LANG": "C.UTF-8", **cache_environment()}
    env |= environment or {}
    return subprocess.run(
        [b"make", b"--no-print-directory", *args], cwd=ROOT, capture_output=True, env=env, timeout=300, check=False
    )


@pytest.mark.parametrize(
    "target",
    [
        [b"new", b"LANG=en", b"DATE=2025-10-26", b"TITLE=Bad \xff\xfe"],
        [b"new", b"LANG=en", b"DATE=2025-10-26", b"TITLE=\xed\xa0\x80"],  # an encoded surrogate
        [b"import", b"SRC=" + os.fsencode(SEED), b"DATE=2025-10-26", b"LANG=pl", b"KEY=k", b"TITLE=Bad \xff"],
        [b"import", b"SRC=" + os.fsencode(SEED), b"DATE=2025-10-26", b"LANG=pl", b"KEY=k", b"NOTE=\xc3"],
    ],
)
def test_a_make_value_that_is_not_utf8_is_one_line(target, tmp_path):
    content = tmp_path / "content"
    result = _make(*target, content=content)
    err = result.stderr.decode("utf-8", "replace")
    assert result.returncode != 0
    assert "Traceback" not in err and "is not UTF-8 text" in err, err
    assert not content.exists() or not any(content.rglob("*.md"))


IMPORT = [b"import", b"SRC=" + os.fsencode(SEED), b"DATE=2025-10-26", b"LANG=pl", b"KEY=k"]


def _imported_and_edited(content: Path) -> Path:
    """The seed imported into `content`, then edited by hand: a later import may replace it only with FORCE=1."""
    assert _make(*IMPORT, content=content).returncode == 0
    [written] = content.rglob("*.md")
    written.write_text(written.read_text(encoding="utf-8") + "\nAn editor's change.\n", encoding="utf-8")
    return written


def test_force_in_the_shells_environment_never_overwrites_an_article(tmp_path):
    """`export FORCE=1` (to have every `make html` build) made a later `make import` replace an edited article:
    make reads a variable of the environment as one given, and FORCE is taken only as typed on make's command line."""
    written = _imported_and_edited(tmp_path / "content")
    edited = written.read_bytes()
    result = _make(*IMPORT, content=tmp_path / "content", environment={"FORCE": "1"})
    assert result.returncode != 0 and "already exists and differs" in result.stderr.decode(), result.stderr
    assert written.read_bytes() == edited


def test_values_of_an_article_in_the_shells_environment_never_reach_a_new_file(tmp_path):
    """`export PUBLISHER=...` (or TITLE, SLUG, SOURCE_URL...) for an earlier command was written into the next
    `make new`'s file: make reads a variable of the environment as one given. What goes into an article is taken
    only as typed on make's command line."""
    content = tmp_path / "content"
    shell = {"PUBLISHER": "Shell Publisher", "SOURCE_URL": "https://shell.example/x", "SLUG": "from-the-shell"}
    shell |= {"DATE": "2024-01-02", "KEY": "from-the-shell", "TITLE": "From the shell"}
    result = _make(b"new", b"TITLE=Typed", b"LANG=pl", content=content, environment=shell)
    assert result.returncode == 0, result.stderr
    [written] = content.rglob("*.md")
    text = written.read_text(encoding="utf-8")
    assert "Typed" in text and "2024-01-02" not in text, text
    assert not any(value in text or value in written.name for value in shell.values()), text


@pytest.mark.parametrize(("value", "refused"), [("0", False), ("no", False), ("2", True), ("maybe", True)])
def test_force_is_a_yes_or_no(value, refused, tmp_path):
    """FORCE=0 never overwrites; a value that is neither yes nor no is refused."""
    written = _imported_and_edited(tmp_path / "content")
    edited = written.read_bytes()
    result = _make(*IMPORT, b"FORCE=" + value.encode(), content=tmp_path / "content")
    err = result.stderr.decode()
    assert result.returncode != 0 and "Traceback" not in err
    assert ("FORCE must be 1 or 0" in err) if refused else ("already exists and differs" in err), err
    assert written.read_bytes() == edited


@pytest.mark.parametrize(
    ("data", "line", "expected"),
    [
        (GOOD.replace("\n", "\r").encode(), 1, "file: its lines end with a bare CR"),
        (GOOD.encode() + b"x\x00y\n", 13, "file: the file is binary, not text: it holds a NUL byte"),
        (GOOD.encode().replace(b"Lead", b"Le\x00ad"), 12, "NUL byte"),
    ],
)
def test_line_ends_and_nul_bytes_are_named_at_their_line(data, line, expected, content_copy):
    path = content_copy / ARTICLE
    path.write_bytes(data)
    problems = [str(p) for p in check(content_copy)]
    assert any(p.startswith(f"{path}:{line}: ") and expected in p for p in problems), problems


# One bare CR among LF line ends: YAML and Markdown end a line there, while a terminal writes the rest over the
# line's start and git shows one line, so a reviewer reads other values than the site shows.
BARE_CR = "file: holds a bare CR (carriage return) that is not followed by LF"


@pytest.mark.parametrize(
    ("name", "edit", "line", "expected"),
    [
        (ARTICLE, lambda text: text.replace("lang: en\n", "lang: en\r"), 4, BARE_CR),
        (ARTICLE, lambda text: text.replace("Lead paragraph.", "Lead\rparagraph."), 12, BARE_CR),
        (ARTICLE, lambda text: text.replace("\n", "\r\n").replace("Lead", "\rLead"), 12, BARE_CR),
        ("data/people.yaml", lambda text: text.replace("\n", "\r", 2), 1, BARE_CR),
        ("data/people.yaml", lambda text: text.replace("\n", "\r"), 1, "file: its lines end with a bare CR"),
        ("about/about.en.md", lambda text: text.replace("\n", "\r", 3), 1, BARE_CR),
    ],
    ids=["front-matter", "body", "in-crlf", "data", "data-all-cr", "about"],
)
def test_a_bare_cr_anywhere_in_any_content_file_is_named_at_its_line(name, edit, line, expected, content_copy):
    path = content_copy / name
    text = path.read_text(encoding="utf-8") if path.exists() else GOOD
    path.write_bytes(edit(text).encode("utf-8"))
    problems = [str(p) for p in check(content_copy)]
    assert any(p.startswith(f"{path}:{line}: {expected}") for p in problems), problems


# U+2028 and U+2029 end a line for YAML and for none of git, GitHub and a terminal: a field on the same line as
# another passed, read by the site and by no reviewer. In a body, which Markdown reads, each is a character.
SEPARATES = "which YAML reads as the end of a line"


@pytest.mark.parametrize("separator", ["\u2028", "\u2029"], ids=["line", "paragraph"])
@pytest.mark.parametrize(
    ("name", "hidden"),
    [(ARTICLE, "tags: [hidden]"), ("data/people.yaml", "country: RU"), ("about/about.en.md", "x: y")],
    ids=["front-matter", "data", "about"],
)
def test_a_line_end_only_yaml_reads_is_named_at_its_line(name, hidden, separator, content_copy):
    path = content_copy / name
    lines = (path.read_text(encoding="utf-8") if path.exists() else GOOD).split("\n")
    at = next(index for index, line in enumerate(lines) if index > 0 and ": " in line)  # the first field's line
    lines[at] += separator + hidden
    path.write_text("\n".join(lines), encoding="utf-8")
    problems = [str(p) for p in check(content_copy) if p.path == str(path)]
    assert any(p.startswith(f"{path}:{at + 1}: ") and SEPARATES in p for p in problems), problems


def test_a_line_separator_in_a_body_is_its_text(content_copy):
    path = content_copy / ARTICLE
    path.write_text(GOOD.replace("Lead paragraph.", "Lead\u2028paragraph."), encoding="utf-8")
    assert [p for p in check(content_copy) if p.severity == "error"] == []


# A character no reader sees where YAML reads the file's structure (a byte order mark left where two files were
# joined, a zero-width space pasted with a line): it was told as something else, in words that sent its writer
# looking for what was not there: a '---' line "never closed" or missing, a line "indented 0 spaces: indent it 2".
HIDDEN = {
    "before a field": (ARTICLE, "lang: en", "\ufefflang: en", 4, "U+FEFF"),
    "on the closing line": (ARTICLE, "\n---\n", "\n---\u200b\n", 10, "U+200B"),
    "on the opening line": (ARTICLE, "---\ntitle", "\ufeff\ufeff---\ntitle", 1, "U+FEFF"),  # one BOM is dropped
    "before a record": ("data/people.yaml", "- name: Quillfeather", "\ufeff- name: Quillfeather", 16, "U+FEFF"),
    "in an about page": ("about/about.en.md", "\n---\n", "\n\u2060---\n", 3, "U+2060"),
}


@pytest.mark.parametrize(("name", "old", "new", "line", "named"), HIDDEN.values(), ids=HIDDEN.keys())
def test_a_character_no_reader_sees_in_the_yamls_structure_is_named_at_its_line(
    name, old, new, line, named, content_copy
):
    path, _, problems = _edited_and_checked(content_copy, name, old, new)
    assert any(p.startswith(f"{path}:{line}: ") and named in p for p in problems), problems


def _edited_and_checked(content_copy, name: str, old: str, new: str) -> tuple:
    """The file `name` of the content copy with `old` written `new`, its text before, and its problems."""
    path = content_copy / name
    text = path.read_text(encoding="utf-8") if path.exists() else GOOD
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return path, text, [str(p) for p in check(content_copy) if p.path == str(path)]


# A character no reader sees right after a value closed on its line (a quoted text, a `[...]` list): YAML reads it
# as more of the line, and the hint told the writer to escape a quotation mark inside the value, or to close a
# list that was closed, quoting the character as it is: invisible, or turning the rest of the hint around.
AFTER_A_CLOSED_VALUE = {
    "after a quoted title": (ARTICLE, 'title: "A good article"', 'title: "A good article"\u200b', 2, "\u200b"),
    "after single quotes": (ARTICLE, 'title: "A good article"', "title: 'A good article'\ufeff", 2, "\ufeff"),
    "before a comment": (
        ARTICLE,
        'title: "A good article"',
        'title: "A good article"\u2060  # the headline',
        2,
        "\u2060",
    ),
    "after a list": (ARTICLE, "countries: [VN]", "countries: [VN] \u200b", 6, "\u200b"),
    "a no-break space": (ARTICLE, 'title: "A good article"', 'title: "A good article"\u00a0', 2, "\u00a0"),
    "a direction override": (ARTICLE, 'title: "A good article"', 'title: "A good article"\u202e', 2, "\u202e"),
    "in a data file": (
        "data/people.yaml",
        "  articles: [signing-in-hanoi]",
        "  articles: [signing-in-hanoi]\u200b",
        7,
        "\u200b",
    ),
}


@pytest.mark.parametrize(
    ("name", "old", "new", "line", "hidden"), AFTER_A_CLOSED_VALUE.values(), ids=AFTER_A_CLOSED_VALUE.keys()
)
def test_a_character_no_reader_sees_after_a_closed_value_is_named_and_its_hint_ends_it(
    name, old, new, line, hidden, content_copy
):
    path, text, problems = _edited_and_checked(content_copy, name, old, new)
    told = [p for p in problems if p.startswith(f"{path}:{line}: ")]
    named = f"U+{ord(hidden):04X} ({unicodedata.name(hidden)})"
    assert told and f"is closed, and followed by {named}" in told[0] and "delete it" in told[0], problems
    assert hidden not in told[0] and "inside it" not in told[0] and "close it with" not in told[0], told
    path.write_text(text.replace(old, new.replace(hidden, "", 1), 1), encoding="utf-8")  # the hint, followed
    assert [str(p) for p in check(content_copy) if p.path == str(path) and p.severity == "error"] == []


@pytest.mark.parametrize("with_bom", [True, False], ids=["bom", "no-bom"])
@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be"])
@pytest.mark.parametrize("name", [ARTICLE, "data/people.yaml", "data/timeline/signing-ceremony.yaml"])
def test_a_file_in_utf16_or_utf32_is_named_so_not_binary(name, encoding, with_bom, content_copy):
    path = content_copy / name
    text = path.read_text(encoding="utf-8") if path.exists() else GOOD
    path.write_bytes(("\ufeff" if with_bom else "").encode(encoding) + text.encode(encoding))
    problems = [str(p) for p in check(content_copy)]
    expected = f"{path}: file: the file is {encoding.upper()} text, not UTF-8 (save it again as UTF-8"
    assert any(p.startswith(expected) for p in problems), problems


def test_an_import_refused_for_its_text_names_the_source_line(tmp_path):
    source = tmp_path / "hostile.txt"
    source.write_text(
        "A title line\n\nSome text here, long enough.\n\nMore text on a line\nand data-pagefind-body here.\n",
        encoding="utf-8",
    )
    content = tmp_path / "content"
    result = _make(
        b"import", b"SRC=" + os.fsencode(source), b"DATE=2025-10-26", b"LANG=en", b"KEY=k",
        b"SOURCE_URL=https://example.org/a", content=content,
    )  # fmt: skip
    err = result.stderr.decode()
    assert result.returncode != 0 and f"{source}:6: text:" in err and "data-pagefind-" in err, err


@pytest.mark.parametrize("workers", ["abc", "-1", "2; touch x"])
def test_a_worker_count_that_is_no_number_is_one_line(workers, tmp_path):
    """ARCHIVE_WORKERS is read by the settings: a wrong value stops the build with one line, no traceback."""
    built = run_build(FIXTURE, tmp_path / "output", env={"ARCHIVE_WORKERS": workers})
    assert built.returncode == 1 and "Traceback" not in built.stderr, built.stderr
    assert f"ARCHIVE_WORKERS must be a whole number of processes (0: one per core), not {workers!r}" in built.stderr
    assert not (tmp_path / "output").exists()
