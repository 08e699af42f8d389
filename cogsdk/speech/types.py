"""Result types of ``cog.speech``."""

from __future__ import annotations

import dataclasses
from typing import Optional

from .._types import Item, Result

__all__ = ["Word", "Transcript"]


@dataclasses.dataclass(frozen=True)
class Word(Item):
    """One recognised word; ``start`` and ``end`` are seconds from the start of the audio."""

    word: str
    start: float
    end: float
    confidence: Optional[float] = None


@dataclasses.dataclass(frozen=True, kw_only=True)
class Transcript(Result):
    """What was said. ``words`` is filled when ``word_timestamps=True`` was asked for."""

    text: str = ""
    """The whole transcript, segments joined by spaces."""
    confidence: Optional[float] = None
    """Mean confidence in 0..1 as reported by the recogniser; ``None`` if it gave none."""
    language: str = ""
    """BCP-47 code of the spoken language."""
    words: tuple[Word, ...] = ()
    is_final: bool = True
    """``False`` for the partial results of :meth:`cogsdk.speech.Speech.stream`."""
