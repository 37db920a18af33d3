"""Every content file is read, listed and written through here, confined to its folder.

A file reached through a link must resolve (links followed) inside the
folder it is read from: a link in a pull request cannot publish a file of
the machine that builds it. Reads are bounded and never block: a FIFO, a
device, a folder or a link loop where a file should be is refused, naming
the path, before it is opened for reading. Writes go through `write_file`,
which refuses any path that leaves its destination before the first byte.
"""

from __future__ import annotations

import errno
import os
import re
import stat
import tempfile
import threading
import time
import unicodedata
from collections import OrderedDict
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from pathlib import Path, PurePath

from . import sizes
from .errors import ContentError, Problem, content_error

MAX_FILE_BYTES = 2_000_000
REPOSITORY = Path(__file__).resolve().parents[2]
_REAL_REPOSITORY = os.path.realpath(REPOSITORY)
MAX_DEPTH = 32  # folders below the folder listed
_LINK_HINT = "links may only point to files inside the content folder; copy the file into the repository instead"
_SPECIAL_HINT = "content holds only regular files and folders; remove it"


def _within(root: str, real: str) -> bool:
    return real == root or real.startswith(root.rstrip(os.sep) + os.sep)


def _refusal(path: str | Path, message: str, hint: str = _LINK_HINT) -> ContentError:
    return content_error(path, None, "file", message, hint)


def _inspect(path: str | Path) -> tuple[str, int]:
    """The real path of `path` (links followed) and its mode; OSError (ELOOP, ENOENT...) unless it exists.

    On Linux, from the kernel in four system calls (an O_PATH descriptor opens nothing, acts on no
    device, blocks on no FIFO) rather than one `lstat` per part of the path.
    """
    if _O_PATH:
        fd = os.open(path, _O_PATH | os.O_CLOEXEC)
        try:
            real, mode = os.readlink(f"/proc/self/fd/{fd}"), os.fstat(fd).st_mode
        finally:
            os.close(fd)
        if real.startswith("/") and not real.endswith(" (deleted)"):
            return real, mode
    real = os.path.realpath(path, strict=True)
    return real, os.stat(real).st_mode


_O_PATH = getattr(os, "O_PATH", 0) if os.path.isdir("/proc/self/fd") else 0


def real_path(path: str | Path) -> str:
    """`os.path.realpath(path, strict=True)`, faster (see `_inspect`)."""
    return _inspect(path)[0]


def _real_root(root: str | Path) -> str:
    try:
        info = os.stat(root)
    except OSError:
        return os.path.realpath(root)
    return _real_folder(str(root), info.st_dev, info.st_ino)


@lru_cache(maxsize=64)
def _real_folder(name: str, device: int, inode: int) -> str:
    """Keyed by what `name` is now: a folder replaced (by a link, say) is resolved again."""
    return os.path.realpath(name)


def _resolve(root: str | Path, path: str | Path) -> tuple[str, int]:
    """The real path and mode of `path`; ContentError unless it exists inside `root`."""
    real_root = _real_root(root)
    try:
        real, mode = _inspect(path)
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            raise _refusal(path, "is a symbolic link loop", "replace the link by the file it should be") from None
        if os.path.islink(path):
            raise _refusal(path, "is a symbolic link to nothing", "replace the link by the file it should be") from None
        raise _refusal(path, f"cannot be read: {exc.strerror}", "check that the file exists") from None
    if not _within(real_root, real):
        raise _refusal(path, "is a link to a file outside the content folder")
    return real, mode


def resolve_inside(root: str | Path, path: str | Path) -> str:
    """The real path of `path` (links followed); ContentError unless it exists inside `root`."""
    return _resolve(root, path)[0]


def read_bytes(path: str | Path, root: str | Path | None = None, limit: int = MAX_FILE_BYTES) -> bytes:
    """The bytes of the regular file `path`, which must resolve inside `root` (default: its own folder).

    Refused, with the path named: a link leading outside `root`, a link loop,
    a folder, a FIFO, socket or device, a file larger than `limit` bytes.
    """
    real = regular_file(path, root)
    try:
        fd = os.open(real, os.O_RDONLY | os.O_NONBLOCK | os.O_NOFOLLOW | getattr(os, "O_CLOEXEC", 0))
    except OSError as exc:
        raise _refusal(path, f"cannot be read: {exc.strerror}", "check the file and its permissions") from None
    try:
        info = os.fstat(fd)
        _refuse_special(path, info.st_mode)  # the same file as checked, or it changed under us
        if info.st_size > limit:
            raise _too_large(path, limit)
        chunks, size = [], 0
        while chunk := os.read(fd, min(1 << 20, limit + 1 - size)):
            chunks.append(chunk)
            size += len(chunk)
            if size > limit:
                raise _too_large(path, limit)
        return b"".join(chunks)
    except OSError as exc:
        raise _refusal(path, f"cannot be read: {exc.strerror}", "check the file and its permissions") from None
    finally:
        os.close(fd)


def regular_file(path: str | Path, root: str | Path | None = None) -> str:
    """The real path of `path`, a regular file inside `root` (default: its own folder); else ContentError.

    Checked without opening it: opening a FIFO or a device can block, or act.
    """
    real, mode = _resolve(Path(path).parent if root is None else root, path)
    _refuse_special(path, mode)
    return real


def _refuse_special(path: str | Path, mode: int) -> None:
    if stat.S_ISDIR(mode):
        raise _refusal(path, "is a folder where a file should be", "rename or remove the folder")
    if not stat.S_ISREG(mode):
        raise _refusal(path, "is not a regular file (a FIFO, socket or device)", _SPECIAL_HINT)


def _too_large(path: str | Path, limit: int) -> ContentError:
    return _refusal(path, f"is larger than {limit:,} bytes", "split it, or check that it is really content")


@dataclass
class Listing:
    """The regular files found under a folder, and every entry that was refused."""

    files: list[Path] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)

    @property
    def errors(self) -> list[Problem]:
        return [problem for problem in self.problems if problem.severity == "error"]


def list_files(
    root: str | Path, folder: str | Path, folder_suffixes: Iterable[str] = (), hidden: bool = False
) -> Listing:
    """Every regular file under `folder` (which is `root` or inside it), sorted; hidden names are skipped,
    and, with `hidden`, each that is not a system's or a tool's own file is a problem (`hidden_problem`).

    Links are followed when they resolve inside `root` and lead to no loop. A
    link that leaves `root`, a loop, a dangling link, a FIFO, socket or
    device, a name that cannot be printed, and a folder whose name ends with
    one of `folder_suffixes` (`x.pl.md/`, where an article file should be) are
    problems, each naming its path. Files are listed by the path they were
    found at (through the link), not the path they resolve to.
    """
    listing = Listing()
    real_root = os.path.realpath(root)
    suffixes = tuple(folder_suffixes)
    folder = Path(folder)
    if Path(os.path.abspath(root)).is_relative_to(REPOSITORY) and not _within(_REAL_REPOSITORY, real_root):
        # A `content` committed as a link to `/` would make every file of the machine "inside" it.
        listing.problems.append(
            Problem(
                str(root),
                None,
                "file",
                "is a link to a folder outside the repository",
                "the content folder must be a folder of the repository, not a link",
            )
        )
        return listing
    if not os.path.lexists(folder):
        return listing
    try:
        real = resolve_inside(real_root, folder)
    except ContentError as exc:
        listing.problems += exc.problems
        return listing
    if not os.path.isdir(real):
        listing.problems.append(Problem(str(folder), None, "file", "should be a folder", "move the file elsewhere"))
        return listing
    _walk(real_root, folder, (real,), suffixes, listing, hidden)
    return listing


def _walk(
    real_root: str, folder: Path, chain: tuple[str, ...], suffixes: tuple[str, ...], listing: Listing, hidden: bool
) -> None:
    try:
        with os.scandir(folder) as scan:
            entries = sorted(scan, key=lambda entry: entry.name)
    except OSError as exc:
        listing.problems.append(Problem(str(folder), None, "file", f"cannot be listed: {exc.strerror}", ""))
        return
    folded: dict[str, str] = {}  # each name as a checkout on macOS or Windows sees it -> the first name seen so
    for entry in entries:
        name = entry.name
        if name.startswith("."):
            if hidden and (problem := hidden_problem(folder / name, entry.is_dir(follow_symlinks=False))):
                listing.problems.append(problem)
            continue
        path = folder / name
        if (twin := folded.setdefault(same_name_elsewhere(name), name)) != name:
            listing.problems.append(
                Problem(
                    str(path),
                    None,
                    "file",
                    f"differs from {twin!r} in the same folder only in case or in how its accents are encoded: "
                    "a checkout on macOS or Windows can hold only one of the two",
                    "rename one of them, or merge them",
                )
            )  # and listed still: what reads it says nothing more (a problem is enough to refuse the content)
        if not name.isprintable():
            listing.problems.append(
                Problem(
                    str(path),
                    None,
                    "file",
                    "has a name with control characters or bytes that are not UTF-8",
                    "rename it: letters, digits, '.', '-' and '_'",
                )
            )
            continue
        if problem := portable_name_problem(name):
            listing.problems.append(Problem(str(path), None, "file", problem, PORTABLE_HINT))
            continue
        try:
            if entry.is_symlink():
                real = resolve_inside(real_root, path)
                is_dir, is_file = os.path.isdir(real), os.path.isfile(real)
            else:
                real = os.path.join(chain[-1], name)
                is_dir, is_file = entry.is_dir(follow_symlinks=False), entry.is_file(follow_symlinks=False)
        except ContentError as exc:
            listing.problems += exc.problems
            continue
        except OSError as exc:
            listing.problems.append(Problem(str(path), None, "file", f"cannot be read: {exc.strerror}", ""))
            continue
        if is_file:
            listing.files.append(path)
        elif not is_dir:
            listing.problems.append(
                Problem(str(path), None, "file", "is not a regular file (a FIFO, socket or device)", _SPECIAL_HINT)
            )
        elif suffixes and name.endswith(suffixes):
            listing.problems.append(
                Problem(str(path), None, "file", "is a folder where a file should be", "rename or remove the folder")
            )
        elif any(_within(real, visited) for visited in chain):
            listing.problems.append(
                Problem(str(path), None, "file", "is a link to a folder that contains it (a loop)", "remove the link")
            )
        elif len(chain) > MAX_DEPTH:
            listing.problems.append(
                Problem(str(path), None, "file", f"is more than {MAX_DEPTH} folders deep", "flatten the folders")
            )
        else:
            _walk(real_root, path, (*chain, real), suffixes, listing, hidden)


# Names a Windows or macOS checkout cannot hold, which a pull request from Linux could still add: every
# contributor must be able to check the archive out.
_RESERVED_NAMES = frozenset({"con", "prn", "aux", "nul", *(f"{d}{n}" for d in ("com", "lpt") for n in range(1, 10))})
_NOT_PORTABLE = re.compile(r'[<>:"\\|?*]')
# The longest name every file system a contributor checks out on holds: an encrypted home folder's (eCryptfs,
# Ubuntu's) holds 143 bytes, where ext4, APFS and NTFS hold 255.
MAX_NAME_BYTES = 143
PORTABLE_HINT = (
    f"rename it: letters, digits, '.', '-' and '_', at most {MAX_NAME_BYTES} bytes, so that every checkout "
    "(Windows too) can hold it"
)


def same_name_elsewhere(name: str) -> str:
    """`name` as a file system that ignores case or accent encoding compares it: two names that one of them holds
    as one are equal. APFS and HFS+ (macOS) ignore both, NTFS (Windows) ignores case; each compares letter by
    letter, a letter for a letter (Unicode's simple case folding, NTFS's table of upper case), never a letter for
    two as `str.casefold` does: `straße` and `strasse` are two names on every one of them."""
    return "".join(map(_simple_fold, unicodedata.normalize("NFC", name)))


@lru_cache(maxsize=4096)
def _simple_fold(char: str) -> str:
    """`char` case-folded to one letter (`Σ`, `ς` -> `σ`; `ẞ` -> `ß`), or as it is where its folding is to more
    than one (`ß` -> `ss`, `ﬁ` -> `fi`: Unicode's full folding, which no file system applies)."""
    for folded in (char.casefold(), char.lower()):
        if len(folded) == 1:
            return folded
    return char


def named_as_written(root: str | Path, path: str | Path) -> bool:
    """Whether `path`, below the folder `root` (a path the content gives: a link's, a `raw:`, a data file's), names a
    file or folder there as each folder on its way lists it, letter for letter: what a Linux server finds, on every
    file system. The system is not asked: APFS and HFS+ (macOS) and NTFS (Windows) open `mapa.PNG` for `mapa.png`,
    and a check that asked them passed a link the published site then answered with 404."""
    return _as_listed(root, path, exact=True) is not None


def found_in_any_case(root: str | Path, path: str | Path) -> Path | None:
    """The file or folder `path` below the folder `root` names, each part as its folder lists it: as written, else
    the one name of its folder that a file system ignoring case or accent encoding takes it for
    (`same_name_elsewhere`: `Mapa.PNG` for `mapa.png`); None where there is none, or more than one."""
    return _as_listed(root, path, exact=False)


def _as_listed(root: str | Path, path: str | Path, exact: bool) -> Path | None:
    found, target = Path(os.path.abspath(root)), Path(os.path.abspath(path))
    if not target.is_relative_to(found):
        return None
    for part in target.relative_to(found).parts:
        listing = _listing(found)
        if part not in listing.names:
            alike = () if exact else listing.by_name_elsewhere.get(same_name_elsewhere(part), ())
            if len(alike) != 1:
                return None
            part = alike[0]
        found = found / part
    return found


def listed_names(folder: str | Path) -> frozenset[str]:
    """The names `folder` lists (none where it is no folder it can list), read again once it changes: a folder of
    2,000 photos is listed once for the links to all of them."""
    return _listing(folder).names


@dataclass(frozen=True)
class _Listing:
    names: frozenset[str]

    @cached_property
    def by_name_elsewhere(self) -> dict[str, tuple[str, ...]]:
        """The names, by `same_name_elsewhere`: what a name in other capitals or accents was meant to be."""
        alike: dict[str, tuple[str, ...]] = {}
        for name in sorted(self.names):
            folded = same_name_elsewhere(name)
            alike[folded] = (*alike.get(folded, ()), name)
        return alike


# A listing is kept while its folder's times are as they were, once they are old enough to say so: where a
# folder's times move by clock ticks (Linux before 6.13, HFS+ by the second, FAT by two), a name added in the tick
# of the listing leaves them as they were. Git's rule for such "racy" entries: https://git-scm.com/docs/racy-git
_RACY_NS = 2_000_000_000
_KEPT_FOLDERS = 1024
_listings: OrderedDict[str, tuple[tuple[int, ...], _Listing]] = OrderedDict()
_listings_lock = threading.Lock()


def _listing(folder: str | Path) -> _Listing:
    path = os.path.abspath(folder)
    try:
        info = os.stat(path)
        state = (info.st_dev, info.st_ino, info.st_mtime_ns, info.st_ctime_ns)
        with _listings_lock:
            if (kept := _listings.get(path)) and kept[0] == state:
                _listings.move_to_end(path)
                return kept[1]
        listing = _Listing(frozenset(os.listdir(path)))
    except OSError:
        return _Listing(frozenset())  # never kept: a folder that could not be read now is asked again
    if time.time_ns() - max(info.st_mtime_ns, info.st_ctime_ns) >= _RACY_NS:
        with _listings_lock:
            _listings[path] = (state, listing)
            _listings.move_to_end(path)
            while len(_listings) > _KEPT_FOLDERS:
                _listings.popitem(last=False)
    return listing


def portable_name_problem(name: str) -> str | None:
    """Why a file or folder name cannot be checked out everywhere, or None."""
    if match := _NOT_PORTABLE.search(name):
        return f"has a name with {match.group()!r}, which Windows cannot hold"
    if name.endswith((".", " ")):
        return "has a name ending with a dot or a space, which Windows cannot hold"
    if name.split(".")[0].strip().lower() in _RESERVED_NAMES:
        return f"has a name Windows reserves for a device ({name.split('.')[0]!r})"
    if (size := len(name.encode("utf-8", "surrogateescape"))) > MAX_NAME_BYTES:
        return f"has a name of {size} bytes, longer than an encrypted home folder (eCryptfs) holds"
    return None


def target_inside(root: str | Path, relative: str | PurePath) -> Path:
    """`root/relative`, or ContentError if it would leave `root`, links followed, or is a link itself.

    Checked before anything is written: `relative` must be relative and
    plain (no `..`, no empty part, no control characters), and the folders
    on the way that exist must resolve inside `root`.
    """
    relative = PurePath(relative)
    target = Path(root) / relative
    if (
        relative.is_absolute()
        or not relative.parts
        or any(part in ("..", ".") or not part.isprintable() for part in relative.parts)
    ):
        raise _refusal(target, "would be written outside its folder", "keys and slugs are a-z, 0-9 and hyphens")
    for part in relative.parts:
        if problem := portable_name_problem(part):
            raise _refusal(target, problem, PORTABLE_HINT)
    real_root = os.path.realpath(root)
    if not _within(real_root, os.path.realpath(target.parent)):
        raise _refusal(target, "would be written through a link to outside its folder", _LINK_HINT)
    if os.path.islink(target):
        raise _refusal(target, "is a symbolic link; nothing is written through a link", "remove the link")
    if os.path.lexists(target) and not os.path.isfile(target):
        raise _refusal(target, "exists and is not a regular file", "remove or rename it")
    return target


def write_file(root: str | Path, relative: str | PurePath, data: bytes, replace: bool = False) -> Path:
    """Write `data` at `root/relative` atomically (a temporary file renamed); the one way content is written.

    Refuses, before any byte is written, a path that leaves `root` (see
    `target_inside`); without `replace`, an existing file is never replaced.
    The folders it creates are checked again once they exist.
    """
    target = target_inside(root, relative)
    if not target.parent.is_dir():
        target.parent.mkdir(parents=True, exist_ok=True)
        target = target_inside(root, relative)  # a folder made meanwhile through a link is caught here
    handle, temporary = tempfile.mkstemp(dir=target.parent, prefix=".write-", suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
        os.chmod(temporary, 0o644)
        if replace:
            os.replace(temporary, target)
        else:
            os.link(temporary, target)  # fails if the target exists: never replaced
            os.unlink(temporary)
    except FileExistsError:
        os.unlink(temporary)
        raise _refusal(target, "already exists", "edit that file, or choose another name") from None
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return target


def content_listing(content_dir: str | Path) -> Listing:
    """Every file of the content folder, and every entry no build may read, hidden ones too (see `list_files`),
    and every file that makes the folder larger than it may be (`sizes.oversized`)."""
    content_dir = Path(os.path.abspath(content_dir))
    listing = list_files(content_dir, content_dir, hidden=True)
    listing.files, too_large = sizes.oversized(listing.files)  # a file too large is never read, nor hashed
    listing.problems += too_large
    shown_root = repository_path(content_dir)
    folders: set[Path] = set()
    for path in listing.files:
        relative = path.relative_to(content_dir)
        checked = [(path, f"{shown_root}/{relative.as_posix()}", FILE_PATH)]
        if relative.parent not in folders:
            checked.append((path.parent, "/".join((shown_root, *relative.parent.parts)), FOLDER_PATH))
        for entry, shown, bound in checked:
            if problem := too_long_problem(shown, bound):
                listing.problems.append(Problem(str(entry), None, bound.field, problem, bound.hint))
        folders.add(relative.parent)
    return listing


# Windows' MAX_PATH: a path of at most 260 UTF-16 units, the drive (`C:\`) and the ending NUL among them, where git
# for Windows checks a repository out (and Python writes the site) unless long paths are turned on. A checkout folder
# of up to 96 (`C:\Users\<name>\Documents\GitHub\hanoi-convention-archive\` and room to spare) leaves 160 to a
# path from the repository's root. The archive's own are under 100 (`content/articles/2025/<key>.<lang>.md`).
MAX_PATH_CHARS = 160
# Windows makes no folder that a name of 12 characters (8.3: `ABCDEFGH.TXT`) could not be put in under MAX_PATH (git
# for Windows makes a checkout's folders so, at most 248 units): a folder's path from the root is 12 shorter.
MAX_FOLDER_CHARS = MAX_PATH_CHARS - 12


@dataclass(frozen=True)
class PathBound:
    """The most characters (UTF-16 units) a path of one kind may have from the repository's root, and what is told
    of one past it: `problem` is given the path's `units` and the bound's `most`."""

    field: str
    most: int
    problem: str
    hint: str


FILE_PATH = PathBound(
    "file",
    MAX_PATH_CHARS,
    "makes a path of {units} characters from the repository's root, longer than the {most} every checkout can hold: "
    "Windows cannot hold it in the folder a contributor checks the repository out in",
    f"shorten the names of the file or its folders: a path from the repository's root of at most {MAX_PATH_CHARS} "
    "characters leaves room for the folder a contributor on Windows checks the repository out in (MAX_PATH, 260 "
    "characters); see CONTRIBUTING.md",
)
FOLDER_PATH = PathBound(
    "folder",
    MAX_FOLDER_CHARS,
    "is a folder whose path from the repository's root has {units} characters, more than the {most} every checkout "
    "can hold: Windows makes no folder that a file name of 12 characters could not be added to within MAX_PATH, so "
    "git cannot make it in the folder a contributor checks the repository out in",
    f"shorten the folder's names: a folder's path from the repository's root of at most {MAX_FOLDER_CHARS} characters "
    "leaves room for the folder a contributor on Windows checks the repository out in (MAX_PATH, 260 characters, "
    "less 12 for a file in it); see CONTRIBUTING.md",
)


def repository_path(folder: str | Path) -> str:
    """The path of `folder` from the repository's root (`content`), or `content` for a content folder elsewhere."""
    absolute = Path(os.path.abspath(folder))
    return absolute.relative_to(REPOSITORY).as_posix() if absolute.is_relative_to(REPOSITORY) else "content"


def too_long_problem(relative: str, bound: PathBound) -> str | None:
    """Why `relative`, a path from the repository's root of the kind `bound` is for, is too long for a checkout on
    Windows, or None."""
    units = len(relative.encode("utf-16-le", "surrogatepass")) // 2  # as Windows counts: a 😀 is two
    return bound.problem.format(units=units, most=bound.most) if units > bound.most else None


# What a system, a version-control tool or an editor leaves in a folder: skipped, never content.
# macOS (.DS_Store, ._x AppleDouble files), git (.gitkeep, .gitignore, .gitattributes), KDE (.directory),
# Vim (.x.swp), LibreOffice (.~lock.x#); Emacs (.#x), for a lock, which is a link (`_EMACS_LOCK`).
_TOOL_FILES = re.compile(r"\.DS_Store|\._.*|\.git.*|\.directory|\..*\.sw[a-p]|\.~lock\..*#")
# Emacs locks a file it edits with a link `.#<name>` (to who holds it, which is no file): a regular file of that name
# is no lock, but a file saved or copied under it, which the build would skip unseen.
_EMACS_LOCK = re.compile(r"\.#.*")
# Suffixes of files the build reads somewhere under content/ (articles, data files, raw copies).
CONTENT_SUFFIXES = (".md", ".markdown", ".yaml", ".yml", ".txt", ".html", ".htm")


def hidden_problem(path: Path, is_dir: bool) -> Problem | None:
    """A hidden entry (its name starts with '.') of the content folder, which Pelican and every reader skip:
    an error when it is a folder or looks like content, a warning otherwise; None for a tool's own file."""
    name = path.name
    if _TOOL_FILES.fullmatch(name):
        return None
    if _EMACS_LOCK.fullmatch(name) and not is_dir:
        return None if path.is_symlink() else _not_a_lock(path)
    if is_dir or name.lower().endswith(CONTENT_SUFFIXES):
        message = (
            "is a hidden folder (its name starts with '.'): the build skips all in it, never published"
            if is_dir
            else "is hidden (its name starts with '.'): the build skips it, never published"
        )
        return Problem(str(path), None, "file", message, "rename it without the leading '.', or delete it")
    return Problem(
        str(path),
        None,
        "file",
        "is hidden (its name starts with '.'): the build skips it",
        "delete it, or rename it without the leading '.' and put it where the build reads it",
        "warning",
    )


def _not_a_lock(path: Path) -> Problem:
    """A regular file named as Emacs names a lock (`.#x.en.md`): a copy saved under that name, skipped by the build."""
    meant = path.with_name(path.name[2:])
    content = path.name.lower().endswith(CONTENT_SUFFIXES)
    if not path.name[2:]:
        hint = "delete it"
    elif (there := found_in_any_case(path.parent, meant)) is not None:  # renamed, it would take that file's name
        hint = f"delete it, after moving into {there.name} what it holds that {there.name} lacks"
    else:
        hint = f"rename it {meant.name} if it is content, or delete it"
    return Problem(
        str(path),
        None,
        "file",
        "is named as Emacs names its lock of a file ('.#' before the name), but is a regular file, not a lock: "
        f"the build skips it{', never published' if content else ''}",
        hint,
        "error" if content else "warning",
    )
