"""`make html` after an edit: render only the pages the edit changes, take the others from the last build.

Every build records, beside its fingerprint (sealed, bound to the output
folder, as `tools.fingerprint` keeps it): the fingerprint of everything but
the content files (code, settings, pins, Python), the hash of each content
file, each article's `structure` and `listed_facts` (`tools.incremental`)
as digests, and a digest of the output folder's listing (every entry's
path, type, size, times and inode). The next build takes the previous
output's pages only when all of that proves them current:

- the code fingerprint is the same, the output folder is the one recorded
  (same fingerprint, same folder, every entry as it was), and the content
  folder holds the same files (nothing added, deleted or moved);
- every changed file is an article whose structure (date, slug, language,
  translation, countries, tags, URL) is unchanged, and Pelican's own
  listings and pages are off.

Anything else is a full build. Pelican then runs as usual into the empty
staging folder (`tools.build` swaps it in whole), but its writer, instead of
rendering an article page (or a file written for an article, such as its
citation files) that the edit does not change, hard-links the previous
output's file; a page that lists articles, none of which changed what
listings show, is copied from the previous output (the devserver's rules,
`tools.incremental`); every other page is rendered. Nothing is ever written
into a linked file: the staging folder starts empty, and a name is written
once. The sitemap is made again over the whole output, as in every build (the
heads of the pages taken as they were come from the last build's reading:
`publishing.heads`); so is the search index, but for the languages none of
whose pages changed (nor a page standing in for them: an untranslated article's
page is in the other language's index too), whose index files are taken from the last build
(`SEARCH_PREVIOUS_OUTPUT`, plugins/search/reuse.py: Pagefind cannot update an
index, but it keeps each language in files of its own).
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import stat
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from pelican import Pelican, signals
from pelican.generators import ArticlesGenerator

from . import fingerprint
from .selection import KeepUnaffected, LeavesKept, full_build_needed, listed_facts, pages_to_render, structure

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "plugins"))
from archive_core.output_paths import escapes
from archive_core.pelican_compat import CheckedWriter

KIND = "pages"
RECORD_LIMIT = 64 << 20  # bytes; ~100 per article


@dataclass(frozen=True)
class Previous:
    """The last build of an output folder, whose pages this build may take."""

    output: str
    content_dir: str
    changed: frozenset[str]  # content files (relative to the content folder) whose bytes changed
    articles: dict[str, list[str]]  # source (relative) -> [structure digest, listed facts digest]


@dataclass
class Plan:
    previous: str  # the previous output folder
    affected: set[int]  # articles whose pages are rendered
    relisted: set[int]  # articles whose listings are rendered
    rendered: int = 0
    kept: int = 0
    previous_folders: dict[str, str] = field(default_factory=dict)  # real paths already resolved (`escapes`)


def _digest(value) -> str:
    return hashlib.blake2b(repr(value).encode(), digest_size=16).hexdigest()


def digests(article) -> list[str]:
    """What the record keeps of an article: where it is placed (lists, URL, template), and what listings show."""
    return [
        _digest((*structure(article), article.url, article.save_as, article.template)),
        _digest(listed_facts(article)),
    ]


def listing(output: Path) -> str:
    """A digest of every entry under `output`: path, type, size, modification and change times, inode."""
    digest = hashlib.blake2b(digest_size=32)
    folders = [str(output)]
    while folders:
        folder = folders.pop()
        with os.scandir(folder) as entries:
            for entry in sorted(entries, key=lambda e: e.name):
                info = entry.stat(follow_symlinks=False)
                digest.update(
                    f"{entry.path}\0{info.st_mode}\0{info.st_size}\0{info.st_mtime_ns}\0{info.st_ctime_ns}\0"
                    f"{info.st_ino}\n".encode()
                )
                if stat.S_ISDIR(info.st_mode):
                    folders.append(entry.path)
    return digest.hexdigest()


def _source(article, content_dir: str) -> str:
    return os.path.relpath(os.path.abspath(article.source_path), content_dir)


def articles_of(generators: list) -> Iterator:
    articles = next(g for g in generators if isinstance(g, ArticlesGenerator))
    for name in ("articles", "translations", "hidden_articles", "hidden_translations", "drafts", "drafts_translations"):
        yield from getattr(articles, name, ())


def build_record(inputs: fingerprint.Inputs, generators: list) -> dict:
    """What the next build needs to reuse this one's pages (see the module's docstring), but the output's listing."""
    content_dir = os.path.abspath(inputs.content_dir)
    articles = {_source(a, content_dir): digests(a) for a in articles_of(generators)}
    return {"fingerprint": inputs.value, "code": inputs.code, "files": inputs.files, "articles": articles}


def remember(output: Path, record: dict) -> None:
    """Keep `record` for the next build of `output`, with the listing of `output` as it is now."""
    fingerprint.remember(output, json.dumps({**record, "listing": listing(output)}, sort_keys=True), KIND)


def previous_build(output: Path, inputs: fingerprint.Inputs) -> Previous | None:
    """The last build of `output`, if this build may take its pages; None: a full build."""
    text = fingerprint.recall(output, KIND, RECORD_LIMIT)
    if text is None:
        return None
    try:
        record = json.loads(text)
        files, articles = dict(record["files"]), dict(record["articles"])
        same = (
            record["code"] == inputs.code
            and files.keys() == inputs.files.keys()
            and fingerprint.matches(output, record["fingerprint"])
            and record["listing"] == listing(output)
        )
    except (ValueError, KeyError, TypeError, OSError):
        return None
    if not same:
        return None
    changed = frozenset(name for name, digest in inputs.files.items() if files[name] != digest)
    return Previous(str(output), os.path.abspath(inputs.content_dir), changed, articles)


def plan(generators: list, previous: Previous) -> Plan | None:
    """Which pages to render, from the build's articles and the previous build's record; None: all."""
    if full_build_needed(generators):
        return None
    contents = {_source(a, previous.content_dir): a for a in articles_of(generators)}
    if contents.keys() != previous.articles.keys() or not previous.changed <= contents.keys():
        return None  # a changed file that is no article, or an article that is not where it was
    edited = [contents[name] for name in previous.changed]
    recorded = [(contents[name], digests(contents[name]), previous.articles[name]) for name in previous.changed]
    if any(now[0] != before[0] for _, now, before in recorded):
        return None
    relisted = {id(article) for article, now, before in recorded if now[1] != before[1]}
    affected = pages_to_render(contents.values(), {a.translation_key for a in edited}, relisted)
    return Plan(previous.output, affected, relisted)


def keeping(base: type[CheckedWriter]) -> type[CheckedWriter]:
    """`base`, writing only what `plan` says (see the module's docstring)."""

    class Keeping(LeavesKept, base):
        plan: Plan

        def write_file(self, name, template, context, *args, **kwargs):
            article = kwargs.get("article")
            if article is None:
                keep = KeepUnaffected(template, self.plan, kwargs, self.plan.previous, writer=self)
                return super().write_file(name, keep, context, *args, **kwargs)
            if id(article) in self.plan.affected or not self._link(name):
                self.plan.rendered += 1
                return super().write_file(name, template, context, *args, **kwargs)
            return None

        def take_kept(self, name: str) -> bool:
            return self._link(name, count=False)

        def _link(self, name: str, count: bool = True) -> bool:
            """Hard-link the previous output's `name` into this one; False if it has none to give."""
            if not name or self.is_claimed(name) or escapes(self.plan.previous, name, self.plan.previous_folders):
                return False
            source = os.path.join(self.plan.previous, name)
            with contextlib.suppress(OSError):
                if stat.S_ISREG(os.lstat(source).st_mode):
                    self.refuse(name)
                    target = os.path.join(self.output_path, name)
                    if not os.path.isdir(os.path.dirname(target)):
                        os.makedirs(os.path.dirname(target), exist_ok=True)
                        self.refuse(name)  # a folder made meanwhile through a link is caught here
                    os.link(source, target, follow_symlinks=False)
                    self.claim(name)
                    self.plan.kept += count
                    return True
            return False

    Keeping.__name__ = Keeping.__qualname__ = f"Keeping{base.__name__}"
    return Keeping


class EditPelican(Pelican):
    """Pelican, whose writer takes from `previous` the pages an edit does not change."""

    def __init__(self, settings: dict, previous: Previous) -> None:
        # The search plugin takes from the last build the index of each language none of whose pages changed.
        super().__init__({**settings, "SEARCH_PREVIOUS_OUTPUT": previous.output})
        self.previous = previous
        self.plan: Plan | None = None

    def run(self) -> None:
        def planned(generators) -> None:
            self.plan = plan(generators, self.previous)

        with signals.all_generators_finalized.connected_to(planned):
            super().run()

    def _get_writer(self):
        writer = super()._get_writer()
        if self.plan is None or not isinstance(writer, CheckedWriter):
            return writer
        kept = keeping(type(writer))(self.output_path, settings=self.settings)
        kept.plan = self.plan
        return kept


@contextlib.contextmanager
def captured_generators() -> Iterator[list]:
    """The generators of the Pelican run inside, once they are all finalized."""
    captured: list = []

    def capture(generators: Iterable) -> None:
        captured[:] = generators

    with signals.all_generators_finalized.connected_to(capture):
        yield captured
