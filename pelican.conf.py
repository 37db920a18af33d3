"""Pelican settings for the Hanoi Convention archive (development and tests).

`publish.conf.py` extends this for the public site.
"""

import os
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent
if str(ROOT / "plugins") not in sys.path:
    sys.path.insert(0, str(ROOT / "plugins"))

from archive_core.locales import LANGUAGES  # noqa: E402
from archive_core.urls import section_url  # noqa: E402

SITENAME = "Hanoi Convention Archive"
SITEURL = ""
RELATIVE_URLS = False
PATH = os.environ.get("ARCHIVE_CONTENT", str(ROOT / "content"))
OUTPUT_PATH = str(ROOT / "output")
THEME = str(ROOT / "theme")
TIMEZONE = "Europe/Warsaw"
DEFAULT_LANG = "pl"

# search before publishing: Pagefind indexes the pages while the sitemap is written (search/README.md), and
# the stylesheets are minified (css_minify); parallel_writer last (its README).
PLUGINS = [
    "markdown_reader",
    "ui_i18n",
    "bilingual",
    "search",
    "publishing",
    "css_minify",
    "countries",
    "output_guard",
    "timeline",
    "years",
    "topics",
    "related",
    "annotations",
    "citations",
    "open_data",
    "about",
    "parallel_writer",
]

# Content: articles only; curated data (YAML) is read by its own plugins.
ARTICLE_PATHS = ["articles"]
# Hidden files and folders (editors' swap and lock files) are never content: Pelican's default,
# "**/.*", matches only names with a slash, so no file name; plugins/archive_core/paths.py skips the same.
IGNORE_FILES = [".*"]
PAGE_PATHS = []
STATIC_PATHS = []
ARTICLE_TRANSLATION_ID = None  # pairing is done by the `bilingual` plugin
ARTICLE_URL = "{lang}/{date:%Y}/{slug}/"
ARTICLE_SAVE_AS = "{lang}/{date:%Y}/{slug}/index.html"
ARTICLE_LANG_URL = ARTICLE_URL  # both languages are first-class, same scheme
ARTICLE_LANG_SAVE_AS = ARTICLE_SAVE_AS
DEFAULT_DATE_FORMAT = "%Y-%m-%d"

# Pelican's own listings are replaced by per-language ones.
DIRECT_TEMPLATES = []
ARCHIVES_SAVE_AS = AUTHORS_SAVE_AS = CATEGORIES_SAVE_AS = TAGS_SAVE_AS = ""
AUTHOR_SAVE_AS = CATEGORY_SAVE_AS = TAG_SAVE_AS = ""
YEAR_ARCHIVE_SAVE_AS = MONTH_ARCHIVE_SAVE_AS = DAY_ARCHIVE_SAVE_AS = ""
DEFAULT_PAGINATION = 20
# Long listings: a year's, a topic's and a country's articles, one line each, and the timeline's events (a year's,
# and what happens next), and the corrections log (the about page, then its later pages), with a link to every page.
PAGINATED_TEMPLATES = {"index": None, "year": 100, "topic": 100, "country": 100, "timeline": 50, "topics": 200}
PAGINATED_TEMPLATES["about"] = 50
PAGINATION_PATTERNS = [
    (1, "{url}", "{save_as}"),
    (2, "{base_name}/page/{number}/", "{base_name}/page/{number}/index.html"),
]

# No feeds while developing; publish.conf.py turns them on.
FEED_ALL_ATOM = None
CATEGORY_FEED_ATOM = None
TRANSLATION_FEED_ATOM = None
AUTHOR_FEED_ATOM = None
AUTHOR_FEED_RSS = None

JINJA_ENVIRONMENT = {
    "autoescape": True,
    "trim_blocks": True,
    "lstrip_blocks": True,
    "extensions": ["jinja2.ext.i18n"],
    # Templates do not change during a build: no stat() of each template at every include.
    "auto_reload": False,
    # Jinja's optimizer folds constant expressions at compile time, which the theme hardly has: without it the pages
    # are the same and compiling the theme, a fixed cost of every build, takes a fifth less (docs/performance.md).
    "optimized": False,
}

# publishing: "suggest a correction" and history links on every article page.
REPOSITORY_URL = os.environ.get(
    "REPOSITORY_URL", "https://github.com/hanoi-convention-archive/hanoi-convention-archive.github.io"
)
REPOSITORY_BRANCH = os.environ.get("REPOSITORY_BRANCH", "main")
# The kind of host REPOSITORY_URL is on (github, gitlab, forgejo or gitea), whose form its files' addresses take: known
# for github.com, gitlab.com and codeberg.org; required for any other host (archive_core/repository.py).
REPOSITORY_FORGE = os.environ.get("REPOSITORY_FORGE", "")
REPOSITORY_CONTENT_PATH = "content"  # where PATH is inside the repository
# Feeds, sitemap.xml, robots.txt and JSON-LD need absolute URLs: SITEURL when it is
# absolute (publish.conf.py), this otherwise: where `make serve`/`make devserver` serve,
# on the port given as `make serve PORT=...` (ARCHIVE_PORT; 8000 by default).
_PORT = os.environ.get("ARCHIVE_PORT") or "8000"
if not re.fullmatch(r"[0-9]{1,5}", _PORT) or not 0 < int(_PORT) < 65536:
    raise SystemExit(f"PORT must be a whole number from 1 to 65535, not {_PORT!r}")  # as tools/make_inputs.py
LOCAL_SITEURL = f"http://127.0.0.1:{int(_PORT)}"

# Sent as a <meta http-equiv> on every page; static hosts may also send it as a header.
CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; "
    "img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; "
    "base-uri 'self'; form-action 'self'"
)

# Search (plugins/search/README.md): a search page per language; base.html folds the words
# Pagefind cannot fold (`search_folding`) while pages are rendered.
SEARCH_PAGES = {lang: section_url("search", lang) for lang in LANGUAGES}
SEARCH_FOLDING = "template"
# Page furniture inside the indexed region that would only crowd the excerpts.
SEARCH_EXCLUDE_SELECTORS = [
    ".article > header .meta",
    ".provenance dt",
    ".country > header .meta",
    ".timeline-details dt",
    ".timeline-anchor",
]

# Reproducible output: no "last build" timestamps anywhere.
CACHE_CONTENT = False
LOAD_CONTENT_CACHE = False

# search: False skips the Pagefind index, for builds whose pages are only read (tests; `make diff`
# sets ARCHIVE_SEARCH_INDEX=0 for the base's build).
SEARCH_INDEX = os.environ.get("ARCHIVE_SEARCH_INDEX", "1") != "0"

# Speed (plugins/markdown_reader, archive_core.reading): articles are read by one process per core (0),
# through a content cache that is safe to delete ("" turns it off).
_WORKERS = os.environ.get("ARCHIVE_WORKERS") or "0"
if not re.fullmatch(r"[0-9]{1,3}", _WORKERS):
    raise SystemExit(f"ARCHIVE_WORKERS must be a whole number of processes (0: one per core), not {_WORKERS!r}")
ARCHIVE_WORKERS = int(_WORKERS)
ARCHIVE_CACHE_DIR = os.environ.get("ARCHIVE_CACHE_DIR", str(ROOT / ".cache" / "content"))
# The theme's templates compiled once and kept, as Python keeps its bytecode: in the virtualenv the build runs in,
# when that is inside the repository (`.venv`, which `make clean` keeps); else compiled in every build.
_VENV = Path(sys.prefix).resolve()
TEMPLATE_BYTECODE_DIR = (
    str(_VENV / "template-bytecode") if sys.prefix != sys.base_prefix and _VENV.is_relative_to(ROOT) else ""
)
# publishing: the sitemap reads each page's head once; a page an edit left as it was is not read again.
SITEMAP_HEAD_CACHE = os.path.join(ARCHIVE_CACHE_DIR, "sitemap-heads") if ARCHIVE_CACHE_DIR else ""
