"""The theme's templates are compiled once, ahead, in a forked process; the build's output is the same."""

from __future__ import annotations

from pathlib import Path

import pytest
from jinja2 import Environment

from tests.build_helpers import tree_snapshot
from tests.conftest import FIXTURE, build_site


@pytest.fixture
def compiled_here(monkeypatch) -> list[str]:
    """The templates the build's own process compiles."""
    names: list[str] = []
    compile_template = Environment.compile

    def counted(self, source, name=None, filename=None, raw=False, defer_init=False):
        names.append(name)
        return compile_template(self, source, name, filename, raw, defer_init)

    monkeypatch.setattr(Environment, "compile", counted)
    return names


def test_the_build_takes_the_templates_compiled_ahead(compiled_here, tmp_path):
    build_site(tmp_path / "ahead", FIXTURE, ARCHIVE_WORKERS=2, ARCHIVE_CACHE_DIR="")
    theme = {p.name for p in (Path(__file__).resolve().parents[3] / "theme" / "templates").rglob("*.html")}
    assert not theme.intersection(Path(name).name for name in compiled_here if name)


def test_one_worker_compiles_in_the_build_and_writes_the_same_site(compiled_here, tmp_path):
    ahead = tree_snapshot(build_site(tmp_path / "ahead", FIXTURE, ARCHIVE_WORKERS=2, ARCHIVE_CACHE_DIR=""))
    assert "base.html" not in compiled_here
    here = tree_snapshot(build_site(tmp_path / "here", FIXTURE, ARCHIVE_WORKERS=1, ARCHIVE_CACHE_DIR=""))
    assert "base.html" in compiled_here
    assert ahead == here
