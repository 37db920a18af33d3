"""UI strings from gettext catalogs, and localized dates, for the archive's templates."""

from __future__ import annotations

from pelican import signals

from .catalogs import install


def on_generator_init(generator) -> None:
    install(generator.env, generator.settings)


def register() -> None:
    signals.generator_init.connect(on_generator_init)
