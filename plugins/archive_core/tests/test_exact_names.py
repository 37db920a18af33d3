"""A path the content gives (a link's, a `raw:`, a data file's) names a file as the folders list it, letter for letter,
as the Linux server that publishes the site finds it: `make check` tells the same on every file system, never what
the system answers (macOS and Windows open `mapa.PNG` for `mapa.png`, and the check passed a link the site then
answered with 404)."""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

import pytest

from archive_core import paths, snapshot

TODAY = date(2026, 6, 1)
FRONT = (
    "---\ntitle: {title}\ndate: 2025-10-26\nlang: en\ntranslation_key: {key}\n"
    "source:\n  url: https://example.org/{key}\n{publisher}{raw}---\n{body}\n"
)
PNG = b"\x89PNG\r\n\x1a\n"


def article(content: Path, key: str, body: str = "Text.", raw: str = "", publisher: str = "  publisher: P\n") -> None:
    path = content / "articles" / "2025" / f"{key}.en.md"
    path.parent.mkdir(parents=True, exist_ok=True)
    raw = f"  raw: {raw}\n" if raw else ""
    path.write_text(FRONT.format(title=key.title(), key=key, publisher=publisher, raw=raw, body=body), "utf-8")


def archive(content: Path) -> Path:
    """An archive that names five files in other capitals than theirs: an image and an article linked, a raw copy,
    the table of publishers (which the article without a publisher needs), and a file a hint would rename."""
    (content / "images").mkdir(parents=True)
    (content / "images" / "mapa.png").write_bytes(PNG)
    (content / "sources").mkdir()
    (content / "sources" / "raw.txt").write_text("The source.\n", "utf-8")
    (content / "data").mkdir()
    (content / "data" / "Publishers.yaml").write_text(
        "- host: example.org\n  name: Example\n  source: https://example.org/about\n", "utf-8"
    )
    article(content, "target")
    body = "![A map]({static}/images/mapa.PNG)\n\nSee [it]({filename}/articles/2025/Target.en.md)."
    article(content, "linking", body, raw="sources/Raw.txt", publisher="")
    return content


def told(content: Path) -> list[str]:
    return [str(problem).removeprefix(f"{content}/") for problem in snapshot.take(content, today=TODAY).problems]


def test_the_name_as_written_is_read_from_the_folder_s_listing(tmp_path):
    """The function every such check asks: on a real folder, each part of the path as its folder lists it."""
    (tmp_path / "images").mkdir()
    (tmp_path / "images" / "mapa.png").write_bytes(PNG)
    assert paths.named_as_written(tmp_path, tmp_path / "images" / "mapa.png")
    assert paths.named_as_written(tmp_path, tmp_path / "images")
    for other in ("images/mapa.PNG", "Images/mapa.png", "IMAGES/MAPA.PNG", "images/mapa.png/x", "images/mapa"):
        assert not paths.named_as_written(tmp_path, tmp_path / other), other
        assert paths.found_in_any_case(tmp_path, tmp_path / other) in (None, tmp_path / "images" / "mapa.png")
    assert paths.found_in_any_case(tmp_path, tmp_path / "Images" / "MAPA.png") == tmp_path / "images" / "mapa.png"
    assert not paths.named_as_written(tmp_path / "images", tmp_path / "other" / "mapa.png")  # outside the folder


def test_a_name_is_told_alike_where_the_system_answers_for_any_capitals(tmp_path, monkeypatch):
    """The whole check, with the system answering as APFS and NTFS do (a name in other capitals opens the file),
    tells what it tells on Linux: each of the five names, and the link or name to write."""
    on_linux = told(archive(tmp_path / "linux"))
    assert [line.split(": ")[0:2] for line in on_linux] == [
        ["articles/2025/linking.en.md:6", "source.publisher"],  # data/Publishers.yaml is no table of publishers
        ["articles/2025/linking.en.md:8", "source.raw"],
        ["articles/2025/linking.en.md:10", "body"],
        ["articles/2025/linking.en.md:12", "body"],
        ["data/Publishers.yaml", "file"],
    ], on_linux
    assert on_linux[1].endswith("(the file is named sources/raw.txt, and the build tells capitals apart: write `raw: "
                                "sources/raw.txt`)"), on_linux[1]  # fmt: skip
    assert "write {static}/images/mapa.png" in on_linux[2] and "{filename}/articles/2025/target.en.md" in on_linux[3]
    assert "did you mean data/publishers.yaml? rename it" in on_linux[4], on_linux[4]

    monkeypatch.setattr(os.path, "lexists", _any_capitals(os.path.lexists))
    monkeypatch.setattr(os.path, "exists", _any_capitals(os.path.exists))
    monkeypatch.setattr(os.path, "isfile", _any_capitals(os.path.isfile))
    monkeypatch.setattr(os, "stat", _any_capitals(os.stat))
    assert os.path.exists(tmp_path / "linux" / "IMAGES" / "Mapa.PNG")  # the system answers as macOS does
    assert [line.replace("/macos/", "/linux/") for line in told(archive(tmp_path / "macos"))] == on_linux


def _any_capitals(ask):
    """`ask` (os.path.exists, os.stat...) as a file system answers that ignores case: of the path whose names its
    folders list in other capitals."""

    def asked(path, *args, **kwargs):
        return ask(_as_listed(path), *args, **kwargs)

    return asked


def _as_listed(path) -> str:
    if isinstance(path, int) or not os.path.isabs(path):  # a descriptor, or a path the test does not write
        return path
    found = Path("/")
    for part in Path(path).parts[1:]:
        try:
            names = os.listdir(found)
        except OSError:
            return path
        found /= part if part in names else next((name for name in names if name.casefold() == part.casefold()), part)
    return str(found)


@pytest.mark.parametrize("name", ["data/Publishers.yaml", "data/PUBLISHERS.yaml"])
def test_a_data_file_in_other_capitals_is_not_told_to_be_merged_into_itself(tmp_path, name):
    """`did you mean data/publishers.yaml? it is there already: merge this file into it, delete this one`, where
    the system found the file itself under the name meant: followed, the table was deleted."""
    (tmp_path / name).parent.mkdir(parents=True)
    (tmp_path / name).write_text("- host: example.org\n  name: Example\n  source: https://example.org/about\n", "utf-8")
    [problem] = [str(p) for p in snapshot.take(tmp_path, today=TODAY).problems]
    assert problem.endswith("(did you mean data/publishers.yaml? rename it)"), problem


def test_a_name_added_while_the_folders_times_stand_still_is_seen(tmp_path, monkeypatch):
    """Where a folder's times move by clock ticks (Linux before 6.13, HFS+, FAT), a file made in the tick of the last
    listing leaves them as they were: that listing is not kept, and the new file is found (the devserver asks again
    in the same process)."""
    folder = tmp_path / "images"
    folder.mkdir()
    (folder / "old.png").write_bytes(PNG)
    standing = os.stat(folder)
    real_stat = os.stat
    monkeypatch.setattr(
        paths.os, "stat", lambda path, *a, **k: standing if os.fspath(path) == str(folder) else real_stat(path, *a, **k)
    )
    assert not paths.named_as_written(tmp_path, folder / "mapa.png")
    (folder / "mapa.png").write_bytes(PNG)
    assert paths.named_as_written(tmp_path, folder / "mapa.png")
    (folder / "mapa.png").rename(folder / "Mapa.png")
    assert not paths.named_as_written(tmp_path, folder / "mapa.png")
    assert paths.found_in_any_case(tmp_path, folder / "mapa.png") == folder / "Mapa.png"


def test_a_listing_is_kept_once_its_folders_times_are_settled(tmp_path, monkeypatch):
    folder = tmp_path / "images"
    folder.mkdir()
    (folder / "mapa.png").write_bytes(PNG)
    # The clock the listing reads, set by the test: at first the moment the folder changed, however late the
    # looks come on a busy machine.
    clock = [max(folder.stat().st_mtime_ns, folder.stat().st_ctime_ns)]
    monkeypatch.setattr(paths.time, "time_ns", lambda: clock[0])
    assert paths._listing(folder) is not paths._listing(folder)  # just changed: listed at each look
    # Later, its times settled. Its modification time set back too: where a folder's times move by clock ticks
    # (Linux before 6.13), the name added below, in the same tick as its listing, would leave them as they were,
    # which the real clock, 2 s on, never lets a kept listing meet.
    settled = clock[0] - 10_000_000_000
    os.utime(folder, ns=(settled, settled))
    clock[0] = folder.stat().st_ctime_ns + 3_000_000_000
    assert paths.named_as_written(tmp_path, folder / "mapa.png")
    assert paths._listing(folder) is paths._listing(folder)
    (folder / "plan.png").write_bytes(PNG)  # the folder's times move: listed again
    assert paths.named_as_written(tmp_path, folder / "plan.png")
