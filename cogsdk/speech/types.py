"""Result types of ``cog.speech``."""

from __future__ import annotations

import dataclasses
from typing import Optional

from .._types import Item, Result

__all__ = ["Word", "Alternative", "Transcript"]


@dataclasses.dataclass(frozen=True)
class Word(Item):
    """One recognised word; ``start`` and ``end`` are seconds from the start of the audio."""

    word: str
    start: float
    end: float
    confidence: Optional[float] = None
    speaker: Optional[int] = None
    """The speaker tag (1, 2...) when ``diarization=`` was asked for; ``None`` otherwise."""


@dataclasses.dataclass(frozen=True)
class Alternative(Item):
    """One candidate transcript of the whole audio, as the recogniser ranked it."""

    text: str
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
    alternatives: tuple[Alternative, ...] = ()
    """The candidates, best first (the first is ``text``), when ``alternatives=N`` > 1 was
    asked for; a backend may give fewer than N (see its ``raw``)."""
