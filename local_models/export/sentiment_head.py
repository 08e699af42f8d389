"""Train the sentence sentiment head and write ``local_models/sentiment_head.onnx``.

Maintainers only (needs the ``language`` and ``training`` extras)::

    python local_models/export/sentiment_head.py

The data is ``data/sentiment_train*.tsv`` beside this script: 1,428 short review sentences
(714 English, 714 French; negative / neutral / positive) written by the cogsdk team for
this purpose and released with the project (Apache-2.0). Each sentence becomes the
features of :func:`cogsdk.language._local.sentiment_head.features` (MiniLM embedding,
VADER's scores, spaCy tok2vec mean and max); a softmax head is fitted on them with the
custom-model trainer's :func:`cogsdk.training.head.fit` (class-balanced, 300 full-batch
Adam steps from zeros: the same data gives the same weights; the L2 penalty is the one
of :data:`L2_CHOICES` with the best 5-fold cross-validated accuracy) and exported as one
``Gemm`` + ``Softmax`` graph.

The held-out set (``benchmarks/data/sentiment_heldout.tsv``, written separately) is
never read here: ``benchmarks/local_language.py`` scores it.
"""

from __future__ import annotations

import csv
import hashlib
import sys
from pathlib import Path

import numpy as np

from cogsdk import models
from cogsdk.language._local import sentiment_head
from cogsdk.training import graphs, head

DATA = sorted((Path(__file__).resolve().parent / "data").glob("sentiment_train*.tsv"))
"""Every training file, in name order (the order is part of what makes re-runs equal)."""
OUT = Path(__file__).resolve().parents[1] / "sentiment_head.onnx"
L2_CHOICES = (0.01, 0.03, 0.1, 0.3)
FEATURE_MODELS = ("minilm-l6-v2-int8", "vader-en", "vader-fr", "spacy-en_core_web_sm",
                  "spacy-fr_core_news_sm")


def read(*paths: Path) -> list[dict[str, str]]:
    rows = []
    for path in paths:
        with path.open(encoding="utf-8", newline="") as handle:
            rows += csv.DictReader(handle, delimiter="\t")
    return rows


def featurize(rows: list[dict[str, str]]) -> np.ndarray:
    """Each language's rows through the features of its own lexicon and pipeline."""
    x = np.zeros((len(rows), sentiment_head.FEATURES), np.float32)
    for language in ("en", "fr"):
        index = [i for i, row in enumerate(rows) if row["language"] == language]
        if index:
            x[index] = sentiment_head.features(language, [rows[i]["text"] for i in index],
                                               "cpu")
    return x


def fit(x: np.ndarray, targets: np.ndarray, l2: float) -> head.Head:
    head.L2 = l2
    count = len(sentiment_head.LABELS)
    return head.fit(x, targets, count, head.balanced_weights(targets, count))


def cross_validate(x: np.ndarray, targets: np.ndarray, l2: float, folds: int = 5) -> float:
    order = np.random.default_rng(0).permutation(len(targets))
    right = 0
    for fold in range(folds):
        held = order[fold::folds]
        kept = np.setdiff1d(order, held)
        predicted = fit(x[kept], targets[kept], l2).probabilities(x[held]).argmax(1)
        right += int((predicted == targets[held]).sum())
    return right / len(targets)


def main() -> int:
    rows = read(*DATA)
    targets = np.array([sentiment_head.LABELS.index(row["label"]) for row in rows])
    x = featurize(rows)
    accuracy = {l2: cross_validate(x, targets, l2) for l2 in L2_CHOICES}
    l2 = max(L2_CHOICES, key=lambda value: (accuracy[value], value))
    print(f"{len(rows)} sentences, {x.shape[1]} features; 5-fold accuracy by L2: "
          + ", ".join(f"{k}: {v:.3f}" for k, v in accuracy.items()) + f"; using {l2}")
    trained = fit(x, targets, l2)
    OUT.write_bytes(graphs.head_only(trained.weight, trained.bias, {
        "task": "language.sentiment", "labels": list(sentiment_head.LABELS), "l2": l2,
        "features": f"minilm-384 + {sentiment_head.VADER_REPEATS} x vader(compound, pos, neg, "
                    "neu) + tok2vec-mean-96 + tok2vec-max-96",
        "feature_models": {m: models.spec(m).sha256 for m in FEATURE_MODELS},
        "data_sha256": {path.name: hashlib.sha256(path.read_bytes()).hexdigest()
                        for path in DATA}}))
    print(f"wrote {OUT} sha256 {hashlib.sha256(OUT.read_bytes()).hexdigest()}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
