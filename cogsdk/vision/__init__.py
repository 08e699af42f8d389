"""``cogsdk.vision``: the :class:`Vision` facade and its result types.

``cogsdk.vision.labels(image)`` (any public method) runs on the default client.
"""

from . import types as _types
from .facade import Vision
from .types import *  # noqa: F403  (every result type, as listed in types.__all__)
from .._facade import default_shortcut

__all__ = ["Vision", *_types.__all__]
__getattr__ = default_shortcut(Vision)
