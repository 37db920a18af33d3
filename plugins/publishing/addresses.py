"""Absolute addresses for documents read outside the site: feeds, sitemap, robots.txt, JSON-LD.

Pages link to each other with `{{ SITEURL }}/...`, which is empty while
developing (site-relative links). Feeds, sitemaps and structured data must
carry absolute URLs, so they use SITEURL when it is absolute, and otherwise
LOCAL_SITEURL (by default http://127.0.0.1:8000, where `make serve` serves).
"""

from __future__ import annotations

from functools import lru_cache
from urllib.parse import urljoin, urlsplit

DEFAULT_LOCAL_SITEURL = "http://127.0.0.1:8000"


def absolute_base(settings: dict) -> str:
    """`https://example.org/archive`, without a trailing slash."""
    siteurl = (settings.get("SITEURL") or "").rstrip("/")
    if urlsplit(siteurl).scheme in ("http", "https"):
        return siteurl
    return (settings.get("LOCAL_SITEURL") or DEFAULT_LOCAL_SITEURL).rstrip("/")


@lru_cache(maxsize=1 << 16)  # the sitemap asks for each page's URL about three times (its own, its alternates')
def absolute(base: str, url: str) -> str:
    """`url` against `base`: `pl/x/` and `/pl/x/` (SITEURL was empty) both become `<base>/pl/x/`."""
    if urlsplit(url).scheme:
        return url
    return urljoin(base + "/", url.lstrip("/"))
