"""The Makefile's targets as a maintainer on a fresh clone meets them: each does what `make help` says of it."""

from __future__ import annotations

import os
import re
import subprocess
from pathlib import Path

from .build_helpers import cache_environment, run_build
from .conftest import FIXTURE, ROOT

# What `make clean` leaves of what .gitignore names: the virtualenvs (set up again only by a slow install) and
# Python's bytecode (the .venv's stamp of `make`'s compile step says it is there).
KEPT_BY_CLEAN = {".venv", ".venv-bench", "__pycache__", "*.pyc"}


def make(
    *args: str, cwd: Path = ROOT, env: dict[str, str] | None = None, timeout: float = 300
) -> subprocess.CompletedProcess:
    """`make` in a minimal environment, `env` added to it."""
    return subprocess.run(
        ["make", "--no-print-directory", "-f", str(ROOT / "Makefile"), *args],
        cwd=cwd, capture_output=True, text=True, timeout=timeout, check=False,
        env={"PATH": os.environ["PATH"], "LANG": "C.UTF-8", **(env or {})},
    )  # fmt: skip


def ignored_names() -> list[str]:
    """What .gitignore names: each a file or folder a command makes."""
    lines = (ROOT / ".gitignore").read_text(encoding="utf-8").splitlines()
    return [line.strip().strip("/") for line in lines if line.strip() and not line.startswith("#")]


def test_make_clean_removes_all_the_commands_make_but_the_virtualenvs(tmp_path):
    """`make clean` left .ruff_cache/ and .hypothesis/ (what `make lint` and `make test` make)."""
    made = {}
    for name in ignored_names():
        path = tmp_path / name.replace("*", "building-1")
        path.mkdir()
        (path / "file").write_text("made by a command\n", encoding="utf-8")
        made[name] = path
    result = make("clean", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    left = sorted(name for name, path in made.items() if path.exists())
    assert left == sorted(KEPT_BY_CLEAN)
    said = dict(re.findall(r"^  make (\S+)\s+(.*)$", make("help").stdout, flags=re.MULTILINE))["clean"]
    assert [name for name in made if name not in KEPT_BY_CLEAN and name not in said] == []  # it says what it removes


def test_an_up_to_date_build_says_how_to_build_it_anyway(tmp_path):
    output, env = tmp_path / "output", {"ARCHIVE_SEARCH_INDEX": "0"}
    assert run_build(FIXTURE, output, env=env).returncode == 0
    again = run_build(FIXTURE, output, env=env)
    assert again.returncode == 0 and "is up to date" in again.stdout and "make html FORCE=1" in again.stdout
    forced = run_build(FIXTURE, output, env={**env, "ARCHIVE_FORCE": "1"})  # what `make html FORCE=1` passes
    assert forced.returncode == 0 and "up to date" not in forced.stdout and "built" in forced.stdout, forced.stdout


def test_make_html_takes_force_and_refuses_a_value_that_is_no_yes_or_no(tmp_path):
    content = tmp_path / "content" / "articles" / "2025"  # content no build gets past, should FORCE not reach it
    content.mkdir(parents=True)
    (content / "broken.en.md").write_text("no front matter\n", encoding="utf-8")
    content = content.parent.parent
    env = {"ARCHIVE_CONTENT": str(content), **cache_environment()}
    result = make("html", "FORCE=maybe", env=env)
    assert result.returncode != 0
    assert "FORCE must be 1 or 0 (yes or no), not 'maybe'" in result.stderr, result.stderr
