"""Builds in a separate process (as `make html` runs them), and snapshots of built trees."""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def tree_snapshot(folder: Path) -> dict[str, bytes | None]:
    """Every file's bytes and every folder (None), by relative path."""
    return {
        str(p.relative_to(folder)): (p.read_bytes() if p.is_file() else None)
        for p in sorted(folder.rglob("*"))
        if p.is_file() or p.is_dir()
    }


def leftovers(output: Path) -> list[str]:
    """Temporary build folders left beside `output`."""
    return sorted(p.name for p in output.parent.iterdir() if p.name.startswith(f".{output.name}."))


def settings_file(folder: Path, extra: str) -> Path:
    """The project's settings plus `extra` lines, as a throw-away settings file."""
    path = folder / "test.conf.py"
    base = str(ROOT / "pelican.conf.py")
    lines = ["import runpy", f"globals().update((k, v) for k, v in runpy.run_path({base!r}).items() if k.isupper())"]
    path.write_text("\n".join([*lines, extra]), encoding="utf-8")
    return path


def cache_environment() -> dict[str, str]:
    """The content cache and the build records of the tests' builds (tests/conftest.py), for a process started with
    an environment of its own: without them, a build falls back on the repository's `.cache/content` and
    `.cache/build`, which `make html` fills."""
    names = ("ARCHIVE_CACHE_DIR", "ARCHIVE_BUILD_RECORDS")
    return {name: os.environ[name] for name in names if name in os.environ}


def run_build(
    content: Path,
    output: Path,
    settings: Path = ROOT / "pelican.conf.py",
    hash_seed: str = "0",
    env: dict[str, str] | None = None,
    timeout: float = 600,
    **popen,
) -> subprocess.CompletedProcess:
    """`make html`'s build, in its own process; `env` adds to its (minimal) environment."""
    return subprocess.run(
        build_command(output, settings),
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
        timeout=timeout,
        env={
            "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
            "ARCHIVE_CONTENT": str(content),
            "PYTHONHASHSEED": hash_seed,
            **cache_environment(),
            **(env or {}),
        },
        **popen,
    )


def run_script(script: str, args: list[str], content: Path, timeout: float = 300) -> subprocess.CompletedProcess:
    """`python -c script args...` from the repository, `content` as the archive's, in a minimal environment."""
    return subprocess.run(
        [sys.executable, "-c", script, *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
        env={"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "ARCHIVE_CONTENT": str(content), **cache_environment()},
    )


@contextlib.contextmanager
def ctrl_c_as_in_a_terminal() -> Iterator[None]:
    """The processes started inside take Ctrl-C (SIGINT) as from a terminal, however the suite was started.

    A background job of a shell without job control (`make test &` in a script) starts with SIGINT ignored,
    and a child inherits "ignored" (then Python never turns it into KeyboardInterrupt); a handled signal is
    reset to its default in the child, which Python then handles.
    """
    previous = signal.signal(signal.SIGINT, signal.default_int_handler)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)


def build_command(output: Path, settings: Path = ROOT / "pelican.conf.py") -> list[str]:
    """The command of `run_build`: `make html`'s."""
    return [sys.executable, "-m", "tools.build", "-q", "-o", str(output), "-s", str(settings)]


def pages_snapshot(folder: Path) -> dict[str, bytes | None]:
    """`tree_snapshot` without Pagefind's index, which the devserver's incremental update leaves
    as of the last full build."""
    return {name: data for name, data in tree_snapshot(folder).items() if not name.startswith("pagefind")}
