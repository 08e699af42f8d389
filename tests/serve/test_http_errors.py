"""Errors at the HTTP level: Google's JSON shape and status for each failure, health,
metrics, the access log, gRPC vision, and the API key."""

from __future__ import annotations

import base64
import json
import urllib.error
import urllib.request

import pytest

from _server_process import ServerProcess


def call(url: str, body=None, method: str = "POST", headers=None) -> tuple[int, dict, dict]:
    data = body if isinstance(body, bytes) or body is None else json.dumps(body).encode()
    request = urllib.request.Request(url, data=data, method=method,
                                     headers={"Content-Type": "application/json",
                                              **(headers or {})})
    try:
        with urllib.request.urlopen(request, timeout=60) as answer:
            return answer.status, json.loads(answer.read() or b"{}"), dict(answer.headers)
    except urllib.error.HTTPError as error:
        return error.code, json.loads(error.read() or b"{}"), dict(error.headers)


def assert_google_error(answer: tuple, code: int, status: str, words: str = "") -> None:
    got, body, _ = answer
    assert got == code, body
    assert set(body) == {"error"} and set(body["error"]) == {"code", "message", "status"}
    assert body["error"]["code"] == code and body["error"]["status"] == status
    assert words.lower() in body["error"]["message"].lower()


def test_bad_requests_get_google_errors(server):
    url = server.url
    assert_google_error(call(f"{url}/v1/documents:analyzeEntities", b"{not json"), 400,
                        "INVALID_ARGUMENT", "Invalid JSON payload")
    assert_google_error(call(f"{url}/v1/documents:analyzeEntities",
                             {"document": {"content": "Hi"}, "encodingTyp": 1}), 400,
                        "INVALID_ARGUMENT", "encodingTyp")
    assert_google_error(call(f"{url}/v1/nowhere:annotate", {}), 404, "NOT_FOUND")
    big = {"requests": [{"image": {"content": "A" * (11 * 2**20)}}]}
    assert_google_error(call(f"{url}/v1/images:annotate", big), 400, "INVALID_ARGUMENT",
                        "exceeds the limit: 10485760 bytes")
    assert_google_error(call(f"{url}/language/translate/v2", {"q": "Hello", "target": "xx"}),
                        400, "INVALID_ARGUMENT", "xx")
    assert_google_error(call(f"{url}/v2/documents:analyzeSentiment", {"document": {
        "content": "Det här är en mening på svenska.", "languageCode": "sv"}}),
        400, "INVALID_ARGUMENT", "sv")


def test_seventeen_images_answer_400(server, photos):
    request = {"image": {"content": base64.b64encode(photos["coffee"]).decode()},
               "features": [{"type": "LABEL_DETECTION"}]}
    assert_google_error(call(f"{server.url}/v1/images:annotate", {"requests": [request] * 17}),
                        400, "INVALID_ARGUMENT", "limit is 16")


def test_health_metrics_and_enum_names_for_curl(server, photos):
    assert call(f"{server.url}/healthz", method="GET")[:2] == (200, {"status": "ok"})
    assert call(f"{server.url}/readyz", method="GET")[0] == 200
    image = {"content": base64.b64encode(photos["chelsea"]).decode()}
    body = {"requests": [{"image": image, "features": [{"type": "SAFE_SEARCH_DETECTION"}]}]}
    named = call(f"{server.url}/v1/images:annotate", body)[1]["responses"][0]
    assert named["safeSearchAnnotation"]["adult"] == "VERY_UNLIKELY"  # curl reads names
    numbered = call(f"{server.url}/v1/images:annotate?$alt=json;enum-encoding=int",
                    body)[1]["responses"][0]
    assert numbered["safeSearchAnnotation"]["adult"] == 1  # what the clients ask for
    with urllib.request.urlopen(f"{server.url}/metrics", timeout=10) as answer:
        text = answer.read().decode()
    assert 'cogsdk_requests_total{transport="rest",route="vision.annotate",code="200"}' in text
    assert "cogsdk_request_seconds_bucket" in text and "cogsdk_batch_images_count" in text


def test_grpc_vision_labels_a_cat(server, photos):
    import grpc
    from google.cloud import vision_v1
    from google.cloud.vision_v1.services.image_annotator.transports import (
        ImageAnnotatorGrpcTransport)

    channel = grpc.insecure_channel(f"127.0.0.1:{server.grpc_port}")
    client = vision_v1.ImageAnnotatorClient(transport=ImageAnnotatorGrpcTransport(
        channel=channel))
    response = client.label_detection(image=vision_v1.Image(content=photos["chelsea"]))
    assert "Cat" in [label.description for label in response.label_annotations]


@pytest.fixture(scope="module")
def keyed():
    """A second server that wants an API key (it need not be warm for these tests)."""
    running = ServerProcess("--api-key", "s3cret", "--grpc-port", "-1", ready="/healthz")
    yield running
    running.stop()


def test_api_key_is_enforced(keyed):
    url = f"{keyed.url}/language/translate/v2/languages"
    assert_google_error(call(url, method="GET"), 401, "UNAUTHENTICATED")
    assert_google_error(call(url + "?key=wrong", method="GET"), 403, "PERMISSION_DENIED")
    for headers, query in (({}, "?key=s3cret"), ({"x-goog-api-key": "s3cret"}, ""),
                           ({"Authorization": "Bearer s3cret"}, "")):
        assert call(url + query, method="GET", headers=headers)[0] == 200
    assert call(f"{keyed.url}/healthz", method="GET")[0] == 200  # probes need no key


def test_api_key_through_the_official_client_and_logs_hide_it(keyed):
    from google.api_core import exceptions
    from google.cloud import translate_v3

    def client(key: str):
        return translate_v3.TranslationServiceClient(
            transport="rest", client_options={"api_endpoint": keyed.url, "api_key": key})
    parent = "projects/demo/locations/global"
    languages = client("s3cret").get_supported_languages(parent=parent).languages
    assert any(x.language_code == "es" for x in languages)
    with pytest.raises(exceptions.Forbidden):
        client("guess").get_supported_languages(parent=parent)
    status, out, err = keyed.stop()
    assert status == 0
    assert "s3cret" not in out + err
    lines = [json.loads(line) for line in err.splitlines() if line.startswith("{")]
    assert {"method", "path", "status", "ms"} <= set(lines[0])
    assert {line["status"] for line in lines} >= {200, 401, 403}


def test_a_non_loopback_bind_without_key_warns_and_the_banner_shows_a_snippet():
    running = ServerProcess("--host", "0.0.0.0", "--grpc-port", "-1", ready="/healthz")
    status, out, _ = running.stop()
    assert status == 0
    assert "WARNING" in out and "--api-key" in out
    assert 'client_options={"api_endpoint": "http://127.0.0.1:' in out
