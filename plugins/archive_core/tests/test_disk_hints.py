"""A file the system would not write or read: the hint matches the reason (its errno) and names the path."""

from __future__ import annotations

import errno
import os

import pytest

from archive_core.errors import disk_hint


def _raised(call) -> OSError:
    with pytest.raises(OSError) as caught:
        call()
    return caught.value


def test_real_refusals_get_their_own_hint(tmp_path):
    long_name = tmp_path / ("x" * 300)
    a_file = tmp_path / "file"
    a_file.write_text("x")
    cases = {
        "is longer than the file system allows": _raised(lambda: long_name.write_text("x")),
        "is a file where a folder should be": _raised(lambda: (a_file / "page.html").write_text("x")),
        "is a folder where a file should be": _raised(lambda: tmp_path.write_text("x")),
        "disappeared while the site was built": _raised(lambda: (tmp_path / "gone" / "x").write_text("x")),
    }
    for expected, exc in cases.items():
        hint = disk_hint(exc, "output-parent")
        assert expected in hint and str(exc.filename) in hint, (exc, hint)


@pytest.mark.parametrize(
    ("code", "expected"),
    [
        (errno.ENOSPC, "is full: free some space"),
        (errno.EDQUOT, "quota"),
        (errno.EFBIG, "raise the limit"),
        (errno.EACCES, "check the permissions of /site/x.html"),
        (errno.EPERM, "immutable"),
        (errno.EROFS, "/site/x.html is on a read-only file system"),
        (errno.EMFILE, "ulimit -n"),
        (errno.EIO, "input/output error at /site/x.html"),
    ],
)
def test_each_reason_has_its_hint(code, expected):
    hint = disk_hint(OSError(code, os.strerror(code), "/site/x.html"), "/work")
    assert expected in hint
    assert code in (errno.ENOSPC, errno.EDQUOT) or "free some space" not in hint


def test_without_a_file_the_output_folder_is_named():
    assert disk_hint(OSError(errno.ENOSPC, "No space left on device"), "/srv/site") == (
        "the disk of /srv/site is full: free some space"
    )
