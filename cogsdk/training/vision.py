"""Image training: MobileNetV2's pooled features, a linear head, one ONNX file.

The backbone is the shipped ``mobilenet_v2`` classifier cut before its last layer. Each
image is decoded and embedded once (batched, with a progress bar); the training images
also give a mirrored and a cropped view, used only if they raise the validation score.
"""

from __future__ import annotations

import collections
import dataclasses
import time
from typing import Any, Optional

import numpy as np

from .. import models
from .._engines import optional_import
from .._progress import Callback, Progress
from ..errors import CogError
from ..media import load_image
from ..vision._local._common import resize_short_side, run_batched
from ..vision._local.labels import MEAN, STD, preprocess
from . import fitting, graphs
from .examples import collect
from .head import stratified_split
from .model import CustomModel

TASK = "vision.labels"
BACKBONE = "mobilenet_v2"
CHUNK = 32
"""Images decoded and embedded at a time (memory stays bounded by one chunk)."""
THUMBNAIL = 96
AUGMENT_BELOW = 40
"""With ``augment=None``, extra views are tried when a label has fewer training images."""
CROP_SIDE = (0.7, 0.9)
"""A cropped view keeps this share of the shorter side (a zoom in, anywhere)."""
PREPROCESSING = "resize shorter side to 256 (bilinear), centre-crop 224, /255, ImageNet mean/std"


def train(name: str, examples: Any, *, device: str = "auto", validation_split: float = 0.2,
          augment: Optional[bool] = None, replace: bool = False, progress: Callback = None,
          progress_setting: Any = None, seed: int = 0) -> CustomModel:
    """Train an image classifier and pin it in the user model store (see
    :meth:`cogsdk.vision.Vision.train`)."""
    started = time.monotonic()
    fitting.refuse_taken(name, replace)
    fraction = fitting.check_validation(validation_split)
    items, stray = collect(examples)
    labels = fitting.check_labels([label for label, _, _ in items])
    index = {label: row for row, label in enumerate(labels)}
    rng = np.random.default_rng(seed)
    _, held = stratified_split(np.array([index[x[0]] for x in items]), fraction, rng)
    validation = np.zeros(len(items), bool)
    validation[held] = True
    views = _wants_views(augment, [items[row][0] for row in np.flatnonzero(~validation)])
    backbone = graphs.backbone(str(models.model_path(BACKBONE)))
    with Progress(len(items), callback=progress, setting=progress_setting, unit="image",
                  desc=f"train {name}", long_after=CHUNK) as bar:
        data, skipped, thumbnails = _embed(items, validation, index, views,
                                           _session(backbone, device), rng, bar)
    fitting.check_labels([labels[t] for t in data.targets],
                         [items[row][0] for row in skipped])
    head, evaluation = fitting.fit_and_evaluate(
        data, labels, augment, skipped=fitting.skipped(
            stray + [(items[row][2], reason) for row, reason in skipped.items()]))
    backbone_sha = models.spec(BACKBONE).sha256
    onnx_bytes = graphs.with_head(backbone, head.weight, head.bias, {
        "task": TASK, "labels": labels, "backbone": BACKBONE,
        "backbone_sha256": backbone_sha, "preprocessing": PREPROCESSING})
    evaluation = dataclasses.replace(evaluation, seconds=round(time.monotonic() - started, 2))
    mistaken = {m.name: thumbnails[m.name] for m in evaluation.mistakes if m.name in thumbnails}
    return fitting.save(name, TASK, labels, onnx_bytes, BACKBONE, backbone_sha, evaluation,
                        replace, mistaken)


def _wants_views(augment: Optional[bool], train_labels: list[str]) -> bool:
    """Whether to embed the extra views: asked for, or (``None``) when some label has
    few training images, where they can help; with many, they rarely move a linear head
    and would triple the embedding time."""
    if augment is not None:
        return bool(augment)
    return min(collections.Counter(train_labels).values()) < AUGMENT_BELOW


def _session(backbone: Any, device: str) -> Any:
    ort = optional_import("onnxruntime", "vision", "training image models")
    options = ort.SessionOptions()
    options.log_severity_level = 3
    return ort.InferenceSession(backbone.SerializeToString(), options,
                                providers=models.providers_for(device))


def _embed(items: list, validation: np.ndarray, index: dict[str, int], augment: bool,
           session: Any, rng: np.random.Generator, bar: Progress
           ) -> tuple[fitting.Embedded, dict[int, str], dict[str, Any]]:
    """Embed every usable image (and the extra views of the training ones)."""
    plain, extra, extra_targets, rows = [], [], [], []
    skipped: dict[int, str] = {}
    thumbnails: dict[str, Any] = {}
    for start in range(0, len(items), CHUNK):
        views, owners = [], []
        for row in range(start, min(start + CHUNK, len(items))):
            label, value, name = items[row]
            try:
                picture = resize_short_side(load_image(value).decode(), 256)
            except CogError as error:  # corrupt: listed in the evaluation, never fatal
                skipped[row] = str(error)
                continue
            rows.append(row)
            views.append(preprocess(picture))
            owners.append(-1)
            if validation[row]:
                thumbnails[name] = _thumbnail(picture)
            elif augment:
                views += [views[-1][:, :, ::-1], _crop(picture, rng)]
                owners += [index[label]] * 2
        if views:
            features = run_batched(session, np.ascontiguousarray(np.stack(views)))
            owners_ = np.array(owners)
            plain.append(features[owners_ < 0])
            extra.append(features[owners_ >= 0])
            extra_targets.append(owners_[owners_ >= 0])
        bar.update_to(min(start + CHUNK, len(items)))
    data = fitting.Embedded(
        x=np.concatenate(plain) if plain else np.zeros((0, 1280), np.float32),
        targets=np.array([index[items[row][0]] for row in rows], int),
        names=[items[row][2] for row in rows], validation=validation[rows],
        extra_x=np.concatenate(extra) if augment and extra else None,
        extra_targets=np.concatenate(extra_targets) if augment and extra else None)
    return data, skipped, thumbnails


def _crop(picture: Any, rng: np.random.Generator) -> np.ndarray:
    """A random square crop, resized to 224 and normalised like ``preprocess``."""
    from PIL import Image

    width, height = picture.size
    side = rng.uniform(*CROP_SIDE) * min(width, height)
    left, top = rng.uniform(0, width - side), rng.uniform(0, height - side)
    crop = picture.resize((224, 224), Image.BILINEAR, box=(left, top, left + side, top + side))
    pixels = np.asarray(crop, np.float32) / 255.0
    return ((pixels - MEAN) / STD).transpose(2, 0, 1)


def _thumbnail(picture: Any) -> Any:
    small = picture.copy()
    small.thumbnail((THUMBNAIL, THUMBNAIL))
    return small
