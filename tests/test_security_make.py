"""Make variables are data: values with `$`, backticks, quotes, `;` and newlines reach Python untouched, run nothing.

make expands `$(...)` in a command-line value wherever the value is used (and when it exports it, which it
does for every command-line value by default); a shell then reads what make wrote. The Makefile passes every
input as ARCHIVE_<NAME> from `$(value NAME)`, and Python validates it. See docs/security.md.
"""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from .build_helpers import cache_environment
from .conftest import ROOT, SEED
from .importer.helpers import written_path

MAKEFILE = (ROOT / "Makefile").read_text(encoding="utf-8")
INPUTS = ("TITLE", "KEY", "SRC", "DATE", "SLUG", "NOTE", "DEST", "PUBLISHER", "SOURCE_URL", "LANG", "PORT", "N",
          "REPEAT", "PYTHON", "FORCE", "DIFF_BASE", "TRANSLATED_FROM", "TRANSLATED_BY")  # fmt: skip


def hostile(marker: Path) -> list[str]:
    """Values that run `touch marker` if make or a shell ever reads them as code."""
    return [
        f"$(shell touch {marker})",
        f"`touch {marker}`",
        f"$$(touch {marker})",
        f"$(touch {marker})",
        f"x; touch {marker}",
        f"x'; touch {marker}; echo '",
        f'x"; touch {marker}; echo "',
        f"x\ntouch {marker}",
        f"${{shell touch {marker}}}",
        "$HOME $$ $ \\ ' \" ; # %",
    ]


def make(*args: str, content: Path, timeout: int = 120) -> subprocess.CompletedProcess:
    env = {"PATH": "/usr/bin:/bin", "ARCHIVE_CONTENT": str(content), "LANG": "C.UTF-8", **cache_environment()}
    return subprocess.run(
        ["make", "--no-print-directory", *args], cwd=ROOT, capture_output=True, text=True, env=env, timeout=timeout
    )


def front_matter(path: Path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8").split("---\n")[1])


def test_no_input_is_ever_expanded_by_make():
    """Every input is read as `$(value NAME)` (or its origin asked): never `$(NAME)`, `${NAME}` or `$(call ...)`."""
    for name in INPUTS:
        uses = re.findall(rf"\$[({{]{name}[)}}]", MAKEFILE)
        assert uses == [], f"$({name}) is expanded by make"


@pytest.mark.parametrize("target", ["new", "import", "serve", "devserver", "bench", "html", "check", "diff"])
def test_no_value_runs_while_make_reads_the_makefile(target, tmp_path):
    """`make -n` expands everything it would run: nothing may run, whatever the values."""
    marker = tmp_path / "pwned"
    values = hostile(marker)
    takes = re.search(rf"^override TAKES_{target}\s*:=(.*)$", MAKEFILE, re.M)[1].split()  # any other is refused first
    args = [f"{name}={values[index % len(values)]}" for index, name in enumerate(INPUTS) if name in takes]
    assert args
    make("-n", target, *args, content=tmp_path)
    assert not marker.exists()


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    title=st.lists(
        st.sampled_from(["Tytuł", " ", "$", "$(", ")", "`", "'", '"', ";", "\\", "#", "%", "\n", "shell", "touch "]),
        min_size=1,
        max_size=12,
    ).map("".join)
)
def test_make_new_writes_the_title_as_given(tmp_path_factory, title):
    folder = tmp_path_factory.mktemp("new")
    marker = folder / "pwned"
    title = f"A {title.replace('touch ', f'touch {marker} ')} z"
    result = make("new", f"TITLE={title}", "LANG=pl", "DATE=2025-10-26", "KEY=hostile", content=folder / "content")
    assert not marker.exists()
    if "\n" in title.strip():  # a title is one line (archive_core.text): refused as given, nothing written
        assert result.returncode != 0 and "title: holds a line break, but is one line" in result.stderr
        assert not list((folder / "content").rglob("*.md"))
        return
    assert result.returncode == 0, result.stderr
    [written] = (folder / "content").rglob("*.md")
    assert front_matter(written)["title"] == title.strip()


@pytest.mark.parametrize("index", range(len(hostile(Path("x")))))
def test_make_import_passes_every_value_untouched(index, tmp_path):
    marker = tmp_path / "pwned"
    value = hostile(marker)[index]
    line = value.replace("\n", " ")  # a title and a publisher are one line (a line break in them: refused)
    source = tmp_path / f"source {index} $x `y`.txt"
    source.write_bytes(SEED.read_bytes())
    result = make(
        "import",
        f"SRC={source}",
        f"DEST={tmp_path / 'content'}",
        "DATE=2025-10-26",
        "LANG=pl",
        f"TITLE=T {line}",
        f"NOTE=N {value}",
        f"PUBLISHER=P {line}",
        "KEY=hanoi-convention-signing-ceremony",
        "TRANSLATED_FROM=de",
        f"TRANSLATED_BY=B {line}",
        content=tmp_path / "content",
    )
    assert result.returncode == 0, result.stderr
    fields = front_matter(written_path(result.stdout))
    assert fields["translation_chain"] == [{"from": "de", "to": "pl", "by": f"B {line}".strip()}]
    assert fields["title"] == f"T {line}".strip()
    assert fields["editor_note"] == f"N {value}".strip()
    assert fields["source"]["publisher"] == f"P {line}".strip()
    assert not marker.exists()


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["devserver", "PORT=8100; touch {marker}"], "PORT must be a whole number from 1 to 65535"),
        (["devserver", "PORT=$(shell touch {marker})"], "PORT must be a whole number"),
        (["devserver", "PORT=99999"], "PORT must be a whole number from 1 to 65535"),
        (["diff", "DIFF_BASE=main; touch {marker}"], "is not a branch or commit name"),
        (["diff", "DIFF_BASE=$(shell touch {marker})"], "is not a branch or commit name"),
        (["new", "TITLE=x", "LANG=pl", "DATE=`touch {marker}`"], "DATE '`touch"),
        (["new", "TITLE=x", "LANG=$(shell touch {marker})"], "LANG must be one of pl, en"),
        (["import", "SRC=/dev/null", "LANG=de; touch {marker}"], "LANG must be one of pl, en"),
        (["import", "SRC=/dev/null", "TRANSLATED_FROM=$(shell touch {marker})"], "TRANSLATED_FROM must be a"),
    ],
)
def test_invalid_values_are_refused_by_python(args, message, tmp_path):
    marker = tmp_path / "pwned"
    result = make(*(arg.replace("{marker}", str(marker)) for arg in args), content=tmp_path)
    assert result.returncode != 0
    assert message in result.stderr, result.stderr
    assert "Traceback" not in result.stderr
    assert not marker.exists()


def test_the_python_given_is_run_as_one_program_name(tmp_path):
    marker = tmp_path / "pwned"
    env = {"PATH": "/usr/bin:/bin"}
    result = subprocess.run(
        ["make", "-f", str(ROOT / "Makefile"), ".venv/bin/python", f"PYTHON=true; touch {marker}"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    )
    assert result.returncode != 0  # no program has that name
    assert not marker.exists()


OVERRIDDEN = set(re.findall(r"^override\s+(\w+)", MAKEFILE, re.M))


def _names_the_makefile_sets() -> set[str]:
    """Every variable the Makefile defines or exports, globally or for a target."""
    assignments = re.findall(
        r"^(?:[\w .-]+:\s*)?(?:override\s+|export\s+)*([A-Za-z_.][\w.]*)\s*[:?+]?=", MAKEFILE, re.M
    )
    return set(assignments) - set(INPUTS)


def test_the_makefile_sets_the_names_it_is_meant_to():
    assert {"PYTHONUTF8", "ARCHIVE_PYTHON", "ARCHIVE_TITLE", "ARCHIVE_SRC", "VENV", "PY"} <= _names_the_makefile_sets()


@pytest.mark.parametrize(
    "name", sorted(_names_the_makefile_sets() | {"SHELL", ".SHELLFLAGS", "MAKEFLAGS", "MAKEFILE_LIST", "ARCHIVE_X"})
)
def test_no_other_name_is_taken_from_the_command_line(name, tmp_path):
    """A command-line value replaces even an exported or `override` name, and make expands it: refused, naming it."""
    marker = tmp_path / "pwned"
    for target in ("check", "new"):
        result = make("-n", target, "TITLE=x", "LANG=en", f"{name}=$(shell touch {marker})", content=tmp_path)
        if name not in OVERRIDDEN:  # an `override` name's command-line value is replaced, never read
            assert result.returncode != 0
            assert f"{name}= cannot be given on make's command line" in result.stderr, result.stderr
    assert not marker.exists()


LONG = "9" * 20_000  # a value pasted by mistake, or crafted: no message may quote it whole
SHOWN_LINE_MAX = 1_000


@pytest.mark.parametrize(
    "args",
    [
        *(["new", "TITLE=x", "LANG=en", f"{name}={LONG}"] for name in ("DATE", "KEY", "SLUG", "LANG")),
        *(
            ["import", f"SRC={SEED}", "DATE=2025-10-26", "LANG=pl", f"{name}={LONG}"]
            for name in ("SRC", "DATE", "KEY", "SLUG", "LANG", "SOURCE_URL", "DEST", "FORCE", "TRANSLATED_FROM")
        ),
        ["diff", f"DIFF_BASE={LONG}"],
        ["devserver", f"PORT={LONG}"],
    ],
    ids=lambda args: f"{args[0]}-{args[-1].split('=')[0]}",
)
def test_a_long_value_is_never_quoted_whole(args, tmp_path):
    """A value a message quotes is bounded: `DATE=` of 20,000 characters was quoted whole, a line of 20 KB."""
    _refused_in_short_lines(make(*args, content=tmp_path / "content"))


@pytest.mark.parametrize("name", ["N", "REPEAT"])
def test_a_long_value_of_bench_is_never_quoted_whole(name):
    """Run as `make bench` runs it, without the stock Pelican it installs first (refused before it is needed)."""
    env = {"PATH": "/usr/bin:/bin", "LANG": "C.UTF-8", "ARCHIVE_N": "500", f"ARCHIVE_{name}": LONG}
    command = [str(ROOT / ".venv" / "bin" / "python"), "-m", "tools.bench.run"]
    _refused_in_short_lines(subprocess.run(command, cwd=ROOT, capture_output=True, text=True, env=env, timeout=120))


def _refused_in_short_lines(result: subprocess.CompletedProcess) -> None:
    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    lines = (result.stdout + result.stderr).splitlines()
    assert max(len(line) for line in lines) <= SHOWN_LINE_MAX, [line[:200] for line in lines]


@pytest.mark.parametrize(
    "args",
    [
        ["new", "TITLE=x", "LANG=en", "KEY=aux"],
        ["new", "TITLE=Con", "LANG=en"],  # the key made of the title
        ["new", "TITLE=x", "LANG=en", "KEY=" + "a" * 200],
        ["import", f"SRC={SEED}", "DATE=2025-10-26", "LANG=pl", "KEY=lpt1"],
        ["import", f"SRC={SEED}", "DATE=2025-10-26", "LANG=pl", "TITLE=Nul"],
    ],
    ids=lambda args: f"{args[0]}-{args[-1][:12]}",
)
def test_a_key_no_checkout_can_hold_is_refused_naming_the_variable_to_change(args, tmp_path):
    """A key that makes a name Windows cannot hold (`aux.en.md`) was told as a file to rename, which is not there."""
    result = make(*args, content=tmp_path / "content")
    assert result.returncode != 0
    assert "KEY=" in result.stderr and "rename it" not in result.stderr, result.stderr
    assert not list((tmp_path / "content").rglob("*.md"))


@pytest.mark.parametrize(("args", "variable"), [(["SLUG=aux"], "SLUG="), (["TITLE=Con", "KEY=a-key"], "SLUG=")])
def test_a_value_make_new_refuses_is_told_by_the_variable_that_gives_it(args, variable, tmp_path):
    """`make new SLUG=aux` was told to "set another `slug:`", a line of a file `make new` had not written."""
    result = make("new", "TITLE=x", "LANG=en", *args, content=tmp_path / "content")
    assert result.returncode != 0
    assert variable in result.stderr, result.stderr
    assert not list((tmp_path / "content").rglob("*.md"))


@pytest.mark.parametrize(("arg", "variable"), [("SLUG=aux", "SLUG="), ("SOURCE_URL=javascript:x", "SOURCE_URL=")])
def test_a_value_make_import_refuses_is_told_by_the_variable_that_gives_it(arg, variable, tmp_path):
    result = make("import", f"SRC={SEED}", "DATE=2025-10-26", "LANG=pl", arg, content=tmp_path / "content")
    assert result.returncode != 0
    assert variable in result.stderr.replace(arg, ""), result.stderr
    assert not list((tmp_path / "content").rglob("*.md"))
