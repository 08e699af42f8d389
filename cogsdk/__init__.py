"""cogsdk: vision, speech, language, translation and video on Google Cloud or offline.

    >>> from cogsdk import Cog
    >>> cog = Cog(mode="auto")
    >>> cog.vision.labels("cat.jpg")[0].description

or, with a default client configured from ``COGSDK_*`` environment variables::

    >>> import cogsdk as cog
    >>> cog.vision.labels("cat.jpg")
"""

from __future__ import annotations

import logging as _logging
import threading as _threading
from typing import Any as _Any

from ._client import Cog
from ._types import BoundingBox, Likelihood, Point
from .errors import (BackendError, BackendTimeout, CogError, ConfigurationError,
                     InvalidInput, MissingCredentials, MissingDependency, OfflineViolation,
                     PermissionDenied,
                     QuotaExceeded, RateLimited, ServiceUnavailable, UnsupportedFeature,
                     UnsupportedLanguage)

__version__ = "0.1.0"

# ``cogsdk.vision`` etc. must reach the default client's services (module __getattr__
# below), not the subpackages that ``_client`` imported: drop the package attributes.
for _name in ("vision", "speech", "language", "translation", "video"):
    globals().pop(_name, None)

__all__ = [
    "Cog", "Likelihood", "BoundingBox", "Point",
    "CogError", "ConfigurationError", "MissingCredentials", "MissingDependency",
    "InvalidInput", "OfflineViolation", "UnsupportedFeature", "UnsupportedLanguage", "BackendError",
    "RateLimited", "ServiceUnavailable", "PermissionDenied", "BackendTimeout",
    "QuotaExceeded", "default_client", "draw",
]

# A library logs, the app decides where it goes (retries and fallbacks are WARNINGs).
_logging.getLogger("cogsdk").addHandler(_logging.NullHandler())

_SERVICES = ("vision", "speech", "language", "translation", "video")
_default: Cog | None = None
_default_lock = _threading.Lock()


def default_client() -> Cog:
    """The shared client behind ``cogsdk.vision`` etc., built from the environment."""
    global _default
    with _default_lock:
        if _default is None:
            _default = Cog()
        return _default


def draw(image: _Any, result: _Any, **kwargs: _Any):
    """Return a PIL image with ``result`` (faces, text, labels...) drawn on ``image``."""
    from ._draw import draw as _draw

    return _draw(image, result, **kwargs)


def __getattr__(name: str) -> _Any:
    if name in _SERVICES:
        return getattr(default_client(), name)
    raise AttributeError(f"module 'cogsdk' has no attribute {name!r}")
