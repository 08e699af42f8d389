"""Batch jobs: one method over many inputs into a resumable JSONL file, in this process
or on Dask distributed.

    from cogsdk.batch import Dask, expand, run_batch

    summary = run_batch("vision.labels", expand(["photos/"], "image"), "labels.jsonl",
                        options={"max_results": 5}, resume=True, executor=Dask("local:2"))

The command line is ``cogsdk batch`` (:mod:`cogsdk.batch.cli`); see ``docs/batch.md``.
"""

from .executors import Dask, InProcess
from .inputs import expand
from .job import Summary, run_batch
from .predictor import Predictor

__all__ = ["Dask", "InProcess", "Predictor", "Summary", "expand", "run_batch"]
