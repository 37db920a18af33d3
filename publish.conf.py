"""Production settings: `pelican.conf.py` plus absolute URLs and feeds.

`make publish` builds with these; SITEURL can be overridden from the
environment (for example by the GitHub Pages workflow).
"""

import os
import runpy
from pathlib import Path

globals().update(
    (name, value)
    for name, value in runpy.run_path(str(Path(__file__).resolve().parent / "pelican.conf.py")).items()
    if not name.startswith("__")
)

SITEURL = os.environ.get("SITEURL", "https://hanoi-convention-archive.github.io")
RELATIVE_URLS = False
FEED_DOMAIN = SITEURL
