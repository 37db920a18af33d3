"""Seeded random edits of a content folder, each one thing a contributor does to content/ in a pull request:
the differential tests of the builds after an edit (tests/test_edit_build_differential.py) apply them.

`Editor(content, seed).step()` applies one edit, chosen by weight from `KINDS`, and returns what it did
(`tour()`: every kind once, in an order the seed picks);
`Editor.revert(editor.undo)` puts back the files of the last edit, byte for byte. The same content and seed give the
same edits. Every edit is valid content (`make check` accepts it), except `invalid`, which makes one error.
"""

from __future__ import annotations

import json
import random
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import partial
from pathlib import Path

import yaml

from archive_core.layout import Layout
from archive_core.schema import default_slug
from archive_core.yaml_tags import FrontMatterLoader
from tools.bench.corpus import COUNTRIES, ENGLISH, POLISH, TAGS_EN, TAGS_PL, archive_file, make_pairs

_FILE = re.compile(r"\A---\n(.*?\n)---\n(.*)\Z", re.DOTALL)
_PARAGRAPH = re.compile(r"^[A-ZĄĆĘŁŃÓŚŹŻa-ząćęłńóśźż„\"].{20,}$", re.MULTILINE)
OTHER = {"pl": "en", "en": "pl"}
# The day after the latest date an edit gives (a fixed day, so that a seed gives the same edits any day after it).
LATEST = date(2026, 7, 1)
TOPIC_TRANSLATIONS = {**dict(zip(TAGS_PL, TAGS_EN, strict=True)), **dict(zip(TAGS_EN, TAGS_PL, strict=True))}


@dataclass
class Article:
    """A content file: its front-matter as top-level entries (each its lines, in order) and its body."""

    path: Path
    entries: list[list[str]]
    body: str

    @classmethod
    def read(cls, path: Path) -> Article:
        match = _FILE.match(path.read_text(encoding="utf-8"))
        assert match, path
        entries: list[list[str]] = []
        for line in match[1].splitlines():
            if line[:1] in (" ", "-") and entries:
                entries[-1].append(line)
            else:
                entries.append([line])
        return cls(path, entries, match[2])

    @property
    def meta(self) -> dict:
        return yaml.load("\n".join(line for entry in self.entries for line in entry), Loader=FrontMatterLoader)  # noqa: S506 (a safe loader)

    def text(self) -> str:
        front = "".join(f"{line}\n" for entry in self.entries for line in entry)
        return f"---\n{front}---\n{self.body}"

    def _index(self, key: str) -> int | None:
        return next((i for i, entry in enumerate(self.entries) if entry[0].split(":")[0] == key), None)

    def set(self, key: str, *lines: str) -> None:
        """`key: <first line>` and its indented lines, where the entry was, else last."""
        entry = [f"{key}:{' ' if lines[0] else ''}{lines[0]}", *lines[1:]]
        index = self._index(key)
        if index is None:
            self.entries.append(entry)
        else:
            self.entries[index] = entry

    def drop(self, key: str) -> bool:
        index = self._index(key)
        if index is not None:
            del self.entries[index]
        return index is not None


def quoted(text: str) -> str:
    """`text` as a YAML scalar (a JSON string is a YAML double-quoted one)."""
    return json.dumps(text, ensure_ascii=False)


def flow(values: list[str]) -> str:
    return f"[{', '.join(quoted(v) for v in values)}]"


@dataclass
class Editor:
    content: Path
    seed: int
    today: date = LATEST
    log: list[str] = field(default_factory=list)
    undo: dict[Path, bytes | None] = field(default_factory=dict)  # the last edit's files, as they were
    rng: random.Random = field(init=False)
    count: int = 0

    def __post_init__(self) -> None:
        self.rng = random.Random(self.seed)  # noqa: S311 (reproducible test data)

    # The files, and writing them so that the last edit can be undone

    def articles(self) -> list[Path]:
        return sorted((self.content / "articles").rglob("*.md"))

    def versions(self) -> dict[str, dict[str, Path]]:
        """Every translation_key's files, by language."""
        found: dict[str, dict[str, Path]] = {}
        for path in self.articles():
            key, lang = path.name.removesuffix(".md").rsplit(".", 1)
            found.setdefault(key, {})[lang] = path
        return found

    def _keep(self, path: Path) -> None:
        if path not in self.undo:
            self.undo[path] = path.read_bytes() if path.exists() else None

    def save(self, article: Article, path: Path | None = None) -> None:
        target = path or article.path
        self._keep(target)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(article.text(), encoding="utf-8")

    def delete(self, path: Path) -> None:
        self._keep(path)
        path.unlink()

    def pick(self, paths: list[Path] | None = None) -> Article:
        return Article.read(self.rng.choice(paths if paths is not None else self.articles()))

    def word(self, lang: str) -> str:
        self.count += 1
        return f"{self.rng.choice(POLISH if lang == 'pl' else ENGLISH)}{self.count}"

    def sentence(self, lang: str, words: int = 8) -> str:
        text = " ".join(self.word(lang) for _ in range(words))
        return text[0].upper() + text[1:] + f" zqedit{self.count}x."

    def linked(self) -> set[str]:
        """The translation_keys of the files an article links to (moving or deleting one breaks the link)."""
        pattern = re.compile(r"\{filename\}/articles/\d{4}/([^/.]+)\.")
        return {key for path in self.articles() for key in pattern.findall(path.read_text(encoding="utf-8"))}

    def referenced(self) -> set[str]:
        """The translation_keys other content names: in links, timeline events and people's records."""
        named = self.linked()
        for event in sorted((self.content / "data" / "timeline").glob("*.yaml")):
            named.update(yaml.safe_load(event.read_text(encoding="utf-8")).get("articles") or ())
        for person in yaml.safe_load((self.content / "data" / "people.yaml").read_text(encoding="utf-8")):
            named.update(person["articles"])
        return named

    # The edits: each returns what it did, or None where it does not apply to the content as it is

    def body_word(self, article: Article) -> str | None:
        paragraphs = [m for m in _PARAGRAPH.finditer(article.body) if not m[0].startswith(("„", '"'))]
        if not paragraphs:
            return None
        lead = self.rng.random() < 0.3
        paragraph = paragraphs[0] if lead else self.rng.choice(paragraphs)
        words = list(re.finditer(r"\w{4,}", paragraph[0]))
        if not words:
            return None
        old = self.rng.choice(words)
        start = paragraph.start() + old.start()
        new = self.word(article.meta["lang"])
        article.body = article.body[:start] + new + article.body[start + len(old[0]) :]
        return f"word {old[0]!r} -> {new!r} in {'the lead' if paragraph is paragraphs[0] else 'a paragraph'}"

    def body_append(self, article: Article) -> str:
        lang = article.meta["lang"]
        block = self.rng.choice(["paragraph", "heading", "list"])
        if block == "heading":
            text = f"## {self.sentence(lang, 3).rstrip('.')}\n\n{self.sentence(lang)}"
        elif block == "list":
            text = "\n".join(f"- {self.sentence(lang, 4)}" for _ in range(3))
        else:
            text = self.sentence(lang, 12)
        article.body = article.body.rstrip("\n") + f"\n\n{text}\n"
        return f"a {block} appended"

    def body_link(self, article: Article) -> str | None:
        others = [p for p in self.articles() if p != article.path]
        if not others:
            return None
        target = self.rng.choice(others).relative_to(self.content).as_posix()
        lang = article.meta["lang"]
        article.body = (
            article.body.rstrip("\n") + f"\n\n{self.sentence(lang, 5)} [{self.word(lang)}]({{filename}}/{target})\n"
        )
        return f"a link to {target}"

    def body(self, article: Article) -> str | None:
        edit = self.rng.choice([self.body_word, self.body_word, self.body_append, self.body_link])
        return edit(article)

    def title(self, article: Article) -> str:
        """A new title; where the slug follows the title, most often the slug is first pinned (the URL kept)."""
        meta = article.meta
        new = f"{meta['title'].split(' — ')[0]} — {self.word(meta['lang'])}"
        pinned = "slug" not in meta and self.rng.random() < 0.6
        if pinned:
            article.set("slug", default_slug(meta["title"]))
        article.set("title", quoted(new))
        follows = " (its slug pinned as it was)" if pinned else "" if "slug" in meta else " (its slug follows)"
        return f"title -> {new!r}{follows}"

    def slug(self, article: Article) -> str:
        self.count += 1
        new = f"edited-slug-{self.count}"
        article.set("slug", new)
        return f"slug -> {new}"

    def summary(self, article: Article) -> str:
        if "summary" in article.meta and self.rng.random() < 0.4:
            article.drop("summary")
            return "summary removed"
        had = "summary" in article.meta
        article.set("summary", quoted(self.sentence(article.meta["lang"], 10)))
        return "summary changed" if had else "summary added"

    def date_same_year(self, article: Article) -> str | None:
        old = article.meta["date"]
        year = old.year
        last = min(date(year, 12, 31), self.today - timedelta(days=1))
        day = date(year, 1, 1) + timedelta(days=self.rng.randrange((last - date(year, 1, 1)).days + 1))
        if day == (old.date() if hasattr(old, "date") else old):
            return None
        article.set("date", day.isoformat())
        # A translation has its original's date (a version dated alone is refused): the other versions follow.
        for path in self.versions()[article.meta["translation_key"]].values():
            if path != article.path:
                version = Article.read(path)
                version.set("date", day.isoformat())
                self.save(version)
        return f"date -> {day}"

    def date_other_year(self, article: Article) -> str | None:
        """The date in another year: the file moves to that year's folder (both versions, or only this one,
        which `make check` refuses when the other is its original or translation)."""
        meta = article.meta
        if meta["translation_key"] in self.linked():
            return None
        year = self.rng.choice([y for y in range(2019, self.today.year + 1) if y != meta["date"].year])
        day = date(year, self.rng.randint(1, 12), self.rng.randint(1, 28))
        day = min(day, self.today - timedelta(days=1))
        moved = [article]
        if self.rng.random() < 0.7:
            moved += [
                Article.read(p) for lang, p in self.versions()[meta["translation_key"]].items() if p != article.path
            ]
        for version in moved:
            version.set("date", day.isoformat())
            target = self.content / Layout().article_path(year, meta["translation_key"], version.meta["lang"])
            self.save(version, target)
            self.delete(version.path)
            version.path = target  # `apply` saves the edited article where it now is
        return f"date -> {day}, {len(moved)} file(s) moved to {year}/"

    def countries(self, article: Article) -> str:
        now = list(article.meta.get("countries") or [])
        if now and self.rng.random() < 0.5:
            gone = self.rng.choice(now)
            now.remove(gone)
            change = f"country {gone} removed"
        else:
            added = self.rng.choice([c for c in COUNTRIES if c not in now])
            now.insert(self.rng.randrange(len(now) + 1), added)
            change = f"country {added} added"
        article.set("countries", flow(now))
        return change

    def tags(self, article: Article) -> str:
        lang = article.meta["lang"]
        now = list(article.meta.get("tags") or [])
        if now and self.rng.random() < 0.4:
            gone = self.rng.choice(now)
            now.remove(gone)
            change = f"topic {gone!r} removed"
        else:
            choices = [t for t in (TAGS_PL if lang == "pl" else TAGS_EN) if t not in now] + [self.word(lang)]
            added = self.rng.choice(choices)
            now.append(added)
            change = f"topic {added!r} added"
        if now:
            article.set("tags", flow(now))
        else:
            article.drop("tags")
        return change

    def editor_note(self, article: Article) -> str:
        if "editor_note" in article.meta and self.rng.random() < 0.5:
            article.drop("editor_note")
            return "editor_note removed"
        article.set("editor_note", quoted(self.sentence(article.meta["lang"], 6)))
        return "editor_note set"

    def publisher(self, article: Article) -> str:
        source = article.meta["source"]
        new = f"Publisher {self.word('en')}"
        article.set("source", "", f"  url: {source['url']}", f"  publisher: {quoted(new)}")
        return f"source.publisher -> {new!r}"

    def correction(self, article: Article) -> str:
        meta = article.meta
        published = meta["date"] if type(meta["date"]) is date else meta["date"].date()
        day = min(published + timedelta(days=self.rng.randint(0, 400)), self.today - timedelta(days=1))
        lines = [f"  - date: {day}", f"    change: {quoted(self.sentence(meta['lang'], 4))}"]
        existing = next((e for e in article.entries if e[0] == "corrections:"), None)
        article.set("corrections", "", *(existing[1:] if existing else []), *lines)
        return "a correction added"

    def annotation(self, article: Article) -> str | None:
        words = re.findall(r"\w{6,}", article.body)
        passages = [w for w in dict.fromkeys(words) if len(re.findall(rf"\b{re.escape(w)}\b", article.body)) == 1]
        if not passages or "annotations" in article.meta:
            return None
        passage = self.rng.choice(passages)
        article.set(
            "annotations",
            "",
            f"  - text: {quoted(passage)}",
            "    kind: editor",
            f"    note: {quoted(self.sentence('en', 5))}",
        )
        return f"an annotation on {passage!r}"

    def translator(self, article: Article) -> str | None:
        if "translation" not in article.meta:
            return None
        meta = article.meta["translation"]
        by = f"translator {self.word('en')}"
        article.set("translation", "", f"  from: {meta['from']}", f"  by: {quoted(by)}")
        return f"translation.by -> {by!r}"

    def article_added(self) -> str:
        """A new pair, or a new article in one language."""
        self.count += 1
        pair = make_pairs(1, seed=self.seed * 1000 + self.count)[0]
        pair = type(pair)(**{**pair.__dict__, "index": 900 + self.count, "key": f"added-article-{self.count}"})
        day = min(pair.day, self.today - timedelta(days=1))
        pair = type(pair)(**{**pair.__dict__, "day": day})
        langs = self.rng.choice([("pl", "en"), ("pl",), ("en",)])
        for lang in langs:
            path = self.content / Layout().article_path(pair.day.year, pair.key, lang)
            self._keep(path)
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(archive_file(pair, lang), encoding="utf-8")
        return f"{pair.key} added ({', '.join(langs)}, {pair.day})"

    def article_deleted(self) -> str | None:
        named = self.referenced()
        keys = [k for k in self.versions() if k not in named]
        if len(keys) < 4:
            return None
        key = self.rng.choice(keys)
        files = self.versions()[key]
        if self.rng.random() < 0.5:
            files = {lang: files[lang] for lang in [self.rng.choice(sorted(files))]}
        for path in files.values():
            self.delete(path)
        return f"{key} deleted ({', '.join(sorted(files))})"

    def translation_added(self) -> str | None:
        single = {k: v for k, v in self.versions().items() if len(v) == 1}
        if not single:
            return None
        key = self.rng.choice(sorted(single))
        ((lang, path),) = single[key].items()
        original = Article.read(path)
        lang = OTHER[lang]
        copy = Article(path.with_name(f"{key}.{lang}.md"), [list(e) for e in original.entries], "")
        for name in ("annotations", "translation", "translation_chain", "summary", "corrections", "review"):
            copy.drop(name)
        copy.set("lang", lang)
        copy.set("title", quoted(f"{original.meta['title']} ({lang})"))
        if "tags" in original.meta:
            copy.set(
                "tags",
                flow([TOPIC_TRANSLATIONS.get(t, t) for t in original.meta["tags"]]),
            )
        copy.set("translation", "", f"  from: {original.meta['lang']}", '  by: "the tests"')
        copy.body = "\n\n".join(self.sentence(lang, 12) for _ in range(3)) + "\n"
        self.save(copy)
        return f"{key} translated into {lang}"

    def translation_removed(self) -> str | None:
        named = self.referenced()
        pairs = {k: v for k, v in self.versions().items() if len(v) == 2 and k not in named}
        if not pairs:
            return None
        key = self.rng.choice(sorted(pairs))
        translated = [p for p in pairs[key].values() if "translation" in Article.read(p).meta]
        path = translated[0] if translated else self.rng.choice(sorted(pairs[key].values()))
        self.delete(path)
        return f"the translation {path.name} removed"

    def names_path(self) -> Path:
        return self.content / "data" / "names.yaml"

    def name_written(self, article: Article) -> str | None:
        """A sentence that writes a name of content/data/names.yaml (the page gets every name of its thing)."""
        path = self.names_path()
        names = re.findall(r"(?m)^ *- (?:name: )?(\w+)$", path.read_text(encoding="utf-8")) if path.exists() else []
        if not names:
            return None
        name = self.rng.choice(names)
        article.body = article.body.rstrip("\n") + f"\n\n{self.sentence(article.meta['lang'], 4)} {name}.\n"
        return f"a sentence that writes the name {name!r}"

    def names_edited(self) -> str | None:
        """content/data/names.yaml (made if there is none): a new thing, named by a word of one article and, in
        the other language, by a word of another; or an other name added to a thing."""
        path = self.names_path()
        text = path.read_text(encoding="utf-8") if path.exists() else "names:\n"
        taken = {word.casefold() for word in re.findall(r"\w+", text)}
        written = {w for p in self.articles() for w in re.findall(r"\b[^\W\d_]{7,}\b", Article.read(p).body)}
        words = sorted(w for w in written if w.casefold() not in taken)
        if len(words) < 2:
            return None
        first, second = self.rng.sample(words, 2)
        if text != "names:\n" and self.rng.random() < 0.4:
            new = re.sub(r"(?m)^(      pl:\n)", lambda m: f"{m[1]}        - {second}\n", text, count=1)
            done = f"the other name {second!r} added"
        else:
            new = text + f"  - name: {first}\n    other:\n      pl:\n        - {second}\n"
            done = f"{first!r} named {second!r} too"
        self._keep(path)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(new, encoding="utf-8")
        return f"data/names.yaml: {done}"

    def invalid(self, article: Article) -> str:
        article.set("date", f"{article.meta['date'].year}-13-45")
        return "an impossible date (the build must fail and leave the output as it was)"

    def reformatted(self, article: Article) -> str:
        """The same content in other bytes: an entry moved, the title quoted otherwise, blank lines at the end."""
        how = self.rng.choice(["entry moved", "title quoted otherwise", "blank lines appended"])
        if how == "entry moved":
            entry = article.entries.pop(self.rng.randrange(len(article.entries)))
            article.entries.insert(self.rng.randrange(len(article.entries) + 1), entry)
        elif how == "title quoted otherwise":
            title = article.meta["title"]
            article.set("title", f"'{title}'" if "'" not in title else json.dumps(title))  # \\u escapes
        else:
            article.body += "\n\n"
        return f"reformatted ({how})"

    def source_url(self, article: Article) -> str:
        source = article.meta["source"]
        self.count += 1
        url = f"https://example.org/moved/{self.count}"
        lines = [f"  url: {url}", *(f"  {k}: {quoted(str(v))}" for k, v in source.items() if k != "url")]
        article.set("source", "", *lines)
        return f"source.url -> {url}"

    def saved_unchanged(self, article: Article) -> str:
        return "saved with the same bytes"

    def data_edited(self) -> str | None:
        """A change outside the articles: a timeline event's text or articles, a publisher's name, a person's
        articles, an about page."""
        what = self.rng.choice(["event", "publisher", "about", "quoted", "cited"])
        if what in ("quoted", "cited"):  # a person quoted in one more article; an event citing one more
            path = self.content / "data" / ("people.yaml" if what == "quoted" else "timeline")
            if what == "cited":
                path = self.rng.choice(sorted(path.glob("*.yaml")))
            text = path.read_text(encoding="utf-8")
            lists = list(re.finditer(r"(?m)^ *articles: \[(.*)\]$", text))
            if not lists:
                return None
            found = self.rng.choice(lists)
            key = self.rng.choice(sorted(self.versions()))
            if key in found[1].split(", "):
                return None
            new = text[: found.end(1)] + f", {key}" + text[found.end(1) :]
            what = f"{what}: {key}"
        elif what == "event":
            path = self.rng.choice(sorted((self.content / "data" / "timeline").glob("*.yaml")))
            text = path.read_text(encoding="utf-8")
            new = re.sub(r"(?m)^(  en: )(.*)$", lambda m: f"{m[1]}{m[2]} ({self.word('en')})", text, count=1)
        elif what == "publisher":
            path = self.content / "data" / "publishers.yaml"
            text = path.read_text(encoding="utf-8")
            new = re.sub(r"(?m)^(  name: )(.*)$", lambda m: f"{m[1]}{m[2]} {self.word('en')}", text, count=1)
        else:
            path = self.rng.choice(sorted((self.content / "about").glob("*.md")))
            text = path.read_text(encoding="utf-8")
            new = text.rstrip("\n") + f"\n\n{self.sentence('en', 6)}\n"
        self._keep(path)
        path.write_text(new, encoding="utf-8")
        return f"{path.relative_to(self.content)} edited ({what})"

    # Choosing and applying edits

    def step(self, kind: str | None = None) -> str:
        """One edit of `kind`, else of a kind chosen by `KINDS`' weights, applied; what it did. A kind that
        does not apply to the content as it is (nothing to revert, no untranslated article) gives way to any."""
        previous, self.undo = self.undo, {}
        for attempt in range(1000):
            chosen = kind if kind and attempt < 20 else self.rng.choices(list(KINDS), [w for w, _ in KINDS.values()])[0]
            done = self.revert(previous) if chosen == "revert" else self.apply(chosen)
            if done:
                self.log.append(done)
                return done
        raise AssertionError(f"no edit applies to {self.content}")

    def tour(self) -> list[Callable[[], str]]:
        """Every kind of edit once, in an order the seed picks (a revert after some other edit)."""
        kinds = [kind for kind in KINDS if kind != "revert"]
        self.rng.shuffle(kinds)
        kinds.insert(self.rng.randint(1, len(kinds)), "revert")
        return [partial(self.step, kind) for kind in kinds]

    def apply(self, kind: str) -> str | None:
        if kind in FOLDER_EDITS:
            return FOLDER_EDITS[kind][1](self)
        article = self.pick()
        name = article.path.relative_to(self.content)
        done = ARTICLE_EDITS[kind][1](self, article)
        if done:
            self.save(article)
            return f"{name}: {done}"
        return None

    def scripted(self, done: str, edit: Callable[[Editor], None]) -> str:
        """A given edit (the regression cases), made as `step` makes one."""
        self.undo = {}
        edit(self)
        self.log.append(done)
        return done

    def set_field(self, name: str, key: str, *lines: str) -> None:
        """In the article `name` (relative to the content folder), `key: <lines>`."""
        article = Article.read(self.content / name)
        article.set(key, *lines)
        self.save(article)

    def two_edits(self) -> str | None:
        first = self.apply(self.rng.choice(SIMPLE))
        second = self.apply(self.rng.choice(SIMPLE)) if first else None
        return f"two edits: {first}; {second}" if second else first

    def revert(self, undone: dict[Path, bytes | None]) -> str | None:
        """The files of an edit (its `undo`) back as they were, byte for byte; an undo is an edit too."""
        if not undone:
            return None
        self.undo = {}
        for path, data in undone.items():
            self._keep(path)
            if data is None:
                path.unlink(missing_ok=True)
            else:
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_bytes(data)
        return f"reverted: {self.log[-1]}"


# The edits of one article file (they take it, the editor saves it), by name: (weight, edit).
ARTICLE_EDITS: dict[str, tuple[int, Callable[[Editor, Article], str | None]]] = {
    "body": (8, Editor.body),
    "title": (3, Editor.title),
    "slug": (1, Editor.slug),
    "summary": (4, Editor.summary),
    "date, same year": (2, Editor.date_same_year),
    "date, other year": (2, Editor.date_other_year),
    "countries": (3, Editor.countries),
    "tags": (3, Editor.tags),
    "editor_note": (1, Editor.editor_note),
    "publisher": (1, Editor.publisher),
    "source url": (1, Editor.source_url),
    "correction": (1, Editor.correction),
    "annotation": (1, Editor.annotation),
    "translator": (1, Editor.translator),
    "a name written": (1, Editor.name_written),
    "reformatted": (2, Editor.reformatted),
    "saved unchanged": (1, Editor.saved_unchanged),
    "invalid": (1, Editor.invalid),
}
# The edits of the content folder.
FOLDER_EDITS: dict[str, tuple[int, Callable[[Editor], str | None]]] = {
    "article added": (2, Editor.article_added),
    "article deleted": (2, Editor.article_deleted),
    "translation added": (2, Editor.translation_added),
    "translation removed": (2, Editor.translation_removed),
    "data edited": (1, Editor.data_edited),
    "names edited": (1, Editor.names_edited),
    "two edits": (3, lambda editor: editor.two_edits()),
}
KINDS = {**ARTICLE_EDITS, **FOLDER_EDITS, "revert": (3, None)}  # the last edit's files as they were
SIMPLE = [k for k in KINDS if k not in ("two edits", "revert", "invalid")]
