"""Serve the built site on http://127.0.0.1:PORT, as a static host would."""

from __future__ import annotations

import argparse
import contextlib
import errno
import functools
import sys
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import ClassVar

from .make_inputs import given, port

ROOT = Path(__file__).resolve().parent.parent


class SiteHandler(SimpleHTTPRequestHandler):
    extensions_map: ClassVar[dict[str, str]] = {
        **SimpleHTTPRequestHandler.extensions_map,
        ".wasm": "application/wasm",
        ".pf_meta": "application/octet-stream",
        ".pf_fragment": "application/octet-stream",
        ".pf_index": "application/octet-stream",
        ".pf_filter": "application/octet-stream",
    }

    def log_message(self, format: str, *args) -> None:  # noqa: A002 (stdlib signature)
        if self.server.verbose:
            super().log_message(format, *args)


def make_server(directory: Path, port: int, host: str = "127.0.0.1", verbose: bool = True) -> ThreadingHTTPServer:
    """A server of `directory` on host:port; SystemExit with one line (what to do) when the port cannot be had."""
    handler = functools.partial(SiteHandler, directory=str(directory))
    try:
        server = ThreadingHTTPServer((host, port), handler)
    except OSError as exc:
        busy = exc.errno == errno.EADDRINUSE
        raise SystemExit(
            f"cannot serve on http://{host}:{port}/: {exc.strerror or exc}; "
            + (f"another program is using port {port}: stop it, or " if busy else "")
            + "choose another port, e.g. make serve PORT=8101"
        ) from None
    server.verbose = verbose
    return server


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--port", type=port, default=given("PORT") or "8000", help="PORT=... for make")
    parser.add_argument("--directory", type=Path, default=ROOT / "output")
    args = parser.parse_args(argv)
    server = make_server(args.directory, args.port)
    print(f"Serving {args.directory} on http://127.0.0.1:{args.port}/ (Ctrl-C to stop)")
    with contextlib.suppress(KeyboardInterrupt):
        server.serve_forever()
    return 0


if __name__ == "__main__":
    sys.exit(main())
