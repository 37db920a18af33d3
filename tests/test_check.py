"""`make check`: every content problem as `path:line: field: message (hint)`, exit 1 on errors."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

from archive_core.errors import Problem
from tools.check import CHECKS

from .conftest import CONTENT, ROOT

LINE = re.compile(
    r"^(?P<path>[^:]+):(?:(?P<line>\d+):)? (?:warning: )?(?P<field>[\w.-]+): (?P<message>.+) \((?P<hint>.+)\)$"
)


def run_check(content: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "tools.check", str(content)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )


def problem_lines(result: subprocess.CompletedProcess) -> list[str]:
    return [line for line in result.stderr.splitlines() if not line.startswith("checked ")]


def test_the_real_content_is_clean():
    result = run_check(CONTENT)
    assert result.returncode == 0, result.stderr
    assert problem_lines(result) == []


def test_every_registered_check_returns_problems(content_copy):
    for check in CHECKS:
        problems = check(content_copy)
        assert isinstance(problems, list) and all(isinstance(p, Problem) for p in problems), check


def test_all_problems_at_once_in_the_agreed_format(content_copy):
    articles = content_copy / "articles" / "2025"
    en = articles / "hanoi-convention-signing-ceremony.en.md"
    en.write_text(
        en.read_text(encoding="utf-8") + "\nSee [gone]({filename}/articles/2025/gone.pl.md).\n", encoding="utf-8"
    )
    (articles / "bad-date.pl.md").write_text(
        "---\ntitle: Zła data\ndate: 2025-02-30\nlang: pl\ntranslation_key: bad-date\n---\nTekst.\n", encoding="utf-8"
    )
    (articles / "bad-country.pl.md").write_text(
        "---\ntitle: Kraj\ndate: 2025-10-26\nlang: pl\ntranslation_key: bad-country\ncountries: [XX]\n---\nTekst.\n",
        encoding="utf-8",
    )
    result = run_check(content_copy)
    assert result.returncode == 1
    lines = problem_lines(result)
    assert len(lines) == 3, result.stderr
    for line in lines:
        assert LINE.match(line), line
    assert any("bad-date.pl.md:3: date: impossible date" in line for line in lines)
    assert any("bad-country.pl.md:6: countries: 'XX' is not a known country code" in line for line in lines)
    assert any(re.search(r"signing-ceremony\.en\.md:\d+: body: link '\{filename\}.*gone", line) for line in lines)
    assert "Traceback" not in result.stderr


def test_a_missing_original_is_only_a_warning(content_copy):
    (content_copy / "articles" / "2025" / "hanoi-convention-signing-ceremony.pl.md").unlink()
    result = run_check(content_copy)
    assert result.returncode == 0, result.stderr
    [line] = problem_lines(result)
    assert "warning: translation.from:" in line and LINE.match(line)


def test_make_html_runs_the_checks_first():
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    recipe = makefile.split("\nhtml:", 1)[1].split("\n\n", 1)[0]
    assert recipe.index("tools.check") < recipe.index("tools.build")
