"""The Dask runner writes the same tree as the local runner, on a real two-process LocalCluster."""

from __future__ import annotations

import sys

import pytest

from cleaner.config import Config
from cleaner.io.readers import iter_inputs
from cleaner.io.sinks import OutputFormat, OutputSpec, Store, append_errors
from cleaner.runners.dask import run_on_client
from cleaner.runners.local import run_shards
from cleaner.runners.shards import make_shards
from tests.batch_helpers import make_inputs, tree

SPECS = [OutputSpec("", OutputFormat.JSON), OutputSpec("", OutputFormat.JSONL, gzip=True, shard_size=6),
         OutputSpec("", OutputFormat.PARQUET, shard_size=6)]


@pytest.fixture(scope="module")
def client():
    from distributed import Client, LocalCluster

    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=":0") as cluster, \
            Client(cluster) as dask_client:
        yield dask_client


def write_tree(results, root: str) -> None:
    listed: set[str] = set()
    for result in results:
        append_errors(Store(root), result.errors, listed)


@pytest.mark.parametrize("spec", SPECS, ids=[f"{s.format}" for s in SPECS])
def test_dask_tree_equals_local_tree(tmp_path, client, spec):
    inputs = make_inputs(tmp_path / "in", 30, bad=(4,))
    local, remote = tmp_path / "local", tmp_path / "dask"
    local_spec = OutputSpec(str(local), spec.format, spec.gzip, spec.shard_size)
    dask_spec = OutputSpec(f"file://{remote}", spec.format, spec.gzip, spec.shard_size)
    Store(dask_spec.root).makedirs()
    write_tree(run_shards(make_shards(iter_inputs([str(inputs)]), 6, {}), Config(), local_spec, 1), str(local))
    # JSON records are compared as text, so that case also reads the inputs through a file:// URL.
    dask_inputs = f"file://{inputs}" if spec.format is OutputFormat.JSON else str(inputs)
    dask_results = list(run_on_client(client, make_shards(iter_inputs([dask_inputs]), 6, {}), Config(), dask_spec))
    assert [r.number for r in dask_results] == list(range(5))
    write_tree(dask_results, dask_spec.root)
    local_tree, dask_tree = tree(local), tree(remote)
    assert len(local_tree) == (30 if spec.format is OutputFormat.JSON else 6)
    if spec.format is OutputFormat.JSON:  # a file:// input is recorded under its URL
        dask_tree = {k: v.replace(f"file://{inputs}".encode(), str(inputs).encode()) for k, v in dask_tree.items()}
    assert dask_tree == local_tree


def test_cli_dask_engine_matches_local_engine(tmp_path):
    from click.testing import CliRunner

    from cleaner.cli import main

    inputs = make_inputs(tmp_path / "in", 12, bad=(7,))
    runner = CliRunner()
    for engine in ("local", "dask"):
        result = runner.invoke(main, ["clean", str(inputs), "-o", str(tmp_path / engine), "--engine", engine, "-j", "1",
                                      "-f", "jsonl", "--shard-size", "5"])
        assert result.exit_code == 1 and "11 written" in result.stderr, result.output
    assert tree(tmp_path / "local") == tree(tmp_path / "dask")


def test_base_install_does_not_import_dask():
    import subprocess

    code = "import sys, cleaner, cleaner.cli, cleaner.runners.local; print('dask' in sys.modules or 'distributed' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "False"
