"""Helpers of the speech tests: word error rate, reading and encoding audio with PyAV."""

from __future__ import annotations

import io
import re

_NUMBERS = {"mr": "mister", "mrs": "missus", "dr": "doctor"}


def normalize(text: str) -> list[str]:
    words = re.sub(r"[^a-z0-9' ]+", " ", text.lower().replace("-", " ")).split()
    return [_NUMBERS.get(w, w) for w in words]


def wer(reference: str, hypothesis: str) -> float:
    """Word error rate (substitutions + insertions + deletions) / reference words."""
    ref, hyp = normalize(reference), normalize(hypothesis)
    row = list(range(len(hyp) + 1))
    for i, r in enumerate(ref, 1):
        previous, row[0] = row[0], i
        for j, h in enumerate(hyp, 1):
            previous, row[j] = row[j], min(row[j] + 1, row[j - 1] + 1,
                                           previous + (r != h))
    return row[len(hyp)] / max(len(ref), 1)


def read_samples(path_or_bytes) -> tuple["np.ndarray", int]:  # noqa: F821
    """float32 mono samples and rate of a WAV file or bytes (via PyAV)."""
    import av
    import numpy as np

    source = io.BytesIO(path_or_bytes) if isinstance(path_or_bytes, bytes) else str(path_or_bytes)
    with av.open(source) as container:
        stream = container.streams.audio[0]
        rate = stream.rate
        resampler = av.AudioResampler(format="flt", layout="mono", rate=rate)
        parts = [o.to_ndarray().reshape(-1) for f in container.decode(stream)
                 for o in resampler.resample(f)]
    return np.concatenate(parts), rate


# (container format, codec, sample rate) per Google encoding name
FORMATS = {
    "FLAC": ("flac", "flac", 16000),
    "LINEAR16": ("wav", "pcm_s16le", 16000),
    "MULAW_WAV": ("wav", "pcm_mulaw", 8000),
    "MULAW": ("mulaw", "pcm_mulaw", 8000),
    "OGG_OPUS": ("ogg", "libopus", 48000),
    "MP3": ("mp3", "libmp3lame", 22050),
    "AMR": ("amr", "libopencore_amrnb", 8000),
    "M4A": ("ipod", "aac", 16000),
}


def encode(samples, rate: int, name: str) -> bytes:
    """Encode float32 mono ``samples`` at ``rate`` into one of FORMATS, with PyAV."""
    import av
    import numpy as np

    container_format, codec, out_rate = FORMATS[name]
    buffer = io.BytesIO()
    with av.open(buffer, mode="w", format=container_format) as container:
        stream = container.add_stream(codec, rate=out_rate, layout="mono")
        if codec == "libopencore_amrnb":
            stream.codec_context.bit_rate = 12200
        stream_format = stream.codec_context.format.name
        frame_size = stream.codec_context.frame_size or 1024
        resampler = av.AudioResampler(format=stream_format, layout="mono", rate=out_rate,
                                      frame_size=frame_size)
        frame = av.AudioFrame.from_ndarray(np.asarray(samples, np.float32)[None, :],
                                           format="flt", layout="mono")
        frame.sample_rate = rate
        for chunk in resampler.resample(frame) + resampler.resample(None):
            for packet in stream.encode(chunk):
                container.mux(packet)
        for packet in stream.encode(None):
            container.mux(packet)
    return buffer.getvalue()
