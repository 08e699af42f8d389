"""Audio in any supported encoding -> float32 mono samples at 16 kHz, with PyAV.

Containers and codecs (WAV/LINEAR16, FLAC, OGG Opus, MP3, M4A/AAC, AMR, WebM, mu-law
WAV) are read by FFmpeg through PyAV; headerless LINEAR16 and MULAW need the caller's
sample rate and are read by FFmpeg's raw demuxers. Numpy input is resampled directly.
"""

from __future__ import annotations

import io
from typing import Optional

import numpy as np

from ..._engines import optional_import
from ...errors import InvalidInput
from ...media import AudioInput
from ...media.audio import sniff

RATE = 16000
"""Whisper's sample rate."""

av = optional_import("av", "speech", "audio decoding")
_RAW_FORMATS = {"MULAW": "mulaw", "LINEAR16": "s16le"}


def decode(audio: AudioInput) -> np.ndarray:
    """The samples of ``audio`` as float32 mono at 16 kHz; InvalidInput if unreadable."""
    if audio.samples is not None:
        return resample(np.asarray(audio.samples, dtype=np.float32), audio.sample_rate or RATE)
    if audio.content is None:
        raise InvalidInput(f"{audio.name} is a remote URI: the local backend reads only local "
                           "audio. Download it first or use mode='cloud'.")
    return decode_bytes(audio.content, audio.encoding, audio.sample_rate, audio.name)


def decode_bytes(content: bytes, encoding: Optional[str], sample_rate: Optional[int],
                 name: str = "audio") -> np.ndarray:
    if not content:
        raise InvalidInput(f"The audio {name} is empty (0 bytes).")
    raw = _RAW_FORMATS.get(encoding or "") if is_headerless(content, encoding) else None
    if raw is not None and not sample_rate:
        raise InvalidInput(f"{name}: headerless {encoding} audio needs sample_rate=...")
    options = {"sample_rate": str(sample_rate), "ch_layout": "mono"} if raw else {}
    try:
        with av.open(io.BytesIO(content), mode="r", format=raw, options=options,
                     metadata_errors="ignore") as container:
            if not container.streams.audio:
                raise InvalidInput(f"{name} holds no audio stream.")
            samples = _decode_stream(container)
    except InvalidInput:
        raise
    except (av.FFmpegError, ValueError, EOFError, OSError) as exc:
        raise InvalidInput(f"{name} cannot be decoded as {encoding or 'audio'}: {exc}") from exc
    if samples.size == 0:
        raise InvalidInput(f"{name} decodes to no audio samples (empty or truncated).")
    return samples


def is_headerless(content: bytes, encoding: Optional[str]) -> bool:
    """Whether ``content`` is raw LINEAR16/MULAW samples rather than a container.

    A caller's LINEAR16/MULAW wins unless the bytes are a WAV file (raw mu-law silence,
    0xFF 0xFF..., would otherwise look like an MP3 frame header).
    """
    if encoding in _RAW_FORMATS:
        return not content.startswith(b"RIFF")
    try:
        return sniff(content) is None
    except InvalidInput:
        return False


def _decode_stream(container) -> np.ndarray:
    stream = container.streams.audio[0]
    stream.thread_type = "AUTO"
    resampler = av.AudioResampler(format="flt", layout="mono", rate=RATE)
    parts: list[np.ndarray] = []
    try:
        for frame in container.decode(stream):
            for out in resampler.resample(frame):
                parts.append(out.to_ndarray().reshape(-1))
    except av.FFmpegError:
        if not parts:  # a damaged tail keeps what came before it; nothing at all is an error
            raise
    for out in resampler.resample(None):
        parts.append(out.to_ndarray().reshape(-1))
    if not parts:
        return np.zeros(0, np.float32)
    samples = np.concatenate(parts).astype(np.float32, copy=False)
    return np.nan_to_num(samples, nan=0.0, posinf=0.0, neginf=0.0)


def resample(samples: np.ndarray, rate: int) -> np.ndarray:
    """Mono float32 ``samples`` at ``rate`` -> 16 kHz (FFmpeg's resampler)."""
    samples = np.ascontiguousarray(samples.reshape(-1), dtype=np.float32)
    if samples.size == 0:
        raise InvalidInput("The audio array holds no samples.")
    if rate == RATE:
        return samples
    resampler = av.AudioResampler(format="flt", layout="mono", rate=RATE)
    parts: list[np.ndarray] = []
    for start in range(0, samples.size, rate * 10):
        frame = av.AudioFrame.from_ndarray(samples[None, start:start + rate * 10],
                                           format="flt", layout="mono")
        frame.sample_rate = rate
        parts.extend(out.to_ndarray().reshape(-1) for out in resampler.resample(frame))
    parts.extend(out.to_ndarray().reshape(-1) for out in resampler.resample(None))
    return np.concatenate(parts).astype(np.float32, copy=False)
