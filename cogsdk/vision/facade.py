"""``cog.vision``: labels, faces, text (OCR), safe search, colours, logos, landmarks."""

from __future__ import annotations

import dataclasses
from typing import Any, Iterable, Optional, Sequence, overload

from .._facade import Facade, Many
from ..errors import CogError, InvalidInput, UnsupportedFeature
from ..media import load_image
from .types import (FEATURES, Annotation, Faces, ImageProperties, Labels, SafeSearch,
                    TextResult)

__all__ = ["Vision"]
_ALL = ("labels", "faces", "text", "safe_search")


class Vision(Facade):
    """Image analysis. Every method takes one image or a list of images.

    An image is a path, bytes, a binary file, a ``PIL.Image``, an HxWx3 uint8 numpy array,
    or a ``gs://`` / ``https://`` URI (sent by reference, cloud only). A list returns a list
    in the same order; an image that fails holds its :class:`~cogsdk.errors.CogError` in
    its slot instead of stopping the others.
    """

    service = "vision"

    @overload
    def labels(self, image: Many, max_results: int = ...,
               min_score: float = ...) -> list[Labels | CogError]: ...
    @overload
    def labels(self, image: Any, max_results: int = ..., min_score: float = ...) -> Labels: ...

    def labels(self, image: Any, max_results: int = 10, min_score: float = 0.0) -> Any:
        """What the image shows, best first (``Label(description, score, mid)``)."""
        _check_limits(max_results, min_score)
        return self._feature(image, "labels", {"max_results": max_results},
                             lambda result: _filter_labels(result, max_results, min_score))

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


def _check_limits(max_results: int, min_score: float = 0.0) -> None:
    if isinstance(max_results, bool) or not isinstance(max_results, int) or max_results < 1:
        raise InvalidInput(f"max_results must be a positive integer, not {max_results!r}.")
    if isinstance(min_score, bool) or not isinstance(min_score, (int, float)) or \
            not 0.0 <= min_score <= 1.0:
        raise InvalidInput(f"min_score must be a number between 0 and 1, not {min_score!r}.")


def _filter_labels(labels: Labels, max_results: int, min_score: float) -> Labels:
    kept = tuple(sorted((x for x in labels if x.score >= min_score),
                        key=lambda x: -x.score))[:max_results]
    return dataclasses.replace(labels, items=kept)
