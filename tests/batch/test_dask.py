"""The batch job on a real Dask cluster: a LocalCluster of 2 worker processes on
127.0.0.1, started and closed here."""

import json
import os
import shutil
import signal

import pytest

from cogsdk.batch import Dask, run_batch

from .conftest import SETTINGS, expected_inputs

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
