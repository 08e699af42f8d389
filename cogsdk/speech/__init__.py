"""``cog.speech``: speech-to-text."""

from __future__ import annotations

from typing import Any, Callable, Iterable, Iterator, Optional

from .._batch import is_many, load_all, single
from ..errors import CogError, InvalidInput
from ..media import check_language_code, load_audio
from ..media.audio import ENCODINGS
from .base import StreamFormat, TranscribeOptions
from .types import Transcript, Word

__all__ = ["Speech", "Transcript", "Word"]


class Speech:
    """Speech recognition. ``audio`` is a path, bytes, a binary file, a ``gs://`` URI, or a
    numpy array together with ``sample_rate``; a list returns a list in input order."""

    def __init__(self, router) -> None:
        self._router = router

    def transcribe(self, audio: Any, language: str = "en-US", word_timestamps: bool = False,
                   sample_rate: Optional[int] = None, encoding: Optional[str] = None, *,
                   profanity_filter: bool = False,
                   progress: Optional[Callable[[float, float], None]] = None,
                   model: Optional[str] = None) -> Transcript:
        """Transcribe speech.

        Args:
            language: BCP-47 code of the spoken language, e.g. ``"en-US"``, ``"de-DE"``.
            word_timestamps: fill ``Transcript.words`` with start/end seconds.
            sample_rate: needed for raw audio and numpy arrays; read from the header else.
            encoding: Google's name (``"LINEAR16"``, ``"FLAC"``, ``"MULAW"``, ``"AMR"``,
                ``"OGG_OPUS"``, ``"MP3"``...) for headerless audio; sniffed otherwise.
            progress: ``progress(done_seconds, total_seconds)`` while long audio is decoded.
            model: a backend-specific model; locally ``"tiny.en"`` (English default) or
                ``"base"`` (multilingual, the default for other languages).
        """
        options = TranscribeOptions(language=check_language_code(language),
                                    word_timestamps=word_timestamps,
                                    profanity_filter=profanity_filter, progress=progress,
                                    model=model)
        items = list(audio) if is_many(audio) else [audio]
        loaded = load_all(items, self._router.loader(
            lambda x: load_audio(x, sample_rate, encoding)))
        results = [item if isinstance(item, CogError) else self._one(item, options)
                   for item in loaded]
        return results if is_many(audio) else single(results)

    def stream(self, chunks: Iterable[Any], language: str = "en-US",
               sample_rate: Optional[int] = None, encoding: Optional[str] = None, *,
               word_timestamps: bool = False, profanity_filter: bool = False,
               model: Optional[str] = None) -> Iterator[Transcript]:
        """Transcribe audio while it arrives.

        ``chunks`` is any iterable of bytes (raw LINEAR16/MULAW at ``sample_rate``, or the
        successive pieces of a FLAC/OGG/MP3/WAV stream) or of numpy sample arrays at
        ``sample_rate``. Yields partial transcripts (``is_final=False``) of everything heard
        so far, then one final transcript (``is_final=True``) when the chunks end.
        """
        options = TranscribeOptions(language=check_language_code(language),
                                    word_timestamps=word_timestamps,
                                    profanity_filter=profanity_filter, model=model)
        if encoding is not None:
            encoding = encoding.upper()
            if encoding not in ENCODINGS:
                raise InvalidInput(f"Unknown audio encoding {encoding!r}; use one of "
                                   f"{ENCODINGS}.")
        audio_format = StreamFormat(encoding=encoding, sample_rate=sample_rate)
        return self._router.call("speech", "stream",
                                 lambda backend: backend.stream(chunks, options, audio_format))

    def _one(self, audio, options: TranscribeOptions) -> Transcript | CogError:
        try:
            return self._router.call("speech", "transcribe",
                                     lambda backend: backend.transcribe(audio, options))
        except CogError as error:
            return error
