"""``cog.video``: labels, shots, faces, explicit content, on-screen text, speech, objects."""

from __future__ import annotations

from typing import Any, Callable, Iterable, Optional, overload

from .._batch import each
from .._facade import Facade, Many
from ..errors import CogError, InvalidInput
from ..media import load_video
from .types import (VIDEO_FEATURES, ExplicitContent, Shots, VideoAnnotation, VideoFaces,
                    VideoLabels, VideoObjects, VideoText, VideoTranscript)

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

    @overload
    def faces(self, video: Many, progress: ProgressCallback = ...
              ) -> list[VideoFaces | CogError]: ...
    @overload
    def faces(self, video: Any, progress: ProgressCallback = ...) -> VideoFaces: ...

    def faces(self, video: Any, progress: ProgressCallback = None) -> Any:
        """Face tracks: start, end, confidence and normalized boxes over time."""
        return self._each(video, "faces", progress)

    @overload
    def explicit_content(self, video: Many, progress: ProgressCallback = ...
                         ) -> list[ExplicitContent | CogError]: ...
    @overload
    def explicit_content(self, video: Any, progress: ProgressCallback = ...
                         ) -> ExplicitContent: ...

    def explicit_content(self, video: Any, progress: ProgressCallback = None) -> Any:
        """Per-frame pornography likelihood (``cogsdk.Likelihood``)."""
        return self._each(video, "explicit_content", progress)

    @overload
    def text(self, video: Many, progress: ProgressCallback = ...
             ) -> list[VideoText | CogError]: ...
    @overload
    def text(self, video: Any, progress: ProgressCallback = ...) -> VideoText: ...

    def text(self, video: Any, progress: ProgressCallback = None) -> Any:
        """On-screen text segments with their times and normalized boxes."""
        return self._each(video, "text", progress)

    @overload
    def transcribe(self, video: Many, language: str = ..., progress: ProgressCallback = ...
                   ) -> list[VideoTranscript | CogError]: ...
    @overload
    def transcribe(self, video: Any, language: str = ..., progress: ProgressCallback = ...
                   ) -> VideoTranscript: ...

    def transcribe(self, video: Any, language: str = "en-US",
                   progress: ProgressCallback = None) -> Any:
        """What is said in the audio track, in segments with word times."""
        return self._each(video, "transcribe", progress, language=language)

    @overload
    def objects(self, video: Many, progress: ProgressCallback = ...
                ) -> list[VideoObjects | CogError]: ...
    @overload
    def objects(self, video: Any, progress: ProgressCallback = ...) -> VideoObjects: ...

    def objects(self, video: Any, progress: ProgressCallback = None) -> Any:
        """Object tracks: name, confidence, and normalized boxes over time."""
        return self._each(video, "objects", progress)

    @overload
    def annotate(self, video: Many, features: Iterable[str] = ..., language: str = ...,
                 progress: ProgressCallback = ...) -> list[VideoAnnotation | CogError]: ...
    @overload
    def annotate(self, video: Any, features: Iterable[str] = ..., language: str = ...,
                 progress: ProgressCallback = ...) -> VideoAnnotation: ...

    def annotate(self, video: Any, features: Iterable[str] = ("labels", "shots"),
                 language: str = "en-US", progress: ProgressCallback = None) -> Any:
        """Several features of each video in one operation (cloud) or one decode (local)."""
        wanted = list(dict.fromkeys([features] if isinstance(features, str) else features))
        unknown = [name for name in wanted if name not in VIDEO_FEATURES]
        if unknown or not wanted:
            raise InvalidInput(f"Unknown or no features {unknown}; choose from "
                               f"{VIDEO_FEATURES}.")
        return self._each(video, "annotate", progress, features=tuple(wanted),
                          language=language)

    def _each(self, video: Any, method: str, progress: ProgressCallback, **options) -> Any:
        return self._list(method, video, load_video, each(
            lambda backend, item: getattr(backend, method)(item, progress, **options)))
