"""Video inputs: a local path or bytes, or a gs:// URI for the cloud."""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import Any, Optional

from ..errors import InvalidInput
from ._common import is_remote_uri, read_bytes
from ._image_header import image_signature

MAX_INLINE_VIDEO_BYTES = 1024 * 2**20
_MAY_MOVE = ("GIF", "PNG", "ICO")
"""Image signatures left to the video decoder: GIF and PNG may be animated, and ICO's four
bytes could open an MPEG stream; the decoder still refuses them when they hold one picture."""


@dataclasses.dataclass(frozen=True)
class VideoInput:
    """A checked video: a ``path`` on disk, in-memory ``content``, or a ``uri``."""

    name: str
    path: Optional[Path] = None
    content: Optional[bytes] = None
    uri: Optional[str] = None

    def read(self) -> bytes:
        if self.content is not None:
            return self.content
        if self.path is not None:
            return self.path.read_bytes()
        raise InvalidInput(f"{self.uri} is remote: only the cloud backend can read it.")


def load_video(value: Any) -> VideoInput:
    """Check what the caller passed and wrap it; raise InvalidInput when it is unusable."""
    if isinstance(value, VideoInput):
        return value
    if is_remote_uri(value):
        if not value.startswith("gs://"):
            raise InvalidInput(f"{value}: only gs:// video URIs can be sent by reference.")
        return VideoInput(name=value, uri=value)
    if isinstance(value, (str, Path)):
        path = Path(value)
        if not path.is_file():
            raise InvalidInput(f"No video file at {str(path)!r}.")
        if path.stat().st_size == 0:
            raise InvalidInput(f"The video file {str(path)!r} is empty (0 bytes).")
        _refuse_still_image(_head_of(path), str(path))
        return VideoInput(name=str(path), path=path)
    content, name = read_bytes(value, "video", MAX_INLINE_VIDEO_BYTES)
    _refuse_still_image(content, name)
    return VideoInput(name=name, content=content)


def _head_of(path: Path) -> bytes:
    try:
        with path.open("rb") as file:
            return file.read(32)
    except OSError as exc:
        raise InvalidInput(f"Cannot open the video file {str(path)!r}: {exc.strerror}.") from exc


def _refuse_still_image(head: bytes, name: str) -> None:
    """A photo opens as a one-frame "video" of 0.04 s: say what it is instead."""
    fmt = image_signature(head)
    if fmt is not None and fmt not in _MAY_MOVE:
        raise InvalidInput(f"{name} is a {fmt} image, not a video: pass a video file "
                           "(MP4, MOV, AVI, WebM, MKV...), or use cog.vision for a picture.")
