"""Helpers shared by the local vision engines: sessions, model names, maths."""

from __future__ import annotations

from typing import Any, Iterator, Sequence, TypeVar

import numpy as np

from ... import models

T = TypeVar("T")

BATCH = 32
"""Largest batch sent to one ``session.run`` (bounds memory on long lists)."""


def session(model_id: str, device: str) -> Any:
    """The shared, sha256-verified onnxruntime session of one model on one device."""
    return models.onnx_session(model_id, device)


def model_name(model_id: str, onnx_session: Any) -> str:
    """``local/<model>@onnxruntime:<provider>``: says which provider really ran it."""
    return f"local/{model_id}@onnxruntime:{onnx_session.get_providers()[0]}"


def softmax(logits: np.ndarray) -> np.ndarray:
    shifted = logits - logits.max(axis=-1, keepdims=True)
    exp = np.exp(shifted)
    return exp / exp.sum(axis=-1, keepdims=True)


def chunks(items: Sequence[T], size: int = BATCH) -> Iterator[Sequence[T]]:
    for start in range(0, len(items), size):
        yield items[start:start + size]


def run_batched(onnx_session: Any, batch: np.ndarray) -> np.ndarray:
    """First output of ``session.run`` over ``batch``, at most BATCH rows per call."""
    name = onnx_session.get_inputs()[0].name
    outputs = [onnx_session.run(None, {name: part})[0] for part in chunks(batch)]
    return np.concatenate(outputs) if outputs else np.empty((0,), np.float32)


def resize_short_side(picture: Any, short: int) -> Any:
    """Scale so the shorter side is ``short`` pixels (bilinear, antialiased)."""
    from PIL import Image

    width, height = picture.size
    scale = short / min(width, height)
    size = (max(short, round(width * scale)), max(short, round(height * scale)))
    # reducing_gap first shrinks huge pictures by whole factors: much faster, same result
    return picture.resize(size, Image.BILINEAR, reducing_gap=3.0)


def centre_crop(picture: Any, side: int) -> Any:
    width, height = picture.size
    left, top = (width - side) // 2, (height - side) // 2
    return picture.crop((left, top, left + side, top + side))
