"""Hostile layouts of the content folder: nothing outside it is read or published, nothing hangs or crashes.

Each case lays out links, loops, FIFOs or folders in a copy of the content, as a pull request (or a
careless contributor) could; `make check` and the build must each refuse it, naming the entry, with no
traceback, within a time limit, and publish nothing from outside the content folder. See docs/security.md.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import uuid
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from archive_core import paths, sizes
from archive_core.errors import ContentError
from archive_core.links import SITE_FOLDERS
from tools.check import check

from .build_helpers import leftovers, run_build, tree_snapshot
from .conftest import FIXTURE, ROOT, build_site
from .test_check import run_check

ARTICLE = "articles/2025/signing-in-hanoi.en.md"  # of the fixture archive (content_copy)
SECRET = "SECRET-OUTSIDE-THE-REPOSITORY"  # noqa: S105 (a marker, no password)


def outside_article(folder: Path, name: str = "outside-article.en.md") -> Path:
    """A valid article that lives outside the content folder, its title a secret."""
    text = (FIXTURE / ARTICLE).read_text(encoding="utf-8")
    text = text.replace("translation_key: signing-in-hanoi", "translation_key: outside-article")
    text = "\n".join(f'title: "{SECRET}"' if line.startswith("title:") else line for line in text.split("\n")).replace(
        "slug: ", "old-slug: ", 1
    )
    text = "\n".join(line for line in text.split("\n") if not line.startswith("old-slug: "))
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def link_article(content: Path, outside: Path) -> str:
    (content / "articles/2025/outside-article.en.md").symlink_to(outside_article(outside))
    return "articles/2025/outside-article.en.md"


def link_article_folder(content: Path, outside: Path) -> str:
    folder = outside / "2020"
    folder.mkdir()
    outside_article(folder)
    (content / "articles/2020").symlink_to(folder)
    return "articles/2020"


def moved_out(relative: str) -> Callable[[Path, Path], str]:
    """A folder of the content moved outside it, and a link to it left in its place."""

    def case(content: Path, outside: Path) -> str:
        shutil.move(content / relative, outside / Path(relative).name)
        (content / relative).symlink_to(outside / Path(relative).name)
        return relative

    return case


def linked_out(*relatives: str, text: str = f"# {SECRET}\n") -> Callable[[Path, Path], str]:
    """Each data file replaced by a link to a file outside the content folder, which holds the secret."""

    def case(content: Path, outside: Path) -> str:
        for relative in relatives:
            target = outside / Path(relative).name
            target.write_text(text, encoding="utf-8")
            (content / relative).unlink(missing_ok=True)
            (content / relative).symlink_to(target)
        return relatives[0]

    return case


def link_static_file(content: Path, outside: Path) -> str:
    secret = outside / "secret.txt"
    secret.write_text(SECRET, encoding="utf-8")
    (content / "sources/notes.txt").symlink_to(secret)
    with (content / ARTICLE).open("a", encoding="utf-8") as article:
        article.write("\n[notes]({static}/sources/notes.txt)\n")
    return "sources/notes.txt"


def link_anywhere(content: Path, outside: Path) -> str:
    secret = outside / "secret.txt"
    secret.write_text(SECRET, encoding="utf-8")
    (content / "sources/passwd").symlink_to("/etc/passwd")
    return "sources/passwd"


def link_loop(link: str, target: str, *more: tuple[str, str]) -> Callable[[Path, Path], str]:
    """Links in the content that lead round in a circle (each `(link, target)`, the target relative to it)."""

    def case(content: Path, outside: Path) -> str:
        for name, to in ((link, target), *more):
            (content / name).symlink_to(to)
        return link

    return case


def dangling_link(content: Path, outside: Path) -> str:
    (content / "data/people.yaml").unlink()
    (content / "data/people.yaml").symlink_to(outside / "nothing.yaml")
    return "data/people.yaml"


def fifo(relative: str) -> Callable[[Path, Path], str]:
    """A FIFO where the build would read a file (a data file replaced by one): opening it would block."""

    def case(content: Path, outside: Path) -> str:
        (content / relative).unlink(missing_ok=True)
        os.mkfifo(content / relative)
        return relative

    return case


def sparse(relative: str, size: int, count: int = 1) -> Callable[[Path, Path], str]:
    """`count` files of `size` bytes that take no disk (`truncate -s`): hashed, the largest held every build for
    minutes. The file named is the first refused, the last one when it is their sum that is too large."""

    def case(content: Path, outside: Path) -> str:
        names = [relative.format(i) for i in range(count)]
        for name in names:
            with (content / name).open("wb") as file:
                file.truncate(size)
        return names[-1]

    return case


def folder_as_file(relative: str) -> Callable[[Path, Path], str]:
    """A folder named as the file the build would read there."""

    def case(content: Path, outside: Path) -> str:
        (content / relative).unlink(missing_ok=True)
        (content / relative).mkdir()
        return relative

    return case


def unprintable_name(content: Path, outside: Path) -> str:
    (content / "articles/2025/bad\nname.en.md").write_text("x", encoding="utf-8")
    return "articles/2025/bad"


def twin_name(twin: str) -> Callable[[Path, Path], str]:
    """A second file beside the fixture's raw source whose name differs only in case or in accent encoding:
    a checkout on macOS or Windows holds one of the two."""

    def case(content: Path, outside: Path) -> str:
        (content / "sources" / twin).write_text("x\n", encoding="utf-8")
        return "sources/signing-in-hanoi.pl.txt" if twin.lower() == "signing-in-hanoi.pl.txt" else f"sources/{twin}"

    return case


def accent_twins(content: Path, outside: Path) -> str:
    (content / "sources" / "caf\u00e9.txt").write_text("x\n", encoding="utf-8")  # composed (NFC)
    (content / "sources" / "cafe\u0301.txt").write_text("y\n", encoding="utf-8")  # decomposed (NFD)
    return "sources/caf"


CASES: dict[str, Callable[[Path, Path], str]] = {
    "link article": link_article,
    "link article folder": link_article_folder,
    "link articles root": moved_out("articles"),
    "link data file": linked_out("data/countries.yaml", text=f"- code: VN\n  status: unknown\n# {SECRET}\n"),
    # The data files a content folder may leave out (publishers, topics) are confined as the others are.
    "link optional data files": linked_out("data/publishers.yaml", "data/topics.yaml"),
    "link timeline folder": moved_out("data/timeline"),
    "link static file": link_static_file,
    "link anywhere": link_anywhere,
    "file loop": link_loop("articles/2025/a.en.md", "b.en.md", ("articles/2025/b.en.md", "a.en.md")),
    "folder loop": link_loop("articles/2025/again", ".."),
    "dangling link": dangling_link,
    "fifo article": fifo("articles/2025/waiting.en.md"),
    "fifo data": fifo("data/people.yaml"),
    "fifo event": fifo("data/timeline/waiting.yaml"),
    "fifo unread": fifo("sources/waiting.txt"),
    "folder as article": folder_as_file("articles/2025/folder.pl.md"),
    "folder as event": folder_as_file("data/timeline/folder.yaml"),
    "folder as data file": folder_as_file("data/people.yaml"),
    "file larger than a repository holds": sparse("sources/report{}.pdf", 200 * 1024**3),
    "files larger together than a site holds": sparse("sources/report{:02}.pdf", sizes.MAX_FILE_BYTES, 11),
    "unprintable name": unprintable_name,
    "names differing only in case": twin_name("Signing-In-Hanoi.pl.txt"),
    "names differing only in accent encoding": accent_twins,
}


@pytest.fixture(scope="module")
def good_output(tmp_path_factory) -> Path:
    return build_site(tmp_path_factory.mktemp("good") / "output", FIXTURE, SEARCH_INDEX=False)


@pytest.mark.parametrize("case", CASES)
def test_refused_naming_the_entry_and_nothing_from_outside_published(case, content_copy, tmp_path, good_output):
    outside = tmp_path / "outside"
    outside.mkdir()
    entry = CASES[case](content_copy, outside)
    shown = str(content_copy / entry)

    checked = run_check(content_copy)
    assert checked.returncode == 1, checked.stderr
    assert "Traceback" not in checked.stderr
    assert any(line.startswith(shown) for line in checked.stderr.splitlines()), checked.stderr

    output = tmp_path / "site" / "output"
    shutil.copytree(good_output, output)
    before = tree_snapshot(output)
    built = run_build(content_copy, output)
    assert built.returncode == 1, built.stderr
    assert "Traceback" not in built.stderr
    assert shown in built.stderr
    assert tree_snapshot(output) == before
    assert leftovers(output) == []


def test_links_inside_the_content_folder_are_followed(content_copy, tmp_path):
    """A link that stays inside the content folder is harmless: the article it reaches is built."""
    moved = content_copy / "sources" / "article.md"
    shutil.move(content_copy / ARTICLE, moved)
    (content_copy / ARTICLE).symlink_to(Path("../../sources/article.md"))
    output = build_site(tmp_path / "output", content_copy)
    assert (output / "en" / "2025").is_dir()


def test_a_hidden_link_out_is_never_read(content_copy, tmp_path):
    """Hidden names are skipped by the archive and by Pelican alike: never read. One that looks like content
    is refused by name (nothing is dropped silently); a tool's own (an editor's swap file) is only skipped."""
    (content_copy / "articles/2025/.outside.en.md.swp").symlink_to(outside_article(tmp_path))
    output = build_site(tmp_path / "output", content_copy)
    assert not any(SECRET.encode() in data for data in tree_snapshot(output).values() if data)
    (content_copy / "articles/2025/.outside.en.md").symlink_to(outside_article(tmp_path))
    refused = run_build(content_copy, output)
    assert refused.returncode == 1 and "articles/2025/.outside.en.md: file: is hidden" in refused.stderr
    assert not any(SECRET.encode() in data for data in tree_snapshot(output).values() if data)


def test_an_output_folder_that_is_a_link_is_refused(tmp_path):
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (tmp_path / "output").symlink_to(elsewhere)
    built = run_build(FIXTURE, tmp_path / "output")
    assert built.returncode == 1 and "is a symbolic link" in built.stderr
    assert list(elsewhere.iterdir()) == []


# Property: whatever links a tree holds, listing never leaves the root, never loops, and reading is confined.

NAMES = st.sampled_from(["a", "b", "c.md", "d.yaml", ".hidden"])
TARGETS = st.sampled_from(
    [".", "..", "../..", "a", "b", "c.md", "../outside", "../outside/secret", "/etc/passwd", "/dev/zero",
     "b/../a", "a/a", "nothing", "../root/a"]
)  # fmt: skip
ENTRIES = st.lists(
    st.tuples(st.lists(NAMES, min_size=1, max_size=3), st.sampled_from(["file", "folder", "link", "fifo"]), TARGETS),
    max_size=12,
)


def _lay_out(root: Path, entries) -> None:
    for parts, kind, target in entries:
        path = root.joinpath(*parts)
        if os.path.lexists(path):
            continue  # the place is taken (writing into a FIFO made here would wait for a reader)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            if kind == "file":
                path.write_text("text", encoding="utf-8")
            elif kind == "folder":
                path.mkdir(exist_ok=True)
            elif kind == "link":
                path.symlink_to(target)
            else:
                os.mkfifo(path)
        except OSError:
            continue  # the place is taken, or a link stands in the way: another layout


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(entries=ENTRIES)
def test_listing_and_reading_stay_inside_whatever_the_links(tmp_path_factory, entries):
    base = tmp_path_factory.mktemp("tree")
    root, outside = base / "root", base / "outside"
    root.mkdir()
    outside.mkdir()
    (outside / "secret").write_text(SECRET, encoding="utf-8")
    _lay_out(root, entries)
    listing = paths.list_files(root, root)
    real_root = os.path.realpath(root)
    for path in listing.files:
        assert os.path.realpath(path).startswith(real_root + os.sep)
        assert paths.read_bytes(path, root) != SECRET.encode()
    for problem in listing.problems:
        assert problem.path.startswith(str(root))
    every = [Path(folder, name) for folder, dirs, files in os.walk(root) for name in (*dirs, *files)]
    for path in every:  # reading any path directly: confined, or refused; never a hang
        try:
            data = paths.read_bytes(path, root)
        except ContentError:
            continue
        assert data != SECRET.encode()
        assert os.path.realpath(path).startswith(real_root + os.sep)


def test_a_content_folder_of_the_repository_that_links_out_is_refused(tmp_path):
    """`content` committed as a link to `/` would make every file of the machine part of the content."""
    link = ROOT / ".cache" / f"content-link-{os.getpid()}"
    link.parent.mkdir(exist_ok=True)
    link.symlink_to(tmp_path)
    try:
        listing = paths.content_listing(link)
        [problem] = listing.problems
        assert problem.path == str(link) and "outside the repository" in problem.message
        assert listing.files == []
    finally:
        link.unlink()


@pytest.mark.parametrize("kind", ["file", "folder"])
def test_a_link_out_of_the_repository_in_the_theme_is_refused(kind, tmp_path):
    """Pelican copies theme/static into the site: a link there out of the repository would publish its target."""
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.txt").write_text("SECRET-OF-THE-MACHINE", encoding="utf-8")
    link = ROOT / "theme" / "static" / f"leak-{uuid.uuid4().hex}{'.txt' if kind == 'file' else ''}"
    link.symlink_to(outside / "secret.txt" if kind == "file" else outside)
    try:
        built = run_build(FIXTURE, tmp_path / "output")
    finally:
        link.unlink()
    assert built.returncode == 1 and "Traceback" not in built.stderr
    assert f"theme/static/{link.name}" in built.stderr and "outside the repository" in built.stderr
    assert not (tmp_path / "output").exists()


# Files a browser opens as a page that runs scripts: the site's CSP is in each page's <meta>, so a copied one
# would run with none, on the archive's address.
ACTIVE_FILES = ["evil.html", "evil.HTM", "evil.xhtml", "evil.svg", "evil.xml", "evil"]


def checked_with_link(content: Path, url: str) -> subprocess.CompletedProcess:
    """`make check` of `content` with a link to `url` added to an article: refused at the link's line."""
    article = content / ARTICLE
    line = article.read_text(encoding="utf-8").count("\n") + 2
    with article.open("a", encoding="utf-8") as file:
        file.write(f"\n[the file]({url})\n")
    checked = run_check(content)
    assert checked.returncode == 1 and "Traceback" not in checked.stderr, checked.stderr
    assert f"{article}:{line}: body: link '{url}' " in checked.stderr, checked.stderr
    return checked


@pytest.mark.parametrize("name", ACTIVE_FILES)
def test_a_static_link_to_a_page_or_image_that_runs_scripts_is_refused(name, content_copy):
    (content_copy / "sources" / name).write_text("<script>alert(document.domain)</script>\n", encoding="utf-8")
    checked = checked_with_link(content_copy, f"{{static}}/sources/{name}")
    assert "points to a file that is a" in checked.stderr
    assert "which a browser may open as a page and run its scripts" in checked.stderr


def test_a_page_copied_by_a_static_link_is_never_published(content_copy, tmp_path, good_output):
    (content_copy / "sources/evil.html").write_text("<script>alert(document.domain)</script>\n", encoding="utf-8")
    (content_copy / "sources/notes.pdf").write_bytes(b"%PDF-1.4\n")
    with (content_copy / ARTICLE).open("a", encoding="utf-8") as article:
        article.write("\n[the page]({static}/sources/evil.html), [notes]({static}/sources/notes.pdf)\n")
    output = tmp_path / "site" / "output"
    shutil.copytree(good_output, output)
    before = tree_snapshot(output)
    built = run_build(content_copy, output)
    assert built.returncode == 1 and "Traceback" not in built.stderr, built.stderr
    assert "is a .html file, which a browser may open as a page" in built.stderr and "a .pdf file" not in built.stderr
    assert tree_snapshot(output) == before
    (content_copy / ARTICLE).write_text(
        (content_copy / ARTICLE).read_text(encoding="utf-8").replace("[the page]({static}/sources/evil.html), ", ""),
        encoding="utf-8",
    )
    (content_copy / "sources/evil.html").unlink()
    built = run_build(content_copy, output)
    assert built.returncode == 0, built.stderr
    assert (output / "sources/notes.pdf").read_bytes() == b"%PDF-1.4\n"


# A file copied with {static} keeps its path in content/, and Pelican copies it after the pages are written: one
# at the root, or in a folder the site writes into, replaced a file of the site's own, and nothing said so.
SITE_ADDRESSES = {
    "robots.txt": ("robots.txt", "{static}/robots.txt", "at the root of the site"),
    "the timeline's data": ("en/timeline.json", "{static}/en/timeline.json", "in en/"),
    "the open data": ("data/countries.json", "{static}/data/countries.json", "in data/"),
    "an article's citation": ("files/cite.json", "{attach}/files/cite.json", "into the article's own folder"),
    "a folder named as the home page": ("index.html/x.json", "{static}/index.html/x.json", "a folder index.html/"),
}


@pytest.mark.parametrize("case", SITE_ADDRESSES)
def test_a_copied_file_never_takes_an_address_of_the_sites_own(case, content_copy, tmp_path, good_output):
    relative, url, where = SITE_ADDRESSES[case]
    planted = content_copy / relative
    planted.parent.mkdir(parents=True, exist_ok=True)
    planted.write_text('{"planted": true}\n', encoding="utf-8")
    article = content_copy / ARTICLE
    checked = checked_with_link(content_copy, url)
    assert where in checked.stderr, checked.stderr
    assert "keep the files a link copies in a folder of their own" in checked.stderr
    output = tmp_path / "site" / "output"
    shutil.copytree(good_output, output)
    before = tree_snapshot(output)
    built = run_build(content_copy, output)
    assert built.returncode == 1 and "Traceback" not in built.stderr, built.stderr
    assert tree_snapshot(output) == before
    # In a folder of its own, the same file is published at its path.
    (content_copy / "files").mkdir(exist_ok=True)
    planted.rename(content_copy / "files" / planted.name)
    article.write_text(article.read_text(encoding="utf-8").replace(url, f"{{static}}/files/{planted.name}"), "utf-8")
    assert run_build(content_copy, output).returncode == 0
    assert (output / "files" / planted.name).read_text(encoding="utf-8") == '{"planted": true}\n'


def test_a_large_file_within_the_limits_is_copied_whole(content_copy, tmp_path):
    """A report of 30 MB, fifteen times what a text file may be, is published by its {static} link."""
    report = content_copy / "files/report.pdf"
    report.parent.mkdir()
    with report.open("wb") as file:
        file.write(b"%PDF-1.4\n")
        file.truncate(30_000_000)
    with (content_copy / ARTICLE).open("a", encoding="utf-8") as article:
        article.write("\n[The report]({static}/files/report.pdf)\n")
    checked = run_check(content_copy)
    assert checked.returncode == 0, checked.stderr
    output = tmp_path / "output"
    built = run_build(content_copy, output)
    assert built.returncode == 0, built.stderr
    assert (output / "files/report.pdf").stat().st_size == 30_000_000


def test_the_site_writes_at_its_root_only_into_the_folders_kept_from_copied_files(fixture_site):
    folders = {entry.name for entry in fixture_site.iterdir() if entry.is_dir()}
    assert "pagefind" in folders and folders <= SITE_FOLDERS, folders - SITE_FOLDERS
    files = {entry.name for entry in fixture_site.iterdir() if not entry.is_dir()}
    assert "robots.txt" in files and all("." in name for name in files), files


HOSTILE_NAMES = {  # a file's name, and how a problem names it
    "esc\x1b[2Jcleared.en.md": "esc\\x1b[2Jcleared.en.md",  # clears the terminal
    "log\n::error::injected.en.md": "log\\n::error::injected.en.md",  # a CI log's command, on a line of its own
    "rtl\u202etxt.md.en.md": "rtl\\u202etxt.md.en.md",  # shows the rest of the name reversed
}


def test_a_hostile_name_is_shown_as_text_never_acted_on(content_copy, tmp_path):
    """A file name is the contributor's: printed raw, it would clear a terminal, hide lines, or give a CI log a
    command. Each character a terminal or a log would act on or hide is printed escaped, by `make check` and
    the build alike."""
    folder = content_copy / "articles/2025"
    for name in HOSTILE_NAMES:
        (folder / name).write_text("x", encoding="utf-8")
    os.close(os.open(os.path.join(os.fsencode(folder), b"latin\xff.en.md"), os.O_CREAT | os.O_WRONLY, 0o644))
    shown_names = [*HOSTILE_NAMES.values(), "latin\\udcff.en.md"]  # a byte that is not UTF-8, as Python reads it
    for result in (run_check(content_copy), run_build(content_copy, tmp_path / "output")):
        assert result.returncode == 1 and "Traceback" not in result.stderr, result.stderr
        lines = result.stderr.splitlines()
        assert all(line.isprintable() for line in lines), [line for line in lines if not line.isprintable()]
        assert not any(line.startswith("::") for line in lines)
        for name in shown_names:
            assert any(f"articles/2025/{name}: file: " in line for line in lines), (name, result.stderr)


def test_text_a_problem_quotes_is_shown_as_text_never_acted_on(content_copy, tmp_path):
    """A problem's message or hint may quote what the file writes: a YAML hint quoted the text after a closed
    value as it was, and `"A"x` then U+202E printed the rest of the hint reversed. Every part of a problem is
    printed as its file's name is (`errors.shown`)."""
    path = content_copy / "articles/2025/signing-in-hanoi.en.md"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace('title: "Convention signed in Hanoi"', 'title: "Hanoi"x\u202eevil', 1))
    for result in (run_check(content_copy), run_build(content_copy, tmp_path / "output")):
        assert result.returncode == 1 and "Traceback" not in result.stderr, result.stderr
        lines = result.stderr.splitlines()
        assert all(line.isprintable() for line in lines), [line for line in lines if not line.isprintable()]
        assert any("signing-in-hanoi.en.md:2: " in line and "x\\u202eevil" in line for line in lines), lines


@pytest.mark.parametrize(
    ("names", "told"),
    [
        (("Straße.txt", "straße.txt"), True),  # case: one file on macOS and Windows
        (("ΣΟΦΙΑ.txt", "σοφια.txt"), True),
        (("caf\u00e9.txt", "cafe\u0301.txt"), True),  # accents composed and decomposed: one file on macOS
        (("CAF\u00c9.txt", "cafe\u0301.txt"), True),
        (("straße.txt", "strasse.txt"), False),  # no file system folds one letter to two: two files everywhere
        (("STRASSE.txt", "straße.txt"), False),
        (("ﬁle.txt", "file.txt"), False),
    ],
)
def test_names_collide_as_macos_and_windows_file_systems_compare_them(names, told, tmp_path):
    """APFS and HFS+ ignore case and accent encoding, NTFS case, each a letter for a letter: `straße` and `strasse`
    were told as one name (`str.casefold`), which no checkout holds as one."""
    for name in names:
        (tmp_path / name).write_text("x\n", encoding="utf-8")
    problems = [p for p in paths.list_files(tmp_path, tmp_path).problems if "differs from" in p.message]
    assert len(problems) == told, problems


@pytest.mark.parametrize("extra", [0, 1])
def test_a_path_longer_than_a_checkout_on_windows_holds_is_refused(extra, content_copy):
    """Windows' MAX_PATH is 260 characters from the drive on: git for Windows could not check out a path of 200
    from the repository's root, each of its names short enough, which `make check` passed. 160 leave room for
    the checkout's own folder (CONTRIBUTING.md); Windows counts a character outside the BMP as two."""
    folder = content_copy / "sources" / ("ł" * 60) / ("😀" * 10)
    folder.mkdir(parents=True)
    name = "a" * (160 - len("content/sources/") - 61 - 21 - len(".txt") + extra) + ".txt"
    (folder / name).write_text("x\n", encoding="utf-8")
    told = [p for p in check(content_copy) if p.path == str(folder / name) and "a path of" in p.message]
    if not extra:
        assert told == []
        return
    [problem] = told
    assert problem.field == "file" and problem.message.startswith("makes a path of 161 characters from the repository")
    assert "at most 160 characters" in problem.hint and "CONTRIBUTING.md" in problem.hint


@pytest.mark.parametrize("extra", [0, 1])
def test_a_folder_longer_than_a_checkout_on_windows_makes_is_refused(extra, content_copy):
    """Windows makes no folder that an 8.3 name (12 characters) could not be added to within MAX_PATH: a folder of 150
    characters from the repository's root, its files' paths within 160, could not be checked out. 148 at most."""
    folder = content_copy / "sources" / ("ł" * 60) / ("f" * (148 - len("content/sources/") - 61 + extra))
    folder.mkdir(parents=True)
    for name in ("a.txt", "b.txt"):
        (folder / name).write_text("x\n", encoding="utf-8")
    problems = check(content_copy)
    assert [p for p in problems if "a path of" in p.message] == []  # each file's path within 160
    told = [p for p in problems if p.field == "folder"]
    if not extra:
        assert told == []
        return
    [problem] = told  # the folder, once
    assert (problem.path, problem.field) == (str(folder), "folder")
    assert problem.message.startswith("is a folder whose path from the repository's root has 149 characters")
    assert "at most 148 characters" in problem.hint and "CONTRIBUTING.md" in problem.hint
