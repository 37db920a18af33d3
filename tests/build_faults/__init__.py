"""A Pelican plugin that breaks a build on purpose, for the atomic-publish tests.

Never in PLUGINS: tests/build_helpers.py adds it to a throw-away settings
file. `BUILD_FAULT` chooses the fault, which strikes after the build has
already written its first page, so that a half-written site exists.
"""

from __future__ import annotations

import errno
import logging
from pathlib import Path

from pelican import signals
from pelican.generators import Generator

logger = logging.getLogger(__name__)
_settings: dict = {}
_edited: list[Path] = []


# What an edit writes into an article's body for a fault `...-where-marked` to strike it: the build before the
# edit succeeds, and the devserver's update of the edit meets the fault.
FAULT_MARK = "A fault is injected into this article."


def remember(pelican) -> None:
    """This build's settings, and none of an earlier build's: a fault its settings no longer name must not strike
    (tools/plugin_receivers.py disconnects the plugin when a build without it starts; the devserver's updates run
    the last full build's receivers)."""
    _settings.clear()
    _settings.update(pelican.settings)
    _edited.clear()


def strike(path, context) -> None:
    fault = _settings.get("BUILD_FAULT")
    if fault == "exception":
        raise RuntimeError(f"fault injected by the tests after writing {path}")
    article = (context or {}).get("article")
    if fault == "exception-where-marked" and FAULT_MARK in str(getattr(article, "_content", "")):
        raise RuntimeError(f"fault injected by the tests after writing {path}")
    if fault == "logged-error":
        logger.error("error injected by the tests after writing %s", path)
    if fault == "read-only-disk":
        raise OSError(errno.EROFS, "Read-only file system (injected by the tests)", path)
    if fault == "full-disk":
        raise OSError(errno.ENOSPC, "No space left on device (injected by the tests)", path)
    if fault == "edit-during-build" and not _edited:
        # An editor saves an article while the build is writing pages: after the build read it.
        edited = Path(_settings["PATH"]) / _settings["EDITED_ARTICLE"]
        edited.write_text(edited.read_text(encoding="utf-8") + _settings["EDIT"], encoding="utf-8")
        _edited.append(edited)


class EscapingGenerator(Generator):
    """Writes a page outside the output folder, beside it, as a careless plugin might."""

    def generate_output(self, writer) -> None:
        name = f"../{Path(self.output_path).name}-escaped/index.html"
        writer.write_file(name, self.get_template("root"), self.context, page_lang="en")


class FailingGenerator(Generator):
    """Fails in the middle of the output, after the article pages were asked for."""

    def generate_output(self, writer) -> None:
        raise RuntimeError("a generator failed (injected by the tests)")


def unresolved_link(content) -> None:
    """A link of the site Pelican cannot resolve, where `make check` never looked: as a reading of a link that
    differed from Pelican's would leave one."""
    fault, text = _settings.get("BUILD_FAULT"), getattr(content, "_content", None)
    if text and (fault == "unresolved-link" or (fault == "unresolved-link-where-marked" and FAULT_MARK in text)):
        content._content += '<p><a href="{filename}/articles/2025/nowhere.en.md">a link only Pelican reads</a></p>'


def escaping_generator(pelican):
    return EscapingGenerator if pelican.settings.get("BUILD_FAULT") == "escape" else None


def failing_generator(pelican):
    return FailingGenerator if pelican.settings.get("BUILD_FAULT") == "generator" else None


def register() -> None:
    signals.initialized.connect(remember)
    signals.content_written.connect(strike)
    signals.content_object_init.connect(unresolved_link)
    signals.get_generators.connect(escaping_generator)
    signals.get_generators.connect(failing_generator)
