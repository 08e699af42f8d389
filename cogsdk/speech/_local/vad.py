"""Voice activity detection with Silero VAD v6 (the ONNX file inside faster-whisper's wheel).

Long audio is split at the silences it finds: Whisper then decodes only speech, in chunks
of at most ``MAX_CHUNK_S`` seconds cut at VAD boundaries, and silent audio yields no
text at all instead of a hallucinated "Thank you.". The streaming path uses
:func:`speech_spans` to find safe points where it can commit text.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from ... import models
from ..._engines import Once, optional_import
from .decode import RATE

MODEL_ID = "silero-vad-v6"
MAX_CHUNK_S = 30.0
MIN_SILENCE_MS = 1000


# faster-whisper opens the same file from its assets folder; check it before it does
_checked = Once(lambda: models.model_path(MODEL_ID))


def _vad() -> Any:
    return optional_import("faster_whisper.vad", "speech", "voice activity detection")


def vad_options():
    _checked.get()
    return _vad().VadOptions(max_speech_duration_s=MAX_CHUNK_S,
                      min_silence_duration_ms=MIN_SILENCE_MS, speech_pad_ms=400)


def speech_spans(samples: np.ndarray) -> list[tuple[float, float]]:
    """Speech regions of 16 kHz ``samples`` as (start, end) seconds."""
    if samples.size == 0:
        return []
    spans = _vad().get_speech_timestamps(samples, vad_options())
    return [(s["start"] / RATE, s["end"] / RATE) for s in spans]
