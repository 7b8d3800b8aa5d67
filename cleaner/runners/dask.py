"""The Dask runner: the same shards and the same per-shard function as the local runner, on a Dask cluster.

Dask is an optional extra (`pip install 'cleaner[dask]'`); only this module imports it. Inputs and outputs
may be fsspec URLs that every worker can reach (s3://, gs://, a shared file:// path).
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager

from cleaner.config import Config
from cleaner.io.sinks import OutputSpec
from cleaner.runners.shards import Progress, Shard, ShardResult, run_shard

# Shards in flight per worker thread of the cluster: one running, one queued on the worker.
SHARDS_IN_FLIGHT_PER_THREAD = 2

Runner = Callable[[Iterable[Shard], Config, OutputSpec, int, Progress | None], Iterator[ShardResult]]


def dask_runner(scheduler: str | None) -> Runner:
    """A runner on the cluster at `scheduler` (tcp://HOST:8786), or on a LocalCluster of `jobs` processes."""

    def run(shards: Iterable[Shard], config: Config, output: OutputSpec, jobs: int,
            progress: Progress | None = None) -> Iterator[ShardResult]:
        with _client(scheduler, jobs) as client:
            yield from run_on_client(client, shards, config, output, progress)

    return run


def run_on_client(client, shards: Iterable[Shard], config: Config, output: OutputSpec,
                  progress: Progress | None = None) -> Iterator[ShardResult]:
    """Submit shards with a bounded window; results come back in shard order."""
    window = max(1, sum(client.nthreads().values())) * SHARDS_IN_FLIGHT_PER_THREAD
    pending: deque = deque()
    for shard in shards:
        pending.append(client.submit(run_shard, shard, config, output, pure=False, key=f"cleaner-shard-{shard.number}"))
        while len(pending) >= window:
            yield _finish(pending.popleft(), progress)
    while pending:
        yield _finish(pending.popleft(), progress)


def _finish(future, progress: Progress | None) -> ShardResult:
    result: ShardResult = future.result()
    if progress is not None:
        progress(result.written + result.unchanged + len(result.errors), len(result.errors))
    return result


@contextmanager
def _client(scheduler: str | None, jobs: int):
    from distributed import Client, LocalCluster

    if scheduler:
        with Client(scheduler) as client:
            yield client
        return
    with LocalCluster(n_workers=jobs, threads_per_worker=1, processes=True, dashboard_address=":0") as cluster, \
            Client(cluster) as client:
        yield client
