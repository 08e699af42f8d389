"""Per-frame detections of sampled frames -> tracks and segments over time.

Detections are linked from one sample to the next when they have the same name and
their normalized boxes overlap (IoU at least ``MIN_IOU``; frames are ~1 s apart, so a
moving face still overlaps itself) and no more than ``MAX_GAP_S`` passed: a face lost in
one sample starts a new track rather than bridging a cut. A track runs from its first
sample to one sampling step after its last (the frames between were not looked at), cut
short at the end of that sample's shot.
"""

from __future__ import annotations

import dataclasses
from typing import Optional, Sequence

from ..._types import BoundingBox, Likelihood
from ..types import (ExplicitFrame, FaceTrack, ObjectTrack, TextSegment, TimedBox)
from .frames import Sample
from .labels import SAMPLE_EVERY_S

MIN_IOU = 0.3
MAX_GAP_S = 1.6 * SAMPLE_EVERY_S

Detection = tuple[str, BoundingBox, float, str]
"""(name, normalized box, score, mid)."""


@dataclasses.dataclass
class _Track:
    name: str
    mid: str
    frames: list[TimedBox]

    @property
    def confidence(self) -> float:
        return round(sum(f.confidence or 0.0 for f in self.frames) / len(self.frames), 4)


def iou(a: BoundingBox, b: BoundingBox) -> float:
    width = min(a.right, b.right) - max(a.left, b.left)
    height = min(a.bottom, b.bottom) - max(a.top, b.top)
    inter = max(0.0, width) * max(0.0, height)
    union = a.width * a.height + b.width * b.height - inter
    return inter / union if union > 0 else 0.0


def normalized(box: BoundingBox, size: tuple[int, int]) -> BoundingBox:
    width, height = size
    return BoundingBox(*(round(min(1.0, max(0.0, v)), 4) for v in
                         (box.left / width, box.top / height, box.right / width,
                          box.bottom / height)))


def link(detections: Sequence[tuple[float, list[Detection]]], min_iou: float = MIN_IOU
         ) -> list[_Track]:
    """Greedy linking in time order: each detection joins the best-overlapping open track."""
    tracks: list[_Track] = []
    for time, found in detections:
        taken: set[int] = set()
        for name, box, score, mid in sorted(found, key=lambda d: -d[2]):
            track = _best(tracks, taken, time, name, box, min_iou)
            frame = TimedBox(time=round(time, 3), box=box, confidence=round(score, 4))
            if track is None:
                tracks.append(_Track(name, mid, [frame]))
                taken.add(len(tracks) - 1)
            else:
                tracks[track].frames.append(frame)
                taken.add(track)
    return tracks


def _best(tracks: list[_Track], taken: set[int], time: float, name: str, box: BoundingBox,
          min_iou: float) -> Optional[int]:
    best, best_iou = None, min_iou
    for number, track in enumerate(tracks):
        last = track.frames[-1]
        if number in taken or track.name != name or time - last.time > MAX_GAP_S:
            continue
        overlap = iou(last.box, box)
        if overlap >= best_iou:
            best, best_iou = number, overlap
    return best


def _end(track: _Track, shot_ends: Sequence[float]) -> float:
    """One sampling step after the last sighting, but never past the end of its shot."""
    last = track.frames[-1].time
    shot_end = min((e for e in shot_ends if e > last + 1e-6), default=last)
    return round(min(shot_end, last + SAMPLE_EVERY_S), 3)


def faces(samples: Sequence[Sample], shot_ends: Sequence[float]) -> list[FaceTrack]:
    found = [(t, [("face", normalized(f.bounding_box, size), f.detection_confidence, "")
                  for f in a.faces or ()]) for t, a, size in samples]
    return [FaceTrack(start=t.frames[0].time, end=_end(t, shot_ends),
                      confidence=t.confidence, frames=tuple(t.frames)) for t in link(found)]


def objects(samples: Sequence[Sample], shot_ends: Sequence[float]) -> list[ObjectTrack]:
    found = [(t, [(o.name, normalized(o.bounding_box, size), o.score, o.mid)
                  for o in a.objects or () if o.bounding_box is not None])
             for t, a, size in samples]
    tracks = [ObjectTrack(description=t.name, mid=t.mid, confidence=t.confidence,
                          start=t.frames[0].time, end=_end(t, shot_ends),
                          frames=tuple(t.frames)) for t in link(found)]
    return sorted(tracks, key=lambda t: -t.confidence)


def text(samples: Sequence[Sample], shot_ends: Sequence[float]) -> list[TextSegment]:
    """Lines with the same text in nearby places, merged (boxes may shift as OCR does)."""
    found = [(t, [(line.text.strip(), normalized(line.bounding_box, size),
                   line.confidence or 0.0, "") for line in _lines(a) if line.text.strip()])
             for t, a, size in samples]
    return [TextSegment(text=t.name, start=t.frames[0].time, end=_end(t, shot_ends),
                        confidence=t.confidence, frames=tuple(t.frames))
            for t in link(found, min_iou=0.1)]


def _lines(annotation) -> list:
    if annotation.text is None:
        return []
    return [line for block in annotation.text.blocks for line in (block.lines or (block,))]


def explicit(samples: Sequence[Sample]) -> list[ExplicitFrame]:
    return [ExplicitFrame(time=round(t, 3), pornography=a.safe_search.adult
                          if a.safe_search is not None else Likelihood.UNKNOWN)
            for t, a, _ in samples]
