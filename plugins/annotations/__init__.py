"""Annotations: an article's notes on exact passages (front-matter `annotations:`), marked in its text and listed.

The text stays as published; `archive_core.annotations` checks each passage
when the article is read and marks it here, once every article is read.
Gives each article `annotation_notes` (numbered, in the order of the text).
"""

from __future__ import annotations

from pathlib import Path

from pelican import signals

from archive_core.annotations import Note, NotPlaced, apply
from archive_core.errors import BuildFailed, Problem
from archive_core.i18n import N_, translations
from archive_core.pelican_compat import set_source_html, source_html


def marker_labels(theme: str, lang: str):
    """The accessible name of a note's marker, in the article's language: `Note 2`, `[sic], note 1`."""
    gettext = translations(Path(theme) / "translations", lang).gettext

    def label(note: Note) -> str:
        message = N_("[sic], note %(number)s") if note.kind == "sic" else N_("Note %(number)s")
        return gettext(message) % {"number": note.number}

    return label


def annotate(generator) -> None:
    problems = []
    labels = {}
    for article in generator.articles:
        meta = getattr(article, "archive", None)
        annotations = meta.annotations if meta else ()
        if not annotations:
            article.annotation_notes = ()
            continue
        if getattr(article, "_annotated_content", None) is source_html(article):
            continue  # already marked (the devserver sends the signal again after an edit of another article)
        if article.lang not in labels:
            labels[article.lang] = marker_labels(generator.settings["THEME"], article.lang)
        try:
            html, article.annotation_notes = apply(source_html(article), annotations, labels[article.lang])
            set_source_html(article, html)
            article._annotated_content = html
        except NotPlaced as exc:
            problems.append(
                Problem(article.source_path, None, f"annotations.{exc.index}.text",
                        f"{exc.annotation.text!r} is split by a link or emphasis in the text",
                        "annotate a passage inside one link or one emphasis, or outside them")
            )  # fmt: skip
    if problems:
        raise BuildFailed(problems)


def register() -> None:
    signals.article_generator_finalized.connect(annotate)
