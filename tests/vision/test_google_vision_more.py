"""Google's document text, crop hints and web detection, through `responses` and the
loopback FakeGoogle, with payloads validated against the client's message types."""

import json

import pytest
import responses

pytest.importorskip("google.cloud.vision_v1")
from google.cloud import vision_v1  # noqa: E402

from cogsdk import Cog, InvalidInput  # noqa: E402
from cogsdk.testing import _payloads  # noqa: E402

URL = "https://vision.googleapis.com/v1/images:annotate"


@pytest.fixture
def cog():
    return Cog(mode="cloud", credentials="anonymous", max_retries=0)


def _sent(index: int = 0) -> dict:
    return json.loads(responses.calls[index].request.body)["requests"][0]


@responses.activate
def test_document_text_maps_the_full_structure(cog, png_bytes, strict):
    payload = {"responses": [_payloads._text(1)]}
    strict(payload, vision_v1.BatchAnnotateImagesResponse)
    responses.post(URL, json=payload)
    doc = cog.vision.document_text(png_bytes, languages="en")
    assert doc.text == "Hello world" and doc.backend == "google"
    (page,) = doc.pages
    assert (page.width, page.height, page.languages) == (200, 50, ("en",))
    paragraph = page.blocks[0].paragraphs[0]
    assert paragraph.text == "Hello world" and page.blocks[0].block_type == "TEXT"
    assert [w.text for w in doc.words] == ["Hello", "world"]
    hello = doc.words[0]
    assert hello.confidence == pytest.approx(0.99) and len(hello.symbols) == 5
    assert hello.symbols[-1].break_after == "SPACE"
    assert hello.bounding_box.left == 10 and hello.bounding_box.right == 60
    sent = _sent()
    assert sent["features"] == [{"type": 11}]
    assert sent["imageContext"]["languageHints"] == ["en"]
    assert doc.to_dict()["pages"][0]["blocks"][0]["paragraphs"][0]["words"][1]["text"] \
        == "world"


@responses.activate
def test_crop_hints_send_the_ratios_and_read_one_hint_each(cog, png_bytes, strict):
    payload = {"responses": [_payloads.crop_hints([1.0, 16 / 9])]}
    strict(payload, vision_v1.BatchAnnotateImagesResponse)
    responses.post(URL, json=payload)
    hints = cog.vision.crop_hints(png_bytes, aspect_ratios=[1.0, 16 / 9])
    assert [round(h.aspect_ratio, 1) for h in hints] == [1.0, 1.8]
    assert hints[0].bounding_box.width == 50 and hints[0].confidence == pytest.approx(0.8)
    assert 0 < hints[0].importance_fraction < 1
    sent = _sent()
    assert sent["features"] == [{"type": 9}]
    assert sent["imageContext"]["cropHintsParams"]["aspectRatios"] == \
        pytest.approx([1.0, 16 / 9])


def test_crop_hint_ratios_are_checked_before_any_request(cog, png_bytes):
    for bad in ([], [0], [-1.0], ["wide"], [1.0] * 17):
        with pytest.raises(InvalidInput):
            cog.vision.crop_hints(png_bytes, aspect_ratios=bad)


@responses.activate
def test_web_detection(cog, png_bytes, strict):
    payload = {"responses": [_payloads._web(10)]}
    strict(payload, vision_v1.BatchAnnotateImagesResponse)
    responses.post(URL, json=payload)
    web = cog.vision.web(png_bytes, max_results=5)
    assert [e.description for e in web.entities] == ["Cat", "Animal"]
    assert web.entities[0].entity_id == "/m/01yrx"
    assert web.pages_with_matching_images[0].page_title == "Cats"
    assert web.pages_with_matching_images[0].full_matching_images[0].url.endswith("cat.jpg")
    assert web.best_guess_labels[0].label == "tabby cat"
    assert web.visually_similar_images[0].score == 0.0
    assert _sent()["features"] == [{"type": 10, "maxResults": 5}]


@responses.activate
def test_annotate_takes_every_feature_in_one_request(cog, png_bytes):
    answer = {**_payloads._text(1), **_payloads.crop_hints([1.0]), **_payloads._web(2)}
    responses.post(URL, json={"responses": [answer]})
    result = cog.vision.annotate(png_bytes, ["document_text", "crop_hints", "web"])
    assert result.document_text.words[1].text == "world"
    assert len(result.crop_hints) == 1 and result.web.entities[0].description == "Cat"
    assert {f["type"] for f in _sent()["features"]} == {11, 9, 10}
    assert len(responses.calls) == 1


def test_the_fake_server_answers_the_new_features_for_a_list(fake_google, png_bytes):
    cog = Cog(mode="cloud", credentials="anonymous", endpoints={"vision": fake_google.url},
              max_retries=0)
    docs = cog.vision.document_text([png_bytes, b"not an image"])
    assert docs[0].words[0].text == "Hello" and isinstance(docs[1], Exception)
    hints = cog.vision.crop_hints([png_bytes], aspect_ratios=[1.0, 2.0])[0]
    assert [round(h.aspect_ratio, 1) for h in hints] == [1.0, 2.0]
    assert cog.vision.web(png_bytes).best_guess_labels[0].label == "tabby cat"
