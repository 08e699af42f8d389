"""The local vision backend: bundled ONNX models on onnxruntime (CPU, or CUDA if present).

Each feature is one engine in :mod:`cogsdk.vision._local`, created on first use and
shared by every call of this client. A list of images is decoded once and each engine
runs it as a batch. Weights come only from the model store (pinned, sha256-checked);
nothing is downloaded.

What it cannot do (logos, landmarks; violence/medical/spoof, which stay ``UNKNOWN``) is
reported honestly, and ``auto`` mode sends those to the cloud.

ImageNet has no person class, so labels also weigh the face detector's and the object
detector's evidence of a person (reusing their results when the same call asked for
faces or objects) and add Google's "Person" label.
"""

from __future__ import annotations

import importlib
from typing import Any, Sequence

from .._batch import load_all, run_valid
from .._config import Settings
from .._engines import Shared, engine_errors, needs
from ..errors import CogError
from ..media import ImageInput
from .base import FeatureOptions, VisionBackend
from .types import Annotation

# feature -> (engine module under cogsdk.vision._local, class, options it accepts)
_ENGINES = {
    "labels": ("labels", "Labeler", ("max_results",)),
    "faces": ("faces", "FaceAnalyzer", ("max_results",)),
    "text": ("ocr", "TextReader", ("languages",)),
    "safe_search": ("safe_search", "SafeSearcher", ()),
    "properties": ("properties", "ColorAnalyzer", ("max_results",)),
    "objects": ("objects", "ObjectDetector", ("max_results",)),
    "document_text": ("document", "DocumentReader", ("languages",)),
    "crop_hints": ("crop", "CropHinter", ("aspect_ratios",)),
}
"""Web detection has no local engine: no local model knows the web."""


class LocalVision(VisionBackend):
    """Offline vision: labels, faces, text, document text, safe search, colours, objects
    and crop hints."""

    name = "local"
    features = frozenset(_ENGINES)
    batch_size = 16
    """Images decoded and run as one batch by the shared list path (bounds memory)."""

    def __init__(self, settings: Settings) -> None:
        self._device = settings.device
        self._engines: Shared[str, Any] = Shared(self._build_engine)

    def annotate(self, images: Sequence[ImageInput],
                 features: FeatureOptions) -> list[Annotation | CogError]:
        pictures = load_all(images, lambda image: image.decode())
        return run_valid(pictures, lambda valid: self._annotate(valid, features))

    def engine(self, feature: str) -> Any:
        """The shared engine of one feature (its models load on first use)."""
        return self._engines.get(feature)

    def _build_engine(self, feature: str) -> Any:
        module, cls, _ = _ENGINES[feature]
        with needs("vision", f"local vision {feature}"):  # engines import their libraries
            found = getattr(importlib.import_module(f"{__package__}._local.{module}"), cls)
            if getattr(found, "uses_engines", False):  # built on other features' engines
                return found(self._device, self.engine)
            return found(self._device)

    def doctor(self) -> dict[str, str]:
        """Each feature's model and the onnxruntime provider that runs it."""
        return {feature: self.engine(feature).model for feature in sorted(self.features)}

    def _annotate(self, pictures: list, features: FeatureOptions) -> list[Annotation]:
        results = {name: self._run(name, pictures, options)
                   for name, options in features.items()}
        if "labels" in results and not features["labels"].get("model"):
            results["labels"] = self._with_people(pictures, results, features["labels"])
        model = " + ".join(dict.fromkeys(items[0].model for items in results.values()))
        return [Annotation(backend="local", model=model,
                           **{name: items[row] for name, items in results.items()})
                for row in range(len(pictures))]

    def _with_people(self, pictures: list, results: dict, options: Any) -> list:
        from ._local import labels, objects

        faces, found = self._person_scores(pictures, results)
        limit = int(options.get("max_results") or 10)
        return [objects.with_person(result, objects.person_probability(face, seen),
                                    limit, labels.FLOOR)
                for result, face, seen in zip(results["labels"], faces, found)]

    def _person_scores(self, pictures: list, results: dict) -> tuple[list, list]:
        """Per picture: the best face score and, unless that face is sure, the best
        "Person" object score (0 where the detector was not needed)."""
        from ._local.objects import SURE_FACE

        with engine_errors("local person evidence"):
            if results.get("faces") is not None:
                faces = [max((f.detection_confidence for f in r), default=0.0)
                         for r in results["faces"]]
            else:  # the detector alone: no landmarks, emotions or mesh are needed here
                faces = [float(rows[:, 4].max(initial=0.0))
                         for rows in map(self.engine("faces").detect, pictures)]
            found = [0.0 if face >= SURE_FACE else self._best_person(results, row, picture)
                     for row, (face, picture) in enumerate(zip(faces, pictures))]
        return faces, found

    def _best_person(self, results: dict, row: int, picture: Any) -> float:
        if results.get("objects") is not None:
            return max((o.score for o in results["objects"][row] if o.name == "Person"),
                       default=0.0)
        rows = self.engine("objects").detect(picture)
        return float(rows[rows[:, 5] == 0, 4].max(initial=0.0))

    def _run(self, feature: str, pictures: list, options: Any) -> list:
        if feature == "labels" and options.get("model"):  # labels(model=...): a custom model
            return self._custom_labels(pictures, options)
        engine = self.engine(feature)
        accepted = {key: value for key, value in dict(options).items()
                    if key in _ENGINES[feature][2]}
        with engine_errors(f"local {feature}"):  # a crash is the backend's, not the caller's
            return engine(pictures, **accepted)

    def _custom_labels(self, pictures: list, options: Any) -> list:
        with needs("vision", "local custom labels"):
            from ._local import custom
        with engine_errors(f"custom model {options['model']!r}"):
            return custom.labels(pictures, options["model"], self._device,
                                 int(options.get("max_results") or 10))
