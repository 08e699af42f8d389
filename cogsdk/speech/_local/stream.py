"""Streaming recognition by re-decoding a growing window of audio.

Chunks are turned into one growing 16 kHz signal (:class:`Feed`). About once per second
of new audio the window (everything after the last committed point) is transcribed again
and a partial result is yielded. When the window grows past ``COMMIT_AFTER_S`` the
segments before Whisper's last segment boundary are committed: their text is final and
the window restarts there, so the work per partial stays bounded on long streams.
"""

from __future__ import annotations

import dataclasses
from typing import Any, Callable, Iterable, Iterator

import numpy as np

from ...errors import InvalidInput
from ..base import StreamFormat
from .decode import RATE, av, decode_bytes, is_headerless

PARTIAL_EVERY_S = 1.0
COMMIT_AFTER_S = 12.0
FORCE_COMMIT_S = 28.0


class Feed:
    """Accumulates chunks into float32 mono 16 kHz samples."""

    def __init__(self, audio_format: StreamFormat) -> None:
        self.encoding = audio_format.encoding
        self.rate = audio_format.sample_rate
        self.mode = ""  # "array", "raw" or "container", fixed by the first chunk
        self._parts: list[np.ndarray] = []
        self._samples = np.zeros(0, np.float32)
        self._buffer = bytearray()
        self._leftover = b""
        self._resampler: Any = None  # an av.AudioResampler once one is needed

    @property
    def samples(self) -> np.ndarray:
        if self._parts:
            self._samples = np.concatenate([self._samples, *self._parts])
            self._parts.clear()
        return self._samples

    @property
    def duration(self) -> float:
        return (self._samples.size + sum(p.size for p in self._parts)) / RATE

    def add(self, chunk: Any) -> None:
        if type(chunk).__module__ == "numpy":
            self._set_mode("array")
            if not self.rate:
                raise InvalidInput("Pass sample_rate=... when streaming numpy arrays.")
            array = np.asarray(chunk)
            if array.dtype.kind in "iu":
                array = array / float(np.iinfo(array.dtype).max)
            self._push(array.astype(np.float32).reshape(-1))
            return
        if not isinstance(chunk, (bytes, bytearray, memoryview)):
            raise InvalidInput(f"Stream chunks must be bytes or numpy arrays, not "
                               f"{type(chunk).__name__}.")
        chunk = bytes(chunk)
        if not self.mode:
            headerless = is_headerless(chunk, self.encoding)
            if headerless and self.encoding not in ("LINEAR16", "MULAW"):
                raise InvalidInput("The first chunk has no known audio header: pass "
                                   "encoding='LINEAR16' or 'MULAW' and sample_rate=... "
                                   "for raw audio.")
            if headerless and not self.rate:
                raise InvalidInput(f"Pass sample_rate=... for headerless {self.encoding} "
                                   "chunks.")
            self.mode = "raw" if headerless else "container"
        if self.mode == "raw":
            self._raw(chunk)
        else:
            self._buffer += chunk
            try:  # re-decode the whole stream so far; an unfinished frame waits for more
                self._samples = decode_bytes(bytes(self._buffer), self.encoding, self.rate)
                self._parts.clear()
            except InvalidInput:
                pass

    def finish(self) -> None:
        if self.mode in ("array", "raw") and self._resampler is not None:
            self._parts.extend(o.to_ndarray().reshape(-1) for o in
                               self._resampler.resample(None))
            self._resampler = None
        elif self.mode == "container" and self._buffer:
            self._samples = decode_bytes(bytes(self._buffer), self.encoding, self.rate)

    def _set_mode(self, mode: str) -> None:
        if self.mode and self.mode != mode:
            raise InvalidInput("Do not mix numpy arrays and bytes in one stream.")
        self.mode = mode

    def _raw(self, chunk: bytes) -> None:
        data = self._leftover + chunk
        if self.encoding == "LINEAR16":
            usable = len(data) - len(data) % 2
            self._leftover = data[usable:]
            samples = np.frombuffer(data[:usable], "<i2").astype(np.float32) / 32768.0
        else:
            self._leftover = b""
            samples = mulaw_to_float(np.frombuffer(data, np.uint8))
        self._push(samples)

    def _push(self, samples: np.ndarray) -> None:
        if samples.size == 0:
            return
        if self.rate == RATE:
            self._parts.append(np.ascontiguousarray(samples))
            return
        if self._resampler is None:
            self._resampler = av.AudioResampler(format="flt", layout="mono", rate=RATE)
        frame = av.AudioFrame.from_ndarray(np.ascontiguousarray(samples[None, :]),
                                           format="flt", layout="mono")
        frame.sample_rate = self.rate
        self._parts.extend(o.to_ndarray().reshape(-1) for o in self._resampler.resample(frame))


def mulaw_to_float(codes: np.ndarray) -> np.ndarray:
    """G.711 mu-law bytes -> float32 in -1..1."""
    u = ~codes.astype(np.uint8)
    exponent = (u >> 4) & 0x07
    magnitude = ((((u & 0x0F).astype(np.int32) << 3) + 0x84) << exponent) - 0x84
    return np.where(u & 0x80, -magnitude, magnitude).astype(np.float32) / 32768.0


def shift(segment: Any, offset: float) -> Any:
    """A faster-whisper segment with its (and its words') times moved by ``offset``."""
    if not offset:
        return segment
    words = segment.words and [dataclasses.replace(w, start=w.start + offset,
                                                   end=w.end + offset) for w in segment.words]
    return dataclasses.replace(segment, start=segment.start + offset,
                               end=segment.end + offset, words=words)


def stream_windows(chunks: Iterable[Any], audio_format: StreamFormat,
                   transcribe: Callable[[np.ndarray], Any]) -> Iterator[tuple[list, Any, bool]]:
    """Yield ``(segments, decoded, is_final)``: partials as audio grows, then the final."""
    feed = Feed(audio_format)
    committed: list = []
    window_start = 0.0
    last_run = 0.0
    decoded: Any = None
    segments: list = []
    for chunk in chunks:
        feed.add(chunk)
        if feed.duration - last_run < PARTIAL_EVERY_S:
            continue
        last_run = feed.duration
        decoded, segments = _run(transcribe, feed.samples, window_start)
        window = feed.duration - window_start
        if window >= COMMIT_AFTER_S and len(segments) >= 2:
            committed += segments[:-1]
            window_start, segments = max(window_start, segments[-1].start), segments[-1:]
        elif window >= FORCE_COMMIT_S and segments:
            committed += segments
            window_start, segments = max(window_start, segments[-1].end), []
        yield committed + segments, _whole(decoded, feed.duration), False
    feed.finish()
    samples = feed.samples
    if samples.size == 0:
        raise InvalidInput("The stream held no audio.")
    if decoded is None or feed.duration - last_run > 0.05 or (
            not segments and samples.size - window_start * RATE >= RATE // 10):
        decoded, segments = _run(transcribe, samples, window_start)
    yield committed + segments, _whole(decoded, feed.duration), True


def _run(transcribe: Callable[[np.ndarray], Any], samples: np.ndarray,
         window_start: float) -> tuple[Any, list]:
    decoded = transcribe(samples[int(window_start * RATE):])
    return decoded, [shift(s, window_start) for s in decoded.segments]


def _whole(decoded: Any, duration: float) -> Any:
    return dataclasses.replace(decoded, duration=duration)
