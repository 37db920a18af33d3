"""Fault injection: a build killed at any moment, a tool that fails or hangs, a disk that refuses writes, an
edit during a build, a cache or record that lies. output/ is always the last good site (or the new one, whole),
every failure is one line naming what failed and what to do, nothing hangs, nothing stale is called up to date.

The faults are real where the system allows it (SIGKILL, a FIFO, a file-size limit, a fake Pagefind program
on the way Pagefind's Python API finds it); a disk that is read-only or full for root is simulated by a test
plugin that fails a write as the system would. See docs/security.md.
"""

from __future__ import annotations

import contextlib
import json
import os
import pickle
import random
import resource
import shutil
import signal
import subprocess
import time
from pathlib import Path

import pytest

from archive_core.cache import ContentCache
from archive_core.integrity import Seal

from .build_helpers import (
    build_command,
    cache_environment,
    ctrl_c_as_in_a_terminal,
    leftovers,
    run_build,
    settings_file,
    tree_snapshot,
)
from .conftest import FIXTURE, ROOT

ARTICLE = "articles/2025/signing-in-hanoi.en.md"
EDIT = "\n\nA sentence added while the site was being built.\n"
LIMIT = 60  # seconds: the acceptance bound for any failure


def fault_settings(folder: Path, fault: str, **extra) -> Path:
    lines = [
        f"PLUGIN_PATHS = [{str(ROOT / 'tests')!r}]",
        "PLUGINS = [*PLUGINS, 'build_faults']",
        f"BUILD_FAULT = {fault!r}",
        *(f"{name} = {value!r}" for name, value in extra.items()),
    ]
    return settings_file(folder, "\n".join(lines) + "\n")


def page_of(output: Path) -> str:
    [page] = [p for p in (output / "en" / "2025").glob("*/index.html")]
    return page.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def sites(tmp_path_factory) -> dict:
    """A content folder, its site (old), and the site of an edit of it (new), each built once."""
    base = tmp_path_factory.mktemp("sites")
    content = base / "content"
    shutil.copytree(FIXTURE, content)
    old = base / "old" / "output"
    assert run_build(content, old).returncode == 0
    (content / ARTICLE).write_text((content / ARTICLE).read_text(encoding="utf-8") + EDIT, encoding="utf-8")
    new = base / "new" / "output"
    started = time.perf_counter()
    assert run_build(content, new).returncode == 0
    return {
        "content": content,
        "old": old,
        "new": new,
        "seconds": time.perf_counter() - started,
        "old_tree": tree_snapshot(old),
        "new_tree": tree_snapshot(new),
    }


def published_copy(sites: dict, folder: Path) -> Path:
    output = folder / "site" / "output"
    shutil.copytree(sites["old"], output)
    return output


def started_build(sites: dict, output: Path, stderr: int) -> subprocess.Popen:
    """`make html`'s build of the sites' content into `output`, in a session of its own: its Pagefind and its
    workers are stopped or killed with it."""
    return subprocess.Popen(
        build_command(output),
        cwd=ROOT,
        env={"PATH": os.environ["PATH"], "ARCHIVE_CONTENT": str(sites["content"]), "PYTHONHASHSEED": "0"}
        | cache_environment(),
        stdout=subprocess.DEVNULL,
        stderr=stderr,
        text=True,
        start_new_session=True,
    )


def drawn_moments(seed: int, earliest: float, latest: float, count: int) -> list[float]:
    """When to stop a build, as fractions of one build's time: `count` of them, drawn from one seeded generator."""
    draw = random.Random(seed)  # noqa: S311 (stop times, no secret)
    return sorted(draw.uniform(earliest, latest) for _ in range(count))


def test_sigkill_at_any_moment_leaves_the_last_good_site(sites, tmp_path):
    """Killed anywhere (reading, writing, indexing, swapping), output/ is the old site or the new one, whole."""
    output = published_copy(sites, tmp_path)
    outcomes = []
    for moment in drawn_moments(seed=13, earliest=0.05, latest=1.1, count=4):
        build = started_build(sites, output, stderr=subprocess.DEVNULL)
        time.sleep(moment * sites["seconds"])
        os.killpg(build.pid, signal.SIGKILL)
        build.wait(timeout=LIMIT)
        tree = tree_snapshot(output)
        assert tree in (sites["old_tree"], sites["new_tree"]), f"half a site after a kill at {moment:.2f}"
        outcomes.append("new" if tree == sites["new_tree"] else "old")
        if tree == sites["new_tree"]:  # start again from the old site, for the next kill
            shutil.rmtree(output)
            shutil.copytree(sites["old"], output)
    assert "old" in outcomes, outcomes  # some kills struck before the swap
    result = run_build(sites["content"], output)
    assert result.returncode == 0, result.stderr
    assert tree_snapshot(output) == sites["new_tree"]
    assert leftovers(output) == [], "the next build cleans what killed builds left"


def test_ctrl_c_at_any_moment_is_one_true_line_and_leaves_nothing_behind(sites, tmp_path):
    """Stopped anywhere, the line says what output/ is: the old site and nothing beside it, or the new one."""
    output = published_copy(sites, tmp_path)
    outcomes = []
    for moment in drawn_moments(seed=17, earliest=0.02, latest=1.2, count=6):
        with ctrl_c_as_in_a_terminal():
            build = started_build(sites, output, stderr=subprocess.PIPE)
        time.sleep(moment * sites["seconds"])
        with contextlib.suppress(ProcessLookupError):  # the build ended first
            os.killpg(build.pid, signal.SIGINT)
        _, err = build.communicate(timeout=LIMIT)
        tree = tree_snapshot(output)
        assert "Traceback" not in err, err
        if build.returncode == 0 or (build.returncode == -signal.SIGINT and not err):  # stopped as Python exits
            assert tree == sites["new_tree"] and leftovers(output) == []
            outcomes.append("finished")
        elif tree == sites["old_tree"]:
            assert build.returncode == 130, err
            assert "left as it was" in err or "before it started; nothing was changed" in err, err
            assert leftovers(output) == [], f"a stop at {moment:.2f} left folders beside the output"
            outcomes.append("old")
        else:
            assert tree == sites["new_tree"], f"half a site after a stop at {moment:.2f}"
            assert build.returncode == 130 and "once the new site was in" in err, err
            outcomes.append("new")
        if tree == sites["new_tree"]:
            shutil.rmtree(output)
            shutil.copytree(sites["old"], output)
    assert "old" in outcomes, outcomes
    result = run_build(sites["content"], output)
    assert result.returncode == 0, result.stderr
    assert leftovers(output) == []


# A command line no other process has, not even this suite run beside itself: to see that none is left running.
HANGING = f"sleep 613.{os.getpid()}"
FAKE_PAGEFIND = {
    "fails": "#!/bin/sh\necho 'Error: the fake Pagefind of the tests gives up' >&2\nexit 3\n",
    "hangs": f"#!/bin/sh\nexec {HANGING}\n",
    "answers garbage": f"#!/bin/sh\necho 'this is not a response,'\nexec {HANGING}\n",
}


@pytest.mark.parametrize("tool", [*FAKE_PAGEFIND, "is missing", "hangs, default limit"])
def test_a_failing_or_hanging_pagefind_is_one_line_and_keeps_the_site(tool, sites, tmp_path):
    output = published_copy(sites, tmp_path)
    program = tmp_path / "pagefind"
    if tool in FAKE_PAGEFIND or tool == "hangs, default limit":
        program.write_text(FAKE_PAGEFIND[tool.split(",")[0]], encoding="utf-8")
        program.chmod(0o755)
    settings = ROOT / "pelican.conf.py" if tool == "hangs, default limit" else settings_file(
        tmp_path, "SEARCH_INDEX_TIMEOUT = 5\n"
    )  # fmt: skip
    started = time.perf_counter()
    result = run_build(sites["content"], output, settings, env={"PAGEFIND_BINARY_PATH": str(program)})
    assert time.perf_counter() - started < LIMIT
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    [failure] = [line for line in result.stderr.splitlines() if line.startswith("build failed:")]
    assert "Pagefind" in failure and "PAGEFIND_BINARY_PATH" in failure, failure
    assert tree_snapshot(output) == sites["old_tree"]
    assert leftovers(output) == []
    assert not running(HANGING), "Pagefind was left running"


@pytest.mark.parametrize("ending", [signal.SIGTERM, signal.SIGINT], ids=["SIGTERM", "SIGINT"])
def test_a_build_stopped_while_pagefind_indexes_ends_at_once_and_ends_pagefind(ending, sites, tmp_path):
    """Stopped (a CI time limit, Ctrl-C) while Pagefind indexes, the build does not wait for the index it
    no longer wants: Pagefind (here one that never answers) is ended, and the build with it, within seconds."""
    output = published_copy(sites, tmp_path)
    program = tmp_path / "pagefind"
    program.write_text(FAKE_PAGEFIND["hangs"], encoding="utf-8")
    program.chmod(0o755)
    env = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "ARCHIVE_CONTENT": str(sites["content"]),
        "PAGEFIND_BINARY_PATH": str(program),
        **cache_environment(),
    }
    with ctrl_c_as_in_a_terminal():
        build = subprocess.Popen(build_command(output), cwd=ROOT, env=env, stderr=subprocess.PIPE, text=True)
    try:
        deadline = time.monotonic() + LIMIT
        while not running(HANGING) and build.poll() is None and time.monotonic() < deadline:
            time.sleep(0.05)
        assert running(HANGING), "the build never started Pagefind"
        stopped = time.monotonic()
        build.send_signal(ending)
        _, said = build.communicate(timeout=LIMIT)
        assert time.monotonic() - stopped < 15, "the build waited for the index"
        assert build.returncode == 128 + ending, said
        assert f"build interrupted; {output} was left as it was" in said
        assert "Exception ignored" not in said and "Traceback" not in said, said
        assert tree_snapshot(output) == sites["old_tree"]
        assert leftovers(output) == []
        assert not running(HANGING), "Pagefind was left running"
    finally:
        build.kill()
        build.communicate(timeout=LIMIT)
        subprocess.run(["pkill", "-fx", HANGING], timeout=10, check=False)


def running(command_line: str) -> bool:
    found = subprocess.run(["pgrep", "-fx", command_line], capture_output=True, text=True, timeout=10, check=False)
    return bool(found.stdout.strip())


@pytest.mark.skipif(os.geteuid() != 0, reason="without root, the script asks sudo, which a test cannot answer")
def test_a_hanging_apt_get_fails_within_its_limit(tmp_path):
    (tmp_path / "apt-get").write_text("#!/bin/sh\nexec sleep 600\n", encoding="utf-8")
    (tmp_path / "apt-get").chmod(0o755)
    started = time.perf_counter()
    result = subprocess.run(
        ["bash", str(ROOT / "tools" / "apt-install.sh"), "no-such-command-here", "some-package", "the tests"],
        capture_output=True,
        text=True,
        timeout=LIMIT,
        env={"PATH": f"{tmp_path}:/usr/bin:/bin", "APT_UPDATE_TIMEOUT": "2"},
    )
    assert time.perf_counter() - started < 45
    assert result.returncode == 1
    assert "apt-get update of some-package (the tests) failed or took longer than 2 s" in result.stderr


@pytest.mark.parametrize(
    ("fault", "said", "hint"),
    [
        ("read-only-disk", "Read-only file system", "is on a read-only file system: build into a folder"),
        ("full-disk", "No space left on device", "is full: free some space"),
    ],
)
def test_a_disk_that_refuses_writes_is_one_line_and_keeps_the_site(fault, said, hint, sites, tmp_path):
    output = published_copy(sites, tmp_path)
    result = run_build(sites["content"], output, fault_settings(tmp_path, fault))
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert said in result.stderr and "was left unchanged" in result.stderr
    assert hint in result.stderr and "check the permissions" not in result.stderr, result.stderr
    assert tree_snapshot(output) == sites["old_tree"]
    assert leftovers(output) == []


def test_a_file_size_limit_of_the_system_is_one_line_and_keeps_the_site(sites, tmp_path):
    """A real refusal by the system (RLIMIT_FSIZE: EFBIG, as a full quota), not a simulated one."""

    def limited() -> None:
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (8_000, 8_000))

    output = published_copy(sites, tmp_path)
    result = run_build(sites["content"], output, preexec_fn=limited)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr, result.stderr
    assert "build failed: a file could not be written or read: File too large" in result.stderr
    assert "raise the limit" in result.stderr, result.stderr
    assert tree_snapshot(output) == sites["old_tree"]


def test_an_edit_during_the_build_is_built_by_the_next_build(tmp_path):
    content = tmp_path / "content"
    shutil.copytree(FIXTURE, content)
    output = tmp_path / "output"
    settings = fault_settings(tmp_path, "edit-during-build", EDITED_ARTICLE=ARTICLE, EDIT=EDIT)
    during = run_build(content, output, settings)
    assert during.returncode == 0, during.stderr
    assert "an input changed while it was built" in during.stderr
    after = run_build(content, output)  # no fault: `make html` again
    assert after.returncode == 0 and "up to date" not in after.stdout, after.stdout
    assert "A sentence added while the site was being built." in page_of(output)
    again = run_build(content, output)
    assert "up to date" in again.stdout


def test_make_publish_after_make_html_publishes_the_production_build(tmp_path):
    output = tmp_path / "output"
    production = '<link rel="canonical" href="https://hanoi-convention-archive.github.io/'
    assert run_build(FIXTURE, output).returncode == 0
    assert production not in page_of(output)
    published = run_build(FIXTURE, output, ROOT / "publish.conf.py")
    assert published.returncode == 0 and "up to date" not in published.stdout, published.stdout
    assert production in page_of(output)
    assert "up to date" in run_build(FIXTURE, output, ROOT / "publish.conf.py").stdout
    assert "up to date" not in run_build(FIXTURE, output).stdout


def test_a_copied_or_committed_output_is_never_up_to_date(tmp_path):
    output = tmp_path / "output"
    assert run_build(FIXTURE, output).returncode == 0
    (output / "injected.html").write_text("not built", encoding="utf-8")
    shutil.move(output, tmp_path / "moved")
    shutil.copytree(tmp_path / "moved", output)  # same files, same record: another folder
    result = run_build(FIXTURE, output)
    assert "up to date" not in result.stdout
    assert not (output / "injected.html").exists()


def _cache_build(content: Path, output: Path, cache: Path) -> subprocess.CompletedProcess:
    return run_build(content, output, env={"ARCHIVE_CACHE_DIR": str(cache), "ARCHIVE_WORKERS": "1"})


def test_a_cache_entry_for_other_content_is_never_used(tmp_path):
    content, cache = tmp_path / "content", tmp_path / "cache"
    shutil.copytree(FIXTURE, content)
    assert _cache_build(content, tmp_path / "first", cache).returncode == 0
    article, other = content / ARTICLE, content / "articles/2025/signing-in-hanoi.pl.md"
    article.write_text(article.read_text(encoding="utf-8") + EDIT, encoding="utf-8")
    store = ContentCache(cache)
    swapped = store._entry(store.key(article, article.read_bytes()))
    swapped.parent.mkdir(parents=True, exist_ok=True)
    shutil.copy(store._entry(store.key(other, other.read_bytes())), swapped)  # another article's entry
    result = _cache_build(content, tmp_path / "second", cache)
    assert result.returncode == 0, result.stderr
    assert "A sentence added while the site was being built." in page_of(tmp_path / "second")


@pytest.mark.parametrize("forgery", ["in place", "committed with its secret"])
def test_a_forged_or_broken_cache_entry_is_never_trusted(forgery, tmp_path):
    """In place: an entry without a valid seal, a truncated one, a pickle where entries once were. Committed: a
    secret and entries sealed with it, as a pull request would commit them and a checkout would write them."""
    content, cache = tmp_path / "content", tmp_path / "cache"
    shutil.copytree(FIXTURE, content)
    assert _cache_build(content, tmp_path / "first", cache).returncode == 0
    store = ContentCache(cache)
    article, other = content / ARTICLE, content / "articles/2025/signing-in-hanoi.pl.md"
    key = store.key(article, article.read_bytes())
    entry = store._entry(key)
    payload = entry.read_bytes()[32:].replace(b"Hanoi", b"FORGED-BY-A-PULL-REQUEST")
    marker = tmp_path / "unpickled"
    if forgery == "in place":
        entry.write_bytes(b"\0" * 32 + payload)
        truncated = store._entry(store.key(other, other.read_bytes()))
        truncated.write_bytes(truncated.read_bytes()[:50])

        class Payload:
            def __reduce__(self):
                return (Path.touch, (marker,))

        entry.with_suffix(".pickle").write_bytes(pickle.dumps(Payload()))
    else:
        committed = tmp_path / "committed"
        committed.mkdir()
        shutil.copy(cache / "secret", committed / "secret")
        entry.write_bytes(Seal(committed).seal(key, payload))
        (cache / "secret").unlink()
        shutil.copy(committed / "secret", cache / "secret")  # the same bytes, written by a checkout
    result = _cache_build(content, tmp_path / "second", cache)
    assert result.returncode == 0, result.stderr
    assert "FORGED-BY-A-PULL-REQUEST" not in page_of(tmp_path / "second")
    assert not marker.exists()
    assert json.loads(store._entry(key).read_bytes()[32:])  # read again, stored again under a good seal
