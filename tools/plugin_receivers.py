"""Each build of a process runs its own plugins' receivers, once each, and no earlier build's.

Pelican calls every plugin's `register()` when a build starts, and its receivers stay connected to Pelican's
signals (blinker's, module-wide) when it ends: a second build in the process (the devserver's, the tests') would
still run a plugin only the first loaded, a receiver the first connected with the first's settings in it, and a
receiver connected anew by each `register()` twice; a receiver connected again keeps its first place, so a build's
receivers would not run in the order its plugins connect them.

`receivers_of(build)` tells, through blinker's `receiver_connected` and `receiver_disconnected` signals, what is
connected while the build's Pelican is made and runs, and leaves it connected when the build ends: the devserver's
updates send the last full build's signals again (tools/incremental.py). The next build disconnects it first.
What the build connects and disconnects itself (a progress bar, `connected_to`) is not kept.
"""

from __future__ import annotations

import contextlib
import inspect
import weakref
from collections.abc import Callable, Iterator
from typing import Any

from blinker import ANY, NamedSignal, Signal, default_namespace

# A receiver connected weakly is held weakly here too: one that dies is disconnected by blinker, as ever.
Held = Callable[[], Any]
_last_build: list[tuple[Signal, Held, Any]] = []


def _held(receiver: Callable, weak: bool) -> Held:
    if not weak:
        return lambda: receiver
    try:
        return weakref.WeakMethod(receiver) if inspect.ismethod(receiver) else weakref.ref(receiver)
    except TypeError:  # not weakly referenceable: blinker holds it strongly too
        return lambda: receiver


def disconnect_last_build() -> None:
    """Disconnect what the last build connected: its plugins' receivers."""
    while _last_build:
        signal, held, sender = _last_build.pop()
        if (receiver := held()) is not None:
            signal.disconnect(receiver, sender)


@contextlib.contextmanager
def receivers_of_this_build() -> Iterator[None]:
    """Around the making and the run of one build's Pelican: the last build's receivers disconnected first, this
    build's kept until the next one starts."""
    disconnect_last_build()
    connected: list[tuple[Signal, Held, Any]] = []

    def on_connect(signal: Signal, receiver: Callable, sender: Any = ANY, weak: bool = True) -> None:
        connected.append((signal, _held(receiver, weak), sender))

    def on_disconnect(signal: Signal, receiver: Callable, sender: Any = ANY) -> None:
        connected[:] = [entry for entry in connected if not (entry[0] is signal and entry[1]() == receiver)]

    # Pelican's signals, and the named signals of every plugin imported so far (a plugin's first build defines
    # its own; it is watched from the next build on).
    watched: list[NamedSignal] = list(default_namespace.values())
    for signal in watched:
        signal.receiver_connected.connect(on_connect)
        signal.receiver_disconnected.connect(on_disconnect)
    try:
        yield
    finally:
        for signal in watched:
            signal.receiver_connected.disconnect(on_connect)
            signal.receiver_disconnected.disconnect(on_disconnect)
        _last_build.extend(connected)
