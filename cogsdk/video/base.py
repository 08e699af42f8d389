"""The contract every video backend fulfils."""

from __future__ import annotations

import abc
from typing import Callable, ClassVar, Optional, Sequence

from ..media import VideoInput
from .._backend import Backend
from ..errors import UnsupportedFeature
from .types import (ExplicitContent, Shots, VideoAnnotation, VideoFaces, VideoLabels,
                    VideoObjects, VideoText, VideoTranscript)

Progress = Optional[Callable[[float, float], None]]
"""``progress(done, total)``; units are the backend's (percent for the cloud)."""


class VideoBackend(Backend, abc.ABC):
    """Labels and shots are required; every other feature defaults to UnsupportedFeature,
    so a backend serves only what it really can."""

    service = "video"
    name: ClassVar[str]

    @abc.abstractmethod
    def labels(self, video: VideoInput, progress: Progress) -> VideoLabels: ...

    @abc.abstractmethod
    def shots(self, video: VideoInput, progress: Progress) -> Shots: ...

    def faces(self, video: VideoInput, progress: Progress) -> VideoFaces:
        raise self._unsupported("faces")

    def explicit_content(self, video: VideoInput, progress: Progress) -> ExplicitContent:
        raise self._unsupported("explicit_content")

    def text(self, video: VideoInput, progress: Progress) -> VideoText:
        raise self._unsupported("text")

    def transcribe(self, video: VideoInput, progress: Progress,
                   language: str) -> VideoTranscript:
        raise self._unsupported("transcribe")

    def objects(self, video: VideoInput, progress: Progress) -> VideoObjects:
        raise self._unsupported("objects")

    def annotate(self, video: VideoInput, progress: Progress, features: Sequence[str],
                 language: str) -> VideoAnnotation:
        """Default: one call per feature (a backend that can share work overrides it)."""
        parts = {}
        for name in features:
            options = {"language": language} if name == "transcribe" else {}
            parts[name] = getattr(self, name)(video, progress, **options)
        first = next(iter(parts.values()))
        return VideoAnnotation(backend=first.backend, model="+".join(
            dict.fromkeys(p.model for p in parts.values())), **parts)

    def _unsupported(self, feature: str) -> UnsupportedFeature:
        return UnsupportedFeature(f"The {self.name} video backend cannot do {feature}. "
                                  "Use mode='cloud' (or 'auto' with credentials).")
