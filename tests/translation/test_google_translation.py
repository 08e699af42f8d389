"""Google Translation through `responses`: v2 without a project, v3 with one."""

import json
from urllib.parse import parse_qs

import pytest
import responses

pytest.importorskip("google.cloud.translate_v3")
from google.cloud import translate_v3  # noqa: E402

from cogsdk import Cog, InvalidInput, QuotaExceeded, UnsupportedLanguage  # noqa: E402
from cogsdk.testing import _payloads  # noqa: E402

V2 = "https://translation.googleapis.com/language/translate/v2"
V3 = "https://translate.googleapis.com/v3/projects/my-proj/locations/global"


def _v2_body(call) -> dict:
    body = call.request.body
    body = body.decode() if isinstance(body, bytes) else body
    try:
        return json.loads(body)
    except ValueError:
        return parse_qs(body)


@responses.activate
def test_v2_batch_translate_and_detect():
    cog = Cog(mode="cloud", api_key="secret-key", max_retries=0)
    responses.post(V2, json=_payloads.translate_v2({"q": ["Hello", "Bye"], "target": "es"}))
    responses.post(f"{V2}/detect", json=_payloads.detect_v2({"q": ["Hello"]}))
    results = cog.translation.translate(["Hello", "Bye"], target="es")
    assert [r.text for r in results] == ["[es] Hello", "[es] Bye"]
    assert results[0].source_language == "en" and results[0].model == "google/translate/v2"
    assert len(responses.calls) == 1 and _v2_body(responses.calls[0])["q"] == ["Hello", "Bye"]
    assert responses.calls[0].request.headers["x-goog-api-key"] == "secret-key"
    assert cog.translation.detect_language("Hello").language == "en"


@responses.activate
def test_v3_with_project(strict):
    payload = _payloads.translate_v3({"contents": ["Hello"], "targetLanguageCode": "de"})
    strict(payload, translate_v3.TranslateTextResponse)
    strict(_payloads.detect_v3({}), translate_v3.DetectLanguageResponse)
    responses.post(f"{V3}:translateText", json=payload)
    responses.post(f"{V3}:detectLanguage", json=_payloads.detect_v3({}))
    cog = Cog(mode="cloud", project="my-proj", credentials="anonymous", max_retries=0)
    result = cog.translation.translate("Hello", target="de", source="en")
    sent = json.loads(responses.calls[0].request.body)
    assert sent["targetLanguageCode"] == "de" and sent["sourceLanguageCode"] == "en"
    assert result.text == "[de] Hello" and result.source_language == "en"
    assert result.raw == payload["translations"][0]  # built from the protobuf on first read
    detected = cog.translation.detect_language("Hello")
    assert (detected.language, detected.confidence) == ("en", 0.98)


@responses.activate
def test_v3_errors_are_typed():
    cog = Cog(mode="cloud", project="my-proj", credentials="anonymous", max_retries=0)
    responses.post(f"{V3}:translateText", status=400,
                   json=_payloads.error(400, "Target language is invalid."))
    with pytest.raises(UnsupportedLanguage):
        cog.translation.translate("Hello", target="xx")
    responses.replace(responses.POST, f"{V3}:translateText", status=403,
                      json=_payloads.error(403, "User Rate Limit Exceeded", "RATE_LIMIT_EXCEEDED"))
    with pytest.raises(QuotaExceeded):
        cog.translation.translate("Hello", target="de")
    with pytest.raises(InvalidInput):
        cog.translation.translate("Hello", target="")
