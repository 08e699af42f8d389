"""labels(model="projects/P/locations/L/endpoints/E"): a Vertex AI endpoint over REST,
through `responses` (no socket), with answers in Vertex's documented prediction shape."""

from __future__ import annotations

import base64
import json

import pytest
import responses

pytest.importorskip("google.auth")

from cogsdk import (Cog, InvalidInput, MissingCredentials, PermissionDenied,  # noqa: E402
                    ServiceUnavailable, UnsupportedFeature)

ENDPOINT = "projects/my-project/locations/europe-west4/endpoints/1234567890"
URL = f"https://europe-west4-aiplatform.googleapis.com/v1/{ENDPOINT}:predict"


def _prediction(names, scores):
    return {"predictions": [{"ids": [str(9000 + i) for i in range(len(names))],
                             "displayNames": names, "confidences": scores}],
            "deployedModelId": "4455", "model": "projects/1/locations/europe-west4/models/77",
            "modelDisplayName": "shelf", "modelVersionId": "1"}


@pytest.fixture
def cloud():
    return Cog(mode="cloud", credentials="anonymous", max_retries=0)


@responses.activate
def test_the_answer_maps_into_labels(cloud, png_bytes):
    responses.post(URL, json=_prediction(["cereal", "soap"], [0.2, 0.75]))
    labels = cloud.vision.labels(png_bytes, model=ENDPOINT, max_results=5, min_score=0.1)
    assert [(x.description, x.score, x.mid) for x in labels] == [
        ("soap", 0.75, "9001"), ("cereal", 0.2, "9000")]
    assert labels.backend == "google" and labels.model == "google/vertex/4455"
    body = json.loads(responses.calls[0].request.body)
    assert base64.b64decode(body["instances"][0]["content"]) == png_bytes
    assert body["parameters"] == {"confidenceThreshold": 0.1, "maxPredictions": 5}


@responses.activate
def test_a_list_sends_one_request_per_image_in_order(cloud, png_bytes):
    responses.post(URL, json=_prediction(["soap"], [0.9]))
    responses.post(URL, json={"error": {"code": 403, "message": "Permission denied on "
                                        "resource", "status": "PERMISSION_DENIED"}},
                   status=403)
    results = cloud.vision.labels([png_bytes, png_bytes, "gs://bucket/a.jpg"], model=ENDPOINT)
    assert len(responses.calls) == 2
    kinds = sorted(type(r).__name__ for r in results[:2])
    assert kinds == ["Labels", "PermissionDenied"]  # the two requests run in parallel
    assert isinstance(results[2], InvalidInput) and "not a URI" in str(results[2])


@responses.activate
def test_errors_map_into_the_usual_tree(cloud, png_bytes):
    responses.post(URL, json={"error": {"code": 503, "message": "The service is "
                                        "unavailable.", "status": "UNAVAILABLE"}},
                   status=503)
    with pytest.raises(ServiceUnavailable, match="503"):
        cloud.vision.labels(png_bytes, model=ENDPOINT)


@responses.activate
def test_an_answer_without_predictions_is_a_backend_error(cloud, png_bytes):
    from cogsdk import BackendError

    responses.post(URL, json={"predictions": []})
    with pytest.raises(BackendError, match="without a prediction"):
        cloud.vision.labels(png_bytes, model=ENDPOINT)


@responses.activate
def test_a_permission_error_is_not_retried_and_says_so(png_bytes):
    cog = Cog(mode="cloud", credentials="anonymous", max_retries=2)
    responses.post(URL, json={"error": {"code": 403, "message": "denied",
                                        "status": "PERMISSION_DENIED"}}, status=403)
    with pytest.raises(PermissionDenied):
        cog.vision.labels(png_bytes, model=ENDPOINT)
    assert len(responses.calls) == 1


def test_a_store_name_is_not_sent_to_the_cloud(cloud, png_bytes):
    with pytest.raises(UnsupportedFeature, match="mode='local'"):
        cloud.vision.labels(png_bytes, model="shelf-products")


def test_local_mode_refuses_an_endpoint(png_bytes):
    with pytest.raises(UnsupportedFeature, match="Vertex AI endpoint"):
        Cog(mode="local", offline=True).vision.labels(png_bytes, model=ENDPOINT)


def test_auto_without_credentials_says_only_the_cloud_can(png_bytes):
    with pytest.raises(MissingCredentials, match="Only the cloud"):
        Cog(mode="auto").vision.labels(png_bytes, model=ENDPOINT)
