"""Running the importer as `make import` does, and reading back what it wrote."""

from __future__ import annotations

import contextlib
import os
import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from tools.importer.__main__ import IMPORTED, UNCHANGED, main

FIXTURES = Path(__file__).parent / "fixtures"
# The importer tests' own content folder: the data an import reads from the folder it writes into (DEST).
CONTENT = FIXTURES / "content"


@dataclass(frozen=True)
class Run:
    code: int
    out: str
    err: str

    @property
    def path(self) -> Path:
        return written_path(self.out)


def written_path(out: str) -> Path:
    """The file an import wrote, or found holding what it would write, from the line that says which:
    `imported SRC -> PATH` (as `make new` says `created PATH`), or `unchanged, already imported: SRC -> PATH`."""
    [line] = [line for line in out.splitlines() if line.startswith((f"{IMPORTED} ", f"{UNCHANGED} "))]
    return Path(line.rpartition(" -> ")[2])


@contextlib.contextmanager
def content_folder(dest: Path) -> Iterator[None]:
    """Point the tools at `dest` as `ARCHIVE_CONTENT` does: an import writes only inside the repository or it."""
    before = os.environ.get("ARCHIVE_CONTENT")
    os.environ["ARCHIVE_CONTENT"] = str(dest)
    try:
        yield
    finally:
        if before is None:
            del os.environ["ARCHIVE_CONTENT"]
        else:
            os.environ["ARCHIVE_CONTENT"] = before


def a_content_folder(dest: Path) -> Path:
    """`dest` holding the importer tests' own data (their country names), as a content folder an import goes into."""
    shutil.copytree(CONTENT, dest, dirs_exist_ok=True)
    return dest


def run_import(capsys, src: Path, dest: Path, *options: str) -> Run:
    with content_folder(dest):
        code = main([str(src), "--dest", str(dest), *options])
    captured = capsys.readouterr()
    return Run(code, captured.out, captured.err)


def written_files(dest: Path) -> list[Path]:
    return sorted(p for p in dest.rglob("*") if p.is_file()) if dest.exists() else []


def body_of(path: Path) -> str:
    return path.read_text(encoding="utf-8").split("\n---\n", 1)[1]


# Front-matter fields that editors add after an import (notes, corrections, the chain of translation): an
# importer cannot know them, so the committed article is compared with the import without them.
EDITORIAL_FIELDS = ("translation_chain:", "annotations:", "corrections:")


def as_imported(path: Path) -> bytes:
    """The committed article without the editorial fields that follow the imported ones in its front-matter."""
    text = path.read_text(encoding="utf-8")
    head, body = text.split("\n---\n", 1)
    lines = head.split("\n")
    cut = next((i for i, line in enumerate(lines) if line.startswith(EDITORIAL_FIELDS)), len(lines))
    return ("\n".join(lines[:cut]) + "\n---\n" + body).encode("utf-8")
