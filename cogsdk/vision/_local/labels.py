"""Labels: MobileNetV2 (ImageNet-1k) plus WordNet hypernyms for general labels.

ImageNet only names 1000 fine classes ("Egyptian cat"). Google also answers "Cat" and
"Mammal", so each class carries its WordNet 3.0 hypernyms (precomputed into
``local_models/imagenet_hierarchy.json``). A general label's score is the summed
probability of the classes under it: the model's own probability that the image shows
*some* mammal, not a made-up number.
"""

from __future__ import annotations

import functools
import json
from typing import Any, Sequence

import numpy as np

from ... import models
from ..types import Label, Labels
from ._common import centre_crop, model_name, resize_short_side, run_batched, session, softmax

MODEL = "mobilenet_v2"
MEAN = np.array([0.485, 0.456, 0.406], np.float32)
STD = np.array([0.229, 0.224, 0.225], np.float32)
FLOOR = 0.01
"""Labels below this probability are noise: never reported."""


@functools.lru_cache(maxsize=1)
def hierarchy() -> tuple[list[tuple[str, str]], list[tuple[str, str]], tuple]:
    """(classes, general labels, (class of each link, general label of each link)).

    The links are a sparse class -> general map: summing with ``np.bincount`` over them
    costs microseconds, where a dense [1000, G] matmul costs milliseconds on small BLAS.
    """
    table = json.loads((models.package_root() / models.spec(MODEL).labels)
                       .read_text("utf-8"))
    classes = [(wnid, name) for wnid, name, _ in table["classes"]]
    general = [tuple(item) for item in table["general"]]
    sources = np.array([row for row, (_, _, up) in enumerate(table["classes"]) for _ in up])
    targets = np.array([index for _, _, up in table["classes"] for index in up])
    return classes, general, (sources, targets)


def preprocess(picture: Any) -> np.ndarray:
    """torchvision's ImageNet eval transform: resize 256, centre-crop 224, normalise."""
    crop = centre_crop(resize_short_side(picture, 256), 224)
    pixels = np.asarray(crop, np.float32) / 255.0
    return ((pixels - MEAN) / STD).transpose(2, 0, 1)


class Labeler:
    """Labels a list of pictures in one batched ``session.run``."""

    def __init__(self, device: str) -> None:
        self.session = session(MODEL, device)
        self.model = model_name(MODEL, self.session)
        self.classes, self.general, self.links = hierarchy()

    def probabilities(self, pictures: Sequence[Any]) -> np.ndarray:
        """ImageNet class probabilities, ``[N, 1000]``."""
        batch = np.stack([preprocess(picture) for picture in pictures])
        return softmax(run_batched(self.session, batch))

    def __call__(self, pictures: Sequence[Any], max_results: int = 10) -> list[Labels]:
        probabilities = self.probabilities(pictures)
        return [self._labels(p, self.general_scores(p), max_results) for p in probabilities]

    def general_scores(self, specific: np.ndarray) -> np.ndarray:
        """Each general label's probability: the sum over the classes under it."""
        sources, targets = self.links
        summed = np.bincount(targets, weights=specific[sources], minlength=len(self.general))
        return np.minimum(summed, 1.0)

    def _labels(self, specific: np.ndarray, general: np.ndarray, limit: int) -> Labels:
        best: dict[str, Label] = {}
        for names, scores in ((self.classes, specific), (self.general, general)):
            for index in np.flatnonzero(scores >= FLOOR):
                wnid, name = names[index]
                score = round(float(scores[index]), 4)
                # Two synsets can share a name ("Crane"): keep the likelier one.
                if name not in best or best[name].score < score:
                    best[name] = Label(name, score, mid=wnid, topicality=score)
        ranked = sorted(best.values(), key=lambda label: -label.score)[:limit]
        top = [{"mid": x.mid, "score": x.score} for x in ranked]
        return Labels(items=tuple(ranked), backend="local", model=self.model,
                      raw={"labels": top})
