"""``cog.speech``: speech-to-text, whole files and streams."""

from __future__ import annotations

import collections.abc
from typing import Any, Callable, Iterable, Iterator, Optional, Sequence, overload

from .._batch import each
from .._facade import Facade, Many
from ..errors import CogError, InvalidInput
from ..media import load_audio
from ..media.audio import ENCODINGS
from . import _options
from .base import StreamFormat
from .types import Transcript

__all__ = ["Speech"]
ProgressCallback = Optional[Callable[[float, float], None]]


class Speech(Facade):
    """Speech recognition. ``audio`` is a path, bytes, a binary file, a ``gs://`` URI, or a
    numpy array together with ``sample_rate``; a list returns a list in input order."""

    service = "speech"

    @overload
    def transcribe(self, audio: Many, language: str = ..., word_timestamps: bool = ...,
                   sample_rate: Optional[int] = ..., encoding: Optional[str] = ..., *,
                   profanity_filter: bool = ..., progress: ProgressCallback = ...,
                   model: Optional[str] = ..., alternatives: int = ...,
                   phrases: Optional[Sequence[str]] = ..., punctuation: bool = ...,
                   diarization: Optional[tuple[int, int]] = ...) -> list[Transcript | CogError]: ...
    @overload
    def transcribe(self, audio: Any, language: str = ..., word_timestamps: bool = ...,
                   sample_rate: Optional[int] = ..., encoding: Optional[str] = ..., *,
                   profanity_filter: bool = ..., progress: ProgressCallback = ...,
                   model: Optional[str] = ..., alternatives: int = ...,
                   phrases: Optional[Sequence[str]] = ..., punctuation: bool = ...,
                   diarization: Optional[tuple[int, int]] = ...) -> Transcript: ...

    def transcribe(self, audio: Any, language: str = "en-US", word_timestamps: bool = False,
                   sample_rate: Optional[int] = None, encoding: Optional[str] = None, *,
                   profanity_filter: bool = False, progress: ProgressCallback = None,
                   model: Optional[str] = None, alternatives: int = 1,
                   phrases: Optional[Sequence[str]] = None, punctuation: bool = True,
                   diarization: Optional[tuple[int, int]] = None) -> Any:
        """Transcribe speech.

        Args:
            language: BCP-47 code of the spoken language, e.g. ``"en-US"``, ``"de-DE"``.
            word_timestamps: fill ``Transcript.words`` with start/end seconds.
            sample_rate: needed for raw audio and numpy arrays; read from the header else.
            encoding: Google's name (``"LINEAR16"``, ``"FLAC"``, ``"MULAW"``, ``"AMR"``,
                ``"OGG_OPUS"``, ``"MP3"``...) for headerless audio; sniffed otherwise.
            progress: ``progress(done_seconds, total_seconds)`` while long audio is decoded.
            model: a backend-specific model; locally ``"tiny.en"`` (English default) or
                ``"base"`` (multilingual, the default for other languages); on Google one of
                ``GOOGLE_MODELS`` (``"latest_long"``, ``"phone_call"``...).
            alternatives: fill ``Transcript.alternatives`` with up to N candidates. Locally
                faster-whisper gives only its best beam, so there is one.
            phrases: names and words to expect (Google's speech contexts; locally
                Whisper's hotwords), so that a rare name is spelt right.
            punctuation: ``False`` gives the text without punctuation.
            diarization: ``(min, max)`` speakers: each ``Word.speaker`` is set (Google
                only; the local backend raises UnsupportedFeature).
        """
        options = _options.build(language, word_timestamps=word_timestamps,
                                 profanity_filter=profanity_filter, progress=progress,
                                 model=model, alternatives=alternatives, phrases=phrases,
                                 punctuation=punctuation, diarization=diarization)
        return self._list("transcribe", audio, lambda x: load_audio(x, sample_rate, encoding),
                          each(lambda backend, item: backend.transcribe(item, options)))

    def stream(self, chunks: Iterable[Any], language: str = "en-US",
               sample_rate: Optional[int] = None, encoding: Optional[str] = None, *,
               word_timestamps: bool = False, profanity_filter: bool = False,
               model: Optional[str] = None, alternatives: int = 1,
               phrases: Optional[Sequence[str]] = None, punctuation: bool = True,
               diarization: Optional[tuple[int, int]] = None) -> Iterator[Transcript]:
        """Transcribe audio while it arrives.

        ``chunks`` is any iterable of bytes (raw LINEAR16/MULAW at ``sample_rate``, or the
        successive pieces of a FLAC/OGG/MP3/WAV stream) or of numpy sample arrays at
        ``sample_rate``. Yields partial transcripts (``is_final=False``) of everything heard
        so far, then one final transcript (``is_final=True``) when the chunks end. The
        options are those of :meth:`transcribe`.
        """
        _check_chunks(chunks)
        options = _options.build(language, word_timestamps=word_timestamps,
                                 profanity_filter=profanity_filter, model=model,
                                 alternatives=alternatives, phrases=phrases,
                                 punctuation=punctuation, diarization=diarization)
        if encoding is not None:
            encoding = str(encoding).upper()
            if encoding not in ENCODINGS:
                raise InvalidInput(f"Unknown audio encoding {encoding!r}; use one of "
                                   f"{ENCODINGS}.")
        audio_format = StreamFormat(encoding=encoding, sample_rate=sample_rate)
        return self._router.call("speech", "stream",
                                 lambda backend: backend.stream(chunks, options, audio_format))


def _check_chunks(chunks: Any) -> None:
    """Refuse up front what cannot be a stream of chunks (a number, one bytes object)."""
    if isinstance(chunks, (str, bytes, bytearray, memoryview)) or \
            not isinstance(chunks, collections.abc.Iterable):
        raise InvalidInput(f"stream() takes an iterable of audio chunks (bytes or numpy "
                           f"arrays), such as a list or a generator, not "
                           f"{type(chunks).__name__}. For one whole recording, use "
                           "transcribe().")
