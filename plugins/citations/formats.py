"""A reference as BibTeX (biblatex fields), RIS, CSL-JSON and as a formatted citation in the page's language."""

from __future__ import annotations

import json
import re
from collections.abc import Callable

from markupsafe import Markup, escape

from archive_core.i18n import N_
from archive_core.locales import language_name, long_date

from .references import Gettext, Reference

# LaTeX's special characters, escaped in BibTeX field values; the text stays UTF-8 (biber reads it). A brace is
# written as a command: BibTeX counts every `{` and `}`, a backslash before one too, so `\}` in a title ended the
# entry there, and `\{` left it open to the end of the file.
_BIBTEX_SPECIAL = re.compile(r"([\\{}%&$#_^~])")
_BIBTEX_ESCAPES = {
    "\\": r"\textbackslash{}",
    "^": r"\^{}",
    "~": r"\~{}",
    "{": r"\textbraceleft{}",
    "}": r"\textbraceright{}",
}
# A title that quotes words is quoted in the citation: its double quotation marks become the inner ones of the
# page's language, as a quotation inside a quotation is written (“… ‘Trojan horse’”, „… «koń trojański»”), not
# „„Bezpieczeństwo”: …”. A pair is an opening mark, text with no double quotation mark, and a closing one; a mark
# with no partner (`12" screen`) stays as written.
_INNER_QUOTES = {"pl": ("«", "»"), "en": ("‘", "’")}
_QUOTED_WORDS = re.compile(r'["„“]([^"„“”]*)["”]')
# biblatex `langid` values for the archive's languages (babel/polyglossia names).
_LANGID = {"pl": "polish", "en": "british"}


def _bib(text: str) -> str:
    return _BIBTEX_SPECIAL.sub(lambda m: _BIBTEX_ESCAPES.get(m.group(1), "\\" + m.group(1)), " ".join(text.split()))


def _bib_url(url: str) -> str:
    """URLs keep their characters; only those that would end a field or start a comment are escaped."""
    return re.sub(r"([%#{}])", r"\\\1", url)


def bibtex(ref: Reference) -> str:
    fields = [
        ("title", "{" + _bib(ref.title) + "}"),
        ("author", " and ".join("{" + _bib(author) + "}" for author in ref.authors)),
        ("translator", "{" + _bib(ref.translator) + "}" if ref.translator else ""),
        ("organization", _bib(ref.container)),
        ("date", ref.issued.isoformat()),
        ("year", str(ref.issued.year)),
        ("url", _bib_url(ref.url)),
        ("langid", _LANGID.get(ref.lang, ref.lang)),
        ("note", _bib(_original_note(ref))),
        ("abstract", _bib(ref.abstract or "")),
    ]
    body = ",\n".join(f"  {name} = {{{value}}}" for name, value in fields if value)
    return f"@online{{{ref.key},\n{body}\n}}\n"


def ris(ref: Reference) -> str:
    lines = [("TY", "NEWS" if ref.kind == "article" else "ELEC"), ("TI", ref.title)]
    lines += [("AU", author) for author in ref.authors]
    if ref.translator:
        lines.append(("A4", ref.translator))
    lines += [
        ("T2", ref.container),
        ("PY", str(ref.issued.year)),
        ("DA", ref.issued.strftime("%Y/%m/%d/")),
        ("UR", ref.url),
        ("LA", ref.lang),
    ]
    note = _original_note(ref)
    if note:
        lines.append(("N1", note))
    if ref.abstract:
        lines.append(("AB", ref.abstract))  # on one line, as every value: no line of it can start `ER  -`
    lines.append(("ER", ""))
    return "".join(f"{tag}  - {' '.join(value.split())}".rstrip() + "\n" for tag, value in lines)


def csl_json(ref: Reference) -> str:
    item = {
        "id": ref.key,
        "type": "article-newspaper" if ref.kind == "article" else "webpage",
        "title": ref.title,
        "author": [{"literal": author} for author in ref.authors],
        "container-title": ref.container,
        "issued": {"date-parts": [[ref.issued.year, ref.issued.month, ref.issued.day]]},
        "URL": ref.url,
        "language": ref.lang,
    }
    if ref.translator:
        item["translator"] = [{"literal": ref.translator}]
    if ref.original_url:
        item["archive_location"] = ref.original_url
    note = _original_note(ref)
    if note:
        item["note"] = note
    if ref.abstract:
        item["abstract"] = " ".join(ref.abstract.split())
    return json.dumps([item], ensure_ascii=False, indent=2) + "\n"


def _original_note(ref: Reference) -> str:
    """`Original: <url>, accessed 2026-11-29; archived copy: <url>` (ISO dates, in English: a machine-read field)."""
    if not ref.original_url:
        return ""
    note = f"Original: {ref.original_url}"
    if ref.original_accessed:
        note += f", accessed {ref.original_accessed.isoformat()}"
    if ref.original_archived:
        note += f"; archived copy: {ref.original_archived}"
    if ref.translated_from:
        note += f"; translated from {language_name(ref.translated_from, 'en')}"
    return note


def _quoted_inside(title: str, lang: str) -> str:
    """`title` as it reads inside the citation's quotation marks."""
    opening, closing = _INNER_QUOTES.get(lang, _INNER_QUOTES["en"])
    return _QUOTED_WORDS.sub(lambda m: f"{opening}{m.group(1)}{closing}", title)


def formatted(ref: Reference, gettext: Gettext) -> str:
    """The citation as the page shows it, in the page's language: text, to copy."""
    return _formatted(ref, gettext, str, str)


def formatted_html(ref: Reference, gettext: Gettext) -> Markup:
    """`formatted` as the page's HTML: each label the content gives (publisher, title, translator) in a `<bdi>`,
    so that one in Arabic or Hebrew script does not swap places with the one beside it."""
    # Every part is Markup already (escaped, or a `<bdi>` of an escaped label): `escape` leaves it as it is.
    return escape(_formatted(ref, lambda message: escape(gettext(message)), escape, Markup("<bdi>{}</bdi>").format))


def _formatted(ref: Reference, gettext: Gettext, text: Callable[[str], str], label: Callable[[str], str]) -> str:
    parts = []
    # A part's final dots are dropped before it is labelled: the `.` that ends it is the citation's own.
    if ref.authors and ref.authors != (ref.container,):
        parts.append(text(", ").join(map(label, (*ref.authors[:-1], ref.authors[-1].rstrip(".")))))
    parts.append(gettext(N_("“%(title)s”")) % {"title": label(_quoted_inside(ref.title, ref.lang))})
    if ref.translator:
        parts.append(
            gettext(N_("Translated from %(language)s by %(translator)s"))
            % {
                "language": language_name(ref.translated_from, ref.lang),
                "translator": label(ref.translator.rstrip(".")),
            }
        )
    parts.append(text(f"{ref.container}, {long_date(ref.issued, ref.lang)}"))
    parts.append(text(ref.url))
    if ref.original_url:
        original = gettext(N_("Original: %(url)s")) % {"url": ref.original_url}
        if ref.original_accessed:
            accessed = long_date(ref.original_accessed, ref.lang)
            original += text(", ") + gettext(N_("accessed %(date)s")) % {"date": accessed}
        parts.append(original)  # an archived copy, where one was given, is in the files and the list of sources
    return text(". ").join(part.rstrip(".") for part in parts) + text(".")
