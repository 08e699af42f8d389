"""Scores of a trained head on its validation examples."""

from __future__ import annotations

from typing import Any, Sequence

import numpy as np

from .model import Evaluation, LabelScores, Mistake

MAX_MISTAKES = 50
"""Mistakes kept in the evaluation (and the manifest): the most confident ones."""


def evaluate(probabilities: np.ndarray, targets: np.ndarray, labels: Sequence[str],
             names: Sequence[str], **extra: Any) -> Evaluation:
    """Accuracy, per-label precision/recall/F1, confusion matrix and mistakes."""
    predicted = probabilities.argmax(axis=1)
    count = len(labels)
    confusion = np.zeros((count, count), int)
    np.add.at(confusion, (targets, predicted), 1)
    return Evaluation(
        accuracy=round(float((predicted == targets).mean()) if len(targets) else 0.0, 4),
        labels=tuple(labels), per_label=_per_label(confusion, labels),
        confusion=tuple(tuple(int(x) for x in row) for row in confusion),
        mistakes=_mistakes(probabilities, predicted, targets, labels, names), **extra)


def _per_label(confusion: np.ndarray, labels: Sequence[str]) -> dict[str, LabelScores]:
    scores = {}
    for index, label in enumerate(labels):
        hits = confusion[index, index]
        predicted, actual = confusion[:, index].sum(), confusion[index].sum()
        precision = hits / predicted if predicted else 0.0
        recall = hits / actual if actual else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        scores[label] = LabelScores(round(float(precision), 4), round(float(recall), 4),
                                    round(float(f1), 4), int(actual))
    return scores


def _mistakes(probabilities: np.ndarray, predicted: np.ndarray, targets: np.ndarray,
              labels: Sequence[str], names: Sequence[str]) -> tuple[Mistake, ...]:
    wrong = np.flatnonzero(predicted != targets)
    confidence = probabilities[wrong, predicted[wrong]]
    order = wrong[np.argsort(-confidence, kind="stable")][:MAX_MISTAKES]
    return tuple(Mistake(names[row], labels[targets[row]], labels[predicted[row]],
                         round(float(probabilities[row, predicted[row]]), 4))
                 for row in order)
