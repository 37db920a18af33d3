"""Live reload for the devserver: the open page reloads itself after each rebuild.

Only the devserver's responses carry it: every HTML page it sends gets one
`<script src="/.devserver/live-reload.js" data-version="...">` (a file of the
site's own origin, so the strict CSP allows it; the version of the site the
page is from), which asks `/.devserver/version` once a second and reloads the
page when the version is another. Nothing is written into
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
SCRIPT = (Path(__file__).with_name("live_reload.js")).read_bytes()


class Builds:
    """The version of the site being served: a new one after every rebuild (and every restart)."""

    def __init__(self) -> None:
        self.version = str(time.time_ns())

    def rebuilt(self) -> None:
        self.version = str(time.time_ns())


def script_tag(version: str) -> bytes:
    return f'<script src="{SCRIPT_URL}" data-version="{int(version)}" defer></script>'.encode()


def handler_for(builds: Builds) -> type[SiteHandler]:
    class LiveReloadHandler(SiteHandler):
        def do_GET(self) -> None:
            path = self.path.split("?", 1)[0]
            if path == SCRIPT_URL:
                self._send(SCRIPT, "text/javascript; charset=utf-8")
            elif path == VERSION_URL:
                self._send(builds.version.encode(), "text/plain; charset=utf-8")
            else:
                super().do_GET()

        def html(self, page: bytes) -> bytes:
            """The page with the script, and the version it is of: a rebuild after it was sent reloads it."""
            head = page.find(b"</head>")
            return page[:head] + script_tag(builds.version) + b"\n" + page[head:] if head >= 0 else page

        def _send(self, body: bytes, content_type: str) -> None:
            self.send_response(HTTPStatus.OK)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(body)))
            self.send_header("Cache-Control", "no-store")
            self.end_headers()
            self.wfile.write(body)

    return LiveReloadHandler
