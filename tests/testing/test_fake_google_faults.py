"""End to end against the loopback FakeGoogle server: faults, retries, deadlines, batches."""

import time

import pytest

pytest.importorskip("google.cloud.vision_v1")

from cogsdk import (BackendError, BackendTimeout, Cog, InvalidInput,  # noqa: E402
                    PermissionDenied, RateLimited, ServiceUnavailable)
from cogsdk.testing import Fault  # noqa: E402

ANNOTATE = "images:annotate"


def _cog(fake, **kw):
    kw.setdefault("max_retries", 3)
    return Cog(mode="cloud", endpoint=fake.url, **kw)


def test_429_with_retry_after_is_honoured_then_succeeds(fake_google, png_bytes):
    fake_google.fail(ANNOTATE, Fault(status=429, headers={"Retry-After": "0.3"}))
    started = time.monotonic()
    labels = _cog(fake_google).vision.labels(png_bytes)
    assert labels[0].description == "Cat"
    assert time.monotonic() - started >= 0.3
    assert fake_google.count(ANNOTATE) == 2


def test_429_without_retries_is_rate_limited_with_retry_after(fake_google, png_bytes):
    fake_google.fail(ANNOTATE, Fault(status=429, headers={"Retry-After": "7"}))
    with pytest.raises(RateLimited) as caught:
        _cog(fake_google, max_retries=0).vision.labels(png_bytes)
    assert caught.value.retry_after == 7.0 and caught.value.status_code == 429


def test_burst_of_503_is_retried(fake_google, png_bytes):
    fake_google.fail(ANNOTATE, 503, times=2)
    assert _cog(fake_google).vision.labels(png_bytes)[0].description == "Cat"
    assert fake_google.count(ANNOTATE) == 3


def test_persistent_503_ends_within_the_deadline(fake_google, png_bytes):
    fake_google.fail(ANNOTATE, 503, times=1000)
    started = time.monotonic()
    with pytest.raises((ServiceUnavailable, BackendTimeout)):
        _cog(fake_google, max_retries=50, deadline=2.0).vision.labels(png_bytes)
    assert time.monotonic() - started < 4.0


def test_slow_answer_times_out(fake_google, png_bytes):
    fake_google.fail(ANNOTATE, Fault(status=200, delay=1.5), times=5)
    started = time.monotonic()
    with pytest.raises(BackendTimeout):
        _cog(fake_google, timeout=0.3, max_retries=0).vision.labels(png_bytes)
    assert time.monotonic() - started < 1.4


def test_connection_reset_is_retried(fake_google, png_bytes):
    fake_google.fail(ANNOTATE, Fault(reset=True))
    assert _cog(fake_google).vision.labels(png_bytes)[0].description == "Cat"
    fake_google.fail(ANNOTATE, Fault(reset=True), times=10)
    with pytest.raises(ServiceUnavailable):
        _cog(fake_google, max_retries=1).vision.labels(png_bytes)


def test_malformed_json_is_a_backend_error(fake_google, png_bytes):
    fake_google.fail(ANNOTATE, Fault(status=200, body=b'{"responses": [{"labelAnn'))
    with pytest.raises(BackendError) as caught:
        _cog(fake_google, max_retries=0).vision.labels(png_bytes)
    assert caught.value.reason == "MALFORMED_RESPONSE"


def test_disabled_api_is_permission_denied_and_not_retried(fake_google, png_bytes):
    fake_google.fail(ANNOTATE, Fault(status=403, reason="SERVICE_DISABLED"), times=5)
    with pytest.raises(PermissionDenied) as caught:
        _cog(fake_google).vision.labels(png_bytes)
    assert caught.value.reason == "SERVICE_DISABLED"
    assert fake_google.count(ANNOTATE) == 1


def test_bad_image_inside_a_batch_keeps_every_slot(fake_google, png_bytes):
    gif = b"GIF89a" + bytes(20)  # passes the local sniff; the fake rejects its content
    inputs = [png_bytes, gif, b"", png_bytes] * 10
    results = _cog(fake_google).vision.labels(inputs)
    assert len(results) == 40
    for given, result in zip(inputs, results):
        if given == png_bytes:
            assert result[0].description == "Cat"
        else:
            assert isinstance(result, InvalidInput)


def test_every_service_end_to_end(fake_google):
    import numpy as np

    cog = _cog(fake_google)
    assert cog.speech.transcribe(np.zeros(1600, np.float32), sample_rate=16000).text
    assert cog.language.entities("Ada Lovelace met Charles Babbage.")[0].type == "PERSON"
    assert cog.translation.translate(["a", "b"], "fr")[1].text == "[fr] b"
    assert [tuple(s) for s in cog.video.shots("gs://b/v.mp4")][1] == (4.04, 12.5)
    polls = fake_google.count("/operations/")
    assert polls >= 2  # one 'running', one 'done'


def test_auto_falls_back_to_the_local_model_on_an_outage(fake_google, caplog):
    import io
    import logging

    from cogsdk import MissingDependency

    skimage_data = pytest.importorskip("skimage.data")
    from PIL import Image

    buffer = io.BytesIO()
    Image.fromarray(skimage_data.chelsea()).save(buffer, format="PNG")
    fake_google.fail(ANNOTATE, 503, times=100)
    cog = Cog(mode="auto", endpoint=fake_google.url, max_retries=1)
    try:
        with caplog.at_level(logging.WARNING, logger="cogsdk"):
            labels = cog.vision.labels(buffer.getvalue())
    except MissingDependency as error:
        pytest.skip(f"local vision is not installed: {error}")
    assert labels.backend == "local"
    assert "ServiceUnavailable" in labels.fallback_reason
    assert "cat" in " ".join(x.description.lower() for x in labels)
    assert "falls back to local" in caplog.text
    assert fake_google.count(ANNOTATE) == 2  # one try and one retry, then local


def _quota_message(limit: str) -> str:
    return (f"Quota exceeded for quota metric 'Requests' and limit '{limit}' of service "
            "'vision.googleapis.com' for consumer 'project_number:1'.")


def test_429_quota_exceeded_with_retry_after_is_retried(fake_google, png_bytes):
    # exactly how a per-minute quota answers: the message alone does not say which quota
    fake_google.fail(ANNOTATE, Fault(status=429, headers={"Retry-After": "1"},
                                     message="Quota exceeded."))
    started = time.monotonic()
    assert _cog(fake_google).vision.labels(png_bytes)[0].description == "Cat"
    assert time.monotonic() - started >= 1.0
    assert fake_google.count(ANNOTATE) == 2


@pytest.mark.parametrize("limit", ["Requests per minute", "Requests per 100 seconds per user"])
def test_429_naming_a_short_quota_is_rate_limited_and_retried(fake_google, png_bytes, limit):
    fake_google.fail(ANNOTATE, Fault(status=429, message=_quota_message(limit)))
    assert _cog(fake_google).vision.labels(png_bytes)[0].description == "Cat"
    assert fake_google.count(ANNOTATE) == 2


def test_429_naming_a_daily_quota_fails_at_once(fake_google, png_bytes):
    from cogsdk import QuotaExceeded

    fake_google.fail(ANNOTATE, Fault(status=429, message=_quota_message("Requests per day")),
                     times=5)
    with pytest.raises(QuotaExceeded, match="per day"):
        _cog(fake_google).vision.labels(png_bytes)
    assert fake_google.count(ANNOTATE) == 1
