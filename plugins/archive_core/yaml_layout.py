"""YAML mistakes of a line's shape: what separates a key from its value, what starts a list item, how far a line
is indented. YAML reports them as `could not find expected ':'` or `did not find expected key`, on the line after
the mistake or on one that is right; these name the line that is wrong and what to write there.

Found by mutating each line of a real article's front-matter (a colon typed on another keyboard, a no-break space
pasted after it, `=` for the colon, a bullet for the hyphen, a line indented a few spaces more or less than the
fields beside it) and reading the hints that were left general (`tests/.../test_yaml_layout.py`).
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter

import yaml

# Characters that look like a colon, typed on other keyboards or pasted: `：` (Chinese, Japanese), `꞉`, `∶`, `﹕`.
_COLON_LOOKALIKES = "：꞉∶﹕︓ː˸׃"
# A key (a field's name: letters, digits, `_` and `-`) and what follows it, on a line of a mapping or list item.
_KEYED = re.compile(r"^(?P<indent>[ ]*)(?P<item>- +)?(?P<key>[a-z_][a-z0-9_-]*)(?P<rest>.*)$")
# What a list item starts with, typed as a bullet, a dash or an asterisk instead of `- `.
_BULLETS = "•·▪◦‣–—−*"
_BULLETED = re.compile(rf"^[ ]*(?P<mark>[{_BULLETS}])[ \t]+\S")
_DASH_GLUED = re.compile(r"^[ ]*-(?P<key>[a-z_][a-z0-9_-]*):")
# `  -cyber`: a list item's text written against its dash (`---` and `-5` aside: a dash then a letter or a mark).
_DASH_TEXT = re.compile(r"^(?P<indent>[ ]*)-(?P<text>[^\s0-9.-].*)$")
# Front-matter and data files are small: a text larger than this is not parsed again line by line.
_MAX_TRIAL_CHARS = 100_000
_TRIAL_LINES = 3  # the line reported and the two before it
_STEP_WINDOW = 200  # lines each way whose indentation steps make the usual one
_AROUND = 3  # lines each way that a line's indentation is compared with


def line_hint(lines: list[str], number: int, where: str, loader: type) -> str | None:
    """What is wrong with the shape of the 0-based line `number` (`separator_fix`, `bullet_fix`), when writing
    it as the hint says makes the whole YAML read: the hint, followed, gives the file that was meant."""
    for fix in (separator_fix, bullet_fix):
        if (found := fix(lines[number], where)) is not None:
            hint, fixed = found
            if _reads([*lines[:number], fixed, *lines[number + 1 :]], loader):
                return hint
    return None


def separator_fix(text: str, where: str) -> tuple[str, str] | None:
    """(hint, the line fixed) for what is wrong between a key and its value on the line `text`: a colon
    lookalike, a space after the colon that YAML does not read as one, `=` or `;` for the colon, or no colon at
    all; None when it is `key: value`, `key:` or `key:value` (`yaml_mistakes` names that)."""
    match = _KEYED.match(text)
    if match is None:
        return None
    key, rest = match["key"], match["rest"]
    start = text[: len(text) - len(key) - len(rest)]
    if rest == ":" or rest.startswith((": ", ":\t")) or (rest.startswith(":") and not rest[1:2].isspace()):
        return None
    stripped = rest.lstrip(" \t")
    if rest.startswith(":"):
        value = rest[2:].strip()
        said = f"the space after `{key}:` on {where} is {_named(rest[1])}, which YAML does not read as a space"
        return f"{said}: retype it with the space bar (`{key}: {value}`)", f"{start}{key}: {value}"
    if stripped[:1] and stripped[0] in _COLON_LOOKALIKES:
        value = stripped[1:].strip()
        said = f"`{key}` on {where} is followed by {_named(stripped[0])}, which looks like a colon but is not YAML's"
        written = f"{key}: {value}" if value else f"{key}:"
        return f"{said}: type the colon `:` of a Latin keyboard (`{written}`)", start + written
    if stripped[:1] in ("=", ";"):
        value = stripped[1:].strip()
        said = f"`{key}` on {where} is followed by `{stripped[0]}`"
        return f"{said}: YAML separates a key from its value with a colon and a space (`{key}: {value}`)", (
            f"{start}{key}: {value}"
        )
    if rest and not rest[0].isspace():
        return None  # another word (`translation_key2`): not a key followed by a value
    value = rest.strip()
    written = f"{key}: {value}" if value else f"{key}:"
    return f"`{key}` on {where} has no colon after it: write `{written}`", start + written


def bullet_fix(text: str, where: str) -> tuple[str, str] | None:
    """(hint, the line fixed) for a list item started with a bullet, a dash or `*` instead of `- `, or with no
    space after its `-`."""
    if glued := _DASH_GLUED.match(text):
        hint = f"the list item on {where} has no space after its `-`: write `- {glued['key']}: ...`"
        return hint, text.replace("-", "- ", 1)
    if glued := _DASH_TEXT.match(text):
        written = glued["text"].rstrip()
        written = f"{written[:40]}…" if len(written) > 40 else written
        hint = (
            f"the list item on {where} has no space after its `-`, so YAML reads no item there: write "
            f"`- {written}` (an item starts with `- `, a dash and a space)"
        )
        return hint, f"{glued['indent']}- {glued['text']}"
    if bulleted := _BULLETED.match(text):
        hint = (
            f"the list item on {where} starts with {_named(bulleted['mark'])}: YAML starts a list item with a "
            "hyphen `-` and a space"
        )
        return hint, text.replace(bulleted["mark"], "-", 1)
    return None


def indentation_hint(lines: list[str], line: int, offset: int, loader: type) -> str | None:
    """The line near the 0-based `line` that, indented as other lines of its kind are (fields as fields, list
    items as list items), makes the YAML read: a field indented 4 spaces beside fields indented 2, or one space
    too few. The line reported is tried first, then the two before it; where two indentations make it read (a
    field between those of two mappings), both are named. None when no such line is found."""
    if sum(map(len, lines)) > _MAX_TRIAL_CHARS:
        return None
    tried = [n for n in range(min(line, len(lines) - 1), max(-1, line - _TRIAL_LINES), -1) if _is_content(lines[n])]
    # The line out of step first: indented under its parent by another step than the text's other lines (4 spaces
    # where the others are indented 2), then the one whose indentation the fewest lines around it share.
    window = range(max(0, line - _STEP_WINDOW), min(len(lines), line + _STEP_WINDOW))
    steps = {number: _step(lines, number) for number in window if _is_content(lines[number])}
    usual = Counter(step for step in steps.values() if step).most_common(1)
    for number in sorted(tried, key=lambda n: (steps[n] in (0, usual[0][0] if usual else 2), _sharing(lines, n))):
        text = lines[number]
        current = _indent(text)
        fits = {}
        for beside, spaces in _aligned_with(lines, number):
            trial = [*lines[:number], " " * spaces + text.lstrip(" "), *lines[number + 1 :]]
            if spaces != current and spaces not in fits and _reads(trial, loader, unfolded=number):
                fits[spaces] = beside
        if fits:
            ways = " or ".join(_as_line(lines, beside, spaces, offset) for spaces, beside in list(fits.items())[:2])
            which = ", whichever mapping it belongs to" if len(fits) > 1 else ""
            return (
                f"line {number + 1 + offset} is indented {current} space(s): indent it {ways}{which}; the fields "
                "of one mapping (or the items of one list) start in one column, with spaces only"
            )
    return _block_hint(lines, tried, offset, loader)


def _block_hint(lines: list[str], tried: list[int], offset: int, loader: type) -> str | None:
    """A record pasted or typed a few spaces off as a whole (`  - code: RO` and its fields, at the end of a list
    whose items start at 0): no line of it reads moved alone, since the lines under it move with it. The line
    that, moved with the lines indented under it, makes the YAML read, as `indentation_hint` tells one line."""
    for number in tried:
        current = _indent(lines[number])
        under = _under(lines, number)
        if not under:
            continue
        for beside, spaces in _aligned_with(lines, number):
            shift = spaces - current
            if shift == 0:
                continue
            moved = [_shifted(text, shift) for text in lines[number : number + 1 + under]]
            if _reads([*lines[:number], *moved, *lines[number + 1 + under :]], loader, unfolded=number):
                how = f"{abs(shift)} space(s) {'less' if shift < 0 else 'more'}"
                return (
                    f"line {number + 1 + offset} is indented {current} space(s), and the {under} line(s) under it "
                    f"with it: indent it {_as_line(lines, beside, spaces, offset)}, and the lines under it {how} "
                    "too; the fields of one mapping (or the items of one list) start in one column, with spaces only"
                )
    return None


def _as_line(lines: list[str], beside: int, spaces: int, offset: int) -> str:
    """`2 (as line 9 is)`: a column to indent a line at, and the line (0-based `beside`) that starts there."""
    return f"{spaces} (as line {beside + 1 + offset} {'is' if _indent(lines[beside]) == spaces else 'indents its key'})"


def _under(lines: list[str], number: int) -> int:
    """How many lines after the 0-based `number` are indented under it (blank lines and comments among them
    counted), up to the next line of content indented as far as it or less."""
    indent, count = _indent(lines[number]), 0
    for text in lines[number + 1 :]:
        if _is_content(text) and _indent(text) <= indent:
            break
        count += 1
    while count and not _is_content(lines[number + count]):  # the blank lines after the last one are not its
        count -= 1
    return count


def _shifted(text: str, shift: int) -> str:
    """`text` indented `shift` spaces more (fewer, when negative); a blank line as it is."""
    if not text.strip():
        return text
    return " " * (_indent(text) + shift) + text.lstrip(" ")


def _aligned_with(lines: list[str], number: int) -> list[tuple[int, int]]:
    """(line, column) where lines of the kind of line `number` start: for a list item, other items; for a field,
    other fields, a list item's first field included (`  - date:` starts its field at 4). Each column once, at
    its nearest line; the columns nearest the line's own indentation first, then the smaller."""
    item = _item(lines[number])
    nearest: dict[int, int] = {}
    for other in sorted(range(len(lines)), key=lambda other: abs(other - number)):
        if other == number or not _is_content(lines[other]):
            continue
        if (column := _column(lines[other], item)) is not None:
            nearest.setdefault(column, other)
    current = _indent(lines[number])
    return sorted(((other, column) for column, other in nearest.items()), key=lambda p: (abs(p[1] - current), p[1]))


def _is_content(text: str) -> bool:
    return bool(text.strip()) and not text.lstrip().startswith("#")


def _step(lines: list[str], number: int) -> int:
    """How much further than its parent (the line before it indented less) the line `number` is indented; 0
    for a line with no parent."""
    indent = _indent(lines[number])
    if not indent:
        return 0
    parent = next(
        (other for other in range(number - 1, -1, -1) if _is_content(lines[other]) and _indent(lines[other]) < indent),
        None,
    )
    return indent - _indent(lines[parent]) if parent is not None else 0


def _sharing(lines: list[str], number: int) -> int:
    """How many of the lines near `number` (a few each way) of its kind start where it does (`_column`)."""
    around = [other for other in range(number - _AROUND, number + _AROUND + 1) if 0 <= other < len(lines)]
    column = _column(lines[number], _item(lines[number]))
    return sum(
        1
        for other in around
        if other != number and _is_content(lines[other]) and _column(lines[other], _item(lines[number])) == column
    )


def _column(text: str, item: bool) -> int | None:
    """Where `text` starts, as a line of the kind compared: a list item's `-` for items (None for a field), a
    field's key for fields (a list item's first key included)."""
    if item:
        return _indent(text) if _item(text) else None
    return _indent(text) + (2 if _item(text) else 0)


def _reads(lines: list[str], loader: type, unfolded: int | None = None) -> bool:
    """Whether `lines` are YAML; with `unfolded`, and the 0-based line `unfolded` not read as more of a text
    started on a line above it: `  -cyber` indented under `  - ratyfikacja` reads, as the one item
    `ratyfikacja -cyber`, which no hint proposes."""
    try:
        root = yaml.compose("\n".join(lines), Loader=loader)
    except yaml.YAMLError:
        return False
    return unfolded is None or not any(_folds(scalar, unfolded) for scalar in _scalars(root))


def _scalars(node: yaml.Node | None) -> list[yaml.ScalarNode]:
    found, todo = [], [node] if node is not None else []
    while todo:
        current = todo.pop()
        if isinstance(current, yaml.ScalarNode):
            found.append(current)
        elif isinstance(current, yaml.SequenceNode):
            todo.extend(current.value)
        elif isinstance(current, yaml.MappingNode):
            todo.extend(part for pair in current.value for part in pair)
    return found


def _folds(scalar: yaml.ScalarNode, line: int) -> bool:
    """Whether the text `scalar`, started on a line above `line`, runs on over it (a block scalar's end is marked at
    the start of the line after its last)."""
    end = scalar.end_mark
    return scalar.start_mark.line < line and (line < end.line or (line == end.line and end.column > 0))


def _item(text: str) -> bool:
    return text.lstrip(" ").startswith("- ")


def _indent(text: str) -> int:
    return len(text) - len(text.lstrip(" "))


def _named(character: str) -> str:
    return f"`{character}` (U+{ord(character):04X} {unicodedata.name(character, 'a control character')})"
