"""The local runner: a pool of worker processes (spawn-safe) fed a bounded window of work, results in input order."""

from __future__ import annotations

import itertools
import multiprocessing
import os
import queue
import secrets
import signal
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager, nullcontext
from dataclasses import dataclass
from multiprocessing.connection import Client, Listener, wait

from cleaner.config import Config
from cleaner.io.sinks import OutputSpec
from cleaner.model import ErrorRecord, RawDoc, Record
from cleaner.runners.shards import Progress, Shard, ShardResult, clean_batch, run_shard, warm_worker

# Shards in flight per worker: one running, one queued, so a worker never waits for the parent.
SHARDS_IN_FLIGHT_PER_JOB = 2
# Streaming: documents per task when input is plentiful (amortises the pickling round trip, ~0.2 ms),
# and tasks in flight per worker. Memory is bounded by jobs * STREAM_TASKS_PER_JOB * STREAM_BATCH documents.
STREAM_BATCH = 16
STREAM_TASKS_PER_JOB = 4
# How long the streaming loop waits for more input before sending a partial batch (keeps latency low).
STREAM_WAIT_SECONDS = 0.005
# How often a worker reports progress, and how often the parent looks for reports.
PROGRESS_INTERVAL_SECONDS = 0.2
END = object()


def default_jobs() -> int:
    """The cores this process may use."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def run_shards(shards: Iterable[Shard], config: Config, output: OutputSpec, jobs: int,
               progress: Progress | None = None) -> Iterator[ShardResult]:
    """Run every shard; results come back in shard order. jobs=1, or a single shard, runs in this process."""
    shards = iter(shards)
    first = list(itertools.islice(shards, 2))
    shards = itertools.chain(first, shards)
    if jobs <= 1 or len(first) < 2:  # one shard cannot use two workers: save starting them
        for shard in shards:
            yield run_shard(shard, config, output, progress)
        return
    with _pool(jobs, config) as pool, _progress_listener(progress) as listener:
        pending: deque = deque()
        for shard in shards:
            pending.append(pool.apply_async(_run_shard_task, (shard, config, output, listener.channel)))
            while len(pending) >= jobs * SHARDS_IN_FLIGHT_PER_JOB:
                yield _next_result(pending, listener)
        while pending:
            yield _next_result(pending, listener)


def _next_result(pending: deque, listener: _ProgressListener) -> ShardResult:
    while not pending[0].ready():
        listener.pump(PROGRESS_INTERVAL_SECONDS)
    listener.pump(0)
    return pending.popleft().get()


@contextmanager
def _pool(jobs: int, config: Config):
    pool = multiprocessing.get_context("spawn").Pool(jobs, initializer=_init_worker, initargs=(config,))
    try:
        yield pool
        pool.close()
        pool.join()
    finally:
        pool.terminate()


def _init_worker(config: Config) -> None:
    # Ctrl-C reaches the whole process group; the parent alone decides, and terminates the pool.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    warm_worker(config)


@dataclass(frozen=True, slots=True)
class Channel:
    """Where a worker sends progress reports."""

    address: str
    authkey: bytes


def _run_shard_task(shard: Shard, config: Config, output: OutputSpec, channel: Channel | None) -> ShardResult:
    with Client(channel.address, authkey=channel.authkey) if channel else nullcontext() as connection:
        ticker = _Ticker(connection, os.getppid())
        result = run_shard(shard, config, output, ticker)
        ticker.flush()
    return result


class _Ticker:
    """Counts documents, reports them every PROGRESS_INTERVAL_SECONDS; exits when the parent is gone."""

    def __init__(self, connection, parent_pid: int):
        self.connection, self.parent_pid = connection, parent_pid
        self.done = self.errors = 0
        self.sent_at = time.monotonic()

    def __call__(self, done: int, errors: int) -> None:
        if os.getppid() != self.parent_pid:  # the parent was killed: stop writing outputs it no longer owns
            os._exit(1)
        self.done += done
        self.errors += errors
        if time.monotonic() - self.sent_at >= PROGRESS_INTERVAL_SECONDS:
            self.flush()

    def flush(self) -> None:
        if self.connection is not None and self.done:
            self.connection.send((self.done, self.errors))
        self.done = self.errors = 0
        self.sent_at = time.monotonic()


class _ProgressListener:
    """Parent side of the progress reports: a local socket the workers connect to, one connection per shard."""

    def __init__(self, progress: Progress | None):
        self.progress = progress
        self.connections: list = []
        self.new: queue.Queue = queue.Queue()
        self.listener = None
        self.channel = None
        if progress is not None:
            authkey = secrets.token_bytes(16)
            self.listener = Listener(family="AF_UNIX", authkey=authkey)
            self.channel = Channel(self.listener.address, authkey)
            threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self) -> None:
        while True:
            try:
                self.new.put(self.listener.accept())
            except (OSError, EOFError):
                return

    def pump(self, timeout: float) -> None:
        """Pass reports to the progress callback, waiting at most `timeout` seconds for one."""
        while not self.new.empty():
            self.connections.append(self.new.get())
        if not self.connections:
            time.sleep(timeout)
            return
        for connection in wait(self.connections, timeout):
            try:
                self.progress(*connection.recv())
            except (EOFError, OSError):
                self.connections.remove(connection)

    def close(self) -> None:
        if self.listener is not None:
            self.listener.close()
        for connection in self.connections:
            connection.close()


@contextmanager
def _progress_listener(progress: Progress | None):
    listener = _ProgressListener(progress)
    try:
        yield listener
    finally:
        listener.close()


def clean_stream(docs: Iterable[RawDoc | ErrorRecord], config: Config, jobs: int,
                 render: bool = False) -> Iterator[Record | ErrorRecord | str]:
    """Clean documents as they arrive, results in input order, at most a bounded window in flight.

    The input is read by a thread, so a result is passed on as soon as it is ready even while the
    input (stdin, a socket) has nothing more to give yet.
    """
    if jobs <= 1:
        for doc in docs:
            yield from clean_batch([doc], config, render)
        return
    inbox: queue.Queue = queue.Queue(maxsize=jobs * STREAM_TASKS_PER_JOB * STREAM_BATCH)
    threading.Thread(target=_feed, args=(docs, inbox), daemon=True).start()
    with _pool(jobs, config) as pool:
        yield from _stream_loop(pool, inbox, jobs, lambda batch: (clean_batch, (batch, config, render)))


def _stream_loop(pool, inbox: queue.Queue, jobs: int, task: Callable) -> Iterator:
    pending: deque = deque()
    batch: list = []
    finished = False
    failure: BaseException | None = None
    while not (finished and not batch and not pending):
        while pending and pending[0].ready():
            yield from pending.popleft().get()
        if pending and (finished or len(pending) >= jobs * STREAM_TASKS_PER_JOB):
            pending[0].wait(PROGRESS_INTERVAL_SECONDS)
            continue
        item = _take(inbox, STREAM_WAIT_SECONDS if batch or pending else None) if not finished else None
        if isinstance(item, _Failure):  # results before the failure are still passed on, then it is raised
            failure = item.error
        elif item is END:
            finished = True
        elif item is not None:
            batch.append(item)
        if batch and (finished or item is None or len(batch) >= STREAM_BATCH):
            pending.append(pool.apply_async(*task(batch)))
            batch = []
    if failure is not None:
        raise failure


def _take(inbox: queue.Queue, timeout: float | None):
    try:
        return inbox.get(timeout=timeout)
    except queue.Empty:
        return None


@dataclass(frozen=True, slots=True)
class _Failure:
    """The input iterator raised: re-raised in the consuming thread, not lost in the reading one."""

    error: BaseException


def _feed(docs: Iterable, inbox: queue.Queue) -> None:
    try:
        for doc in docs:
            inbox.put(doc)
    except Exception as error:  # handed over to the consumer, which raises it
        inbox.put(_Failure(error))
    finally:
        inbox.put(END)
