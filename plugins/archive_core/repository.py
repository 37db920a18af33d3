"""Addresses of the archive's files in its repository (REPOSITORY_URL), in the URL forms of the host it is on.

Each kind of repository host writes a file's page, its editor and its history its own way: GitHub
`<repo>/blob/<branch>/<path>`, GitLab `<repo>/-/blob/<branch>/<path>`, Forgejo and Gitea (Codeberg)
`<repo>/src/branch/<branch>/<path>`. The kind is told by REPOSITORY_FORGE, or known from the host (KNOWN_HOSTS); a host
of no known kind, with none given, is refused when the build starts (the publishing plugin's `check_settings`), as
MkDocs asks for `edit_uri` where it cannot tell it: a link in GitHub's form to another host leads nowhere.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any
from urllib.parse import quote, urlsplit


@dataclass(frozen=True)
class Forge:
    """One kind of repository host: the form of a file's page, its editor and its history (`{path}` in each)."""

    file: str
    edit: str
    history: str


FORGES = {
    "github": Forge("blob/{branch}/{path}", "edit/{branch}/{path}", "commits/{branch}/{path}"),
    "gitlab": Forge("-/blob/{branch}/{path}", "-/edit/{branch}/{path}", "-/commits/{branch}/{path}"),
    "forgejo": Forge("src/branch/{branch}/{path}", "_edit/{branch}/{path}", "commits/branch/{branch}/{path}"),
}
FORGES["gitea"] = FORGES["forgejo"]  # Forgejo is Gitea's fork: one form
KNOWN_HOSTS = {"github.com": "github", "gitlab.com": "gitlab", "codeberg.org": "forgejo"}
FORGE_SETTING = "REPOSITORY_FORGE"


@dataclass(frozen=True)
class Repository:
    url: str  # REPOSITORY_URL, without a final `/`
    branch: str
    forge: Forge

    def file_url(self, path: str) -> str:
        return self._address(self.forge.file, path)

    def edit_url(self, path: str) -> str:
        return self._address(self.forge.edit, path)

    def history_url(self, path: str) -> str:
        return self._address(self.forge.history, path)

    def _address(self, form: str, path: str) -> str:
        return f"{self.url}/" + form.format(branch=quote(self.branch, safe=""), path=quote(path.strip("/")))


def forge_problem(url: str, named: Any) -> str | None:
    """Why REPOSITORY_FORGE (`named`, empty where not given) tells no kind of host for REPOSITORY_URL `url`, or None."""
    if named:  # a value of the settings file may be of any type: a list is no name (and no key of FORGES)
        return None if isinstance(named, str) and named in FORGES else f"one of {', '.join(sorted(FORGES))}"
    host = (urlsplit(url).hostname or "").removeprefix("www.")
    if host in KNOWN_HOSTS:
        return None
    return (
        f"one of {', '.join(sorted(FORGES))} where REPOSITORY_URL is on a host of no kind the archive knows "
        f"({host}; it knows {', '.join(sorted(KNOWN_HOSTS))}): its files' addresses are written in that kind's form"
    )


def repository_of(settings: Mapping[str, Any]) -> Repository | None:
    """The repository the settings name, or None without REPOSITORY_URL; ValueError for a kind `forge_problem` tells
    none of (the publishing plugin refuses it at start)."""
    url = str(settings.get("REPOSITORY_URL") or "").strip().rstrip("/")
    if not url:
        return None
    named = settings.get(FORGE_SETTING) or ""
    if problem := forge_problem(url, named):
        raise ValueError(f"{FORGE_SETTING} must be {problem}")
    kind = named or KNOWN_HOSTS[(urlsplit(url).hostname or "").removeprefix("www.")]
    return Repository(url, str(settings.get("REPOSITORY_BRANCH") or "main"), FORGES[kind])
