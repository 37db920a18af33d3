"""Running the importer as `make import` does, and reading back what it wrote."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from tools.importer.__main__ import main

FIXTURES = Path(__file__).parent / "fixtures"


@dataclass(frozen=True)
class Run:
    code: int
    out: str
    err: str

    @property
    def path(self) -> Path:
        return Path(self.out.strip())


def run_import(capsys, src: Path, dest: Path, *options: str) -> Run:
    code = main([str(src), "--dest", str(dest), *options])
    captured = capsys.readouterr()
    return Run(code, captured.out, captured.err)


def written_files(dest: Path) -> list[Path]:
    return sorted(p for p in dest.rglob("*") if p.is_file()) if dest.exists() else []


def body_of(path: Path) -> str:
    return path.read_text(encoding="utf-8").split("\n---\n", 1)[1]
