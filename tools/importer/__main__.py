"""python -m tools.importer SRC [options]: import one raw source article (see `make import`)."""

from __future__ import annotations

import argparse
import os
import sys
import unicodedata
from datetime import date
from pathlib import Path

from archive_core.articles import read_article
from archive_core.errors import ContentError, content_error, in_folder, told
from archive_core.layout import RAW_NAME_RULE, raw_name_for
from archive_core.locales import LANGUAGES
from archive_core.publishers import PUBLISHERS_FILE, host_of, known_publisher, load_publishers
from archive_core.schema import LANGUAGE_CODE, RAW_PATTERN, RAW_SOURCES_DIR
from archive_core.sources import RAW_README
from archive_core.sources_table import table_row
from archive_core.suggestions import meant_value
from archive_core.when import given_date
from tools.make_inputs import MakeArguments, flag, given

from . import ROOT
from .importer import convert, write
from .model import ImportOptions


def _date(value: str) -> date:
    try:
        return given_date(value)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    """The options, each defaulting to the value `make import NAME=...` passes (see tools.make_inputs)."""
    parser = MakeArguments("import", description=__doc__)
    parser.add_argument(
        "src", type=Path, nargs="?", default=given("SRC"), help="the raw article: a text file or a saved HTML page"
    )
    parser.add_argument(
        "--dest",
        type=Path,
        default=given("DEST") or os.environ.get("ARCHIVE_CONTENT") or ROOT / "content",
        help="content folder (default: content/, or ARCHIVE_CONTENT)",
    )
    parser.add_argument(
        "--date", type=_date, default=given("DATE"), help="publication date, YYYY-MM-DD (else from the page's metadata)"
    )
    parser.add_argument(
        "--title",
        default=given("TITLE"),
        help="title (else the source's title line; else derived and marked for review)",
    )
    parser.add_argument(
        "--lang", default=given("LANG"), help=f"the article's language, {' or '.join(LANGUAGES)} (else detected)"
    )
    parser.add_argument(
        "--source-url",
        default=given("SOURCE_URL"),
        help="address of the original (else its 'Source:' line or the page's)",
    )
    parser.add_argument(
        "--publisher", default=given("PUBLISHER"), help="publisher (else the agency credit line or the site's name)"
    )
    parser.add_argument("--key", default=given("KEY"), help="translation_key (else the title, transliterated)")
    parser.add_argument(
        "--slug", default=given("SLUG"), help="slug, the last part of the URL (else the title, transliterated)"
    )
    parser.add_argument("--note", default=given("NOTE"), help="editor_note: the archive editors' note")
    parser.add_argument(
        "--translated-from",
        default=given("TRANSLATED_FROM"),
        help="the language of the source this text was translated from, when it is neither pl nor en (ISO 639-1, "
        "e.g. de): written as the article's translation_chain",
    )
    parser.add_argument(
        "--translated-by", default=given("TRANSLATED_BY"), help="who or what translated it (with TRANSLATED_FROM)"
    )
    parser.add_argument(
        "--force", action="store_true", default=flag("FORCE"), help="replace an existing, different file"
    )
    args = parser.parse_args(argv)
    if args.src is None:
        parser.error("give the source file: make import SRC=path/to/article.txt")
    if args.lang is not None and args.lang not in LANGUAGES:
        meant = meant_value(args.lang, LANGUAGES)
        parser.error(
            f"LANG must be one of {', '.join(LANGUAGES)}, not {args.lang!r}" + (f": LANG={meant}" if meant else "")
        )
    if problem := chain_problem(args.translated_from, args.translated_by):
        parser.error(problem)
    return args


def chain_problem(translated_from: str | None, translated_by: str | None) -> str | None:
    """What is wrong with TRANSLATED_FROM and TRANSLATED_BY, given together or not at all."""
    if translated_from is None:
        return (
            "TRANSLATED_BY is given without TRANSLATED_FROM=<the language translated from>" if translated_by else None
        )
    if not LANGUAGE_CODE.fullmatch(translated_from):
        return (
            f"TRANSLATED_FROM must be a language's ISO 639-1 code, two small letters (de, vi), not {translated_from!r}"
        )
    if translated_from in LANGUAGES:
        return (
            f"TRANSLATED_FROM={translated_from} is the archive's own language: a translation from it is the article's "
            f"other version, made with `make new LANG=... KEY=...` (its `translation:`), not a translation_chain"
        )
    if not translated_by:
        return 'TRANSLATED_FROM needs TRANSLATED_BY="...": who or what translated it (say so when no one is named)'
    return None


# The first words of the line that says what an import did: `imported SRC -> PATH`, or, PATH already holding what
# this import would write, `unchanged, already imported: SRC -> PATH`.
IMPORTED = "imported"
UNCHANGED = "unchanged, already imported:"


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    # Typed text composed (NFC), as the page's text is (`decoding.normalize`): a macOS terminal passes `ż` as `z` and
    # U+0307, and TITLE was then another title than the page's own, the same to a reader.
    title, publisher, note, translated_by = (
        unicodedata.normalize("NFC", value) if value is not None else None
        for value in (args.title, args.publisher, args.note, args.translated_by)
    )
    options = ImportOptions(
        title=title,
        date=args.date,
        lang=args.lang,
        source_url=args.source_url,
        publisher=publisher,
        translation_key=args.key,
        slug=args.slug,
        editor_note=note,
        raw=raw_copy(args.src, args.dest),
        translated_from=args.translated_from,
        translated_by=translated_by,
    )
    try:
        check_destination(args.dest)
        imported = convert(args.src, options, args.dest)
        path, changed = write(imported, args.dest, force=args.force)
    except ContentError as exc:
        # Every problem, one a line, as `make check` tells them (the first of each file, then how many more); hints
        # naming `content/` name the folder imported into.
        print("\n".join(map(str, told(in_folder(exc.problems, args.dest)))), file=sys.stderr)
        print("nothing was written", file=sys.stderr)
        return 1
    for dropped in imported.source.dropped:
        print(f"{args.src}:{dropped.line}: dropped {dropped.why}: {dropped.text!r}", file=sys.stderr)
    if title and imported.source.title and title != imported.source.title:
        print(
            f"{args.src}: warning: title: the source's title {imported.source.title!r} was replaced by TITLE",
            file=sys.stderr,
        )
    source = read_article(path).meta.source
    if source.publisher is None and known_publisher(load_publishers(args.dest)[0], source.url) is None:
        print(
            f"{_shown(path)}: warning: source.publisher: the source names no publisher, and "
            f"{_shown(args.dest / PUBLISHERS_FILE)} knows no publisher for {host_of(source.url)}: add `publisher:` "
            "under `source:` (or import again with PUBLISHER=...); `make check` refuses the article until then",
            file=sys.stderr,
        )
    if options.raw is None and (kept := kept_copy(args.src, args.dest)):
        print(
            f"{args.src}: warning: source.raw: `raw:` takes a name of {RAW_NAME_RULE}: rename it "
            f"{raw_name_for(kept)} and import it from there, so that the article points to it",
            file=sys.stderr,
        )
    elif options.raw is None:
        print(
            f"{args.src}: warning: source.raw: not in {_shown(args.dest / RAW_SOURCES_DIR)}/; keep the raw copy there "
            "and import it from there, so that the article points to it",
            file=sys.stderr,
        )
    for warning in imported.warnings:
        print(f"{_shown(path)}: warning: {warning}", file=sys.stderr)
    if imported.review:
        why = "; ".join(imported.reasons)
        print(f"{_shown(path)}: warning: review: {why}: check, then delete the `review:` line", file=sys.stderr)
    # What it did, on a line of its own (as `make new` says `created ...`), the written file last; then what is left.
    if not changed:
        print(f"{UNCHANGED} {_shown(args.src)} -> {_shown(path)}")
    else:
        print(f"{IMPORTED} {_shown(args.src)} -> {_shown(path)}")
        _next_steps(path, args.dest, options.raw)
    return 0


def _next_steps(path: Path, dest: Path, raw: str | None) -> None:
    """What CONTRIBUTING.md ("Importing an article") leaves to the person who imports, once the file is written:
    in the content folder imported into (DEST, ARCHIVE_CONTENT), which may not be `content/`. The table's row is
    given whole, as `make check` asks for it: the file's name alone was written, and warned of."""
    readme = _shown(dest / RAW_SOURCES_DIR / RAW_README)
    table = ""
    if raw is not None:
        article = Path(os.path.relpath(path.resolve(), dest.resolve())).as_posix()  # written inside it
        row = table_row(raw.removeprefix(f"{RAW_SOURCES_DIR}/"), article)
        table = f"add the row {row} to the table of {readme}, "
    print(f"next: compare {_shown(path)} with the source, word for word; {table}then run `make check`")


def raw_copy(src: Path, dest: Path) -> str | None:
    """`sources/<file>` when the source is kept in the content folder's raw sources, as it should be."""
    raw = kept_copy(src, dest)
    return raw if raw and RAW_PATTERN.fullmatch(raw) else None


def kept_copy(src: Path, dest: Path) -> str | None:
    """`sources/<file>` when the source is in the content folder's raw sources, whatever its name."""
    folder = (dest / RAW_SOURCES_DIR).resolve()
    source = src.resolve()
    return f"{RAW_SOURCES_DIR}/{source.relative_to(folder).as_posix()}" if source.is_relative_to(folder) else None


def check_destination(dest: Path) -> None:
    """DEST must be the content folder (content/, or ARCHIVE_CONTENT, the content folder the tools are pointed
    at), links followed: an import never writes into output/, .git, .cache, the theme, the code, or anywhere
    else; nor into a folder of the content folder, where the article (`<DEST>/articles/<year>/...`) would never
    be built: imported into `content/sources`, it passed `make check` as a raw copy and was never published."""
    content = os.path.realpath(os.environ.get("ARCHIVE_CONTENT") or ROOT / "content")
    real = os.path.realpath(dest)
    if not (real == content or real.startswith(content + os.sep)):
        raise content_error(
            dest,
            None,
            "DEST",
            f"is not inside the content folder ({content})",
            f"import into {_shown(Path(content))}/ (the default: leave DEST= out)",
        )
    if real != content:
        raise content_error(
            dest,
            None,
            "DEST",
            f"is a folder of the content folder ({content}): the article would be written to "
            f"{os.path.relpath(real, content)}/articles/..., where the build never reads it",
            f"import into the content folder itself: leave DEST= out, or give DEST={_shown(Path(content))}",
        )


def _shown(path: Path) -> str:
    """Relative to the working directory when the file is below it, as `make check` shows paths."""
    relative = os.path.relpath(path)
    return str(path) if relative.startswith("..") else relative


if __name__ == "__main__":
    sys.exit(main())
