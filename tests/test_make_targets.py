"""The Makefile's targets as a maintainer on a fresh clone meets them: each does what `make help` says of it."""

from __future__ import annotations

import os
import re
import subprocess
from pathlib import Path

from .conftest import ROOT

# What `make clean` leaves of what .gitignore names: the virtualenvs (set up again only by a slow install) and
# Python's bytecode (the .venv's stamp of `make`'s compile step says it is there).
KEPT_BY_CLEAN = {".venv", ".venv-bench", "__pycache__", "*.pyc"}


def make(*args: str, cwd: Path = ROOT, timeout: float = 120) -> subprocess.CompletedProcess:
    env = {"PATH": os.environ["PATH"], "LANG": "C.UTF-8"}
    return subprocess.run(
        ["make", "--no-print-directory", "-f", str(ROOT / "Makefile"), *args],
        cwd=cwd, capture_output=True, text=True, env=env, timeout=timeout, check=False,
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
