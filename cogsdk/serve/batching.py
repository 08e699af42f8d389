"""Dynamic batching of label requests across concurrent clients, the way Triton's
dynamic batcher does it: the first image waits at most ``wait`` seconds for others,
then up to ``size`` images go through one ``cog.vision.annotate`` call (one ONNX run).

Like Triton's model instances, ``runners`` batches may run at once: while they are all
busy, new requests queue up and form the next, larger batch."""

from __future__ import annotations

import queue
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from typing import Any

from ..errors import ServiceUnavailable


class _Item:
    __slots__ = ("image", "result", "done")

    def __init__(self, image: Any) -> None:
        self.image = image
        self.result: Any = None
        self.done = threading.Event()


class LabelBatcher:
    """``labels(images)`` blocks its caller until its images' batch has run; at most
    ``runners`` label calls run at a time."""

    def __init__(self, cog: Any, metrics: Any, size: int = 16, wait: float = 0.005,
                 runners: int = 2) -> None:
        self._cog = cog
        self._metrics = metrics
        self._size = size
        self._wait = wait
        self._queue: queue.Queue = queue.Queue()
        self._closed = False
        self._free = threading.Semaphore(runners)
        self._runners = ThreadPoolExecutor(runners, thread_name_prefix="cogsdk-batch")
        self._thread = threading.Thread(target=self._loop, name="cogsdk-batcher", daemon=True)
        self._thread.start()

    def labels(self, images: list) -> list:
        """``[Annotation | CogError]`` with ``labels`` set, one per image, in order."""
        if self._closed:
            raise ServiceUnavailable("The server is shutting down.")
        items = [_Item(image) for image in images]
        for item in items:
            self._queue.put(item)
        for item in items:
            item.done.wait()
        return [item.result for item in items]

    def close(self) -> None:
        """Run what is queued, then stop the batching thread."""
        self._closed = True
        self._queue.put(None)
        self._thread.join(timeout=30)
        self._runners.shutdown(wait=True)

    def _loop(self) -> None:
        while True:
            self._free.acquire()  # collect only when a runner can take the batch
            batch = self._collect()
            if batch is None:
                return
            self._runners.submit(self._run, batch)

    def _collect(self) -> Any:
        """Up to ``size`` items, the first one waiting at most ``wait`` for company;
        None once closed and empty."""
        first = self._queue.get()
        if first is None:
            return None
        batch = [first]
        deadline = time.monotonic() + self._wait
        while len(batch) < self._size:
            remaining = deadline - time.monotonic()
            try:
                item = self._queue.get(timeout=remaining) if remaining > 0 else \
                    self._queue.get_nowait()
            except queue.Empty:
                break
            if item is None:  # closing: finish this batch, then stop
                self._queue.put(None)
                break
            batch.append(item)
        return batch

    def _run(self, batch: list[_Item]) -> None:
        self._metrics.batch(len(batch))
        try:
            results = self._cog.vision.annotate([item.image for item in batch],
                                                features=["labels"])
        except Exception as error:  # noqa: BLE001 - every waiting caller gets the failure
            results = [error] * len(batch)
        for item, result in zip(batch, results):
            item.result = result
            item.done.set()
        self._free.release()
