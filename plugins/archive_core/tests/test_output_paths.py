"""No file can be written outside the output folder, whatever path a plugin computes."""

from __future__ import annotations

import pytest
from jinja2 import Template

from archive_core.errors import BuildFailed
from archive_core.output_paths import GuardedWriter, escapes


@pytest.mark.parametrize(
    ("path", "outside"),
    [
        ("pl/2025/slug/index.html", False),
        ("pl/../en/index.html", False),
        ("../index.html", True),
        ("pl/../../index.html", True),
        ("/etc/passwd", True),
        ("../output-evil/index.html", True),  # Pelican's own string-prefix check lets this through
    ],
)
def test_escapes(tmp_path, path, outside):
    assert escapes(tmp_path / "output", path) is outside


def test_symlink_out_of_the_output_folder_escapes(tmp_path):
    (tmp_path / "output").mkdir()
    (tmp_path / "elsewhere").mkdir()
    (tmp_path / "output" / "link").symlink_to(tmp_path / "elsewhere")
    assert escapes(tmp_path / "output", "link/index.html")


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
