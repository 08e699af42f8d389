"""Google's annotation results (REST JSON dicts) -> cogsdk's video result types."""

from __future__ import annotations

from .. import _google
from .._types import BoundingBox, Likelihood
from .types import (ExplicitContent, ExplicitFrame, FaceTrack, ObjectTrack, SpeechSegment,
                    TextSegment, TimedBox, VideoFaces, VideoObjects, VideoText,
                    VideoTranscript)

MODEL = "google/videointelligence/v1"


def _span(segment: dict) -> tuple[float, float]:
    return (_google.seconds(segment.get("startTimeOffset")),
            _google.seconds(segment.get("endTimeOffset")))


def _box(normalized: dict) -> BoundingBox:
    return BoundingBox(*(float(normalized.get(k, 0.0))
                         for k in ("left", "top", "right", "bottom")))


def _timed(frame: dict) -> TimedBox:
    if "rotatedBoundingBox" in frame:  # text: four vertices, turned to their enclosing box
        box = BoundingBox.from_points([(float(v.get("x", 0.0)), float(v.get("y", 0.0)))
                                       for v in frame["rotatedBoundingBox"].get("vertices", [])])
    else:
        box = _box(frame.get("normalizedBoundingBox", {}))
    return TimedBox(time=_google.seconds(frame.get("timeOffset")), box=box)


def faces(result: dict) -> VideoFaces:
    tracks = []
    for annotation in result.get("faceDetectionAnnotations", []):
        for track in annotation.get("tracks", []):
            start, end = _span(track.get("segment", {}))
            tracks.append(FaceTrack(start=start, end=end,
                                    confidence=float(track.get("confidence", 0.0)),
                                    frames=tuple(_timed(f) for f in
                                                 track.get("timestampedObjects", []))))
    tracks.sort(key=lambda t: (t.start, -t.confidence))
    return VideoFaces(items=tuple(tracks), backend="google", model=MODEL, raw=result)


def explicit_content(result: dict) -> ExplicitContent:
    frames = tuple(ExplicitFrame(time=_google.seconds(f.get("timeOffset")),
                                 pornography=Likelihood.parse(f.get("pornographyLikelihood")))
                   for f in result.get("explicitAnnotation", {}).get("frames", []))
    return ExplicitContent(items=frames, backend="google", model=MODEL, raw=result)


def text(result: dict) -> VideoText:
    items = []
    for annotation in result.get("textAnnotations", []):
        for segment in annotation.get("segments", []):
            start, end = _span(segment.get("segment", {}))
            items.append(TextSegment(text=annotation.get("text", ""), start=start, end=end,
                                     confidence=float(segment.get("confidence", 0.0)),
                                     frames=tuple(_timed(f) for f in segment.get("frames", []))))
    items.sort(key=lambda s: (s.start, s.text))
    return VideoText(items=tuple(items), backend="google", model=MODEL, raw=result)


def transcribe(result: dict, language: str) -> VideoTranscript:
    items, spoken = [], language
    for transcription in result.get("speechTranscriptions", []):
        alternatives = transcription.get("alternatives", [])
        if not alternatives or not alternatives[0].get("transcript"):
            continue  # Google sends empty results for silent stretches
        best = alternatives[0]
        spoken = transcription.get("languageCode", spoken)
        words = tuple((w.get("word", ""), _google.seconds(w.get("startTime")),
                       _google.seconds(w.get("endTime"))) for w in best.get("words", []))
        items.append(SpeechSegment(
            text=best["transcript"], start=words[0][1] if words else 0.0,
            end=words[-1][2] if words else 0.0, words=words,
            confidence=float(best["confidence"]) if "confidence" in best else None))
    return VideoTranscript(items=tuple(items), language=spoken, backend="google",
                           model=MODEL, raw=result)


def objects(result: dict) -> VideoObjects:
    tracks = []
    for annotation in result.get("objectAnnotations", []):
        start, end = _span(annotation.get("segment", {}))
        entity = annotation.get("entity", {})
        tracks.append(ObjectTrack(description=entity.get("description", ""),
                                  mid=entity.get("entityId", ""), start=start, end=end,
                                  confidence=float(annotation.get("confidence", 0.0)),
                                  frames=tuple(_timed(f) for f in annotation.get("frames", []))))
    tracks.sort(key=lambda t: -t.confidence)
    return VideoObjects(items=tuple(tracks), backend="google", model=MODEL, raw=result)
