"""Crop hints: for each aspect ratio, the largest crop of that ratio, placed to keep the
faces and objects, and otherwise the most salient region.

Importance is a map at most THUMB px on its longer side: gradient energy (edges and
texture, where the eye goes) sums to 1, each face box adds FACE_WEIGHT and each object
box OBJECT_WEIGHT times its score, spread over the box. The largest crop of a ratio spans
the picture's full width or height, so only one offset is free; the offset that keeps
the most importance wins, among those that keep every face whole where the faces fit.

``importance_fraction`` is the share of the map inside the crop. ``confidence`` is the
share of the found faces and objects kept whole, or, with none found, the importance
fraction (the crop then rests on saliency alone).
"""

from __future__ import annotations

from typing import Any, Callable, Sequence

import numpy as np

from ..._types import BoundingBox
from ..types import CropHint, CropHints

THUMB = 256
FACE_WEIGHT, OBJECT_WEIGHT = 2.0, 0.5
"""Faces outweigh all the edges of the picture together; objects weigh less than faces."""
MIN_OBJECT_SCORE = 0.3
STEPS = 64
"""Offsets tried along the free axis."""
FACE_MARGIN = 0.15
"""Share of a face's size kept around it: the detector's box is tight, and a crop
that touches the forehead looks cut."""


class CropHinter:
    uses_engines = True
    """Built with the backend's engine getter: it runs the faces and objects detectors."""

    def __init__(self, device: str, engine: Callable[[str], Any]) -> None:
        self._faces, self._objects = engine("faces"), engine("objects")
        self.model = f"local/crop-hints({self._faces.model} + {self._objects.model})"

    def __call__(self, pictures: Sequence[Any],
                 aspect_ratios: Sequence[float] = (1.0,)) -> list[CropHints]:
        return [self.hints(picture, aspect_ratios or (1.0,)) for picture in pictures]

    def hints(self, picture: Any, ratios: Sequence[float]) -> CropHints:
        faces = [_padded(r[:4]) for r in self._faces.detect(picture)]
        objects = [(tuple(r[:4]), float(r[4])) for r in self._objects.detect(picture)
                   if r[4] >= MIN_OBJECT_SCORE]
        scale = THUMB / max(picture.size)
        weights = importance(picture, faces, objects, scale)
        subjects = [_clipped(box, picture.size) for box in faces + [b for b, _ in objects]]
        hints = tuple(best_crop(picture.size, ratio, weights, scale, faces, subjects)
                      for ratio in ratios)
        return CropHints(items=hints, backend="local", model=self.model,
                         raw={"faces": len(faces), "objects": len(objects)})


def importance(picture: Any, faces: list, objects: list, scale: float) -> np.ndarray:
    from PIL import Image

    small = picture.convert("L").resize(
        (max(1, round(picture.width * scale)), max(1, round(picture.height * scale))),
        Image.Resampling.BILINEAR)
    grey = np.asarray(small, np.float64)
    energy = np.hypot(*np.gradient(grey))
    weights = energy / max(energy.sum(), 1e-9)
    for box, weight in [(f, FACE_WEIGHT) for f in faces] + \
            [(b, OBJECT_WEIGHT * s) for b, s in objects]:
        x1, y1, x2, y2 = _cells(box, scale, weights.shape)
        weights[y1:y2, x1:x2] += weight / max((y2 - y1) * (x2 - x1), 1)
    return weights / weights.sum()


def _cells(box, scale: float, shape) -> tuple[int, int, int, int]:
    x1, y1, x2, y2 = (int(round(v * scale)) for v in box)
    x1, y1 = max(0, min(x1, shape[1] - 1)), max(0, min(y1, shape[0] - 1))
    return x1, y1, max(x1 + 1, min(x2, shape[1])), max(y1 + 1, min(y2, shape[0]))


def best_crop(size, ratio: float, weights: np.ndarray, scale: float, faces: list,
              subjects: list) -> CropHint:
    width, height = size
    w, h = min(width, height * ratio), min(height, width / ratio)
    horizontal = w < width  # the free axis: x when the crop is narrower than the picture
    extent, room = (w, width - w) if horizontal else (h, height - h)
    offsets = np.linspace(0, room, STEPS) if room > 0.5 else np.zeros(1)
    allowed = _keeping_faces(offsets, extent, faces, horizontal)
    profile = weights.sum(axis=0 if horizontal else 1)
    kept = [_kept(profile, o * scale, (o + extent) * scale) for o in allowed]
    offset = float(allowed[int(np.argmax(kept))])
    box = BoundingBox(offset, 0.0, offset + w, h) if horizontal else \
        BoundingBox(0.0, offset, w, offset + h)
    fraction = round(float(max(kept)), 4)
    whole = [_inside(s, box) for s in subjects]
    confidence = round(float(sum(whole)) / len(whole), 4) if whole else fraction
    return CropHint(box, confidence, fraction, round(w / h, 4))


def _keeping_faces(offsets: np.ndarray, extent: float, faces: list,
                   horizontal: bool) -> np.ndarray:
    """The offsets whose crop holds every face whole; all of them when the faces' span
    is wider than the crop (then importance decides)."""
    if not faces:
        return offsets
    lo = min(f[0 if horizontal else 1] for f in faces)
    hi = max(f[2 if horizontal else 3] for f in faces)
    keep = offsets[(offsets <= lo + 0.5) & (offsets + extent >= hi - 0.5)]
    if len(keep) == 0 and hi - lo <= extent:  # the grid missed the narrow window
        keep = np.array([min(max(lo - (extent - (hi - lo)) / 2, 0.0), offsets[-1])])
    return keep if len(keep) else offsets


def _padded(box) -> tuple[float, float, float, float]:
    x1, y1, x2, y2 = (float(v) for v in box)
    dx, dy = FACE_MARGIN * (x2 - x1), FACE_MARGIN * (y2 - y1)
    return x1 - dx, y1 - dy, x2 + dx, y2 + dy


def _clipped(box, size) -> tuple[float, float, float, float]:
    """The part of a box inside the picture (detector boxes may overhang its edges)."""
    return (max(box[0], 0.0), max(box[1], 0.0), min(box[2], size[0]), min(box[3], size[1]))


def _kept(profile: np.ndarray, start: float, end: float) -> float:
    cells = np.arange(len(profile)) + 0.5
    return float(profile[(cells >= start) & (cells <= end)].sum())


def _inside(box, crop: BoundingBox) -> bool:
    return (box[0] >= crop.left - 1 and box[1] >= crop.top - 1 and
            box[2] <= crop.right + 1 and box[3] <= crop.bottom + 1)
