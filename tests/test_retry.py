"""The retry policy with a fake clock: back-off, Retry-After, deadline, non-retryable."""

import pytest

from cogsdk._retry import RetryPolicy, call_with_retry
from cogsdk.errors import BackendTimeout, PermissionDenied, RateLimited, ServiceUnavailable


class Clock:
    def __init__(self):
        self.now = 0.0
        self.sleeps = []

    def __call__(self):
        return self.now

    def sleep(self, seconds):
        self.sleeps.append(seconds)
        self.now += seconds


def _flaky(errors, answer="ok"):
    queue = list(errors)
    timeouts = []

    def attempt(timeout):
        timeouts.append(timeout)
        if queue:
            raise queue.pop(0)
        return answer
    return attempt, timeouts


def test_retry_after_is_used_exactly():
    clock = Clock()
    attempt, _ = _flaky([RateLimited("429", retry_after=2.5)])
    assert call_with_retry(attempt, RetryPolicy(), clock, clock.sleep) == "ok"
    assert clock.sleeps == [2.5]


def test_backoff_grows_with_jitter_and_is_capped():
    clock = Clock()
    attempt, _ = _flaky([ServiceUnavailable("503")] * 5)
    policy = RetryPolicy(max_retries=5, initial_backoff=1.0, max_backoff=3.0, deadline=100)
    call_with_retry(attempt, policy, clock, clock.sleep)
    ceilings = [1.0, 2.0, 3.0, 3.0, 3.0]
    assert all(c / 2 <= s <= c for s, c in zip(clock.sleeps, ceilings))


def test_deadline_bounds_the_whole_call_and_each_attempt():
    clock = Clock()
    attempt, timeouts = _flaky([ServiceUnavailable("503")] * 10)
    policy = RetryPolicy(max_retries=10, initial_backoff=4.0, max_backoff=4.0, deadline=10,
                         attempt_timeout=30)
    with pytest.raises(BackendTimeout, match="deadline"):
        call_with_retry(attempt, policy, clock, clock.sleep)
    assert clock.now <= 10
    assert timeouts[0] == 10  # never more than what is left of the deadline


def test_non_retryable_errors_fail_at_once():
    clock = Clock()
    attempt, timeouts = _flaky([PermissionDenied("403")])
    with pytest.raises(PermissionDenied):
        call_with_retry(attempt, RetryPolicy(), clock, clock.sleep)
    assert len(timeouts) == 1 and clock.sleeps == []


def test_gives_up_after_max_retries():
    clock = Clock()
    attempt, timeouts = _flaky([ServiceUnavailable("503")] * 10)
    with pytest.raises(ServiceUnavailable):
        call_with_retry(attempt, RetryPolicy(max_retries=2), clock, clock.sleep)
    assert len(timeouts) == 3


def _google_429(message, headers=None):
    gexc = pytest.importorskip("google.api_core.exceptions")
    import requests

    response = requests.Response()
    response.status_code, response.headers = 429, requests.structures.CaseInsensitiveDict(
        headers or {})
    return gexc.TooManyRequests(message, response=response)


@pytest.mark.parametrize("message, headers, retry_after", [
    ("Quota exceeded.", {"Retry-After": "1"}, 1.0),  # how a per-minute quota answers
    ("Quota exceeded for quota metric 'Requests' and limit 'Requests per minute'", {}, None),
    ("Quota exceeded for limit 'Requests per 100 seconds per user'", {}, None),
    ("Quota exceeded.", {}, None),  # nothing says it is daily: worth a retry
    ("Too many requests.", {"Retry-After": "soon"}, None),  # unreadable: our own back-off
])
def test_a_429_is_rate_limited_unless_it_names_a_daily_quota(message, headers, retry_after):
    from cogsdk._google import map_error

    error = map_error(_google_429(message, headers))
    assert type(error) is RateLimited and error.retryable
    assert error.retry_after == retry_after


@pytest.mark.parametrize("message", ["Quota exceeded for limit 'Requests per day'",
                                     "Daily limit exceeded", "quota RequestsPerDayPerProject"])
def test_a_429_naming_a_daily_quota_is_quota_exceeded(message):
    from cogsdk._google import map_error
    from cogsdk.errors import QuotaExceeded

    error = map_error(_google_429(message))
    assert type(error) is QuotaExceeded and not error.retryable
