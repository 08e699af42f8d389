"""Labels: MobileNetV2 (ImageNet-1k) plus WordNet hypernyms for general labels.

ImageNet only names 1000 fine classes ("Egyptian cat"). Google also answers "Cat" and
"Mammal", so each class carries its WordNet 3.0 hypernyms (precomputed into
``local_models/imagenet_hierarchy.json``, with how many steps up each one is).

A score is meant as Google's is: roughly the probability that the label applies.

- A general label sums the probability of the classes under it, each damped by
  ``DAMPING`` per step up. A broad term thus scores a little under the specific label
  its evidence comes from (Cat 0.96, Felidae 0.91 ... Animal 0.83 on a sure cat), so the
  specific label comes first, as Google's does; evidence spread over siblings (five dog
  breeds at 0.18) still adds up ("Dog" 0.85).
- Every score is scaled by the belief that the picture shows anything ImageNet names at
  all (``recognisable`` times ``structured``). On a blank or noise picture the softmax
  still sums to 1, and hundreds of near-zero animal classes used to add up to
  "Animal 0.24".

No temperature: fitting one needs labelled ImageNet images, which are not shipped.
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
DAMPING = 0.97
"""Share of a class's probability a general label keeps per step up the hierarchy."""
SURE_LOGIT, LOGIT_SPREAD = 8.0, 1.0
"""The largest logit at which the model is half believed, and the logistic's width.
Measured: blank fills 2.7-4.7, colour noise 5.6-7.1, real photos 9 (a face, the moon)
to 21 (espresso); grey, binary and 16-px noise reach 8-10, which ``structured`` catches."""
NOISE_RHO, PHOTO_RHO = 0.2, 0.5
"""Neighbour-pixel correlation of noise and flat fills (about 0) and of photos (0.69 for
a 24-px cat, 0.75-1.0 for scikit-image's photos and textures); scores ramp between."""
WINDOW = 128
"""Side of the central window, in original pixels, whose correlation is measured."""


@functools.lru_cache(maxsize=1)
def hierarchy() -> tuple[list[tuple[str, str]], list[tuple[str, str]], tuple]:
    """(classes, general labels, (class, general label, weight) of each link).

    The links are a sparse class -> general map: summing with ``np.bincount`` over them
    costs microseconds, where a dense [1000, G] matmul costs milliseconds on small BLAS.
    """
    table = json.loads((models.package_root() / models.spec(MODEL).labels)
                       .read_text("utf-8"))
    classes = [(wnid, name) for wnid, name, _ in table["classes"]]
    general = [tuple(item) for item in table["general"]]
    links = [(row, up, steps) for row, (_, _, ups) in enumerate(table["classes"])
             for up, steps in ups]
    sources, targets, steps = (np.array(column) for column in zip(*links))
    return classes, general, (sources, targets, DAMPING ** steps)


def preprocess(picture: Any) -> np.ndarray:
    """torchvision's ImageNet eval transform: resize 256, centre-crop 224, normalise."""
    crop = centre_crop(resize_short_side(picture, 256), 224)
    pixels = np.asarray(crop, np.float32) / 255.0
    return ((pixels - MEAN) / STD).transpose(2, 0, 1)


def recognisable(logits: np.ndarray) -> np.ndarray:
    """Belief that the model recognised something, from its largest logit (MaxLogit,
    a standard out-of-distribution score): a logistic around ``SURE_LOGIT``."""
    return 1.0 / (1.0 + np.exp(-(logits.max(axis=-1) - SURE_LOGIT) / LOGIT_SPREAD))


def structured(picture: Any) -> float:
    """1 for a photo, 0 for a flat fill or pixel noise, from how much neighbouring pixels
    agree in the original resolution (resizing would smooth noise into blobs)."""
    width, height = picture.size
    left, top = max(0, (width - WINDOW) // 2), max(0, (height - WINDOW) // 2)
    window = picture.crop((left, top, left + min(width, WINDOW), top + min(height, WINDOW)))
    rho = neighbour_correlation(np.asarray(window.convert("L"), np.float32))
    return float(np.clip((rho - NOISE_RHO) / (PHOTO_RHO - NOISE_RHO), 0.0, 1.0))


def neighbour_correlation(grey: np.ndarray) -> float:
    """Correlation of neighbouring pixels, ``1 - E[(x[i] - x[i+1])^2] / (2 var)``, along
    the smoother axis (stripes count as structure); 0 where the window is flat."""
    variance = float(grey.var())
    if variance < 1e-6 or min(grey.shape) < 2:
        return 0.0
    across, down = np.diff(grey, axis=1), np.diff(grey, axis=0)
    return 1.0 - min(float((across * across).mean()), float((down * down).mean())) / (
        2.0 * variance)


class Labeler:
    """Labels a list of pictures in one batched ``session.run``."""

    def __init__(self, device: str) -> None:
        self.session = session(MODEL, device)
        self.model = model_name(MODEL, self.session)
        self.classes, self.general, self.links = hierarchy()

    def probabilities(self, pictures: Sequence[Any]) -> np.ndarray:
        """Each class's probability of applying, ``[N, 1000]``: the softmax scaled by the
        belief that the picture shows anything at all."""
        logits = run_batched(self.session, np.stack([preprocess(p) for p in pictures]))
        belief = recognisable(logits) * np.array([structured(p) for p in pictures])
        return softmax(logits) * belief[:, None]

    def __call__(self, pictures: Sequence[Any], max_results: int = 10) -> list[Labels]:
        probabilities = self.probabilities(pictures)
        return [self._labels(p, self.general_scores(p), max_results) for p in probabilities]

    def general_scores(self, specific: np.ndarray) -> np.ndarray:
        """Each general label's damped sum over the classes under it."""
        sources, targets, weights = self.links
        summed = np.bincount(targets, weights=specific[sources] * weights,
                             minlength=len(self.general))
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
