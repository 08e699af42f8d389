"""Custom models, AutoML-style: train on your own labelled images or texts, then predict
with ``model=``. Training sits beside the model store (:mod:`cogsdk.models`): a trained
model is one ONNX file in the user model store, pinned by its sha256.

    model = cog.vision.train("shelf-products", "photos/")   # one sub-folder per label
    print(model.evaluation.summary()); model.report("report.png")
    cog.vision.labels("new.jpg", model="shelf-products")    # any later process, offline

    cog.language.train("tickets", texts, labels)
    cog.language.classify("I was charged twice", model="tickets")

Nothing heavy loads on import: numpy, onnx and onnxruntime load when training or
predicting starts.
"""

from __future__ import annotations

from pathlib import Path

from .model import CustomModel, Evaluation, LabelScores, Mistake, Skipped
from .store import IncompatibleModel, UnknownModel

__all__ = ["CustomModel", "Evaluation", "LabelScores", "Mistake", "Skipped",
           "IncompatibleModel", "UnknownModel", "list_models", "load", "remove",
           "store_dir"]


def store_dir() -> Path:
    """The user model store: ``$COGSDK_MODELS``, else ``<cache>/models``."""
    from . import store

    return store.root()


def list_models() -> list[CustomModel]:
    """Every model in the user model store, by name."""
    from . import store

    return [CustomModel.from_entry(entry, store.root())
            for _, entry in sorted(store.entries().items())]


def load(name: str) -> CustomModel:
    """One model of the store, with the evaluation measured when it was trained."""
    from . import store

    return CustomModel.from_entry(store.entry(name), store.root())


def remove(name: str) -> None:
    """Delete a model and its file from the store."""
    from . import store

    store.remove(name)
