"""Batch labelling of many JPEGs on the local model, four ways, on the same files.

    python benchmarks/batch.py [--images 500] [--workers 2]

1. a plain loop of ``cog.vision.labels(path)``, one image a call;
2. ``cogsdk batch`` in one process (chunks through the list path, decoding ahead);
3. a ``multiprocessing.Pool(workers)`` mapping the same ``Predictor`` over chunks: the
   ceiling of that many processes;
4. ``--dask local:N``: a LocalCluster of the same number of worker processes.

Targets: (2) >= 1.3x (1); (4) >= 0.9x (3). Reports images/s (wall) and images per
CPU-second (all processes: steadier on a machine shared with other work), the ratios,
the start-up cost of the pool and of the cluster, and the memory of each worker process.
Writes out/bench_batch.json.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import os
import statistics
import tempfile
import time
from pathlib import Path

SETTINGS = {"mode": "local", "offline": True, "device": "cpu"}


def make_jpegs(folder: Path, count: int) -> list[str]:
    """``count`` JPEGs of about 640x480: crops of scikit-image's photos."""
    import numpy as np
    from PIL import Image
    from skimage import data

    photos = [getattr(data, name)() for name in ("astronaut", "chelsea", "coffee", "rocket")]
    random = np.random.default_rng(0)
    paths = []
    for number in range(count):
        photo = photos[number % len(photos)]
        top, left = (random.integers(0, max(1, photo.shape[i] - 300)) for i in (0, 1))
        crop = Image.fromarray(photo[top:top + 480, left:left + 640])
        paths.append(str(folder / f"img{number:05}.jpg"))
        crop.resize((640, 480)).save(paths[-1], quality=90)
    return paths


class PlainLoop:
    """``cog.vision.labels(path)`` for each path."""

    def __init__(self, paths: list[str]) -> None:
        from cogsdk import Cog

        self.cog = Cog(**SETTINGS, progress=False)
        self.cog.vision.labels(paths[0])  # the model loads outside the timing

    def __call__(self, paths: list[str], out: Path) -> float:
        for path in paths:
            self.cog.vision.labels(path, max_results=5)
        return len(paths)


class InProcess:
    """``cogsdk batch`` in this process."""

    def __init__(self, paths: list[str]) -> None:
        from cogsdk.batch import Predictor

        Predictor("vision.labels", settings=SETTINGS)(paths[:1])  # load the model first

    def __call__(self, paths: list[str], out: Path) -> float:
        from cogsdk.batch import run_batch

        summary = run_batch("vision.labels", paths, str(out / "one.jsonl"), settings=SETTINGS,
                            options={"max_results": 5}, overwrite=True, progress=False)
        return summary.done + summary.failures


def _rss(_: object = None) -> int:
    import psutil

    return psutil.Process().memory_info().rss


class PoolCeiling:
    """A ``multiprocessing.Pool`` mapping the predictor over chunks of 64."""

    def __init__(self, paths: list[str], workers: int) -> None:
        from cogsdk.batch import Predictor

        self.predictor = Predictor("vision.labels", settings=SETTINGS, max_results=5)
        started = time.perf_counter()
        self.pool = multiprocessing.get_context("spawn").Pool(workers)  # fresh, like Dask
        self.pool.map(self.predictor, [paths[:1]] * workers, chunksize=1)  # loads models
        self.start_up = time.perf_counter() - started
        self.workers = workers
        self.pids = [process.pid for process in self.pool._pool]  # type: ignore[attr-defined]

    def __call__(self, paths: list[str], out: Path) -> float:
        from cogsdk.batch.executors import chunks

        return sum(map(len, self.pool.map(self.predictor, list(chunks(paths, 64)),
                                          chunksize=1)))

    def memory(self) -> list[int]:
        return self.pool.map(_rss, range(self.workers), chunksize=1)

    def close(self) -> None:
        self.pool.terminate()


class DaskLocal:
    """``run_batch`` on a LocalCluster of ``workers`` processes (``--dask local:N``)."""

    def __init__(self, paths: list[str], workers: int) -> None:
        from cogsdk.batch import Dask, Predictor

        started = time.perf_counter()
        self.executor = Dask(f"local:{workers}")
        self.client = self.executor.client()
        self.client.run(Predictor("vision.labels", settings=SETTINGS), paths[:1])  # models
        self.start_up = time.perf_counter() - started
        self.pids = list(self.client.run(os.getpid).values())
        self.executor.close = lambda: None  # the job would close it: keep it for the rounds

    def __call__(self, paths: list[str], out: Path) -> float:
        from cogsdk.batch import run_batch

        summary = run_batch("vision.labels", paths, str(out / "dask.jsonl"), settings=SETTINGS,
                            options={"max_results": 5}, overwrite=True, progress=False,
                            executor=self.executor)
        return summary.done + summary.failures

    def memory(self) -> list[int]:
        return list(self.client.run(_rss).values())

    def close(self) -> None:
        from cogsdk.batch import Dask

        Dask.close(self.executor)


def cpu_seconds(pids: list[int]) -> float:
    """CPU time of this process and of a way's worker processes: on a shared machine,
    images per CPU-second stay comparable when wall time does not."""
    import psutil

    times = [psutil.Process(pid).cpu_times() for pid in [os.getpid(), *pids]]
    return sum(t.user + t.system for t in times)


def rates(ways: dict, paths: list[str], out: Path, rounds: int) -> dict[str, dict]:
    """Median images/s (wall) and images per CPU-second of each way, run in turn within
    every round: load from other work on the machine then hits all of them alike."""
    seen: dict[str, list[tuple[float, float]]] = {name: [] for name in ways}
    for _ in range(rounds):
        for name, way in ways.items():
            pids = getattr(way, "pids", [])
            cpu, started = cpu_seconds(pids), time.perf_counter()
            count = way(paths, out)
            assert count == len(paths), (name, count)
            seen[name].append((count / (time.perf_counter() - started),
                               count / (cpu_seconds(pids) - cpu)))
    return {name: {"per_s": round(statistics.median(v[0] for v in values), 1),
                   "per_cpu_s": round(statistics.median(v[1] for v in values), 1)}
            for name, values in seen.items()}


def _mib(values: list[int]) -> list[float]:
    return [round(value / 2**20, 1) for value in values]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--images", type=int, default=500)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        paths = make_jpegs(folder, args.images)
        pool, dask = PoolCeiling(paths, args.workers), DaskLocal(paths, args.workers)
        ways = {"plain_loop": PlainLoop(paths), "batch_in_process": InProcess(paths),
                "pool": pool, "dask": dask}
        try:
            per_s = rates(ways, paths, folder, args.rounds)
            memory = {"pool": _mib(pool.memory()), "dask": _mib(dask.memory())}
        finally:
            pool.close()
            dask.close()
    def ratio(a: str, b: str, unit: str) -> float:
        return round(per_s[a][unit] / per_s[b][unit], 2)
    report = {"images": args.images, "workers": args.workers, "cores": os.cpu_count(),
              "rounds": args.rounds, "load_average": os.getloadavg()[0], "ways": per_s,
              "batch_vs_loop": ratio("batch_in_process", "plain_loop", "per_s"),
              "dask_vs_pool": ratio("dask", "pool", "per_s"),
              "per_cpu_s": {"batch_vs_loop": ratio("batch_in_process", "plain_loop",
                                                   "per_cpu_s"),
                            "dask_vs_pool": ratio("dask", "pool", "per_cpu_s")},
              "start_up_s": {"pool": round(pool.start_up, 2), "dask": round(dask.start_up, 2)},
              "worker_rss_mib": memory}
    print(json.dumps(report, indent=2))
    Path("out").mkdir(exist_ok=True)  # relative to where it runs, like the others
    Path("out/bench_batch.json").write_text(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
