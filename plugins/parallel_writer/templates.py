"""Each template compiled once per build, not once per generator.

Pelican gives every generator a Jinja environment of its own, and each
environment compiles `base.html` and its partials again (86 compilations
for the archive as it is, about a fifth of its build). `SharedCompilation`
is a Jinja bytecode cache in memory that all of them share. Code compiled in
one environment is reused only by environments alike in what changes the
compiled code: autoescape, extensions, and the filters and tests known at
compile time (Jinja compiles an unknown filter into a runtime error).
"""

from __future__ import annotations

import hashlib

from jinja2 import Environment
from jinja2.bccache import Bucket, BytecodeCache


def environment_signature(environment: Environment) -> str:
    parts = (
        repr(environment.autoescape),
        *sorted(environment.extensions),
        "|filters|",
        *sorted(environment.filters),
        "|tests|",
        *sorted(environment.tests),
    )
    return hashlib.sha256("\0".join(parts).encode()).hexdigest()


class SharedCompilation(BytecodeCache):
    """Compiled templates, in memory, keyed by template, source and the environment's signature."""

    def __init__(self) -> None:
        self._code: dict[str, bytes] = {}

    def get_bucket(self, environment: Environment, name: str, filename: str | None, source: str) -> Bucket:
        key = f"{self.get_cache_key(name, filename)}:{environment_signature(environment)}"
        bucket = Bucket(environment, key, self.get_source_checksum(source))
        self.load_bytecode(bucket)
        return bucket

    def load_bytecode(self, bucket: Bucket) -> None:
        if (code := self._code.get(bucket.key)) is not None:
            bucket.bytecode_from_string(code)

    def dump_bytecode(self, bucket: Bucket) -> None:
        self._code[bucket.key] = bucket.bytecode_to_string()
