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
checksum), environment, Jinja and Python; one that does not load is compiled again and replaced.
"""

from __future__ import annotations

import hashlib
import os
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


def environment_signature(environment: Environment) -> str:
    parts = (
        repr(environment.autoescape),
        *(f"{name}={getattr(environment, name)!r}" for name in COMPILING_OPTIONS),
        *sorted(environment.extensions),
        "|filters|",
        *sorted(environment.filters),
        "|tests|",
        *sorted(environment.tests),
    )
    return hashlib.sha256("\0".join(parts).encode()).hexdigest()


class SharedCompilation(BytecodeCache):
    """Compiled templates, in memory (and in `directory`, if given), keyed by template and the environment's
    signature; an entry holds its source's checksum."""

    def __init__(self, directory: str | os.PathLike | None = None) -> None:
        self._code: dict[str, bytes] = {}
        self._ahead: tuple[BaseProcess, threading.Thread] | None = None
        self._directory = Path(directory) if directory else None

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
        self._keep(bucket.key, code)

    def _kept_path(self, key: str) -> Path | None:
        if self._directory is None:
            return None
        versions = f"{key}:jinja2 {jinja2.__version__}:{sys.implementation.cache_tag}"
        return self._directory / f"{hashlib.sha256(versions.encode()).hexdigest()}.jinja"

    def _load_kept(self, bucket: Bucket) -> bool:
        """Load the code kept on disk for `bucket`, if it is there, whole and for its source as it is now."""
        if (path := self._kept_path(bucket.key)) is None:
            return False
        try:
            kept = path.read_bytes()
            bucket.bytecode_from_string(kept)
        except Exception:  # cut short, or written by another version: compiled again
            bucket.reset()
        if bucket.code is None:
            return False
        self._code[bucket.key] = kept
        return True

    def _keep(self, key: str, code: bytes) -> None:
        """Written whole or not at all (another build may read it meanwhile); a folder that cannot be
        written only costs the next build its compiling, as a read-only `__pycache__` does."""
        if (path := self._kept_path(key)) is None:
            return
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            with tempfile.NamedTemporaryFile(dir=path.parent, prefix=".", delete=False) as written:
                written.write(code)
            os.replace(written.name, path)
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
        receiver = threading.Thread(target=self._receive, args=(receiving,), name="templates-ahead", daemon=True)
        receiver.start()
        self._ahead = (process, receiver)

    def _receive(self, receiving: Connection) -> None:
        """Each template's code, as the forked process sends it, until it is done or ends."""
        try:
            while (item := receiving.recv()) is not None:
                key, code = item
                self._code.setdefault(key, code)
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
    """In the forked process: compile `names`, sending the code of each as it is compiled. A template
    that does not compile is left out; the build compiles it itself and reports the error where it is used."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the build's to handle; this process is killed with it
    compiled = SharedCompilation(directory)  # kept there by this process, as the build would keep them
    environment.bytecode_cache = compiled
    for name in names:
        try:
            environment.get_template(name)
        except Exception:  # noqa: S112 (the build reports it, where the template is used)
            continue
        for item in compiled._code.items():
            sending.send(item)
        compiled._code.clear()
    sending.send(None)
    sending.close()
