"""``cog.vision``: labels, faces, text (OCR), safe search, colours, logos, landmarks."""

from __future__ import annotations

import dataclasses
from typing import Any, Iterable, Optional, Sequence

from .._batch import is_many, load_all, run_valid, single
from ..errors import BackendError, CogError, InvalidInput, UnsupportedFeature
from ..media import load_image
from .types import (FEATURES, Annotation, Faces, ImageProperties, Labels, SafeSearch,
                    TextResult)

__all__ = ["Vision"]


class Vision:
    """Image analysis. Every method takes one image or a list of images.

    An image is a path, bytes, a binary file, a ``PIL.Image``, an HxWx3 uint8 numpy array,
    or a ``gs://`` / ``https://`` URI (sent by reference, cloud only). A list returns a list
    in the same order; an image that fails holds its :class:`~cogsdk.errors.CogError` in
    its slot instead of stopping the others.
    """

    def __init__(self, router) -> None:
        self._router = router

    def labels(self, image: Any, max_results: int = 10, min_score: float = 0.0) -> Labels:
        """What the image shows, best first (``Label(description, score, mid)``)."""
        _check_limits(max_results, min_score)
        return self._feature(image, "labels", {"max_results": max_results},
                             lambda result: _filter_labels(result, max_results, min_score))

    def faces(self, image: Any, max_results: int = 50) -> Faces:
        """Faces with box, landmarks, roll/pan/tilt and joy/sorrow/anger/surprise."""
        return self._feature(image, "faces", {"max_results": max_results})

    def text(self, image: Any, languages: Optional[Sequence[str]] = None) -> TextResult:
        """Text in the image (OCR): ``.text`` and ``.blocks`` with boxes.

        ``languages`` are BCP-47 hints such as ``["en", "de"]``.
        """
        if isinstance(languages, str):
            languages = [languages]
        return self._feature(image, "text", {"languages": list(languages or [])})

    def safe_search(self, image: Any) -> SafeSearch:
        """Likelihood of adult, racy, violence, medical and spoof content."""
        return self._feature(image, "safe_search", {})

    def properties(self, image: Any, max_colors: int = 10) -> ImageProperties:
        """Dominant colours with score and pixel fraction."""
        return self._feature(image, "properties", {"max_results": max_colors})

    def logos(self, image: Any, max_results: int = 10) -> Labels:
        """Known logos (cloud only)."""
        return self._feature(image, "logos", {"max_results": max_results})

    def landmarks(self, image: Any, max_results: int = 10) -> Labels:
        """Known landmarks (cloud only)."""
        return self._feature(image, "landmarks", {"max_results": max_results})

    def annotate(self, image: Any, features: Iterable[str] = ("labels", "faces", "text",
                                                              "safe_search")) -> Annotation:
        """Several features of each image in one request (one decode locally)."""
        if isinstance(features, str):
            features = [features]
        wanted = list(dict.fromkeys(features))
        unknown = [name for name in wanted if name not in FEATURES]
        if unknown or not wanted:
            raise InvalidInput(f"Unknown or no features {unknown}; choose from {FEATURES}.")
        return self._annotate(image, {name: {} for name in wanted}, "annotate")

    def _feature(self, image: Any, name: str, options: dict, finish=lambda result: result):
        def pick(annotation):
            if isinstance(annotation, CogError):
                return annotation
            part = finish(getattr(annotation, name))
            if annotation.fallback_reason:  # the router marked the whole annotation
                part = dataclasses.replace(part, fallback_reason=annotation.fallback_reason)
            return part
        results = self._annotate(image, {name: options}, name, many_result=True)
        picked = [pick(item) for item in results]
        return picked if is_many(image) else single(picked)

    def _annotate(self, image: Any, features: dict, method: str, many_result: bool = False):
        items = list(image) if is_many(image) else [image]
        loaded = load_all(items, self._router.loader(load_image))

        def run(backend):
            _require(backend, features)
            answers = run_valid(loaded, lambda valid: backend.annotate(valid, features))
            _raise_if_backend_down(loaded, answers)
            return answers
        try:
            results = self._router.call("vision", method, run)
        except BackendError as error:
            if not is_many(image):
                raise
            results = [item if isinstance(item, CogError) else error for item in loaded]
        if many_result or is_many(image):
            return results
        return single(results)


def _raise_if_backend_down(loaded: list, answers: list) -> None:
    """When every image failed in the backend, the backend failed: let the router see it."""
    failed = [answer for item, answer in zip(loaded, answers)
              if not isinstance(item, CogError)]
    if failed and all(isinstance(answer, BackendError) for answer in failed):
        raise failed[0]


def _require(backend, features: dict) -> None:
    missing = sorted(set(features) - backend.features)
    if missing:
        raise UnsupportedFeature(f"The {backend.name} vision backend cannot do {missing}. "
                                 "Use mode='cloud' (or 'auto' with credentials).")


def _check_limits(max_results: int, min_score: float) -> None:
    if not isinstance(max_results, int) or max_results < 1:
        raise InvalidInput("max_results must be a positive integer.")
    if not 0.0 <= min_score <= 1.0:
        raise InvalidInput("min_score must be between 0 and 1.")


def _filter_labels(labels: Labels, max_results: int, min_score: float) -> Labels:
    kept = tuple(sorted((x for x in labels if x.score >= min_score),
                        key=lambda x: -x.score))[:max_results]
    return dataclasses.replace(labels, items=kept)
