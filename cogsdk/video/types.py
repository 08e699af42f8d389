"""Result types of ``cog.video``; all times are seconds from the start of the video."""

from __future__ import annotations

import dataclasses

from .._types import Item, ResultList

__all__ = ["Segment", "VideoLabel", "VideoLabels", "Shot", "Shots"]


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
