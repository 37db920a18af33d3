"""Serve the built site on http://127.0.0.1:PORT, as a static host would.

Files as they are, `index.html` for a folder, and for anything else a 404
with the site's own `404.html` (no folder listings). `make serve PORT=...`
builds with that port in every absolute URL (`ARCHIVE_PORT`, read by
pelican.conf.py) and serves on it.
"""

from __future__ import annotations

import argparse
import contextlib
import functools
import io
import os
import re
import sys
from http import HTTPStatus
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import ClassVar

ROOT = Path(__file__).resolve().parent.parent
NOT_FOUND_PAGE = "404.html"
PORT_VARIABLE = "ARCHIVE_PORT"  # set from `make ... PORT=`
DEFAULT_PORT = 8000


class SiteHandler(SimpleHTTPRequestHandler):
    extensions_map: ClassVar[dict[str, str]] = {
        **SimpleHTTPRequestHandler.extensions_map,
        ".wasm": "application/wasm",
        ".pf_meta": "application/octet-stream",
        ".pf_fragment": "application/octet-stream",
        ".pf_index": "application/octet-stream",
        ".pf_filter": "application/octet-stream",
    }

    def list_directory(self, path):
        """A static host lists no folder: a folder without index.html is not found."""
        self.send_error(HTTPStatus.NOT_FOUND)
        return None

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        page = Path(self.directory) / NOT_FOUND_PAGE
        if code != HTTPStatus.NOT_FOUND or not page.is_file():
            super().send_error(code, message, explain)
            return
        body = self.html(page.read_bytes())
        self.send_response(code, message)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Connection", "close")
        self.end_headers()
        self.close_connection = True
        if self.command != "HEAD":
            self.wfile.write(body)

    def send_head(self):
        """As the standard handler, but an HTML page passes through `html()` first (see tools/live_reload.py)."""
        path = Path(self.translate_path(self.path))
        if path.is_dir() and self.path.split("?", 1)[0].endswith("/"):
            path = path / "index.html"
        if path.suffix != ".html" or not path.is_file() or type(self).html is SiteHandler.html:
            return super().send_head()
        body = self.html(path.read_bytes())
        self.send_response(HTTPStatus.OK)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        return io.BytesIO(body)

    def html(self, page: bytes) -> bytes:
        """An HTML page as it is sent; the devserver's handler adds its live-reload script."""
        return page

    def log_message(self, format: str, *args) -> None:  # noqa: A002 (stdlib signature)
        if self.server.verbose:
            super().log_message(format, *args)


def make_server(
    directory: Path, port: int, host: str = "127.0.0.1", verbose: bool = True, handler: type = SiteHandler
) -> ThreadingHTTPServer:
    server = ThreadingHTTPServer((host, port), functools.partial(handler, directory=str(directory)))
    server.daemon_threads = True
    server.verbose = verbose
    return server


def port_number(value: str) -> int:
    """A TCP port, 1-65535, from `--port` or `make ... PORT=`; anything else is refused."""
    if not re.fullmatch(r"[0-9]{1,5}", value) or not 0 < int(value) < 65536:
        raise argparse.ArgumentTypeError(f"PORT={value!r} is not a port number (1-65535)")
    return int(value)


def default_port() -> int:
    try:
        return port_number(os.environ.get(PORT_VARIABLE, str(DEFAULT_PORT)))
    except argparse.ArgumentTypeError as exc:
        raise SystemExit(str(exc)) from None


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--port", type=port_number, default=None, help=f"default: ${PORT_VARIABLE}, else 8000")
    parser.add_argument("--directory", type=Path, default=ROOT / "output")
    args = parser.parse_args(argv)
    port = args.port or default_port()
    server = make_server(args.directory, port)
    print(f"Serving {args.directory} on http://127.0.0.1:{port}/ (Ctrl-C to stop)")
    with contextlib.suppress(KeyboardInterrupt):
        server.serve_forever()
    return 0


if __name__ == "__main__":
    sys.exit(main())
