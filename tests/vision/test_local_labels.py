"""Local labels: MobileNetV2 + WordNet hypernyms on real photos."""

from __future__ import annotations

import numpy as np
import pytest

from cogsdk import Likelihood  # noqa: F401  (import cost is part of the contract)
from cogsdk.vision.types import Label, Labels


def names(labels: Labels) -> list[str]:
    return [label.description for label in labels]


def test_cat_is_labelled_cat_with_breed_and_general_labels(local_cog, photos):
    labels = local_cog.vision.labels(photos["chelsea"], max_results=20)
    found = names(labels)
    assert {"Cat", "Mammal", "Animal"} <= set(found)
    assert "Egyptian cat" in found or "Tabby" in found  # the breed, as ImageNet names it
    assert labels.backend == "local"
    assert labels.model == "local/mobilenet_v2@onnxruntime:CPUExecutionProvider"


def test_coffee_photo_is_espresso_and_coffee(local_cog, photos):
    found = names(local_cog.vision.labels(photos["coffee"]))
    assert "Espresso" in found and "Coffee" in found
    assert "Cat" not in found


def test_general_label_scores_are_the_sum_of_their_classes(local_cog, photos):
    labels = {x.description: x for x in local_cog.vision.labels(photos["chelsea"],
                                                                 max_results=30)}
    breeds = sum(labels[name].score for name in ("Egyptian cat", "Tiger cat", "Tabby")
                 if name in labels)
    assert labels["Domestic cat"].score >= breeds - 1e-3
    assert labels["Mammal"].score >= labels["Cat"].score >= labels["Egyptian cat"].score
    assert all(0.0 < x.score <= 1.0 for x in labels.values())
    assert labels["Egyptian cat"].mid == "n02124075"  # WordNet 3.0 synset id


def test_scores_are_honest_on_a_photo_imagenet_cannot_name(local_cog, photos):
    # ImageNet has no "person" class: nothing about the astronaut may look certain.
    labels = local_cog.vision.labels(photos["astronaut"])
    assert labels[0].score < 0.6


def test_max_results_min_score_and_order(local_cog, photos):
    labels = local_cog.vision.labels(photos["chelsea"], max_results=3, min_score=0.5)
    assert len(labels) == 3
    scores = [x.score for x in labels]
    assert scores == sorted(scores, reverse=True) and min(scores) >= 0.5
    few = local_cog.vision.labels(photos["chelsea"], max_results=50, min_score=0.9)
    assert all(x.score >= 0.9 for x in few) and "Tabby" not in names(few)


def test_a_list_is_one_batch_in_input_order(local_cog, photos, monkeypatch):
    backend = local_cog._router.backend("vision", "local")
    engine = backend.engine("labels")
    calls = []

    class Spy:  # records the shape of every session.run
        def __init__(self, inner):
            self.inner = inner

        def __getattr__(self, name):
            return getattr(self.inner, name)

        def run(self, outputs, feeds):
            calls.append(next(iter(feeds.values())).shape)
            return self.inner.run(outputs, feeds)
    monkeypatch.setattr(engine, "session", Spy(engine.session))
    images = [photos["coffee"], photos["chelsea"], photos["coffee"]]
    results = local_cog.vision.labels(images)
    assert calls == [(3, 3, 224, 224)]
    assert [r[0].description for r in results] == [results[0][0].description,
                                                   results[1][0].description,
                                                   results[0][0].description]
    assert "Cat" in names(results[1]) and "Espresso" in names(results[0])


def test_batched_and_single_scores_agree(local_cog, photos):
    alone = local_cog.vision.labels(photos["chelsea"])
    together = local_cog.vision.labels([photos["coffee"], photos["chelsea"]])[1]
    assert names(alone) == names(together)
    assert np.allclose([x.score for x in alone], [x.score for x in together], atol=1e-3)


def test_labels_serialize_to_plain_json(local_cog, photos):
    data = local_cog.vision.labels(photos["coffee"]).to_dict()
    assert data["backend"] == "local" and data["items"][0]["description"]
    assert isinstance(Label("x", 0.5), Label)


@pytest.mark.parametrize("bad", [0, -1])
def test_bad_max_results_is_invalid_input(local_cog, photos, bad):
    from cogsdk import InvalidInput

    with pytest.raises(InvalidInput):
        local_cog.vision.labels(photos["coffee"], max_results=bad)
