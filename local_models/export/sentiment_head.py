"""Train the sentence sentiment head and write ``local_models/sentiment_head.onnx``.

Maintainers only (needs the ``language`` and ``training`` extras, and scikit-learn for
the fit)::

    pip install scikit-learn==1.9.1
    python local_models/export/sentiment_head.py

The data is ``data/sentiment_train*.tsv`` beside this script: 2,040 short review
sentences (714 English, 1,326 French; negative / neutral / positive) written by the
cogsdk team for this purpose and released with the project (Apache-2.0). Each sentence
becomes the features of :func:`cogsdk.language._local.sentiment_head.features` (MiniLM
embedding, VADER's scores, spaCy tok2vec mean and max); a class-balanced multinomial
logistic regression is fitted on them (scikit-learn, L-BFGS to convergence: the same
data gives the same weights), its logits scaled so that its out-of-fold probabilities
are calibrated, and exported as one ``Gemm`` + ``Softmax`` graph. Its ``C`` is the one of :data:`C_CHOICES` whose 5-fold out-of-fold predictions, read as
:func:`cogsdk.language._local.sentiment_head.combine` reads them, give the most polar
sentences the right sign.

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
C_CHOICES = (0.0003, 0.001, 0.003, 0.01, 0.03)
"""Inverse L2 strengths tried (scikit-learn's ``C``)."""
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


def fit(x: np.ndarray, targets: np.ndarray, c: float) -> head.Head:
    """Multinomial logistic regression on standardised features, solved to convergence
    (L-BFGS), class-balanced; the scaling is folded into the weights."""
    from sklearn.linear_model import LogisticRegression

    mean, scale = x.mean(axis=0), np.maximum(x.std(axis=0), 1e-3)
    model = LogisticRegression(C=c, class_weight="balanced", max_iter=20_000, tol=1e-8)
    model.fit((x - mean) / scale, targets)
    weight = model.coef_ / scale
    return head.Head(weight.astype(np.float32),
                     (model.intercept_ - weight @ mean).astype(np.float32))


def out_of_fold(x: np.ndarray, targets: np.ndarray, c: float, folds: int = 5) -> np.ndarray:
    """Each row's probabilities from the head fitted without its fold."""
    order = np.random.default_rng(0).permutation(len(targets))
    probabilities = np.zeros((len(targets), len(sentiment_head.LABELS)), np.float32)
    for fold in range(folds):
        held = order[fold::folds]
        kept = np.setdiff1d(order, held)
        probabilities[held] = fit(x[kept], targets[kept], c).probabilities(x[held])
    return probabilities


def temperature(probabilities: np.ndarray, targets: np.ndarray) -> float:
    """The factor on the logits that makes the out-of-fold probabilities best calibrated
    (lowest log-loss). A strong L2 penalty leaves them too timid: a plain complaint then
    scores near 0. Scaling keeps every sentence's sign and ranking."""
    logits = np.log(np.maximum(probabilities, 1e-12))
    def loss(factor: float) -> float:
        scaled = logits * factor
        scaled -= scaled.max(axis=1, keepdims=True)
        log_p = scaled - np.log(np.exp(scaled).sum(axis=1, keepdims=True))
        return float(-log_p[np.arange(len(targets)), targets].mean())
    return min((round(float(f), 2) for f in np.arange(0.5, 8.01, 0.05)), key=loss)


def right_signs(probabilities: np.ndarray, compound: np.ndarray,
                targets: np.ndarray) -> float:
    """The share of polar sentences whose score (the head with VADER) has the right sign."""
    scores = np.array([s for s, _ in sentiment_head.combine(probabilities, compound)])
    polar = targets != sentiment_head.LABELS.index("neutral")
    positive = targets[polar] == sentiment_head.LABELS.index("positive")
    return float(((scores[polar] > 0) == positive)[scores[polar] != 0].sum() / polar.sum())


def main() -> int:
    rows = read(*DATA)
    targets = np.array([sentiment_head.LABELS.index(row["label"]) for row in rows])
    languages = np.array([row["language"] for row in rows])
    x = featurize(rows)
    compound = x[:, sentiment_head.EMBEDDING]
    print(f"{len(rows)} sentences, {x.shape[1]} features; out of 5 folds:")
    signs, folds = {}, {}
    for c in C_CHOICES:  # the aim is the right sign: that picks C
        probabilities = folds[c] = out_of_fold(x, targets, c)
        by = {language: right_signs(probabilities[languages == language],
                                    compound[languages == language],
                                    targets[languages == language])
              for language in ("en", "fr")}
        signs[c] = float(np.mean(list(by.values())))
        print(f"  C {c}: accuracy {(probabilities.argmax(1) == targets).mean():.3f}, right "
              "signs " + ", ".join(f"{language} {value:.3f}" for language, value in by.items()))
    c = max(C_CHOICES, key=lambda value: (round(signs[value], 4), value))
    sharpen = temperature(folds[c], targets)
    print(f"  using C {c} (right signs {signs[c]:.3f}), logits x {sharpen}")
    trained = fit(x, targets, c)
    trained = head.Head(trained.weight * sharpen, trained.bias * sharpen)
    OUT.write_bytes(graphs.head_only(trained.weight, trained.bias, {
        "task": "language.sentiment", "labels": list(sentiment_head.LABELS), "C": c,
        "logit_scale": sharpen,
        "features": f"minilm-384 + {sentiment_head.VADER_REPEATS} x vader(compound, pos, neg, "
                    "neu) + tok2vec-mean-96 + tok2vec-max-96",
        "feature_models": {m: models.spec(m).sha256 for m in FEATURE_MODELS},
        "data_sha256": {path.name: hashlib.sha256(path.read_bytes()).hexdigest()
                        for path in DATA}}))
    print(f"wrote {OUT} sha256 {hashlib.sha256(OUT.read_bytes()).hexdigest()}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
