"""The output folder is replaced whole, atomically, by a finished build; a killed build leaves no trace.

A build writes into a staging folder beside the output (`.output.building-*`)
and swaps it in with one `renameat2(RENAME_EXCHANGE)`: at every moment
`output/` is either the last good site or the new one, never missing, never
half-written. Where the system has no exchange, two renames with the old
site parked as `.output.old-*`, put back by the next build if the second
rename never happened. One build at a time holds a lock on the output's
parent folder; that build removes whatever earlier, killed builds left.
"""

from __future__ import annotations

import contextlib
import ctypes
import errno
import fcntl
import os
import shutil
import time
from collections.abc import Iterator
from pathlib import Path

_AT_FDCWD = -100
_RENAME_EXCHANGE = 2


@contextlib.contextmanager
def lock(output: Path) -> Iterator[None]:
    """Hold the build lock of `output` (an flock on its parent folder, released if the process dies)."""
    fd = os.open(output.parent, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)  # releases the lock


def leftovers(output: Path) -> list[Path]:
    """What builds of `output` left beside it: staging folders and parked old sites."""
    prefixes = (f".{output.name}.building-", f".{output.name}.old-")
    return sorted(p for p in output.parent.iterdir() if p.name.startswith(prefixes))


def clean_leftovers(output: Path) -> None:
    """Under the lock: put back an old site a killed swap parked, then remove what killed builds left."""
    parked = sorted(p for p in leftovers(output) if p.name.startswith(f".{output.name}.old-"))
    if parked and not os.path.lexists(output):
        parked[-1].rename(output)
    for path in leftovers(output):
        if path.is_dir() and not path.is_symlink():
            shutil.rmtree(path, ignore_errors=True)
        else:
            path.unlink(missing_ok=True)


def _exchange(first: Path, second: Path) -> bool:
    """Swap two paths atomically; False where the system cannot."""
    libc = ctypes.CDLL(None, use_errno=True)
    renameat2 = getattr(libc, "renameat2", None)
    if renameat2 is None:
        return False
    result = renameat2(_AT_FDCWD, os.fsencode(first), _AT_FDCWD, os.fsencode(second), _RENAME_EXCHANGE)
    if result == 0:
        return True
    code = ctypes.get_errno()
    if code in (errno.ENOSYS, errno.EINVAL, errno.ENOTSUP):
        return False
    raise OSError(code, os.strerror(code), str(second))


def swap_in(staging: Path, output: Path) -> None:
    """Make `staging` the output folder; the old one is removed."""
    staging.chmod(0o755)
    if not os.path.lexists(output):
        staging.rename(output)
        return
    if _exchange(staging, output):
        shutil.rmtree(staging, ignore_errors=True)  # now the old site
        return
    retired = output.with_name(f".{output.name}.old-{time.time_ns()}")
    output.rename(retired)
    staging.rename(output)
    shutil.rmtree(retired, ignore_errors=True)
