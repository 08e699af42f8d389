"""The contract every video backend fulfils."""

from __future__ import annotations

import abc
from typing import Callable, ClassVar, Optional

from ..media import VideoInput
from .._backend import Backend
from .types import Shots, VideoLabels

Progress = Optional[Callable[[float, float], None]]
"""``progress(done, total)``; units are the backend's (percent for the cloud)."""


class VideoBackend(Backend, abc.ABC):
    service = "video"
    name: ClassVar[str]

    @abc.abstractmethod
    def labels(self, video: VideoInput, progress: Progress) -> VideoLabels: ...

    @abc.abstractmethod
    def shots(self, video: VideoInput, progress: Progress) -> Shots: ...
