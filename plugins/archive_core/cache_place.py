"""Where a cache the build keeps between runs may be: never where the build reads, copies or publishes from.

`ARCHIVE_CACHE_DIR` (the content cache) and `SITEMAP_HEAD_CACHE` (the sitemap's heads) come from the
environment. A cache inside the content folder wrote its entries and this machine's secret there: the build
then refused its own entries as files no build reads, every time, naming files no contributor had added.
One in the theme would be copied into the site; one in the code would be part of every fingerprint.
"""

from __future__ import annotations

import os
from pathlib import Path

from .paths import REPOSITORY

SCRATCH = REPOSITORY / ".cache"


def _inside(path: str, folder: str | Path) -> bool:
    folder = os.path.realpath(folder)
    return path == folder or path.startswith(folder.rstrip(os.sep) + os.sep)


def cache_place_problem(cache: str | Path, content_dir: str | Path) -> str | None:
    """Why `cache` cannot hold a cache of a build of `content_dir`, or None: inside the content folder, or inside
    the repository anywhere but its `.cache/` (outside the repository, anywhere its user chooses)."""
    real = os.path.realpath(cache)
    if _inside(real, content_dir):
        return "is inside the content folder, where the build would read its own entries as content"
    if _inside(real, REPOSITORY) and not _inside(real, SCRATCH):
        return f"is inside the repository outside {SCRATCH}, where the build reads, copies or publishes files"
    return None
