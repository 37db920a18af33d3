"""Links between articles: every `{filename}` link must reach an article that is published.

Pelican only logs a warning for a `{filename}` link it cannot resolve, and
publishes the page with a broken link; the archive refuses it instead.
"""

from __future__ import annotations

import os
import posixpath
import re
import string
import unicodedata
from collections.abc import Collection, Iterable, Sequence
from functools import lru_cache
from pathlib import Path
from urllib.parse import unquote, urlparse

from archive_core import paths
from archive_core.errors import ContentError, Problem

from .articles import ArticleDocument, RefusedArticle
from .layout import ascii_name
from .locales import LANGUAGES
from .markdown import COPIED_PREFIXES, ID_ATTRIBUTE, SiteLink
from .suggestions import as_slug

# Pelican prefixes for pages this site does not publish (no tag, category or author pages).
_UNPUBLISHED = {"tag": "tag", "category": "category", "author": "author"}
_PREFIX = re.compile(r"^(?:\{\w+\}|\|\w+\|)(.*)$")
# What a `{static}` link may publish: files a browser shows or downloads, never runs. The site's CSP is in each
# page's <meta>, so a copied `.html` or `.svg` page would run its scripts on the site's origin with none.
COPIED_TYPES = frozenset((
    ".pdf", ".txt", ".csv", ".json", ".png", ".jpg", ".jpeg", ".gif", ".webp", ".avif",
    ".mp3", ".m4a", ".ogg", ".oga", ".opus", ".wav", ".mp4", ".webm",
    ".odt", ".ods", ".odp", ".doc", ".docx", ".xls", ".xlsx", ".ppt", ".pptx", ".epub", ".zip",
))  # fmt: skip
COPIED_HINT = (
    "a {static} link copies a plain file of the content folder into the site, one of "
    + " ".join(sorted(COPIED_TYPES))
    + ": put the file there; a saved web page is imported with `make import`, or linked at its https:// address"
)
_HINT = "link to another article as [text]({filename}/articles/<year>/<translation_key>.<lang>.md)"
# The folders at the root of the site that the build writes into: each language's pages (`en/timeline.json`),
# the open data (`data/countries.json`), the search index and the theme's files. A file copied with {static}
# keeps its path in content/, and Pelican copies it after the pages are written, over any file there: one in such
# a folder, or at the root (`robots.txt`), replaced a file of the site's own; a folder named as a file of the root
# (`index.html/`) stopped the build. tests/test_security_paths.py checks that these folders, and files with an
# extension, are all a build writes at the root.
SITE_FOLDERS = frozenset({*LANGUAGES, "data", "pagefind", "theme"})
# The characters a copied file's path may hold: those a URL's path holds as they are (RFC 3986's unreserved and
# sub-delimiters, and `@`), but `&` and `;`. markdown-it writes any other (a space, `#`, `%`, `ł`) as a %-escape,
# which Pelican reads back only for a space, and then publishes the space in the address, which is no valid URL
# (`href="/files/a b.pdf"`); `&` the page writes `&amp;`, and `;` starts a parameter to Python's urlparse, as to
# Pelican: a link to `a&b.pdf` passed `make check`, and the build failed on the file `a&amp`.
_ADDRESS_CHARACTERS = frozenset(string.ascii_letters + string.digits + "-._~!$'()*+,=@/")
UNREACHABLE = "which no link reaches as the site publishes it"
NAME_HINT = "rename it with ASCII letters, digits, '.', '-' and '_' only, and link it by that name"
SITE_ADDRESS_HINT = (
    "keep the files a link copies in a folder of their own under content/ (create one, such as content/files/), "
    "and link them with {static}"
)


def broken_link_problems(
    content_dir: Path,
    docs: Sequence[ArticleDocument],
    refused: Collection[str] = (),
    refused_linking: Sequence[RefusedArticle] = (),
) -> list[Problem]:
    """`refused`: the article files refused for an error of their own, which a `{filename}` link may reach;
    `refused_linking`: refused articles whose links (`RefusedArticle.site_links`) are checked too."""
    linking = [doc for doc in (*docs, *refused_linking) if doc.site_links]
    if not linking:  # most archives: no path resolved for each article
        return []
    content_dir = content_dir.resolve()
    published: dict[Path, ArticleDocument | None] = {Path(path).resolve(): None for path in refused}
    published.update((Path(doc.path).resolve(), doc) for doc in docs)
    ids: dict[Path, frozenset[str]] = {}  # each target's ids, found once: not once per link to it
    problems = []
    for doc in linking:
        unreachable_by_url: dict[str, tuple[str, str] | None] = {}  # an article's many links to one file: one look
        for link in doc.site_links:
            if link.url not in unreachable_by_url:
                unreachable_by_url[link.url] = _unreachable_name(content_dir, Path(doc.path), link)
            if unreachable := unreachable_by_url[link.url]:
                message, hint = unreachable
                problems.append(Problem(doc.path, link.line, link.field, f"link {link.url!r} {message}", hint))
                continue
            message = _link_problem(content_dir, Path(doc.path), link, published, ids)
            hint = COPIED_HINT if link.prefix in COPIED_PREFIXES else _HINT
            if message in _NO_SUCH_FILE:
                hint = _proposed_link(content_dir, Path(doc.path), link, published) or hint
            if not message and link.prefix in COPIED_PREFIXES:
                message, hint = _copied_address_problem(content_dir, Path(doc.path), link), SITE_ADDRESS_HINT
            if message:
                problems.append(Problem(doc.path, link.line, link.field, f"link {link.url!r} {message}", hint))
    return problems


def _unreachable_name(content_dir: Path, source: Path, link: SiteLink) -> tuple[str, str] | None:
    """Why a `{static}` link cannot reach the file it names (its path unescaped, as its writer meant it): a name
    no address reaches, or %-escapes Pelican does not read (it reads `%20` alone, and looks for `a%27b.pdf`)."""
    if link.prefix not in COPIED_PREFIXES or _published_elsewhere(link):  # told as such
        return None
    if (target := _named_file(content_dir, source, link)) is None:
        return None
    relative = target.relative_to(content_dir).as_posix()
    if characters := unreachable_characters(relative):
        return f"points to {relative}, a name with {characters}, {UNREACHABLE}", name_hint(content_dir, relative)
    if _resolve(content_dir, source, pelican_path(link)) != target:
        # {static}, whatever the link's prefix: an {attach} link is refused for the folder it copies into
        return (
            f"spells {relative} with %-escapes, which Pelican does not read (it decodes only %20)",
            f"write the path as the file is named, without escapes: {{static}}/{relative}",
        )
    return None


def _named_file(content_dir: Path, source: Path, link: SiteLink) -> Path | None:
    """The file of the content folder a copying link's path names, unescaped, as its writer meant it: with what
    follows a `#` or `?` read as part of the name where only so does it name a file (`a#b.pdf`, written as it is,
    was told it "does not exist", and the file `a#b.pdf` that nothing links)."""
    target = _resolve(content_dir, source, link.target)
    if target is not None and paths.named_as_written(content_dir, target):
        return target
    whole = unquote(match.group(1)) if (match := _PREFIX.match(link.url)) else link.target
    named = _resolve(content_dir, source, whole) if whole != link.target else None
    if named is not None and paths.named_as_written(content_dir, named):
        return named
    return _named_otherwise(content_dir, target)


def _named_otherwise(content_dir: Path, target: Path | None) -> Path | None:
    """The file at `target` whose name is saved decomposed (`e` and U+0328 for `ę`, as macOS names files): the text
    is read composed (NFC), so its link names the file composed. Found, it is told as a name no link reaches, and
    renamed; not told a file that "does not exist", to be put there a second time."""
    if target is None or target.as_posix().isascii():
        return None
    found = content_dir
    for part in target.relative_to(content_dir).parts:
        names = paths.listed_names(found)
        if part not in names:
            part = next((name for name in names if unicodedata.normalize("NFC", name) == part), part)
        found = found / part
    return found if paths.named_as_written(content_dir, found) else None


def linked_unreachable(problems: Iterable[Problem], content_dir: str | Path) -> set[str]:
    """The files (absolute paths) that links of `problems` are told to rename, with the link: a name with `?`,
    which Windows cannot hold either, is then told at the link alone, whose hint ends both problems."""
    return {
        os.path.abspath(os.path.join(content_dir, file))
        for problem in problems
        if problem.field == "body" and (file := _unreachable_file(problem.message))
    }


def _unreachable_file(message: str) -> str | None:
    """The file a link's message names as one no link reaches (`_unreachable_name`), read from its end: a regular
    expression of `.+` twice took minutes on a link holding `points to , a name with ` many times."""
    head, found, _ = message.removesuffix(f", {UNREACHABLE}").rpartition(", a name with ")
    if not found or not message.endswith(UNREACHABLE) or " points to " not in head:
        return None
    return head.rpartition(" points to ")[2]


def name_hint(content_dir: Path, relative: str) -> str:
    """NAME_HINT with the path to give the file at `relative` and the link to write. Each part no link reaches is
    transliterated (`zdjęcia/łódź.png`: `zdjecia/lodz.png`, the folder too, or the file renamed alone stays out of
    reach), in a folder of its own where it would take an address of the site's (`łódź.png`: `files/lodz.png`), never
    as a file that is there; linked with {static}, whatever the link's prefix: an {attach} link is refused."""
    *folders, name = relative.split("/")
    parts = [as_slug(folder) or "files" if unreachable_characters(folder) else folder for folder in folders]
    # Each name of the folder no link reaches, in order, is given one no other file has nor is given before it:
    # the hint of each file alike, whichever check tells it (`a b.pdf` and `a#b.pdf` were both told `a-b.pdf`).
    # Given once for the folder as it is (its names, and those of the folders they are given in): each file of a
    # folder of 2,000 photos named `IMG 0001.jpg` went through the names before its own, told in 30 s.
    given = {}
    if unreachable_characters(name):
        states = tuple(_state(content_dir.joinpath(*where)) for where in (folders, parts, ["files", *parts]))
        given = _given_in_folder(content_dir, tuple(folders), tuple(parts), states)
    if name not in given:  # a name not in its folder (or no folder): given after the names before it there
        names = sorted({name, *given})
        given = _given_names(content_dir, parts, names[: names.index(name) + 1])
    renamed = given[name]
    return f"{NAME_HINT}: such as {renamed}, linked as {{static}}/{renamed}"


def _state(folder: Path) -> tuple[int, ...]:
    """What changes when a file is added to, removed from or renamed in `folder`."""
    try:
        state = os.stat(folder)
    except OSError:
        return ()
    return state.st_ino, state.st_mtime_ns, state.st_size


@lru_cache(maxsize=16)
def _given_in_folder(
    content_dir: Path, folders: tuple[str, ...], parts: tuple[str, ...], states: tuple[tuple[int, ...], ...]
) -> dict[str, str]:
    """`_given_names` of the names of the folder `folders` that no link reaches, in order; once per folder, not once
    per file (`states`, of the folder and those its names are given in, only keys the cache)."""
    try:
        names = sorted(os.listdir(content_dir.joinpath(*folders)))
    except OSError:
        return {}
    return _given_names(content_dir, parts, [name for name in names if unreachable_characters(name)])


def _given_names(content_dir: Path, parts: Sequence[str], names: Sequence[str]) -> dict[str, str]:
    """Each of `names`, in order -> the path `name_hint` gives it in the folder `parts`: none a file has, nor one
    given to a name before it."""
    given: dict[str, str] = {}
    taken: set[str] = set()
    numbers: dict[str, int] = {}  # each name numbered -> its next number: those below it are taken
    for other in names:
        renamed = "/".join([*parts, ascii_name(other, "file") if unreachable_characters(other) else other])
        if site_address_problem(renamed):
            renamed = f"files/{renamed}"
        first, (stem, suffix) = renamed, os.path.splitext(renamed)
        number = numbers.get(first, 2)
        # a name a file has in any capitals is taken: a checkout on macOS or Windows could not hold both
        while paths.found_in_any_case(content_dir, content_dir / renamed) or renamed in taken:
            renamed, number = f"{stem}-{number}{suffix}", number + 1
        numbers[first] = number
        taken.add(renamed)
        given[other] = renamed
    return given


def unreachable_characters(relative: str | Path) -> str | None:
    """The characters of `relative`, a copied file's path in the site, that no link reaches it with, or None."""
    others = sorted(set(Path(relative).as_posix()) - _ADDRESS_CHARACTERS)
    return ", ".join(repr(character) for character in others) if others else None


def _copied_address_problem(content_dir: Path, source: Path, link: SiteLink) -> str | None:
    """Why the file a `{static}` or `{attach}` link copies could take the address of a file of the site's own."""
    if link.prefix == "attach":  # into the linking page's folder, beside its own files (`cite.json`)
        return "copies the file into the article's own folder, where the site writes the article's files"
    target = _resolve(content_dir, source, pelican_path(link))
    return site_address_problem(target.relative_to(content_dir)) if target else None


def site_address_problem(relative: str | Path) -> str | None:
    """Why a file copied to `relative`, its path in the site, could take the address of a file of the site's own:
    at the root, or in a folder the site writes into (`SITE_FOLDERS`)."""
    parts = Path(relative).parts
    if len(parts) < 2:
        return "would be published at the root of the site, where the site writes its own files (robots.txt)"
    if parts[0].lower() in SITE_FOLDERS:
        return f"would be published in {parts[0]}/, where the site writes its own pages and files"
    if "." in parts[0]:  # the site's files at its root are named so (`robots.txt`, `index.html`): not as folders
        return f"would be published in a folder {parts[0]}/, named as the site's files at its root are"
    return None


def _link_problem(
    content_dir: Path,
    source: Path,
    link: SiteLink,
    published: dict[Path, ArticleDocument | None],
    ids: dict[Path, frozenset[str]],
) -> str | None:
    if link.prefix in _UNPUBLISHED:
        return f"points to a {_UNPUBLISHED[link.prefix]} page, and this site has none"
    if link.prefix == "":
        return "points to a Markdown file without {filename}, so it would be broken on the site"
    if problem := _published_elsewhere(link):
        return problem
    if link.prefix == "index":
        return None
    written = pelican_path(link) if link.prefix in COPIED_PREFIXES else link.target
    if written.startswith("/") and posixpath.normpath(written) != written:
        # Pelican finds `/x` as the file `x` of the content folder, as written: `/a/./b.md` is no file's name, and
        # the link was published as written, broken.
        return f"is not found as written: Pelican reads the path after a '/' as it is; write {_plain(written)}"
    target = _resolve(content_dir, source, written)
    if target is None:
        return "points outside the content folder"
    if link.prefix == "filename":
        if target in published and published[target] is None:
            return None  # an article refused for an error of its own: the link is checked once it reads
        doc = published.get(target)
        if doc is None and paths.named_as_written(content_dir, target):  # as the server finds it, not the system
            return _NOT_AN_ARTICLE
        if doc is None:
            return _NO_ARTICLE
        if link.fragment and target not in ids:
            ids[target] = frozenset(ID_ATTRIBUTE.findall(doc.html))
        if link.fragment and link.fragment not in ids[target]:
            return f"points to #{link.fragment}, which is not on that page"
        return None
    if not paths.named_as_written(content_dir, target):  # `mapa.PNG` for `mapa.png`: on macOS, the system finds it
        return _NO_FILE
    try:  # Pelican copies it into the site: it must be a plain file inside the content folder
        paths.regular_file(target, content_dir)
    except ContentError as exc:
        return f"points to a file that {exc.problem.message}"
    problem = copied_type_problem(target)
    return f"points to a file that {problem}" if problem else None


_NO_FILE = "points to a file that does not exist"
_NO_ARTICLE = "points to an article that is not in the archive"
_NOT_AN_ARTICLE = "points to a file that is not a published article"
_NO_SUCH_FILE = frozenset({_NO_FILE, _NO_ARTICLE, _NOT_AN_ARTICLE})


def _proposed_link(
    content_dir: Path, source: Path, link: SiteLink, published: dict[Path, ArticleDocument | None]
) -> str | None:
    """The hint of a link whose path names no file it may link as written, where the file it meant is there: read
    from the content folder's root rather than the article's own folder (`{static}images/a.png`), named in other
    capitals (`a.PNG`: found on macOS and Windows, not on the Linux host), or a file linked as an article
    (`{filename}/images/a.png`). The link proposed starts at the root, with the prefix the file is linked by."""
    if (meant := _meant_file(content_dir, source, link, published)) is None:
        return None
    found, target, from_root = meant
    relative, reasons = found.relative_to(content_dir).as_posix(), []
    if from_root:
        folder = Path(os.path.realpath(source)).parent.relative_to(content_dir).as_posix()
        reasons.append(f"a path without a leading '/' is read from the article's own folder ({folder}/)")
    if found != target:
        reasons.append(f"the file is named {relative}, and the site's server tells capitals apart")
    if published.get(found) is None:  # a file: linked with {static}, whatever the link's prefix
        if link.prefix == "filename":
            reasons.append(f"{relative} is a file, not an article, and a file is linked with {{static}}")
        return f"{'; '.join(reasons)}: write {{static}}/{relative}"
    fragment = f"#{link.fragment}" if link.fragment else ""
    return f"{'; '.join(reasons)}: write {{filename}}/{relative}{fragment}"


def _meant_file(
    content_dir: Path, source: Path, link: SiteLink, published: dict[Path, ArticleDocument | None] | None = None
) -> tuple[Path, Path, bool] | None:
    """The file a `{static}`, `{attach}` or `{filename}` link meant, where it names none it may link as written: a
    file a link copies (or an article `published` holds, for a `{filename}` link) at the path as written or, without
    its leading '/', from the content folder's root, in any capitals; with the path it names, and whether the file
    is read from the root."""
    if link.prefix not in (*COPIED_PREFIXES, "filename"):
        return None
    written = pelican_path(link) if link.prefix in COPIED_PREFIXES else link.target
    for path in (written,) if written.startswith("/") else (written, f"/{written}"):
        target = _resolve(content_dir, source, path)
        found = paths.found_in_any_case(content_dir, target) if target else None
        if found is None or not found.is_file():
            continue
        if link.prefix == "filename" and published is not None and published.get(found) is not None:
            return found, target, path != written
        if found.suffix.lower() != ".md" and copied_type_problem(found) is None:
            return found, target, path != written
        if found == target:  # there as written: the file meant, which the link may not link
            return None
    return None


def _published_elsewhere(link: SiteLink) -> str | None:
    """Why Pelican would publish `link` as the address of another site or scheme: it keeps the scheme, host, query
    and fragment around the path it replaces, so `{static}//evil.example/files/a.png` became an image of
    evil.example, and `{static}javascript:a/../../../x/g.pdf?0:alert(1)` a `javascript:` link."""
    match = _PREFIX.match(link.url)
    try:
        value = urlparse(match.group(1) if match else link.url)
    except ValueError:  # `//[x`: no address Pelican could read either
        return "is no address Pelican can read: write the path of the content folder's file after the prefix"
    if value.scheme:
        return f"would be published as a {value.scheme}: address, not a page of the site: write only a path after it"
    if value.netloc:
        return f"would be published as an address of {value.netloc}, another site: write one '/' before the path"
    return None


def _plain(path: str) -> str:
    """`path` as Pelican finds it: `/a/./b//c.md` is `/a/b/c.md`."""
    return "/" + posixpath.normpath(path).lstrip("/")


def copied_type_problem(path: str | Path) -> str | None:
    """Why the site may not publish `path` as it is (a page or image that runs scripts), or None."""
    suffix = Path(path).suffix.lower()
    if suffix in COPIED_TYPES:
        return None
    kind = f"a {suffix} file" if suffix else "a file without an extension"
    return f"is {kind}, which a browser may open as a page and run its scripts on the archive's address"


def copied_files(content_dir: Path, docs: Sequence[ArticleDocument | RefusedArticle]) -> set[Path]:
    """The files of the content folder that `{static}` and `{attach}` links copy into the site."""
    content_dir = content_dir.resolve()
    found = set()
    for doc in docs:
        for link in doc.site_links:
            if link.prefix in COPIED_PREFIXES:
                # the file the link names as written too: one it cannot reach is told at the link, once
                written = (_resolve(content_dir, Path(doc.path), path) for path in (pelican_path(link), link.target))
                found.update(target for target in written if target)
                if named := _named_file(content_dir, Path(doc.path), link):
                    found.add(named)
            # the file a link meant, told at the link with the link to write: not a second time as a file no link copies
            copies = link.prefix in COPIED_PREFIXES or not link.target.lower().endswith(".md")
            if copies and (meant := _meant_file(content_dir, Path(doc.path), link)):
                found.add(meant[0])
    return found


def pelican_path(link: SiteLink) -> str:
    """The path Pelican copies for a `{static}` or `{attach}` link (`Content.get_static_links`)."""
    match = _PREFIX.match(link.url)
    return urlparse(match.group(1) if match else link.target).path.replace("%20", " ")


def _resolve(content_dir: Path, source: Path, target: str) -> Path | None:
    """Pelican's rule: `/x` is relative to the content folder, `x` to the linking file's folder."""
    base = content_dir if target.startswith("/") else Path(os.path.realpath(os.path.dirname(os.path.abspath(source))))
    resolved = Path(os.path.normpath(base / target.lstrip("/")))
    return resolved if resolved.is_relative_to(content_dir) else None
