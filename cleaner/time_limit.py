"""A per-document time limit that holds in whatever thread cleans the document.

A watchdog thread (one per process) waits out the limit, then raises DocumentTimeout inside the cleaning
thread (CPython's asynchronous exception, PyThreadState_SetAsyncExc). It lands at the cleaning thread's next
Python instruction, so every Python stage is cut short, but a single long call into C ends first: libxml2
parsing a page at the size cap (seconds), or a user's rule pattern that backtracks badly in `re` (it has
no bound; the packaged rules are matched by RE2 first). A timeout that lands in a finaliser (`__del__`, a
weakref callback) is printed and dropped by Python, and the document then runs on unbounded. SIGALRM would
serve only a process's main thread; Dask runs tasks in threads.
"""

from __future__ import annotations

import ctypes
import os
import threading
import time
import traceback
from collections.abc import Iterator
from contextlib import contextmanager

from cleaner.errors import DocumentTimeout
from cleaner.model import Stage

# A prototype of its own: setting argtypes on ctypes.pythonapi's function would change it for everyone.
_SET_ASYNC_EXC = ctypes.PYFUNCTYPE(ctypes.c_int, ctypes.c_ulong, ctypes.py_object)(
    ("PyThreadState_SetAsyncExc", ctypes.pythonapi))
# The stage of the innermost frame whose module name starts with one of these prefixes.
STAGE_OF_MODULE = (
    ("cleaner.decode", Stage.DECODE),
    ("cleaner.segment", Stage.SEGMENT),
    ("cleaner.classify", Stage.CLASSIFY),
    ("cleaner.structure", Stage.CLASSIFY),
    ("cleaner.rules", Stage.CLASSIFY),
    ("cleaner.fields", Stage.FIELDS),
    ("cleaner.assemble", Stage.ASSEMBLE),
)


@contextmanager
def time_limit(seconds: float | None) -> Iterator[None]:
    """Raise DocumentTimeout in this thread when the block runs longer than `seconds` (None: no limit)."""
    if not seconds:
        yield
        return
    watchdog = _process_watchdog()
    watch = watchdog.watch(threading.get_ident(), seconds)
    try:
        yield
    finally:
        watchdog.end(watch)


class _Watch:
    """One document's deadline, in the thread that cleans it."""

    __slots__ = ("thread_id", "deadline", "fired")

    def __init__(self, thread_id: int, deadline: float):
        self.thread_id = thread_id
        self.deadline = deadline
        self.fired = False


class _Watchdog:
    """One thread that waits for the earliest deadline of the documents being cleaned in this process.

    A thread of its own per document cost 0.17 ms of CPU a document (more when the host is loaded), 2% of
    a text dump's cleaning; registering a deadline here is a lock and a set insertion.
    """

    def __init__(self) -> None:
        self._condition = threading.Condition(threading.Lock())
        self._pending: set[_Watch] = set()  # watches neither fired nor ended
        threading.Thread(target=self._run, name="cleaner-time-limit", daemon=True).start()

    def watch(self, thread_id: int, seconds: float) -> _Watch:
        watch = _Watch(thread_id, time.monotonic() + seconds)
        with self._condition:
            earliest = min((w.deadline for w in self._pending), default=None)
            self._pending.add(watch)
            if earliest is None or watch.deadline < earliest:
                self._condition.notify()
        return watch

    def end(self, watch: _Watch) -> None:
        """End a watch; an exception it sent that has not landed yet is withdrawn (the work is over)."""
        with self._condition:
            self._pending.discard(watch)
            if watch.fired:
                _SET_ASYNC_EXC(watch.thread_id, ctypes.py_object())  # NULL: withdraw a pending one

    def _run(self) -> None:
        # One shot per watch: a watch that fired again could, if the first timeout cut its own end short,
        # land in whatever the thread runs next, outside any document.
        with self._condition:
            while True:
                now = time.monotonic()
                for watch in [w for w in self._pending if w.deadline <= now]:
                    self._pending.discard(watch)
                    _SET_ASYNC_EXC(watch.thread_id, DocumentTimeout)
                    watch.fired = True
                earliest = min((w.deadline for w in self._pending), default=None)
                self._condition.wait(None if earliest is None else earliest - now)


# The process's watchdog, by process id: a forked child has no copy of its parent's thread, and a lock its
# parent held at the fork, so it starts one of its own. A thread is a process resource, as a pool is.
_WATCHDOGS: dict[int, _Watchdog] = {}
_WATCHDOGS_LOCK = threading.Lock()


def _process_watchdog() -> _Watchdog:
    pid = os.getpid()
    watchdog = _WATCHDOGS.get(pid)
    if watchdog is None:
        with _WATCHDOGS_LOCK:
            watchdog = _WATCHDOGS.get(pid) or _WATCHDOGS.setdefault(pid, _Watchdog())
    return watchdog


def stage_of(error: BaseException) -> Stage:
    """The pipeline stage that was running when the error was raised (its innermost cleaner frame)."""
    stage = Stage.ASSEMBLE
    for frame, _ in traceback.walk_tb(error.__traceback__):
        module = frame.f_globals.get("__name__", "")
        stage = next((s for prefix, s in STAGE_OF_MODULE if module.startswith(prefix)), stage)
    return stage
