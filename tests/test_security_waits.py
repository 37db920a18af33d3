"""Waits and interruptions: a held build lock, a port in use, Ctrl-C. One line each, never a silent wait or a
traceback, the last good site kept. See docs/security.md ("No hang").
"""

from __future__ import annotations

import fcntl
import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tools import output_folder

from .build_helpers import build_command, cache_environment, ctrl_c_as_in_a_terminal, tree_snapshot
from .conftest import FIXTURE, ROOT


def _hold_lock(folder: Path) -> int:
    fd = os.open(folder, os.O_RDONLY | os.O_DIRECTORY)
    fcntl.flock(fd, fcntl.LOCK_EX)
    return fd


def test_a_held_lock_is_said_and_waited_for_within_a_limit(tmp_path):
    output = tmp_path / "output"
    fd = _hold_lock(tmp_path)
    said: list[str] = []
    started = time.monotonic()
    try:
        with (
            pytest.raises(output_folder.LockTimeout, match="held its lock for 1 s"),
            output_folder.lock(output, timeout=1, waiting=said.append),
        ):
            pass
    finally:
        os.close(fd)
    assert time.monotonic() - started < 10
    assert len(said) == 1 and "another build of" in said[0]
    with output_folder.lock(output, timeout=1, waiting=said.append):  # released: taken at once, nothing said
        pass
    assert len(said) == 1


def test_a_build_waiting_for_the_lock_says_so(tmp_path):
    output = tmp_path / "output"
    fd = _hold_lock(tmp_path)
    env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "ARCHIVE_CONTENT": str(FIXTURE), "PYTHONHASHSEED": "0"}
    env.update(cache_environment())
    build = subprocess.Popen(
        build_command(output), cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )
    try:
        line = build.stderr.readline()  # the first thing the build says, while the lock is held
        assert "another build of" in line and "waiting for it, at most" in line, line
    finally:
        os.close(fd)
        _, err = build.communicate(timeout=600)
    assert build.returncode == 0, err


def test_a_port_in_use_is_one_line(tmp_path):
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = subprocess.run(
            [sys.executable, "-m", "tools.serve", "--port", str(port), "--directory", str(tmp_path)],
            cwd=ROOT,
            capture_output=True,
            text=True,
            timeout=60,
            check=False,
        )
    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    assert f"another program is using port {port}" in result.stderr and "PORT=" in result.stderr


def test_ctrl_c_during_a_build_is_one_line_and_keeps_the_site(tmp_path):
    output = tmp_path / "output"
    output.mkdir()
    (output / "index.html").write_text("last good site", encoding="utf-8")
    before = tree_snapshot(output)
    env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "ARCHIVE_CONTENT": str(FIXTURE), "PYTHONHASHSEED": "0"}
    env.update(cache_environment())
    with ctrl_c_as_in_a_terminal():
        build = subprocess.Popen(
            build_command(output),
            cwd=ROOT,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            start_new_session=True,
        )
    deadline = time.monotonic() + 300
    while not any(p.name.startswith(".output.building") for p in tmp_path.iterdir()):  # inside the build
        assert build.poll() is None and time.monotonic() < deadline, "the build never started writing"
        time.sleep(0.01)
    os.killpg(build.pid, signal.SIGINT)  # what Ctrl-C does: the whole foreground group
    _, err = build.communicate(timeout=120)
    assert build.returncode == 130, err
    assert "Traceback" not in err and "KeyboardInterrupt" not in err, err
    assert "build interrupted" in err
    assert tree_snapshot(output) == before
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".output.")]
