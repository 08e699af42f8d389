"""Bounded retries: exponential back-off with jitter, Retry-After honoured, one deadline."""

from __future__ import annotations

import dataclasses
import logging
import random
import time
from typing import Callable, TypeVar

from .errors import BackendError, BackendTimeout, RateLimited

T = TypeVar("T")
log = logging.getLogger("cogsdk")


@dataclasses.dataclass(frozen=True)
class RetryPolicy:
    """How often and how long a cloud call may be retried."""

    max_retries: int = 3
    initial_backoff: float = 0.5
    max_backoff: float = 8.0
    deadline: float = 120.0
    """Seconds for all attempts and sleeps together."""
    attempt_timeout: float = 30.0
    """Seconds for one HTTP attempt (never more than what is left of the deadline)."""

    def backoff(self, attempt: int, error: BackendError) -> float:
        retry_after = getattr(error, "retry_after", None)
        if retry_after is not None:
            return max(0.0, float(retry_after))
        ceiling = min(self.max_backoff, self.initial_backoff * 2 ** attempt)
        return random.uniform(ceiling / 2, ceiling)


def call_with_retry(attempt: Callable[[float], T], policy: RetryPolicy,
                    clock: Callable[[], float] = time.monotonic,
                    sleep: Callable[[float], None] = time.sleep) -> T:
    """Run ``attempt(timeout)`` until it succeeds, fails for good, or the deadline passes.

    ``attempt`` must raise cogsdk errors; only those marked ``retryable`` are retried.
    """
    stop_at = clock() + policy.deadline
    timeout = min(policy.attempt_timeout, policy.deadline)
    for number in range(policy.max_retries + 1):
        try:
            return attempt(max(0.001, timeout))
        except BackendError as error:
            _wait_or_raise(error, number, policy, stop_at, clock, sleep)
        timeout = min(policy.attempt_timeout, stop_at - clock())
    raise AssertionError("unreachable: the last attempt returns or raises")


def _wait_or_raise(error: BackendError, number: int, policy: RetryPolicy, stop_at: float,
                   clock: Callable[[], float], sleep: Callable[[float], None]) -> None:
    """Sleep before retry ``number + 1``, or raise when ``error`` ends the call."""
    if not error.retryable or number == policy.max_retries:
        raise error
    delay = policy.backoff(number, error)
    if clock() + delay >= stop_at:
        if isinstance(error, RateLimited):
            raise error
        raise BackendTimeout(f"Gave up after {number + 1} attempts within the "
                             f"{policy.deadline:g} s deadline: {error}",
                             status_code=error.status_code) from error
    log.warning("cogsdk: %s; retry %d/%d in %.2f s", type(error).__name__, number + 1,
                policy.max_retries, delay)
    sleep(delay)
