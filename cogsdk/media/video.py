"""Video inputs: a local path or bytes, or a gs:// URI for the cloud."""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import Any, Optional

from ..errors import InvalidInput
from ._common import is_remote_uri, read_bytes

MAX_INLINE_VIDEO_BYTES = 1024 * 2**20


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
        return VideoInput(name=str(path), path=path)
    content, name = read_bytes(value, "video", MAX_INLINE_VIDEO_BYTES)
    return VideoInput(name=name, content=content)
