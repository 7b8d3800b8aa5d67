"""A per-document time limit that holds in whatever thread cleans the document.

A watchdog thread waits out the limit, then raises DocumentTimeout inside the cleaning thread (CPython's
asynchronous exception, PyThreadState_SetAsyncExc). It lands at the cleaning thread's next Python
instruction, so every Python stage is cut short, but a single long call into C ends first: libxml2
parsing a page at the size cap (seconds), or a user's rule pattern that backtracks badly in `re` (it has
no bound; the packaged rules are matched by RE2 first). A timeout that lands in a finaliser (`__del__`, a
weakref callback) is printed and dropped by Python, and the document then runs on unbounded. SIGALRM would
serve only a process's main thread; Dask runs tasks in threads.
"""

from __future__ import annotations

import ctypes
import threading
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
    watchdog = _Watchdog(threading.get_ident(), seconds)
    watchdog.start()
    try:
        yield
    finally:
        watchdog.stand_down()


class _Watchdog(threading.Thread):
    def __init__(self, target: int, seconds: float):
        super().__init__(name="cleaner-time-limit", daemon=True)
        self.target = target
        self.seconds = seconds
        self.lock = threading.Lock()
        self.done = threading.Event()
        self.fired = False

    def run(self) -> None:
        # One shot: a watchdog that fired again could, if the first timeout cut its own stand-down short,
        # land in whatever the thread runs next, outside any document.
        if self.done.wait(self.seconds):
            return
        with self.lock:
            if not self.done.is_set():
                _SET_ASYNC_EXC(self.target, DocumentTimeout)
                self.fired = True

    def stand_down(self) -> None:
        """End the watch; an exception it sent that has not landed yet is withdrawn (the work is over)."""
        with self.lock:
            self.done.set()
            if self.fired:
                _SET_ASYNC_EXC(self.target, ctypes.py_object())  # NULL: withdraw a pending one
        self.join()


def stage_of(error: BaseException) -> Stage:
    """The pipeline stage that was running when the error was raised (its innermost cleaner frame)."""
    stage = Stage.ASSEMBLE
    for frame, _ in traceback.walk_tb(error.__traceback__):
        module = frame.f_globals.get("__name__", "")
        stage = next((s for prefix, s in STAGE_OF_MODULE if module.startswith(prefix)), stage)
    return stage
