"""The processes a command started, and whether they ended with it (Linux's /proc)."""

from __future__ import annotations

import time
from pathlib import Path


def _stat(pid: int) -> tuple[str, int] | None:
    """A process's state and parent, or None once it is gone."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except (FileNotFoundError, ProcessLookupError):
        return None
    return fields[0], int(fields[1])


def descendants(pid: int) -> set[int]:
    """Every live process started by `pid`, or by one it started."""
    parents = {
        int(p.name): stat[1] for p in Path("/proc").iterdir() if p.name.isdigit() and (stat := _stat(int(p.name)))
    }
    found, frontier = set(), {pid}
    while frontier:
        frontier = {child for child, parent in parents.items() if parent in frontier} - found
        found |= frontier
    return found


def alive(pid: int) -> bool:
    stat = _stat(pid)
    return stat is not None and stat[0] != "Z"  # a zombie has ended; its new parent has not reaped it yet


def still_running(pids: set[int], within: float = 10.0) -> set[int]:
    """Those of `pids` still running after `within` seconds (or none, as soon as all have ended)."""
    deadline = time.monotonic() + within
    while (running := {pid for pid in pids if alive(pid)}) and time.monotonic() < deadline:
        time.sleep(0.05)
    return running
