"""Local speech-to-text: Whisper (faster-whisper on CTranslate2) with Silero VAD.

English goes to Whisper tiny.en by default; other languages (and callers who ask for
``model="base"``) go to the multilingual Whisper base. Audio of any supported encoding is
decoded with PyAV and resampled to 16 kHz mono; silences found by the VAD split long
audio, and silent audio gives an empty transcript.

``Transcript.confidence`` is the geometric mean of the probabilities Whisper gave the
tokens of the text it chose (``exp`` of the token-weighted mean ``avg_logprob``); each
``Word.confidence`` is the model's probability of that word.
"""

from __future__ import annotations

import dataclasses
import math
import re
import threading
from typing import Any, Iterable, Iterator

import numpy as np

from .._config import Settings
from .._engines import engine_errors
from .._progress import Progress
from ..errors import UnsupportedFeature
from ..media import AudioInput
from ._local import decode as _decode
from ._local import whisper as _whisper
from ._local.stream import stream_windows
from .base import SpeechBackend, StreamFormat, TranscribeOptions
from .types import Alternative, Transcript, Word

ENGINE = "Whisper transcription"


class LocalSpeech(SpeechBackend):
    name = "local"

    def __init__(self, settings: Settings) -> None:
        self._settings = settings
        self._lock = threading.Lock()  # one decode at a time per model: CTranslate2 threads

    def transcribe(self, audio: AudioInput, options: TranscribeOptions) -> Transcript:
        _refuse_diarization(options)
        model_name, language = _whisper.choose(options.language, options.model)
        samples = _decode.decode(audio)
        model = self._model(model_name)
        duration = samples.size / _decode.RATE
        with Progress(duration, callback=options.progress, setting=self._settings.progress,
                      desc="transcribe") as progress, self._lock, engine_errors(ENGINE):
            decoded = _whisper.run(model, samples, language, options.word_timestamps,
                                   on_segment=progress.update_to, phrases=options.phrases)
        return to_transcript(decoded.segments, decoded, model_name, options)

    def stream(self, chunks: Iterable[Any], options: TranscribeOptions,
               audio_format: StreamFormat) -> Iterator[Transcript]:
        _refuse_diarization(options)
        model_name, language = _whisper.choose(options.language, options.model)
        model = self._model(model_name)

        def transcribe_window(samples: np.ndarray) -> _whisper.Decoded:
            with self._lock, engine_errors(ENGINE):
                return _whisper.run(model, samples, language, options.word_timestamps,
                                    phrases=options.phrases)

        def results() -> Iterator[Transcript]:
            for segments, decoded, final in stream_windows(chunks, audio_format,
                                                           transcribe_window):
                yield to_transcript(segments, decoded, model_name, options, is_final=final)

        return results()

    def _model(self, model_name: str) -> Any:
        with engine_errors(f"loading Whisper {model_name}"):
            return _whisper.load(model_name, self._settings.device)


def _refuse_diarization(options: TranscribeOptions) -> None:
    if options.diarization is not None:
        raise UnsupportedFeature("The local speech backend has no speaker diarization "
                                 "model; use mode='cloud' for diarization=.")


# -- results ---------------------------------------------------------------------------


def to_transcript(segments: list, decoded: Any, model_name: str,
                  options: TranscribeOptions, *, is_final: bool = True) -> Transcript:
    """Build the shared Transcript type from faster-whisper segments."""
    texts = [s.text.strip() for s in segments if s.text.strip()]
    text = " ".join(texts)
    tokens = sum(len(s.tokens) for s in segments)
    confidence = None
    if tokens:
        mean_logprob = sum(s.avg_logprob * len(s.tokens) for s in segments) / tokens
        confidence = round(math.exp(mean_logprob), 4)
    words: list[Word] = []
    if options.word_timestamps:
        for segment in segments:
            for w in segment.words or ():
                if w.word.strip():
                    words.append(Word(word=w.word.strip(), start=round(float(w.start), 3),
                                      end=round(float(w.end), 3),
                                      confidence=round(float(w.probability), 4)))
    if options.profanity_filter:
        text = mask_profanity(text)
        words = [dataclasses.replace(w, word=mask_profanity(w.word)) for w in words]
    if not options.punctuation:
        text = strip_punctuation(text)
        words = [dataclasses.replace(w, word=strip_punctuation(w.word)) for w in words]
        words = [w for w in words if w.word]
    language = options.language
    if language.split("-")[0].lower() in ("auto", "und", "mul"):
        language = decoded.language
    raw = {
        "model": f"whisper-{model_name}",
        "language": decoded.language,
        "language_probability": decoded.language_probability,
        "duration": round(decoded.duration, 3),
        "speech_duration": round(decoded.speech_duration, 3),
        "segments": [{"start": s.start, "end": s.end, "text": s.text.strip(),
                      "avg_logprob": s.avg_logprob, "no_speech_prob": s.no_speech_prob,
                      "compression_ratio": s.compression_ratio, "tokens": len(s.tokens)}
                     for s in segments],
    }
    confidence = confidence if text else None
    alternatives: tuple[Alternative, ...] = ()
    if options.alternatives > 1:
        # faster-whisper keeps only the best beam: one candidate, and raw says why
        alternatives = (Alternative(text=text, confidence=confidence),) if text else ()
        raw["alternatives_note"] = ONE_ALTERNATIVE
    return Transcript(text=text, confidence=confidence, language=language,
                      words=tuple(words), is_final=is_final, alternatives=alternatives,
                      backend="local", model=f"whisper-{model_name}", raw=raw)


ONE_ALTERNATIVE = ("faster-whisper returns only the best of its beam candidates, so the "
                   "local backend gives one alternative; use mode='cloud' for more.")
# Punctuation, except an apostrophe or hyphen inside a word ("don't", "well-known") and
# a point or comma inside a number ("3.5", "1,000").
_PUNCTUATION = re.compile(r"[^\w\s'’.,-]+|(?<!\d)[.,]|[.,](?!\d)|(?<!\w)['’-]+|"
                          r"['’-]+(?!\w)")


def strip_punctuation(text: str) -> str:
    """The text as Google gives it with ``enable_automatic_punctuation=False``."""
    return " ".join(_PUNCTUATION.sub(" ", text).split())


_PROFANITY = re.compile(
    r"\b(fuck\w*|shit\w*|bitch\w*|cunt\w*|asshole\w*|bastard\w*|dick(?:head)?s?|"
    r"motherfuck\w*|bullshit)\b", re.IGNORECASE)


def mask_profanity(text: str) -> str:
    """Google's style: keep the first letter, star the rest (``f***``)."""
    return _PROFANITY.sub(lambda m: m.group(0)[0] + "*" * (len(m.group(0)) - 1), text)

