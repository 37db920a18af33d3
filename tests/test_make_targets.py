"""The Makefile's targets as a maintainer on a fresh clone meets them: each does what `make help` says of it."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

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


def test_the_repository_tracks_no_file_a_command_makes():
    """Code the build loads from what .gitignore names (Python's bytecode, the templates' code kept in .venv) is
    trusted as its own: a pull request adding such a file would run it in the next build."""
    if not (ROOT / ".git").exists():
        pytest.skip("not a git checkout")
    # .gitignore's rules only: not the contributor's own (core.excludesFile, .git/info/exclude).
    tracked = subprocess.run(
        ["git", "-c", "core.excludesFile=/dev/null", "ls-files", "--cached", "--ignored",
         "--exclude-per-directory=.gitignore"],
        cwd=ROOT, capture_output=True, text=True, timeout=60, check=True,
    ).stdout  # fmt: skip
    assert tracked == "", f"tracked, and ignored by .gitignore (remove with git rm --cached):\n{tracked}"


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


def takes() -> dict[str, set[str]]:
    """The values each target takes, as the Makefile lists them (`override TAKES_<target> := ...`)."""
    text = (ROOT / "Makefile").read_text(encoding="utf-8").replace("\\\n", " ")
    return {target: set(names.split()) for target, names in re.findall(r"^override TAKES_(\w+)\s*:=(.*)$", text, re.M)}


def help_lines() -> dict[str, str]:
    return dict(re.findall(r"^  make (\S+)\s+(.*)$", make("help").stdout, flags=re.MULTILINE))


def test_make_help_shows_every_value_each_target_takes_and_no_other():
    shown, taken = help_lines(), takes()
    inputs = set().union(*taken.values())
    assert sorted(shown) == sorted(taken)  # every target has its list, and make help shows each
    assert "PYTHON=" in make("help").stdout.splitlines()[1]  # taken by every target that makes .venv: said once
    for target, said in shown.items():
        named = set(re.findall(r"\b([A-Z][A-Z_]*)=", said)) & inputs  # not SITEURL=, given in the environment
        assert named == taken[target] - {"PYTHON"}, (target, said)


def test_a_value_no_goal_takes_is_refused_by_name_before_anything_runs(tmp_path):
    """`make check FORCE=1` ran the check and ignored FORCE: it seemed to have done what was asked."""
    for args, said in [
        (["check", "FORCE=1"], "FORCE= is not a value of make check, which would ignore it; it takes PYTHON="),
        (["help", "N=5"], "N= is not a value of make help, which would ignore it; it takes none"),
        (["clean", "serve", "DIFF_BASE=main"], "DIFF_BASE= is not a value of make clean serve"),
    ]:
        result = make(*args, cwd=tmp_path)
        assert result.returncode != 0 and said in result.stderr, result.stderr
    assert list(tmp_path.iterdir()) == []  # no .venv made, nothing cleaned
    assert "is not a value" not in make("-n", "clean", "html", "FORCE=1", cwd=tmp_path).stderr  # html takes it


def test_a_target_takes_the_values_of_the_targets_it_makes_first():
    """`make serve` builds with `make html` first, which reads FORCE: `make serve FORCE=1` was refused as ignored."""
    text = (ROOT / "Makefile").read_text(encoding="utf-8")
    taken = takes()
    for target, prerequisites in re.findall(r"^([a-z]+):((?: [a-z]+)+)(?: |$)", text, re.M):
        for made_first in set(prerequisites.split()) & taken.keys():
            assert taken[made_first] <= taken[target], (target, made_first)
    forced = make("-n", "serve", "FORCE=1")
    assert forced.returncode == 0 and "is not a value" not in forced.stderr, forced.stderr


def test_a_make_a_recipe_runs_takes_the_values_its_parent_was_given():
    """`make bench N=500` runs `make html`, which make hands N=500 in MAKEFLAGS: it is the contributor's `make bench`
    that takes N, and `make html` must not refuse it."""
    nested = make("-n", "html", env={"MAKEFLAGS": " -- N=500", "MAKELEVEL": "1"})
    assert nested.returncode == 0 and "is not a value" not in nested.stderr, nested.stderr


def test_a_python_that_cannot_make_the_virtualenv_is_refused_in_one_line(tmp_path):
    for value in (
        "../python",
        "python3 -I",
        "/bin/true",
        "nonexistent; touch pwned",
        "$(shell touch pwned)",
        "9" * 20_000,
    ):
        result = make(".venv/bin/python", f"PYTHON={value}", cwd=tmp_path)
        said = "PYTHON= (default python3) names no Python 3.11 or later that runs here"
        assert result.returncode != 0 and said in result.stderr, result.stderr
        assert "9999" not in result.stderr  # the value is not quoted
    assert list(tmp_path.iterdir()) == []
    made = make(".venv/bin/python", f"PYTHON={sys.executable}", cwd=tmp_path)
    assert made.returncode == 0 and (tmp_path / ".venv" / "bin" / "python").exists(), made.stderr


def test_make_bench_refuses_its_values_before_it_installs_the_benchmark():
    """`make bench N=abc` on a fresh clone installed the benchmark's virtualenv (stock Pelican, matplotlib, Chromium)
    first, minutes, and only then said N was wrong."""
    installed = (ROOT / ".venv-bench").exists()
    for value, said in [("N=abc", "N must be a whole number"), ("REPEAT=../1", "REPEAT must be a whole number")]:
        result = make("bench", value, timeout=120)
        assert result.returncode != 0 and f"make bench: {said}" in result.stderr, result.stderr
    assert (ROOT / ".venv-bench").exists() == installed
