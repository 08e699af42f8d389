"""The Google vision adapter, through `responses` (no socket) with strictly valid payloads."""

import base64
import json
import pickle

import pytest
import responses

pytest.importorskip("google.cloud.vision_v1")
from google.cloud import vision_v1  # noqa: E402

from cogsdk import Cog, InvalidInput, Likelihood, ServiceUnavailable  # noqa: E402
from cogsdk.testing import _payloads  # noqa: E402

URL = "https://vision.googleapis.com/v1/images:annotate"


@pytest.fixture
def cog():
    return Cog(mode="cloud", credentials="anonymous", max_retries=0)


def _answer(*responses_):
    return {"responses": list(responses_)}


def _requests_of(call) -> list[dict]:
    return json.loads(call.request.body)["requests"]


@responses.activate
def test_labels_parse_sort_and_filter(cog, png_bytes, strict):
    payload = _answer(_payloads._labels(10))
    strict(payload, vision_v1.BatchAnnotateImagesResponse)
    responses.post(URL, json=payload)
    labels = cog.vision.labels(png_bytes, max_results=3, min_score=0.9)
    assert [x.description for x in labels] == ["Cat", "Mammal"]
    assert labels[0].mid == "/m/01yrx" and labels.backend == "google"
    sent = _requests_of(responses.calls[0])
    assert base64.b64decode(sent[0]["image"]["content"]) == png_bytes
    assert sent[0]["features"] == [{"type": 4, "maxResults": 3}]
    assert labels.to_dict()["items"][0]["description"] == "Cat"


@responses.activate
def test_uri_is_sent_by_reference(cog):
    responses.post(URL, json=_answer(_payloads._labels(2)))
    cog.vision.labels("gs://bucket/cat.jpg")
    assert _requests_of(responses.calls[0])[0]["image"] == {
        "source": {"imageUri": "gs://bucket/cat.jpg"}}


@responses.activate
def test_faces_text_safe_search_properties_in_one_request(cog, png_bytes, strict):
    payload = _answer({**_payloads._faces(5), **_payloads._text(5),
                       **_payloads._safe_search(1), **_payloads._properties(5)})
    strict(payload, vision_v1.BatchAnnotateImagesResponse)
    responses.post(URL, json=payload)
    result = cog.vision.annotate(png_bytes, ["faces", "text", "safe_search", "properties"])
    assert len(responses.calls) == 1
    face = result.faces[0]
    assert face.joy is Likelihood.VERY_LIKELY and face.sorrow is Likelihood.VERY_UNLIKELY
    assert (face.bounding_box.left, face.bounding_box.bottom) == (140, 250)
    assert {m.type for m in face.landmarks} >= {"LEFT_EYE", "RIGHT_EYE", "NOSE_TIP"}
    assert face.pan == pytest.approx(4.5)
    assert result.text.text == "Hello world"
    assert result.text.blocks[0].lines[0].text == "Hello world"
    assert result.safe_search.adult is Likelihood.VERY_UNLIKELY
    assert result.safe_search.spoof is Likelihood.UNLIKELY
    assert result.properties.dominant_colors[0].hex == "#c8783c"
    assert result.labels is None


@responses.activate
def test_text_language_hints_are_sent(cog, png_bytes):
    responses.post(URL, json=_answer(_payloads._text(1)))
    cog.vision.text(png_bytes, languages=["de", "en"])
    assert _requests_of(responses.calls[0])[0]["imageContext"] == {"languageHints": ["de", "en"]}


@responses.activate
def test_list_keeps_order_and_per_item_errors(cog, png_bytes):
    good = _payloads._labels(1)
    responses.post(URL, json=_answer(good, {"error": {"code": 3, "message": "Bad image data."}},
                                     good))
    results = cog.vision.labels([png_bytes, png_bytes, b"not an image", png_bytes])
    assert [type(r).__name__ for r in results] == ["Labels", "InvalidInput", "InvalidInput",
                                                   "Labels"]
    assert "Bad image data" in str(results[1])
    assert len(_requests_of(responses.calls[0])) == 3  # the local reject never went out


@responses.activate
def test_sixteen_images_per_request_and_one_progress_report(png_bytes):
    def reply(request):
        n = len(json.loads(request.body)["requests"])
        return 200, {}, json.dumps(_answer(*[_payloads._labels(1)] * n))
    responses.add_callback(responses.POST, URL, callback=reply)
    seen = []
    cog = Cog(mode="cloud", credentials="anonymous", progress=lambda d, t: seen.append((d, t)))
    results = cog.vision.labels([png_bytes] * 40)
    sizes = sorted(len(_requests_of(c)) for c in responses.calls)
    assert sizes == [8, 16, 16]
    assert len(results) == 40 and all(r[0].description == "Cat" for r in results)
    assert seen[-1] == (40, 40)  # from the shared list path, not from the adapter


@responses.activate
def test_outage_of_the_whole_batch_fills_every_slot(cog, png_bytes):
    responses.post(URL, status=503, json=_payloads.error(503, "down"))
    results = cog.vision.labels([png_bytes, b"junk"])
    assert isinstance(results[0], ServiceUnavailable)
    assert isinstance(results[1], InvalidInput)
    with pytest.raises(ServiceUnavailable):
        cog.vision.labels(png_bytes)


def test_bad_arguments_fail_before_any_request(cog, png_bytes):
    with pytest.raises(InvalidInput):
        cog.vision.labels(png_bytes, max_results=0)
    with pytest.raises(InvalidInput):
        cog.vision.annotate(png_bytes, ["colour"])
    with pytest.raises(InvalidInput, match="only gs:// and https://"):
        cog.vision.labels("http://example.com/a.jpg")


@responses.activate
def test_logos_and_landmarks_carry_boxes(cog, png_bytes, strict):
    payload = _answer({**_payloads._logos(3), **_payloads._landmarks(3)})
    strict(payload, vision_v1.BatchAnnotateImagesResponse)
    responses.post(URL, json=payload)
    responses.post(URL, json=payload)
    logo = cog.vision.logos(png_bytes)[0]
    assert (logo.description, logo.bounding_box.right) == ("Google", 50)
    landmark = cog.vision.landmarks(png_bytes, max_results=1)[0]
    assert landmark.description == "Eiffel Tower" and landmark.bounding_box.bottom == 200
    assert _requests_of(responses.calls[1])[0]["features"] == [{"type": 2, "maxResults": 1}]


@responses.activate
def test_raw_is_built_on_first_read_and_equals_the_json_answer(cog, png_bytes):
    from cogsdk._types import LazyPayload

    answer = {**_payloads._labels(3), **_payloads._safe_search(1)}
    responses.post(URL, json=_answer(answer))
    result = cog.vision.annotate(png_bytes, ["labels", "safe_search"])
    assert isinstance(result.raw, LazyPayload) and result.raw._payload is None
    assert result.labels[0].score == 0.97  # the JSON's decimal, not float32 noise
    assert result.raw == answer and dict(result.labels.raw) == answer
    assert result.raw["labelAnnotations"][0]["mid"] == "/m/01yrx"
    assert json.loads(result.to_json())["raw"] == answer
    assert json.loads(result.labels.to_json())["raw"] == answer
    assert pickle.loads(pickle.dumps(result)).raw == answer


def test_google_vision_chunks_are_whole_requests_for_every_parallel_slot():
    from cogsdk.vision import google

    assert google.GoogleVision.kind == "cloud"
    per_round = google.MAX_IMAGES_PER_REQUEST * google.MAX_PARALLEL_REQUESTS
    assert google.GoogleVision.batch_size % per_round == 0


@responses.activate
def test_objects_are_localized_with_normalized_corners_and_pixels(cog, png_bytes, strict):
    answer = _payloads._objects(5)
    strict(answer, vision_v1.AnnotateImageResponse)
    strict(_answer(answer), vision_v1.BatchAnnotateImagesResponse)
    responses.post(URL, json=_answer(answer))
    found = cog.vision.objects(png_bytes, max_results=5)
    assert _requests_of(responses.calls[0])[0]["features"] == [{"type": 19, "maxResults": 5}]
    person, cup = found
    assert (person.name, person.mid, person.score) == ("Person", "/m/01g317", 0.91)
    assert cup.name == "Coffee cup" and found.backend == "google"
    # a coordinate Google leaves out is 0; pixels scale by the 64x48 picture
    assert (person.normalized_vertices[0].x, person.normalized_vertices[0].y) == (0.05, 0.0)
    assert len(cup.normalized_vertices) == 4 and cup.normalized_vertices[2].y == 0.66
    box = person.bounding_box
    assert (box.left, box.top) == pytest.approx((3.2, 0.0))
    assert (box.right, box.bottom) == pytest.approx((44.8, 47.04))
    assert found.to_dict()["items"][0]["normalized_vertices"][1] == {"x": 0.7, "y": 0.0}


@responses.activate
def test_objects_of_a_remote_image_have_no_pixel_box_and_annotate_includes_them(cog):
    responses.post(URL, json=_answer({**_payloads._objects(1), **_payloads._labels(2)}))
    result = cog.vision.annotate("gs://bucket/desk.jpg", ["objects", "labels"])
    (person,) = result.objects
    assert person.bounding_box is None and person.normalized_vertices[2].x == 0.7
    assert result.labels[0].description == "Cat"
    assert {f["type"] for f in _requests_of(responses.calls[0])[0]["features"]} == {19, 4}


def test_the_fake_server_answers_objects(fake_google, png_bytes):
    cog = Cog(mode="cloud", credentials="anonymous", endpoints={"vision": fake_google.url},
              max_retries=0)
    found = cog.vision.objects([png_bytes, png_bytes], max_results=1)
    assert [[o.name for o in objects] for objects in found] == [["Person"], ["Person"]]
