"""An article about to be written (`make new`, `make import`) against the archive's: what `make check` would tell
of it against them, told before anything is written, by `make check`'s own rules (`versions.duplicate_problems`,
`reading.url_collisions`), each with the names that make it another article beside the one it meets."""

from __future__ import annotations

import os
from dataclasses import dataclass, replace
from pathlib import Path

from .articles import ArticleDocument, read_front_matter
from .errors import ContentError, Problem, in_folder
from .layout import ARTICLE_SUFFIX, Layout
from .reading import free_slugs, url_collisions
from .schema import ArticleMeta
from .versions import duplicate_problems, untranslated_pair_problems


@dataclass(frozen=True)
class Neighbours:
    """The archive's articles an article could meet: its translation_key's files (any year, any language), and
    every article of its language and year (a file's place is its front-matter's year, key and language)."""

    docs: tuple[ArticleDocument, ...]  # those `make check` reads (one it refuses is told there)
    keys: frozenset[str]  # of every article file of the archive

    @classmethod
    def of(cls, content_dir: Path, meta: ArticleMeta, leaving_out: Path | None = None) -> Neighbours:
        """`meta`'s neighbours in `content_dir`, but the file `leaving_out` (the one an import replaces)."""
        left_out = os.path.abspath(leaving_out) if leaving_out else None
        files = [
            path
            for folder in Layout().article_dirs
            for path in (Path(content_dir) / folder).glob(f"*/*{ARTICLE_SUFFIX}")
            if os.path.abspath(path) != left_out
        ]
        same_year = (str(meta.date.year), f".{meta.lang}{ARTICLE_SUFFIX}")
        docs = []
        for path in sorted(files):
            if _key_of(path) == meta.translation_key or (
                path.parent.name == same_year[0] and path.name.endswith(same_year[1])
            ):
                try:
                    docs.append(read_front_matter(path, content_dir))
                except ContentError:
                    continue
        keys = frozenset(map(_key_of, files))
        return cls(tuple(docs), keys)

    def free_key(self, meta: ArticleMeta) -> str:
        return free_slugs(meta.translation_key, 1, set(self.keys))[0]

    def free_slug(self, meta: ArticleMeta) -> str:
        place = (meta.lang, meta.date.year)
        return free_slugs(
            meta.slug, 1, {doc.meta.slug for doc in self.docs if (doc.meta.lang, doc.meta.date.year) == place}
        )[0]

    def names_of_another(self, meta: ArticleMeta) -> str:
        """`KEY=...`, and `SLUG=...` where `meta`'s address is taken too (a KEY= alone keeps the address its title
        makes): the names that together make it another article beside the archive's, told at once."""
        key = f"KEY={self.free_key(meta)}"
        return f"{key} SLUG={self.free_slug(meta)}" if self.address_taken(meta) else key

    def address_taken(self, meta: ArticleMeta) -> bool:
        address = (meta.lang, meta.date.year, meta.slug)
        return any((doc.meta.lang, doc.meta.date.year, doc.meta.slug) == address for doc in self.docs)


def _key_of(path: Path) -> str:
    return path.name.removesuffix(ARTICLE_SUFFIX).rpartition(".")[0]


def clashes(content_dir: Path, new: ArticleDocument) -> list[Problem]:
    """The problems `make check` would tell `new`, not yet written (its file, at `new.path`, left out), against the
    archive's articles: its translation_key in its language another file's, its address another article's, its
    translation_key another language's original while it says it is no translation. Each names the file it meets;
    its hint, the `KEY=` or `SLUG=` free for it (both where both are taken)."""
    meta = new.meta
    near = Neighbours.of(content_dir, meta, Path(new.path))
    documents = [(doc.path, doc.meta) for doc in [*near.docs, new]]  # `new` last: a pair's problem is told on it
    found = [
        *duplicate_problems(documents),
        *url_collisions([*near.docs, new]),
        *untranslated_pair_problems(documents),
    ]
    problems = []
    for problem in found:
        if problem.path != new.path:
            continue
        by_address = problem.field in ("slug", "title")  # url_collisions: where the address is made
        name = f"SLUG={near.free_slug(meta)}" if by_address else near.names_of_another(meta)
        hint = f"if it is that article, edit that file; if it is another, give it {name}"
        if problem.field == "translation":
            hint = (
                f"if it translates that version, start it with `make new LANG={meta.lang} KEY={meta.translation_key}`"
                f" (a translation, with `translation:`) and paste its text there; if it is another article, give it "
                f"{name}"
            )
        # A pair's problem is of the file as a whole: told at the key that pairs it.
        line = problem.line or new.line("translation_key" if problem.field == "translation" else problem.field)
        problems.append(replace(problem, line=line, hint=hint))
    return list(in_folder(problems, content_dir))  # hints that name `content/` name the folder written to
