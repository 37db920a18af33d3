"""The values given to `make` on its command line, as the Makefile passes them: environment variables ARCHIVE_*.

`make import TITLE=...` reaches Python as ARCHIVE_TITLE, untouched: the
Makefile never splices a command-line value into a recipe (make would expand
a `$(...)` in it, a shell would read it). The tools take these as the
defaults of their options and validate them like any option.
"""

from __future__ import annotations

import argparse
import os
import re
import sys
from pathlib import Path
from typing import NoReturn

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "plugins"))

from archive_core.errors import bounded, shown
from archive_core.paths import MAX_NAME_BYTES, portable_name_problem

MAX_PORT = 65535
# The most of a message refusing a value that is shown, by its start and its end: a value is quoted in it, and
# `DATE=` of 20,000 characters made a line of 20 KB.
REFUSAL_MAX_CHARS = 600


def refusal(message: str) -> str:
    """`message`, which may quote a value as given, shown safely and bounded."""
    return bounded(shown(message), REFUSAL_MAX_CHARS)


TRUE = frozenset({"1", "yes", "true", "on"})
FALSE = frozenset({"0", "no", "false", "off"})
# argparse's words for a value its option refused: `argument --date: ...`, `argument src: ...`.
_REFUSED_OPTION = re.compile(r"argument (?:--)?(?P<option>[\w-]+)(?:/[^:]*)?: (?P<why>.*)", re.DOTALL)


class MakeArguments(argparse.ArgumentParser):
    """The options of a command `make <target>` runs: each value is given as `NAME=...`, so a value refused is told
    by that name (`make import: DATE '25.10.2025' is not a date (...)`), not as argparse's `argument --date`, and
    with no usage of the options make passes, which the contributor never typed."""

    def __init__(self, target: str, **options: object) -> None:
        super().__init__(prog=f"make {target}", **options)  # type: ignore[arg-type]

    def error(self, message: str) -> NoReturn:
        if refused := _REFUSED_OPTION.fullmatch(message):
            name, why = refused["option"].replace("-", "_").upper(), refused["why"]
            message = why if why.startswith(name) else f"{name} {why}"
        self.exit(2, f"{self.prog}: {refusal(message)}\n")


def given(name: str) -> str | None:
    """The value of `NAME=` on make's command line (ARCHIVE_NAME), or None when it was not given or is empty.

    A value that is not UTF-8 text ends the program with one line naming it (Python keeps its bytes as
    lone surrogates, which no file can be written with).
    """
    value = os.environ.get(f"ARCHIVE_{name}") or None
    if value is not None:
        try:
            value.encode("utf-8")
        except UnicodeEncodeError as exc:
            written = value.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
            raise SystemExit(
                refusal(
                    f"{name}: {written!r} is not UTF-8 text (byte {exc.start + 1} of it); give the value in UTF-8, "
                    "as a terminal set to a UTF-8 locale types it"
                )
            ) from None
    return value


def flag(name: str) -> bool:
    """A yes/no value: 1, yes, true, on or 0, no, false, off (any case); not given is no; anything else ends
    the program with one line naming it."""
    value = (given(name) or "0").strip().lower()
    if value in TRUE | FALSE:
        return value in TRUE
    raise SystemExit(refusal(f"{name} must be 1 or 0 (yes or no), not {given(name)!r}"))


def port(text: str) -> int:
    """An argparse type: a TCP port, 1 to 65535."""
    value = _whole_number(text)
    if value is None or not 1 <= value <= MAX_PORT:
        raise argparse.ArgumentTypeError(f"PORT must be a whole number from 1 to {MAX_PORT}, not {text!r}")
    return value


def positive(limit: int, name: str):
    """An argparse type: a whole number from 1 to `limit`, named `name` in its error."""

    def parse(text: str) -> int:
        value = _whole_number(text)
        if value is None or not 1 <= value <= limit:
            raise argparse.ArgumentTypeError(f"{name} must be a whole number from 1 to {limit}, not {text!r}")
        return value

    return parse


def _whole_number(text: str) -> int | None:
    text = text.strip()
    return int(text) if text.isascii() and text.isdigit() and len(text) <= 9 else None


def key_name_problem(key: str, lang: str, given_as_key: bool) -> tuple[str, str] | None:
    """Why the file `make new` or `make import` would name after `key` (`<key>.<lang>.md`) cannot be held by
    every checkout, as (message, hint), or None. The hint names the make variable to change: `KEY=` when it was
    given, else the title the key was made of; there is no file yet to rename."""
    name = f"{key}.{lang}.md"
    if (problem := portable_name_problem(name)) is None:
        return None
    made_of = "KEY" if given_as_key else "the key made of TITLE"
    message = refusal(f"{made_of} {key!r} names the file {name}, which {problem}")
    hint = (
        f"give another KEY=: letters, digits and hyphens, at most {MAX_NAME_BYTES - len(lang) - 4} bytes, not a "
        "device name Windows reserves (aux, con, nul, prn, com1 to com9, lpt1 to lpt9)"
    )
    return message, hint


# The make variable that gives each field `make new` writes, and `make import` (the slug, the key: unless given,
# made of the title): a problem of one is told by it, as there is no file yet to edit.
NEW_FIELDS = {
    "title": "TITLE",
    "slug": "SLUG",
    "translation_key": "KEY",
    "date": "DATE",
    "lang": "LANG",
    "source.url": "SOURCE_URL",
    "source.publisher": "PUBLISHER",
}
IMPORT_FIELDS = {**NEW_FIELDS, "editor_note": "NOTE"}


def by_variable(hint: str, field: str, variables: dict[str, str]) -> str:
    """`hint` for the field `field`, naming the make variable of `variables` that gives it."""
    if field not in variables:
        return hint
    return f"{hint}: give another with {variables[field]}=..." if hint else f"give another {variables[field]}=..."
