"""make bench's measure: wall time, CPU time and peak memory of a command's whole process tree."""

from __future__ import annotations

import json
import subprocess
import sys

from .build_helpers import ROOT

# Held for 3 s: under load one sample of the tree takes long, and the sampler waits in proportion.
ALLOCATE = "import time; data = bytearray(200 * 2**20); data[::4096] = b'x' * len(data[::4096]); time.sleep(3)"


def test_the_memory_of_a_descendant_is_counted_and_the_times_taken(tmp_path):
    # As make bench runs it, in a process of its own; the command is a parent that waits for a child
    # holding 200 MiB: only a sample of the whole tree sees it.
    command = [sys.executable, "-c", f"import subprocess, sys; subprocess.run([sys.executable, '-c', {ALLOCATE!r}])"]
    result_file = tmp_path / "result.json"
    subprocess.run(
        [sys.executable, "-m", "tools.bench.measure", str(result_file), "--", *command],
        cwd=ROOT,
        check=True,
        timeout=120,
    )
    result = json.loads(result_file.read_text())
    assert result["returncode"] == 0
    assert 190 <= result["peak_rss_mb"] <= 400
    assert result["wall"] >= 0.6
    assert 0 < result["cpu"] < result["wall"]
