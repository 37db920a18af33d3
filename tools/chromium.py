"""Debian's Chromium, as the browser tests and the benchmark launch it through Playwright."""

from __future__ import annotations

import shutil
from pathlib import Path

ARGS = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
MISSING = "Chromium is missing: `make test` and `make bench` install Debian's chromium (tools/apt-install.sh)"


def chromium_executable() -> Path | None:
    path = Path(shutil.which("chromium") or "/usr/bin/chromium")
    return path if path.exists() else None
