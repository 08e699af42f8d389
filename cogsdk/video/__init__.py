"""``cogsdk.video``: the :class:`Video` facade and its result types.

``cogsdk.video.shots(path)`` (any public method) runs on the default client.
"""

from .facade import Video
from .types import *  # noqa: F403
from .types import __all__ as _types
from .._facade import default_shortcut

__all__ = ["Video", *_types]
__getattr__ = default_shortcut(Video)
