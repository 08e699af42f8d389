"""Labels from a custom model trained with ``cog.vision.train`` (the user model store).

The model is one ONNX file, MobileNetV2 plus the trained head, fed exactly as the
shipped labeler feeds MobileNetV2; its softmax over the trained labels is the score.
"""

from __future__ import annotations

from typing import Any, Sequence

from ...errors import UnsupportedFeature
from ...training import store
from ..types import Label, Labels
from ._common import model_name, run_batched
from .labels import preprocess

TASK = "vision.labels"


def labels(pictures: Sequence[Any], name: str, device: str,
           max_results: int = 10) -> list[Labels]:
    """One :class:`Labels` per picture: the trained labels, most likely first."""
    import numpy as np

    if store.is_vertex_endpoint(name):
        raise UnsupportedFeature(f"{name} is a Vertex AI endpoint: only the cloud backend "
                                 "can call it. Use mode='cloud' (or 'auto' with credentials).")
    entry, session = store.session(name, TASK, device)
    probabilities = run_batched(session, np.stack([preprocess(p) for p in pictures]))
    model = model_name(f"custom/{name}", session)
    return [_labels(row, entry, model, max_results) for row in probabilities]


def _labels(row: Any, entry: dict, model: str, limit: int) -> Labels:
    order = row.argsort()[::-1][:limit]
    items = tuple(Label(entry["labels"][i], round(float(row[i]), 4),
                        topicality=round(float(row[i]), 4)) for i in order)
    return Labels(items=items, backend="local", model=model,
                  raw={"model": entry["name"], "sha256": entry["sha256"],
                       "labels": [{"label": x.description, "score": x.score} for x in items]})
