"""``cog.video``: labels per video and per shot, and shot changes."""

from __future__ import annotations

from typing import Any, Callable, Optional

from .._batch import is_many, load_all, single
from ..errors import CogError
from ..media import load_video
from .types import Segment, Shot, Shots, VideoLabel, VideoLabels

__all__ = ["Video", "VideoLabels", "VideoLabel", "Segment", "Shots", "Shot"]


class Video:
    """Video analysis. ``video`` is a path, bytes, or a ``gs://`` URI (cloud); a list
    returns a list in input order, with a failing video's CogError in its slot."""

    def __init__(self, router) -> None:
        self._router = router

    def labels(self, video: Any,
               progress: Optional[Callable[[float, float], None]] = None) -> VideoLabels:
        """Labels for the whole video (``scope="segment"``) and per shot (``"shot"``)."""
        return self._each(video, "labels", progress)

    def shots(self, video: Any,
              progress: Optional[Callable[[float, float], None]] = None) -> Shots:
        """Shot boundaries as ``Shot(start, end)`` in seconds."""
        return self._each(video, "shots", progress)

    def _each(self, video: Any, method: str, progress):
        items = list(video) if is_many(video) else [video]
        results = [item if isinstance(item, CogError) else self._one(method, item, progress)
                   for item in load_all(items, self._router.loader(load_video))]
        return results if is_many(video) else single(results)

    def _one(self, method: str, video, progress):
        try:
            return self._router.call("video", method, lambda backend: getattr(
                backend, method)(video, progress))
        except CogError as error:
            return error
