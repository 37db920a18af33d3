"""`make diff`: the pages a change adds, removes and changes, for a reviewer, in under twice one build's time."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from archive_core.tests.effort import children_cpu_seconds

from .conftest import FIXTURE, ROOT

NEW_ARTICLE = """---
title: "Nowy artykuł z pull requesta"
date: 2026-06-02
lang: pl
translation_key: pull-request-article
countries: [PL]
source:
  url: https://example.org/pull-request
  publisher: Dziennik Przykładowy
---

Artykuł dodany w pull requeście, jeszcze bez tłumaczenia.
"""
NEW_URL = "/pl/2026/nowy-artykul-z-pull-requesta/"


def run(args: list[str], cwd: Path, env: dict[str, str], timeout: int = 600) -> subprocess.CompletedProcess:
    return subprocess.run(args, cwd=cwd, env=env, capture_output=True, text=True, timeout=timeout, check=False)


@pytest.fixture(scope="module")
def repository(tmp_path_factory) -> tuple[Path, dict[str, str]]:
    """A repository of the fixture archive: `main`, and a branch that adds one Polish article."""
    repo = tmp_path_factory.mktemp("repo")
    for name in ("theme", "plugins", "tools"):
        shutil.copytree(ROOT / name, repo / name, ignore=shutil.ignore_patterns("__pycache__", "tests", "bench"))
    shutil.copytree(FIXTURE, repo / "content")
    for name in ("pelican.conf.py", "publish.conf.py", "requirements.txt"):
        shutil.copy(ROOT / name, repo)
    (repo / ".gitignore").write_text("/output/\n/.cache/\n__pycache__/\n", encoding="utf-8")
    env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "HOME": str(repo), "GIT_CONFIG_NOSYSTEM": "1"}
    git = ["git", "-c", "user.name=Test", "-c", "user.email=test@example.org"]
    for args in (["init", "-q", "-b", "main"], ["add", "-A"], ["commit", "-q", "-m", "base"]):
        assert run([*git, *args], repo, env).returncode == 0
    assert run([*git, "checkout", "-q", "-b", "change"], repo, env).returncode == 0
    (repo / "content" / "articles" / "2026" / "pull-request-article.pl.md").write_text(NEW_ARTICLE, encoding="utf-8")
    for args in (["add", "-A"], ["commit", "-q", "-m", "one article"]):
        assert run([*git, *args], repo, env).returncode == 0
    return repo, env


def section(report: str, title: str) -> list[str]:
    """The names listed under `title (n):` in make diff's report."""
    part = report.split(f"\n{title} (", 1)[1].split("\n", 1)[1]
    names = []
    for line in part.splitlines():
        if not line.startswith("  "):
            break
        if not line.startswith("      "):
            names.append(line.strip())
    return names


def diff(repo: Path, env: dict[str, str]) -> subprocess.CompletedProcess:
    return run([sys.executable, "-m", "tools.diff"], repo, {**env, "ARCHIVE_DIFF_BASE": "main"})


def test_a_one_article_change_lists_the_pages_it_adds_and_changes(repository):
    repo, env = repository
    result = diff(repo, env)
    assert result.returncode == 0, result.stdout + result.stderr
    report = result.stdout
    assert "against main (merge base " in report and "built the base, built the change" in report
    assert section(report, "pages added") == [NEW_URL]
    assert section(report, "pages removed") == [] and section(report, "other files removed") == []
    pages, files = section(report, "pages changed"), section(report, "other files changed")
    for page in ("/pl/", "/en/", "/pl/os-czasu/", "/en/timeline/", "/pl/kraje/polska/", "/en/countries/poland/"):
        assert page in pages, page
    for name in ("/sitemap.xml", "/pl/feed.atom.xml", "/pl/os-czasu.json"):
        assert name in files, name
    assert not [name for name in files if name.startswith("/pagefind/")]
    assert "/en/feed.atom.xml" not in files  # the English feed holds English articles only
    home = report.split("pages changed (")[1].split("  /pl/\n")[1].split("\n  /")[0]
    assert f"+[{NEW_URL}] Nowy artykuł z pull requesta" in home  # a short text diff: what a reader sees
    assert not (repo / "output").exists()  # output/ is make html's


def test_after_make_html_a_one_article_change_takes_under_twice_one_builds_time(repository):
    # A contributor builds the site (make html), adds an article, and asks what it changes.
    repo, env = repository
    shutil.rmtree(repo / ".cache" / "diff", ignore_errors=True)
    git = ["git", "-c", "user.name=Test", "-c", "user.email=test@example.org"]
    assert run([*git, "checkout", "-q", "main"], repo, env).returncode == 0
    # Measured in CPU time: each takes a second or two (at most 1.4 times apart on a quiet machine), and the clock
    # of a busy machine (CI's two cores) can slow one of them alone by more than the margin left.
    built: list[subprocess.CompletedProcess] = []
    one_build = children_cpu_seconds(
        lambda: built.append(run([sys.executable, "-m", "tools.build", "-q", "-o", str(repo / "output")], repo, env))
    )
    assert built[0].returncode == 0, built[0].stdout + built[0].stderr
    assert run([*git, "checkout", "-q", "change"], repo, env).returncode == 0

    diffed: list[subprocess.CompletedProcess] = []
    took = children_cpu_seconds(lambda: diffed.append(diff(repo, env)))
    [result] = diffed
    assert result.returncode == 0, result.stdout + result.stderr
    assert "the base is output/, built the change" in result.stdout  # the site make html built is the base's
    assert section(result.stdout, "pages added") == [NEW_URL]
    assert took < 2 * one_build, f"make diff took {took:.1f} s of CPU time, one build {one_build:.1f} s"


def test_the_base_build_is_kept_for_the_next_run(repository):
    repo, env = repository
    again = diff(repo, env)
    assert again.returncode == 0, again.stderr
    assert section(again.stdout, "pages added") == [NEW_URL]
    kept = [p.name for p in (repo / ".cache" / "diff").iterdir()]
    assert "change" in kept and len(kept) == 2, kept  # the change, and the one base (named by its commit)


@pytest.mark.parametrize("base", ["no-such-branch", "--upload-pack=touch x", "main..HEAD"])
def test_a_base_that_is_not_a_branch_is_refused(repository, base):
    repo, env = repository
    result = run([sys.executable, "-m", "tools.diff"], repo, {**env, "ARCHIVE_DIFF_BASE": base})
    assert result.returncode == 1
    assert result.stderr.startswith("make diff: ")
    assert not (repo / "x").exists()
