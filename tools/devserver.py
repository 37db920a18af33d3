"""Serve the site and update it whenever content, theme, plugins or settings change.

An edit of existing articles updates only the pages they are on, in this
process (tools/incremental.py): at 5,000 article pairs, in well under a
second. Any other change to content or the theme runs a full build in this
process. A change to plugins, tools or settings restarts the devserver, so
new code takes effect at once. A failed build prints its errors and keeps
serving the last good site. The search index follows edits too: a full build
writes it whole, and after an update the pages written again are indexed
into an overlay that the devserver's search page merges
(plugins/search/overlay.py). After each rebuild the open page reloads itself
(tools/live_reload.py). The port (`--port`, or `make devserver PORT=...`)
is in every absolute URL of the site it builds.
"""

from __future__ import annotations

import logging
import os
import shutil
import sys
import threading
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from pelican import signals
from pelican.log import init as init_logging
from watchfiles import Change, watch

from .build import TOOL_FAILURES, BuildError
from .incremental import Site, UpdateFailed
from .live_reload import Builds, handler_for
from .make_inputs import MakeArguments, given, port
from .serve import make_server

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "plugins"))
from archive_core.errors import BuildFailed, disk_hint  # noqa: E402
from search.indexing import BUNDLE_DIR  # noqa: E402
from search.overlay import SearchOverlay  # noqa: E402
from search.pagefind_compat import PagefindFailed  # noqa: E402
from search.settings import search_settings  # noqa: E402

CONTENT = Path(os.environ.get("ARCHIVE_CONTENT", ROOT / "content"))
CODE = ("plugins", "tools", "pelican.conf.py", "requirements.txt")
SEARCH_OVERLAY = ROOT / ".cache" / "devserver" / "search"  # outside output/: no build ever contains it


@dataclass
class Served:
    """What the devserver serves: the site kept between builds, its version, and its search overlay."""

    site: Site
    builds: Builds
    search: SearchOverlay | None = None


def search_overlay(site: Site, folder: Path = SEARCH_OVERLAY) -> SearchOverlay | None:
    """An empty overlay over the search index the last full build wrote; None when it wrote none."""
    shutil.rmtree(folder, ignore_errors=True)
    if not site.generators or not (site.output / BUNDLE_DIR).is_dir():
        return None
    search = search_settings(site.generators[0].settings)
    overlay = SearchOverlay(site.output, folder, search.exclude_selectors, search.folding, search.index_timeout)
    overlay.reset()
    return overlay


def full_build(served: Served) -> None:
    site, builds = served.site, served.builds
    started = time.perf_counter()
    try:
        site.full()
        served.search = search_overlay(site)
        builds.rebuilt()
        print(f"built in {time.perf_counter() - started:.1f} s")
    except SystemExit as exc:  # BuildFailed: the problems
        not_built(served, f"{exc}\nbuild failed: still serving the last good site")
    except Exception as exc:
        not_built(served, f"build failed{failure(exc, site)}; still serving the last good site")


def not_built(served: Served, told: str) -> None:
    """Say in the terminal why a change was not built, and on the open page (tools/live_reload.py)."""
    print(told, file=sys.stderr)
    served.builds.failed(told)


def failure(exc: Exception, site: Site) -> str:
    """What went wrong in a build or an update, as told after `build failed` or `update failed`: the errors logged
    (BuildError) or the tool's, the file a full or read-only disk refused with what to do, or a bug's traceback."""
    if isinstance(exc, (BuildError, *TOOL_FAILURES)):
        return f": {exc}"
    if isinstance(exc, OSError):  # a full or read-only disk
        return f": {exc.strerror or exc} ({exc.filename}) ({disk_hint(exc, site.output)})"
    traceback.print_exc()  # a bug in a plugin or a template: its traceback is what a developer needs
    return " (the traceback above)"


def settled(changes: set[tuple[Change, str]]) -> set[tuple[Change, str]]:
    """What a batch of changes leaves: none of a file written and gone again within it (`sed -i`'s sedXXXXXX, a
    tool's copy renamed over the file it edits), which no build reads; a file deleted and nothing else is kept."""
    transient = {path for change, path in changes if change != Change.deleted and not os.path.lexists(path)}
    return {(change, path) for change, path in changes if path not in transient}


def on_change(served: Served, changes: set[tuple[Change, str]]) -> None:
    site = served.site
    changes = settled(changes)
    if not changes:
        return
    paths = sorted({Path(path) for _, path in changes})
    # Edits of the build's articles (wherever ARTICLE_PATHS puts them) are applied in place; anything else,
    # an about page included, is a full build. A known article "added" is one replaced by a copy renamed over it.
    edits = [path for change, path in changes if change != Change.deleted]
    if edits and len(edits) == len(changes) and site.knows(edits):
        started = time.perf_counter()
        written: list[str] = []
        on_written = lambda path, context=None: written.append(path)  # noqa: E731
        signals.content_written.connect(on_written)
        try:
            wait_for_search(served.search)  # it compares what the update writes with what the full build wrote
            updated = site.update(Path(p) for p in edits)
        except BuildFailed as exc:  # the problems `make check` would report
            not_built(served, f"{exc}\nnot updated: still serving the last good site")
            return
        except Exception as exc:  # what a full build stops on, told as it tells it; the devserver keeps serving
            # The pages an update wrote before it failed are put back as they were (`incremental.Rewritten`).
            left = isinstance(exc, UpdateFailed) and exc.written
            kept = "the pages named are served as written" if left else "still serving the last good site"
            not_built(served, f"update failed{failure(exc, site)}; {kept} until a build succeeds")
            return
        finally:
            signals.content_written.disconnect(on_written)
        if updated:
            print(f"updated {len(edits)} article(s) in {time.perf_counter() - started:.2f} s")
            update_search(served.search, written)
            served.builds.rebuilt()
            return
    print(f"changed: {', '.join(_display(p) for p in paths)}; full rebuild")
    full_build(served)


def wait_for_search(overlay: SearchOverlay | None) -> None:
    if overlay is None:
        return
    try:
        overlay.wait_until_ready()
    except Exception as exc:  # a site index it cannot read: the update goes on, search stays as built
        print(f"search index cannot follow edits: {exc}", file=sys.stderr)


def update_search(overlay: SearchOverlay | None, written: list[str]) -> None:
    """Index the pages just written again into the search overlay (the pages are served either way)."""
    if overlay is None:
        return
    started = time.perf_counter()
    try:
        indexed = overlay.update(Path(path) for path in written)
    except (PagefindFailed, OSError) as exc:
        print(f"search index not updated: {exc}", file=sys.stderr)
        return
    except Exception:  # the pages are served: say why search lags behind them, and keep serving
        traceback.print_exc()
        print("search index not updated: it stays as of the last full build", file=sys.stderr)
        return
    if indexed:
        print(f"search index: {indexed} page(s) indexed again in {time.perf_counter() - started:.2f} s")


def modified_since(roots: list[Path], since: float) -> set[tuple[Change, str]]:
    """Watched files changed after `since` (compiled-code caches aside)."""
    found = set()
    for root in roots:
        paths = [root] if root.is_file() else (p for p in root.rglob("*") if "__pycache__" not in p.parts)
        for path in paths:
            if path.is_file() and path.stat().st_mtime > since:
                found.add((Change.modified, str(path)))
    return found


WATCHING_MS = 200  # how soon after it starts the watcher says it runs (an empty set of changes)


def follow(watched: list[Path], since: float, handle: Callable[[set[tuple[Change, str]]], None], watcher=watch) -> None:
    """Handle every change to `watched`, those made since `since` (during the first build) included.

    Those are looked for once the watcher runs (its first yield, at once or after WATCHING_MS): looked
    for before, an edit made between that look and the watcher's start would be missed for good.
    """
    running = False
    for changes in watcher(*watched, yield_on_timeout=True, rust_timeout=WATCHING_MS):
        if not running:
            running = True
            while missed := modified_since(watched, since):
                since = time.time()
                handle(missed)
        if changes:
            handle(changes)


def _display(path: Path) -> str:
    return str(path.relative_to(ROOT)) if path.is_relative_to(ROOT) else str(path)


def main(argv: list[str] | None = None) -> int:
    parser = MakeArguments("devserver", description=__doc__)
    parser.add_argument("--port", type=port, default=given("PORT") or "8000", help="PORT=... for make")
    args = parser.parse_args(argv)
    os.environ["ARCHIVE_PORT"] = str(args.port)  # pelican.conf.py puts it into the site's absolute URLs
    init_logging(level=logging.WARNING)
    served = Served(Site(ROOT / "pelican.conf.py", ROOT / "output"), Builds())
    since = time.time()
    full_build(served)
    handler = handler_for(served.builds, search_overlay=SEARCH_OVERLAY)
    server = make_server(ROOT / "output", args.port, verbose=False, handler=handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    watched = [CONTENT, ROOT / "theme", *(ROOT / name for name in CODE)]
    print(f"Serving on http://127.0.0.1:{args.port}/ - watching {', '.join(map(_display, watched))} (Ctrl-C to stop)")

    def handle(changes: set[tuple[Change, str]]) -> None:
        if any(Path(path).is_relative_to(ROOT / name) for _, path in changes for name in CODE):
            print("code or settings changed: restarting")
            server.shutdown()
            server.server_close()
            os.execv(sys.executable, [sys.executable, "-m", "tools.devserver", "--port", str(args.port)])  # noqa: S606
        on_change(served, changes)

    try:
        follow(watched, since, handle)
    except KeyboardInterrupt:
        pass
    finally:
        server.shutdown()
    return 0


if __name__ == "__main__":
    sys.exit(main())
