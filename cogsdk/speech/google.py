"""Google Cloud Speech-to-Text v1 through the official client (REST transport; gRPC for
streaming, which REST cannot do)."""

from __future__ import annotations

import threading
from typing import Any, Iterable, Iterator

from google.cloud import speech_v1

from .. import _google
from .._config import Settings
from ..errors import InvalidInput, UnsupportedFeature
from ..media import AudioInput
from . import _google_stream
from ._google_config import alternatives as _alternatives, recognition_config
from .base import SpeechBackend, StreamFormat, TranscribeOptions
from .types import Transcript, Word

SYNC_LIMIT_SECONDS = 60.0
MAX_INLINE_BYTES = 10 * 2**20
MODEL = "google/speech/v1"
OPERATION_LIMIT_SECONDS = 3 * 3600.0
_ENCODINGS = speech_v1.RecognitionConfig.AudioEncoding


class GoogleSpeech(_google.GoogleBackend, SpeechBackend):
    """``recognize`` up to one minute; ``long_running_recognize`` beyond, or for gs:// URIs."""

    client_class = speech_v1.SpeechClient
    endpoint_key = "speech"

    def __init__(self, settings: Settings) -> None:
        super().__init__(settings)
        self._stream_client = None
        self._stream_lock = threading.Lock()

    def transcribe(self, audio: AudioInput, options: TranscribeOptions) -> Transcript:
        config = _config(audio, options)
        if audio.uri:
            source = speech_v1.RecognitionAudio(uri=audio.uri)
        elif len(audio.content) > MAX_INLINE_BYTES:
            raise InvalidInput(f"{audio.name} is over 10 MB: upload it to Cloud Storage and "
                               "pass the gs:// URI.")
        else:
            source = speech_v1.RecognitionAudio(content=audio.content)
        if audio.uri or (audio.duration or 0) > SYNC_LIMIT_SECONDS:
            response = self._long_running(config, source, audio, options)
        else:
            response = _google.call(self._settings, lambda timeout: self._client.recognize(
                config=config, audio=source, retry=None, timeout=timeout))
        return _transcript(_google.to_dict(response), options)

    def _long_running(self, config, source, audio: AudioInput, options: TranscribeOptions):
        operation = _google.call(self._settings, lambda timeout: self._client.
                                 long_running_recognize(config=config, audio=source,
                                                        retry=None, timeout=timeout))
        return _google.wait_operation(
            self._settings, operation, OPERATION_LIMIT_SECONDS, options.progress,
            lambda metadata: float(getattr(metadata, "progress_percent", 0) or 0))

    def stream(self, chunks: Iterable[Any], options: TranscribeOptions,
               audio_format: StreamFormat) -> Iterator[Transcript]:
        """Streaming recognition over gRPC (see ``_google_stream``)."""
        with self._stream_lock:
            if self._stream_client is None:
                self._stream_client = _google_stream.grpc_client(self._settings)
        return _google_stream.stream(self._stream_client, chunks, options, audio_format)

    def close(self) -> None:
        super().close()
        if self._stream_client is not None:
            self._stream_client.transport.close()


def _config(audio: AudioInput, options: TranscribeOptions) -> speech_v1.RecognitionConfig:
    if audio.encoding == "M4A":
        raise UnsupportedFeature("Google Speech v1 does not read M4A/AAC; convert it to FLAC "
                                 "or use mode='local'.")
    config = recognition_config(options)
    if audio.encoding:
        config.encoding = _ENCODINGS[audio.encoding]
    if audio.sample_rate and audio.encoding not in ("OGG_OPUS", "WEBM_OPUS"):
        config.sample_rate_hertz = audio.sample_rate
    if audio.channels and audio.channels > 1:
        config.audio_channel_count = audio.channels
    return config


def _transcript(payload: dict, options: TranscribeOptions) -> Transcript:
    texts, confidences, words, candidates = [], [], [], []
    detected = ""
    for result in payload.get("results", []):
        alternatives = result.get("alternatives") or [{}]
        best = alternatives[0]
        if best.get("transcript"):
            texts.append(best["transcript"].strip())
        if "confidence" in best:
            confidences.append(float(best["confidence"]))
        candidates.append([(a.get("transcript", ""), a.get("confidence"))
                           for a in alternatives])
        words.extend(_word(w) for w in best.get("words", []))
        detected = detected or result.get("languageCode", "")
    if options.diarization is not None:
        words = _speaker_words(payload)
    confidence = sum(confidences) / len(confidences) if confidences else None
    return Transcript(text=" ".join(texts), confidence=confidence,
                      language=detected or options.language, words=tuple(words),
                      alternatives=_alternatives(candidates, options.alternatives),
                      backend="google", model=MODEL, raw=payload)


def _word(w: dict) -> Word:
    return Word(word=w.get("word", ""), start=_google.seconds(w.get("startTime")),
                end=_google.seconds(w.get("endTime")), confidence=w.get("confidence"),
                speaker=w.get("speakerTag") or None)


def _speaker_words(payload: dict) -> list[Word]:
    """With diarization, Google's last result repeats every word with its speaker tag."""
    results = payload.get("results") or [{}]
    best = (results[-1].get("alternatives") or [{}])[0]
    return [_word(w) for w in best.get("words", [])]
