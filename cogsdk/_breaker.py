"""A circuit breaker: after N consecutive cloud failures, ``auto`` skips the cloud for a
cool-down, then lets one call try it again."""

from __future__ import annotations

import threading
import time
from typing import Callable


class CircuitBreaker:
    """Open after ``threshold`` consecutive failures; half-open after ``cooldown`` s."""

    def __init__(self, threshold: int = 5, cooldown: float = 30.0,
                 clock: Callable[[], float] | None = None) -> None:
        self.threshold = threshold
        self.cooldown = cooldown
        self._clock = clock or (lambda: time.monotonic())
        self._failures = 0
        self._opened_at: float | None = None
        self._lock = threading.Lock()

    @property
    def is_open(self) -> bool:
        """True while calls should skip the cloud."""
        with self._lock:
            if self._opened_at is None:
                return False
            if self._clock() - self._opened_at >= self.cooldown:
                self._opened_at = None  # half-open: the next call may try the cloud
                self._failures = self.threshold - 1  # ...and one more failure re-opens
                return False
            return True

    def record_success(self) -> None:
        with self._lock:
            self._failures = 0
            self._opened_at = None

    def record_failure(self) -> None:
        with self._lock:
            self._failures += 1
            if self._failures >= self.threshold:
                self._opened_at = self._clock()
