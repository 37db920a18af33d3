"""The site-wide gates can fail: each one, on a small broken site, finds what is wrong."""

from __future__ import annotations

from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe

from .sitewide import AXE_TAGS, broken_links, hreflang_problems, vnu_messages, wider_than_a_phone

HEAD = '<!doctype html><html lang="{lang}"><head><meta charset="utf-8"><title>t</title>{links}</head>'


def write_page(
    site: Path, url: str, body: str, lang: str = "en", alternates: dict[str, str] | None = None, head: str = ""
) -> Path:
    links = head + "".join(f'<link rel="alternate" hreflang="{k}" href="{v}">' for k, v in (alternates or {}).items())
    path = site / url.lstrip("/") / "index.html"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(HEAD.format(lang=lang, links=links) + f"<body><main id='main'>{body}</main></body></html>")
    return path


def test_broken_links_and_anchors_are_found(tmp_path):
    write_page(
        tmp_path, "/en/", '<a href="/en/a/#main">ok</a> <a href="/en/gone/">x</a> <a href="/en/a/#nowhere">y</a>'
    )
    write_page(
        tmp_path, "/en/a/", '<a href="../">up</a> <a href="https://example.org/">out</a> <img src="/x.png" alt="">'
    )
    found = broken_links(tmp_path)
    assert len(found) == 3, found
    assert any("/en/gone/" in f for f in found) and any("nowhere" in f for f in found)
    assert any("/x.png" in f for f in found)


def test_one_sided_hreflang_is_found(tmp_path):
    both = {"en": "/en/a/", "pl": "/pl/a/", "x-default": "/en/a/"}
    write_page(tmp_path, "/en/a/", "", "en", both)
    write_page(tmp_path, "/pl/a/", "", "pl", {"pl": "/pl/a/", "x-default": "/pl/a/"})
    problems = hreflang_problems(tmp_path)
    assert any("/en/a/: hreflang pl -> /pl/a/ is not reciprocal" in p for p in problems), problems


def test_the_html_checker_reports_errors_even_beside_a_known_gap(tmp_path):
    csp = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval' 'bogus-keyword'"
    meta = f'<meta http-equiv="Content-Security-Policy" content="{csp}">'
    path = write_page(tmp_path, "/en/", "<p><div>x</p>", head=meta)
    messages = [m["message"] for m in vnu_messages(tmp_path, [path])]
    assert any("bogus-keyword" in m for m in messages), messages
    assert len(messages) >= 2, messages


@pytest.mark.browser
def test_axe_reports_wcag_violations(page):
    page.set_content(
        '<!doctype html><html><head><title>t</title></head><body><main><p style="color:#bbb;background:#fff">'
        'faint</p><img src="data:," ><a href="/x"></a></main></body></html>'
    )
    options = {"runOnly": {"type": "tag", "values": AXE_TAGS}, "resultTypes": ["violations"]}
    ids = {v["id"] for v in Axe().run(page, options=options).response["violations"]}
    assert {"color-contrast", "image-alt", "link-name", "html-has-lang"} <= ids, ids


def test_a_page_wider_than_a_phone_is_found(page):
    word = "Supercalifragilisticexpialidociouspublishinghouse"
    page.set_content(
        f"<!doctype html><html><body><p>fits</p><dl style='display:grid'><dd>{word}</dd></dl></body></html>"
    )
    assert wider_than_a_phone(page) == [f'<dd class="">: {word}']
    page.set_content(f"<!doctype html><html><body><p style='overflow-wrap:anywhere'>{word}</p></body></html>")
    assert wider_than_a_phone(page) == []


def test_the_html_checker_also_checks_stylesheets(tmp_path):
    path = write_page(tmp_path, "/en/", "<p>x</p>")
    (tmp_path / "site.css").write_text("p { colr: red; }\n", encoding="utf-8")
    messages = [m["message"] for m in vnu_messages(tmp_path, [path])]
    assert any("colr" in m for m in messages), messages
