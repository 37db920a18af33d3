"""The commands users run import the project's own modules from bytecode, even where PYTHONDONTWRITEBYTECODE keeps
Python from writing it (CI, containers): none of them is compiled again in every run (docs/performance.md)."""

from __future__ import annotations

import os
import re
import subprocess

import pytest

from .conftest import ROOT

STAMPS = ("-o", ".venv/.runtime-installed", "-o", ".venv/.dev-installed", "-o", ".venv-bench/.bench-installed")
EDITED = "plugins/archive_core/errors.py"


def make(*args: str) -> subprocess.CompletedProcess:
    env = {"PATH": os.environ["PATH"], "LANG": "C.UTF-8", "PYTHONDONTWRITEBYTECODE": "1"}
    return subprocess.run(
        ["make", "--no-print-directory", *STAMPS, *args], cwd=ROOT, capture_output=True, text=True, env=env, timeout=300
    )


@pytest.mark.parametrize("target", ["html", "publish", "check", "devserver", "diff", "test", "bench"])
def test_every_command_that_runs_the_project_compiles_an_edited_module_first(target):
    planned = make("-n", "-W", EDITED, target)
    assert planned.returncode == 0, planned.stderr
    commands = planned.stdout.splitlines()
    compiled = [index for index, line in enumerate(commands) if "-m compileall" in line]
    ran = [index for index, line in enumerate(commands) if re.search(r"-m (tools\.|pytest)", line)]
    assert compiled and ran and compiled[0] < ran[0], planned.stdout


def test_after_the_compile_step_no_module_of_the_build_or_the_check_is_compiled_from_source():
    for stale in (ROOT / EDITED).parent.glob("__pycache__/errors.*.pyc"):  # as if the edit had made it stale
        stale.unlink()
    assert make("-W", EDITED, ".venv/.bytecode-compiled").returncode == 0
    imported = subprocess.run(
        [str(ROOT / ".venv/bin/python"), "-v", "-c", "import tools.build, tools.check, tools.devserver"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env={"PATH": os.environ["PATH"], "PYTHONDONTWRITEBYTECODE": "1"},
        timeout=120,
    )
    assert imported.returncode == 0, imported.stderr[-2000:]
    from_source = re.findall(rf"^# code object from '?({re.escape(str(ROOT))}/\S+\.py)'?$", imported.stderr, re.M)
    assert "archive_core" in imported.stderr and from_source == []
