"""cogsdk.draw: boxes, landmarks and captions land on a copy of the picture."""

from __future__ import annotations

import numpy as np
import pytest

import cogsdk
from cogsdk import InvalidInput
from cogsdk._types import BoundingBox, Point
from cogsdk.vision.types import (Face, Faces, Label, Labels, Landmark, LocalizedObject,
                                 Objects, TextBlock, TextLine, TextResult)


def grey(height=200, width=300):
    return np.full((height, width, 3), 128, np.uint8)


def test_faces_get_a_box_and_landmarks_and_the_input_is_untouched():
    picture = grey()
    face = Face(BoundingBox(50, 40, 150, 160), landmarks=(Landmark("NOSE_TIP", 100, 100),))
    drawn = np.asarray(cogsdk.draw(picture, Faces(items=(face,))))
    assert drawn.shape == picture.shape and (picture == 128).all()
    red, green, blue = drawn[100, 50].astype(int)  # on the box's left edge
    assert red > 200 and green < 100 and blue < 100
    assert drawn[100, 100, 2] > 200 and drawn[100, 100, 0] < 100  # the cyan landmark
    assert (drawn[110:150, 60:90] == 128).all()  # inside the box stays clear


def test_text_lines_get_boxes():
    line = TextLine("hi", BoundingBox(20, 150, 120, 180), 0.9)
    result = TextResult(text="hi", blocks=(TextBlock("hi", line.bounding_box, 0.9, (line,)),))
    drawn = np.asarray(cogsdk.draw(grey(), result))
    red, green, blue = drawn[165, 20].astype(int)
    assert green > 150 and red < 100


def test_labels_become_a_caption_panel_away_from_faces(local_cog, photos):
    annotation = local_cog.vision.annotate(photos["astronaut"], ["labels", "faces"])
    drawn = np.asarray(cogsdk.draw(photos["astronaut"], annotation))
    face = annotation.faces[0].bounding_box
    # the panel is black and sits in a corner that does not cover her face
    corners = [drawn[:20, :20], drawn[:20, -20:], drawn[-20:, :20], drawn[-20:, -20:]]
    assert any((corner < 10).mean() > 0.5 for corner in corners)
    inside = drawn[int(face.top) + 20:int(face.bottom) - 20,
                   int(face.left) + 20:int(face.right) - 20]
    assert (inside < 10).all(axis=2).mean() < 0.2


def test_objects_get_amber_boxes_from_pixels_or_normalized_corners():
    corners = (Point(0.5, 0.5), Point(0.9, 0.5), Point(0.9, 0.9), Point(0.5, 0.9))
    objects = Objects(items=(
        LocalizedObject("Person", 0.9, bounding_box=BoundingBox(20, 40, 100, 180)),
        LocalizedObject("Cup", 0.5, normalized_vertices=corners)))  # a remote image's
    drawn = np.asarray(cogsdk.draw(grey(), objects))
    for y, x in ((110, 20), (150, 150), (150, 270)):  # left edges of both, right of the cup
        red, green, blue = drawn[y, x].astype(int)
        assert red > 200 and 150 < green < 230 and blue < 60
    assert (drawn[120:170, 40:90] == 128).all()  # inside the person's box stays clear


def test_an_annotation_draws_objects_with_faces(local_cog, photos):
    annotation = local_cog.vision.annotate(photos["astronaut"], ["objects", "faces"])
    drawn = np.asarray(cogsdk.draw(photos["astronaut"], annotation))
    box = annotation.objects[0].bounding_box
    red, green, blue = drawn[int((box.top + box.bottom) / 2), int(box.left)].astype(int)
    assert red > 200 and green > 150 and blue < 60


def test_unknown_results_are_refused():
    with pytest.raises(InvalidInput):
        cogsdk.draw(grey(), {"labels": []})
    assert cogsdk.draw(grey(), Labels(items=(Label("Cat", 0.9),))).size == (300, 200)
