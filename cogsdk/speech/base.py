"""The contract every speech backend fulfils."""

from __future__ import annotations

import abc
import dataclasses
from typing import Any, Callable, ClassVar, Iterable, Iterator, Optional

from .._backend import Backend
from ..errors import UnsupportedFeature
from ..media import AudioInput
from .types import Transcript


@dataclasses.dataclass(frozen=True)
class TranscribeOptions:
    language: str = "en-US"
    word_timestamps: bool = False
    profanity_filter: bool = False
    progress: Optional[Callable[[float, float], None]] = None
    """Called as ``progress(done_seconds, total_seconds)`` on long audio."""
    model: Optional[str] = None
    """A backend-specific model name (local: ``"tiny.en"`` or ``"base"``); None picks one."""
    alternatives: int = 1
    """How many candidate transcripts to return (Google's ``max_alternatives``)."""
    phrases: tuple[str, ...] = ()
    """Words and names the audio likely holds, to bias the recogniser towards them."""
    punctuation: bool = True
    diarization: Optional[tuple[int, int]] = None
    """(min, max) speaker count: tag each word with its speaker."""


GOOGLE_MODELS = ("latest_long", "latest_short", "command_and_search", "phone_call", "video",
                 "default", "medical_conversation", "medical_dictation")
"""The model names Google Speech-to-Text v1 accepts."""
LOCAL_MODELS = ("tiny.en", "base")
"""The Whisper models the local backend ships."""


@dataclasses.dataclass(frozen=True)
class StreamFormat:
    """How the chunks given to :meth:`SpeechBackend.stream` are encoded."""

    encoding: Optional[str] = None
    """Google's name (``"LINEAR16"``, ``"MULAW"``, ``"FLAC"``, ``"OGG_OPUS"``...); None:
    sniffed from the first chunk, or float/int samples when chunks are numpy arrays."""
    sample_rate: Optional[int] = None
    """Needed for headerless LINEAR16/MULAW bytes and for numpy chunks."""


class SpeechBackend(Backend, abc.ABC):
    service = "speech"
    name: ClassVar[str]

    @abc.abstractmethod
    def transcribe(self, audio: AudioInput, options: TranscribeOptions) -> Transcript:
        """Recognise one audio input."""

    def stream(self, chunks: Iterable[Any], options: TranscribeOptions,
               audio_format: StreamFormat) -> Iterator[Transcript]:
        """Recognise audio as it arrives: partial results (``is_final=False``), then one final.

        Optional. Check what can be checked before returning the iterator, so that
        ``auto`` routing can fall back when a backend cannot stream.
        """
        raise UnsupportedFeature(f"The {self.name} speech backend cannot stream; use "
                                 "another backend (routes={'speech.stream': ...}).")
