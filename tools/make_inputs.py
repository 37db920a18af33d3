"""The values given to `make` on its command line, as the Makefile passes them: environment variables ARCHIVE_*.

`make import TITLE=...` reaches Python as ARCHIVE_TITLE, untouched: the
Makefile never splices a command-line value into a recipe (make would expand
a `$(...)` in it, a shell would read it). The tools take these as the
defaults of their options and validate them like any option.
"""

from __future__ import annotations

import argparse
import os

MAX_PORT = 65535


def given(name: str) -> str | None:
    """The value of `NAME=` on make's command line (ARCHIVE_NAME), or None when it was not given or is empty."""
    return os.environ.get(f"ARCHIVE_{name}") or None


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
