"""Each template compiled once per build, not once per generator.

Pelican gives every generator a Jinja environment of its own, and each
environment compiles `base.html` and its partials again (86 compilations
for the archive as it is, about a fifth of its build). `SharedCompilation`
is a Jinja bytecode cache in memory that all of them share. Code compiled in
one environment is reused only by environments alike in what changes the
compiled code: autoescape, extensions, the filters and tests known at
compile time (Jinja compiles an unknown filter into a runtime error), and
the options of its lexer and compiler (`COMPILING_OPTIONS`: delimiters,
`trim_blocks`, `optimized`...).

Compiling the theme's templates takes as long as reading a small archive
(docs/performance.md). `compile_ahead` compiles them in a process forked
while the build reads its content, on the other core, and a thread of the
build receives each template's code as it comes. The build never waits for
it: a template not received yet when the build needs it is compiled by the
build itself, as without this (which is also how a template with an error is
reported: that process leaves it out).

Given a folder (`TEMPLATE_BYTECODE_DIR`), it also keeps each template's code there, as Python keeps its
bytecode in `__pycache__`: a later build, `make clean` included, loads it instead of compiling, and forks
nothing when every template's code is there. An entry is taken only for the same template source (Jinja's
checksum), environment (`environment_signature`) and code (`code_digest`: the plugins' filters, Jinja,
Python); one that does not load is compiled again and replaced.
"""

from __future__ import annotations

import contextlib
import hashlib
import inspect
import os
import shutil
import signal
import sys
import tempfile
import threading
from multiprocessing.connection import Connection
from multiprocessing.process import BaseProcess
from pathlib import Path

import jinja2
from jinja2 import Environment, TemplateNotFound
from jinja2.bccache import Bucket, BytecodeCache

from archive_core.workers import can_fork, fork_context

KEPT_FOLDERS = 4  # on disk: the code of the environments (plugins, Jinja, Python) the last builds used

# What of an environment, besides its extensions, filters and tests, changes the code a template compiles to: how
# its source is read (delimiters, whitespace control, line statements), and how it is compiled.
COMPILING_OPTIONS = (
    "block_start_string",
    "block_end_string",
    "variable_start_string",
    "variable_end_string",
    "comment_start_string",
    "comment_end_string",
    "line_statement_prefix",
    "line_comment_prefix",
    "trim_blocks",
    "lstrip_blocks",
    "newline_sequence",
    "keep_trailing_newline",
    "optimized",
    "is_async",
)


def _described(value: object) -> str:
    """A value of an environment as it changes compiled code: a callable by its name and how Jinja calls it (the
    context, eval context or environment first: `pass_context`...), anything else by its `repr`."""
    if callable(value):
        function = getattr(value, "func", value)  # a functools.partial, by what it calls
        name = f"{getattr(function, '__module__', '')}.{getattr(function, '__qualname__', type(function).__name__)}"
        return f"{name}/{getattr(value, 'jinja_pass_arg', None)}"
    return repr(value)


def environment_signature(environment: Environment) -> str:
    parts = (
        repr(environment.autoescape),
        *(f"{name}={getattr(environment, name)!r}" for name in COMPILING_OPTIONS),
        *sorted(environment.extensions),
        "|filters|",
        *sorted(f"{name}={_described(f)}" for name, f in environment.filters.items()),
        "|tests|",
        *sorted(f"{name}={_described(f)}" for name, f in environment.tests.items()),
        "|compiled with|",
        _described(environment.finalize),
        *sorted(f"{name}={_described(value)}" for name, value in environment.policies.items()),
        f"newstyle_gettext={getattr(environment, 'newstyle_gettext', None)!r}",
        f"sandboxed={environment.sandboxed!r}",
        _described(environment.code_generator_class),
        _described(environment.context_class),
    )
    return hashlib.sha256("\0".join(parts).encode()).hexdigest()


def code_digest(environment: Environment) -> str:
    """The source of every module whose code an environment compiles with or calls (its filters, tests,
    extensions, `finalize`, code generator), with Jinja's and Python's versions: code kept on disk by a build
    is taken by a later one only if none of them changed since (a plugin edited, Jinja or Python upgraded)."""
    objects = [
        *environment.filters.values(),
        *environment.tests.values(),
        *(type(extension) for extension in environment.extensions.values()),
        environment.finalize,
        environment.code_generator_class,
        environment.context_class,
    ]
    files = set()
    for value in objects:
        module = inspect.getmodule(getattr(value, "func", value))
        if (file := getattr(module, "__file__", None)) is not None:
            files.add(file)
    digest = hashlib.sha256(f"jinja2 {jinja2.__version__}\0{sys.implementation.cache_tag}".encode())
    for file in sorted(files):
        digest.update(f"\0{file}\0".encode())
        try:
            digest.update(Path(file).read_bytes())
        except OSError:
            digest.update(b"(unreadable)")
    return digest.hexdigest()


class SharedCompilation(BytecodeCache):
    """Compiled templates, in memory (and in `directory`, if given), keyed by template and the environment's
    signature; an entry holds its source's checksum. On disk, each entry is in the folder of its environment's
    `code_digest`; the `KEPT_FOLDERS` folders used last are kept."""

    def __init__(self, directory: str | os.PathLike | None = None, *, keeps: bool = True) -> None:
        self._code: dict[str, bytes] = {}
        self._compiled: set[str] = set()  # keys compiled here, not loaded
        self._ahead: tuple[BaseProcess, threading.Thread] | None = None
        self._directory = Path(directory) if directory else None
        self._keeps = keeps
        self._folders: dict[int, tuple[Environment, Path]] = {}

    def get_bucket(self, environment: Environment, name: str, filename: str | None, source: str) -> Bucket:
        key = f"{self.get_cache_key(name, filename)}:{environment_signature(environment)}"
        bucket = Bucket(environment, key, self.get_source_checksum(source))
        self.load_bytecode(bucket)
        return bucket

    def load_bytecode(self, bucket: Bucket) -> None:
        if (code := self._code.get(bucket.key)) is not None:
            bucket.bytecode_from_string(code)
        else:
            self._load_kept(bucket)

    def dump_bytecode(self, bucket: Bucket) -> None:
        code = self._code[bucket.key] = bucket.bytecode_to_string()
        self._compiled.add(bucket.key)
        if self._keeps:
            self._keep(bucket.environment, bucket.key, code)

    def _folder(self, environment: Environment) -> Path | None:
        """The folder of `environment`'s code on disk, found once a build (and marked as used)."""
        if self._directory is None:
            return None
        if (known := self._folders.get(id(environment))) is None:
            folder = self._directory / code_digest(environment)[:32]
            with contextlib.suppress(OSError):
                os.utime(folder)
            known = self._folders[id(environment)] = (environment, folder)  # held: its id stays its own
        return known[1]

    def _kept_path(self, environment: Environment, key: str) -> Path | None:
        if (folder := self._folder(environment)) is None:
            return None
        return folder / f"{hashlib.sha256(key.encode()).hexdigest()}.jinja"

    def _load_kept(self, bucket: Bucket) -> bool:
        """Load the code kept on disk for `bucket`, if it is there, whole and for its source as it is now."""
        if (path := self._kept_path(bucket.environment, bucket.key)) is None:
            return False
        try:
            kept = path.read_bytes()
            bucket.bytecode_from_string(kept)
        except Exception:  # missing, cut short, or not Jinja's: compiled again
            bucket.reset()
        if bucket.code is None:
            return False
        self._code[bucket.key] = kept
        return True

    def _keep(self, environment: Environment, key: str, code: bytes) -> None:
        """Written whole or not at all (another build may read it meanwhile); a folder that cannot be
        written only costs the next build its compiling, as a read-only `__pycache__` does."""
        if (path := self._kept_path(environment, key)) is None:
            return
        written = None
        try:
            if not path.parent.is_dir():
                path.parent.mkdir(parents=True)
                self._forget_old_folders(path.parent)
            with tempfile.NamedTemporaryFile(dir=path.parent, prefix=".", delete=False) as written:
                written.write(code)
            os.replace(written.name, path)
        except BaseException as error:
            if written is not None:
                with contextlib.suppress(OSError):
                    os.unlink(written.name)
            if not isinstance(error, OSError):
                raise

    def _forget_old_folders(self, new: Path) -> None:
        """Each edit of a plugin, Jinja or Python makes a folder: only the `KEPT_FOLDERS` used last stay."""
        try:
            folders = [entry for entry in os.scandir(new.parent) if entry.is_dir(follow_symlinks=False)]
            folders.sort(key=lambda entry: entry.stat(follow_symlinks=False).st_mtime_ns, reverse=True)
            for old in folders[KEPT_FOLDERS:]:
                if old.path != str(new):
                    shutil.rmtree(old.path, ignore_errors=True)
        except OSError:
            pass

    def _all_kept(self, environment: Environment, names: list[str]) -> bool:
        """Whether every template of `names` has its code, for its source as it is now, kept on disk."""
        if self._directory is None or environment.loader is None:
            return False
        signature = environment_signature(environment)
        for name in names:
            try:
                source, filename, _ = environment.loader.get_source(environment, name)
            except TemplateNotFound:
                return False
            key = f"{self.get_cache_key(name, filename)}:{signature}"
            if not self._load_kept(Bucket(environment, key, self.get_source_checksum(source))):
                return False
        return True

    def compile_ahead(self, environment: Environment, templates: Path) -> None:
        """Start compiling every template under `templates` for `environment`, in a forked process, unless
        the code of every one is kept on disk."""
        if self._ahead is not None or not can_fork():
            return
        names = sorted(p.relative_to(templates).as_posix() for p in templates.rglob("*") if p.is_file())
        if self._all_kept(environment, names):
            return
        receiving, sending = fork_context().Pipe(duplex=False)
        process = fork_context().Process(
            target=_compile, args=(environment, names, sending, self._directory), daemon=True
        )
        process.start()
        sending.close()
        receiver = threading.Thread(
            target=self._receive, args=(receiving, environment), name="templates-ahead", daemon=True
        )
        receiver.start()
        self._ahead = (process, receiver)

    def _receive(self, receiving: Connection, environment: Environment) -> None:
        """Each template's code, as the forked process sends it, until it is done or ends; what it compiled
        is kept on disk by the build (that process may be killed at any time)."""
        try:
            while (item := receiving.recv()) is not None:
                key, code, compiled = item
                self._code.setdefault(key, code)
                if compiled and self._keeps:
                    self._keep(environment, key, code)
        except (EOFError, OSError):
            pass  # that process ended: what it did not send is compiled by the build when it is needed
        finally:
            receiving.close()

    def close(self) -> None:
        """Stop compiling ahead (the process is killed if it still runs)."""
        if self._ahead is None:
            return
        process, receiver = self._ahead
        self._ahead = None
        process.join(0.1)
        if process.is_alive():
            process.kill()
            process.join()
        receiver.join()  # ends at the end of the pipe, closed with the process


def _compile(environment: Environment, names: list[str], sending: Connection, directory: Path | None) -> None:
    """In the forked process: compile `names` (or load what is kept in `directory`), sending the code of each as
    it comes. A template that does not compile is left out; the build compiles it itself and reports the error
    where it is used."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the build's to handle; this process is killed with it
    compiled = SharedCompilation(directory, keeps=False)
    environment.bytecode_cache = compiled
    for name in names:
        try:
            environment.get_template(name)
        except Exception:  # noqa: S112 (the build reports it, where the template is used)
            continue
        for key, code in compiled._code.items():
            sending.send((key, code, key in compiled._compiled))
        compiled._code.clear()
    sending.send(None)
    sending.close()
