"""The Google speech adapter through `responses`, with strictly valid payloads."""

import json

import numpy as np
import pytest
import responses

pytest.importorskip("google.cloud.speech_v1")
from google.cloud import speech_v1  # noqa: E402

from cogsdk import Cog, InvalidInput  # noqa: E402
from cogsdk.testing import _payloads  # noqa: E402

BASE = "https://speech.googleapis.com/v1"


@pytest.fixture
def cog():
    return Cog(mode="cloud", credentials="anonymous", max_retries=0)


@responses.activate
def test_short_wav_uses_sync_recognize_with_word_times(cog, strict, make_wav):
    payload = _payloads.recognize({"config": {"enableWordTimeOffsets": True}})
    strict(payload, speech_v1.RecognizeResponse)
    responses.post(f"{BASE}/speech:recognize", json=payload)
    result = cog.speech.transcribe(make_wav(2.0, 8000, 2), language="en-GB", word_timestamps=True)
    sent = json.loads(responses.calls[0].request.body)
    assert sent["config"]["encoding"] == 1 and sent["config"]["sampleRateHertz"] == 8000
    assert sent["config"]["audioChannelCount"] == 2
    assert sent["config"]["languageCode"] == "en-GB"
    assert result.text == _payloads.TRANSCRIPT and result.confidence == pytest.approx(0.92)
    assert [w.word for w in result.words][:2] == ["how", "old"]
    assert result.words[1].start == pytest.approx(0.4) and result.words[1].end == pytest.approx(0.7)


@responses.activate
def test_numpy_audio_is_sent_as_linear16(cog):
    responses.post(f"{BASE}/speech:recognize", json=_payloads.recognize({}))
    cog.speech.transcribe(np.zeros(8000, dtype=np.float32), sample_rate=8000)
    config = json.loads(responses.calls[0].request.body)["config"]
    assert (config["encoding"], config["sampleRateHertz"]) == (1, 8000)


@responses.activate
def test_long_audio_uses_long_running_recognize(cog, strict, make_wav):
    done = {"name": "42", "done": True, "response": dict(
        _payloads.recognize({}), **{"@type": "type.googleapis.com/google.cloud.speech.v1."
                                             "LongRunningRecognizeResponse"})}
    responses.post(f"{BASE}/speech:longrunningrecognize", json={"name": "42"})
    responses.get(f"{BASE}/operations/42", json=done)
    seen = []
    result = cog.speech.transcribe(make_wav(65.0, 8000), progress=lambda d, t: seen.append(d))
    assert result.text == _payloads.TRANSCRIPT
    assert seen[-1] == 100.0


def test_raw_audio_needs_an_encoding(cog):
    with pytest.raises(InvalidInput, match="encoding"):
        cog.speech.transcribe(b"\x01\x02" * 100)
    with pytest.raises(InvalidInput, match="sample_rate"):
        cog.speech.transcribe(np.zeros(10))
