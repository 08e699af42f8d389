"""The contract every speech backend fulfils."""

from __future__ import annotations

import abc
import dataclasses
from typing import Callable, ClassVar, Optional

from ..media import AudioInput
from .types import Transcript


@dataclasses.dataclass(frozen=True)
class TranscribeOptions:
    language: str = "en-US"
    word_timestamps: bool = False
    profanity_filter: bool = False
    progress: Optional[Callable[[float, float], None]] = None
    """Called as ``progress(done_seconds, total_seconds)`` on long audio."""


class SpeechBackend(abc.ABC):
    name: ClassVar[str]

    @abc.abstractmethod
    def transcribe(self, audio: AudioInput, options: TranscribeOptions) -> Transcript:
        """Recognise one audio input."""
