"""Serve the built site on http://127.0.0.1:PORT, as a static host would.

Files as they are, `index.html` for a folder, and for anything else a 404
with the site's own `404.html` (no folder listings), or under a language's
folder with that language's (`/en/...`: `en/404.html`, English first). `make serve PORT=...`
builds with that port in every absolute URL (`ARCHIVE_PORT`, read by
pelican.conf.py) and serves on it.
"""

from __future__ import annotations

import argparse
import contextlib
import errno
import functools
import io
import re
import sys
from http import HTTPStatus
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import ClassVar
from urllib.parse import unquote, urlsplit

from .make_inputs import MakeArguments, given, port
from .output_folder import scratch_path

ROOT = Path(__file__).resolve().parent.parent
NOT_FOUND_PAGE = "404.html"
# A language's folder (`en`), which may hold its own 404 page.
_LANGUAGE_FOLDER = re.compile(r"[a-z]{2,3}")


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

    def not_found_page(self) -> Path:
        """The site's 404 page for the address asked for: its language's (`en/404.html`, English first) under a
        language's folder that has one (`/en/...`), else `404.html` (in the default language first)."""
        site = Path(self.directory)
        first = unquote(urlsplit(getattr(self, "path", "/")).path).lstrip("/").split("/", 1)[0]
        if _LANGUAGE_FOLDER.fullmatch(first) and (site / first / NOT_FOUND_PAGE).is_file():
            return site / first / NOT_FOUND_PAGE
        return site / NOT_FOUND_PAGE

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        page = self.not_found_page()
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
        translated = self.translate_path(self.path)
        if "\0" in translated:  # `%00`: no file has it in its name, and `open` raises ValueError on it
            self.send_error(HTTPStatus.NOT_FOUND)
            return None
        path = Path(translated)
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
    """A server of `directory` on host:port; SystemExit with one line (what to do) when the port cannot be had."""
    try:
        server = ThreadingHTTPServer((host, port), functools.partial(handler, directory=str(directory)))
    except OSError as exc:
        busy = exc.errno == errno.EADDRINUSE
        raise SystemExit(
            f"cannot serve on http://{host}:{port}/: {exc.strerror or exc}; "
            + (f"another program is using port {port}: stop it, or " if busy else "")
            + "choose another port, e.g. make serve PORT=8101"
        ) from None
    server.daemon_threads = True
    server.verbose = verbose
    return server


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    """The port, and the folder `make html` built (its ARCHIVE_OUTPUT, as tools.build reads it)."""
    parser = MakeArguments("serve", description=__doc__)
    parser.add_argument("--port", type=port, default=given("PORT") or "8000", help="PORT=... for make")
    parser.add_argument("--directory", type=Path, default=scratch_path("ARCHIVE_OUTPUT") or ROOT / "output")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    server = make_server(args.directory, args.port)
    print(f"Serving {args.directory} on http://127.0.0.1:{args.port}/ (Ctrl-C to stop)")
    with contextlib.suppress(KeyboardInterrupt):
        server.serve_forever()
    return 0


if __name__ == "__main__":
    sys.exit(main())
