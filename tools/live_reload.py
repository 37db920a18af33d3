"""Live reload for the devserver: the open page reloads itself after each rebuild.

Only the devserver's responses carry it: every HTML page it sends gets one
`<script src="/.devserver/live-reload.js" data-version="...">` (a file of the
site's own origin, so the strict CSP allows it; the version of the site the
page is from), which asks `/.devserver/version` once a second and reloads the
page when the version is another, and `/.devserver/problems`, what stopped the
last change from being built, which it shows above the page until one is. Nothing is written into
`output/`, so `make html` and `make publish` never contain it, and no request
goes to another host (Pelican's `invoke livereload` loads a script from
another port).
"""

from __future__ import annotations

import time
from http import HTTPStatus
from pathlib import Path

from .serve import SiteHandler

PREFIX = "/.devserver/"
SCRIPT_URL = PREFIX + "live-reload.js"
VERSION_URL = PREFIX + "version"
PROBLEMS_URL = PREFIX + "problems"  # what stopped the last change from being built; empty once one is
SEARCH_OVERLAY_URL = PREFIX + "search/"  # the overlay index of plugins/search/overlay.py, when there is one
SCRIPT = (Path(__file__).with_name("live_reload.js")).read_bytes()


class Builds:
    """The version of the site being served: a new one after every rebuild (and every restart). And what stopped
    the last change from being built (what the terminal says), which the open page shows above the last good
    site until a build succeeds: a contributor watching the browser saw nothing happen, and thought the change
    not saved."""

    def __init__(self) -> None:
        self.version = str(time.time_ns())
        self.problems = ""

    def rebuilt(self) -> None:
        self.version = str(time.time_ns())
        self.problems = ""

    def failed(self, problems: str) -> None:
        self.problems = problems  # the site served is the same: no new version, no reload


def script_tag(version: str) -> bytes:
    return f'<script src="{SCRIPT_URL}" data-version="{int(version)}" defer></script>'.encode()


def overlay_tag() -> bytes:
    return f'<meta name="search-overlay" content="{SEARCH_OVERLAY_URL}">'.encode()


def handler_for(builds: Builds, search_overlay: Path | None = None) -> type[SiteHandler]:
    """The devserver's handler; `search_overlay`: the folder served at SEARCH_OVERLAY_URL, named to the
    pages it sends (a `<meta name="search-overlay">`) while it holds an overlay (`overlay.json`)."""

    class LiveReloadHandler(SiteHandler):
        def translate_path(self, path: str) -> str:
            if search_overlay is None or not path.startswith(SEARCH_OVERLAY_URL):
                return super().translate_path(path)
            site, self.directory = self.directory, str(search_overlay)
            try:  # the standard mapping (no `..`), from the overlay's folder
                return super().translate_path("/" + path.removeprefix(SEARCH_OVERLAY_URL))
            finally:
                self.directory = site

        def do_GET(self) -> None:
            path = self.path.split("?", 1)[0]
            if path == SCRIPT_URL:
                self._send(SCRIPT, "text/javascript; charset=utf-8")
            elif path == VERSION_URL:
                self._send(builds.version.encode(), "text/plain; charset=utf-8")
            elif path == PROBLEMS_URL:
                self._send(builds.problems.encode(), "text/plain; charset=utf-8")
            else:
                super().do_GET()

        def html(self, page: bytes) -> bytes:
            """The page with the script, and the version it is of: a rebuild after it was sent reloads it."""
            head = page.find(b"</head>")
            if head < 0:
                return page
            tags = script_tag(builds.version)
            if search_overlay is not None and (search_overlay / "overlay.json").is_file():
                tags += b"\n" + overlay_tag()
            return page[:head] + tags + b"\n" + page[head:]

        def _send(self, body: bytes, content_type: str) -> None:
            self.send_response(HTTPStatus.OK)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(body)))
            self.send_header("Cache-Control", "no-store")
            self.end_headers()
            self.wfile.write(body)

    return LiveReloadHandler
