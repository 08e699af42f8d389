"""``cog.video``: labels per video and per shot, and shot changes."""

from __future__ import annotations

from typing import Any, Callable, Optional, overload

from .._batch import each
from .._facade import Facade, Many
from ..errors import CogError
from ..media import load_video
from .types import Shots, VideoLabels

__all__ = ["Video"]
ProgressCallback = Optional[Callable[[float, float], None]]


class Video(Facade):
    """Video analysis. ``video`` is a path, bytes, or a ``gs://`` URI (cloud); a list
    returns a list in input order, with a failing video's CogError in its slot."""

    service = "video"

    @overload
    def labels(self, video: Many, progress: ProgressCallback = ...
               ) -> list[VideoLabels | CogError]: ...
    @overload
    def labels(self, video: Any, progress: ProgressCallback = ...) -> VideoLabels: ...

    def labels(self, video: Any, progress: ProgressCallback = None) -> Any:
        """Labels for the whole video (``scope="segment"``) and per shot (``"shot"``)."""
        return self._each(video, "labels", progress)

    @overload
    def shots(self, video: Many, progress: ProgressCallback = ...) -> list[Shots | CogError]: ...
    @overload
    def shots(self, video: Any, progress: ProgressCallback = ...) -> Shots: ...

    def shots(self, video: Any, progress: ProgressCallback = None) -> Any:
        """Shot boundaries as ``Shot(start, end)`` in seconds."""
        return self._each(video, "shots", progress)

    def _each(self, video: Any, method: str, progress: ProgressCallback) -> Any:
        return self._list(method, video, load_video,
                          each(lambda backend, item: getattr(backend, method)(item, progress)))
