"""Image training end to end: evaluate, save, predict with labels(model=...)."""

from __future__ import annotations

import hashlib

import numpy as np
import pytest
from PIL import Image

from cogsdk import Cog, InvalidInput, Labels

from .conftest import views


def test_the_evaluation_is_complete_and_the_file_pinned(photo_model):
    evaluation = photo_model.evaluation
    assert photo_model.labels == ("cat", "coffee", "astronaut")
    assert evaluation.validation_examples == 6 and evaluation.train_examples == 18
    assert evaluation.accuracy >= 0.8
    assert set(evaluation.per_label) == set(photo_model.labels)
    assert all(s.support == 2 and 0 <= s.f1 <= 1 for s in evaluation.per_label.values())
    assert sum(map(sum, evaluation.confusion)) == 6
    assert evaluation.class_weights == {"cat": 1.0, "coffee": 1.0, "astronaut": 1.0}
    assert hashlib.sha256(photo_model.path.read_bytes()).hexdigest() == photo_model.sha256
    assert "accuracy" in evaluation.summary() and "confusion" in evaluation.summary()


def test_the_model_is_one_onnx_file_with_its_labels_inside(photo_model):
    import onnx

    model = onnx.load(str(photo_model.path))
    metadata = {entry.key: entry.value for entry in model.metadata_props}
    assert metadata["cogsdk.labels"] == '["cat", "coffee", "astronaut"]'
    assert [output.name for output in model.graph.output] == ["probabilities"]
    assert any(node.op_type == "Conv" for node in model.graph.node)  # the backbone is in it


def test_labels_with_the_custom_model_picks_the_right_label(cog, photo_model, photos):
    unseen = [views(picture, 1, seed=100 + index)[0]
              for index, picture in enumerate(photos.values())]
    results = cog.vision.labels(unseen, model="photos")
    assert [r[0].description for r in results] == ["cat", "coffee", "astronaut"]
    assert all(isinstance(r, Labels) and r.model.startswith("local/custom/photos@")
               for r in results)
    assert all(abs(sum(label.score for label in r) - 1) < 0.01 for r in results)
    one = cog.vision.labels(np.asarray(unseen[0]), model="photos", max_results=1)
    assert [label.description for label in one] == ["cat"]


def test_a_bad_image_in_a_list_holds_its_error(cog, photo_model, photos):
    good = views(photos["coffee"], 1, seed=7)[0]
    results = cog.vision.labels([b"not an image", good], model="photos")
    assert isinstance(results[0], InvalidInput)
    assert results[1][0].description == "coffee"


def test_a_fresh_client_predicts_the_same(cog, photo_model, photos):
    picture = views(photos["astronaut"], 1, seed=9)[0]
    first = cog.vision.labels(picture, model="photos")
    again = Cog(mode="local", offline=True, device="cpu").vision.labels(picture,
                                                                       model="photos")
    assert first.items == again.items


def test_report_draws_matrix_and_mistakes(photo_model, tmp_path):
    target = tmp_path / "report.png"
    picture = photo_model.report(target)
    with Image.open(target) as saved:
        assert saved.size == picture.size and saved.size[0] >= 360


def test_folder_input_skips_corrupt_files_and_generalises(cog, faces, tmp_path):
    """lfw_subset (faces vs non-faces): 15 of each learnt, 20 others held out."""
    for label, pictures in faces.items():
        (tmp_path / label).mkdir()
        for index, picture in enumerate(pictures[:15]):
            Image.fromarray(picture).save(tmp_path / label / f"{index:02d}.png")
    (tmp_path / "face" / "broken.jpg").write_bytes(b"\xff\xd8\xff\xe0 truncated")
    (tmp_path / "notes.txt").write_text("not a label folder")
    model = cog.vision.train("faces", tmp_path, augment=False)
    skipped = {s.name: s.reason for s in model.evaluation.skipped}
    assert str(tmp_path / "face" / "broken.jpg") in skipped
    assert skipped[str(tmp_path / "notes.txt")] == "not inside a label folder"
    held_out = faces["face"][60:70] + faces["other"][60:70]
    predicted = [r[0].description for r in cog.vision.labels(held_out, model="faces")]
    accuracy = np.mean([p == t for p, t in zip(predicted, ["face"] * 10 + ["other"] * 10)])
    assert accuracy >= 0.85, predicted


def test_imbalanced_labels_get_class_weights(cog, faces):
    examples = {"face": faces["face"][:12], "other": faces["other"][:6]}
    model = cog.vision.train("imbalanced", examples, augment=False, validation_split=0.34)
    weights = model.evaluation.class_weights
    assert weights["other"] > 1.0 > weights["face"]
    assert model.evaluation.validation_examples == 6  # 4 faces and 2 others held out


@pytest.mark.parametrize("value", ["", 3])
def test_model_must_be_a_name(cog, png_bytes, value):
    with pytest.raises(InvalidInput, match="model must be"):
        cog.vision.labels(png_bytes, model=value)
