"""``GET /metrics`` in Prometheus' text format: requests, latency, errors, batch sizes.

Written by hand (a few counters need no client library); labels hold the route
template, never the path a client sent, so that cardinality stays bounded.
"""

from __future__ import annotations

import threading
from collections import Counter

LATENCY_BUCKETS = (0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0)
BATCH_BUCKETS = (1, 2, 4, 8, 16, 32, 64)


class _Histogram:
    def __init__(self, buckets: tuple) -> None:
        self.buckets = buckets
        self.counts = [0] * len(buckets)
        self.total = 0
        self.sum = 0.0

    def observe(self, value: float) -> None:
        for index, bound in enumerate(self.buckets):
            if value <= bound:
                self.counts[index] += 1
        self.total += 1
        self.sum += value

    def lines(self, name: str, labels: str = "") -> list[str]:
        sep = "," if labels else ""
        out = [f'{name}_bucket{{{labels}{sep}le="{bound}"}} {count}'
               for bound, count in zip(self.buckets, self.counts)]
        out.append(f'{name}_bucket{{{labels}{sep}le="+Inf"}} {self.total}')
        suffix = f"{{{labels}}}" if labels else ""
        return out + [f"{name}_sum{suffix} {self.sum:.6f}", f"{name}_count{suffix} {self.total}"]


class Metrics:
    """Thread-safe counters fed by the access log, the gRPC servicers and the batcher."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._requests: Counter = Counter()
        self._errors: Counter = Counter()
        self._latency: dict[str, _Histogram] = {}
        self._batches = _Histogram(BATCH_BUCKETS)

    def request(self, transport: str, route: str, status: int, seconds: float) -> None:
        with self._lock:
            self._requests[(transport, route, status)] += 1
            if status >= 400:
                self._errors[(transport, status)] += 1
            self._latency.setdefault(transport, _Histogram(LATENCY_BUCKETS)).observe(seconds)

    def batch(self, size: int) -> None:
        with self._lock:
            self._batches.observe(size)

    def text(self) -> str:
        with self._lock:
            lines = ["# TYPE cogsdk_requests_total counter"]
            lines += [f'cogsdk_requests_total{{transport="{t}",route="{r}",code="{c}"}} {n}'
                      for (t, r, c), n in sorted(self._requests.items())]
            lines.append("# TYPE cogsdk_errors_total counter")
            lines += [f'cogsdk_errors_total{{transport="{t}",code="{c}"}} {n}'
                      for (t, c), n in sorted(self._errors.items())]
            lines.append("# TYPE cogsdk_request_seconds histogram")
            for transport, histogram in sorted(self._latency.items()):
                lines += histogram.lines("cogsdk_request_seconds", f'transport="{transport}"')
            lines.append("# TYPE cogsdk_batch_images histogram")
            lines += self._batches.lines("cogsdk_batch_images")
        return "\n".join(lines) + "\n"
