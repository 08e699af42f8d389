"""Local video analysis: shots, labels, faces, objects, text, explicit content and speech.

Every frame feature asked for in one call (``annotate``) shares one decoding pass.

Shots come from cogsdk's own detector (:mod:`cogsdk.video._local.shots`); it measured
better than PySceneDetect's detectors on hard cuts, white flashes and same-scene
reframing (see ``benchmarks/local_speech_video.py``). Labels come from the router's own
local vision backend, handed over through :meth:`LocalVideo.bind` (never built here, so
its models load once per client), on frames sampled about once per second plus the first
frame of each shot. Memory stays bounded: a few recent frames for the shot detector and
at most one batch of sampled pictures.
"""

from __future__ import annotations

from typing import Any, Callable, Optional, Sequence

from .._config import Settings
from .._engines import engine_errors
from .._progress import Progress
from ..errors import ConfigurationError
from ..media import VideoInput
from ..vision.base import VisionBackend
from ._local import annotate as _annotate
from ._local import frames as _sampled
from ._local import labels as _labels
from ._local.decode import Frames, thumbnail
from ._local.shots import SIZE, ShotDetector, shots_from_cuts
from .base import Progress as ProgressCallback
from .base import VideoBackend
from .types import (ExplicitContent, Shot, Shots, VideoAnnotation, VideoFaces, VideoLabels,
                    VideoObjects, VideoText, VideoTranscript)

MODEL_SHOTS = "cogsdk-shots-v1"


class LocalVideo(VideoBackend):
    name = "local"

    def __init__(self, settings: Settings) -> None:
        self._settings = settings
        self._lookup: Optional[Callable[..., Any]] = None

    def bind(self, lookup: Callable[..., Any]) -> None:
        """Keep the router's lookup; the vision backend is asked for only when labels are,
        so shots work without the vision extra."""
        self._lookup = lookup

    def shots(self, video: VideoInput, progress: ProgressCallback) -> Shots:
        return self._shots(self._pass(video, progress, labeler=None))

    def labels(self, video: VideoInput, progress: ProgressCallback) -> VideoLabels:
        vision = self._vision_backend()
        labeler = _labels.FrameLabeler(lambda images: vision.annotate(
            images, {"labels": {"max_results": _labels.MAX_RESULTS}}))
        found = self._pass(video, progress, labeler=labeler)
        items = _labels.aggregate(labeler.samples, found["shots"])
        raw = dict(found["raw"], sampled_frames=len(labeler.samples))
        labels_model = "+".join(labeler.models) or f"vision-{vision.name}"
        return VideoLabels(items=tuple(items), backend="local",
                           model=f"{MODEL_SHOTS}+{labels_model}", raw=raw)

    def faces(self, video: VideoInput, progress: ProgressCallback) -> VideoFaces:
        return self._frames(video, progress, ["faces"])["faces"]

    def explicit_content(self, video: VideoInput, progress: ProgressCallback
                         ) -> ExplicitContent:
        return self._frames(video, progress, ["explicit_content"])["explicit_content"]

    def text(self, video: VideoInput, progress: ProgressCallback) -> VideoText:
        return self._frames(video, progress, ["text"])["text"]

    def objects(self, video: VideoInput, progress: ProgressCallback) -> VideoObjects:
        return self._frames(video, progress, ["objects"])["objects"]

    def transcribe(self, video: VideoInput, progress: ProgressCallback,
                   language: str) -> VideoTranscript:
        """The audio track, decoded with PyAV, through the router's local speech backend."""
        speech = self._bound("speech")
        return _annotate.transcript(speech, video, progress, language)

    def annotate(self, video: VideoInput, progress: ProgressCallback,
                 features: Sequence[str], language: str) -> VideoAnnotation:
        """Every frame feature and shots from one decoding pass; speech from the audio."""
        parts = self._frames(video, progress, [f for f in features if f != "transcribe"])
        if "transcribe" in features:
            parts["transcribe"] = self.transcribe(video, None, language)
        models = dict.fromkeys(parts[f].model for f in features)
        return VideoAnnotation(backend="local", model=" ".join(models),
                               **{f: parts[f] for f in features})

    def _frames(self, video: VideoInput, progress: ProgressCallback,
                features: Sequence[str]) -> dict:
        wanted = [f for f in features if f != "shots"]
        annotator = None
        if wanted:
            vision = self._vision_backend()
            annotator = _annotate.annotator(vision, wanted, self.name)
        found = self._pass(video, progress, annotator, _sampled.SHORT_SIDE)
        parts = {f: _annotate.build(f, annotator, found) for f in wanted}
        if "shots" in features:
            parts["shots"] = self._shots(found)
        return parts

    def _shots(self, found: dict) -> Shots:
        items = tuple(Shot(start=round(a, 3), end=round(b, 3)) for a, b in found["shots"])
        return Shots(items=items, backend="local", model=MODEL_SHOTS, raw=found["raw"])

    def _bound(self, service: str) -> Any:
        if self._lookup is None:
            raise ConfigurationError(
                f"This LocalVideo was never bound to a {service} backend. Use it through "
                "cogsdk.Cog, or call bind(lookup) first.")
        return self._lookup(service, "local")

    def _vision_backend(self) -> VisionBackend:
        if self._lookup is None:
            raise ConfigurationError(
                "This LocalVideo was never bound to a vision backend, so it cannot label "
                "frames. Use it through cogsdk.Cog, or call bind(lookup) first.")
        return self._lookup("vision", "local")

    def _pass(self, video: VideoInput, progress: ProgressCallback,
              labeler: Any, short_side: int = 256) -> dict:
        """Decode once: shots always, and the sampled frames go to ``labeler`` if any."""
        with Frames(video) as frames, engine_errors("local video analysis"):
            detector = ShotDetector(frames.info.fps)
            sampler = None if labeler is None else \
                _labels.FrameSampler(labeler, detector.lookahead_frames + 3, short_side)
            with Progress(frames.info.duration or 0.0, callback=progress,
                          setting=self._settings.progress, desc="video") as bar:
                count, last = _scan(frames, detector, sampler, bar)
                if labeler is not None:
                    labeler.flush()
        return _summary(frames.info, detector.cuts, count, last)


def _scan(frames: Frames, detector: ShotDetector,
          sampler: Optional[_labels.FrameSampler], bar: Progress) -> tuple[int, float]:
    """Feed every frame to the detector (and the sampler); (frame count, last time)."""
    count, last = 0, 0.0
    for time, frame in frames:
        count, last = count + 1, time
        cuts = detector.push(time, thumbnail(frame, SIZE))
        if sampler is not None:
            sampler.push(time, frame, cuts)
        if time - bar.done >= 1.0:
            bar.update_to(time)
    cuts = detector.finish()
    if sampler is not None:
        sampler.at_cuts(cuts)
    return count, last


def _summary(info: Any, cuts: list[float], count: int, last: float) -> dict:
    end = last + 1.0 / info.fps
    raw = {"fps": info.fps, "frames": count, "duration": round(end, 3),
           "width": info.width, "height": info.height,
           "cuts": [round(c, 3) for c in cuts]}
    return {"shots": shots_from_cuts(cuts, 0.0, end), "raw": raw}
