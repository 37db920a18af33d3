"""Links from an article page to its source file in the repository: edit it, see its history."""

from __future__ import annotations

from dataclasses import dataclass

from archive_core.repository import Repository


@dataclass(frozen=True)
class RepositoryLinks:
    file_path: str  # inside the repository: content/articles/2025/x.pl.md
    edit_url: str
    history_url: str


def repository_links(repository: Repository, file_path: str) -> RepositoryLinks:
    """The file's editor and history, in the URL forms of the host the repository is on (`archive_core.repository`)."""
    return RepositoryLinks(file_path, repository.edit_url(file_path), repository.history_url(file_path))
