"""Links from an article page to its source file in the repository: edit it, see its history."""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import quote


@dataclass(frozen=True)
class RepositoryLinks:
    file_path: str  # inside the repository: content/articles/2025/x.pl.md
    edit_url: str
    history_url: str


def repository_links(repository_url: str, branch: str, file_path: str) -> RepositoryLinks:
    """GitHub's URL scheme: `<repo>/edit/<branch>/<path>`, `<repo>/commits/<branch>/<path>`."""
    base = repository_url.rstrip("/")
    path = quote(file_path.strip("/"))
    ref = quote(branch, safe="")
    return RepositoryLinks(
        file_path=file_path,
        edit_url=f"{base}/edit/{ref}/{path}",
        history_url=f"{base}/commits/{ref}/{path}",
    )
