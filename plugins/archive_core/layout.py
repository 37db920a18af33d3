"""The content folder's layout, decided here once: where each kind of file lives, and what a stray file is told.

    articles/<year>/<translation_key>.<lang>.md   the article folders: Pelican's ARTICLE_PATHS (`Layout`)
    about/about.<lang>.md                         the about pages
    sources/<file>                                raw copies of articles (`source.raw`), kept, never parsed
    data/<name>.yaml                              the curated data files (DATA_FILES)
    data/timeline/<id>.yaml                       timeline events, one per file

The readers of each kind take their path from here; `checks.check_unknown_files` refuses any other file,
with the hint `Layout.hint` derives from the same names.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from slugify import slugify

from .suggestions import closest

ARTICLE_DIRS: tuple[str, ...] = ("articles",)  # Pelican's ARTICLE_PATHS, as pelican.conf.py sets it
ARTICLE_SUFFIX = ".md"
# An article's file name, `<translation_key>.<lang>.md`: the last two dots of the name part it.
ARTICLE_NAME = re.compile(r"(?P<key>.+)\.(?P<lang>[^.]+)\.md")
ABOUT_DIR = Path("about")
RAW_SOURCES_DIR = "sources"
# What an article's `source.raw` may name: a file under sources/, each part of its path of these characters.
RAW_PATTERN = re.compile(rf"{RAW_SOURCES_DIR}(?:/[A-Za-z0-9_][A-Za-z0-9._-]*)+")
RAW_NAME_RULE = "letters a-z and A-Z, digits, '.', '-' and '_'"
DATA_DIR = Path("data")
CONVENTION_FILE = DATA_DIR / "convention.yaml"
COUNTRIES_FILE = DATA_DIR / "countries.yaml"
PEOPLE_FILE = DATA_DIR / "people.yaml"
COUNTRY_NAMES_FILE = DATA_DIR / "country-names.yaml"
NAMES_FILE = DATA_DIR / "names.yaml"
PUBLISHERS_FILE = DATA_DIR / "publishers.yaml"
TOPICS_FILE = DATA_DIR / "topics.yaml"
# Every data file a content folder may hold (each optional), in the order the layout hint names them.
DATA_FILES: tuple[Path, ...] = (
    CONVENTION_FILE,
    COUNTRIES_FILE,
    PEOPLE_FILE,
    COUNTRY_NAMES_FILE,
    NAMES_FILE,
    PUBLISHERS_FILE,
    TOPICS_FILE,
)
EVENTS_DIR = DATA_DIR / "timeline"
EVENT_SUFFIX = ".yaml"
# How near a stray data file's name is to a data file's to be told that name (`countrys.yaml`, `publisher.yaml`),
# and no nearer one to another's (`timeline.yaml` is not `names.yaml`).
DATA_NAME_CUTOFF = 0.85


def meant_data_file(relative: Path) -> Path | None:
    """The data file a file of the data folder (`relative` to the content folder) was meant to be, by its name
    in other capitals, with `.yml` or `_`, or nearly spelt."""
    if relative.parent != DATA_DIR:
        return None
    written = f"{relative.stem}.yaml" if relative.suffix == ".yml" else relative.name
    names = {path.name: path for path in DATA_FILES}
    meant = closest(written.replace("_", "-"), names, DATA_NAME_CUTOFF)
    return names[meant] if meant else None


@dataclass(frozen=True)
class Layout:
    """The layout of one content folder: the fixed one, with the article folders a build's settings name."""

    article_dirs: tuple[str, ...] = ARTICLE_DIRS

    @classmethod
    def of(cls, article_dirs: Iterable[str] = ARTICLE_DIRS) -> Layout:
        return cls(tuple(str(Path(folder)) for folder in article_dirs))

    def article_path(self, year: int, translation_key: str, lang: str, found_at: Path | None = None) -> Path:
        """Where an article belongs, relative to the content folder: in the article folder it was found in
        (`found_at`, relative), else the first one."""
        folder = next(
            (name for name in self.article_dirs if found_at is not None and found_at.is_relative_to(name)),
            self.article_dirs[0],
        )
        return Path(folder) / f"{year:04d}" / f"{translation_key}.{lang}{ARTICLE_SUFFIX}"

    @property
    def read_folders(self) -> tuple[str | Path, ...]:
        """The folders every file of which a part of the build reads (see `is_read`)."""
        return (*self.article_dirs, ABOUT_DIR, RAW_SOURCES_DIR)

    def is_read(self, relative: Path) -> bool:
        """Whether a part of the build reads (or keeps) the file at `relative`: an article, an about page or
        a raw copy (each with checks of its own), a data file, or a timeline event (whose listing refuses
        what is not one)."""
        return (
            any(relative.is_relative_to(folder) for folder in self.read_folders)
            or relative in DATA_FILES
            or relative.parent == EVENTS_DIR
        )

    def hint(self) -> str:
        """What a file the build does not read is told: where each kind of file goes."""
        folders = [f"{folder}/" for folder in (*self.article_dirs, ABOUT_DIR.as_posix(), RAW_SOURCES_DIR)]
        data = [path.relative_to(DATA_DIR).as_posix() for path in DATA_FILES]
        data.append(f"{EVENTS_DIR.relative_to(DATA_DIR).as_posix()}/<id>{EVENT_SUFFIX}")
        return (
            f"content/ holds {', '.join(folders)} and {DATA_DIR.as_posix()}/ ({', '.join(data)}): "
            "move or remove it, or link it from an article with {static}"
        )


def raw_name_for(relative: str) -> str:
    """A path `source.raw` takes for the raw copy at `relative` (`sources/Łódź report.txt` ->
    `sources/lodz-report.txt`): each part of it transliterated as an address is, its extension kept. The copy's
    own name is what the file, the warning that no article names it and the article's `raw:` must agree on: a name
    `raw:` cannot take was told to be written there, and refused there as no file under sources/."""
    *folders, name = relative.split("/")
    return "/".join([RAW_SOURCES_DIR, *(slugify(part) or "source" for part in folders[1:]), ascii_name(name, "source")])


def ascii_name(name: str, fallback: str) -> str:
    """A file's `name` transliterated as an address is (`Łódź report.PDF`: `lodz-report.pdf`), its extension kept;
    `fallback` where nothing of its stem is left."""
    stem, dot, extension = name.rpartition(".") if "." in name.lstrip(".") else (name, "", "")
    extension = slugify(extension) if dot else ""
    return (slugify(stem) or fallback) + (f".{extension}" if extension else "")
