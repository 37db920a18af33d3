"""Writing non-HTML files through Pelican's writer (so that the output guard and the devserver see them)."""

from __future__ import annotations


class TextDocument:
    """Stands in for a template: `writer.write_file(path, TextDocument(text), context)` writes `text` as it is."""

    def __init__(self, text: str) -> None:
        self.text = text if text.endswith("\n") else text + "\n"

    def render(self, context: dict) -> str:
        return self.text


def absolute_siteurl(settings: dict) -> str:
    """`SITEURL` when it is absolute (a publish build), else `LOCAL_SITEURL` (where `make serve` serves)."""
    siteurl = settings.get("SITEURL", "")
    return siteurl if siteurl.startswith(("http://", "https://")) else settings.get("LOCAL_SITEURL", siteurl)
