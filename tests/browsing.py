"""Readers of a built site's structure: click depth from a page, article pages, page sizes."""

from __future__ import annotations

import re
from collections import deque
from pathlib import Path
from urllib.parse import urljoin, urlsplit

from .html_helpers import read_page
from .sitewide import html_pages, is_internal, page_url, target_file

ARTICLE_URL = re.compile(r"^/(?P<lang>[a-z]{2})/(?P<year>\d{4})/(?P<slug>[a-z0-9-]+)/$")


def article_urls(site: Path, lang: str) -> set[str]:
    """`/<lang>/<year>/<slug>/`: every article page of `lang`."""
    found = set()
    for path in html_pages(site):
        url = page_url(site, path)
        match = ARTICLE_URL.match(url)
        if match and match["lang"] == lang and match["slug"] != "page":
            found.add(url)
    return found


def click_depths(site: Path, start: str) -> dict[str, int]:
    """{page URL: the fewest clicks from `start`}, over the links of every page reached (breadth first)."""
    depths = {start: 0}
    queue = deque([start])
    while queue:
        url = queue.popleft()
        path = target_file(site, url)
        if path.suffix != ".html" or not path.is_file():
            continue
        for href in read_page(path).links:
            if not is_internal(href):
                continue
            target = urlsplit(urljoin(url, href)).path
            if target not in depths and target_file(site, target).suffix == ".html":
                depths[target] = depths[url] + 1
                queue.append(target)
    return depths


def page_sizes(site: Path) -> dict[str, int]:
    """{page URL: bytes} of every HTML page."""
    return {page_url(site, path): path.stat().st_size for path in html_pages(site)}
