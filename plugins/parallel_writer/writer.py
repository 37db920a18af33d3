"""A Pelican writer that renders article pages in forked worker processes.

Pelican renders every page in one process. Article pages are most of an
archive's pages, and each is independent of the others once the context is
final (it is, by the time Pelican asks for a writer), so this writer hands
them to a pool of processes forked from the build: they inherit the whole
context and find each article by its id, so nothing is pickled but a few
numbers per page. The parent still does everything else meanwhile, and sends
`content_written` for every page, in the order Pelican asked for them, once
the pool is done (`flush`, from the plugin's last generator). Anything it cannot hand
over (a page whose objects were made after the fork, pagination, a name
written twice) is written in the parent as Pelican would.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from typing import Any

from pelican import signals
from pelican.writers import Writer

from archive_core.output import TextDocument
from archive_core.output_paths import GuardedWriter
from archive_core.pelican_compat import page_context
from archive_core.workers import can_fork, default_workers, fork_context

from .halves import write_in_two

# Fewer article pages than this per worker: forking costs more than it saves.
MIN_PAGES_PER_WORKER = 32
# Fewer pages than this in a batch (`in_two_processes`): written here, as they come.
MIN_PAGES_IN_TWO = 24
# A batch of files written as they are (`TextDocument`s: no template rendered, creating the file most of their cost):
# fewer than this, written here too. The forked process's copied pages cost more than it saves on such files, in
# CPU and in wall time (the archive's 486 citation files, docs/performance.md); the bench's thousands gain from it.
MIN_TEXT_FILES_IN_TWO = 1000
PLAIN = (str, bool, int, float, type(None))

# Objects the workers look up by id: filled just before the fork, so the same ids hold in every worker.
_shared: dict[int, Any] = {}
_worker_writer: Writer | None = None
_working: set[ParallelWriter] = set()  # writers whose workers may still render (held: see abandon_workers)


def abandon_workers() -> None:
    """After a failed build: the pages not rendered yet are dropped, not waited for (at exit, or in a devserver)."""
    for writer in list(_working):
        writer.abandon()


def _least_in_two(jobs: list[tuple]) -> int:
    """The jobs a batch needs for half of them to be written by a forked process: more when every one is a file
    written as it is (`MIN_TEXT_FILES_IN_TWO`) than when a page is rendered (`MIN_PAGES_IN_TWO`)."""
    return MIN_TEXT_FILES_IN_TWO if all(isinstance(job[1], TextDocument) for job in jobs) else MIN_PAGES_IN_TWO


class ParallelWriter(GuardedWriter):
    def __init__(self, output_path: str, settings: dict | None = None) -> None:
        super().__init__(output_path, settings=settings)
        self.workers = (settings or {}).get("ARCHIVE_WORKERS") or default_workers()
        self._pool: ProcessPoolExecutor | None = None
        self._closed = self.workers <= 1 or not can_fork()
        self._batch: list[tuple] = []
        self._batch_size = 1
        # While the workers render: every `content_written` to send, in the order the pages were asked for
        # (a batch of the workers', or one the build's process sent, held), sent by `flush`.
        self._announcements: list[tuple] = []
        self.pages_by_workers = 0
        self.pages_in_two = 0  # written by `in_two_processes`
        self._queue: list[tuple] | None = None
        self._opened: list[str] | None = None

    @contextlib.contextmanager
    def in_two_processes(self) -> Iterator[None]:
        """The pages asked for inside are written at its end, every other one by a process forked from the build.

        For a generator's pages of any kind (paginated too), once the context is final: the forked process
        has every object already. `content_written` is sent for each file afterwards, in the order asked.
        A writer that changes `write_file` (a subclass), one worker, or no `fork`: written as they come; a batch
        too small for the fork to pay (`_least_in_two`): written here, at its end.
        """
        if self._queue is not None or self.workers <= 1 or not can_fork() or not self._writes_as_written():
            yield
            return
        self._queue = []
        try:
            yield
            jobs = self._queue
        finally:
            self._queue = None
        if len(jobs) < _least_in_two(jobs):
            for job in jobs:
                self._write_job(job)
            return
        for job, (written, forked) in zip(jobs, write_in_two(jobs, self._write_quietly), strict=True):
            self._announce(job, written, forked)
        self.pages_in_two += len(jobs)

    def _writes_as_written(self) -> bool:
        return type(self).write_file is ParallelWriter.write_file

    def _write_job(self, job: tuple) -> None:
        name, template, context, relative_urls, paginated, kwargs = job
        self.write_file(name, template, context, relative_urls, paginated, **kwargs)

    def _write_quietly(self, job: tuple) -> list[str]:
        """Write `job`, with no `content_written`; the files it opened, in order."""
        muted, signals.content_written.is_muted = signals.content_written.is_muted, True
        self._closed, closed = True, self._closed  # in a forked process, no pool of the build's to hand pages to
        self._opened = []
        try:
            self._write_job(job)
            return self._opened
        finally:
            self._opened, self._closed = None, closed
            signals.content_written.is_muted = muted

    def _announce(self, job: tuple, written: list[str], forked: bool) -> None:
        """Count the files the forked process wrote as written here (a second write of one fails), and send
        `content_written` for each file of `job`."""
        _name, _template, context, relative_urls, _paginated, kwargs = job
        for path in written:
            relative = os.path.relpath(path, self.output_path)
            if forked:
                if self.is_claimed(relative):
                    raise RuntimeError(f'"{path}" was written twice')
                self.claim(relative)
            self._written(path, context, kwargs, relative_urls)

    def opening(self, path: str) -> None:
        if self._opened is not None:
            self._opened.append(path)

    def write_file(self, name, template, context, relative_urls=False, paginated=None, **kwargs):
        if self._queue is not None:
            self.refuse(name)
            self._queue.append((name, template, context, relative_urls, paginated, kwargs))
            return None
        job = self._job(name, template, context, relative_urls, paginated, kwargs)
        if job is None:
            if self._pool is None or signals.content_written.is_muted:
                return super().write_file(name, template, context, relative_urls, paginated, **kwargs)
            # While the workers render, `content_written` is sent in order by `flush`, with the page's
            # arguments held, not Pelican's copy of the whole context (a dict per file, 140 MB at 5,000 pairs):
            # `page_context` makes it again then, without the paginator's variables.
            for path in self._write_quietly((name, template, context, relative_urls, paginated, kwargs)):
                self._announcements.append(("page", path, context, kwargs, relative_urls))
            return None
        self.refuse(name)  # here, before any worker could create a folder for it
        self.claim(name)  # so that a second write of it fails
        self._batch.append(job)
        if len(self._batch) >= self._batch_size:
            self._submit()
        return None

    def _job(self, name, template, context, relative_urls, paginated, kwargs) -> tuple | None:
        """(name, template id, context id, relative_urls, kwargs as ids), or None to write it here."""
        if self._closed or not name or paginated or kwargs.get("article") is None or kwargs.get("template_name"):
            return None
        if self.is_claimed(name):
            return None
        if self._pool is None and not self._start(template, context):
            return None
        shared_kwargs = {}
        for key, value in kwargs.items():
            if isinstance(value, PLAIN):
                shared_kwargs[key] = (False, value)
            elif id(value) in _shared:
                shared_kwargs[key] = (True, id(value))
            else:
                return None
        if id(template) not in _shared or id(context) not in _shared:
            return None
        return (name, id(template), id(context), relative_urls, shared_kwargs)

    def _start(self, template, context) -> bool:
        articles = list(_contents(context))
        if len(articles) < MIN_PAGES_PER_WORKER * 2:
            self._closed = True
            return False
        _shared.clear()
        for value in (template, context, *articles, *(getattr(a, "category", None) for a in articles)):
            if value is not None:
                _shared[id(value)] = value
        workers = min(self.workers, len(articles) // MIN_PAGES_PER_WORKER)
        self._batch_size = max(8, min(128, len(articles) // (workers * 8)))
        self._pool = ProcessPoolExecutor(
            workers,
            mp_context=fork_context(),
            initializer=_init_worker,
            initargs=(self.output_path, self.settings),
        )
        _working.add(self)
        return True

    def _written(self, path: str, context: dict, kwargs: dict, relative_urls: bool) -> None:
        """`content_written` for the file `path` of a page: now, or held while the workers render."""
        if self._pool is not None:
            self._announcements.append(("page", path, context, kwargs, relative_urls))
        else:
            self._send(path, context, kwargs, relative_urls)

    def _send(self, path: str, context: dict, kwargs: dict, relative_urls: bool) -> None:
        relative = os.path.relpath(path, self.output_path)
        signals.content_written.send(path, context=page_context(context, relative, kwargs, relative_urls))

    def submit_pending(self) -> None:
        """Hand the workers the pages not handed yet (the articles' generator is done), without waiting."""
        if self._pool is not None:
            self._submit()

    def _submit(self) -> None:
        if self._batch:
            batch, self._batch = self._batch, []
            self._announcements.append(("batch", self._pool.submit(_render, batch), batch))

    def flush(self) -> None:
        """Wait for the workers, then send `content_written` for every page since they started, in order."""
        if self._pool is None:
            return
        self._submit()
        try:
            for kind, *announcement in self._announcements:
                if kind == "page":
                    self._send(*announcement)
                    continue
                future, batch = announcement
                self.pages_by_workers += future.result()  # a worker's exception is raised here
                for name, _template_id, context_id, relative_urls, shared_kwargs in batch:
                    localcontext = page_context(_shared[context_id], name, _resolve(shared_kwargs), relative_urls)
                    path = os.path.join(self.output_path, name)
                    signals.content_written.send(path, context=localcontext)
        finally:
            self._pool.shutdown(cancel_futures=True)
            self._stopped()

    def abandon(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=False, cancel_futures=True)
            self._stopped()

    def _stopped(self) -> None:
        _working.discard(self)
        self._pool, self._announcements, self._closed = None, [], True
        _shared.clear()


def _contents(context: dict) -> Iterable[Any]:
    """Every article reachable from the context: listed ones, hidden ones and their translations."""
    seen: set[int] = set()
    for key in ("articles", "hidden_articles"):
        for article in context.get(key) or ():
            for content in (article, *getattr(article, "translations", ())):
                if id(content) not in seen:
                    seen.add(id(content))
                    yield content


def _resolve(shared_kwargs: dict) -> dict:
    return {key: _shared[value] if is_shared else value for key, (is_shared, value) in shared_kwargs.items()}


def _init_worker(output_path: str, settings: dict) -> None:
    global _worker_writer
    signals.content_written.is_muted = True  # the parent sends it, once, in order
    _worker_writer = GuardedWriter(output_path, settings=settings)


def _render(batch: list[tuple]) -> int:
    for name, template_id, context_id, relative_urls, shared_kwargs in batch:
        _worker_writer.write_file(
            name, _shared[template_id], _shared[context_id], relative_urls, **_resolve(shared_kwargs)
        )
    return len(batch)
