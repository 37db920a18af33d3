"""The build's forked workers die with the process that started them, however it ends."""

from __future__ import annotations

import ast
import contextlib
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

PLUGINS = Path(__file__).resolve().parents[2]
ROOT = PLUGINS.parent

# Starts a worker the way the build does, prints its pid, then waits to be killed.
STARTER = """
import os, sys, time
from concurrent.futures import ProcessPoolExecutor
sys.path.insert(0, sys.argv[1])
from archive_core.workers import fork_context
if sys.argv[2] == "process":
    worker = fork_context().Process(target=time.sleep, args=(120,), daemon=True)
    worker.start()
    print(worker.pid, flush=True)
else:
    pool = ProcessPoolExecutor(1, mp_context=fork_context())
    print(pool.submit(os.getpid).result(), flush=True)  # then idle, blocked on a pipe it holds both ends of
time.sleep(120)
"""


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (FileNotFoundError, ProcessLookupError):
        return False
    return state != "Z"  # a zombie has ended; only its parent has not reaped it yet


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the kernel's parent-death signal is Linux's")
@pytest.mark.parametrize("kind", ["process", "pool"])
@pytest.mark.parametrize("ending", [signal.SIGKILL, signal.SIGTERM], ids=["SIGKILL", "SIGTERM"])
def test_a_worker_dies_with_the_process_that_started_it(kind, ending):
    starter = subprocess.Popen([sys.executable, "-c", STARTER, str(PLUGINS), kind], stdout=subprocess.PIPE, text=True)
    worker = 0
    try:
        worker = int(starter.stdout.readline())
        assert _alive(worker)
        starter.send_signal(ending)
        starter.wait(timeout=10)
        deadline = time.monotonic() + 10
        while _alive(worker) and time.monotonic() < deadline:
            time.sleep(0.05)
        assert not _alive(worker), f"the {kind} worker outlived the process that started it"
    finally:
        starter.kill()
        starter.wait(timeout=10)
        starter.stdout.close()
        if worker:
            with contextlib.suppress(ProcessLookupError):
                os.kill(worker, signal.SIGKILL)


def _process_starts(tree: ast.AST) -> list[tuple[int, str]]:
    """Calls that start processes other than through `fork_context()`."""
    found = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        called = ast.unparse(node.func)
        through_fork_context = called.startswith("fork_context().")
        if called.endswith("ProcessPoolExecutor"):
            context = next((k.value for k in node.keywords if k.arg == "mp_context"), None)
            through_fork_context = context is not None and ast.unparse(context) == "fork_context()"
        elif not called.endswith(("Process", "get_context", "os.fork", "os.forkpty")):
            continue
        if not through_fork_context:
            found.append((node.lineno, called))
    return found


def test_every_worker_of_the_build_is_started_through_fork_context():
    starts = [
        f"{path.relative_to(ROOT)}:{line}: {called}"
        for folder in (PLUGINS, ROOT / "tools")
        for path in folder.rglob("*.py")
        if "tests" not in path.parts and path.name != "workers.py"
        for line, called in _process_starts(ast.parse(path.read_text(), str(path)))
    ]
    assert not starts, "start worker processes with archive_core.workers.fork_context():\n" + "\n".join(starts)


# A signal sent from inside fork() itself: by the at-fork callbacks, the Python code that runs there.
# The start of a script whose handler raises, as the build's `Stopped` does.
RAISING_HANDLER = """
import os, signal, sys, time
sys.path.insert(0, sys.argv[1])
from archive_core.workers import SignalsHeldOverFork, fork_context

class Stopped(Exception):
    pass

def stopped(signum, _frame):
    raise Stopped(signum)
"""

SIGNALLED_IN_FORK = (
    RAISING_HANDLER
    + """
signal.signal(signal.SIGTERM, stopped)
done = sys.argv[3]

def send_then_go_on():
    os.kill(os.getpid(), signal.SIGTERM)
    with open(done, "w") as file:  # where a handler run inside fork() would cut the callback short
        file.write("completed")

os.register_at_fork(**{sys.argv[2]: send_then_go_on})
worker = fork_context().Process(target=time.sleep, args=(0,))
try:
    worker.start()
    raised = "no"
except Stopped:
    raised = "start"
worker.join(30)
print(raised, "callback", open(done).read() if os.path.exists(done) else "cut short", worker.exitcode, flush=True)
"""
)


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="fork")
@pytest.mark.parametrize(
    ("callback", "expected"),
    [
        # the parent's handler runs once fork() has returned, never inside logging's (or any) at-fork callback
        ("after_in_parent", "start callback completed 0"),
        # the worker's signal is held until run() starts, then ends it as SIGTERM ends a worker
        ("after_in_child", f"no callback completed {-signal.SIGTERM}"),
    ],
)
def test_a_signal_sent_while_a_worker_is_forked_reaches_its_handler_after_the_fork(tmp_path, callback, expected):
    ran = subprocess.run(
        [sys.executable, "-c", SIGNALLED_IN_FORK, str(PLUGINS), callback, str(tmp_path / "done")],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert ran.stdout.strip() == expected, ran.stderr
    assert "Exception ignored" not in ran.stderr, ran.stderr


# A worker left waiting for work, as a pool's are when the build stops before the pool's thread that ends them starts.
LEFT_WAITING = """
import sys, time
sys.path.insert(0, sys.argv[1])
from archive_core.workers import fork_context
worker = fork_context().Process(target=time.sleep, args=(120,))
worker.start()
print(worker.pid, flush=True)
"""


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="fork")
def test_the_build_ends_without_waiting_for_a_worker_left_waiting():
    started = time.monotonic()
    ran = subprocess.run(
        [sys.executable, "-c", LEFT_WAITING, str(PLUGINS)], capture_output=True, text=True, timeout=150, check=True
    )
    assert time.monotonic() - started < 30, "the process waited for its worker"
    deadline = time.monotonic() + 10
    while _alive(worker := int(ran.stdout)) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not _alive(worker)


# Workers ended as soon as they are started, as multiprocessing's exit ends its daemons: on one core, the parent
# runs on after fork() and sends SIGTERM before the child has run any Python again.
ENDED_AT_ONCE = """
import os, sys, time
sys.path.insert(0, sys.argv[1])
from archive_core.workers import fork_context
os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})
workers = []
for _ in range(20):
    worker = fork_context().Process(target=time.sleep, args=(60,))
    worker.start()
    worker.terminate()
    workers.append(worker)
deadline = time.monotonic() + 10
for worker in workers:
    worker.join(max(0, deadline - time.monotonic()))
print(*sorted({worker.exitcode for worker in workers}, key=str), flush=True)
for worker in workers:
    worker.kill()
"""


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="fork, sched_setaffinity")
def test_a_worker_sent_sigterm_before_it_runs_python_again_ends():
    """A signal that reaches the child before Python's at-fork work in it is over would be dropped by Python,
    were it caught: the worker must still end (blocked, it waits for `run()`)."""
    ran = subprocess.run(
        [sys.executable, "-c", ENDED_AT_ONCE, str(PLUGINS)], capture_output=True, text=True, timeout=120, check=True
    )
    assert ran.stdout.split() == [str(-signal.SIGTERM)], "a worker outlived its SIGTERM\n" + ran.stderr


# Ctrl-C as a terminal sends it: SIGINT to every process of the foreground group, the pool's workers idle.
CTRL_C = """
import os, signal, sys, time
from concurrent.futures import ProcessPoolExecutor
sys.path.insert(0, sys.argv[1])
from archive_core.workers import fork_context
signal.signal(signal.SIGINT, signal.default_int_handler)  # as in a terminal, if the suite started with it ignored
try:
    with ProcessPoolExecutor(2, mp_context=fork_context()) as pool:
        print(sum(pool.map(abs, range(-4, 0))), flush=True)
        time.sleep(0.3)  # each worker back waiting for work
        os.killpg(0, signal.SIGINT)
        time.sleep(30)
except KeyboardInterrupt:
    print("interrupted", flush=True)
"""


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="fork")
def test_ctrl_c_is_the_builds_to_handle_not_a_traceback_from_each_worker():
    ran = subprocess.run(
        [sys.executable, "-c", CTRL_C, str(PLUGINS)],
        capture_output=True,
        text=True,
        timeout=60,
        start_new_session=True,  # its own group, as a build's in a terminal
    )
    assert ran.stdout.split() == ["10", "interrupted"], ran.stderr
    assert "Traceback" not in ran.stderr and "KeyboardInterrupt" not in ran.stderr, ran.stderr


# A SIGTERM whose handler raises lands between the swaps of SIGINT's and SIGTERM's handlers.
LANDS_BETWEEN_SWAPS = (
    RAISING_HANDLER
    + """
for signum in (signal.SIGINT, signal.SIGTERM):
    signal.signal(signum, stopped)
swap = signal.signal

def swap_then_signalled(signum, handler):
    old = swap(signum, handler)
    if signum == signal.SIGINT and handler is not stopped:
        os.kill(os.getpid(), signal.SIGTERM)
    return old

signal.signal = swap_then_signalled
try:
    with SignalsHeldOverFork():
        pass
except Stopped:
    pass
signal.signal = swap
print(signal.getsignal(signal.SIGINT) is stopped, signal.getsignal(signal.SIGTERM) is stopped, flush=True)
"""
)


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="fork")
def test_a_stop_while_the_handlers_are_swapped_leaves_none_held():
    ran = subprocess.run(
        [sys.executable, "-c", LANDS_BETWEEN_SWAPS, str(PLUGINS)], capture_output=True, text=True, timeout=60
    )
    assert ran.stdout.split() == ["True", "True"], "a signal stays held for good\n" + ran.stderr
