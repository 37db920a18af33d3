"""Build the site atomically: `output/` is replaced only by a complete, error-free build.

Pelican writes into a fresh temporary folder next to `output/`. Any content
problem, any error Pelican logs, or any exception leaves the previous
`output/` exactly as it was.
"""

from __future__ import annotations

import argparse
import logging
import shutil
import sys
import tempfile
import time
import traceback
from pathlib import Path

from jinja2 import TemplateSyntaxError
from pelican import Pelican
from pelican.log import init as init_logging
from pelican.settings import read_settings

ROOT = Path(__file__).resolve().parent.parent


class ErrorCounter(logging.Handler):
    """Counts errors logged during the build: Pelican logs and goes on; we do not."""

    def __init__(self) -> None:
        super().__init__(level=logging.ERROR)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


class BuildError(Exception):
    pass


def build(settings_file: Path, output: Path, overrides: dict | None = None) -> Path:
    """Build into a temporary folder, then swap it in as `output`. Returns `output`."""
    output = output.resolve()
    output.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{output.name}.building-", dir=output.parent))
    counter = ErrorCounter()
    logging.getLogger().addHandler(counter)
    try:
        settings = read_settings(str(settings_file), override={**(overrides or {}), "OUTPUT_PATH": str(staging)})
        Pelican(settings).run()
        if counter.records:
            details = "".join(f"\n  {record.getMessage()}" for record in counter.records)
            raise BuildError(f"{len(counter.records)} error(s) logged during the build:{details}")
        _swap_in(staging, output)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    finally:
        logging.getLogger().removeHandler(counter)
    return output


def _swap_in(staging: Path, output: Path) -> None:
    staging.chmod(0o755)
    if not output.exists():
        staging.rename(output)
        return
    retired = output.with_name(f".{output.name}.old-{time.time_ns()}")
    output.rename(retired)
    staging.rename(output)
    shutil.rmtree(retired, ignore_errors=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("-s", "--settings", type=Path, default=ROOT / "pelican.conf.py")
    parser.add_argument("-o", "--output", type=Path, default=ROOT / "output")
    parser.add_argument("-q", "--quiet", action="store_true")
    args = parser.parse_args(argv)
    init_logging(level=logging.WARNING if args.quiet else logging.INFO)
    started = time.perf_counter()
    try:
        build(args.settings, args.output)
    except BuildError as exc:
        print(f"build failed: {exc}; {args.output} was left unchanged", file=sys.stderr)
        return 1
    except SystemExit as exc:  # archive_core.errors.BuildFailed: problems already listed
        if exc.code:
            print(f"{exc}\nbuild failed; {args.output} was left unchanged", file=sys.stderr)
        return int(exc.code or 0) if isinstance(exc.code, int) else 1
    except TemplateSyntaxError as exc:
        print(f"{exc.filename}:{exc.lineno}: template: {exc.message}", file=sys.stderr)
        print(f"build failed; {args.output} was left unchanged", file=sys.stderr)
        return 1
    except Exception:  # a bug in a plugin or a template: its traceback is what a developer needs
        traceback.print_exc()
        print(f"build failed; {args.output} was left unchanged", file=sys.stderr)
        return 1
    print(f"built {args.output} in {time.perf_counter() - started:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
