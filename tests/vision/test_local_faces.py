"""Local faces: YuNet boxes and landmarks, roll, emotions, on real photos."""

from __future__ import annotations

import pytest

from cogsdk import Likelihood


@pytest.fixture(scope="module")
def astronaut_face(local_cog, photos):
    faces = local_cog.vision.faces(photos["astronaut"])
    assert len(faces) == 1, "exactly one face on the astronaut photo"
    return faces[0]


def test_one_face_on_the_astronaut_in_the_right_region(astronaut_face):
    box = astronaut_face.bounding_box
    # Eileen Collins' face: centre near (224, 118) of the 512x512 photo, ~90 px wide.
    assert 190 < (box.left + box.right) / 2 < 260 and 90 < (box.top + box.bottom) / 2 < 150
    assert 60 < box.width < 130 and 70 < box.height < 150
    assert astronaut_face.detection_confidence > 0.8


def test_landmarks_sit_where_a_face_has_them(astronaut_face):
    points = {mark.type: mark for mark in astronaut_face.landmarks}
    assert set(points) == {"LEFT_EYE", "RIGHT_EYE", "NOSE_TIP", "MOUTH_LEFT", "MOUTH_RIGHT"}
    box = astronaut_face.bounding_box
    for mark in points.values():
        assert box.left <= mark.x <= box.right and box.top <= mark.y <= box.bottom
    assert points["LEFT_EYE"].x < points["RIGHT_EYE"].x  # Google's naming (image left)
    assert points["MOUTH_LEFT"].x < points["MOUTH_RIGHT"].x
    eyes_y = (points["LEFT_EYE"].y + points["RIGHT_EYE"].y) / 2
    assert eyes_y < points["NOSE_TIP"].y < points["MOUTH_LEFT"].y


def test_she_is_likely_joyful_and_nothing_else(astronaut_face):
    assert astronaut_face.joy >= Likelihood.LIKELY
    for other in (astronaut_face.sorrow, astronaut_face.anger, astronaut_face.surprise):
        assert Likelihood.VERY_UNLIKELY <= other <= Likelihood.UNLIKELY
    assert abs(astronaut_face.roll) < 8 and abs(astronaut_face.pan) < 25


@pytest.mark.parametrize("name", ["chelsea", "coffee", "rocket"])
def test_no_face_where_there_is_none(local_cog, photos, name):
    faces = local_cog.vision.faces(photos[name])
    assert len(faces) == 0 and faces.backend == "local"


@pytest.mark.parametrize("degrees", [20, -20])
def test_roll_follows_a_rotated_face(local_cog, photos, degrees):
    from PIL import Image

    turned = Image.fromarray(photos["astronaut"]).rotate(degrees, expand=True,
                                                         resample=Image.BILINEAR)
    (face,) = local_cog.vision.faces(turned)
    # PIL turns counter-clockwise; roll is clockwise-positive, like Google's.
    assert abs(face.roll + degrees) < 8
    assert face.joy >= Likelihood.LIKELY


def test_a_list_runs_emotions_as_one_batch(local_cog, photos, monkeypatch):
    engine = local_cog._router.backend("vision", "local").engine("faces")
    shapes = []

    class Spy:
        def __init__(self, inner):
            self.inner = inner

        def __getattr__(self, name):
            return getattr(self.inner, name)

        def run(self, outputs, feeds):
            shapes.append(next(iter(feeds.values())).shape)
            return self.inner.run(outputs, feeds)
    monkeypatch.setattr(engine, "emotions", Spy(engine.emotions))
    results = local_cog.vision.faces([photos["astronaut"], photos["chelsea"],
                                      photos["astronaut"]])
    assert [len(faces) for faces in results] == [1, 0, 1]
    assert shapes == [(2, 1, 64, 64)]
    assert results[0][0].bounding_box == results[2][0].bounding_box


def test_face_results_name_the_models_and_serialize(astronaut_face, local_cog, photos):
    faces = local_cog.vision.faces(photos["astronaut"])
    assert faces.model.startswith("local/yunet@onnxruntime:CPUExecutionProvider")
    data = faces.to_dict()["items"][0]
    assert data["joy"] in ("LIKELY", "VERY_LIKELY") and len(data["landmarks"]) == 5
