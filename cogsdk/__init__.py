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
    from .batch.predictor import Predictor
    from ._types import BoundingBox, Likelihood, Point
    from .language.types import *  # noqa: F403
    from .speech.types import *  # noqa: F403
    from .translation.types import *  # noqa: F403
    from .video.types import *  # noqa: F403
    from .vision.types import *  # noqa: F403

__version__ = "0.1.0"

_SERVICES = ("vision", "speech", "language", "translation", "video")
_CORE = {"Cog": "._client", "BackendSpec": "._registry", "Predictor": ".batch.predictor", "BoundingBox": "._types",
         "Likelihood": "._types", "Point": "._types"}
_EAGER = [
    "CogError", "ConfigurationError", "MissingCredentials", "MissingDependency",
    "InvalidInput", "OfflineViolation", "UnsupportedFeature", "UnsupportedLanguage",
    "BackendError", "RateLimited", "ServiceUnavailable", "PermissionDenied",
    "BackendTimeout", "QuotaExceeded",
    "default_client", "set_default_client", "draw", "register_backend", "registered_backends",
]


def _result_types() -> dict[str, str]:
    """Every class a family's ``types`` module exports, by name -> module (so that a new
    result type needs no line here)."""
    import importlib

    found = {}
    for service in _SERVICES:
        module = importlib.import_module(f".{service}.types", __name__)
        found.update({name: module.__name__ for name in module.__all__
                      if isinstance(getattr(module, name), type)})
    return found


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

    if name == "__all__":  # computed, so that it lists every family's result types
        return [*_CORE, *_result_types(), *_SERVICES, *_EAGER]
    if name in _SERVICES:  # the subpackage: its functions use the default client
        return importlib.import_module(f".{name}", __name__)
    module = _CORE.get(name) or _result_types().get(name)
    if module is None:
        raise AttributeError(f"module 'cogsdk' has no attribute {name!r}")
    value = getattr(importlib.import_module(module, __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(__getattr__("__all__"))
