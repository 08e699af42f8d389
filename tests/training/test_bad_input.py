"""Bad training input: each case gets a clear CogError (most before any embedding)."""

from __future__ import annotations

import pytest
from PIL import Image

from cogsdk import InvalidInput


def test_a_single_label_is_refused(cog):
    with pytest.raises(InvalidInput, match="at least two labels"):
        cog.vision.train("one", {"cat": [b"x"] * 6})


def test_a_label_under_the_minimum_is_named_with_its_count(cog):
    with pytest.raises(InvalidInput, match=r"Label 'dog' has 3 usable example\(s\)"):
        cog.vision.train("few", {"cat": [b"x"] * 6, "dog": [b"y"] * 3})


def test_corrupt_images_count_against_the_minimum(cog, faces):
    examples = {"face": faces["face"][:5],
                "other": faces["other"][:3] + [b"junk", b"\x89PNG broken"]}
    with pytest.raises(InvalidInput, match=r"'other' has 3 usable .*\(2 more could not"):
        cog.vision.train("broken", examples, augment=False)


@pytest.mark.parametrize("examples, message", [
    (["a.jpg"], "folder .* or a mapping"),
    ("/no/such/folder", "is not a folder"),
    ({"cat": "one.jpg", "dog": []}, "must map to a list"),
    ({"": [b"x"] * 5, "dog": [b"y"] * 5}, "non-empty strings"),
])
def test_the_shape_of_examples_is_checked(cog, examples, message):
    with pytest.raises(InvalidInput, match=message):
        cog.vision.train("shape", examples)


@pytest.mark.parametrize("fraction", [0, 1, 1.5, True, "0.2"])
def test_the_validation_split_is_checked(cog, fraction):
    with pytest.raises(InvalidInput, match="validation_split"):
        cog.vision.train("split", {"a": [b"x"] * 5, "b": [b"y"] * 5},
                         validation_split=fraction)


def test_an_empty_text_is_skipped_and_listed(cog, tmp_path):
    pytest.importorskip("tokenizers")
    texts = ["pay", "refund", "invoice", "charge", "bill", "",
             "ship", "parcel", "courier", "delivery", "tracking"]
    labels = ["money"] * 6 + ["post"] * 5
    model = cog.language.train("tiny-texts", texts, labels)
    assert [s.name for s in model.evaluation.skipped] == ["text[5]"]
    assert model.evaluation.train_examples + model.evaluation.validation_examples == 10


def test_an_image_folder_with_one_label_folder_is_refused(cog, tmp_path):
    (tmp_path / "only").mkdir()
    for index in range(5):
        Image.new("RGB", (8, 8)).save(tmp_path / "only" / f"{index}.png")
    with pytest.raises(InvalidInput, match="at least two labels"):
        cog.vision.train("folder-one", tmp_path)
