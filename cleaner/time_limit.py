"""A per-document time limit that holds in whatever thread cleans the document.

A watchdog thread waits out the limit, then raises DocumentTimeout inside the cleaning thread (CPython's
asynchronous exception, PyThreadState_SetAsyncExc). It lands at the cleaning thread's next Python
instruction, so a single long call into C (libxml2 parsing a page at the size cap) ends first, and every
Python stage is cut short. SIGALRM would serve only a process's main thread; Dask runs tasks in threads.
"""

from __future__ import annotations

import ctypes
import threading
import traceback
from collections.abc import Iterator
from contextlib import contextmanager

from cleaner.errors import DocumentTimeout
from cleaner.model import Stage

_SET_ASYNC_EXC = ctypes.pythonapi.PyThreadState_SetAsyncExc
_SET_ASYNC_EXC.argtypes = (ctypes.c_ulong, ctypes.py_object)
_SET_ASYNC_EXC.restype = ctypes.c_int

# The stage a module belongs to, by the longest matching module-name prefix.
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
