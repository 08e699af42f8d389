"""``cog.vision``: labels, faces, text (OCR), document text, safe search, colours, logos,
landmarks, objects, crop hints and web detection."""

from __future__ import annotations

import dataclasses
from typing import Any, Callable, Iterable, Optional, Sequence, overload

from .._facade import Facade, Many
from ..errors import CogError, InvalidInput, UnsupportedFeature
from ..media import load_image
from ..training.model import CustomModel
from .types import (FEATURES, Annotation, CropHints, DocumentText, Faces, ImageProperties,
                    Labels, Objects, SafeSearch, TextResult, WebDetection)

__all__ = ["Vision"]
_ALL = ("labels", "faces", "text", "safe_search")
MAX_ASPECT_RATIOS = 16
"""Google's limit of ``cropHintsParams.aspectRatios``."""


class Vision(Facade):
    """Image analysis. Every method takes one image or a list of images.

    An image is a path, bytes, a binary file, a ``PIL.Image``, an HxWx3 uint8 numpy array,
    or a ``gs://`` / ``https://`` URI (sent by reference, cloud only). A list returns a list
    in the same order; an image that fails holds its :class:`~cogsdk.errors.CogError` in
    its slot instead of stopping the others.
    """

    service = "vision"

    @overload
    def labels(self, image: Many, max_results: int = ..., min_score: float = ...,
               model: Optional[str] = ...) -> list[Labels | CogError]: ...
    @overload
    def labels(self, image: Any, max_results: int = ..., min_score: float = ...,
               model: Optional[str] = ...) -> Labels: ...

    def labels(self, image: Any, max_results: int = 10, min_score: float = 0.0,
               model: Optional[str] = None) -> Any:
        """What the image shows, best first (``Label(description, score, mid)``).

        ``model`` picks a custom model: the name of one trained with :meth:`train` (run
        locally, offline), or a Vertex AI endpoint,
        ``"projects/P/locations/L/endpoints/E"``, that serves an AutoML image model.
        """
        _check_limits(max_results, min_score)
        options: dict[str, Any] = {"max_results": max_results}
        if model is not None:  # only then: the built-in labels keep their options as they are
            options.update(model=_model_name(model), min_score=min_score)
        return self._feature(image, "labels", options,
                             lambda result: _filter_labels(result, max_results, min_score))

    def train(self, name: str, examples: Any, *, replace: bool = False,
              validation_split: float = 0.2, augment: Optional[bool] = None,
              progress: Optional[Callable[[float, float], None]] = None) -> CustomModel:
        """Train an image classifier on your own labelled examples (transfer learning on
        MobileNetV2), then use it with ``labels(image, model=name)`` in any process.

        ``examples`` is a folder with one sub-folder per label, or a mapping of label ->
        list of images. Each label needs at least 5 usable images; corrupt ones are
        skipped and listed in ``model.evaluation.skipped``. The evaluation is measured
        on a stratified ``validation_split`` of the examples. ``augment=None`` tries
        mirrored and cropped views when a label has under 40 training images, and keeps
        them only when they raise the validation score. The model is one ONNX file in
        the user model store (``$COGSDK_MODELS``); a taken name is refused unless
        ``replace=True``.
        """
        from ..training import vision

        settings = self._router.settings
        return vision.train(name, examples, device=settings.device, replace=replace,
                            validation_split=validation_split, augment=augment,
                            progress=progress, progress_setting=settings.progress)

    @overload
    def faces(self, image: Many, max_results: int = ...) -> list[Faces | CogError]: ...
    @overload
    def faces(self, image: Any, max_results: int = ...) -> Faces: ...

    def faces(self, image: Any, max_results: int = 50) -> Any:
        """Faces with box, landmarks, roll/pan/tilt and joy/sorrow/anger/surprise."""
        _check_limits(max_results)
        return self._feature(image, "faces", {"max_results": max_results})

    @overload
    def text(self, image: Many, languages: Optional[Sequence[str]] = ...
             ) -> list[TextResult | CogError]: ...
    @overload
    def text(self, image: Any, languages: Optional[Sequence[str]] = ...) -> TextResult: ...

    def text(self, image: Any, languages: Optional[Sequence[str]] = None) -> Any:
        """Text in the image (OCR): ``.text`` and ``.blocks`` with boxes.

        ``languages`` are BCP-47 hints such as ``["en", "de"]`` (a single string is one).
        """
        return self._feature(image, "text", {"languages": _codes(languages)})

    @overload
    def safe_search(self, image: Many) -> list[SafeSearch | CogError]: ...
    @overload
    def safe_search(self, image: Any) -> SafeSearch: ...

    def safe_search(self, image: Any) -> Any:
        """Likelihood of adult, racy, violence, medical and spoof content."""
        return self._feature(image, "safe_search", {})

    @overload
    def properties(self, image: Many, max_colors: int = ...
                   ) -> list[ImageProperties | CogError]: ...
    @overload
    def properties(self, image: Any, max_colors: int = ...) -> ImageProperties: ...

    def properties(self, image: Any, max_colors: int = 10) -> Any:
        """Dominant colours with score and pixel fraction."""
        _check_limits(max_colors)
        return self._feature(image, "properties", {"max_results": max_colors})

    @overload
    def logos(self, image: Many, max_results: int = ...) -> list[Labels | CogError]: ...
    @overload
    def logos(self, image: Any, max_results: int = ...) -> Labels: ...

    def logos(self, image: Any, max_results: int = 10) -> Any:
        """Known logos (cloud only)."""
        _check_limits(max_results)
        return self._feature(image, "logos", {"max_results": max_results})

    @overload
    def landmarks(self, image: Many, max_results: int = ...) -> list[Labels | CogError]: ...
    @overload
    def landmarks(self, image: Any, max_results: int = ...) -> Labels: ...

    def landmarks(self, image: Any, max_results: int = 10) -> Any:
        """Known landmarks (cloud only)."""
        _check_limits(max_results)
        return self._feature(image, "landmarks", {"max_results": max_results})

    @overload
    def objects(self, image: Many, max_results: int = ...) -> list[Objects | CogError]: ...
    @overload
    def objects(self, image: Any, max_results: int = ...) -> Objects: ...

    def objects(self, image: Any, max_results: int = 10) -> Any:
        """Objects with name, score, mid and box (normalized vertices and pixels)."""
        _check_limits(max_results)
        return self._feature(image, "objects", {"max_results": max_results},
                             lambda result: _first(result, max_results))

    @overload
    def document_text(self, image: Many, languages: Optional[Sequence[str]] = ...
                      ) -> list[DocumentText | CogError]: ...
    @overload
    def document_text(self, image: Any, languages: Optional[Sequence[str]] = ...
                      ) -> DocumentText: ...

    def document_text(self, image: Any, languages: Optional[Sequence[str]] = None) -> Any:
        """Dense text as Google's full structure (DOCUMENT_TEXT_DETECTION): ``.pages`` ->
        blocks -> paragraphs -> words -> symbols, each with its box and confidence."""
        return self._feature(image, "document_text", {"languages": _codes(languages)})

    @overload
    def crop_hints(self, image: Many, aspect_ratios: Sequence[float] = ...
                   ) -> list[CropHints | CogError]: ...
    @overload
    def crop_hints(self, image: Any, aspect_ratios: Sequence[float] = ...) -> CropHints: ...

    def crop_hints(self, image: Any, aspect_ratios: Sequence[float] = (1.0,)) -> Any:
        """One suggested crop per aspect ratio (width / height, e.g. ``16 / 9``), with its
        confidence and the share of the image's importance it keeps."""
        return self._feature(image, "crop_hints",
                             {"aspect_ratios": _ratios(aspect_ratios)})

    @overload
    def web(self, image: Many, max_results: int = ...) -> list[WebDetection | CogError]: ...
    @overload
    def web(self, image: Any, max_results: int = ...) -> WebDetection: ...

    def web(self, image: Any, max_results: int = 10) -> Any:
        """Web entities, matching and similar images, pages and best-guess labels (cloud
        only: no local model knows the web)."""
        _check_limits(max_results)
        return self._feature(image, "web", {"max_results": max_results})

    @overload
    def annotate(self, image: Many, features: Iterable[str] = ...
                 ) -> list[Annotation | CogError]: ...
    @overload
    def annotate(self, image: Any, features: Iterable[str] = ...) -> Annotation: ...

    def annotate(self, image: Any, features: Iterable[str] = _ALL) -> Any:
        """Several features of each image in one request (one decode locally)."""
        wanted = list(dict.fromkeys([features] if isinstance(features, str) else features))
        unknown = [name for name in wanted if name not in FEATURES]
        if unknown or not wanted:
            raise InvalidInput(f"Unknown or no features {unknown}; choose from {FEATURES}.")
        return self._annotate(image, {name: {} for name in wanted}, "annotate")

    def _feature(self, image: Any, name: str, options: dict, finish=lambda result: result):
        def pick(annotation: Any) -> Any:
            if isinstance(annotation, CogError):
                return annotation
            part = finish(getattr(annotation, name))
            if annotation.fallback_reason:  # the router marked the whole annotation
                part = dataclasses.replace(part, fallback_reason=annotation.fallback_reason)
            return part
        results = self._annotate(image, {name: options}, name)
        return [pick(item) for item in results] if isinstance(results, list) else pick(results)

    def _annotate(self, image: Any, features: dict, method: str) -> Any:
        def run(backend: Any, images: list) -> list:
            _require(backend, features)
            return backend.annotate(images, features)
        return self._list(method, image, load_image, run)


def _require(backend: Any, features: dict) -> None:
    missing = sorted(set(features) - backend.features)
    if missing:
        raise UnsupportedFeature(f"The {backend.name} vision backend cannot do {missing}. "
                                 "Use mode='cloud' (or 'auto' with credentials).")


def _codes(languages: Optional[Sequence[str]]) -> list[str]:
    return [languages] if isinstance(languages, str) else list(languages or [])


def _ratios(aspect_ratios: Sequence[float]) -> list[float]:
    ratios = [aspect_ratios] if isinstance(aspect_ratios, (int, float)) else \
        list(aspect_ratios)
    valid = all(isinstance(r, (int, float)) and not isinstance(r, bool) and 0 < r <= 16
                for r in ratios)
    if not ratios or len(ratios) > MAX_ASPECT_RATIOS or not valid:
        raise InvalidInput(f"aspect_ratios must be 1 to {MAX_ASPECT_RATIOS} numbers in "
                           f"(0, 16] (width / height), not {aspect_ratios!r}.")
    return [float(r) for r in ratios]


def _model_name(model: Any) -> str:
    if not isinstance(model, str) or not model.strip():
        raise InvalidInput(f"model must be a custom model's name or a Vertex AI endpoint, "
                           f"not {model!r}.")
    return model.strip()


def _check_limits(max_results: int, min_score: float = 0.0) -> None:
    if isinstance(max_results, bool) or not isinstance(max_results, int) or max_results < 1:
        raise InvalidInput(f"max_results must be a positive integer, not {max_results!r}.")
    if isinstance(min_score, bool) or not isinstance(min_score, (int, float)) or \
            not 0.0 <= min_score <= 1.0:
        raise InvalidInput(f"min_score must be a number between 0 and 1, not {min_score!r}.")


def _first(objects: Objects, max_results: int) -> Objects:
    return dataclasses.replace(objects, items=objects.items[:max_results])


def _filter_labels(labels: Labels, max_results: int, min_score: float) -> Labels:
    kept = tuple(sorted((x for x in labels if x.score >= min_score),
                        key=lambda x: -x.score))[:max_results]
    return dataclasses.replace(labels, items=kept)
