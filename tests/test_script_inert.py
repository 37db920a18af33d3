"""Script in titles, summaries, notes and bodies comes out as text: in the HTML, and in Chromium nothing runs."""

from __future__ import annotations

import json
from html.parser import HTMLParser
from pathlib import Path

import pytest

from .browser import serve, watch
from .conftest import build_site

PAYLOAD = "<script>window.injected = 1</script>"
IMG = '<img src="x" onerror="window.injected = 2">'
HOSTILE = f"""---
title: '{PAYLOAD} and {IMG}'
date: 2025-10-27
lang: en
translation_key: hostile-article
slug: hostile-article
summary: '{PAYLOAD}'
tags: ['{PAYLOAD}']
source:
  url: 'https://example.org/?q=''onmouseover=''window.injected=3'  # a quote or `<` is refused by make check
  publisher: '"><svg onload="window.injected = 4">'
editor_note: '{IMG}'
---

{PAYLOAD}

A paragraph with {IMG} and <svg onload="window.injected = 5"></svg> inline.

[a link](https://example.org/"onmouseover="window.injected=6)

::: caption
<iframe src="javascript:window.injected=7"></iframe> (Photo: <b onclick="x">me</b>)
:::
"""


ACTIVE_SELECTOR = (
    'document.querySelectorAll(\'script:not([src]):not([type="application/ld+json"])'
    ':not([type="text/pagefind-template"]), iframe, [onerror], [onload]\').length'
)


class ActiveContent(HTMLParser):
    """Every inline or foreign script, embedded frame and event-handler attribute in a page.

    Allowed: the site's own script files (`<script src="/...">`), Pagefind's result
    template, and JSON-LD data blocks whose text is JSON with no raw `<` (so it
    cannot close its element).
    """

    def __init__(self) -> None:
        super().__init__()
        self.found: list[str] = []
        self.data_block: list[str] | None = None

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "script" and attributes.get("type") == "text/pagefind-template":
            pass  # Pagefind's result template: HTML the browser does not run, checked by test_search_index
        elif tag == "script" and attributes.get("type") == "application/ld+json":
            self.data_block = []
        elif tag == "script" and (attributes.get("src") or "").startswith("/"):
            pass
        elif tag in ("script", "iframe", "object", "embed"):
            self.found.append(f"<{tag} {attrs}>")
        for name, value in attrs:
            if name.startswith("on") or (value or "").strip().lower().startswith("javascript:"):
                self.found.append(f"<{tag} {name}={value!r}>")

    def handle_data(self, data):
        if self.data_block is not None:
            self.data_block.append(data)

    def handle_endtag(self, tag):
        if tag == "script" and self.data_block is not None:
            text = "".join(self.data_block)
            json.loads(text)
            if "<" in text:
                self.found.append(f"JSON-LD with a raw '<': {text[:80]}")
            self.data_block = None


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory) -> Path:
    content = tmp_path_factory.mktemp("hostile") / "content"
    (content / "articles" / "2025").mkdir(parents=True)
    (content / "articles" / "2025" / "hostile-article.en.md").write_text(HOSTILE, encoding="utf-8")
    return build_site(tmp_path_factory.mktemp("hostile-site") / "output", content)


def test_no_active_content_in_any_page(hostile_site):
    pages = sorted(hostile_site.rglob("*.html"))
    assert len(pages) >= 3
    for path in pages:
        parser = ActiveContent()
        parser.feed(path.read_text(encoding="utf-8"))
        assert parser.found == [], f"{path}: {parser.found}"


def test_the_payload_is_shown_as_text(hostile_site):
    html = (hostile_site / "en" / "2025" / "hostile-article" / "index.html").read_text(encoding="utf-8")
    assert "&lt;script&gt;window.injected = 1&lt;/script&gt;" in html
    assert "&lt;img src=&#34;x&#34; onerror=" in html or "&lt;img src=&quot;x&quot; onerror=" in html


@pytest.mark.browser
def test_nothing_runs_in_chromium(chromium, hostile_site):
    for server in serve(hostile_site):
        for path in ("/en/2025/hostile-article/", "/en/"):
            context = chromium.new_context()
            page = context.new_page()
            dialogs: list[str] = []
            page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))  # noqa: B023
            log = watch(page)
            page.goto(server.base_url + path)
            for link in page.locator("main a").all():
                link.hover()  # would fire an injected onmouseover
            assert page.evaluate("window.injected") is None, path
            assert page.evaluate(ACTIVE_SELECTOR) == 0
            # A blocked inline script would show up here as a CSP violation: there must be none to block.
            assert log.console_errors == [], (log.console_errors, log.requests)
            assert dialogs == []
            context.close()
