"""The output folder is replaced whole, atomically, by a finished build; a killed build leaves no trace.

A build writes into a staging folder beside the output (`.output.building/site-*`)
and swaps it in with one `renameat2(RENAME_EXCHANGE)`: at every moment
`output/` is either the last good site or the new one, never missing, never
half-written. Where the system has no exchange, two renames with the old
site parked as `.output.old-*`, put back by the next build if the second
rename never happened. One build at a time holds a lock on the output's
parent folder; that build removes whatever earlier, killed builds left.

`.output.building/` is marked, where the file system reads the mark (ext2/3/4), as the top of unrelated folder
trees (`chattr +T`), so that each build's tree is placed apart from the last one's: an ext4 without a journal
will not reuse an inode freed in the last minutes, and each new file scans past every such one near it, so a
build right after `make clean` paid for every file it made, times every file the clean removed
(docs/performance.md, "The disk").
"""

from __future__ import annotations

import contextlib
import ctypes
import errno
import fcntl
import os
import shutil
import struct
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

_AT_FDCWD = -100
_RENAME_EXCHANGE = 2
# linux/fs.h: FS_IOC_GETFLAGS and FS_IOC_SETFLAGS are _IOR/_IOW('f', 1/2, long); the kernel reads an int. The
# generic encoding (x86, Arm, RISC-V); where another applies (PowerPC, MIPS, SPARC) the call fails, the mark unset.
_FS_IOC_GETFLAGS = (2 << 30) | (struct.calcsize("l") << 16) | (ord("f") << 8) | 1
_FS_IOC_SETFLAGS = (1 << 30) | (struct.calcsize("l") << 16) | (ord("f") << 8) | 2
_FS_TOPDIR_FL = 0x00020000


LOCK_TIMEOUT = 600.0  # seconds: longer than any build of the archive; a held lock is reported after it
_LOCK_POLL = 0.1


class LockTimeout(Exception):
    """Another build held the lock of the output folder for the whole time limit."""


@contextlib.contextmanager
def lock(output: Path, timeout: float = LOCK_TIMEOUT, waiting: Callable[[str], None] | None = None) -> Iterator[None]:
    """Hold the build lock of `output` (an flock on its parent folder, released if the process dies).

    When another build holds it, `waiting` is told once (by default, a line on stderr), and the lock is
    waited for at most `timeout` seconds; then LockTimeout says what to do.
    """
    fd = os.open(output.parent, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    try:
        deadline = time.monotonic() + timeout
        told = False
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if not told:
                    (waiting or _say)(
                        f"another build of {output} is running (it holds a lock on {output.parent}); "
                        f"waiting for it, at most {timeout:.0f} s"
                    )
                    told = True
                if time.monotonic() >= deadline:
                    raise LockTimeout(
                        f"another build of {output} held its lock for {timeout:.0f} s; wait for it to finish, or "
                        "stop it (a build suspended with Ctrl-Z: `fg`, or kill its process)"
                    ) from None
                time.sleep(_LOCK_POLL)
        yield
    finally:
        os.close(fd)  # releases the lock


def _say(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def leftovers(output: Path) -> list[Path]:
    """What builds of `output` left beside it: staging folders and parked old sites."""
    holder, prefixes = f".{output.name}.building", (f".{output.name}.building-", f".{output.name}.old-")
    return sorted(p for p in output.parent.iterdir() if p.name == holder or p.name.startswith(prefixes))


def staging_folder(output: Path) -> Path:
    """A new, empty folder to build `output` in (under the lock, after `clean_leftovers`); `retire_staging`
    removes what holds it once the build is swapped in or abandoned."""
    holder = output.with_name(f".{output.name}.building")
    holder.mkdir(mode=0o700, exist_ok=True)
    mark_top_of_unrelated_trees(holder)
    return Path(tempfile.mkdtemp(prefix="site-", dir=holder))


def retire_staging(output: Path) -> None:
    """Remove the (by then empty) folder that held the staging folder; a build stopped before leaves it to the next
    build's `clean_leftovers`."""
    with contextlib.suppress(OSError):
        output.with_name(f".{output.name}.building").rmdir()


def abandon_staging(output: Path) -> None:
    """Remove the staging folder's holder and all it holds, under the lock (only this build's is there): a build
    stopped at any moment of `staging_folder`, before its folder had a name to remove, leaves nothing either."""
    shutil.rmtree(output.with_name(f".{output.name}.building"), ignore_errors=True)


def mark_top_of_unrelated_trees(folder: Path) -> bool:
    """`chattr +T folder` where the file system has it (False where not): the folders made in it are spread over the
    disk instead of kept near `folder`, a hint only, which changes no file's content or permissions."""
    if not sys.platform.startswith("linux"):
        return False
    try:
        fd = os.open(folder, os.O_RDONLY | os.O_DIRECTORY | os.O_NOFOLLOW)
    except OSError:
        return False
    try:
        (flags,) = struct.unpack("i", fcntl.ioctl(fd, _FS_IOC_GETFLAGS, bytes(4)))
        if not flags & _FS_TOPDIR_FL:
            fcntl.ioctl(fd, _FS_IOC_SETFLAGS, struct.pack("i", flags | _FS_TOPDIR_FL))
        return True
    except OSError:  # ENOTTY, EOPNOTSUPP, EINVAL...: a file system without the flag (tmpfs, btrfs, XFS)
        return False
    finally:
        os.close(fd)


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


def swap_in(staging: Path, output: Path) -> Path | None:
    """Make `staging` the output folder; the old one, moved out of the way, is returned for `removed_meanwhile`
    (None: there was none). A build stopped before it is removed leaves it to the next one's `clean_leftovers`."""
    staging.chmod(0o755)
    if not os.path.lexists(output):
        staging.rename(output)
        return None
    if _exchange(staging, output):
        return staging  # now the old site
    retired = output.with_name(f".{output.name}.old-{time.time_ns()}")
    output.rename(retired)
    try:
        staging.rename(output)
    except OSError:
        retired.rename(output)  # the last good site back, as the build's failure says; else the next build does
        raise
    return retired


@contextlib.contextmanager
def removed_meanwhile(folder: Path | None) -> Iterator[None]:
    """`folder` removed (`remove_tree`) while the block runs, and gone when it ends: removing is mostly waiting
    for the file system, which the block's work (the record of the build) need not wait for."""
    if folder is None:
        yield
        return
    # A daemon: a build stopped meanwhile ends at once, the rest left to the next build's `clean_leftovers`.
    removal = threading.Thread(target=remove_tree, args=(folder,), name="remove-old-output", daemon=True)
    removal.start()
    yield
    removal.join()


def remove_tree(folder: Path, threads: int = 4) -> None:
    """`shutil.rmtree(folder, ignore_errors=True)`, its subfolders' subfolders removed by a few threads at once:
    removing files is mostly waiting for the file system (a site of 40,000 files: 4.0 s alone, 2.4 s so)."""
    try:
        parts = [child for top in os.scandir(folder) if _is_folder(top) for child in os.scandir(top.path)]
    except OSError:
        parts = []
    with ThreadPoolExecutor(threads, thread_name_prefix="remove-tree") as pool:
        for _ in pool.map(lambda entry: shutil.rmtree(entry.path, ignore_errors=True), filter(_is_folder, parts)):
            pass
    shutil.rmtree(folder, ignore_errors=True)


def _is_folder(entry: os.DirEntry) -> bool:
    try:
        return entry.is_dir(follow_symlinks=False)
    except OSError:
        return False


SCRATCH = Path(__file__).resolve().parent.parent / ".cache"  # the repository's


def scratch_path(variable: str) -> Path | None:
    """The path in the environment variable `variable`, which must lie inside the repository's `.cache/`.

    `make bench` runs `make html` itself and points its output (replaced whole by each build) and
    its timings elsewhere through ARCHIVE_OUTPUT and ARCHIVE_TIMINGS, never at the user's output/
    (`make serve` then serves that output); a value outside `.cache/` could name any folder, so it is refused.
    """
    if not (value := os.environ.get(variable)):
        return None
    path = Path(value).resolve()
    if not path.is_relative_to(SCRATCH.resolve()) or path == SCRATCH.resolve():
        raise SystemExit(f"{variable}={value!r}: must be a path inside {SCRATCH} (it is replaced by the build)")
    return path
