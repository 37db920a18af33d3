"""Curated data files (YAML under content/data/): safe loading with line numbers for errors."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from .errors import Problem, content_error
from .frontmatter import FrontMatterLoader, read_text

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


def load_data(path: Path) -> DataFile:
    """Parse `path` with the archive's safe loader; raises ContentError naming file and line."""
    text = read_text(path)
    try:
        if "&" in text or "*" in text:
            for event in yaml.parse(text, Loader=FrontMatterLoader):
                if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
                    raise content_error(path, event.start_mark.line + 1, "yaml",
                                        "YAML anchors and aliases (&name, *name) are not allowed",
                                        "write each value out in full")  # fmt: skip
        root = yaml.compose(text, Loader=FrontMatterLoader)
        data = yaml.load(text, Loader=FrontMatterLoader)  # noqa: S506 (a safe loader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        raise content_error(path, mark.line + 1 if mark else None, "yaml", f"YAML error: {exc.problem or exc}",
                            "check indentation and quoting") from None  # fmt: skip
    except ValueError as exc:
        line = _failing_timestamp_line(yaml.compose(text, Loader=FrontMatterLoader))
        raise content_error(
            path, line, "date", f"impossible date: {exc}", "use a real calendar date, YYYY-MM-DD"
        ) from None
    return DataFile(path=Path(path), data=data, root=root)


def _child(node: yaml.Node, key: Key) -> yaml.Node | None:
    if isinstance(node, yaml.MappingNode) and isinstance(key, str):
        return next((value for k, value in node.value if getattr(k, "value", None) == key), None)
    if isinstance(node, yaml.SequenceNode) and isinstance(key, int) and 0 <= key < len(node.value):
        return node.value[key]
    return None


def _failing_timestamp_line(node: yaml.Node | None) -> int | None:
    if isinstance(node, yaml.ScalarNode):
        if node.tag.endswith(":timestamp"):
            try:
                FrontMatterLoader("").construct_yaml_timestamp(node)
            except ValueError:
                return node.start_mark.line + 1
        return None
    children = (
        node.value if isinstance(node, yaml.SequenceNode) else [v for pair in node.value for v in pair] if node else []
    )
    for child in children:
        line = _failing_timestamp_line(child)
        if line:
            return line
    return None
