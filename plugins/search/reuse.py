"""A language's index taken from the site's last build when nothing Pagefind reads for it has changed.

Pagefind cannot update a written index (Pagefind/pagefind#71), but it keeps
each language in files of its own (`<lang>_<hash>` index chunks, fragments,
filters and metadata, and `wasm.<lang>.pagefind`); only `pagefind-entry.json`
and its scripts are shared. A build that runs Pagefind once per language (see
`indexing.index_runs`) can therefore take a language's files from the last
build's bundle, instead of indexing it again, when every page that run would
read is there at the same place with the same bytes, no page that holds
search records changed, and no page that stands in for it (`stand_ins`: an
English-only article in the Polish index) changed. After an edit of one article, that is every language
but the article's.

The last build must be of the same site, settings and Pagefind version (the
build that names it, `tools.edits`, checks that); its files are hard-linked,
never written: every later write of the bundle replaces a file, never writes
into one (`canonical.py` removes each file before writing its new version).
"""

from __future__ import annotations

import os
import re
import shutil
import stat
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from . import pagefind_compat
from .records import RECORD_ATTRIBUTE
from .stand_ins import STAND_IN_ATTRIBUTE, stand_in_languages

LANGUAGE_FOLDERS = ("index", "fragment", "filter")  # of the bundle, with files named `<lang>_<hash>.<suffix>`


def html_files(root: Path, skip: str) -> dict[str, os.stat_result]:
    """Every `.html` file under `root` but in its folder `skip` (no links followed), by its path relative to it."""
    found: dict[str, os.stat_result] = {}
    folders = [""]
    while folders:
        folder = folders.pop()
        try:
            entries = list(os.scandir(root / folder))
        except OSError:
            continue
        for entry in entries:
            relative = f"{folder}/{entry.name}" if folder else entry.name
            if entry.is_dir(follow_symlinks=False):
                if relative != skip:
                    folders.append(relative)
            elif entry.name.endswith(".html") and entry.is_file(follow_symlinks=False):
                found[relative] = entry.stat(follow_symlinks=False)
    return found


def _same_file(first: Path, first_stat: os.stat_result, second: Path, second_stat: os.stat_result) -> bool:
    if (first_stat.st_dev, first_stat.st_ino) == (second_stat.st_dev, second_stat.st_ino):
        return True  # the same file: taken (hard-linked) from the last build
    return first_stat.st_size == second_stat.st_size and first.read_bytes() == second.read_bytes()


@dataclass(frozen=True)
class Changes:
    """What differs between two outputs, for the index."""

    pages: set[str]  # the `.html` files added, removed or changed
    records: bool  # one of them holds search records in either output (those may belong to any language)
    stand_ins: set[str]  # the languages of the stand-ins they hold in either output (`stand_ins`)


def changed_pages(output: Path, previous: Path, bundle_dir: str) -> Changes:
    """The `.html` files that differ between the two outputs, and what they hold for other languages' indexes."""
    now, before = html_files(output, bundle_dir), html_files(previous, bundle_dir)
    changed = set(now.keys() ^ before.keys())
    for name in now.keys() & before.keys():
        if not _same_file(output / name, now[name], previous / name, before[name]):
            changed.add(name)
    records, stand_ins = False, set()
    for page in (root / name for name in changed for root in (output, previous)):
        if page.is_file():
            data = page.read_bytes()
            records = records or RECORD_ATTRIBUTE.encode() in data
            if STAND_IN_ATTRIBUTE.encode() in data:
                stand_ins.update(stand_in_languages(data, str(page)))
    return Changes(changed, records, stand_ins)


def within(name: str, folders: tuple[str, ...]) -> bool:
    """Whether the page `name` lies under one of `folders` ("" is the whole output)."""
    parents = {str(parent) for parent in PurePosixPath(name).parents}
    return any(folder == "" or folder in parents for folder in folders)


# The names the entry gives a language's files (`pagefind.<hash>.pf_meta`, `wasm.<wasm>.pagefind`): one name each.
_FILE_NAME_PART = re.compile(r"[0-9A-Za-z_-]{1,64}")


def can_take(lang: str, previous_bundle: Path) -> bool:
    """Whether the last build's bundle holds an index of `lang` written by this Pagefind, whose entry names its
    files by plain names (never a path: the files are linked from there into this build's bundle)."""
    try:
        entry = pagefind_compat.read_entry(previous_bundle)
        language = (entry.get("languages") or {}).get(lang)
    except (pagefind_compat.PagefindFailed, OSError, ValueError, AttributeError):
        return False
    return (
        entry.get("version") in pagefind_compat.TESTED_VERSIONS
        and isinstance(language, dict)
        and all(
            isinstance(language.get(key), str) and _FILE_NAME_PART.fullmatch(language[key]) for key in ("hash", "wasm")
        )
    )


def take_language(lang: str, previous_bundle: Path, bundle: Path) -> dict:
    """Link `lang`'s files of the last build's bundle into `bundle`; its entry, as a run of Pagefind returns it."""
    entry = pagefind_compat.read_entry(previous_bundle)
    language = entry["languages"][lang]
    own = re.compile(rf"{re.escape(lang)}_[0-9a-f]+\.pf_[a-z]+")  # `pt_…`, not `pt_br_…`
    for folder in LANGUAGE_FOLDERS:
        (bundle / folder).mkdir(parents=True, exist_ok=True)
        with os.scandir(previous_bundle / folder) as entries:
            for item in entries:
                if own.fullmatch(item.name) and item.is_file(follow_symlinks=False):
                    _link(Path(item.path), bundle / folder / item.name)
    _link(previous_bundle / f"pagefind.{language['hash']}.pf_meta", bundle / f"pagefind.{language['hash']}.pf_meta")
    wasm = f"wasm.{language['wasm']}.pagefind"
    if (previous_bundle / wasm).is_file() and not (bundle / wasm).exists():
        shutil.copyfile(previous_bundle / wasm, bundle / wasm)  # a run of another language may write it too
    return {**entry, "languages": {lang: language}}


def take_shared_files(previous_bundle: Path, bundle: Path) -> None:
    """Pagefind's scripts, styles and other shared files, copied from the last build's bundle: for a bundle
    that no run of Pagefind wrote to (each run writes them)."""
    entry = pagefind_compat.read_entry(previous_bundle)
    languages = {f"wasm.{language['wasm']}.pagefind" for language in entry["languages"].values()}
    with os.scandir(previous_bundle) as entries:
        for item in entries:
            meta = item.name.startswith("pagefind.") and item.name.endswith(".pf_meta")
            own = meta or item.name in languages or item.name == pagefind_compat.ENTRY_FILE
            if not own and item.is_file(follow_symlinks=False) and not (bundle / item.name).exists():
                shutil.copyfile(item.path, bundle / item.name)


def _link(source: Path, target: Path) -> None:
    if not stat.S_ISREG(os.lstat(source).st_mode):
        raise pagefind_compat.PagefindFailed(f"{source}: not a regular file; the last build's index cannot be taken")
    try:
        os.link(source, target, follow_symlinks=False)
    except OSError:  # another file system, or no hard links: a copy
        shutil.copyfile(source, target, follow_symlinks=False)
