"""A Pelican plugin that writes down each call of its receivers, for tests/test_builds_in_one_process.py.

Never in PLUGINS: a test adds it to one build's settings. Each call appends a line to the file the build's
`RECEIVER_LOG` setting names: `module` for the receiver defined in the module (connected again by each
`register()`, the same function), `register` for one that each `register()` defines anew (held strongly).
"""

from __future__ import annotations

from pelican import signals


def note(pelican, receiver: str) -> None:
    if log := pelican.settings.get("RECEIVER_LOG"):
        with open(log, "a", encoding="utf-8") as file:
            file.write(f"{receiver}\n")


def from_the_module(pelican) -> None:
    note(pelican, "module")


def register() -> None:
    def from_this_register(pelican) -> None:
        note(pelican, "register")

    signals.initialized.connect(from_the_module)
    signals.initialized.connect(from_this_register, weak=False)
