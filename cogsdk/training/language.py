"""Text training and prediction: a linear head over the shipped MiniLM embeddings.

A text is embedded as ``cog.language.classify`` embeds it: MiniLM mean pooling over up
to 4 windows of ~100 words, averaged and L2-normalised. The model file holds only the
head (``embedding [N, 384] -> probabilities``); it is pinned to the MiniLM file it was
trained on, so a new embedding model never meets an old head.
"""

from __future__ import annotations

import dataclasses
import time
from typing import Any, Optional, Sequence

import numpy as np

from .. import models
from .._progress import Callback, Progress
from ..errors import InvalidInput
from ..language._local import classify as minilm
from ..language.types import Categories, Category
from . import fitting, graphs, store
from .head import stratified_split
from .model import CustomModel

TASK = "language.classify"
WORDS, WINDOWS, CHUNK = 100, 4, 64
MIN_CONFIDENCE = 0.1
"""Labels under this confidence are left out, as the built-in classify does (the best
one always stays)."""


def train(name: str, texts: Sequence[str], labels: Sequence[str], *, device: str = "auto",
          validation_split: float = 0.2, replace: bool = False, progress: Callback = None,
          progress_setting: Any = None, seed: int = 0) -> CustomModel:
    """Train a text classifier (see :meth:`cogsdk.language.Language.train`)."""
    started = time.monotonic()
    fitting.refuse_taken(name, replace)
    fraction = fitting.check_validation(validation_split)
    usable, skipped = _pair(texts, labels)
    names = fitting.check_labels([label for _, label in usable], [label for _, label, _ in
                                                                   skipped])
    targets = np.array([names.index(label) for _, label in usable])
    _, held = stratified_split(targets, fraction, np.random.default_rng(seed))
    with Progress(len(usable), callback=progress, setting=progress_setting, unit="text",
                  desc=f"train {name}", long_after=CHUNK) as bar:
        x = embed([text for text, _ in usable], device, bar.update_to)
    data = fitting.Embedded(x=x, targets=targets, names=[_short(t) for t, _ in usable],
                            validation=np.isin(np.arange(len(usable)), held))
    head, evaluation = fitting.fit_and_evaluate(
        data, names, False, skipped=fitting.skipped([(n, r) for n, _, r in skipped]))
    backbone_sha = models.spec(minilm.MODEL_ID).sha256
    onnx_bytes = graphs.head_only(head.weight, head.bias, {
        "task": TASK, "labels": names, "backbone": minilm.MODEL_ID,
        "backbone_sha256": backbone_sha})
    evaluation = dataclasses.replace(evaluation, seconds=round(time.monotonic() - started, 2))
    return fitting.save(name, TASK, names, onnx_bytes, minilm.MODEL_ID, backbone_sha,
                        evaluation, replace)


def classify(text: str, name: str, device: str = "auto") -> Categories:
    """The trained labels of one text, most confident first."""
    entry, session = store.session(name, TASK, device)
    probabilities = session.run(None, {"embedding": embed([text], device)})[0][0]
    order = np.argsort(-probabilities)
    picked = [i for i in order if probabilities[i] >= MIN_CONFIDENCE] or [order[0]]
    items = tuple(Category(entry["labels"][i], round(float(probabilities[i]), 4))
                  for i in picked)
    return Categories(items=items, backend="local", model=f"local/custom/{name}",
                      raw={"engine": f"{minilm.MODEL_ID}+linear-head", "model": name,
                           "sha256": entry["sha256"]})


def embed(texts: Sequence[str], device: str,
          done: Optional[Any] = None) -> np.ndarray:
    """Document embeddings ``[N, 384]`` float32, windows batched ``CHUNK`` at a time."""
    encoder = minilm.classifier(device)
    windows = [_windows(text) for text in texts]
    flat = [window for group in windows for window in group]
    vectors = np.concatenate([encoder.embed(flat[i:i + CHUNK])
                              for i in range(0, len(flat), CHUNK)] or [np.zeros((0, 384))])
    documents, start = [], 0
    for group in windows:
        mean = vectors[start:start + len(group)].mean(axis=0)
        documents.append(mean / max(float(np.linalg.norm(mean)), 1e-9))
        start += len(group)
        if done is not None:
            done(len(documents))
    return np.array(documents, np.float32).reshape(len(texts), -1)


def _windows(text: str) -> list[str]:
    tokens = text.split()
    return [" ".join(tokens[i:i + WORDS])
            for i in range(0, min(len(tokens), WORDS * WINDOWS), WORDS)] or [text]


def _pair(texts: Sequence[str], labels: Sequence[str]
          ) -> tuple[list[tuple[str, str]], list[tuple[str, str, str]]]:
    """``(usable (text, label) pairs, skipped (name, label, reason))``."""
    if isinstance(texts, str) or isinstance(labels, str):
        raise InvalidInput("texts and labels must be lists (one label per text).")
    texts, labels = list(texts), list(labels)
    if len(texts) != len(labels):
        raise InvalidInput(f"Got {len(texts)} texts but {len(labels)} labels; give one "
                           "label per text.")
    usable, skipped = [], []
    for index, (text, label) in enumerate(zip(texts, labels)):
        if not isinstance(label, str) or not label.strip():
            raise InvalidInput(f"Label {index} must be a non-empty string, not {label!r}.")
        if isinstance(text, str) and text.strip():
            usable.append((text, label))
        else:
            skipped.append((f"text[{index}]", label, "empty or not a string"))
    return usable, skipped


def _short(text: str, limit: int = 60) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[:limit - 3] + "..."
