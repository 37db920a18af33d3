"""What a change would publish: `make diff` builds the site of the base and of the change, and lists the
pages added, removed and changed, with a short text diff of each changed page.

The base is the merge base of HEAD and `make diff DIFF_BASE=...` (ARCHIVE_DIFF_BASE; default: `origin/main`
where it exists, else `main`);
its files come out of git (`git archive`) into .cache/diff/<commit>/, and its site is built there with its
own code and kept for the next run against the same base. The change is the working tree as it is, built
into .cache/diff/change/ (output/ is left as it is). Both builds run at once and without the search index,
which follows from the pages; a build whose inputs did not change since the last run is not run again, and
when output/ is the site of the base or of the change (`make html` built it from the same files: its
portable fingerprint says so), it is read instead of building that side again.
"""

from __future__ import annotations

import argparse
import difflib
import io
import os
import re
import shutil
import subprocess
import sys
import tarfile
import time
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

from .fingerprint import matches, portable
from .make_inputs import given, refusal

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "plugins"))
from archive_core import paths  # noqa: E402
from archive_core.errors import ContentError  # noqa: E402

CACHE = ROOT / ".cache" / "diff"
BASE_VARIABLE = "DIFF_BASE"
# What a build reads from the repository.
BUILD_INPUTS = ("content", "theme", "plugins", "tools", "pelican.conf.py", "publish.conf.py", "requirements.txt")
SKIPPED = ("pagefind/",)
GIT_TIMEOUT = 60  # seconds, for each git command
# A checkout in a CI container belongs to another user: git trusts it only when told so, on its command line.
GIT = ("git", "-c", f"safe.directory={ROOT}")
BUILD_TIMEOUT = 1800
DIFF_LINES = 12  # of each changed page's text diff
KEPT_BASES = 3  # base builds kept in .cache/diff/


class DiffError(Exception):
    pass


@dataclass
class Report:
    added: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    changed: dict[str, list[str]] = field(default_factory=dict)  # name -> its text diff (shortened)

    def lines(self) -> list[str]:
        """The pages (what a reader opens) first, then the other files (feeds, sitemap, data, citations)."""
        out = []
        for kind, wanted in (("pages", is_page), ("other files", lambda name: not is_page(name))):
            for title, names in (("added", self.added), ("removed", self.removed), ("changed", list(self.changed))):
                names = [name for name in names if wanted(name)]
                out.append(f"{kind} {title} ({len(names)}):")
                for name in names:
                    out.append(f"  {name}")
                    out.extend(f"      {line}" for line in self.changed.get(name, []) if title == "changed")
        return out


def is_page(name: str) -> bool:
    return name.endswith(("/", ".html"))


def git(*args: str) -> str:
    try:
        done = subprocess.run([*GIT, *args], cwd=ROOT, capture_output=True, text=True, timeout=GIT_TIMEOUT, check=False)
    except subprocess.TimeoutExpired:
        raise DiffError(f"git {args[0]} took more than {GIT_TIMEOUT} s") from None
    if done.returncode != 0:
        raise DiffError(f"git {' '.join(args)}: {done.stderr.strip()}")
    return done.stdout


def base_commit(name: str | None) -> tuple[str, str]:
    """(the merge base of HEAD and the base branch, the base's name)."""
    if name is None:
        known = git("branch", "--all", "--format=%(refname:short)").split()
        name = "origin/main" if "origin/main" in known else "main"
    if not re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9._/-]*", name) or ".." in name:
        raise DiffError(f"{BASE_VARIABLE}={name!r} is not a branch or commit name")
    commit = git("rev-parse", "--verify", "--quiet", "--end-of-options", f"{name}^{{commit}}").strip()
    return git("merge-base", commit, "HEAD").strip(), name


def base_tree(commit: str) -> Path:
    """The base's build inputs, out of git, in .cache/diff/<commit>/tree (kept for the next run)."""
    folder = CACHE / commit
    tree = folder / "tree"
    if (folder / "tree.done").is_file():
        return tree
    shutil.rmtree(folder, ignore_errors=True)
    tree.mkdir(parents=True)
    present = set(git("ls-tree", "--name-only", commit).split())
    archive = subprocess.run(
        [*GIT, "archive", "--format=tar", commit, "--", *(name for name in BUILD_INPUTS if name in present)],
        cwd=ROOT, capture_output=True, timeout=GIT_TIMEOUT, check=True,
    ).stdout  # fmt: skip
    with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
        tar.extractall(tree, filter="data")  # no absolute paths, no links out of the folder
    paths.write_file(folder, "tree.done", commit.encode(), replace=True)
    return tree


def forget_old_bases(keep: str) -> None:
    bases = (p for p in CACHE.iterdir() if p.is_dir() and p.name != "change")
    folders = sorted(bases, key=lambda p: p.stat().st_mtime, reverse=True)
    for old in [p for p in folders if p.name != keep][KEPT_BASES - 1 :]:
        shutil.rmtree(old, ignore_errors=True)


def start_build(cwd: Path, output: Path, env: dict[str, str]) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "tools.build", "-q", "-o", str(output)],
        cwd=cwd, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
    )  # fmt: skip


def finish(build: subprocess.Popen, what: str) -> None:
    try:
        log, _ = build.communicate(timeout=BUILD_TIMEOUT)
    except subprocess.TimeoutExpired:
        build.kill()
        raise DiffError(f"the build of the {what} took more than {BUILD_TIMEOUT} s") from None
    if build.returncode != 0:
        raise DiffError(f"the build of the {what} failed:\n{log.strip()}")


def files(site: Path) -> dict[str, Path]:
    return {
        path.relative_to(site).as_posix(): path
        for path in sorted(site.rglob("*"))
        if path.is_file() and not path.relative_to(site).as_posix().startswith(SKIPPED)
    }


def page_name(relative: str) -> str:
    """`/pl/2025/slug/` for `pl/2025/slug/index.html`; other files by their path."""
    return "/" + relative.removesuffix("index.html") if relative.endswith("index.html") else "/" + relative


class _Text(HTMLParser):
    """The text a reader sees in a page's <main> (the whole page when it has none), a line per block."""

    BLOCKS = frozenset({"p", "li", "h1", "h2", "h3", "h4", "dt", "dd", "figcaption", "tr", "title", "article"})
    UNREAD = frozenset({"script", "style", "svg", "template"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.lines: list[str] = [""]
        self.skip = 0

    def handle_starttag(self, tag, attrs):
        if tag in self.UNREAD:
            self.skip += 1
        if tag in self.BLOCKS or tag == "br":
            self.lines.append("")
        if tag == "a" and not self.skip:
            href = dict(attrs).get("href")
            self.lines[-1] += f" [{href}] " if href else ""

    def handle_endtag(self, tag):
        if tag in self.UNREAD and self.skip:
            self.skip -= 1
        if tag in self.BLOCKS:
            self.lines.append("")

    def handle_data(self, data):
        if not self.skip:
            self.lines[-1] += data


def text_lines(path: Path) -> list[str]:
    data = path.read_text(encoding="utf-8", errors="replace")
    if path.suffix == ".html":
        main = re.search(r"<main\b.*?</main>", data, re.DOTALL)
        parser = _Text()
        parser.feed(main.group(0) if main else data)
        return [line for line in (" ".join(line.split()) for line in parser.lines) if line]
    return data.splitlines()


def short_diff(old: Path, new: Path) -> list[str]:
    lines = [
        line
        for line in difflib.unified_diff(text_lines(old), text_lines(new), lineterm="", n=0)
        if not line.startswith(("---", "+++", "@@"))
    ]
    if not lines:
        return ["(markup only)"]
    shortened = [line[:150] + "…" if len(line) > 150 else line for line in lines[:DIFF_LINES]]
    return shortened + ([f"… and {len(lines) - DIFF_LINES} more line(s)"] if len(lines) > DIFF_LINES else [])


def compare(base: Path, change: Path) -> Report:
    old, new = files(base), files(change)
    report = Report(
        added=[page_name(name) for name in new if name not in old],
        removed=[page_name(name) for name in old if name not in new],
    )
    for name in sorted(set(old) & set(new)):
        if old[name].read_bytes() != new[name].read_bytes():
            report.changed[page_name(name)] = short_diff(old[name], new[name])
    return report


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--output", type=Path, default=CACHE / "change" / "output", help="the change's site")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    try:
        commit, name = base_commit(given(BASE_VARIABLE))
        tree = base_tree(commit)
        forget_old_bases(commit)
        change_env = {**os.environ, "ARCHIVE_SEARCH_INDEX": "0"}  # the pages are compared, not searched
        base_env = {key: value for key, value in change_env.items() if key != "ARCHIVE_CONTENT"}
        content = Path(os.environ.get("ARCHIVE_CONTENT") or ROOT / "content")
        built = ROOT / "output"
        sides = {
            "base": (tree, CACHE / commit / "output", base_env, f"base ({name} at {commit[:10]})"),
            "change": (ROOT, args.output, change_env, "change (the working tree)"),
        }
        sites, how = {}, []
        for side, value in (("base", portable(tree, tree / "content", {})), ("change", portable(ROOT, content, {}))):
            if matches(built, value, "portable"):
                sites[side] = built  # output/ is that side's site already
                how.append(f"the {side} is output/")
        builds = []
        for side, (cwd, output, env, what) in sides.items():
            if side not in sites:
                builds.append((start_build(cwd, output, env), what))
                sites[side] = output
                how.append(f"built the {side}")
        for build, what in builds:
            finish(build, what)
        report = compare(sites["base"], sites["change"])
    except (DiffError, ContentError, subprocess.CalledProcessError, subprocess.TimeoutExpired, OSError) as exc:
        print(f"make diff: {refusal(str(exc))}", file=sys.stderr)
        return 1
    heading = (
        f"make diff: the site of the working tree against {name} (merge base {commit[:10]}); "
        f"{', '.join(how)}; {time.perf_counter() - started:.1f} s"
    )
    text = "\n".join([heading, *report.lines()])
    print(text)
    # Set by GitHub Actions (never from make's command line, whose values are not exported): the job's summary.
    summary = os.environ.get("GITHUB_STEP_SUMMARY") if os.environ.get("GITHUB_ACTIONS") == "true" else None
    if summary:
        with open(summary, "a", encoding="utf-8") as handle:
            handle.write(f"## Pages this pull request changes\n\n```text\n{text}\n```\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
