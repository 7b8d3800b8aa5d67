"""Batch throughput and memory: `cleaner clean` over the dev text dumps, or with --html the dev HTML pages
(repeated to reach --docs documents).

    python benchmarks/throughput.py --docs 10000 --jobs 2
    python benchmarks/throughput.py --docs 3000 --jobs 1
    python benchmarks/throughput.py --html --docs 2000 --jobs 2
    python benchmarks/throughput.py --profile 200

Reports wall time, docs/s, docs/s per core (documents / CPU seconds of the workers), and each process's
peak RSS with its RSS at each quarter of the run (flat memory = the quarters stay level). Needs psutil;
--profile needs pyinstrument.
"""

from __future__ import annotations

import argparse
import glob
import gzip
import json
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DUMPS = str(ROOT.parent / "shared" / "bench" / "*" / "text" / "*" / "*.txt")
PAGES = str(ROOT.parent / "shared" / "bench" / "*" / "pages" / "*.html.gz")
SAMPLE_SECONDS = 0.2


def dump_paths() -> list[str]:
    return sorted(glob.glob(DUMPS))


def write_jsonl(path: Path, docs: int, html: bool = False) -> None:
    """`docs` documents cycling through the dev dumps (or HTML pages), each with its own id."""
    paths = sorted(glob.glob(PAGES)) if html else dump_paths()
    with open(path, "w", encoding="utf-8") as handle:
        for number in range(docs):
            source = Path(paths[number % len(paths)])
            if html:
                document = {"html": gzip.decompress(source.read_bytes()).decode("utf-8", errors="replace")}
            else:
                document = {"text": source.read_text(encoding="utf-8", errors="replace")}
            handle.write(json.dumps({"id": f"{number:06d}-{source.name.split('.')[0]}", **document}) + "\n")


def run(docs: int, jobs: int, fmt: str, html: bool = False, shard_size: int | None = None) -> dict:
    import psutil

    with tempfile.TemporaryDirectory() as tmp:
        inputs = Path(tmp) / "in.jsonl"
        write_jsonl(inputs, docs, html)
        command = [sys.executable, "-m", "cleaner", "clean", "--jsonl", str(inputs), "-o", str(Path(tmp) / "out"),
                   "-f", fmt, "-j", str(jobs), "-q", *(["--shard-size", str(shard_size)] if shard_size else [])]
        started = time.monotonic()
        process = psutil.Popen(command, env={**os.environ, "PYTHONPATH": str(ROOT)})
        samples = _sample(process)
        wall = time.monotonic() - started
    return _report(docs, jobs, wall, samples)


def _sample(process) -> dict[int, dict]:
    """pid -> {role, rss: [MiB over time], cpu: seconds} for the parent and every worker."""
    import psutil

    seen: dict[int, dict] = {}
    while process.poll() is None:
        try:
            family = [(process, "parent")] + [(c, "worker") for c in process.children(recursive=True)]
            for proc, role in family:
                entry = seen.setdefault(proc.pid, {"role": role, "rss": [], "cpu": 0.0})
                entry["rss"].append(proc.memory_info().rss / 2**20)
                times = proc.cpu_times()
                entry["cpu"] = times.user + times.system
        except (psutil.NoSuchProcess, psutil.AccessDenied):
            pass
        time.sleep(SAMPLE_SECONDS)
    return seen


def _report(docs: int, jobs: int, wall: float, samples: dict[int, dict]) -> dict:
    workers = [s for s in samples.values() if s["role"] == "worker" and len(s["rss"]) > 5]
    cleaning = workers if jobs > 1 else [s for s in samples.values() if s["role"] == "parent"]
    cpu = sum(s["cpu"] for s in cleaning)
    return {
        "docs": docs, "jobs": jobs, "wall_s": round(wall, 1), "docs_per_s": round(docs / wall, 1),
        "docs_per_cpu_s": round(docs / cpu, 1) if cpu else None,
        "processes": [{"role": s["role"], "cpu_s": round(s["cpu"], 1), "peak_rss_mib": round(max(s["rss"]), 1),
                       "rss_quarters_mib": [round(s["rss"][min(len(s["rss"]) - 1, len(s["rss"]) * q // 4)], 1)
                                            for q in (1, 2, 3, 4)]}
                      for s in samples.values() if s["rss"] and (s["role"] == "parent" or s in workers)],
    }


def profile(docs: int) -> str:
    from pyinstrument import Profiler

    sys.path.insert(0, str(ROOT))
    from cleaner.model import RawDoc
    from cleaner.pipeline import clean_document

    paths = dump_paths()
    raws = [RawDoc(id=Path(p).stem, data=Path(p).read_bytes(), path=p) for p in paths[:: max(1, len(paths) // docs)]]
    clean_document(raws[0])
    profiler = Profiler()
    profiler.start()
    for raw in raws:
        clean_document(raw)
    profiler.stop()
    return profiler.output_text(unicode=False, color=False)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--docs", type=int, default=10_000)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--format", default="jsonl", choices=["json", "jsonl", "parquet"])
    parser.add_argument("--html", action="store_true", help="the dev HTML pages instead of the text dumps")
    parser.add_argument("--shard-size", type=int, help="documents per shard (the command's default if not given)")
    parser.add_argument("--profile", type=int, metavar="DOCS", help="profile DOCS documents in-process instead")
    args = parser.parse_args()
    if args.profile:
        print(profile(args.profile))
        return
    print(json.dumps(run(args.docs, args.jobs, args.format, args.html, args.shard_size), indent=1))


if __name__ == "__main__":
    main()
