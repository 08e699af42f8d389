"""Local objects (NanoDet, named as Google names them) and the "Person" label, on real
photos shipped in scikit-image."""

from __future__ import annotations

import numpy as np
import pytest


@pytest.fixture(scope="module")
def pictures(photos):
    data = pytest.importorskip("skimage.data")
    return {**photos, "motorcycle": data.stereo_motorcycle()[0],
            "cameraman": np.repeat(data.camera()[:, :, None], 3, axis=2),
            "blank": np.full((480, 640, 3), 255, np.uint8)}


@pytest.fixture(scope="module")
def found(local_cog, pictures):
    names = list(pictures)
    return dict(zip(names, local_cog.vision.objects([pictures[n] for n in names])))


def test_the_astronaut_is_a_person_boxed_where_she_is(found):
    person = found["astronaut"][0]
    assert (person.name, person.mid) == ("Person", "/m/01g317") and person.score > 0.6
    box = person.bounding_box  # she fills the left two thirds, from the top to the bottom
    assert box.left < 40 and 320 < box.right < 400 and box.top < 40 and box.bottom > 480
    corners = [(box.left, box.top), (box.right, box.top), (box.right, box.bottom),
               (box.left, box.bottom)]  # clockwise from the top left, as Google's
    assert [c for p in person.normalized_vertices for c in (p.x, p.y)] == pytest.approx(
        [c / 512 for corner in corners for c in corner], abs=1e-3)


def test_the_motorcycle_is_found_and_boxed(found):
    bike = found["motorcycle"][0]
    assert (bike.name, bike.mid) == ("Motorcycle", "/m/04_sv") and bike.score > 0.6
    box = bike.bounding_box  # 741x500: the bike spans most of the picture
    assert box.left < 150 and box.right > 620 and box.top < 120 and box.bottom > 400


def test_the_coffee_cup_is_found_on_the_cup(found):
    (cup,) = [item for item in found["coffee"] if item.name == "Cup"]
    box = cup.bounding_box  # the cup itself, above the saucer's lower half
    assert 140 < box.left < 200 and 380 < box.right < 440 and box.top < 60
    assert 220 < box.bottom < 320


def test_the_cat_is_a_cat_and_nothing_is_found_on_a_blank_page(found):
    assert found["chelsea"][0].name == "Cat"
    assert "Person" not in [item.name for item in found["chelsea"]]
    assert len(found["blank"]) == 0 and found["blank"].backend == "local"


def test_scores_are_sorted_inside_the_picture_and_limited(local_cog, pictures, found):
    for objects in found.values():
        scores = [item.score for item in objects]
        assert scores == sorted(scores, reverse=True)
        assert all(0 <= p.x <= 1 and 0 <= p.y <= 1
                   for item in objects for p in item.normalized_vertices)
    assert len(local_cog.vision.objects(pictures["astronaut"], max_results=1)) == 1
    assert found["astronaut"].model.startswith("local/nanodet@onnxruntime:")
    assert found["astronaut"].to_dict()["items"][0]["name"] == "Person"


def test_annotate_includes_objects(local_cog, pictures):
    result = local_cog.vision.annotate(pictures["motorcycle"], ["objects", "properties"])
    assert result.objects[0].name == "Motorcycle" and result.properties.dominant_colors


def test_a_person_gets_a_person_label_and_a_cat_gets_none(local_cog, pictures):
    astronaut, cameraman, cat = local_cog.vision.labels(
        [pictures["astronaut"], pictures["cameraman"], pictures["chelsea"]])
    person = next(label for label in astronaut if label.description == "Person")
    assert person.score > 0.9 and person.mid == "n00007846"  # WordNet, like local labels
    assert astronaut[0].description == "Person"  # the surest label comes first
    assert "Person" in [label.description for label in cameraman]
    assert "Person" not in [label.description for label in cat]
    assert cat[0].description == "Cat"


def test_the_person_label_is_the_same_when_faces_and_objects_are_asked_too(local_cog,
                                                                           pictures):
    alone = local_cog.vision.labels(pictures["astronaut"])
    together = local_cog.vision.annotate(pictures["astronaut"], ["labels", "faces", "objects"])
    score = {label.description: label.score for label in alone}["Person"]
    assert {label.description: label.score for label in together.labels}["Person"] == score
