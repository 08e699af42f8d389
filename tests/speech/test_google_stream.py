"""Google streaming recognition over real gRPC, against FakeGoogle's gRPC side."""

import numpy as np
import pytest

pytest.importorskip("grpc")
pytest.importorskip("google.cloud.speech_v1")

from cogsdk import Cog, InvalidInput, ServiceUnavailable  # noqa: E402
from cogsdk.testing import Fault  # noqa: E402
from cogsdk.testing._payloads import TRANSCRIPT  # noqa: E402


@pytest.fixture
def cog(fake_google):
    if fake_google.grpc_url is None:
        pytest.skip("grpcio is missing")
    return Cog(mode="cloud", endpoint=fake_google.url,
               endpoints={"speech_stream": fake_google.grpc_url})


def _chunks(count=6, size=1600):
    return (np.zeros(size, np.float32) for _ in range(count))


def test_partials_grow_then_one_final(cog, fake_google):
    results = list(cog.speech.stream(_chunks(), sample_rate=16000, language="en-GB"))
    partials, final = results[:-1], results[-1]
    assert [r.is_final for r in results] == [False] * 6 + [True]
    assert [len(r.text.split()) for r in partials] == [1, 2, 3, 4, 5, 6]
    assert final.text == TRANSCRIPT and final.confidence == pytest.approx(0.92)
    assert final.backend == "google" and final.raw["results"][0]["isFinal"]
    sent = [body for method, path, body in fake_google.requests if method == "STREAM"]
    assert sent == [{"language": "en-GB", "encoding": 1, "rate": 16000}]


def test_container_bytes_are_sniffed(cog, fake_google, make_wav):
    flac_head = b"fLaC" + b"\x80\x00\x00\x22" + bytes(10) + ((16000 << 44) | 441).to_bytes(
        8, "big") + bytes(16)
    results = list(cog.speech.stream([flac_head, b"\x00" * 100]))
    assert results[-1].text == TRANSCRIPT
    sent = [body for method, _, body in fake_google.requests if method == "STREAM"]
    assert sent[-1]["encoding"] == 2 and sent[-1]["rate"] == 16000  # FLAC


def test_outage_is_a_typed_error(cog, fake_google):
    fake_google.fail("/StreamingRecognize", Fault(status=503))
    with pytest.raises(ServiceUnavailable):
        list(cog.speech.stream(_chunks(), sample_rate=16000))


def test_bad_streams_fail_before_any_request(cog, fake_google):
    with pytest.raises(InvalidInput, match="empty"):
        cog.speech.stream(iter([]))
    with pytest.raises(InvalidInput, match="encoding"):
        cog.speech.stream([b"\x01\x02" * 50])
    with pytest.raises(InvalidInput, match="sample_rate"):
        cog.speech.stream(_chunks())
    assert not [r for r in fake_google.requests if r[0] == "STREAM"]
