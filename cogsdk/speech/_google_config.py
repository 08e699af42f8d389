"""The RecognitionConfig fields that follow from TranscribeOptions, shared by Google's
sync, long-running and streaming recognition."""

from __future__ import annotations

from typing import Any

from google.cloud import speech_v1

from ..errors import UnsupportedFeature
from .base import GOOGLE_MODELS, LOCAL_MODELS, TranscribeOptions
from .types import Alternative


def recognition_config(options: TranscribeOptions, **fields: Any
                       ) -> speech_v1.RecognitionConfig:
    """Google's own fields for ``options``; ``fields`` adds the audio's encoding and rate."""
    diarization = options.diarization
    config = speech_v1.RecognitionConfig(
        language_code=options.language,
        # speaker tags ride on the words, so diarization needs them
        enable_word_time_offsets=options.word_timestamps or diarization is not None,
        enable_word_confidence=options.word_timestamps,
        enable_automatic_punctuation=options.punctuation,
        profanity_filter=options.profanity_filter, max_alternatives=options.alternatives,
        **fields)
    if options.model is not None:
        config.model = check_model(options.model)
    if options.phrases:
        config.speech_contexts = [speech_v1.SpeechContext(phrases=list(options.phrases))]
    if diarization is not None:
        config.diarization_config = speech_v1.SpeakerDiarizationConfig(
            enable_speaker_diarization=True, min_speaker_count=diarization[0],
            max_speaker_count=diarization[1])
    return config


def check_model(name: str) -> str:
    """A Google model name; UnsupportedFeature (so ``auto`` may try local) for others."""
    if name not in GOOGLE_MODELS:
        raise UnsupportedFeature(f"Google Speech has no model {name!r}: its models are "
                                 f"{list(GOOGLE_MODELS)}; the local models are "
                                 f"{list(LOCAL_MODELS)} (mode='local').")
    return name


def alternatives(results: list[list[tuple[str, Any]]], asked: int) -> tuple[Alternative, ...]:
    """Whole-audio candidates from per-result ``[(transcript, confidence), ...]`` lists:
    candidate i joins each result's i-th alternative (its last one where it has fewer)."""
    results = [r for r in results if r and r[0][0].strip()]
    if asked < 2 or not results:
        return ()
    count = max(len(r) for r in results)
    found = []
    for i in range(count):
        picked = [r[min(i, len(r) - 1)] for r in results]
        scores = [c for _, c in picked if c]
        found.append(Alternative(text=" ".join(t.strip() for t, _ in picked),
                                 confidence=sum(scores) / len(scores) if scores else None))
    return tuple(found)
