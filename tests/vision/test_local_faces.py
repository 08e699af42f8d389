"""Local faces: YuNet boxes, the FaceMesh landmarks and pose, emotions, on real photos."""

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


def test_landmarks_are_googles_types_where_a_face_has_them(astronaut_face):
    vision_v1 = pytest.importorskip("google.cloud.vision_v1")
    points = {mark.type: mark for mark in astronaut_face.landmarks}
    google = {member.name for member in vision_v1.FaceAnnotation.Landmark.Type} - {
        "UNKNOWN_LANDMARK"}
    assert set(points) == google  # all 36 of Google's types
    box = astronaut_face.bounding_box
    for name in ("LEFT_EYE", "RIGHT_EYE", "NOSE_TIP", "MOUTH_CENTER", "FOREHEAD_GLABELLA"):
        assert box.left <= points[name].x <= box.right
        assert box.top <= points[name].y <= box.bottom
    x = {name: mark.x for name, mark in points.items()}
    y = {name: mark.y for name, mark in points.items()}
    # Google's naming: LEFT is the image's left on an upright face
    assert x["LEFT_EAR_TRAGION"] < x["LEFT_EYE"] < x["NOSE_TIP"] < x["RIGHT_EYE"] < \
        x["RIGHT_EAR_TRAGION"]
    assert x["MOUTH_LEFT"] < x["MOUTH_CENTER"] < x["MOUTH_RIGHT"]
    assert x["LEFT_OF_LEFT_EYEBROW"] < x["RIGHT_OF_LEFT_EYEBROW"] < x["LEFT_OF_RIGHT_EYEBROW"]
    assert y["LEFT_EYEBROW_UPPER_MIDPOINT"] < y["LEFT_EYE_TOP_BOUNDARY"] < y["LEFT_EYE"] < \
        y["LEFT_EYE_BOTTOM_BOUNDARY"] < y["NOSE_TIP"] < y["UPPER_LIP"] < y["MOUTH_CENTER"] < \
        y["LOWER_LIP"] < y["CHIN_GNATHION"]
    assert points["NOSE_TIP"].z < points["LEFT_EYE"].z < points["LEFT_EAR_TRAGION"].z
    assert astronaut_face.landmarking_confidence > 0.9


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
def test_roll_follows_a_rotated_face(local_cog, photos, astronaut_face, degrees):
    from PIL import Image

    turned = Image.fromarray(photos["astronaut"]).rotate(degrees, expand=True,
                                                         resample=Image.BILINEAR)
    (face,) = local_cog.vision.faces(turned)
    # PIL turns counter-clockwise; roll is clockwise-positive, like Google's.
    assert abs(face.roll - (astronaut_face.roll - degrees)) < 3
    assert abs(face.pan - astronaut_face.pan) < 5 and abs(face.tilt - astronaut_face.tilt) < 5
    assert face.joy >= Likelihood.LIKELY


def test_a_frontal_face_reads_frontal(astronaut_face):
    # She faces the camera: the mesh reads roll 3, pan -1, tilt -10 (the absolute tilt
    # has no ground truth here: no photo with a known head pitch ships in a package).
    assert abs(astronaut_face.roll) < 6 and abs(astronaut_face.pan) < 8
    assert abs(astronaut_face.tilt) < 15


def test_a_mirrored_face_flips_pan_and_roll(local_cog, photos):
    """The cameraman looks through his camera towards the image's right: a turned head
    whose mirror image must read the opposite pan."""
    data = pytest.importorskip("skimage.data")
    from PIL import Image

    picture = Image.fromarray(data.camera()).convert("RGB")
    (face,), (mirrored,) = local_cog.vision.faces(
        [picture, picture.transpose(Image.FLIP_LEFT_RIGHT)])
    assert face.pan > 30 and mirrored.pan < -30  # positive: facing the image's right
    assert abs(face.pan + mirrored.pan) < 8
    assert face.tilt < 0 and mirrored.tilt < 0  # he bends his head to the viewfinder
    (upright,), (flipped,) = local_cog.vision.faces(
        [photos["astronaut"], photos["astronaut"][:, ::-1].copy()])
    assert abs(upright.roll + flipped.roll) < 3


def test_the_mesh_rejects_what_is_not_a_face(local_cog, photos):
    from PIL import Image

    engine = local_cog._router.backend("vision", "local").engine("faces")
    cat = Image.fromarray(photos["chelsea"])
    # the cat's head, as if a detector had boxed it: the mesh sees no face
    assert engine.mesh([(cat, [140, 40, 300, 200], 0.0)]) == [None]


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
    assert data["joy"] in ("LIKELY", "VERY_LIKELY") and len(data["landmarks"]) == 36
    assert faces.model.endswith("+facemesh")
