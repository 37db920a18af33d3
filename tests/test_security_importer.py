"""The importer and `make new` write only inside their content folder, and only what they say they wrote.

Every path is checked before the first byte is written, and written through `archive_core.paths.write_file`,
which refuses anything outside its destination, links followed. See docs/security.md.
"""

from __future__ import annotations

import contextlib
import io
import os
import shutil
import uuid
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from archive_core import paths
from archive_core.errors import ContentError
from tools.importer.__main__ import main
from tools.new_article import Refused, scaffold

from .conftest import ROOT, SEED
from .importer.helpers import content_folder, written_path

OPTIONS = ["--date", "2025-10-26", "--lang", "pl"]
CLIMBING = st.lists(
    st.sampled_from(["..", "../", "/", "x", "a-b", ".", "%2e%2e", "\\..", "\x00", "\n", "etc", "tmp", "~"]),
    min_size=1,
    max_size=8,
).map("".join)


def files_under(folder: Path) -> set[Path]:
    return {Path(d, name) for d, _, names in os.walk(folder) for name in names}


def run(source: Path, dest: Path, *options: str, allowed: Path | None = None) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err), content_folder(allowed or dest):
        code = main([str(source), "--dest", str(dest), *options])
    return code, out.getvalue(), err.getvalue()


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(key=CLIMBING, slug=CLIMBING, which=st.sampled_from(["--key", "--slug", "both"]))
def test_a_climbing_key_or_slug_writes_nothing_outside(tmp_path_factory, key, slug, which):
    base = tmp_path_factory.mktemp("import")
    dest = base / "deep" / "er" / "content"
    dest.mkdir(parents=True)
    options = [*OPTIONS, *(["--key", key] if which in ("--key", "both") else []),
               *(["--slug", slug] if which in ("--slug", "both") else [])]  # fmt: skip
    before = files_under(base)
    code, out, err = run(SEED, dest, *options)
    written = files_under(base) - before
    if code == 0:
        assert len(written) == 1 and next(iter(written)).is_relative_to(dest / "articles"), written
        assert written_path(out) == next(iter(written))
    else:
        assert written == set(), written
        assert "nothing was written" in err or "error:" in err


def test_dest_outside_the_repository_is_refused(tmp_path):
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main([str(SEED), "--dest", str(tmp_path / "content"), *OPTIONS])
    assert code == 1 and "DEST: is not inside the content folder" in err.getvalue()
    assert files_under(tmp_path) == set()


def test_dest_climbing_out_of_the_content_folder_is_refused(tmp_path):
    content = tmp_path / "content"
    content.mkdir()
    code, _, err = run(SEED, content / ".." / ".." / "elsewhere", *OPTIONS, allowed=content)
    assert code == 1 and "is not inside the content folder" in err
    assert not (tmp_path.parent / "elsewhere").exists()


@pytest.mark.parametrize("folder", ["output", ".git", ".cache", "theme", "plugins", "tools", "."])
def test_dest_in_the_repository_but_not_the_content_folder_is_refused(folder):
    """output/ would be published (and called up to date), .git and the code are not content."""
    dest = ROOT / folder / f"import-test-{uuid.uuid4().hex}"
    out, err = io.StringIO(), io.StringIO()
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err), content_folder(ROOT / "content"):
            code = main([str(SEED), "--dest", str(dest), *OPTIONS])
        assert code == 1 and "DEST: is not inside the content folder" in err.getvalue()
        assert not dest.exists()
    finally:
        shutil.rmtree(dest, ignore_errors=True)


def test_a_folder_linked_out_of_the_content_folder_is_never_written_through(tmp_path):
    content, outside = tmp_path / "content", tmp_path / "outside"
    (content / "articles").mkdir(parents=True)
    outside.mkdir()
    (content / "articles" / "2025").symlink_to(outside)
    code, _, err = run(SEED, content, *OPTIONS)
    assert code == 1 and "would be written through a link" in err and "nothing was written" in err
    assert list(outside.iterdir()) == []


def test_an_existing_link_is_never_replaced_or_read(tmp_path):
    content, outside = tmp_path / "content", tmp_path / "outside.md"
    outside.write_text("outside", encoding="utf-8")
    target = content / "articles" / "2025" / "hanoi-convention-signing-ceremony.pl.md"
    target.parent.mkdir(parents=True)
    target.symlink_to(outside)
    code, _, err = run(SEED, content, *OPTIONS, "--key", "hanoi-convention-signing-ceremony", "--force")
    assert code == 1 and "is a symbolic link" in err
    assert outside.read_text(encoding="utf-8") == "outside" and target.is_symlink()


@pytest.mark.parametrize("kind", ["fifo", "device", "folder"])
def test_a_source_that_is_no_file_is_refused_at_once(kind, tmp_path):
    source = tmp_path / "source.txt"
    if kind == "fifo":
        os.mkfifo(source)
    elif kind == "device":
        source = Path("/dev/zero")
    else:
        source.mkdir()
    code, _, err = run(source, tmp_path / "content", *OPTIONS)
    assert code == 1 and "nothing was written" in err
    assert "FIFO, socket or device" in err or "is a folder" in err


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(relative=st.lists(CLIMBING, min_size=1, max_size=3).map("/".join))
def test_write_file_never_leaves_its_destination(tmp_path_factory, relative):
    base = tmp_path_factory.mktemp("write")
    root = base / "a" / "b" / "root"
    root.mkdir(parents=True)
    (root / "linked").symlink_to(base)
    for name in (relative, f"linked/{relative}"):
        try:
            written = paths.write_file(root, name, b"data")
        except (ContentError, OSError):
            continue
        assert os.path.realpath(written).startswith(os.path.realpath(root) + os.sep), written
    assert {p for p in files_under(base) if not p.is_relative_to(root)} == set()


def test_make_new_never_writes_through_a_link(tmp_path):
    content, outside = tmp_path / "content", tmp_path / "outside"
    (content / "articles").mkdir(parents=True)
    outside.mkdir()
    (content / "articles" / "2025").symlink_to(outside)
    from datetime import date

    with pytest.raises(Refused, match="would be written through a link"):
        scaffold(content, "Tytuł", "pl", date(2025, 10, 26))
    assert list(outside.iterdir()) == []


@pytest.mark.parametrize("folder", ["sources", "data", "articles", "articles/2025", "drafts"])
def test_dest_a_folder_of_the_content_folder_is_refused(folder, tmp_path):
    """The article goes to `<DEST>/articles/<year>/`: in a folder of the content folder the build never reads it.
    Imported into `content/sources`, it passed `make check` as a raw copy no article pointed to, and was never
    published."""
    content = tmp_path / "content"
    (content / folder).mkdir(parents=True)
    before = files_under(tmp_path)
    code, _, err = run(SEED, content / folder, *OPTIONS, allowed=content)
    assert code == 1 and f"DEST: is a folder of the content folder ({content})" in err
    assert "where the build never reads it" in err and "nothing was written" in err
    assert files_under(tmp_path) == before
