"""Run one command and measure it: wall time, CPU time, and peak memory of its whole process tree.

`python -m tools.bench.measure RESULT.json -- command args...` runs the command
(stdout and stderr pass through) and writes {"wall": s, "cpu": s, "peak_rss_mb":
MiB, "peak_process_rss_mb": MiB, "returncode": n} to RESULT.json (the keys say
MB; the values are MiB, 2**20 bytes). `peak_rss_mb`
is the largest sum of proportional resident memory (PSS) over the command
and all its descendants, sampled from /proc every 50 ms, or less often when
a sample itself takes long (reading a large process's memory map costs the
kernel time, taken from the command measured: docs/performance.md); `peak_process_rss_mb`
is getrusage's largest single descendant, exact but blind to processes
running side by side.
"""

from __future__ import annotations

import json
import os
import resource
import subprocess
import sys
import time
from pathlib import Path

SAMPLE_SECONDS = 0.05
SAMPLING_SHARE = 0.1  # at most this share of one core goes to sampling


def _tree_memory_bytes(root: int) -> int:
    """Proportional set size (shared pages split between their users) of `root` and its descendants.

    Forked workers share most of their memory with the build's process; adding
    up their RSS would count those pages once per process.
    """
    parents: dict[int, int] = {}
    for entry in os.scandir("/proc"):
        if entry.name.isascii() and entry.name.isdigit():
            try:
                stat = Path(entry.path, "stat").read_text()
            except OSError:
                continue  # it ended meanwhile
            parents[int(entry.name)] = int(stat[stat.rindex(")") + 2 :].split()[1])
    total = 0
    for pid in parents:
        walk = pid
        while walk and walk != root:
            walk = parents.get(walk, 0)
        if walk == root:
            total += _pss_bytes(pid)
    return total


def _pss_bytes(pid: int) -> int:
    try:
        for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
            if line.startswith("Pss:"):
                return int(line.split()[1]) * 1024
        return 0
    except (OSError, ValueError):
        return 0


def measure(command: list[str]) -> dict:
    started = time.perf_counter()
    process = subprocess.Popen(command)
    peak = 0
    while process.poll() is None:
        sampled = time.perf_counter()
        peak = max(peak, _tree_memory_bytes(process.pid))
        took = time.perf_counter() - sampled
        time.sleep(max(SAMPLE_SECONDS, took / SAMPLING_SHARE - took))
    wall = time.perf_counter() - started
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return {
        "wall": wall,
        "cpu": usage.ru_utime + usage.ru_stime,
        "peak_rss_mb": peak / 2**20,
        "peak_process_rss_mb": usage.ru_maxrss / 1024,
        "returncode": process.returncode,
    }


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if len(argv) < 3 or argv[1] != "--":
        print("usage: python -m tools.bench.measure RESULT.json -- command args...", file=sys.stderr)
        return 2
    result = measure(argv[2:])
    Path(argv[0]).write_text(json.dumps(result))
    return result["returncode"]


if __name__ == "__main__":
    sys.exit(main())
