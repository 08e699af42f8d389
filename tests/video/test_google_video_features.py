"""Faces, explicit content, text, speech, objects and annotate on Google (via `responses`)."""

import json

import pytest
import responses

pytest.importorskip("google.cloud.videointelligence_v1")
from google.cloud import videointelligence_v1 as vi  # noqa: E402

from cogsdk import Cog, InvalidInput, Likelihood  # noqa: E402
from cogsdk.testing import _payloads  # noqa: E402

BASE = "https://videointelligence.googleapis.com/v1"
OP = "projects/p/locations/us-east1/operations/7"
URI = "gs://bucket/clip.mp4"


def _serve(strict, features: list[int]) -> None:
    body = {"inputUri": URI, "features": features,
            "videoContext": {"speechTranscriptionConfig": {"languageCode": "fr-FR"}}}
    response = _payloads.annotate_video(body)
    strict(response, vi.AnnotateVideoResponse)
    responses.post(f"{BASE}/videos:annotate", json={"name": OP})
    responses.get(f"{BASE}/{OP}", json={"name": OP, "done": True, "response": response})


def _sent() -> dict:
    return json.loads(responses.calls[0].request.body)


def _cog() -> Cog:
    return Cog(mode="cloud", credentials="anonymous", max_retries=0)


@responses.activate
def test_faces_ask_for_boxes_and_give_tracks(strict):
    _serve(strict, [4])
    faces = _cog().video.faces(URI)
    assert _sent()["features"] == [4]
    assert _sent()["videoContext"] == {"faceDetectionConfig": {"includeBoundingBoxes": True}}
    track = faces[0]
    assert (track.start, track.end, track.confidence) == (0.0, 2.0, 0.97)
    assert [f.time for f in track.frames] == [0.0, 1.0]
    assert track.frames[0].box.right == 0.5 and faces.backend == "google"
    assert faces.to_dict()["items"][0]["frames"][1]["box"]["top"] == 0.1


@responses.activate
def test_explicit_content_is_a_likelihood_per_frame(strict):
    _serve(strict, [3])
    explicit = _cog().video.explicit_content(URI)
    assert [(f.time, f.pornography) for f in explicit] == [
        (0.5, Likelihood.VERY_UNLIKELY), (1.5, Likelihood.POSSIBLE)]
    assert explicit.worst == Likelihood.POSSIBLE
    assert explicit.to_dict()["items"][1]["pornography"] == "POSSIBLE"


@responses.activate
def test_text_segments_have_times_and_boxes(strict):
    _serve(strict, [7])
    found = _cog().video.text(URI)
    segment = found[0]
    assert (segment.text, segment.start, segment.end) == ("OPEN DAILY", 1.0, 3.5)
    box = segment.frames[0].box
    assert (box.left, box.top, box.right, box.bottom) == pytest.approx((0.1, 0.8, 0.4, 0.9))


@responses.activate
def test_transcribe_sends_the_language_and_skips_silence(strict):
    _serve(strict, [6])
    transcript = _cog().video.transcribe(URI, language="fr-FR")
    config = _sent()["videoContext"]["speechTranscriptionConfig"]
    assert config == {"languageCode": "fr-FR", "enableAutomaticPunctuation": True}
    assert transcript.text == _payloads.TRANSCRIPT and len(transcript) == 1
    assert transcript.language == "fr-fr" and transcript[0].confidence == 0.91
    assert transcript[0].words[1] == ("old", 0.4, pytest.approx(0.7))


@responses.activate
def test_objects_are_tracks_with_entities(strict):
    _serve(strict, [9])
    objects = _cog().video.objects(URI)
    cat = objects[0]
    assert (cat.description, cat.mid, cat.confidence) == ("cat", "/m/01yrx", 0.88)
    assert (cat.start, cat.end) == (0.0, 3.0) and cat.frames[1].time == 1.5


@responses.activate
def test_annotate_asks_every_feature_in_one_operation(strict):
    _serve(strict, [1, 2, 3, 4, 6, 7, 9])
    every = ["labels", "shots", "explicit_content", "faces", "transcribe", "text", "objects"]
    found = _cog().video.annotate(URI, features=every, language="fr-FR")
    assert _sent()["features"] == [1, 2, 3, 4, 6, 7, 9]
    assert len([c for c in responses.calls if c.request.method == "POST"]) == 1
    assert found.labels.segment_labels[0].description == "cat"
    assert len(found.shots) == 2 and found.faces[0].confidence == 0.97
    assert found.explicit_content.worst == Likelihood.POSSIBLE
    assert found.text[0].text == "OPEN DAILY" and found.objects[0].description == "cat"
    assert found.transcribe.text == _payloads.TRANSCRIPT
    assert found.to_dict()["faces"]["items"][0]["end"] == 2.0


@responses.activate
def test_annotate_leaves_out_what_was_not_asked(strict):
    _serve(strict, [4])
    found = _cog().video.annotate(URI, features=["faces"])
    assert found.faces is not None and found.labels is None and found.objects is None


def test_annotate_refuses_unknown_features():
    with pytest.raises(InvalidInput, match="choose from"):
        _cog().video.annotate(URI, features=["faces", "logos"])


def test_fake_google_answers_every_feature_in_one_operation(fake_google):
    cog = Cog(mode="cloud", credentials="anonymous", endpoint=fake_google.url)
    found = cog.video.annotate(URI, features=["faces", "text", "objects", "transcribe",
                                              "explicit_content"], language="de-DE")
    assert found.faces[0].frames[0].box.left == 0.25 and found.text[0].end == 3.5
    assert found.objects[0].mid == "/m/01yrx" and found.transcribe.language == "de-de"
    assert found.explicit_content.worst == Likelihood.POSSIBLE
    assert found.labels is None


@responses.activate
def test_a_list_gives_each_video_its_result_or_error(strict):
    _serve(strict, [4])
    found = _cog().video.faces([URI, "/no/such/video.mp4"])
    assert found[0][0].confidence == 0.97
    assert isinstance(found[1], InvalidInput)
