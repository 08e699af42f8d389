"""Objects: NanoDet (COCO-80) boxes, named as Google's object localizer names them.

Preprocessing is NanoDet's own evaluation transform (``keep_ratio: True``): the picture
is scaled to fit 416x416, centred on black, turned to BGR and normalised by NanoDet's
mean and std. (Stretching it square instead, as the TensorFlow.js demo does, called the
cat of scikit-image's ``chelsea`` a person.)

Each cell of the three strides predicts 80 class scores (sigmoid, trained with Quality
Focal Loss, so they estimate box quality and run low: a clear cup scores 0.28, the
astronaut 0.74) and, per box side, a distribution over 11 distances whose expectation
times the stride is the distance from the cell's centre. One class per cell, then
class-agnostic NMS: one box per object, whatever it is called.
"""

from __future__ import annotations

from typing import Any, Sequence

import numpy as np

from ..._types import BoundingBox, Point
from ..types import LocalizedObject, Objects
from ._common import model_name, softmax, session
from .faces import nms

MODEL = "nanodet"
SIDE = 416
STRIDES = (8, 16, 32)
BINS = 11
MEAN = np.array([103.53, 116.28, 123.675], np.float32)  # BGR
STD = np.array([57.375, 57.12, 58.395], np.float32)
SCORE_FLOOR = 0.25
"""Lowest reported score: the coffee cup reads 0.28, false boxes on textures 0.2-0.25."""
NMS_IOU = 0.5

# COCO's 80 classes in the model's order, as (Google's name, Knowledge Graph mid). The
# names and mids are Open Images' (the localizer's vocabulary); COCO's "cup" covers
# both "Coffee cup" and "Mug" there, so it keeps COCO's plain name and no mid.
CLASSES = (
    ("Person", "/m/01g317"), ("Bicycle", "/m/0199g"), ("Car", "/m/0k4j"),
    ("Motorcycle", "/m/04_sv"), ("Airplane", "/m/0cmf2"), ("Bus", "/m/01bjv"),
    ("Train", "/m/07jdr"), ("Truck", "/m/07r04"), ("Boat", "/m/019jd"),
    ("Traffic light", "/m/015qff"), ("Fire hydrant", "/m/01pns0"),
    ("Stop sign", "/m/02pv19"), ("Parking meter", "/m/015qbp"), ("Bench", "/m/0cvnqh"),
    ("Bird", "/m/015p6"), ("Cat", "/m/01yrx"), ("Dog", "/m/0bt9lr"),
    ("Horse", "/m/03k3r"), ("Sheep", "/m/07bgp"), ("Cattle", "/m/01xq0k1"),
    ("Elephant", "/m/0bwd_0j"), ("Bear", "/m/01dws"), ("Zebra", "/m/0898b"),
    ("Giraffe", "/m/03bk1"), ("Backpack", "/m/01940j"), ("Umbrella", "/m/0hnnb"),
    ("Handbag", "/m/080hkjn"), ("Tie", "/m/01rkbr"), ("Suitcase", "/m/01s55n"),
    ("Flying disc", "/m/02wmf"), ("Ski", "/m/071p9"), ("Snowboard", "/m/06__v"),
    ("Ball", "/m/018xm"), ("Kite", "/m/02zt3"), ("Baseball bat", "/m/03g8mr"),
    ("Baseball glove", "/m/03grzl"), ("Skateboard", "/m/06_fw"),
    ("Surfboard", "/m/019w40"), ("Tennis racket", "/m/0h8my_4"),
    ("Bottle", "/m/04dr76w"), ("Wine glass", "/m/09tvcd"), ("Cup", ""),
    ("Fork", "/m/0dt3t"), ("Knife", "/m/04ctx"), ("Spoon", "/m/0cmx8"),
    ("Bowl", "/m/04kkgm"), ("Banana", "/m/09qck"), ("Apple", "/m/014j1m"),
    ("Sandwich", "/m/0l515"), ("Orange", "/m/0cyhj_"), ("Broccoli", "/m/0hkxq"),
    ("Carrot", "/m/0fj52s"), ("Hot dog", "/m/01b9xk"), ("Pizza", "/m/0663v"),
    ("Doughnut", "/m/0jy4k"), ("Cake", "/m/0fszt"), ("Chair", "/m/01mzpv"),
    ("Couch", "/m/02crq1"), ("Houseplant", "/m/03fp41"), ("Bed", "/m/03ssj5"),
    ("Table", "/m/04bcr3"), ("Toilet", "/m/09g1w"), ("Television", "/m/07c52"),
    ("Laptop", "/m/01c648"), ("Computer mouse", "/m/020lf"),
    ("Remote control", "/m/0qjjc"), ("Computer keyboard", "/m/01m2v"),
    ("Mobile phone", "/m/050k8"), ("Microwave oven", "/m/0fx9l"), ("Oven", "/m/029bxz"),
    ("Toaster", "/m/01k6s3"), ("Sink", "/m/0130jx"), ("Refrigerator", "/m/040b_t"),
    ("Book", "/m/0bt_c3"), ("Clock", "/m/01x3z"), ("Vase", "/m/02s195"),
    ("Scissors", "/m/01lsmm"), ("Teddy bear", "/m/0kmg4"), ("Hair dryer", "/m/03wvsk"),
    ("Toothbrush", "/m/012xff"),
)


def letterbox(picture: Any) -> tuple[np.ndarray, float, np.ndarray]:
    """(``[1,3,416,416]`` input, scale, (x, y) offset of the picture in it)."""
    from PIL import Image

    scale = SIDE / max(picture.size)
    width, height = (max(1, round(side * scale)) for side in picture.size)
    offset = np.array([(SIDE - width) // 2, (SIDE - height) // 2])
    canvas = np.zeros((SIDE, SIDE, 3), np.float32)  # black, as NanoDet's warp pads
    resized = picture.resize((width, height), Image.BILINEAR, reducing_gap=3.0)
    canvas[offset[1]:offset[1] + height, offset[0]:offset[0] + width] = \
        np.asarray(resized, np.float32)[:, :, ::-1]
    return ((canvas - MEAN) / STD).transpose(2, 0, 1)[None].copy(), scale, offset


def decode(outputs: Sequence[np.ndarray], scale: float, offset: np.ndarray) -> np.ndarray:
    """Rows of ``[x1, y1, x2, y2, score, class]`` in picture pixels, best first."""
    rows = []
    for stride in STRIDES:
        cells = (SIDE // stride) ** 2
        scores = next(o for o in outputs if o.shape[1:] == (cells, len(CLASSES)))[0]
        sides = next(o for o in outputs if o.shape[1:] == (cells, 4 * BINS))[0]
        best = scores.argmax(axis=1)
        keep = np.flatnonzero(scores[np.arange(cells), best] >= SCORE_FLOOR)
        if not keep.size:
            continue
        columns = SIDE // stride
        centre = (np.stack([keep % columns, keep // columns], axis=1) + 0.5) * stride
        reach = softmax(sides[keep].reshape(-1, 4, BINS)) @ np.arange(BINS) * stride
        boxes = np.hstack([centre - reach[:, :2], centre + reach[:, 2:]])
        rows.append(np.hstack([(boxes - np.tile(offset, 2)) / scale,
                               scores[keep, best[keep], None], best[keep, None]]))
    if not rows:
        return np.empty((0, 6), np.float32)
    found = np.vstack(rows)
    return found[nms(found[:, :4], found[:, 4], NMS_IOU)]


def localized(row: np.ndarray, size: tuple[int, int]) -> LocalizedObject:
    """One row as Google's object: clipped to the picture, corners clockwise."""
    width, height = size
    left, right = np.clip(row[[0, 2]], 0, width)
    top, bottom = np.clip(row[[1, 3]], 0, height)
    name, mid = CLASSES[int(row[5])]
    corners = tuple(Point(round(float(x) / width, 4), round(float(y) / height, 4))
                    for x, y in ((left, top), (right, top), (right, bottom), (left, bottom)))
    box = BoundingBox(*(round(float(v), 1) for v in (left, top, right, bottom)))
    return LocalizedObject(name=name, score=round(float(row[4]), 4),
                           normalized_vertices=corners, bounding_box=box, mid=mid)


class ObjectDetector:
    """NanoDet's input is fixed at batch 1: pictures run one after another."""

    def __init__(self, device: str) -> None:
        self.session = session(MODEL, device)
        self.model = model_name(MODEL, self.session)
        self._input = self.session.get_inputs()[0].name

    def detect(self, picture: Any) -> np.ndarray:
        batch, scale, offset = letterbox(picture)
        return decode(self.session.run(None, {self._input: batch}), scale, offset)

    def __call__(self, pictures: Sequence[Any], max_results: int = 10) -> list[Objects]:
        return [Objects(items=tuple(localized(row, picture.size)
                                    for row in self.detect(picture)[:max_results]),
                        backend="local", model=self.model) for picture in pictures]


PERSON_LABEL = ("Person", "n00007846")
"""The label's name and WordNet 3.0 id (person.n.01), like the local labels' own mids."""
DETECTOR_MIDPOINT, DETECTOR_SPREAD = 0.5, 0.05
"""NanoDet's person score -> probability: a logistic around 0.5. Measured: people 0.73
(astronaut) and 0.88 (cameraman) become 0.99 and 1.0; false persons on a galaxy field
(0.35) or a cropped bystander (0.26) become 0.05 and 0.01."""


SURE_FACE = 0.9
"""A face this sure settles it: the object detector (~10x the labeler's time) is then
not run for the label. YuNet scores clear faces 0.9-0.95."""


def person_probability(face_score: float, detector_score: float) -> float:
    """Probability that a person is in the picture: YuNet's face score (already near a
    probability) alone when it is sure, else it and the calibrated detector score
    combined as independent evidence (noisy-OR)."""
    if face_score >= SURE_FACE:
        return round(float(face_score), 4)
    detector = 1.0 / (1.0 + np.exp(-(detector_score - DETECTOR_MIDPOINT) / DETECTOR_SPREAD))
    detector = detector if detector_score > 0 else 0.0
    return round(float(1.0 - (1.0 - face_score) * (1.0 - detector)), 4)


def with_person(labels: Any, probability: float, limit: int, floor: float) -> Any:
    """``labels`` with a "Person" label at ``probability`` (kept if WordNet's own general
    "Person" label, from classes such as scuba diver, scores higher), best first."""
    import dataclasses

    from ..types import Label

    name, mid = PERSON_LABEL
    known = next((label.score for label in labels if label.description == name), 0.0)
    others = [label for label in labels if label.description != name]
    score = max(probability, known)
    if score >= floor:
        others.append(Label(name, score, mid=mid, topicality=score))
    ranked = tuple(sorted(others, key=lambda label: -label.score))[:limit]
    return dataclasses.replace(labels, items=ranked)
