"""Serve the site and rebuild it whenever content, theme, plugins or settings change.

Pelican's own `--autoreload` does not watch `plugins/`, and cannot reload
plugin code in its running process; each rebuild here runs `tools.build` in a
fresh process, so a change to a plugin takes effect at once. A failed
rebuild prints its errors and keeps serving the last good site.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import threading
from pathlib import Path

from watchfiles import watch

from .serve import make_server

ROOT = Path(__file__).resolve().parent.parent
WATCHED = ("content", "theme", "plugins", "pelican.conf.py")


def rebuild() -> bool:
    result = subprocess.run([sys.executable, "-m", "tools.build", "-q"], cwd=ROOT)
    return result.returncode == 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--port", type=int, default=8000)
    args = parser.parse_args(argv)
    rebuild()
    server = make_server(ROOT / "output", args.port, verbose=False)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    print(f"Serving on http://127.0.0.1:{args.port}/ - watching {', '.join(WATCHED)} (Ctrl-C to stop)")
    try:
        for changes in watch(*(ROOT / path for path in WATCHED)):
            names = sorted({Path(path).relative_to(ROOT).as_posix() for _, path in changes})
            print(f"changed: {', '.join(names)}; rebuilding")
            print("rebuilt" if rebuild() else "rebuild failed: still serving the last good site")
    except KeyboardInterrupt:
        pass
    finally:
        server.shutdown()
    return 0


if __name__ == "__main__":
    sys.exit(main())
