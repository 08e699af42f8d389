"""Audio inputs: sniffing the container, and the duration where the header tells it."""

from __future__ import annotations

import dataclasses
import io
import numbers
import struct
import wave
from typing import Any, Optional

from ..errors import InvalidInput
from ._common import is_remote_uri, read_bytes

MAX_AUDIO_BYTES = 512 * 2**20

ENCODINGS = ("LINEAR16", "FLAC", "MULAW", "AMR", "AMR_WB", "OGG_OPUS", "MP3", "WEBM_OPUS",
             "M4A")
"""Encoding names accepted by ``transcribe(encoding=...)`` (Google's names)."""
SAMPLE_RATES = range(8000, 48001)
"""Hertz Google Speech-to-Text accepts (RecognitionConfig.sample_rate_hertz: 8000-48000).
Both backends keep to it: at 1 Hz a second of samples would be resampled to hours."""


@dataclasses.dataclass(frozen=True)
class AudioInput:
    """A checked audio input: ``content`` bytes (with what the header told) or a ``uri``."""

    name: str
    content: Optional[bytes] = None
    uri: Optional[str] = None
    encoding: Optional[str] = None
    sample_rate: Optional[int] = None
    channels: Optional[int] = None
    duration: Optional[float] = None
    """Seconds, when the header or the caller's sample rate tells it; else ``None``."""
    samples: Any = None
    """The float32 mono samples when the caller passed a numpy array."""


def load_audio(value: Any, sample_rate: Optional[int] = None,
               encoding: Optional[str] = None) -> AudioInput:
    """Check what the caller passed and wrap it; raise InvalidInput when it is unusable."""
    if isinstance(value, AudioInput):
        return value
    if encoding is not None and encoding.upper() not in ENCODINGS:
        raise InvalidInput(f"Unknown audio encoding {encoding!r}; use one of {ENCODINGS}.")
    if sample_rate is not None:
        sample_rate = check_sample_rate(sample_rate, "sample_rate")
    if is_remote_uri(value):
        if not value.startswith("gs://"):
            raise InvalidInput(f"{value}: only gs:// audio URIs can be sent by reference.")
        return AudioInput(name=value, uri=value, encoding=encoding and encoding.upper(),
                          sample_rate=sample_rate)
    if type(value).__module__ == "numpy":
        return _from_array(value, sample_rate)
    content, name = read_bytes(value, "audio", MAX_AUDIO_BYTES)
    return _describe(content, name, sample_rate, encoding and encoding.upper())


def check_sample_rate(rate: Any, source: str) -> int:
    """The rate as an int, or InvalidInput naming the range Google accepts."""
    hertz = _whole_hertz(rate)
    if hertz is None or hertz not in SAMPLE_RATES:
        raise InvalidInput(f"{source} is {rate!r} Hz; Google Speech-to-Text accepts "
                           f"{SAMPLE_RATES.start}-{SAMPLE_RATES.stop - 1} Hz (whole numbers). "
                           "Resample the audio, to 16000 Hz ideally.")
    return hertz


def _whole_hertz(rate: Any) -> Optional[int]:
    """16000, 16000.0 or numpy's int64(16000) as 16000; None for fractions and non-numbers."""
    if isinstance(rate, bool) or not isinstance(rate, numbers.Real):
        return None
    hertz = float(rate)
    return int(hertz) if hertz.is_integer() else None


def _from_array(array: Any, sample_rate: Optional[int]) -> AudioInput:
    import numpy as np

    if sample_rate is None:
        raise InvalidInput("Pass sample_rate=... together with a numpy audio array.")
    samples = np.asarray(array)
    if samples.dtype.kind == "i":  # scale before mixing, while the dtype still tells how
        samples = samples / float(np.iinfo(samples.dtype).max)
    elif samples.dtype.kind != "f":
        raise InvalidInput(f"Audio samples must be float or signed integers, not "
                           f"{samples.dtype}.")
    if samples.ndim == 2:  # (frames, channels) or (channels, frames): average the channels
        samples = samples.mean(axis=1 if samples.shape[0] > samples.shape[1] else 0)
    if samples.ndim != 1 or samples.size == 0:
        raise InvalidInput(f"An audio array must be 1-D samples (or 2-D with channels), "
                           f"got shape {array.shape}.")
    samples = np.nan_to_num(samples.astype(np.float32), nan=0.0, posinf=0.0, neginf=0.0)
    pcm = (np.clip(samples, -1.0, 1.0) * 32767).astype("<i2").tobytes()
    return AudioInput(name=f"<array {samples.size} samples>", content=pcm,
                      encoding="LINEAR16", sample_rate=int(sample_rate), channels=1,
                      duration=samples.size / sample_rate, samples=samples)


def _describe(content: bytes, name: str, sample_rate: Optional[int],
              encoding: Optional[str]) -> AudioInput:
    found = sniff(content)
    if found is None and encoding is None:
        raise InvalidInput(f"{name}: unknown audio format. Pass encoding=... (e.g. 'MULAW') "
                           "and sample_rate=... for raw audio.")
    rate, channels, duration = found[1:] if found else (None, None, None)
    encoding = encoding or found[0]
    rate = sample_rate or rate
    if rate is not None:
        check_sample_rate(rate, f"The sample rate in the header of {name}")
    if found is None and rate:
        width = 2 if encoding == "LINEAR16" else 1 if encoding == "MULAW" else 0
        duration = len(content) / (width * rate) if width else None
    return AudioInput(name=name, content=content, encoding=encoding, sample_rate=rate,
                      channels=channels, duration=duration)


def sniff(content: bytes) -> Optional[tuple[str, Optional[int], Optional[int], Optional[float]]]:
    """Return (encoding, sample_rate, channels, duration) from the header, or None."""
    head = content[:64]
    if head.startswith(b"RIFF") and head[8:12] == b"WAVE":
        return _wav(content)
    if head.startswith(b"fLaC"):
        return _flac(content)
    if head.startswith(b"OggS"):
        return ("OGG_OPUS", 48000 if b"OpusHead" in head else None, None, None)
    if head.startswith(b"#!AMR-WB\n"):
        return ("AMR_WB", 16000, 1, None)
    if head.startswith(b"#!AMR\n"):
        return ("AMR", 8000, 1, None)
    if head.startswith(b"\x1a\x45\xdf\xa3"):
        return ("WEBM_OPUS", 48000, None, None)
    if head[4:8] == b"ftyp":
        return ("M4A", None, None, None)
    if head.startswith(b"ID3") or (len(head) > 1 and head[0] == 0xFF and head[1] & 0xE0 == 0xE0):
        return ("MP3", None, None, None)
    return None


def _wav(content: bytes):
    try:
        with wave.open(io.BytesIO(content)) as reader:
            rate, channels, frames = reader.getframerate(), reader.getnchannels(), reader.getnframes()
        return ("LINEAR16", rate, channels, frames / rate if rate else None)
    except (wave.Error, EOFError, struct.error) as exc:
        fmt = struct.unpack("<H", content[20:22])[0] if len(content) >= 22 else 0
        if fmt == 7:  # WAVE_FORMAT_MULAW: the wave module reads only PCM
            rate = struct.unpack("<I", content[24:28])[0] if len(content) >= 28 else None
            return ("MULAW", rate, None, None)
        raise InvalidInput(f"Truncated or corrupt WAV file: {exc}") from exc


def _flac(content: bytes):
    # STREAMINFO is always the first metadata block: 20-bit rate, 3-bit channels-1,
    # 5-bit bits-1, 36-bit total samples, packed big-endian from byte 18 of the file.
    if len(content) < 26:
        raise InvalidInput("Truncated FLAC file: no STREAMINFO block.")
    packed = int.from_bytes(content[18:26], "big")
    rate = packed >> 44
    channels = ((packed >> 41) & 0x7) + 1
    total = packed & 0xFFFFFFFFF
    return ("FLAC", rate or None, channels, total / rate if rate and total else None)
