"""Local crop hints on scikit-image's photos: the crop keeps the face, or the subject."""

from __future__ import annotations

import pytest

from cogsdk import UnsupportedFeature


def _holds(crop, box) -> bool:
    return (crop.left <= box.left and crop.top <= box.top and crop.right >= box.right
            and crop.bottom >= box.bottom)


def test_astronaut_crops_keep_her_face(local_cog, photos):
    (face,) = local_cog.vision.faces(photos["astronaut"])
    hints = local_cog.vision.crop_hints(photos["astronaut"], aspect_ratios=[1.0, 16 / 9])
    assert [h.aspect_ratio for h in hints] == pytest.approx([1.0, 16 / 9], abs=1e-3)
    square, wide = hints
    assert square.bounding_box.width == square.bounding_box.height == 512  # the whole picture
    assert wide.bounding_box.width == 512 and wide.bounding_box.height == pytest.approx(288)
    for hint in hints:
        assert _holds(hint.bounding_box, face.bounding_box)
        assert 0 < hint.importance_fraction <= 1 and 0 <= hint.confidence <= 1
    assert hints.backend == "local" and hints.to_dict()["items"][1]["aspect_ratio"]


def test_a_tall_crop_of_a_wide_photo_stays_inside_and_on_the_subject(local_cog, photos):
    picture = photos["chelsea"]  # 451 x 300, the cat's head left of centre
    (tall,) = local_cog.vision.crop_hints(picture, aspect_ratios=0.5)
    box = tall.bounding_box
    assert box.height == 300 and box.width == pytest.approx(150)
    assert 0 <= box.left and box.right <= picture.shape[1]
    assert tall.importance_fraction > 150 / 451  # better than a crop of flat background


def test_list_default_ratio_annotate_and_web_is_cloud_only(local_cog, photos):
    results = local_cog.vision.crop_hints([photos["coffee"], b"broken"])
    assert len(results[0]) == 1 and results[0][0].aspect_ratio == pytest.approx(1.0)
    assert isinstance(results[1], Exception)
    assert len(local_cog.vision.annotate(photos["rocket"], ["crop_hints"]).crop_hints) == 1
    with pytest.raises(UnsupportedFeature):
        local_cog.vision.web(photos["coffee"])


def test_draw_shows_crop_hints_and_document_words(local_cog, photos):
    import numpy as np

    import cogsdk

    hints = local_cog.vision.crop_hints(photos["chelsea"], aspect_ratios=[0.5])
    drawn = np.asarray(cogsdk.draw(photos["chelsea"], hints))
    left = round(hints[0].bounding_box.left)
    assert drawn.shape == photos["chelsea"].shape
    assert (drawn[150, left] == (200, 80, 255)).all()  # the crop's left edge
    page = np.full((120, 400, 3), 255, np.uint8)
    doc = local_cog.vision.document_text(page)
    assert doc.words == () and doc.text == ""
