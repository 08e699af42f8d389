"""Where a batch job runs: in this process, or on a Dask cluster.

Either way, an executor takes a :class:`~cogsdk.batch.Predictor` and the inputs, and
yields the records of each finished chunk, in any order, to the one writer of the job in
this process (so resume works the same everywhere).
"""

from __future__ import annotations

import collections
import contextlib
import itertools
import os
import signal
import threading
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any, Iterator, Optional, Sequence

from .predictor import Predictor


def chunks(inputs: Sequence[Any], size: int) -> Iterator[list]:
    """``inputs`` in consecutive lists of ``size``."""
    for start in range(0, len(inputs), size):
        yield list(inputs[start:start + size])


class InProcess:
    """Runs the job here: chunks through the list path (one batch of the local model
    each), ``concurrency`` chunks at a time, so that one is read, decoded (by the
    predictor's decode threads) and preprocessed while the model runs another: Pillow,
    numpy and onnxruntime release the GIL."""

    name = "in-process"

    def __init__(self, chunk_size: Optional[int] = None, concurrency: int = 2) -> None:
        self.chunk_size, self.concurrency = chunk_size, max(1, concurrency)

    def run(self, predictor: Predictor, inputs: Sequence[Any]) -> Iterator[list[dict]]:
        """The records of each chunk, in input order."""
        size = self.chunk_size or predictor.batch_size
        pool = ThreadPoolExecutor(self.concurrency, thread_name_prefix="cogsdk-batch")
        running: collections.deque[Future] = collections.deque()
        try:
            for chunk in chunks(inputs, size):
                ahead = predictor.read_ahead(chunk)  # decoding starts before a thread frees
                running.append(pool.submit(predictor.run, chunk, ahead))
                if len(running) > self.concurrency:  # one more waits, ready to start
                    yield running.popleft().result()
            while running:
                yield running.popleft().result()
        finally:
            for future in running:
                future.cancel()  # stopped: run no more chunks (their decodes are cheap)
            pool.shutdown(wait=True)

    def close(self) -> None:
        """Nothing to release: the client stays cached for the next job."""


class Dask:
    """Runs the job on Dask distributed: ``"local"``/``"local:N"`` starts a
    ``LocalCluster`` of N worker processes (one thread each); ``"tcp://host:8786"`` uses a
    cluster started with ``dask scheduler`` and ``dask worker``.

    Each task is one chunk; the predictor travels with it, and each worker process
    builds its ``Cog`` on its first chunk and keeps it. At most ``window`` chunks per
    worker thread are in flight, so a job of millions of inputs holds few results at once. When
    a worker dies, Dask runs its chunks again on another; the writer drops any input it
    has already written.
    """

    name = "dask"

    def __init__(self, address: str = "local", chunk_size: int = 64, window: int = 2) -> None:
        self.address, self.chunk_size, self.window = address, chunk_size, window
        self._client: Any = None
        self._cluster: Any = None

    def run(self, predictor: Predictor, inputs: Sequence[Any]) -> Iterator[list[dict]]:
        """The records of each chunk as its task finishes."""
        from distributed import as_completed

        client = self.client()
        pending = chunks(inputs, self.chunk_size)
        running = as_completed()
        self._top_up(client, running, predictor, pending)
        try:
            for future in running:
                records = future.result()
                future.release()
                self._top_up(client, running, predictor, pending)
                yield records
        finally:
            client.cancel(list(running.futures))

    def _top_up(self, client: Any, running: Any, predictor: Predictor,
                pending: Iterator[list]) -> None:
        """Keep ``window`` chunks per worker thread in flight; asked anew each time, since
        workers of a running cluster come and go."""
        wanted = self.window * max(1, sum(client.nthreads().values()))
        for chunk in itertools.islice(pending, max(0, wanted - running.count())):
            running.add(client.submit(predictor, chunk, pure=False))

    def client(self) -> Any:
        """The ``distributed.Client``, connected (and the local cluster started) once."""
        if self._client is None:
            from distributed import Client

            if self.address.startswith("local"):
                self._cluster = local_cluster(_workers(self.address))
                self._client = Client(self._cluster)
            else:
                self._client = Client(self.address)
        return self._client

    def close(self) -> None:
        """Disconnect, and stop the local cluster if this executor started one."""
        for part in (self._client, self._cluster):
            if part is not None:
                part.close()
        self._client = self._cluster = None


QUIET_WORKERS = {
    "distributed.worker.profile.enabled": False,
    "distributed.admin.tick.interval": "1s",
    "distributed.admin.system-monitor.interval": "5s",
    "distributed.worker.memory.monitor-interval": "1s",
}
"""The housekeeping of a worker's event loop (a sampling profiler every 10 ms, a tick
every 20 ms, system metrics every 0.5 s) feeds a dashboard that is off here; left on,
it costs about 8% of a model's CPU time on a 2-core machine."""


def local_cluster(workers: int) -> Any:
    """A ``LocalCluster`` of ``workers`` processes, one thread each, on 127.0.0.1, with no
    dashboard: a model session per process, not per thread."""
    import dask
    from distributed import LocalCluster

    with _workers_ignore_ctrl_c(), dask.config.set(QUIET_WORKERS):
        return LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                            host="127.0.0.1", dashboard_address=None)


@contextlib.contextmanager
def _workers_ignore_ctrl_c() -> Iterator[None]:
    """Ctrl-C on a terminal reaches every process of its group: the workers started
    here inherit an ignored SIGINT, so that only the job stops (cleanly), not them."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)


def _workers(address: str) -> int:
    _, _, count = address.partition(":")
    if not count:
        return os.cpu_count() or 1
    if not count.isdigit() or int(count) < 1:
        raise ValueError(f"--dask {address!r}: use local, local:N (N >= 1) or "
                         "tcp://HOST:PORT.")
    return int(count)
