"""What image and text training share: input checks, the split, choosing the head."""

from __future__ import annotations

import collections
import dataclasses
import datetime
from typing import Any, Optional, Sequence

import numpy as np

from ..errors import InvalidInput
from . import head as heads
from . import store
from .evaluation import evaluate
from .model import CustomModel, Evaluation, Skipped

MIN_EXAMPLES = 5
"""Fewest usable examples per label: one goes to validation, four are learnt from."""


def check_labels(labels: Sequence[str], skipped_labels: Sequence[str] = ()) -> list[str]:
    """The distinct labels, in first-seen order; refuses a single label or a label with
    fewer than ``MIN_EXAMPLES`` usable examples (saying which, and how many)."""
    counts = collections.Counter(labels)
    unusable = collections.Counter(skipped_labels)
    distinct = list(dict.fromkeys([*labels, *skipped_labels]))
    if len(distinct) < 2:
        raise InvalidInput(f"Training needs at least two labels; got {distinct or 'none'}.")
    for label in distinct:
        if counts[label] < MIN_EXAMPLES:
            broken = f" ({unusable[label]} more could not be used)" if unusable[label] else ""
            raise InvalidInput(f"Label {label!r} has {counts[label]} usable example(s)"
                               f"{broken}; each label needs at least {MIN_EXAMPLES}.")
    return distinct


def check_validation(fraction: Any) -> float:
    if isinstance(fraction, bool) or not isinstance(fraction, (int, float)) or \
            not 0.0 < fraction < 1.0:
        raise InvalidInput(f"validation_split must be a number between 0 and 1, not "
                           f"{fraction!r}.")
    return float(fraction)


@dataclasses.dataclass
class Embedded:
    """Embeddings of the usable examples, and of the extra (augmented) training views."""

    x: np.ndarray
    targets: np.ndarray
    names: list[str]
    validation: np.ndarray
    """Boolean per row: held out for the evaluation."""
    extra_x: Optional[np.ndarray] = None
    extra_targets: Optional[np.ndarray] = None


def fit_and_evaluate(data: Embedded, labels: Sequence[str], augment: Optional[bool],
                     **extra: Any) -> tuple[heads.Head, Evaluation]:
    """Fit the head on the training rows (with the augmented views when asked, or when
    ``augment`` is None and they score better on validation) and evaluate it."""
    train, held = ~data.validation, data.validation
    weights = heads.balanced_weights(data.targets[train], len(labels))
    fits = []
    if augment is not True or data.extra_x is None:
        fits.append((False, heads.fit(data.x[train], data.targets[train], len(labels),
                                      weights)))
    if augment is not False and data.extra_x is not None and len(data.extra_x):
        x = np.concatenate([data.x[train], data.extra_x])
        t = np.concatenate([data.targets[train], data.extra_targets])
        fits.append((True, heads.fit(x, t, len(labels), weights)))
    augmented, best = max(fits, key=lambda fit: _score(fit[1], data, weights, fit[0]))
    probabilities = best.probabilities(data.x[held])
    evaluation = evaluate(probabilities, data.targets[held], labels,
                          [n for n, h in zip(data.names, held) if h],
                          train_examples=int(train.sum()), validation_examples=int(held.sum()),
                          augmented=augmented,
                          class_weights={label: round(float(w), 4)
                                         for label, w in zip(labels, weights)}, **extra)
    return best, evaluation


def _score(head: heads.Head, data: Embedded, weights: np.ndarray,
           augmented: bool) -> tuple[float, float]:
    """Validation accuracy, then lower weighted log-loss; the plain head wins ties."""
    probabilities = head.probabilities(data.x[data.validation])
    targets = data.targets[data.validation]
    accuracy = float((probabilities.argmax(axis=1) == targets).mean())
    return accuracy, -heads.log_loss(probabilities, targets, weights) - 1e-3 * augmented


def save(name: str, task: str, labels: Sequence[str], onnx_bytes: bytes, backbone: str,
         backbone_sha256: str, evaluation: Evaluation, replace: bool,
         thumbnails: Optional[dict] = None) -> CustomModel:
    """Pin the model in the store and return it."""
    fields = {"task": task, "labels": list(labels), "backbone": backbone,
              "backbone_sha256": backbone_sha256, "evaluation": evaluation.to_dict(),
              "created": datetime.datetime.now(datetime.timezone.utc)
              .isoformat(timespec="seconds")}
    entry = store.save(name, onnx_bytes, fields, replace)
    return dataclasses.replace(CustomModel.from_entry(entry, store.root()),
                               evaluation=evaluation, thumbnails=thumbnails or {})


def refuse_taken(name: str, replace: bool) -> None:
    """Refuse a taken name before any work (the store checks again when saving)."""
    if not replace and store.check_name(name) in store.entries():
        raise InvalidInput(f"A custom model named {name!r} already exists in "
                           f"{store.root()}; pass replace=True to overwrite it.")


def skipped(items: Sequence[tuple[str, str]]) -> tuple[Skipped, ...]:
    return tuple(Skipped(name, reason) for name, reason in items)
