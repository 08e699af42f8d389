"""Video labels from sampled frames: label them in batches, then aggregate per shot.

Frames are sampled about once per second plus the first frame of every shot, labelled by
the local vision backend in batches of ``BATCH`` (pictures are dropped as soon as their
batch is labelled), and only ``(time, labels)`` pairs are kept. Aggregation follows
Google's shape:

- a shot's confidence in a label is the mean of that label's score over the shot's
  sampled frames (0 where a frame did not show it); labels under ``MIN_CONFIDENCE`` are
  dropped;
- a whole-video (``scope="segment"``) label has the best confidence any shot gave it, and
  one segment that spans the video;
- a per-shot (``scope="shot"``) label lists every shot it was seen in, with that shot's
  start, end and confidence.
"""

from __future__ import annotations

import collections
from typing import Any, Callable, Sequence

from ..._engines import engine_errors
from ...errors import CogError
from ..types import Segment, VideoLabel
from .decode import picture

BATCH = 16
MAX_RESULTS = 10
MIN_CONFIDENCE = 0.3
SAMPLE_EVERY_S = 1.0


class FrameLabeler:
    """Collects sampled pictures and labels them ``BATCH`` at a time."""

    def __init__(self, annotate: Callable[[Sequence[Any]], list]) -> None:
        self._annotate = annotate
        self._batch: list[tuple[float, Any]] = []
        self.samples: list[tuple[float, list[tuple[str, float, str]]]] = []
        self.models: dict[str, None] = {}
        """The labels models the vision backend reported, in first-seen order."""

    def add(self, time: float, picture: Any) -> None:
        self._batch.append((time, picture))
        if len(self._batch) >= BATCH:
            self.flush()

    def flush(self) -> None:
        if not self._batch:
            return
        from ...media import load_image

        batch, self._batch = self._batch, []
        with engine_errors("labelling video frames"):
            results = self._annotate([load_image(p) for _, p in batch])
        for (time, _), result in zip(batch, results):
            if isinstance(result, CogError) or result.labels is None:
                continue
            self.models[result.labels.model] = None
            self.samples.append((time, [(x.description, float(x.score), x.mid)
                                        for x in result.labels]))


class FrameSampler:
    """Picks the frames to label: about one a second, plus the first frame of each shot.

    Cuts are confirmed a few frames late, so the last ``keep`` frames are held to find
    the frame a cut starts at.
    """

    def __init__(self, labeler: Any, keep: int, short_side: int = 256) -> None:
        self._labeler = labeler  # anything with add(time, picture)
        self._short_side = short_side
        self._recent: collections.deque = collections.deque(maxlen=keep)
        self._sampled: set[float] = set()
        self._next = float("-inf")  # the first frame is always sampled

    def push(self, time: float, frame: Any, cuts: list[float]) -> None:
        """Add a decoded frame and the cuts confirmed with it."""
        self._recent.append((time, frame))
        self.at_cuts(cuts)
        if time >= self._next:
            self._sample(time, frame)
            self._next = time + SAMPLE_EVERY_S

    def at_cuts(self, cuts: list[float]) -> None:
        for cut in cuts:
            for time, frame in self._recent:
                if abs(time - cut) < 1e-6:
                    self._sample(time, frame)

    def _sample(self, time: float, frame: Any) -> None:
        if round(time, 3) not in self._sampled:
            self._sampled.add(round(time, 3))
            self._labeler.add(time, picture(frame, self._short_side))


def aggregate(samples: list[tuple[float, list[tuple[str, float, str]]]],
              shots: list[tuple[float, float]]) -> list[VideoLabel]:
    """Whole-video labels (best first), then per-shot labels (best first)."""
    per_shot: list[dict[str, float]] = []
    mids: dict[str, str] = {}
    ordered = sorted(samples)
    for start, end in shots:
        inside = [labels for time, labels in ordered if start - 1e-6 <= time < end - 1e-6]
        sums: dict[str, float] = collections.defaultdict(float)
        for labels in inside:
            for description, score, mid in labels:
                sums[description] += score
                mids.setdefault(description, mid)
        per_shot.append({d: s / len(inside) for d, s in sums.items()
                         if inside and s / len(inside) >= MIN_CONFIDENCE})
    if not shots:
        return []
    video_start, video_end = shots[0][0], shots[-1][1]
    seen: dict[str, list[Segment]] = collections.defaultdict(list)
    for (start, end), confidences in zip(shots, per_shot):
        for description, confidence in confidences.items():
            seen[description].append(Segment(start=round(start, 3), end=round(end, 3),
                                              confidence=round(confidence, 4)))
    best = {d: max(s.confidence for s in segments) for d, segments in seen.items()}
    order = sorted(seen, key=lambda d: (-best[d], d))
    whole = [VideoLabel(description=d, confidence=best[d], mid=mids.get(d, ""),
                        segments=(Segment(start=round(video_start, 3), end=round(video_end, 3),
                                          confidence=best[d]),), scope="segment")
             for d in order]
    by_shot = [VideoLabel(description=d, confidence=best[d], mid=mids.get(d, ""),
                          segments=tuple(seen[d]), scope="shot") for d in order]
    return whole + by_shot
