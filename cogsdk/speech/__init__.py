"""``cog.speech``: speech-to-text."""

from __future__ import annotations

from typing import Any, Callable, Optional

from .._batch import is_many, load_all, single
from ..errors import CogError
from ..media import check_language_code, load_audio
from .base import TranscribeOptions
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
                   progress: Optional[Callable[[float, float], None]] = None) -> Transcript:
        """Transcribe speech.

        Args:
            language: BCP-47 code of the spoken language, e.g. ``"en-US"``, ``"de-DE"``.
            word_timestamps: fill ``Transcript.words`` with start/end seconds.
            sample_rate: needed for raw audio and numpy arrays; read from the header else.
            encoding: Google's name (``"LINEAR16"``, ``"FLAC"``, ``"MULAW"``, ``"AMR"``,
                ``"OGG_OPUS"``, ``"MP3"``...) for headerless audio; sniffed otherwise.
        """
        options = TranscribeOptions(language=check_language_code(language),
                                    word_timestamps=word_timestamps,
                                    profanity_filter=profanity_filter, progress=progress)
        items = list(audio) if is_many(audio) else [audio]
        loaded = load_all(items, lambda x: load_audio(x, sample_rate, encoding))
        results = [item if isinstance(item, CogError) else self._one(item, options)
                   for item in loaded]
        return results if is_many(audio) else single(results)

    def _one(self, audio, options: TranscribeOptions) -> Transcript | CogError:
        try:
            return self._router.call("speech", "transcribe",
                                     lambda backend: backend.transcribe(audio, options))
        except CogError as error:
            return error
