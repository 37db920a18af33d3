"""A module that uses a library beyond its documented interface refuses a release of it that it was not checked
against, saying what to check (`pelican_compat`, `body_cost`). The search plugin, usable without this one, keeps
its own (`search.pagefind_compat`)."""

from __future__ import annotations

from importlib import metadata


class UntestedRelease(ImportError):
    """The installed release of a library a module was not checked against."""


def require_tested_release(
    distribution: str, tested: tuple[str, ...], module: str, check: str, *, installed: str | None = None
) -> None:
    """Refuse the installed `distribution` unless it is one of `tested`, the releases `module` was checked against;
    `check` says what to check in a new one before it is added to them. `installed` is the release of a library
    that is no Python distribution (libxml2, inside lxml), as it reports it."""
    version = installed or metadata.version(distribution)
    if version not in tested:
        raise UntestedRelease(
            f"{distribution} {version} is installed; {module} was checked against {', '.join(tested)} ({check}, "
            "then add the version to the tested ones there; or install the version pinned in requirements.txt)"
        )
