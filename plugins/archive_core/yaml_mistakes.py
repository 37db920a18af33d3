"""The YAML mistakes a newcomer makes that YAML's own words do not name, named at their line with what to do.

One YAML does not report at all: text after ` #` in an unquoted value is a comment, dropped from the value
without a word (`title: Lithuania #1 to ratify` is the title "Lithuania").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import yaml

# A comment after a value is written `value  # comment`: two spaces before the `#`, one after (yamllint's rule).
_COMMENT = re.compile(r"^(?P<gap>[ \t]+)#(?P<text>.*)$")


@dataclass(frozen=True)
class DroppedText:
    """Text after ` #` in an unquoted value: YAML reads it as a comment, and the value ends before it."""

    line: int  # 0-based, in the YAML text
    value: str  # what YAML read
    text: str  # what it dropped, after the `#`

    @property
    def message(self) -> str:
        return f"'#{_cut(self.text)}' is read as a YAML comment, not as part of the value, and would be dropped"

    @property
    def hint(self) -> str:
        return (
            f"put the whole value in quotes, its '#' and all (\"{_cut(self.value)} #{_cut(self.text)}\"); a comment "
            "after a value is written with two spaces before its '#' and one after"
        )


def dropped_text(node: yaml.ScalarNode, lines: list[str]) -> DroppedText | None:
    """The text YAML dropped as a comment right after the unquoted `node`, when it reads as part of the value:
    a `#` after a single space (`Lithuania #1 to ratify`), or with no space after it (`#cybercrime`)."""
    if node.style not in (None, "") or node.end_mark.line >= len(lines):
        return None
    match = _COMMENT.match(lines[node.end_mark.line][node.end_mark.column :])
    if not match or not match["text"].strip():
        return None
    if len(match["gap"]) >= 2 and match["text"][:1].isspace():
        return None  # `by: Jan Kowalski   # who or what translated it`: a comment, as the scaffold writes them
    return DroppedText(node.end_mark.line, node.value, match["text"])


def _cut(text: str, limit: int = 40) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"
