"""Where a build is made: a new folder in `.output.building/`, which the file system is told holds unrelated trees."""

from __future__ import annotations

import fcntl
import os
import shutil
import signal
import struct
from pathlib import Path

import pytest

from tools import build, edits, output_folder

from .conftest import FIXTURE, SETTINGS

tempfile_mkdtemp = output_folder.tempfile.mkdtemp

TOP_OF_TREES = 0x00020000  # FS_TOPDIR_FL, what `lsattr -d` shows as T


def flags(folder: Path) -> int | None:
    """The folder's inode flags (`lsattr -d`), None on a file system without them."""
    fd = os.open(folder, os.O_RDONLY | os.O_DIRECTORY)
    try:
        return struct.unpack("i", fcntl.ioctl(fd, output_folder._FS_IOC_GETFLAGS, bytes(4)))[0]
    except OSError:
        return None
    finally:
        os.close(fd)


def test_each_build_gets_a_new_folder_in_a_marked_holder_that_it_removes(tmp_path):
    output = tmp_path / "output"
    first, second = output_folder.staging_folder(output), output_folder.staging_folder(output)
    holder = tmp_path / ".output.building"
    assert first.parent == holder == second.parent and first != second
    assert not any(first.iterdir())
    probe = tmp_path / "probe"
    probe.mkdir()
    if not output_folder.mark_top_of_unrelated_trees(probe):
        pytest.skip("this file system has no such mark (tmpfs keeps flags but refuses this one; XFS, btrfs...)")
    probe.rmdir()
    found = flags(holder)
    assert found & TOP_OF_TREES, "the holder is not marked as the top of unrelated trees"
    assert not flags(first) & TOP_OF_TREES, "only the holder is marked: a build's own folders stay together"
    output_folder.retire_staging(output)
    assert holder.is_dir(), "a holder with a build in it is kept"
    shutil.rmtree(first)
    shutil.rmtree(second)
    output_folder.retire_staging(output)
    assert sorted(os.listdir(tmp_path)) == []


def test_what_a_killed_build_left_in_the_holder_is_cleaned_by_the_next(tmp_path):
    output = tmp_path / "output"
    output.mkdir()
    left = output_folder.staging_folder(output)
    (left / "index.html").write_text("half a site", encoding="utf-8")
    old_layout = tmp_path / ".output.building-x1y2z3"  # before the holder, a staging folder was beside the output
    old_layout.mkdir()
    output_folder.clean_leftovers(output)
    assert sorted(os.listdir(tmp_path)) == ["output"]


def test_a_folder_that_cannot_be_marked_is_no_error(tmp_path):
    """tmpfs keeps flags but not this one, other systems none: the mark is a hint, its absence no failure."""
    assert output_folder.mark_top_of_unrelated_trees(tmp_path / "missing") is False
    (tmp_path / "a file").write_text("", encoding="utf-8")
    assert output_folder.mark_top_of_unrelated_trees(tmp_path / "a file") is False


def test_only_what_builds_of_this_output_left_is_theirs_to_clean(tmp_path):
    output = tmp_path / "output"
    output.mkdir()
    kept = [tmp_path / ".output.buildings", tmp_path / ".output.building.old-1"]  # another's, named alike
    for folder in kept:
        folder.mkdir()
    left = [tmp_path / ".output.building", tmp_path / ".output.building-x1y2", tmp_path / ".output.old-1"]
    for folder in left:
        folder.mkdir()
    assert output_folder.leftovers(output) == sorted(left)
    output_folder.clean_leftovers(output)
    assert sorted(tmp_path.iterdir()) == sorted([output, *kept])


def _stop(*_args, **_kwargs):
    raise build.Stopped(signal.SIGINT)


def _made_then_stopped(*args, **kwargs):
    tempfile_mkdtemp(*args, **kwargs)  # made, but stopped before its name was returned
    _stop()


@pytest.mark.parametrize(
    ("where", "stopped_at"),
    [(output_folder, "mark_top_of_unrelated_trees"), (output_folder.tempfile, "mkdtemp")],
    ids=["holder-made", "staging-made-unnamed"],
)
def test_a_build_stopped_while_its_folder_is_made_leaves_nothing(tmp_path, monkeypatch, where, stopped_at):
    """A signal lands between any two steps: one landed after the holder was made, before the build could name
    what to remove, and left `.output.building/` beside the output (CI, 7 December 2026)."""
    output = tmp_path / "output"
    output.mkdir()
    (output / "index.html").write_text("last good site", encoding="utf-8")
    monkeypatch.setattr(where, stopped_at, _stop if stopped_at != "mkdtemp" else _made_then_stopped)
    with pytest.raises(build.Stopped):
        build.build_if_changed(SETTINGS, output, {"PATH": str(FIXTURE), "SEARCH_INDEX": False}, reuse=False)
    assert sorted(os.listdir(tmp_path)) == ["output"]
    assert (output / "index.html").read_text(encoding="utf-8") == "last good site"


def test_a_build_stopped_once_its_site_is_in_place_says_so_and_the_next_tidies_up(tmp_path, monkeypatch, capsys):
    output = tmp_path / "output"
    output.mkdir()
    (output / "index.html").write_text("last good site", encoding="utf-8")
    overrides = {"PATH": str(FIXTURE), "SEARCH_INDEX": False}
    with monkeypatch.context() as patched:
        patched.setattr(edits, "build_record", _stop)
        with pytest.raises(build.StoppedAfterSwap):
            build.build_if_changed(SETTINGS, output, overrides, reuse=False)
    assert (output / "index.html").read_text(encoding="utf-8") != "last good site", "the new site is in place"
    build.build_if_changed(SETTINGS, output, overrides, reuse=True)  # not taken as up to date: rebuilt, tidied
    assert sorted(os.listdir(tmp_path)) == ["output"]

    def stopped_after_swap(*_args, **_kwargs):
        raise build.StoppedAfterSwap(signal.SIGTERM)

    monkeypatch.setattr(build, "build_if_changed", stopped_after_swap)
    monkeypatch.setattr(build.signal, "signal", lambda *_args: None)  # main's handlers stay out of pytest's process
    assert build.main(["-o", str(output), "-q"]) == 128 + signal.SIGTERM
    err = capsys.readouterr().err
    assert "once the new site was in" in err and "left as it was" not in err


@pytest.mark.parametrize("first_build", [False, True], ids=["over-a-site", "first-build"])
def test_a_stop_that_lands_as_the_site_is_swapped_in_is_told_after_the_swap(tmp_path, monkeypatch, first_build):
    """A signal that lands right after the rename, inside `swap_in`, is held until the swap is known to be done:
    it was raised as a stop before it, the new site in place and told "left as it was"."""
    output = tmp_path / "output"
    if not first_build:
        output.mkdir()
        (output / "index.html").write_text("last good site", encoding="utf-8")
    swap_in = output_folder.swap_in

    def swapped_then_signalled(staging, to):
        retired = swap_in(staging, to)
        os.kill(os.getpid(), signal.SIGTERM)  # Python runs its handler at the next line it can
        return retired

    monkeypatch.setattr(output_folder, "swap_in", swapped_then_signalled)
    previous = signal.signal(signal.SIGTERM, build._stopped)
    try:
        with pytest.raises(build.StoppedAfterSwap):
            build.build_if_changed(SETTINGS, output, {"PATH": str(FIXTURE), "SEARCH_INDEX": False}, reuse=False)
    finally:
        signal.signal(signal.SIGTERM, previous)
        build._stops.clear()
    assert (output / "index.html").read_text(encoding="utf-8") != "last good site"
    assert signal.getsignal(signal.SIGTERM) is previous


def _last_good_site(tmp_path: Path) -> Path:
    output = tmp_path / "output"
    output.mkdir()
    (output / "index.html").write_text("last good site", encoding="utf-8")
    return output


def test_where_the_system_cannot_exchange_two_renames_swap_the_site_in(tmp_path, monkeypatch):
    output = _last_good_site(tmp_path)
    staging = output_folder.staging_folder(output)
    (staging / "index.html").write_text("new site", encoding="utf-8")
    monkeypatch.setattr(output_folder, "_exchange", lambda *_paths: False)
    retired = output_folder.swap_in(staging, output)
    assert (output / "index.html").read_text(encoding="utf-8") == "new site"
    assert retired is not None and (retired / "index.html").read_text(encoding="utf-8") == "last good site"


def test_a_second_rename_that_fails_puts_the_last_good_site_back(tmp_path, monkeypatch):
    """The failure is told "left unchanged": the old site, parked for the swap, is back before it is."""
    output = _last_good_site(tmp_path)
    staging = output_folder.staging_folder(output)
    monkeypatch.setattr(output_folder, "_exchange", lambda *_paths: False)
    rename = Path.rename

    def refused_for_the_staging_folder(self: Path, target):
        if self == staging:
            raise OSError(28, "No space left on device", str(target))
        return rename(self, target)

    monkeypatch.setattr(Path, "rename", refused_for_the_staging_folder)
    with pytest.raises(OSError):
        output_folder.swap_in(staging, output)
    assert (output / "index.html").read_text(encoding="utf-8") == "last good site"
    assert not [path for path in tmp_path.iterdir() if path.name.startswith(".output.old-")]


def test_an_error_once_the_site_is_in_place_is_told_so_and_the_next_build_tidies_up(tmp_path, monkeypatch, capsys):
    """The record of the build failing to be written (a full disk) was told "left unchanged", the new site in
    place."""
    output = _last_good_site(tmp_path)
    overrides = {"PATH": str(FIXTURE), "SEARCH_INDEX": False}

    def disk_full(*_args, **_kwargs):
        raise OSError(28, "No space left on device", str(tmp_path / "record"))

    with monkeypatch.context() as patched:
        patched.setattr(edits, "build_record", disk_full)
        with pytest.raises(build.FailedAfterSwap) as failed:
            build.build_if_changed(SETTINGS, output, overrides, reuse=False)
    assert (output / "index.html").read_text(encoding="utf-8") != "last good site", "the new site is in place"
    assert build.build_if_changed(SETTINGS, output, overrides, reuse=True).rebuilt, "not taken as up to date"
    assert sorted(os.listdir(tmp_path)) == ["output"]

    def failed_after_swap(*_args, **_kwargs):
        raise failed.value

    monkeypatch.setattr(build, "build_if_changed", failed_after_swap)
    monkeypatch.setattr(build.signal, "signal", lambda *_args: None)  # main's handlers stay out of pytest's process
    assert build.main(["-o", str(output), "-q"]) == 1
    err = capsys.readouterr().err
    assert "build failed once the new site was in" in err and "No space left on device" in err
    assert "left unchanged" not in err and "Traceback" not in err


def test_a_bug_once_the_site_is_in_place_shows_its_traceback_and_what_is_in_place(tmp_path, monkeypatch, capsys):
    def bug(*_args, **_kwargs):
        try:
            raise KeyError("record")
        except KeyError as error:
            raise build.FailedAfterSwap(error) from error

    monkeypatch.setattr(build, "build_if_changed", bug)
    monkeypatch.setattr(build.signal, "signal", lambda *_args: None)
    assert build.main(["-o", str(tmp_path / "output"), "-q"]) == 1
    err = capsys.readouterr().err
    assert "Traceback" in err and "KeyError: 'record'" in err
    assert "build failed once the new site was in" in err and "left unchanged" not in err
