"""A pytest plugin (`-p tests.content_barrier`) under which reading a file of content/ fails: the proof that tests
of behaviour, and the collection of every test, run on inputs of their own (tests/test_fixture_independence.py)."""

from __future__ import annotations

import os
import sys
from pathlib import Path

CONTENT = Path(__file__).resolve().parent.parent / "content"
# Read by the importer itself, whatever folder it writes into (tools/importer/countries.py: the archive's forms of
# country names): a file of the tool's configuration, not a test's input. Until the importer reads the content
# folder it imports into, its tests detect countries through the archive's copy.
IMPORTER_CONFIGURATION = CONTENT / "data" / "country-names.yaml"


def _refuse_content(event: str, args: tuple) -> None:
    if event != "open" or not isinstance(args[0], str | bytes | os.PathLike):
        return
    path = Path(os.fsdecode(args[0])).absolute()
    if path.is_relative_to(CONTENT) and path != IMPORTER_CONFIGURATION and not path.is_dir():
        raise PermissionError(f"a test read {path}, a file of the archive in content/: give it a copy of its own")


sys.addaudithook(_refuse_content)
