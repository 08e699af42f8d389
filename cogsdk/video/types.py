"""Result types of ``cog.video``; all times are seconds from the start of the video."""

from __future__ import annotations

import dataclasses

from typing import Optional

from .._types import BoundingBox, Item, Likelihood, Result, ResultList

__all__ = ["Segment", "VideoLabel", "VideoLabels", "Shot", "Shots", "TimedBox", "FaceTrack",
           "VideoFaces", "ExplicitFrame", "ExplicitContent", "TextSegment", "VideoText",
           "SpeechSegment", "VideoTranscript", "ObjectTrack", "VideoObjects",
           "VideoAnnotation", "VIDEO_FEATURES"]

VIDEO_FEATURES = ("labels", "shots", "faces", "explicit_content", "text", "transcribe",
                  "objects")
"""Feature names accepted by :meth:`cogsdk.video.Video.annotate`."""


@dataclasses.dataclass(frozen=True)
class Segment(Item):
    start: float
    end: float
    confidence: float = 0.0


@dataclasses.dataclass(frozen=True)
class VideoLabel(Item):
    """A label with where it was seen. ``scope`` is ``"segment"`` (whole video) or ``"shot"``."""

    description: str
    confidence: float
    segments: tuple[Segment, ...] = ()
    mid: str = ""
    categories: tuple[str, ...] = ()
    scope: str = "segment"


@dataclasses.dataclass(frozen=True, kw_only=True)
class VideoLabels(ResultList[VideoLabel]):
    """Labels of the whole video first (best first), then the per-shot labels."""

    @property
    def segment_labels(self) -> list[VideoLabel]:
        return [x for x in self.items if x.scope == "segment"]

    @property
    def shot_labels(self) -> list[VideoLabel]:
        return [x for x in self.items if x.scope == "shot"]


@dataclasses.dataclass(frozen=True)
class Shot(Item):
    start: float
    end: float

    def __iter__(self):  # lets ``start, end = shot`` work
        return iter((self.start, self.end))


@dataclasses.dataclass(frozen=True, kw_only=True)
class Shots(ResultList[Shot]):
    """Shots in time order."""


@dataclasses.dataclass(frozen=True)
class TimedBox(Item):
    """Where a tracked thing is at one time; the box is normalized (0..1 of the frame)."""

    time: float
    box: BoundingBox
    confidence: Optional[float] = None


@dataclasses.dataclass(frozen=True)
class FaceTrack(Item):
    """One face followed from ``start`` to ``end`` seconds."""

    start: float
    end: float
    confidence: float
    frames: tuple[TimedBox, ...] = ()


@dataclasses.dataclass(frozen=True, kw_only=True)
class VideoFaces(ResultList[FaceTrack]):
    """Face tracks in time order (Google's FACE_DETECTION)."""


@dataclasses.dataclass(frozen=True)
class ExplicitFrame(Item):
    """How likely one frame is to be pornographic."""

    time: float
    pornography: Likelihood


@dataclasses.dataclass(frozen=True, kw_only=True)
class ExplicitContent(ResultList[ExplicitFrame]):
    """Per-frame likelihoods in time order (Google's EXPLICIT_CONTENT_DETECTION)."""

    @property
    def worst(self) -> Likelihood:
        """The highest likelihood of any frame (``UNKNOWN`` when no frame was rated)."""
        return max((f.pornography for f in self.items), default=Likelihood.UNKNOWN)


@dataclasses.dataclass(frozen=True)
class TextSegment(Item):
    """One text seen on screen from ``start`` to ``end``, with its boxes."""

    text: str
    start: float
    end: float
    confidence: float
    frames: tuple[TimedBox, ...] = ()


@dataclasses.dataclass(frozen=True, kw_only=True)
class VideoText(ResultList[TextSegment]):
    """On-screen text in time order (Google's TEXT_DETECTION)."""


@dataclasses.dataclass(frozen=True)
class SpeechSegment(Item):
    """One stretch of speech; ``words`` are ``(word, start, end)``."""

    text: str
    start: float
    end: float
    confidence: Optional[float] = None
    words: tuple[tuple[str, float, float], ...] = ()


@dataclasses.dataclass(frozen=True, kw_only=True)
class VideoTranscript(ResultList[SpeechSegment]):
    """What was said in the video's audio (Google's SPEECH_TRANSCRIPTION)."""

    language: str = ""

    @property
    def text(self) -> str:
        """The whole transcript, segments joined by spaces."""
        return " ".join(s.text.strip() for s in self.items if s.text.strip())


@dataclasses.dataclass(frozen=True)
class ObjectTrack(Item):
    """One object followed across frames (Google's OBJECT_TRACKING)."""

    description: str
    confidence: float
    start: float
    end: float
    frames: tuple[TimedBox, ...] = ()
    mid: str = ""


@dataclasses.dataclass(frozen=True, kw_only=True)
class VideoObjects(ResultList[ObjectTrack]):
    """Object tracks, best first."""


@dataclasses.dataclass(frozen=True, kw_only=True)
class VideoAnnotation(Result):
    """Several features of one video; a feature that was not asked for is ``None``."""

    labels: Optional[VideoLabels] = None
    shots: Optional[Shots] = None
    faces: Optional[VideoFaces] = None
    explicit_content: Optional[ExplicitContent] = None
    text: Optional[VideoText] = None
    transcribe: Optional[VideoTranscript] = None
    objects: Optional[VideoObjects] = None
