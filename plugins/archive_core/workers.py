"""How many processes the build may use, and how it starts them."""

from __future__ import annotations

import multiprocessing
import os
from multiprocessing.context import BaseContext


def default_workers() -> int:
    """One per core this process may run on."""
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def can_fork() -> bool:
    return "fork" in multiprocessing.get_all_start_methods()


def fork_context() -> BaseContext:
    """Forked workers start at once, with every module and object of the build already in memory."""
    return multiprocessing.get_context("fork" if can_fork() else None)
