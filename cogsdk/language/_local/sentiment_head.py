"""Sentence sentiment from a small trained head: negative / neutral / positive.

VADER only knows the words in its lexicon, so "The battery does not last long at all"
and "The soup was cold and bland" score 0.0. The head sees three frozen views of each
sentence and was fitted on review sentences the team wrote
(``local_models/export/sentiment_head.py``; the data is committed beside it):

- the all-MiniLM-L6-v2 sentence embedding (384 numbers, the model ``classify`` uses);
- VADER's compound, positive, negative and neutral scores (the lexicon and its negation
  rules), repeated :data:`VADER_REPEATS` times: the head's L2 penalty then holds these
  four back less than it holds any one embedding number (5-fold on the training set:
  accuracy 0.768 once, 0.781 four times);
- the spaCy pipeline's ``tok2vec`` vectors, mean and max over the tokens (2 x 96): hashed
  word, prefix, suffix and shape features, the only view trained on French text.

Per sentence, ``score = p(positive) - p(negative)`` and ``magnitude = p(positive) +
p(negative)`` (how far from neutral; :func:`combine` says where VADER has a say), so a
document's magnitude, the sum over its sentences, keeps Google's meaning. A document of
more than :data:`MAX_SENTENCES` sentences is left to VADER alone (the embeddings cost
~4 ms a sentence here).
"""

from __future__ import annotations

import json
from typing import Any, Sequence

from ... import models
from ..._engines import Shared, optional_import
from . import classify as minilm
from . import pipelines
from . import sentiment as vader

MODEL_ID = "sentiment-head"
LABELS = ("negative", "neutral", "positive")
MAX_SENTENCES = 2000
FEELS_AT = 0.5
"""A sentence counts towards the document score when it is more likely polar than
neutral (its magnitude, ``1 - p(neutral)``, reaches this)."""
TOKVEC_CHARS = 2000
"""spaCy sees the first 2,000 characters of a run-on sentence (MiniLM sees 128 pieces)."""
CHUNK = 64
EMBEDDING = 384
VADER_REPEATS = 4
FEATURES = EMBEDDING + 4 * VADER_REPEATS + 2 * 96


def features(language: str, sentences: Sequence[str], device: str = "auto") -> Any:
    """``[N, FEATURES]`` float32: MiniLM, VADER's four scores (repeated), tok2vec mean and
    max. ``language`` is ``"en"`` or ``"fr"`` (a lexicon and a spaCy pipeline)."""
    np = optional_import("numpy", "language", "local sentiment")
    encoder = minilm.classifier(device)
    embedded = np.concatenate([encoder.embed(list(sentences[i:i + CHUNK]))
                               for i in range(0, len(sentences), CHUNK)])
    lexicon = np.array([vader.parts(language, s) for s in sentences], np.float32)
    return np.hstack([embedded, np.tile(lexicon, VADER_REPEATS),
                      _tok2vec(language, sentences)]).astype(np.float32)


def _tok2vec(language: str, sentences: Sequence[str]) -> Any:
    np = optional_import("numpy", "language", "local sentiment")
    nlp = pipelines.pipeline(language)
    others = [name for name in nlp.pipe_names if name != "tok2vec"]
    rows = []
    for doc in nlp.pipe([s[:TOKVEC_CHARS] for s in sentences], disable=others):
        vectors = doc.tensor
        rows.append(np.concatenate([vectors.mean(0), vectors.max(0)]) if len(vectors)
                    else np.zeros(2 * nlp.get_pipe("tok2vec").model.get_dim("nO")))
    return np.array(rows, np.float32)


def score(language: str, sentences: Sequence[str],
          device: str = "auto") -> list[tuple[float, float]]:
    """``(score, magnitude)`` of each sentence (see :func:`combine`)."""
    if not sentences:
        return []
    session = _checked(device)
    x = features(language, sentences, device)
    return combine(session.run(None, {"embedding": x})[0], x[:, EMBEDDING])


def _checked(device: str) -> Any:
    """The head's session, once its feature models are known to be the ones it was
    trained on (their sha256 travel in the file): another MiniLM or spaCy model would
    feed it numbers it never saw."""
    _trained_on.get(device)
    return models.onnx_session(MODEL_ID, device)


def _compare_feature_models(device: str) -> bool:
    session = models.onnx_session(MODEL_ID, device)
    stamped = session.get_modelmeta().custom_metadata_map
    for model_id, sha256 in json.loads(stamped.get("cogsdk.feature_models", "{}")).items():
        if models.spec(model_id).sha256 != sha256:
            raise models.ModelIntegrityError(
                f"The sentiment head was trained on {model_id} {sha256[:12]}..., but the "
                f"manifest pins {models.spec(model_id).sha256[:12]}...: retrain it with "
                "local_models/export/sentiment_head.py.")
    return True


_trained_on: Shared[str, bool] = Shared(_compare_feature_models)


def combine(probabilities: Any, compound: Any) -> list[tuple[float, float]]:
    """``(score, magnitude)`` per row: ``p(positive) - p(negative)`` and ``p(positive) +
    p(negative)``. Where the head leans neutral (magnitude under :data:`FEELS_AT`),
    VADER's ``compound`` gets half the say: the head was fitted on about 2,000
    sentences, the lexicon knows 7,500 words."""
    negative, positive = LABELS.index("negative"), LABELS.index("positive")
    scores = []
    for p, lexicon in zip(probabilities, compound):
        leaning = float(p[positive] - p[negative])
        strength = float(p[positive] + p[negative])
        value = leaning if strength >= FEELS_AT else (leaning + float(lexicon)) / 2
        scores.append((round(value, 4), round(max(strength, abs(value)), 4)))
    return scores


def document(scores: list[tuple[float, float]]) -> tuple[float, float]:
    """Document ``(score, magnitude)``: the mean score of the sentences that lean one
    way (neutral filler does not dilute it; with none, of all), and the summed
    magnitude, like Google's."""
    felt = [s for s, m in scores if m >= FEELS_AT] or [s for s, _ in scores]
    mean = sum(felt) / len(felt) if felt else 0.0
    return round(mean, 4), round(sum(m for _, m in scores), 4)
