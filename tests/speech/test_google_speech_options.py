"""Google's own recognition fields for alternatives, phrases, punctuation, diarization
and model, through `responses` with strictly valid payloads, and over FakeGoogle's gRPC."""

import json

import numpy as np
import pytest
import responses

pytest.importorskip("google.cloud.speech_v1")
from google.cloud import speech_v1  # noqa: E402

from cogsdk import Cog, ConfigurationError, InvalidInput, UnsupportedFeature  # noqa: E402
from cogsdk.speech.base import GOOGLE_MODELS, LOCAL_MODELS  # noqa: E402
from cogsdk.speech._local.whisper import MODEL_IDS  # noqa: E402
from cogsdk.testing import _payloads  # noqa: E402

URL = "https://speech.googleapis.com/v1/speech:recognize"


@pytest.fixture
def cog():
    return Cog(mode="cloud", credentials="anonymous", max_retries=0)


def _answer(request):
    payload = _payloads.recognize(json.loads(request.body))
    return 200, {}, json.dumps(payload)


@responses.activate
def test_options_are_sent_as_googles_fields(cog, strict, make_wav):
    responses.add_callback(responses.POST, URL, callback=_answer)
    result = cog.speech.transcribe(make_wav(2.0, 16000), alternatives=3,
                                   phrases=["Brooklyn Bridge"], punctuation=False,
                                   model="latest_short")
    config = json.loads(responses.calls[0].request.body)["config"]
    strict({"config": config}, speech_v1.RecognizeRequest)
    assert config["maxAlternatives"] == 3 and config["model"] == "latest_short"
    assert config["speechContexts"] == [{"phrases": ["Brooklyn Bridge"]}]
    assert config.get("enableAutomaticPunctuation", False) is False
    strict(_payloads.recognize({"config": config}), speech_v1.RecognizeResponse)
    assert [a.text for a in result.alternatives] == [
        _payloads.TRANSCRIPT] + [a["transcript"] for a in _payloads.ALTERNATIVES]
    assert result.alternatives[1].confidence == pytest.approx(0.81)
    assert result.to_dict()["alternatives"][0]["text"] == result.text


@responses.activate
def test_diarization_tags_each_word_with_its_speaker(cog, strict, make_wav):
    responses.add_callback(responses.POST, URL, callback=_answer)
    result = cog.speech.transcribe(make_wav(2.0, 16000), diarization=(2, 3))
    config = json.loads(responses.calls[0].request.body)["config"]
    assert config["diarizationConfig"] == {"enableSpeakerDiarization": True,
                                           "minSpeakerCount": 2, "maxSpeakerCount": 3}
    assert config["enableWordTimeOffsets"] is True
    strict(_payloads.recognize({"config": config}), speech_v1.RecognizeResponse)
    assert result.text == _payloads.TRANSCRIPT  # the tagged repeat adds no text
    assert [w.speaker for w in result.words] == [1, 1, 1, 2, 2, 2]
    assert result.alternatives == ()


@responses.activate
def test_default_call_sends_no_new_field(cog, make_wav):
    responses.add_callback(responses.POST, URL, callback=_answer)
    result = cog.speech.transcribe(make_wav(1.0, 16000))
    config = json.loads(responses.calls[0].request.body)["config"]
    assert config["enableAutomaticPunctuation"] is True and config["maxAlternatives"] == 1
    assert "model" not in config and "speechContexts" not in config
    assert result.alternatives == () and all(w.speaker is None for w in result.words)


def test_an_unknown_cloud_model_names_both_lists(cog, make_wav):
    with pytest.raises(UnsupportedFeature, match="tiny.en") as caught:
        cog.speech.transcribe(make_wav(1.0, 16000), model="tiny.en")
    assert "latest_long" in str(caught.value)


def test_local_model_lists_match_the_whisper_engine():
    assert set(LOCAL_MODELS) == set(MODEL_IDS) and "latest_long" in GOOGLE_MODELS


def test_a_google_name_locally_is_unsupported_and_nonsense_is_a_config_error():
    pytest.importorskip("faster_whisper")
    from cogsdk.speech._local.whisper import choose

    with pytest.raises(UnsupportedFeature, match="tiny.en"):
        choose("en-US", "phone_call")
    with pytest.raises(ConfigurationError, match="latest_long"):
        choose("en-US", "huge-v9")


@pytest.mark.parametrize("kwargs,match", [
    ({"alternatives": 0}, "alternatives"), ({"alternatives": 31}, "alternatives"),
    ({"phrases": "Brooklyn"}, "list of strings"), ({"diarization": (3, 2)}, "min <= max"),
    ({"diarization": "two"}, "diarization"),
])
def test_bad_options_are_invalid_input(cog, kwargs, match):
    with pytest.raises(InvalidInput, match=match):
        cog.speech.transcribe(np.zeros(1600, np.float32), sample_rate=16000, **kwargs)


def test_stream_sends_the_options_and_returns_alternatives(fake_google):
    if fake_google.grpc_url is None:
        pytest.skip("grpcio is missing")
    cog = Cog(mode="cloud", endpoint=fake_google.url,
              endpoints={"speech_stream": fake_google.grpc_url})
    chunks = (np.zeros(1600, np.float32) for _ in range(3))
    final = list(cog.speech.stream(chunks, sample_rate=16000, alternatives=2,
                                   phrases=["Brooklyn"], punctuation=False))[-1]
    sent = [body for method, _, body in fake_google.requests if method == "STREAM"]
    assert sent == [{"language": "en-US", "encoding": 1, "rate": 16000,
                     "max_alternatives": 2, "phrases": ["Brooklyn"], "punctuation": False}]
    assert [a.text for a in final.alternatives] == [_payloads.TRANSCRIPT,
                                                    _payloads.ALTERNATIVES[0]["transcript"]]
