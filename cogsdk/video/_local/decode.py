"""Video frames with PyAV (``thread_type="AUTO"``), one at a time: nothing holds them all."""

from __future__ import annotations

import dataclasses
import io
from typing import Any, Iterator, Optional

from ..._engines import optional_import
from ...errors import InvalidInput
from ...media import VideoInput

av = optional_import("av", "video", "video decoding")  # frames below are av.VideoFrame


_STILL_IMAGE_DEMUXERS = ("image2", "image2pipe", "ico")  # and every "*_pipe" (jpeg_pipe...)
_ANIMATED_IMAGE_DEMUXERS = ("gif", "apng", "webp")


@dataclasses.dataclass(frozen=True)
class VideoInfo:
    fps: float
    duration: Optional[float]
    """Seconds, from the container; None when it does not say."""
    width: int
    height: int
    start: float
    """Time of the first frame (usually 0)."""


class Frames:
    """``with Frames(video) as frames: for time, frame in frames: ...``"""

    def __init__(self, video: VideoInput) -> None:
        if video.uri:
            raise InvalidInput(f"{video.uri} is a remote URI: the local backend reads only "
                               "local videos. Download it first or use mode='cloud'.")
        source = str(video.path) if video.path is not None else io.BytesIO(video.content or b"")
        try:
            self._container = av.open(source, mode="r", metadata_errors="ignore")
        except (av.FFmpegError, ValueError, OSError) as exc:
            raise InvalidInput(f"{video.name} cannot be opened as a video: {exc}") from exc
        if not self._container.streams.video:
            self._container.close()
            raise InvalidInput(f"{video.name} holds no video stream.")
        self.name = video.name
        self._refuse_still_image()
        self._stream = self._container.streams.video[0]
        self._stream.thread_type = "AUTO"
        stream = self._stream
        rate = stream.average_rate or stream.guessed_rate or stream.base_rate
        duration = None
        if stream.duration and stream.time_base:
            duration = float(stream.duration * stream.time_base)
        elif self._container.duration:
            duration = self._container.duration / 1_000_000
        start = float(stream.start_time * stream.time_base) if stream.start_time and \
            stream.time_base else 0.0
        self.info = VideoInfo(fps=float(rate) if rate else 25.0, duration=duration,
                              width=stream.codec_context.width,
                              height=stream.codec_context.height, start=start)

    def _refuse_still_image(self) -> None:
        """FFmpeg opens a photo as a one-frame "video" of 0.04 s: refuse it by its demuxer
        (the image readers), or, for formats that may animate, by a missing duration."""
        demuxer = self._container.format.name
        still = demuxer in _STILL_IMAGE_DEMUXERS or demuxer.endswith("_pipe")
        if still or (demuxer in _ANIMATED_IMAGE_DEMUXERS and not self._container.duration):
            self._container.close()
            raise InvalidInput(f"{self.name} is a still image ({demuxer}), not a video: pass "
                               "a video file (MP4, MOV, AVI, WebM, MKV...), or use cog.vision.")

    def __iter__(self) -> Iterator[tuple[float, Any]]:
        count = 0
        step = 1.0 / self.info.fps
        last = None
        try:
            for frame in self._container.decode(self._stream):
                time = frame.time if frame.time is not None else (
                    last + step if last is not None else self.info.start)
                last = float(time)
                count += 1
                yield last - self.info.start, frame
        except av.FFmpegError as exc:
            if not count:
                raise InvalidInput(f"{self.name} cannot be decoded: {exc}") from exc
            # a damaged tail: keep what decoded before it
        if not count:
            raise InvalidInput(f"{self.name} holds no decodable video frames.")

    def close(self) -> None:
        self._container.close()

    def __enter__(self) -> "Frames":
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def thumbnail(frame: Any, size: tuple[int, int]):
    """A tiny grey ``uint8`` array of the frame (area-averaged)."""
    return frame.reformat(width=size[0], height=size[1], format="gray",
                          interpolation="AREA").to_ndarray()


def picture(frame: Any, short_side: int = 256):
    """The frame as an RGB PIL image whose short side is ``short_side`` pixels."""
    width, height = frame.width, frame.height
    scale = short_side / max(1, min(width, height))
    if scale < 1:
        width, height = max(1, round(width * scale)), max(1, round(height * scale))
    return frame.to_image(width=width, height=height, interpolation="AREA")
