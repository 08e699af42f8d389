"""The batch job on a real Dask cluster: a LocalCluster of 2 worker processes on
127.0.0.1, started and closed here."""

import json
import os
import shutil
import signal
import subprocess
import sys
import time

import pytest

from cogsdk.batch import Dask, run_batch

from .conftest import OFFLINE, SETTINGS, expected_inputs

distributed = pytest.importorskip("distributed", reason="needs the dask extra")


@pytest.fixture(scope="module")
def cluster():
    from cogsdk.batch.executors import local_cluster

    with local_cluster(2) as running:
        yield running


def _by_input(path):
    lines = [json.loads(line) for line in open(path, encoding="utf-8")]
    assert len(lines) == len({line["input"] for line in lines}), "an input written twice"
    return {line["input"]: line for line in lines}


def test_dask_results_equal_the_in_process_run(photo_dir, tmp_path, cluster):
    inputs = sorted(expected_inputs(photo_dir))
    here, there = tmp_path / "here.jsonl", tmp_path / "there.jsonl"
    run_batch("vision.labels", inputs, str(here), settings=SETTINGS, progress=False)
    summary = run_batch("vision.labels", inputs, str(there), settings=SETTINGS,
                        progress=False, executor=Dask(cluster.scheduler_address, chunk_size=2))
    assert (summary.done, summary.failed, summary.executor) == (3, {"InvalidInput": 2}, "dask")
    assert _by_input(here) == _by_input(there)


class _KillsAWorker(Dask):
    """Kills one worker process as soon as the first chunk is back."""

    def run(self, predictor, inputs):
        for number, records in enumerate(super().run(predictor, inputs)):
            if number == 0:
                pids = self.client().run(os.getpid)
                os.kill(next(iter(pids.values())), signal.SIGKILL)
            yield records


def test_a_killed_worker_loses_nothing_and_duplicates_nothing(photo_dir, tmp_path, cluster):
    copies = tmp_path / "copies"
    copies.mkdir()
    for number in range(12):
        shutil.copy(photo_dir / "coffee.jpg", copies / f"coffee{number:02}.jpg")
    inputs = sorted(str(path) for path in copies.iterdir())
    out = tmp_path / "out.jsonl"
    summary = run_batch("vision.labels", inputs, str(out), settings=SETTINGS, progress=False,
                        executor=_KillsAWorker(cluster.scheduler_address, chunk_size=1))
    assert summary.done == 12 and sorted(_by_input(out)) == inputs


def test_the_documented_recipe_maps_the_predictor_over_chunks(photo_dir, cluster):
    from cogsdk.batch import Predictor

    paths = sorted(expected_inputs(photo_dir))
    predictor = Predictor("vision.labels", max_results=5, settings=SETTINGS)
    with distributed.Client(cluster) as client:
        chunks = [paths[i:i + 2] for i in range(0, len(paths), 2)]
        records = [r for chunk in client.gather(client.map(predictor, chunks)) for r in chunk]
    def outcome(record):  # an error alone in its chunk cannot name a backend there
        return record["input"], record.get("result"), record.get("error")
    assert list(map(outcome, records)) == list(map(outcome, predictor(paths)))


@pytest.fixture
def scheduler_file(tmp_path):
    """``dask scheduler`` and one ``dask worker`` process, started as a user would."""
    found = tmp_path / "scheduler.json"
    dask, common = [sys.executable, "-m", "dask"], ["--host", "127.0.0.1", "--no-dashboard"]
    started = [subprocess.Popen([*dask, "scheduler", "--port", "0", "--scheduler-file",
                                 str(found), *common], stderr=subprocess.DEVNULL)]
    started.append(subprocess.Popen([*dask, "worker", "--scheduler-file", str(found),
                                     "--nworkers", "1", "--nthreads", "1", *common],
                                    stderr=subprocess.DEVNULL))
    try:
        yield found
    finally:
        for process in reversed(started):
            process.terminate()
            process.wait(30)


def test_the_cli_on_a_cluster_of_dask_scheduler_and_dask_worker(photo_dir, tmp_path,
                                                                scheduler_file):
    from cogsdk.batch.cli import main

    deadline = time.monotonic() + 60
    while not scheduler_file.exists() and time.monotonic() < deadline:
        time.sleep(0.1)
    address = json.loads(scheduler_file.read_text())["address"]
    out = tmp_path / "labels.jsonl"
    assert main(["vision", "labels", str(photo_dir), "--out", str(out), "--dask", address,
                 *OFFLINE]) == 1
    assert set(_by_input(out)) == expected_inputs(photo_dir)
