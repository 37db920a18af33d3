"""No file can be written outside the output folder, whatever path a plugin computes."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from jinja2 import Template

from archive_core.errors import BuildFailed
from archive_core.output_paths import GuardedWriter, escapes, relative_posix


@pytest.mark.parametrize(
    ("path", "outside"),
    [
        ("pl/2025/slug/index.html", False),
        ("pl/../en/index.html", False),
        ("../index.html", True),
        ("pl/../../index.html", True),
        ("/etc/passwd", True),
        ("../output-evil/index.html", True),  # Pelican's own string-prefix check lets this through
        ("../output/pl/index.html", False),
        ("../outpu/index.html", True),
        (".", False),
    ],
)
def test_escapes(tmp_path, path, outside):
    assert escapes(tmp_path / "output", path) is outside


def test_symlink_out_of_the_output_folder_escapes(tmp_path):
    (tmp_path / "output").mkdir()
    (tmp_path / "elsewhere").mkdir()
    (tmp_path / "output" / "link").symlink_to(tmp_path / "elsewhere")
    assert escapes(tmp_path / "output", "link/index.html")


def test_folders_resolved_before_do_not_hide_a_link_made_later(tmp_path):
    # A writer keeps the folders it has resolved; a folder that did not exist yet is not kept,
    # and a link anywhere on a path (the file itself, a new folder) is still followed.
    output, elsewhere = tmp_path / "output", tmp_path / "elsewhere"
    (output / "pl").mkdir(parents=True)
    elsewhere.mkdir()
    resolved: dict[str, str] = {}
    assert not escapes(output, "pl/2025/index.html", resolved)
    assert not escapes(output, "pl/later/index.html", resolved)
    (output / "pl" / "later").symlink_to(elsewhere)
    (output / "pl" / "file.html").symlink_to(elsewhere / "file.html")
    assert escapes(output, "pl/later/index.html", resolved)
    assert escapes(output, "pl/file.html", resolved)
    assert not escapes(output, "pl/index.html", resolved)


@pytest.mark.parametrize("name", ["../escaped.html", "../output-evil/escaped.html"])
def test_the_writer_refuses_and_writes_nothing_outside(tmp_path, name):
    output = tmp_path / "output"
    output.mkdir()
    writer = GuardedWriter(str(output), settings={"PAGINATED_TEMPLATES": {}})
    with pytest.raises(BuildFailed) as info:
        writer.write_file(name, Template("<p>x</p>"), {})
    assert "save_as: would be written outside the output folder" in str(info.value)
    assert not list(tmp_path.rglob("escaped.html"))


def test_the_writer_writes_inside(tmp_path):
    writer = GuardedWriter(str(tmp_path), settings={"PAGINATED_TEMPLATES": {}})
    writer.write_file("pl/index.html", Template("<p>{{ x }}</p>"), {"x": 1})
    assert (tmp_path / "pl" / "index.html").read_text() == "<p>1</p>"


def test_the_writer_refuses_a_path_longer_than_a_checkout_on_windows_holds(tmp_path):
    """Windows' MAX_PATH (260) less a checkout folder: 160 characters from the repository's root at most."""
    writer = GuardedWriter(str(tmp_path), settings={"PAGINATED_TEMPLATES": {}})
    folder = "en/" + "a" * (148 - len("output/en/"))  # the longest folder (MAX_FOLDER_CHARS)
    longest = folder + "/" + "i" * (160 - 148 - len("/.html")) + ".html"
    writer.write_file(longest, Template("<p>x</p>"), {})
    with pytest.raises(BuildFailed) as info:
        writer.write_file("en/" + "a" * 200 + "/index.html", Template("<p>x</p>"), {})
    assert "save_as: makes a path of 221 characters from the repository's root, longer than the 160" in str(info.value)
    assert [path.name for path in tmp_path.iterdir()] == ["en"] and len(list((tmp_path / "en").iterdir())) == 1


def test_the_writer_refuses_a_folder_longer_than_a_checkout_on_windows_makes(tmp_path):
    """Windows makes no folder an 8.3 name (12 characters) could not be added to within MAX_PATH: 148 characters from
    the repository's root at most, a page's path within 160 all the same."""
    writer = GuardedWriter(str(tmp_path), settings={"PAGINATED_TEMPLATES": {}})
    with pytest.raises(BuildFailed) as info:
        writer.write_file("en/" + "a" * (149 - len("output/en/")) + "/x.html", Template("<p>x</p>"), {})
    assert "save_as: is a folder whose path from the repository's root has 149 characters" in str(info.value)
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize(
    "path",
    [
        "pl/index.html",
        "pl/2025/slug/cite.bib",
        "pl/../en/index.html",
        "pl//2025/./slug/index.html",
        ".",
        "../output/pl/index.html",
        "../output-evil/index.html",
        "../index.html",
        "zażółć/index.html",
    ],
)
@pytest.mark.parametrize("absolute", [False, True])
def test_the_relative_path_is_what_relpath_gives(tmp_path, monkeypatch, path, absolute):
    # The long-path check names the path from the output folder; the shortcut for a path inside must give relpath's.
    monkeypatch.chdir(tmp_path)
    for output in ("output", str(tmp_path / "output")):
        given = os.path.join(os.path.abspath(output), path) if absolute else path
        expected = Path(os.path.relpath(os.path.join(output, given), output)).as_posix()
        assert relative_posix(output, given) == expected
