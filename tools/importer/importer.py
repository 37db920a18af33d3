"""A raw source article -> a checked content file under `<dest>/articles/<year>/<key>.<lang>.md`."""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path
from typing import Any

from babel import Locale

from archive_core import paths
from archive_core.articles import parse_article, parse_front_matter
from archive_core.clashes import Neighbours, clashes
from archive_core.errors import ContentError, Problem, content_error
from archive_core.layout import COUNTRY_NAMES_FILE, Layout
from archive_core.locales import LANGUAGES
from archive_core.markdown import LEAD_MAX_CHARS, LEAD_MAX_WORDS
from archive_core.schema import default_slug
from archive_core.text import RESERVED, line_of, visible_text
from tools.make_inputs import IMPORT_FIELDS, by_variable, key_name_problem

from . import countries, output
from .decoding import MAX_SOURCE_BYTES, decode
from .htmlpage import is_html, parse_html
from .language import detect_language, identify, other_languages
from .model import ImportOptions, ParsedSource
from .plaintext import front_matter_end, parse_text

DERIVED_TITLE_MAX_CHARS = 100


DATELINE_SHOWN_CHARS = 60
# Where a derived title's sentence may end: a `.`, `?`, `!` or `…` (and the quotation marks it closes) before a
# space and what a sentence opens with (group 1): a capital, a quotation mark or a bracket; `Yahoo! announced`,
# `podpisana… i co dalej?` go on.
_SENTENCE_END = re.compile(r"[.?!…]+[\"”»«'’]*(?=\s+(\S))")
_SENTENCE_OPENS = "\"“„«»‘'(["
# Words a `.` ends without ending a sentence: a title before a name, a company's form (`Dr. Nguyen`, `Acme Inc. said`,
# `Uniwersytet im. Adama Mickiewicza`, `prof. Nowak`); an initial's (`J. Smith`, `U.S. State Department`) too.
_ABBREVIATIONS = frozenset({
    "mr", "mrs", "ms", "dr", "prof", "st", "jr", "sr", "gen", "sen", "rep", "gov", "inc", "corp", "ltd", "co", "no",
    "vs", "im", "ks", "płk", "św", "tzw", "np", "ul", "mgr", "inż", "hab",
})  # fmt: skip
# Names written with a `!`, which ends no sentence in them (`Yahoo! Japan`).
_NAMES_WITH_A_MARK = frozenset({"Yahoo!", "Jeopardy!"})


def review_reasons(review: dict[str, str]) -> tuple[str, ...]:
    """`<field> <what the importer did>` for each field under `review:`, as the importer's last lines say."""
    return tuple(f"{field} {reason}" for field, reason in review.items())


def dateline_reason(day: date, line: str) -> str:
    """What the importer did with the date `day` read from the text's date line `line`: it names the line."""
    shown = line if len(line) <= DATELINE_SHOWN_CHARS else line[: DATELINE_SHOWN_CHARS - 1] + "…"
    return (
        f"{day.isoformat()} was read from the text's date line, `{shown}`, as no DATE= was given, and may not be "
        "the day the source was published"
    )


@dataclass(frozen=True)
class Imported:
    path: Path  # where the file belongs, relative to the content folder
    text: str
    source: ParsedSource
    review: tuple[str, ...]  # fields the importer had to guess, or that contradict the text
    reasons: tuple[str, ...] = ()  # for each, what the importer did: `date 2025-10-25 was read from ...`
    warnings: tuple[str, ...] = ()  # why, for a field the text contradicts: `field: message (hint)`


def read_source(path: Path, address: str | None = None) -> ParsedSource:
    """The article of the source at `path`; `address`, its own (SOURCE_URL), when it is given."""
    # SRC is the one file read from wherever its user keeps it: read as a plain file, bounded, never a FIFO or device.
    try:
        data = paths.read_bytes(path, "/", limit=MAX_SOURCE_BYTES)
    except ContentError as exc:
        raise content_error(path, None, "file", exc.problem.message, "check the SRC path") from None
    text = decode(path, data)
    if is_html(text):
        parsed = parse_html(text, path)
        if parsed is None:
            raise content_error(
                path, None, "file", "no article text found in the HTML page", "save the article's text as .txt instead"
            )
        return replace(parsed, text=text)
    if (end := front_matter_end(text)) is not None:
        raise content_error(
            path,
            1,
            "file",
            f"opens with a YAML front matter (lines 1-{end}): it is a file written for a site (an article of the "
            "archive, another site's Markdown), not the article's text as its publisher gave it",
            "import the raw text the publisher gave (the page saved, or its text copied), giving its fields as "
            "TITLE=, DATE=, SOURCE_URL=; an article of the archive is edited in place, never imported again",
        )
    return replace(parse_text(text, address), text=text)


def convert(path: Path, options: ImportOptions, content: Path) -> Imported:
    """The content file for the source at `path`, to go into the content folder `content`; ContentError on
    anything missing or wrong."""
    source = read_source(path, options.source_url)
    if not source.blocks:
        raise content_error(path, None, "file", "the source has no article text", "is this the right file?")
    fields, reasons = front_matter_fields(path, source, options, content)
    text = output.front_matter(fields) + "\n" + output.body(source.blocks)
    target = Layout().article_path(fields["date"].year, fields["translation_key"], fields["lang"])
    _validate(path, target, text, source.text)
    review = tuple(reasons)
    mismatch = language_mismatch(_all_text(fields["title"], source), options.lang) if "lang" in review else None
    cited = tuple(
        f"source.url: the text's line {line} names {url}, not SOURCE_URL: it stays in the text, as a page the "
        "text cites (if it is the article's own address, import again with SOURCE_URL=" + url + ")"
        for line, url in source.cited_addresses
    )
    return Imported(
        path=target,
        text=text,
        source=source,
        review=review,
        reasons=review_reasons(reasons),
        warnings=((mismatch,) if mismatch else ()) + cited,
    )


def front_matter_fields(
    path: Path, source: ParsedSource, options: ImportOptions, content: Path
) -> tuple[dict[str, Any], dict[str, str]]:
    """The front matter's fields, and each field under its `review:` with what the importer did with it."""
    review: dict[str, str] = {}  # each field to review -> what the importer did with it
    # What the page gives for one-line fields and the summary is shown as the page's chrome: without the
    # characters a reader cannot see (archive_core.text); what the contributor gives is checked as it is.
    title = options.title or (source.title and visible_text(source.title, prose=False))
    if not title:
        # No title, or one of characters a reader cannot see alone.
        why = "the source's title holds no character a reader sees" if source.title else source.no_title
        derived, review["title"] = derived_title(source, why or "the source gives no title")
        title = visible_text(derived, prose=False)
    published = options.date or source.date
    if published is None and source.dateline is not None:
        published = source.dateline[0]
        review["date"] = dateline_reason(*source.dateline)
    if published is None:
        raise content_error(
            path, None, "date", "the source does not give its publication date", "give it: make import DATE=YYYY-MM-DD"
        )
    url = options.source_url or source.source_url
    if not url:
        # A saved page names its address in its head; a text on a line of its own.
        where = (
            "the page names no whole https:// address of its own (a canonical link or og:url; a relative one is no "
            "address once the page is saved)"
            if is_html(source.text)
            else "no 'Source: https://...' line"
        )
        raise content_error(
            path,
            None,
            "source.url",
            f"the source has no address: {where}",
            "give it: make import SOURCE_URL=https://...",
        )
    all_text = _all_text(title, source)
    lang = options.lang or detect_language(all_text)
    if lang is None:
        raise content_error(path, None, "lang", *_unknown_language(all_text))
    if language_mismatch(all_text, options.lang):
        review["lang"] = "was given (LANG=), but the text reads as another language: it was kept as given"
    key = options.translation_key or default_slug(title)
    if not key:
        raise content_error(path, None, "translation_key", "cannot be derived from the title", "give it: KEY=...")
    if unheld := key_name_problem(key, lang, bool(options.translation_key)):
        raise content_error(path, None, "translation_key", *unheld)

    fields: dict[str, Any] = {"title": title, "date": published, "lang": lang, "translation_key": key}
    if options.slug:
        fields["slug"] = options.slug
    # A lead longer than a summary may be is left to the build, which cuts the body's first paragraph.
    summary = visible_text(source.lead, prose=True).strip() if source.lead else ""
    if summary and len(summary.split()) <= LEAD_MAX_WORDS and len(summary) <= LEAD_MAX_CHARS:
        fields["summary"] = output.escape(summary)  # Markdown, as the body: shown as the source writes it
    found = countries.read(all_text, content / COUNTRY_NAMES_FILE)
    if found.codes:
        fields["countries"] = list(found.codes)
    if found.unknown:
        review["countries"] = countries.told(found.unknown, source.text, content / COUNTRY_NAMES_FILE)
    publisher = options.publisher or (source.publisher and visible_text(source.publisher, prose=False))
    fields["source"] = {
        "url": url,
        **({"publisher": publisher} if publisher else {}),
        **({"raw": options.raw} if options.raw else {}),
    }
    if options.translated_from:
        step = {"from": options.translated_from, "to": lang, "by": options.translated_by}
        fields["translation_chain"] = [step]
    if options.editor_note:
        fields["editor_note"] = options.editor_note
    if review:
        fields["review"] = list(review)
    return fields, review


def _all_text(title: str, source: ParsedSource) -> str:
    return "\n".join([title, *(block.text for block in source.blocks)])


# The archive keeps Polish and English texts: a source in another language comes in as its translation.
ANOTHER_LANGUAGE_HINT = (
    "the archive keeps Polish and English texts: import the source's Polish or English translation, saying what "
    'it was translated from and by whom, as in TRANSLATED_FROM=de TRANSLATED_BY="..." (its `translation_chain`; '
    'CONTRIBUTING.md, "Translations")'
)


_LANG_OPTIONS = " or ".join(f"LANG={lang}" for lang in LANGUAGES)


def _unknown_language(text: str) -> tuple[str, str]:
    """The message and hint for a text whose language is not told, or is neither Polish nor English."""
    guess = identify(text)
    if guess and guess.sure:
        name = Locale("en").languages.get(guess.code, guess.code)
        return (
            f"the source reads as {name} ({guess.code}), not Polish or English",
            f"{ANOTHER_LANGUAGE_HINT}; if it is Polish or English after all, give it: make import {_LANG_OPTIONS}",
        )
    if others := other_languages(text):
        names = " or ".join(f"{Locale('en').languages.get(code, code)} ({code})" for code in others)
        return (
            f"the source reads as another language than Polish or English, most likely {names}",
            f"{ANOTHER_LANGUAGE_HINT}; if it is Polish or English after all, give it: make import {_LANG_OPTIONS}",
        )
    return "cannot tell the source's language", f"give the one it is written in: make import {_LANG_OPTIONS}"


def language_mismatch(text: str, lang: str | None) -> str | None:
    """`lang: ...` when the LANG given is surely not the text's language (a German text given LANG=pl would be
    published as Polish); the file is written all the same, with `review: [lang]`, for the model can be wrong."""
    guess = identify(text) if lang else None
    if guess is None or not guess.sure or guess.code == lang:
        return None
    name, given = (Locale("en").languages.get(code, code) for code in (guess.code, lang))
    instead = ANOTHER_LANGUAGE_HINT if guess.code not in LANGUAGES else f"import it again with LANG={guess.code}"
    return (
        f"lang: LANG={lang} was given, but the text reads as {name} ({guess.code}), not {given} "
        f"({instead}; if it is {given} after all, delete `review: [lang]`)"
    )


def derived_title(source: ParsedSource, why: str) -> tuple[str, str]:
    """The title made of the text of a source that gives none, for the editor to review; and the note on it, saying
    `why` the source gave none and what the title was made of."""
    if source.lead:
        opened = source.lead != source.lead_paragraph
        title, how = derive_title(source.lead, "the lead" + (" after the date line opening it" if opened else ""))
    else:
        first = source.blocks[0]
        title, how = derive_title(
            first.text,
            f"the text's first {first.kind.value} (the text has no lead: no paragraph of words but a date line or a "
            "byline)",
        )
    return title, f"was guessed, as {why}: {how}"


def derive_title(text: str, what: str) -> tuple[str, str]:
    """`text`'s first sentence (up to the first `.`, `?`, `!` or `…` that ends one, `_ends_a_sentence`; without a full
    stop), cut at a word if it is long; and what it is, of `what` (`the lead`), as the note on it says."""
    end = next((mark for mark in _SENTENCE_END.finditer(text) if _ends_a_sentence(text, mark)), None)
    sentence = (text[: end.end()] if end else text).rstrip(".")
    how = (
        f"it is the first sentence of {what} (up to the first `.`, `?`, `!` or `…` before a capital or a quotation)"
        if end
        else f"it is {what}, which is one sentence"
    )
    if len(sentence) <= DERIVED_TITLE_MAX_CHARS:
        return sentence, how
    cut = sentence[:DERIVED_TITLE_MAX_CHARS].rsplit(" ", 1)[0].rstrip(",;:–- ") + "…"
    return cut, f"{how}, cut at a word to at most {DERIVED_TITLE_MAX_CHARS} characters and ended with `…`"


def _ends_a_sentence(text: str, mark: re.Match[str]) -> bool:
    """The `.`, `?`, `!` or `…` found by `_SENTENCE_END` in `text` ends a sentence: what follows opens one (a capital,
    a quotation), and it is no part of the word it closes: of a name written with it (`Yahoo!`), an abbreviation
    (`Dr.`, `im.`) or an initial (`J.`, `U.S.`)."""
    opens = mark.group(1)
    if not (opens.isupper() or opens in _SENTENCE_OPENS):
        return False
    word = text[: mark.end()].split()[-1].lstrip(_SENTENCE_OPENS)
    if word in _NAMES_WITH_A_MARK:
        return False
    stem = word[:-1]
    return not (
        word.endswith(".")
        and not stem.endswith(".")  # an ellipsis written `...`
        and ("." in stem or len(stem) == 1 or stem.casefold() in _ABBREVIATIONS)
    )


def _validate(source_path: Path, target: Path, text: str, source_text: str = "") -> None:
    """Read the file back as the build will, from memory (nothing is written); a problem names the source,
    at the source's line where it can be told."""
    try:
        parse_article(text.encode("utf-8"), target)
    except ContentError as exc:
        raise ContentError(*(
            Problem(
                str(source_path), _source_line(source_text, text, problem.line), problem.field,
                f"the imported article would be invalid: {problem.message}",
                by_variable(problem.hint, problem.field, IMPORT_FIELDS) or "check the options given",
            )
            for problem in exc.problems
        )) from None  # fmt: skip


def _source_line(source: str, draft: str, line: int | None) -> int | None:
    """The line of `source` that holds what is wrong at `line` of the draft: a search marker, or the draft
    line's text (its first words); None when the source does not hold it as such."""
    if line is None or not source:
        return None
    wrong = draft.split("\n")[line - 1] if line <= draft.count("\n") + 1 else ""
    if RESERVED.search(wrong) and (found := RESERVED.search(source)):
        return line_of(source, found.start())
    words = " ".join(wrong.replace("\\", "").split()[:6]).strip("#>*- ")
    if len(words) >= 8 and (offset := source.find(words)) >= 0:
        return line_of(source, offset)
    return None


def write(imported: Imported, dest: Path, force: bool = False) -> tuple[Path, bool]:
    """Write under `dest`; (path, changed). An existing different file is kept unless `force`; an article whose
    translation_key (in its language) or address another article of the archive has is not written (`clashes`).

    Every path is checked before the first byte is written (`paths.target_inside`), and written
    through `paths.write_file`, which refuses anything outside `dest`.
    """
    target = paths.target_inside(dest, imported.path)
    data = imported.text.encode("utf-8")
    if os.path.lexists(target):
        if paths.read_bytes(target, dest) == data:
            return target, False
        if not force:
            raise content_error(
                target, None, "file", "already exists and differs from this import",
                "compare them; to replace it, import again with FORCE=1; if it is another article, import it "
                f"with {_names_of_another(imported, dest)}",
            )  # fmt: skip
    if found := clashes(dest, parse_front_matter(data, target)):
        raise ContentError(*found)
    return paths.write_file(dest, imported.path, data, replace=True), True


def _names_of_another(imported: Imported, dest: Path) -> str:
    """`KEY=...`, and `SLUG=...` where the address is taken too: names with which the import is another article
    beside the one whose file it would replace (`clashes.Neighbours`)."""
    meta = parse_article(imported.text.encode("utf-8"), imported.path).meta
    return Neighbours.of(dest, meta).names_of_another(meta)
