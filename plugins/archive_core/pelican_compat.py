"""Every use of Pelican beyond its documented plugin interface, in one place, for the versions it was checked against.

The archive's plugins and tools reach into Pelican's private parts for the
things below, each named by what it does here and by the upstream issue that
would make it unnecessary (where one exists; "none found" means none was found
in Pelican's tracker when this was written). A new Pelican release is refused
(`require_tested_version`) until each is checked against its source
(`pelican/writers.py`, `readers.py`, `generators.py`, `contents.py`, `utils.py`),
then added to `TESTED_VERSIONS`.

- refuse any output path outside the output folder: `Writer._open_w`
  (Pelican's own check compares string prefixes: getpelican/pelican#3611, after #2099);
- keep what a file held before it is written into (the devserver puts an update's pages back if it fails), and write
  a feed as a page is written: `Writer._open_w` and `_overridden_files` (none found);
- render article pages in forked workers: `Writer._written_files` and
  `_overridden_files`, and a copy of `write_file`'s inner `_get_localcontext`
  (none found);
- let the archive's reader handle `.md` quietly: `Readers.disabled_readers`,
  `Readers.readers` (getpelican/pelican#3466);
- compute each article's URL once: `Content.override_url` as a cache (none found);
- skip tag, category and author pages whose `*_SAVE_AS` is empty:
  `ArticlesGenerator.generate_tags` and its kin replaced (none found;
  getpelican/pelican#1106, about such pages, is closed);
- update one edited article in place (the devserver): `Content.__dict__` and
  the `memoized` caches of `get_content`/`get_summary` (getpelican/pelican#2219,
  closed);
- let a process that builds again free the last build's content: those caches
  are class-wide and keyed on each article, so they hold every article ever
  rendered (`forget_rendered`; none found);
- tell each build of a process every warning of its own, and filter out only what
  its own `LOG_FILTER` names: `LimitFilter`'s class-wide sets (`forget_logged`,
  `forget_log_filter`; none found);
- let a build that runs once drop the articles' HTML before the search index
  starts: `Content._content` (`let_go_of_content`; none found);
- mark passages in an article's HTML as its reader gave it, before Pelican
  resolves its `{filename}` links (`source_html`, `set_source_html`, for the
  annotations plugin): `Content._content` (none found);
- draw the progress bar on Pelican's console: `pelican.log.console` (none found).
"""

from __future__ import annotations

import logging
import os
import re
from collections.abc import Callable, Iterable
from typing import Any

from pelican.contents import Content
from pelican.log import LimitFilter, console
from pelican.utils import get_relative_path, path_to_url, sanitised_join
from pelican.writers import Writer

from .tested_release import require_tested_release

TESTED_VERSIONS = ("4.12.0",)

__all__ = ["console"]


def require_tested_version() -> None:
    require_tested_release(
        "pelican",
        TESTED_VERSIONS,
        "plugins/archive_core/pelican_compat.py",
        "check each use of Pelican's internals listed there against the new version",
    )


require_tested_version()


# Writing


class CheckedWriter(Writer):
    """Pelican's writer, asking `refuse(path)` about every file it is about to open."""

    def refuse(self, path: str) -> None:
        """Raise to stop the write of `path` (absolute, or relative to the output folder)."""

    def write_file(self, name, template, context, *args, **kwargs):
        if name:
            self.refuse(name)  # before Pelican creates any folder for it
        return super().write_file(name, template, context, *args, **kwargs)

    def _open_w(self, filename, encoding, override=False):
        self.refuse(filename)
        self.opening(filename)
        left = vars(self).get("_left_as_is", set())
        if filename in left:  # see `leave_as_is`
            left.discard(filename)
            self._written_files.add(filename)
            return open(os.devnull, "w", encoding=encoding)
        if override or filename not in self._overridden_files:  # else Pelican writes os.devnull, keeping the file
            self.rewriting(filename)
        return super()._open_w(filename, encoding, override)

    def write_text(self, name: str, text: str) -> None:
        """Write `text` as the output's file `name` that no template renders (a feed), as a page is written: refused
        where `refuse` refuses it, counted as written (a second write of it fails), told to `opening`."""
        path = sanitised_join(self.output_path, name)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with self._open_w(path, "utf-8") as file:
            file.write(text)

    def leave_as_is(self, name: str) -> None:
        """The next write Pelican makes of `name` writes nothing: the file the output holds is the page."""
        vars(self).setdefault("_left_as_is", set()).add(sanitised_join(self.output_path, name))

    def opening(self, path: str) -> None:
        """Told of every file Pelican opens to write (its path), once `refuse` let it."""

    def rewriting(self, path: str) -> None:
        """Told of every file about to be written into, what it held dropped (not one `leave_as_is` keeps)."""

    def claim(self, name: str) -> None:
        """Count `name` as written, so that a second write of it fails as Pelican's own would."""
        self._written_files.add(os.path.join(self.output_path, name))

    def is_claimed(self, name: str) -> bool:
        path = os.path.join(self.output_path, name)
        return path in self._written_files or path in self._overridden_files


# What Pelican logs, as a warning only, for a link of the site it could not resolve (`Content._link_replacer`): it
# publishes the link as written, broken, or keeping a host or scheme written around its path.
_UNRESOLVED_LINK_MESSAGES = frozenset({
    "Unable to find '%s', skipping url replacement.",
    "Replacement Indicator %r not recognized in %r, skipping replacement",
})  # fmt: skip


# The same, as a record of a page written in a forked process comes back, logged again as its text alone
# (`parallel_writer.halves`): its `msg` is "%s", and every other article page's broken link was published.
_UNRESOLVED_LINK_TEXT = re.compile(
    "|".join(re.escape(message).replace("%s", ".*").replace("%r", ".*") for message in _UNRESOLVED_LINK_MESSAGES),
    re.S,
)


def is_unresolved_link(record: logging.LogRecord) -> bool:
    """Whether `record` is Pelican's warning of a link of the site it left as written."""
    return record.name == "pelican.contents" and (
        record.msg in _UNRESOLVED_LINK_MESSAGES or _UNRESOLVED_LINK_TEXT.fullmatch(record.getMessage()) is not None
    )


def page_context(context: dict, name: str, kwargs: dict, relative_urls: bool) -> dict:
    """The context Pelican's `Writer.write_file` renders the page `name` with (its inner `_get_localcontext`)."""
    localcontext = context.copy()
    localcontext["localsiteurl"] = localcontext.get("localsiteurl", None)
    if relative_urls:
        relative_url = path_to_url(get_relative_path(name))
        localcontext["SITEURL"] = relative_url
        localcontext["localsiteurl"] = relative_url
    localcontext["output_file"] = name
    localcontext.update(kwargs)
    return localcontext


# Reading


def take_over_extensions(readers, reader_class: type, extensions: list[str]) -> list[Any]:
    """Let `reader_class` handle `extensions` quietly: Pelican's disabled reader for them would warn about every file.

    Returns the instances of `reader_class` that `readers` made.
    """
    for extension in extensions:
        readers.disabled_readers.pop(extension, None)
    return [reader for reader in readers.readers.values() if isinstance(reader, reader_class)]


# Articles


def freeze_url(content: Content) -> None:
    """Compute `content.url` once: Pelican formats it from the settings on every access."""
    content.override_url = content.url


def skip_unwritten_listings(generator) -> None:
    """Skip Pelican's tag, category and author pages when their `*_SAVE_AS` setting is empty.

    Pelican computes each of them before finding it has nowhere to write it, and for
    tags that work grows with articles x articles per tag.
    """
    for kind, method in (("TAG", "generate_tags"), ("CATEGORY", "generate_categories"), ("AUTHOR", "generate_authors")):
        if not generator.settings.get(f"{kind}_SAVE_AS"):
            setattr(generator, method, _write_nothing)


def _write_nothing(write: Callable) -> None:
    return None


# Pelican's `memoized` methods, each with one class-wide cache keyed on (content, siteurl).
_RENDERED = (Content.get_content, Content.get_summary)


def forget_rendered() -> None:
    """Empty Pelican's class-wide caches of rendered content, which would keep every article rendered so far."""
    for method in _RENDERED:
        method.cache.clear()


def forget_logged() -> None:
    """Empty what Pelican's log filter remembers of the warnings logged so far (`pelican.log.LimitFilter`, class-wide):
    it lets a warning through once a process, so a process that builds again (the devserver) was not told, nor
    counted, a link the last build stopped on, and published it. Each build and update is told all its own."""
    LimitFilter._raised_messages.clear()
    LimitFilter._group_count.clear()


def forget_log_filter() -> None:
    """Empty the LOG_FILTER Pelican keeps class-wide (`LimitFilter._ignore`), which reading a build's settings only adds
    to: a build whose settings silenced a warning silenced it in every later build of the process (a link of the site
    Pelican could not resolve, which the build counts as an error, was published). Called before the settings are
    read: they add the build's own filter again."""
    LimitFilter._ignore.clear()


class ContentReleased(RuntimeError):
    """An article's HTML was read after `let_go_of_content` had let it go."""


class _Released:
    """What `let_go_of_content` leaves in `_content`: any use of it as text fails. Deleting the attribute would
    not do: a template renders a missing attribute as empty, without a word (as Pelican's own stubs, this raises)."""

    __slots__ = ("source",)

    def __init__(self, source: str) -> None:
        self.source = source

    def _fail(self, *_args: object) -> Any:
        raise ContentReleased(
            f"{self.source}: its HTML was read after the build let it go, once every page was written "
            "(tools/build.py, content_released); read it before the search index starts"
        )

    __bool__ = __str__ = __len__ = __iter__ = __contains__ = __getitem__ = _fail


def source_html(content: Content) -> str:
    """An article's HTML as its reader gave it: what `get_content` renders from, resolving the links in it."""
    return content._content


def set_source_html(content: Content, html: str) -> None:
    content._content = html


def let_go_of_content(contents: Iterable[Content]) -> None:
    """Drop each one's HTML (Pelican's `_content`): a later read of it, in Python or a template, fails loudly."""
    for content in contents:
        content._content = _Released(str(content.source_path))


def update_in_place(old: Content, new: Content, kept: frozenset[str] = frozenset({"translations", "_context"})) -> None:
    """Make `old` what `new` is (every list holding `old` sees it), but for `kept`, set after reading."""
    old.__dict__.update({key: value for key, value in new.__dict__.items() if key not in kept})
    for method in _RENDERED:
        cache = method.cache
        for key in [key for key in cache if key and key[0] is old]:
            del cache[key]
