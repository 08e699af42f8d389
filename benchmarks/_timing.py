"""Timing shared by the benchmarks: interleaved runs, medians."""

from __future__ import annotations

import statistics
import time


def paired_ms(fns, repeat: int) -> list[float]:
    """Median ms of each function, run in turn within every round: load drift on a
    shared machine then hits all of them alike instead of whichever ran last."""
    for fn in fns:
        fn()  # warm-up: sessions, connection pools, allocator arenas
    times = [[] for _ in fns]
    for _ in range(repeat):
        for fn, bucket in zip(fns, times):
            started = time.perf_counter()
            fn()
            bucket.append((time.perf_counter() - started) * 1000)
    return [statistics.median(bucket) for bucket in times]
