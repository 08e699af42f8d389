"""HTML, glossaries and supported languages on Google Translation v2 and v3."""

import json
from urllib.parse import parse_qs, urlparse

import pytest
import responses

pytest.importorskip("google.cloud.translate_v3")
from google.cloud import translate_v3  # noqa: E402

from cogsdk import Cog, InvalidInput, UnsupportedFeature  # noqa: E402
from cogsdk.testing import _payloads, _translation_payloads as tp  # noqa: E402

V2 = "https://translation.googleapis.com/language/translate/v2"
V3 = "https://translate.googleapis.com/v3/projects/my-proj/locations"


@pytest.fixture
def v3():
    return Cog(mode="cloud", project="my-proj", credentials="anonymous", max_retries=0)


@pytest.fixture
def v2():
    return Cog(mode="cloud", api_key="secret-key", max_retries=0)


@responses.activate
def test_v3_html_sends_the_html_mime_type(v3):
    responses.post(f"{V3}/global:translateText", json=_payloads.translate_v3(
        {"contents": ["<b>Hi</b>"], "targetLanguageCode": "de"}))
    v3.translation.translate("<b>Hi</b>", target="de", format="html")
    assert json.loads(responses.calls[0].request.body)["mimeType"] == "text/html"


@responses.activate
def test_v2_html_sends_format_html(v2):
    responses.post(V2, json=_payloads.translate_v2({"q": ["<b>Hi</b>"], "target": "es"}))
    v2.translation.translate("<b>Hi</b>", target="es", format="html")
    body = responses.calls[0].request.body
    body = body.decode() if isinstance(body, bytes) else body
    assert "html" in (json.loads(body).get("format") if body.startswith("{")
                      else parse_qs(body)["format"][0])


@responses.activate
def test_v3_glossary_goes_to_its_region_and_its_translation_is_returned(v3, strict):
    def answer(request):
        payload = tp.translate_v3_glossary(json.loads(request.body))
        strict(payload, translate_v3.TranslateTextResponse)
        return 200, {}, json.dumps(payload)

    responses.add_callback(responses.POST, f"{V3}/us-central1:translateText", callback=answer)
    result = v3.translation.translate("Hello", target="de", source="en", glossary="terms")
    sent = json.loads(responses.calls[0].request.body)
    strict(sent, translate_v3.TranslateTextRequest)
    assert sent["glossaryConfig"] == {
        "glossary": "projects/my-proj/locations/us-central1/glossaries/terms"}
    assert result.text == "[de+glossary] Hello"


def test_glossary_needs_v3_and_a_name(v2):
    with pytest.raises(UnsupportedFeature, match="v3"):
        v2.translation.translate("Hello", target="de", glossary="terms")
    with pytest.raises(InvalidInput, match="format"):
        v2.translation.translate("Hello", target="de", format="markdown")


@responses.activate
def test_v3_supported_languages(v3, strict):
    payload = tp.languages_v3("en")
    strict(payload, translate_v3.SupportedLanguages)
    responses.get(f"{V3}/global/supportedLanguages", json=payload)
    found = v3.translation.supported_languages(target="en")
    query = parse_qs(urlparse(responses.calls[0].request.url).query)
    assert query["displayLanguageCode"] == ["en"]
    assert [(x.code, x.name, x.source, x.target) for x in found][:1] == [
        ("de", "German", True, True)]
    assert found.backend == "google" and found.to_dict()["items"][2]["code"] == "es"


@responses.activate
def test_v2_supported_languages(v2):
    responses.get(f"{V2}/languages", json=tp.languages_v2("de"))
    found = v2.translation.supported_languages(target="de")
    assert "target=de" in responses.calls[0].request.url
    assert [x.code for x in found] == ["de", "en", "es"] and found[1].name == "English"
