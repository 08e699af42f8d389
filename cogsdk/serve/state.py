"""What every request of one server shares: the ``Cog`` client, the bounded work pool,
the operations, the metrics, and what the backends can serve (asked once)."""

from __future__ import annotations

import asyncio
import threading
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any, Callable, Optional

from .metrics import Metrics
from .operations import Operations
from .wire import ApiError


class WorkPool:
    """Model work off the event loop: ``workers`` threads and at most ``queue`` requests
    waiting for one; past that a request is refused at once with 429 and Retry-After,
    so that requests never pile up without bound."""

    def __init__(self, workers: int, queue: int) -> None:
        self._executor = ThreadPoolExecutor(workers, thread_name_prefix="cogsdk-serve")
        self._limit = workers + queue
        self._futures: set[Future] = set()
        self._refusing = False
        self._lock = threading.Lock()

    async def run(self, function: Callable[[], Any]) -> Any:
        with self._lock:
            if self._refusing:
                raise _shutting_down()
            if len(self._futures) >= self._limit:
                raise ApiError("RESOURCE_EXHAUSTED", "The server is busy: too many requests "
                                                     "are waiting. Retry later.", retry_after=1)
            future = self._executor.submit(function)
            self._futures.add(future)
        try:
            return await asyncio.wrap_future(future)
        except asyncio.CancelledError:
            if future.cancelled() and self._refusing:  # refused while waiting, not aborted
                raise _shutting_down() from None
            raise
        finally:
            with self._lock:
                self._futures.discard(future)

    def refuse_waiting(self) -> None:
        """The drain: work that has not started is answered 503 now; running work ends."""
        with self._lock:
            self._refusing = True
            waiting = list(self._futures)
        for future in waiting:
            future.cancel()  # only succeeds for work no thread has taken yet

    def close(self) -> None:
        self._executor.shutdown(wait=True)


def _shutting_down() -> ApiError:
    return ApiError("UNAVAILABLE", "The server is shutting down; retry on another.")


class ServerState:
    """One per server; REST and gRPC both read it."""

    def __init__(self, cog: Any, api_key: Optional[str] = None, workers: int = 2,
                 queue: int = 64, batcher: Any = None) -> None:
        self.cog = cog
        self.api_key = api_key
        self.work = WorkPool(workers, queue)
        self.operations = Operations()
        self.metrics = Metrics()
        self.batcher = batcher
        self.closing = False
        """Set when a drain starts: new requests then get 503."""
        self.ready = threading.Event()
        self._capabilities: Optional[dict] = None
        self._lock = threading.Lock()

    def capabilities(self) -> dict:
        """``cog.capabilities()``, asked once (it builds the local backends)."""
        with self._lock:
            if self._capabilities is None:
                self._capabilities = self.cog.capabilities()
                self.ready.set()
            return self._capabilities

    def served(self, service: str) -> list[dict]:
        """The entries of the backends of ``service`` that can serve now."""
        return [entry for entry in self.capabilities().get(service, {}).values()
                if entry.get("available")]

    def vision_features(self) -> frozenset:
        return frozenset(name for entry in self.served("vision") for name in entry["methods"])

    def translation_pairs(self) -> list[tuple[str, str]]:
        return sorted({tuple(pair) for entry in self.served("translation")
                       for pair in entry.get("pairs") or [] if isinstance(pair, list)})

    def annotate(self, images: list, features: list[str]) -> list:
        """``cog.vision.annotate``, through the dynamic batcher for labels alone."""
        if self.batcher is not None and features == ["labels"]:
            return self.batcher.labels(images)
        return self.cog.vision.annotate(images, features=features)

    def close(self) -> None:
        self.work.close()
        self.operations.close()
        if self.batcher is not None:
            self.batcher.close()
        self.cog.close()
