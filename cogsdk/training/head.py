"""The trained part: a linear softmax head over frozen embeddings, in numpy.

Features are standardised for the fit; the scaling is then folded into the weights, so
the exported ``Gemm`` takes raw embeddings. The loss is the class-weighted cross-entropy
plus an L2 penalty, minimised with full-batch Adam (a few hundred small matmuls).
"""

from __future__ import annotations

import dataclasses

import numpy as np

L2 = 1e-2
"""Penalty on the standardised weights: keeps 1280 weights per label from memorising a
few dozen pictures, and the probabilities from all saturating at 1."""
STEPS = 300
LEARNING_RATE = 0.05


@dataclasses.dataclass(frozen=True)
class Head:
    """``probabilities = softmax(x @ weight.T + bias)``, on raw embeddings."""

    weight: np.ndarray
    """``[K, D]`` float32."""
    bias: np.ndarray
    """``[K]`` float32."""

    def probabilities(self, x: np.ndarray) -> np.ndarray:
        logits = x @ self.weight.T + self.bias
        logits -= logits.max(axis=1, keepdims=True)
        exp = np.exp(logits)
        return exp / exp.sum(axis=1, keepdims=True)


def stratified_split(targets: np.ndarray, fraction: float,
                     rng: np.random.Generator) -> tuple[np.ndarray, np.ndarray]:
    """``(train rows, validation rows)``: each label gives ``fraction`` of its rows (at
    least one) to validation and keeps at least one for training."""
    train, validation = [], []
    for label in np.unique(targets):
        rows = rng.permutation(np.flatnonzero(targets == label))
        held = min(len(rows) - 1, max(1, round(len(rows) * fraction)))
        validation.extend(rows[:held])
        train.extend(rows[held:])
    return np.sort(np.array(train, int)), np.sort(np.array(validation, int))


def balanced_weights(targets: np.ndarray, count: int) -> np.ndarray:
    """Per-label weight ``n / (K * n_label)``: all 1 when balanced; a rare label's
    mistakes then cost as much in total as a common one's."""
    sizes = np.bincount(targets, minlength=count).astype(np.float64)
    return len(targets) / (count * np.maximum(sizes, 1.0))


def fit(x: np.ndarray, targets: np.ndarray, count: int, weights: np.ndarray) -> Head:
    """Train the head on rows ``x [N, D]`` with labels ``targets [N]`` in ``0..count-1``;
    ``weights`` is one weight per label."""
    mean, scale = x.mean(axis=0), np.maximum(x.std(axis=0), 1e-3)
    z = ((x - mean) / scale).astype(np.float32)
    sample = (weights[targets] / weights[targets].sum()).astype(np.float32)[:, None]
    onehot = np.eye(count, dtype=np.float32)[targets]
    weight = np.zeros((count, x.shape[1]), np.float32)
    bias = np.zeros(count, np.float32)
    moments = [np.zeros_like(weight), np.zeros_like(weight), np.zeros_like(bias),
               np.zeros_like(bias)]
    for step in range(1, STEPS + 1):
        error = (Head(weight, bias).probabilities(z) - onehot) * sample
        _adam(weight, error.T @ z + L2 * weight, moments[0], moments[1], step)
        _adam(bias, error.sum(axis=0), moments[2], moments[3], step)
    folded = weight / scale  # softmax(((x - mean) / scale) W^T + b) in terms of raw x
    return Head(folded.astype(np.float32), (bias - folded @ mean).astype(np.float32))


def _adam(value: np.ndarray, gradient: np.ndarray, first: np.ndarray, second: np.ndarray,
          step: int, beta1: float = 0.9, beta2: float = 0.999) -> None:
    first *= beta1
    first += (1 - beta1) * gradient
    second *= beta2
    second += (1 - beta2) * gradient * gradient
    corrected = first / (1 - beta1 ** step)
    value -= LEARNING_RATE * corrected / (np.sqrt(second / (1 - beta2 ** step)) + 1e-8)


def log_loss(probabilities: np.ndarray, targets: np.ndarray, weights: np.ndarray) -> float:
    """Class-weighted mean cross-entropy (the tie-break between two equally accurate
    heads: the better calibrated one wins)."""
    picked = probabilities[np.arange(len(targets)), targets]
    w = weights[targets]
    return float(-(w * np.log(np.maximum(picked, 1e-12))).sum() / w.sum())
