"""Checks of the recognition options the speech facade takes, shared by its methods."""

from __future__ import annotations

from typing import Any, Optional

from ..errors import InvalidInput
from ..media import check_language_code
from .base import TranscribeOptions

MAX_ALTERNATIVES = 30  # Google's own bound on max_alternatives
MAX_SPEAKERS = 6  # Google's bound on max_speaker_count in v1


def build(language: str, *, alternatives: int = 1, phrases: Any = None,
          diarization: Any = None, **fields: Any) -> TranscribeOptions:
    """TranscribeOptions from the facade's arguments, or InvalidInput saying what is wrong."""
    return TranscribeOptions(language=check_language_code(language),
                             alternatives=_alternatives(alternatives),
                             phrases=_phrases(phrases), diarization=_speakers(diarization),
                             **fields)


def _alternatives(value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or \
            not 1 <= value <= MAX_ALTERNATIVES:
        raise InvalidInput(f"alternatives must be an int from 1 to {MAX_ALTERNATIVES}, not "
                           f"{value!r}.")
    return value


def _phrases(value: Any) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str) or not all(isinstance(p, str) for p in value):
        raise InvalidInput("phrases must be a list of strings, e.g. ['Siobhan Quigley'].")
    return tuple(p.strip() for p in value if p.strip())


def _speakers(value: Any) -> Optional[tuple[int, int]]:
    if value is None or value is False:
        return None
    if value is True:
        return (2, MAX_SPEAKERS)
    try:
        low, high = (int(v) for v in value)
    except (TypeError, ValueError):
        raise InvalidInput("diarization must be (min_speakers, max_speakers), e.g. (2, 3)."
                           ) from None
    if not 1 <= low <= high <= MAX_SPEAKERS:
        raise InvalidInput(f"diarization=({low}, {high}): need 1 <= min <= max <= "
                           f"{MAX_SPEAKERS}.")
    return (low, high)
