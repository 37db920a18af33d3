"""Random edits, then the build after each: it writes what a cold build of the same content writes.

`make html` after an edit (tools/edits.py) and the devserver's in-place update (tools/incremental.py)
render only what an edit changes and take the rest from the last build; a cold build of the edited
content into an empty folder is the reference. The content is a small synthetic corpus
(tools/bench/corpus.py) plus the fixture archive (tests/fixtures/content: untranslated articles, summaries,
timeline events, data files); tests/corpus_edits.py makes the edits, a seeded random sequence of every kind
a contributor makes: body text (lead or not, appended blocks, links to other articles), title, slug,
summary added, changed or removed, date moved in its year or to another one (the file moves), countries
and topics added or removed, editor's note, publisher, corrections, annotations, translator, an article
added or deleted, a translation added or removed, two edits at once, the last edit reverted byte for
byte, and an invalid edit (the build fails and leaves the output as it was; the edit is then reverted).

Odd seeds build with pages of a few articles (`SMALL_PAGES`), even ones with the archive's settings.
The test runs seed `SEED`, an edit of every kind once, in an order (and on articles) the seed picks. To run
more seeds, each with N edits of kinds chosen at random, locally:

    EDIT_FUZZ_SEEDS=1-40 EDIT_FUZZ_STEPS=20 .venv/bin/python -m pytest tests/test_edit_build_differential.py

(`EDIT_FUZZ_SEEDS` takes a range `a-b` or a list `3,7,12`). A failure names the seed and every edit made.
"""

from __future__ import annotations

import difflib
import gzip
import os
import re
import shutil
from collections.abc import Callable, Iterable
from functools import partial
from pathlib import Path

import pytest

from archive_core.errors import BuildFailed
from tools.bench.corpus import write_corpus
from tools.incremental import Site

from .build_helpers import pages_snapshot, run_build, settings_file, tree_snapshot
from .conftest import FIXTURE, SETTINGS, build_site
from .corpus_edits import Editor

PAIRS = 10
SEED = 7
TAKEN = re.compile(r"\((\d+) files unchanged by the edit taken as they were\)")
# Pagefind's own assets (scripts, styles, WASM) are the same in every build, but Pagefind 1.5 can leave one
# cut short when its service ends under load (Pagefind issue #1271; tests/test_edit_build.py).
ASSETS = re.compile(r"pagefind/(?:[^/]+\.(?:js|css)|wasm\.[^/]+)$")
# Odd seeds build with pages of a few articles: every listing has pages 2 and on, and a country's people
# quote articles listed on its other pages; the timeline has pages of two events (its `anchors.json` maps an event
# to its page), the corrections log of two corrections, the topics index of three topics.
SMALL_PAGES = {
    "DEFAULT_PAGINATION": 3,
    "PAGINATED_TEMPLATES": {
        "index": None,
        "year": 3,
        "topic": 2,
        "country": 2,
        "timeline": 2,
        "about": 2,
        "topics": 3,
    },
}


def seeds() -> list[int]:
    given = os.environ.get("EDIT_FUZZ_SEEDS", "").strip()
    if not given:
        return [SEED]
    if re.fullmatch(r"\d+-\d+", given):
        first, last = map(int, given.split("-"))
        return list(range(first, last + 1))
    return [int(s) for s in given.split(",")]


def edits(editor: Editor) -> list[Callable[[], str]]:
    """`EDIT_FUZZ_STEPS` edits of kinds chosen at random; by default, every kind once."""
    steps = os.environ.get("EDIT_FUZZ_STEPS")
    return [editor.step] * int(steps) if steps else editor.tour()


@pytest.fixture
def content(tmp_path) -> Path:
    archive = write_corpus(PAIRS, tmp_path / "corpus") / "archive"
    shutil.copytree(FIXTURE, archive, dirs_exist_ok=True)
    return archive


def differences(one: dict[str, bytes | None], other: dict[str, bytes | None]) -> str:
    """What differs between two snapshots, with the first differing text file's diff; empty if nothing."""
    missing, extra = sorted(other.keys() - one.keys()), sorted(one.keys() - other.keys())
    changed = [
        name for name in sorted(one.keys() & other.keys()) if one[name] != other[name] and not ASSETS.match(name)
    ]
    if not (missing or extra or changed):
        return ""
    lines = [f"only in the cold build: {missing}", f"only after the edit: {extra}", f"different: {changed}"]
    for name in changed:
        ours, theirs = one[name] or b"", other[name] or b""
        if name.endswith(".gz") or name.startswith("pagefind/"):
            ours, theirs = _unpacked(ours), _unpacked(theirs)
        diff = difflib.unified_diff(_lines(theirs), _lines(ours), f"cold/{name}", f"edited/{name}", n=1, lineterm="")
        lines += list(diff)[:60]
        break
    return "\n".join(lines)


def _unpacked(data: bytes) -> bytes:
    try:
        return gzip.decompress(data)
    except (OSError, EOFError):
        return data


def _lines(data: bytes) -> list[str]:
    return re.sub(r">\s*<", ">\n<", data.decode("utf-8", "replace")).splitlines()


def _story(editor: Editor, name: str) -> str:
    return f"{name}; the edits: " + "".join(f"\n  {i}. {done}" for i, done in enumerate(editor.log, 1))


def make_html_after_each(
    editor: Editor, edits: Iterable[Callable[[], str]], name: str, tmp_path: Path, overrides: dict | None = None
) -> int:
    """Build after each edit as `make html` does, and cold into another folder; assert the two are the same.
    The number of builds that took files from the last build. `overrides`: settings, for both builds."""
    content, edited, cold = editor.content, tmp_path / "edited" / "output", tmp_path / "cold" / "output"
    lines = (f"{name} = {value!r}" for name, value in (overrides or {}).items())
    settings = settings_file(tmp_path, "\n".join(lines)) if overrides else SETTINGS
    # The builds after an edit keep a content cache, as `make html` does; the cold ones read every file anew.
    warm, cold_env = {"ARCHIVE_CACHE_DIR": str(tmp_path / "cache")}, {"ARCHIVE_CACHE_DIR": ""}
    assert run_build(content, edited, settings, env=warm).returncode == 0
    incremental = 0
    for number, edit in enumerate(edits, 1):
        edit()
        before = tree_snapshot(edited)
        # Each build with a hash seed of its own, as `make html` runs: no page may depend on one.
        after_edit = run_build(content, edited, settings, hash_seed=str(2 * number), env=warm)
        shutil.rmtree(cold.parent, ignore_errors=True)
        reference = run_build(content, cold, settings, hash_seed=str(2 * number + 1), env=cold_env)
        story = _story(editor, name)
        if reference.returncode != 0:
            assert after_edit.returncode != 0, f"{story}\nthe cold build failed, the build after the edit did not"
            assert tree_snapshot(edited) == before, f"{story}\na failed build changed the output"
            editor.log.append(editor.revert(editor.undo))
            editor.undo = {}
            continue
        assert after_edit.returncode == 0, f"{story}\n{after_edit.stderr}"
        taken = TAKEN.search(after_edit.stdout)
        incremental += bool(taken)
        how = f"{taken[1]} files taken" if taken else "up to date" if "up to date" in after_edit.stdout else "full"
        editor.log[-1] += f" [{how}]"
        found = differences(tree_snapshot(edited), tree_snapshot(cold))
        assert not found, f"{story}\n{found}"
    print(_story(editor, name))
    return incremental


def on_change(site: Site, touched: list[Path], overrides: dict) -> bool:
    """What tools/devserver.py does on a change: edits of known articles in place, anything else a full build;
    whether the edit was applied in place. A refused edit raises (BuildFailed, SystemExit) as there."""
    modified = [p for p in touched if p.exists()]
    if modified == touched and site.knows(touched) and site.update(touched) is not None:
        return True
    site.full({"SEARCH_INDEX": False, **overrides})
    return False


def devserver_after_each(
    editor: Editor, edits: Iterable[Callable[[], str]], name: str, tmp_path: Path, overrides: dict | None = None
) -> int:
    """Apply each edit as the devserver does, build cold into another folder, assert the pages are the same
    (the search index is the devserver's overlay, not compared). The number of edits applied in place."""
    overrides = {"ARCHIVE_CACHE_DIR": str(tmp_path / "cache"), **(overrides or {})}
    site = Site(SETTINGS, tmp_path / "served")
    site.full({"SEARCH_INDEX": False, **overrides})
    cold = tmp_path / "cold" / "output"
    in_place = 0
    for edit in edits:
        edit()
        story = _story(editor, name)
        shutil.rmtree(cold.parent, ignore_errors=True)
        try:
            build_site(cold, editor.content, **{**overrides, "ARCHIVE_CACHE_DIR": ""})
        except SystemExit:  # invalid content: the devserver refuses it and keeps serving the last good site
            before = pages_snapshot(site.output)
            with pytest.raises((BuildFailed, SystemExit)):
                on_change(site, sorted(editor.undo), overrides)
            assert pages_snapshot(site.output) == before, f"{story}\na refused edit changed the served site"
            editor.log.append(editor.revert(editor.undo))
            on_change(site, sorted(editor.undo), overrides)
            editor.undo = {}
            continue
        updated = on_change(site, sorted(editor.undo), overrides)
        in_place += updated
        editor.log[-1] += " [in place]" if updated else " [full]"
        found = differences(pages_snapshot(site.output), pages_snapshot(cold))
        assert not found, f"{story}\n{found}"
    print(_story(editor, name))
    return in_place


def _overrides(seed: int) -> dict:
    return SMALL_PAGES if seed % 2 else {}


def _seed_name(seed: int) -> str:
    return f"seed {seed}" + (" (small pages)" if seed % 2 else "")


@pytest.mark.parametrize("seed", seeds())
def test_make_html_after_random_edits_writes_what_a_cold_build_writes(seed, content, tmp_path):
    editor, name = Editor(content, seed), _seed_name(seed)
    taken = make_html_after_each(editor, edits(editor), name, tmp_path, _overrides(seed))
    assert taken, f"{_story(editor, name)}\nno build after an edit took a file from the last build"


@pytest.mark.parametrize("seed", seeds())
def test_the_devservers_update_after_random_edits_writes_what_a_cold_build_writes(seed, content, tmp_path, monkeypatch):
    monkeypatch.setenv("ARCHIVE_CONTENT", str(content))
    editor, name = Editor(content, seed), _seed_name(seed)
    in_place = devserver_after_each(editor, edits(editor), name, tmp_path, _overrides(seed))
    assert in_place, f"{_story(editor, name)}\nno edit was applied in place"


# Sequences of edits that once gave a page other than a cold build's, each named by what it showed.
SIGNING = "articles/2025/signing-in-hanoi.pl.md"  # tests/fixtures: it quotes two people, of VN and BY
REGRESSIONS: dict[str, list[tuple[str, Callable[[Editor], None]]]] = {
    "a title on the page of a country the article is not about, where it quotes someone from": [
        ("VN removed from its countries", lambda e: e.set_field(SIGNING, "countries", "[BY, EU, ZA]")),
        ("a new title, the URL kept", lambda e: e.set_field(SIGNING, "title", '"Konwencja podpisana: nowy tytuł"')),
    ],
}


@pytest.mark.parametrize("name", REGRESSIONS)
def test_make_html_after_the_edits_that_once_differed(name, content, tmp_path):
    editor = Editor(content, 0)
    edits = [partial(editor.scripted, done, edit) for done, edit in REGRESSIONS[name]]
    assert make_html_after_each(editor, edits, name, tmp_path)


@pytest.mark.parametrize("name", REGRESSIONS)
def test_the_devservers_update_after_the_edits_that_once_differed(name, content, tmp_path, monkeypatch):
    monkeypatch.setenv("ARCHIVE_CONTENT", str(content))
    editor = Editor(content, 0)
    edits = [partial(editor.scripted, done, edit) for done, edit in REGRESSIONS[name]]
    assert devserver_after_each(editor, edits, name, tmp_path)
