"""``cogsdk.video``: the :class:`Video` facade and its result types.

``cogsdk.video.shots(path)`` (any public method) runs on the default client.
"""

from .facade import Video
from .types import Segment, Shot, Shots, VideoLabel, VideoLabels
from .._facade import default_shortcut

__all__ = ["Video", "VideoLabels", "VideoLabel", "Segment", "Shots", "Shot"]
__getattr__ = default_shortcut(Video)
