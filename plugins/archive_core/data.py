"""Curated data files (YAML under content/data/): safe loading with line numbers for errors."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from .errors import Problem
from .frontmatter import parse_yaml, read_text

Key = str | int


@dataclass(frozen=True)
class DataFile:
    """A parsed YAML data file that can say on which line any value stands."""

    path: Path
    data: Any
    root: yaml.Node | None

    def line(self, *keys: Key) -> int | None:
        """1-based line of `data[k1][k2]...`, or of the deepest part of it that exists."""
        node, line = self.root, None
        for key in keys:
            if node is None:
                break
            line = node.start_mark.line + 1
            node = _child(node, key)
        return node.start_mark.line + 1 if node is not None else line

    def problem(self, keys: Sequence[Key], field: str, message: str, hint: str = "") -> Problem:
        return Problem(str(self.path), self.line(*keys), field, message, hint)


def load_data(path: Path, root: str | Path | None = None) -> DataFile:
    """Parse `path`, read inside `root` (default: its own folder), with the archive's safe YAML reading
    (`frontmatter.parse_yaml`); raises ContentError naming file and line."""
    data, root_node = parse_yaml(read_text(path, root), path, first_line=1, label="yaml")
    return DataFile(path=Path(path), data=data, root=root_node)


def _child(node: yaml.Node, key: Key) -> yaml.Node | None:
    if isinstance(node, yaml.MappingNode) and isinstance(key, str):
        return next((value for k, value in node.value if getattr(k, "value", None) == key), None)
    if isinstance(node, yaml.SequenceNode) and isinstance(key, int) and 0 <= key < len(node.value):
        return node.value[key]
    return None
