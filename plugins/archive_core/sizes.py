"""How large the content folder's files may be, whatever reads them: the bound on the work of every build.

The files read as text (articles, data files) are bounded where they are read (`paths.MAX_FILE_BYTES`); a
file copied into the site as it is (a PDF report, a photo) or kept in `sources/` is only listed, then hashed
whole by the build's fingerprint and copied by Pelican. A file of 200 GB (or a sparse one that claims it:
`truncate -s 200G x.pdf` takes no disk) passed `make check` and held every build in the fingerprint's hash.
So every file of the content folder is bounded by its size as listed (`st_size`, before a byte is read),
and so is their sum: the limits of the host that takes the repository and the site.
"""

from __future__ import annotations

import os
from pathlib import Path

from .errors import Problem

# GitHub refuses a file over 100 MiB in a push; a real report or photo is well under.
MAX_FILE_BYTES = 100 * 1024 * 1024
# GitHub Pages publishes a site of at most 1 GB: the content folder is most of it.
MAX_TOTAL_BYTES = 1024 * 1024 * 1024
_HINT = "a repository holds files of at most 100 MiB and a published site at most 1 GiB"


def oversized(files: list[Path]) -> tuple[list[Path], list[Problem]]:
    """`files` within the limits, in order, and a problem for each one over `MAX_FILE_BYTES` and for the one
    that takes the sum past `MAX_TOTAL_BYTES` (the files after it are left out: nothing more is read)."""
    kept: list[Path] = []
    problems: list[Problem] = []
    total = 0
    for path in files:
        try:
            size = os.stat(path).st_size  # a listed file: a regular file, links followed inside the folder
        except OSError:
            kept.append(path)  # gone since it was listed: its reader says so
            continue
        if size > MAX_FILE_BYTES:
            message = f"is {size:,} bytes, more than a content file may be ({MAX_FILE_BYTES:,})"
            hint = f"make it smaller, or link to it at its https:// address; {_HINT}"
            problems.append(Problem(str(path), None, "file", message, hint))
            continue
        total += size
        if total > MAX_TOTAL_BYTES:
            message = f"takes the content folder past {MAX_TOTAL_BYTES:,} bytes, all its files together"
            hint = f"link to large files at their https:// addresses instead; {_HINT}"
            problems.append(Problem(str(path), None, "file", message, hint))
            break
        kept.append(path)
    return kept, problems
