"""Long-running operations (``speech:longrunningrecognize``, ``videos:annotate``): the
work runs on a small pool of its own, clients poll ``GET .../operations/{name}``."""

from __future__ import annotations

import dataclasses
import itertools
import threading
import time
from collections import OrderedDict
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any, Callable

from google.longrunning import operations_pb2

from .wire import ApiError, api_error

Metadata = Callable[[int, float], Any]
"""``metadata(progress_percent, started_at) -> protobuf message`` of one API."""


@dataclasses.dataclass
class _Record:
    future: Future
    metadata: Metadata
    started: float


class Operations:
    """At most ``pending`` unfinished operations (more is a 429); the ``keep`` most
    recent are remembered for polling, older ones are forgotten."""

    def __init__(self, workers: int = 1, pending: int = 16, keep: int = 256) -> None:
        self._pool = ThreadPoolExecutor(workers, thread_name_prefix="cogsdk-operation")
        self._records: OrderedDict[str, _Record] = OrderedDict()
        self._lock = threading.Lock()
        self._numbers = itertools.count(int(time.time()))
        self._pending = pending
        self._keep = keep

    def start(self, prefix: str, work: Callable[[], Any], metadata: Metadata) -> Any:
        """Queue ``work`` (returns the response message) and answer its Operation."""
        with self._lock:
            running = sum(1 for r in self._records.values() if not r.future.done())
            if running >= self._pending:
                raise ApiError("RESOURCE_EXHAUSTED", f"{running} operations are running; "
                                                     "retry later.", retry_after=5)
            name = f"{prefix}{next(self._numbers)}"
            self._records[name] = _Record(self._pool.submit(work), metadata, time.time())
            while len(self._records) > self._keep:
                self._records.popitem(last=False)
        return self.get(name)

    def get(self, name: str) -> Any:
        """The Operation as it stands: ``done`` with ``response`` or ``error`` once over."""
        with self._lock:
            record = self._records.get(name)
        if record is None:
            raise ApiError("NOT_FOUND", f"Operation {name} not found.")
        operation = operations_pb2.Operation(name=name, done=record.future.done())
        operation.metadata.Pack(record.metadata(100 if operation.done else 0, record.started))
        if operation.done:
            error = record.future.exception()
            if error is None:
                operation.response.Pack(record.future.result())
            else:
                operation.error.CopyFrom(api_error(error).to_status())
        return operation

    def close(self, wait: bool = True) -> None:
        """Finish (``wait``) or drop the queued work."""
        self._pool.shutdown(wait=wait, cancel_futures=not wait)
