"""Split a content file into YAML front-matter and Markdown body, safely.

YAML is read with the C safe loader when PyYAML has it. Booleans follow
YAML 1.2 (only true/false), so that `countries: [NO]` means Norway, not
False. Anchors and aliases are refused: front-matter never needs them, and
they are the way to a "billion laughs" bomb.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from .errors import content_error

FENCE = "---"
MAX_FILE_BYTES = 2_000_000

_SafeLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_BOOL_TAG = "tag:yaml.org,2002:bool"


class FrontMatterLoader(_SafeLoader):  # type: ignore[misc,valid-type]
    """Safe loader with YAML 1.2 booleans."""


FrontMatterLoader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag != _BOOL_TAG]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
FrontMatterLoader.add_implicit_resolver(_BOOL_TAG, re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF"))


@dataclass(frozen=True)
class SplitDocument:
    path: str
    yaml_text: str
    body: str
    body_line: int  # 1-based line of the file where the body starts


def read_text(path: str | Path) -> str:
    """The file's text, strictly UTF-8 (a BOM is allowed and dropped)."""
    path = Path(path)
    data = path.read_bytes()
    if not data.strip():
        raise content_error(
            path, None, "file", "the file is empty", "start it with a '---' front-matter block, see CONTRIBUTING.md"
        )
    if len(data) > MAX_FILE_BYTES:
        raise content_error(
            path,
            None,
            "file",
            f"the file is larger than {MAX_FILE_BYTES} bytes",
            "split it, or check that it is really an article",
        )
    if b"\x00" in data:
        raise content_error(path, None, "file", "the file is binary, not text", "content files are UTF-8 Markdown")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise content_error(
            path,
            line,
            "file",
            f"invalid UTF-8 at byte {exc.start}",
            "save the file as UTF-8; `make import` converts other encodings",
        ) from None
    return text.removeprefix("\ufeff").replace("\r\n", "\n")


def split(text: str, path: str | Path) -> SplitDocument:
    lines = text.split("\n")
    if lines[0].rstrip() != FENCE:
        raise content_error(
            path,
            1,
            "front-matter",
            "the file does not start with a '---' line",
            "put the YAML fields between two '---' lines at the top",
        )
    for index in range(1, len(lines)):
        if lines[index].rstrip() == FENCE:
            return SplitDocument(
                path=str(path),
                yaml_text="\n".join(lines[1:index]),
                body="\n".join(lines[index + 1 :]),
                body_line=index + 2,
            )
    raise content_error(
        path,
        1,
        "front-matter",
        "the '---' block opened on line 1 is never closed",
        "add a line with '---' after the last field",
    )


def load(doc: SplitDocument) -> dict[str, Any]:
    """Parse the front-matter; errors carry the file's own line numbers."""
    if "&" in doc.yaml_text or "*" in doc.yaml_text:
        _refuse_aliases(doc)
    try:
        data = yaml.load(doc.yaml_text, Loader=FrontMatterLoader)  # noqa: S506 (a safe loader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 2 if mark else None
        raise content_error(
            doc.path,
            line,
            "front-matter",
            f"YAML error: {exc.problem or exc}",
            "check indentation and quote values that contain ': ' or start with a symbol",
        ) from None
    except yaml.YAMLError as exc:
        raise content_error(doc.path, 2, "front-matter", f"YAML error: {exc}", "check the YAML syntax") from None
    except ValueError as exc:  # e.g. `date: 2025-02-30` matches the timestamp pattern
        field, line = _failing_timestamp(doc)
        raise content_error(
            doc.path, line, field, f"impossible date: {exc}", "use a real calendar date, YYYY-MM-DD"
        ) from None
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise content_error(
            doc.path,
            2,
            "front-matter",
            "the front-matter is not a set of `field: value` lines",
            "write one `field: value` per line",
        )
    return data


def field_line(doc: SplitDocument, dotted_field: str) -> int | None:
    """The file line where `field` (or `source.url`) is set, for error messages."""
    try:
        node = yaml.compose(doc.yaml_text, Loader=FrontMatterLoader)
    except yaml.YAMLError:
        return None
    for name in dotted_field.split("."):
        if not isinstance(node, yaml.MappingNode):
            return None
        found = next((v for k, v in node.value if getattr(k, "value", None) == name), None)
        if found is None:
            return None
        node = found
    return node.start_mark.line + 2


def _refuse_aliases(doc: SplitDocument) -> None:
    try:
        for event in yaml.parse(doc.yaml_text, Loader=FrontMatterLoader):
            anchor = getattr(event, "anchor", None)
            if isinstance(event, yaml.AliasEvent) or anchor:
                raise content_error(
                    doc.path,
                    event.start_mark.line + 2,
                    "front-matter",
                    "YAML anchors and aliases (&name, *name) are not allowed",
                    "write each value out in full",
                )
    except yaml.YAMLError:
        return  # load() reports the syntax error with its line


def _failing_timestamp(doc: SplitDocument) -> tuple[str, int | None]:
    node = yaml.compose(doc.yaml_text, Loader=FrontMatterLoader)
    loader = FrontMatterLoader("")
    for key, value in getattr(node, "value", []):
        if getattr(value, "tag", "").endswith(":timestamp"):
            try:
                loader.construct_yaml_timestamp(value)
            except ValueError:
                return str(key.value), value.start_mark.line + 2
    return "front-matter", 2
