"""The publishing plugin's settings that become addresses on every page, checked when Pelican starts.

SITEURL and REPOSITORY_URL come from the environment in CI (publish.conf.py, pelican.conf.py): a value
that is no address (`javascript:...`, `example.org` with no scheme, a stray quote) would be written into
every page, feed and sitemap entry. A wrong one stops the build at once, with one line naming the setting.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from pathlib import PurePath
from typing import Any
from urllib.parse import urlsplit

from archive_core.cache_place import cache_place_problem
from archive_core.provenance import is_http_url
from archive_core.repository import FORGE_SETTING, forge_problem

from .sitemap import MAX_URLS

_SITE_PATH = re.compile(r"(?:/[A-Za-z0-9._~-]+)+/?")  # a site served from a folder of its host: /archive
_BRANCH = re.compile(r"[A-Za-z0-9._-]+(?:/[A-Za-z0-9._-]+)*")


class SettingsError(SystemExit):
    """A setting of the publishing plugin has a value it cannot use: the build stops before it starts."""

    def __init__(self, name: str, value: Any, must: str, example: str) -> None:
        super().__init__(f"publishing plugin: {name} must be {must}, not {value!r} (for example: {name}={example})")


def _address(value: Any) -> bool:
    """An http(s) address with no query nor fragment (pages are joined onto it); `localhost` is a host too."""
    if not isinstance(value, str):
        return False
    try:
        parts = urlsplit(value.strip())
        local = parts.hostname == "localhost"
    except ValueError:
        return False
    checked = value.replace("localhost", "127.0.0.1", 1) if local else value
    return is_http_url(checked) and not (parts.query or parts.fragment)


def check_settings(settings: Mapping[str, Any]) -> None:
    """Raise SettingsError on the first setting that is no address (or, for SITEMAP_HEAD_CACHE, no path)."""
    siteurl = settings.get("SITEURL") or ""
    if siteurl and not (_address(siteurl) or (isinstance(siteurl, str) and _SITE_PATH.fullmatch(siteurl))):
        raise SettingsError(
            "SITEURL", siteurl, "empty, an http(s) address with no query, or a path such as /archive",
            "https://example.org",
        )  # fmt: skip
    for name in ("LOCAL_SITEURL", "REPOSITORY_URL"):
        if (value := settings.get(name)) and not _address(value):
            raise SettingsError(name, value, "an http(s) address with no query", "https://example.org")
    repository = settings.get("REPOSITORY_URL")
    if repository and (problem := forge_problem(repository, forge := settings.get(FORGE_SETTING) or "")):
        raise SettingsError(FORGE_SETTING, forge, problem, "gitlab")
    branch = settings.get("REPOSITORY_BRANCH") or "main"
    if not isinstance(branch, str) or not _BRANCH.fullmatch(branch) or ".." in branch:
        raise SettingsError("REPOSITORY_BRANCH", branch, "a branch name", "main")
    max_urls = settings.get("SITEMAP_MAX_URLS")
    if max_urls is not None and (type(max_urls) is not int or not 1 <= max_urls <= MAX_URLS):
        raise SettingsError("SITEMAP_MAX_URLS", max_urls, f"a whole number from 1 to {MAX_URLS:,}", "50000")
    head_cache = settings.get("SITEMAP_HEAD_CACHE")
    if head_cache and not isinstance(head_cache, str | PurePath):
        raise SettingsError("SITEMAP_HEAD_CACHE", head_cache, "a file path, or empty (no cache)", ".cache/heads")
    if head_cache and settings.get("PATH") and (problem := cache_place_problem(head_cache, settings["PATH"])):
        must = f"a file where the build reads and publishes nothing (this one {problem})"
        raise SettingsError("SITEMAP_HEAD_CACHE", head_cache, must, ".cache/heads")
