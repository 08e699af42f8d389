"""Local video analysis: shot changes and labels, in one decoding pass with PyAV.

Shots come from cogsdk's own detector (:mod:`cogsdk.video._local.shots`); it measured
better than PySceneDetect's detectors on hard cuts, white flashes and same-scene
reframing (see ``benchmarks/local_speech_video.py``). Labels come from the local vision
backend, reached through the registry (never through its internals), on frames sampled
about once per second plus the first frame of each shot. Memory stays bounded: a few
recent frames for the shot detector and at most one batch of sampled pictures.
"""

from __future__ import annotations

import collections
import threading
from typing import Any, Optional

from .. import _registry
from .._config import Settings
from .._progress import Progress
from ..media import VideoInput
from ._local import labels as _labels
from ._local.decode import Frames, picture, thumbnail
from ._local.shots import SIZE, ShotDetector, shots_from_cuts
from .base import Progress as ProgressCallback
from .base import VideoBackend
from .types import Shot, Shots, VideoLabels

MODEL_SHOTS = "cogsdk-shots-v1"
SAMPLE_EVERY_S = 1.0


class LocalVideo(VideoBackend):
    name = "local"

    def __init__(self, settings: Settings) -> None:
        self._settings = settings
        self._vision: Optional[Any] = None
        self._lock = threading.Lock()

    def shots(self, video: VideoInput, progress: ProgressCallback) -> Shots:
        found = self._pass(video, progress, labeler=None)
        items = tuple(Shot(start=round(a, 3), end=round(b, 3)) for a, b in found["shots"])
        return Shots(items=items, backend="local", model=MODEL_SHOTS, raw=found["raw"])

    def labels(self, video: VideoInput, progress: ProgressCallback) -> VideoLabels:
        vision = self._vision_backend()
        labeler = _labels.FrameLabeler(lambda images: vision.annotate(
            images, {"labels": {"max_results": _labels.MAX_RESULTS}}))
        found = self._pass(video, progress, labeler=labeler)
        items = _labels.aggregate(labeler.samples, found["shots"])
        raw = dict(found["raw"], sampled_frames=len(labeler.samples))
        model = f"{MODEL_SHOTS}+{getattr(vision, 'labels_model', 'vision-local')}"
        return VideoLabels(items=tuple(items), backend="local", model=model, raw=raw)

    def _vision_backend(self) -> Any:
        with self._lock:
            if self._vision is None:
                self._vision = _registry.backend_class("vision", "local")(self._settings)
            return self._vision

    def _pass(self, video: VideoInput, progress: ProgressCallback,
              labeler: Optional[_labels.FrameLabeler]) -> dict:
        with Frames(video) as frames:
            info = frames.info
            detector = ShotDetector(info.fps)
            recent: collections.deque = collections.deque(maxlen=detector._span + 3)
            sampled: set[float] = set()
            next_sample, last, count = 0.0, 0.0, 0

            def sample(time: float, frame: Any) -> None:
                if labeler is not None and round(time, 3) not in sampled:
                    sampled.add(round(time, 3))
                    labeler.add(time, picture(frame))

            def sample_cuts(cuts: list[float]) -> None:
                for cut in cuts:
                    for time, frame in recent:
                        if abs(time - cut) < 1e-6:
                            sample(time, frame)

            with Progress(info.duration or 0.0, callback=progress,
                          setting=self._settings.progress, desc="video") as bar:
                for time, frame in frames:
                    count += 1
                    last = time
                    cuts = detector.push(time, thumbnail(frame, SIZE))
                    if labeler is not None:
                        recent.append((time, frame))
                        sample_cuts(cuts)
                        if count == 1 or time >= next_sample:
                            sample(time, frame)
                            next_sample = time + SAMPLE_EVERY_S
                    if time - bar.done >= 1.0:
                        bar.update_to(time)
                sample_cuts(detector.finish())
                if labeler is not None:
                    labeler.flush()
        end = last + 1.0 / info.fps
        shots = shots_from_cuts(detector.cuts, 0.0, end)
        raw = {"fps": info.fps, "frames": count, "duration": round(end, 3),
               "width": info.width, "height": info.height,
               "cuts": [round(c, 3) for c in detector.cuts]}
        return {"shots": shots, "raw": raw}
