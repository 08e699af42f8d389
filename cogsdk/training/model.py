"""What training returns: :class:`CustomModel` and its :class:`Evaluation`.

Plain frozen dataclasses (no numpy), so that the facades can name them in their type
hints without making ``import cogsdk`` heavier.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import Any, Mapping, Optional

from .._types import _plain

__all__ = ["CustomModel", "Evaluation", "LabelScores", "Mistake", "Skipped"]


@dataclasses.dataclass(frozen=True)
class LabelScores:
    """Precision, recall and F1 of one label on the validation examples."""

    precision: float
    recall: float
    f1: float
    support: int
    """How many validation examples carry this label."""


@dataclasses.dataclass(frozen=True)
class Mistake:
    """A validation example the model got wrong."""

    name: str
    """The file path, or ``label[index]`` for an example given in memory."""
    true: str
    predicted: str
    confidence: float
    """The model's probability of the wrong label: the worst mistakes come first."""


@dataclasses.dataclass(frozen=True)
class Skipped:
    """An example that could not be used (corrupt image, empty text)."""

    name: str
    reason: str


@dataclasses.dataclass(frozen=True)
class Evaluation:
    """How the model did on the held-out (validation) examples."""

    accuracy: float
    labels: tuple[str, ...]
    per_label: Mapping[str, LabelScores]
    confusion: tuple[tuple[int, ...], ...]
    """``confusion[true][predicted]`` counts, rows and columns in ``labels`` order."""
    mistakes: tuple[Mistake, ...]
    """Wrong validation examples, most confident first."""
    skipped: tuple[Skipped, ...] = ()
    train_examples: int = 0
    validation_examples: int = 0
    augmented: bool = False
    """Whether flipped and cropped views of the training images were added (kept only
    when they raised the validation score)."""
    class_weights: Mapping[str, float] = dataclasses.field(default_factory=dict)
    seconds: float = 0.0
    """Wall time of the training, embedding included."""

    def to_dict(self) -> dict[str, Any]:
        return _plain(self)

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> "Evaluation":
        fields = {f.name for f in dataclasses.fields(cls)}
        known = {key: value for key, value in data.items() if key in fields}
        return cls(**{**known,
                      "labels": tuple(known.get("labels", ())),
                      "per_label": {k: LabelScores(**v)
                                    for k, v in known.get("per_label", {}).items()},
                      "confusion": tuple(tuple(row) for row in known.get("confusion", ())),
                      "mistakes": tuple(Mistake(**m) for m in known.get("mistakes", ())),
                      "skipped": tuple(Skipped(**s) for s in known.get("skipped", ()))})

    def summary(self) -> str:
        """The evaluation as a short text table (what ``cogsdk train`` prints)."""
        from .report import summary

        return summary(self)


@dataclasses.dataclass(frozen=True)
class CustomModel:
    """A model in the user model store. Predict with
    ``cog.vision.labels(image, model=name)`` or ``cog.language.classify(text, model=name)``.
    """

    name: str
    task: str
    """``"vision.labels"`` or ``"language.classify"``."""
    labels: tuple[str, ...]
    path: Path
    """The ONNX file (for an image model: backbone and head in one graph)."""
    sha256: str
    backbone: str
    created: str
    evaluation: Evaluation
    thumbnails: Mapping[str, Any] = dataclasses.field(default_factory=dict, repr=False,
                                                       compare=False)
    """Small pictures of the validation mistakes, by name; only right after training."""

    def report(self, path: Optional[str | Path] = None) -> Any:
        """Draw the confusion matrix and the worst mistakes (with their thumbnails, right
        after training) into a ``PIL.Image``; save it to ``path`` when given."""
        from .report import draw

        picture = draw(self)
        if path is not None:
            picture.save(path)
        return picture

    def to_dict(self) -> dict[str, Any]:
        data = _plain(dataclasses.replace(self, thumbnails={}))
        data.pop("thumbnails", None)
        data["path"] = str(self.path)
        return data

    @classmethod
    def from_entry(cls, entry: Mapping[str, Any], folder: Path) -> "CustomModel":
        """The model described by its store manifest entry."""
        return cls(name=entry["name"], task=entry["task"], labels=tuple(entry["labels"]),
                   path=folder / entry["file"], sha256=entry["sha256"],
                   backbone=entry.get("backbone", ""), created=entry.get("created", ""),
                   evaluation=Evaluation.from_dict(entry.get("evaluation", {})))
