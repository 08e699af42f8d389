"""cogsdk: vision, speech, language, translation and video on Google Cloud or offline.

    >>> from cogsdk import Cog
    >>> cog = Cog(mode="auto")
    >>> cog.vision.labels("cat.jpg")[0].description

or, with a default client configured from ``COGSDK_*`` environment variables::

    >>> import cogsdk as cog
    >>> cog.vision.labels("cat.jpg")

Everything below is imported on first use, so that ``import cogsdk`` stays fast.
"""

from __future__ import annotations

import threading as _threading
from typing import TYPE_CHECKING, Any as _Any

from .errors import (BackendError, BackendTimeout, CogError, ConfigurationError,
                     InvalidInput, MissingCredentials, MissingDependency, OfflineViolation,
                     PermissionDenied, QuotaExceeded, RateLimited, ServiceUnavailable,
                     UnsupportedFeature, UnsupportedLanguage)

if TYPE_CHECKING:
    from ._client import Cog
    from ._registry import BackendSpec
    from ._types import BoundingBox, Likelihood, Point
    from .language.types import (Categories, Category, Entities, Entity, Mention,
                                 SentenceSentiment, Sentiment, Syntax, Token)
    from .speech.types import Transcript, Word
    from .translation.types import DetectedLanguage, Translation
    from .video.types import Segment, Shot, Shots, VideoLabel, VideoLabels
    from .vision.types import (Annotation, Color, Face, Faces, ImageProperties, Label,
                               Labels, Landmark, SafeSearch, TextBlock, TextLine, TextResult)

__version__ = "0.1.0"

_LAZY = {  # public name -> the module that defines it
    "Cog": "._client", "BackendSpec": "._registry",
    **dict.fromkeys(("BoundingBox", "Likelihood", "Point"), "._types"),
    **dict.fromkeys(("Annotation", "Color", "Face", "Faces", "ImageProperties", "Label",
                     "Labels", "Landmark", "SafeSearch", "TextBlock", "TextLine",
                     "TextResult"), ".vision.types"),
    **dict.fromkeys(("Transcript", "Word"), ".speech.types"),
    **dict.fromkeys(("Categories", "Category", "Entities", "Entity", "Mention",
                     "SentenceSentiment", "Sentiment", "Syntax", "Token"), ".language.types"),
    **dict.fromkeys(("DetectedLanguage", "Translation"), ".translation.types"),
    **dict.fromkeys(("Segment", "Shot", "Shots", "VideoLabel", "VideoLabels"),
                    ".video.types"),
}
_SERVICES = ("vision", "speech", "language", "translation", "video")

__all__ = [
    *_LAZY, *_SERVICES,
    "CogError", "ConfigurationError", "MissingCredentials", "MissingDependency",
    "InvalidInput", "OfflineViolation", "UnsupportedFeature", "UnsupportedLanguage",
    "BackendError", "RateLimited", "ServiceUnavailable", "PermissionDenied",
    "BackendTimeout", "QuotaExceeded",
    "default_client", "set_default_client", "draw", "register_backend", "registered_backends",
]

_default: "Cog | None" = None
_default_lock = _threading.Lock()


def default_client() -> "Cog":
    """The shared client behind ``cogsdk.vision`` etc., built from the environment."""
    global _default
    with _default_lock:
        if _default is None:
            from ._client import Cog

            _default = Cog()
        return _default


def set_default_client(client: "Cog | None") -> None:
    """Make ``client`` the one behind ``cogsdk.vision`` etc.; ``None`` rebuilds it from
    the environment on next use."""
    global _default
    with _default_lock:
        _default = client


def draw(image: _Any, result: _Any, **kwargs: _Any) -> _Any:
    """Return a PIL image with ``result`` (faces, text, labels...) drawn on ``image``."""
    from ._draw import draw as _draw

    return _draw(image, result, **kwargs)


def register_backend(service: str, name: str, path: _Any, **options: _Any) -> "BackendSpec":
    """Register a backend class by ``"package.module:Class"`` path (imported on first use).

    Options: ``extra`` (the pip extra it needs), ``kind`` (``"cloud"`` or ``"local"``),
    ``probe`` and ``replace`` (a taken name is refused unless ``replace=True``).
    """
    from ._registry import register

    return register(service, name, path, **options)


def registered_backends() -> _Any:
    """A read-only view ``{service: {name: BackendSpec}}`` of the registered backends."""
    from ._registry import registered

    return registered()


def __getattr__(name: str) -> _Any:
    import importlib

    if name in _SERVICES:  # the subpackage: its functions use the default client
        return importlib.import_module(f".{name}", __name__)
    if name in _LAZY:
        value = getattr(importlib.import_module(_LAZY[name], __name__), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'cogsdk' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(__all__)
