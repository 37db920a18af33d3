"""Production settings: `pelican.conf.py` plus absolute URLs.

`make publish` builds with these; SITEURL can be overridden from the
environment (the GitHub Pages workflow sets it, and REPOSITORY_URL, from the
repository it runs in).
"""

import os
import runpy
from pathlib import Path

globals().update(
    (name, value)
    for name, value in runpy.run_path(str(Path(__file__).resolve().parent / "pelican.conf.py")).items()
    if not name.startswith("__")
)

SITEURL = (os.environ.get("SITEURL") or "https://hanoi-convention-archive.github.io").rstrip("/")
RELATIVE_URLS = False
FEED_DOMAIN = SITEURL
