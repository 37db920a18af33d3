"""What a piece of work costs, for the tests that bound it: CPU time, not the clock (a busy machine, CI or a suite
beside it, slows the clock, not the work). Here, in the shared model's tests, so that the tests of every plugin and
those of tests/ measure alike (a plugin's tests import no module of tests/)."""

from __future__ import annotations

import gc
import resource
import time
from collections.abc import Callable


def cpu_seconds(work: Callable[[], object]) -> float:
    """The CPU time `work` takes, with the objects that exist before it frozen out of the collector's reach: late in
    a whole suite, the sites and pages earlier tests keep made the collections that `work`'s allocations trigger
    cost as much again (a bound of 3 s, 1.8 s alone, took 3.3 s), which is the suite's cost, not the work's.

    No collection first: it walks every object the suite holds, and the fuzz tests measure each of hundreds of
    examples; freezing costs nothing, and garbage frozen with the rest is collected once unfrozen."""
    gc.freeze()
    try:
        start = time.process_time()
        work()
        return time.process_time() - start
    finally:
        gc.unfreeze()


def children_cpu_seconds(work: Callable[[], object]) -> float:
    """The CPU time of the commands `work` runs and waits for, their own and that of the processes they waited for
    (their workers, their Pagefind): what a command costs, where its clock would be the busy machine's."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    work()
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
