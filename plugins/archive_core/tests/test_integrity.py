"""A process's seals follow the secret its folder holds now, not the one it read first."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from archive_core.integrity import SECRET_NAME, Seal

ROOT = Path(__file__).resolve().parents[3]
SEAL_IN_ITS_OWN_PROCESS = (
    "import sys; from pathlib import Path; sys.path.insert(0, 'plugins'); from archive_core.integrity import Seal; "
    "sys.stdout.write(Seal(Path(sys.argv[1])).seal('entry', b'payload').hex())"
)


def sealed_elsewhere(folder: Path) -> bytes:
    """`payload` sealed for `entry` by another process (a `make html` beside a devserver)."""
    ran = subprocess.run(
        [sys.executable, "-c", SEAL_IN_ITS_OWN_PROCESS, str(folder)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    return bytes.fromhex(ran.stdout)


def test_a_folder_made_again_is_sealed_with_its_new_secret(tmp_path):
    """`make clean` while a devserver runs: the cache folder goes, another build makes it again with a secret of its
    own. The devserver kept the first secret's key: it could open no entry of the new folder, and no other process
    could open its entries (every build of each read every article again)."""
    folder = tmp_path / "cache"
    assert Seal(folder).open("entry", Seal(folder).seal("entry", b"payload")) == b"payload"
    shutil.rmtree(folder)
    theirs = sealed_elsewhere(folder)
    assert (folder / SECRET_NAME).is_file()
    assert Seal(folder).open("entry", theirs) == b"payload"
    assert sealed_elsewhere(folder) == Seal(folder).seal("entry", b"payload")


def test_a_secret_that_could_not_be_kept_is_kept_once_it_can(tmp_path):
    folder = tmp_path / "cache"
    folder.mkdir()
    (folder / SECRET_NAME).write_bytes(b"cut short")  # not a secret this machine made
    assert Seal(folder).seal("entry", b"payload") is None
    (folder / SECRET_NAME).unlink()
    assert Seal(folder).open("entry", Seal(folder).seal("entry", b"payload")) == b"payload"
