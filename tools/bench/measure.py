"""Run one command and measure it: wall time, CPU time, and peak memory of its whole process tree.

`python -m tools.bench.measure RESULT.json -- command args...` runs the command
(stdout and stderr pass through) and writes {"wall": s, "cpu": s, "peak_rss_mb":
MB, "peak_process_rss_mb": MB, "returncode": n} to RESULT.json. `peak_rss_mb`
is the largest sum of resident memory over the command and all its
descendants, sampled every 50 ms from /proc; `peak_process_rss_mb` is
getrusage's largest single descendant, exact but blind to processes running
side by side.
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
PAGE_BYTES = os.sysconf("SC_PAGE_SIZE")


def _tree_rss_bytes(root: int) -> int:
    """Resident bytes of `root` and all its descendants, from /proc."""
    parents: dict[int, int] = {}
    rss: dict[int, int] = {}
    for entry in os.scandir("/proc"):
        if not entry.name.isdigit():
            continue
        try:
            stat = Path(entry.path, "stat").read_text()
            statm = Path(entry.path, "statm").read_text().split()
        except OSError:
            continue  # it ended meanwhile
        pid = int(entry.name)
        parents[pid] = int(stat[stat.rindex(")") + 2 :].split()[1])
        rss[pid] = int(statm[1]) * PAGE_BYTES
    total = 0
    for pid in rss:
        walk = pid
        while walk and walk != root:
            walk = parents.get(walk, 0)
        if walk == root:
            total += rss[pid]
    return total


def measure(command: list[str]) -> dict:
    started = time.perf_counter()
    process = subprocess.Popen(command)
    peak = 0
    while process.poll() is None:
        peak = max(peak, _tree_rss_bytes(process.pid))
        time.sleep(SAMPLE_SECONDS)
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
