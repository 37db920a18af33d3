"""Seals for what the build keeps between runs (content cache entries, build fingerprints).

A folder such as `.cache/` can be written by more than the build: a pull
request can commit files there, a sync tool can swap them. What the build
reads back from it is trusted only under a seal: an HMAC-SHA256 keyed by a
random secret that this machine made, bound to the secret file's own inode
and change time. A checkout cannot reproduce those, so a secret committed
to the repository, and every entry sealed with it, is never valid here; a
moved or copied cache is a cold cache. Sealed payloads are JSON or text,
never pickles: even a valid seal cannot make the build run code.
"""

from __future__ import annotations

import contextlib
import hashlib
import hmac
import os
import secrets
import stat
import tempfile
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

SECRET_NAME = "secret"  # noqa: S105 (the name of the file that holds it)
_MAC_BYTES = 32


def unlinked(path: str | Path, base: str | Path | None = None) -> bool:
    """True when no part of `path` below `base` (default: its parent) is a symbolic link."""
    path = Path(os.path.abspath(path))
    base = Path(os.path.abspath(base)) if base is not None else path.parent
    if not path.is_relative_to(base):
        base = path.parent
    current = base
    for part in path.relative_to(base).parts:
        current = current / part
        if current.is_symlink():
            return False
    return True


@dataclass(frozen=True)
class Seal:
    """Seals and checks payloads with the secret kept in `folder` (made on first use)."""

    folder: Path

    def _key(self) -> bytes | None:
        folder = str(self.folder)
        return _secret_key(folder, _identity(os.path.join(folder, SECRET_NAME)))

    def seal(self, name: str, payload: bytes) -> bytes | None:
        """`payload` with its seal, for the entry `name`; None when no secret can be kept."""
        key = self._key()
        if key is None:
            return None
        return hmac.new(key, name.encode() + b"\0" + payload, hashlib.sha256).digest() + payload

    def open(self, name: str, sealed: bytes) -> bytes | None:
        """The payload of `sealed` if it was sealed here for the entry `name`, else None."""
        key = self._key()
        if key is None or len(sealed) < _MAC_BYTES:
            return None
        mac, payload = sealed[:_MAC_BYTES], sealed[_MAC_BYTES:]
        expected = hmac.new(key, name.encode() + b"\0" + payload, hashlib.sha256).digest()
        return payload if hmac.compare_digest(mac, expected) else None


def _identity(path: str) -> tuple[int, int, int, int] | None:
    """What changes when the file at `path` is made again (the folder removed, `make clean`): None when it is not."""
    try:
        info = os.stat(path, follow_symlinks=False)
    except OSError:
        return None
    return info.st_dev, info.st_ino, info.st_ctime_ns, info.st_size


@lru_cache(maxsize=8)
def _secret_key(folder_name: str, identity: tuple[int, int, int, int] | None) -> bytes | None:
    """The key of the secret in `folder` (made if missing); None when it cannot be kept. Kept by the secret file's
    `identity` too: a process that read it once (a devserver) follows a folder removed and made again by another
    build, instead of sealing with a secret no other process has, and reading none of theirs."""
    folder = Path(folder_name)
    path = folder / SECRET_NAME
    try:
        folder.mkdir(parents=True, exist_ok=True)
        if not os.path.lexists(path):
            fd, draft = tempfile.mkstemp(dir=folder, prefix=f".{SECRET_NAME}-")  # mode 0600
            with os.fdopen(fd, "wb") as stream:
                stream.write(secrets.token_bytes(32))
            with contextlib.suppress(FileExistsError):  # another build made it meanwhile: theirs holds
                os.link(draft, path)
            os.unlink(draft)
        fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK)
        try:
            info = os.fstat(fd)
            if not (stat.S_ISREG(info.st_mode) and info.st_size == 32):
                return None
            secret = os.read(fd, 32)
        finally:
            os.close(fd)
    except OSError:
        return None
    identity = f"{info.st_dev}:{info.st_ino}:{info.st_ctime_ns}".encode()
    return hashlib.sha256(secret + identity).digest()
