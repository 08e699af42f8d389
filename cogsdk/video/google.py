"""Google Cloud Video Intelligence v1 through the official client (REST transport)."""

from __future__ import annotations

from typing import Optional, Sequence

from google.cloud import videointelligence_v1 as vi

from .. import _google
from ..errors import InvalidInput
from ..media import VideoInput
from .base import Progress, VideoBackend
from . import _google_results as results
from ._google_results import MODEL
from .types import (ExplicitContent, Segment, Shot, Shots, VideoAnnotation, VideoFaces,
                    VideoLabel, VideoLabels, VideoObjects, VideoText, VideoTranscript)

MAX_INLINE_BYTES = 15 * 2**20  # JSON requests must stay small; larger videos go by gs://
OPERATION_LIMIT_SECONDS = 3 * 3600.0


_FEATURES = {"labels": vi.Feature.LABEL_DETECTION, "shots": vi.Feature.SHOT_CHANGE_DETECTION,
             "faces": vi.Feature.FACE_DETECTION,
             "explicit_content": vi.Feature.EXPLICIT_CONTENT_DETECTION,
             "text": vi.Feature.TEXT_DETECTION,
             "transcribe": vi.Feature.SPEECH_TRANSCRIPTION,
             "objects": vi.Feature.OBJECT_TRACKING}


class GoogleVideo(_google.GoogleBackend, VideoBackend):
    client_class = vi.VideoIntelligenceServiceClient
    endpoint_key = "video"

    def labels(self, video: VideoInput, progress: Progress) -> VideoLabels:
        return _labels(self._annotate(video, ["labels"], progress))

    def shots(self, video: VideoInput, progress: Progress) -> Shots:
        return _shots(self._annotate(video, ["shots"], progress))

    def faces(self, video: VideoInput, progress: Progress) -> VideoFaces:
        return results.faces(self._annotate(video, ["faces"], progress))

    def explicit_content(self, video: VideoInput, progress: Progress) -> ExplicitContent:
        return results.explicit_content(self._annotate(video, ["explicit_content"], progress))

    def text(self, video: VideoInput, progress: Progress) -> VideoText:
        return results.text(self._annotate(video, ["text"], progress))

    def transcribe(self, video: VideoInput, progress: Progress,
                   language: str) -> VideoTranscript:
        found = self._annotate(video, ["transcribe"], progress, language)
        return results.transcribe(found, language)

    def objects(self, video: VideoInput, progress: Progress) -> VideoObjects:
        return results.objects(self._annotate(video, ["objects"], progress))

    def annotate(self, video: VideoInput, progress: Progress, features: Sequence[str],
                 language: str) -> VideoAnnotation:
        """All the features in one annotate_video operation."""
        found = self._annotate(video, features, progress, language)
        parse = {"labels": _labels, "shots": _shots, "faces": results.faces,
                 "explicit_content": results.explicit_content, "text": results.text,
                 "transcribe": lambda r: results.transcribe(r, language),
                 "objects": results.objects}
        return VideoAnnotation(backend="google", model=MODEL, raw=found,
                               **{name: parse[name](found) for name in features})

    def _annotate(self, video: VideoInput, features: Sequence[str], progress: Progress,
                  language: str = "en-US") -> dict:
        request = vi.AnnotateVideoRequest(features=[_FEATURES[f] for f in features],
                                          video_context=_context(features, language))
        if video.uri:
            request.input_uri = video.uri
        else:
            content = video.read()
            if len(content) > MAX_INLINE_BYTES:
                raise InvalidInput(f"{video.name} is over {MAX_INLINE_BYTES // 2**20} MB: "
                                   "upload it to Cloud Storage and pass the gs:// URI.")
            request.input_content = content
        operation = _google.call(self._settings, lambda timeout: self._client.annotate_video(
            request=request, retry=None, timeout=timeout))
        response = _google.wait_operation(self._settings, operation, OPERATION_LIMIT_SECONDS,
                                          progress, _percent)
        found = _google.to_dict(response).get("annotationResults", [{}]) or [{}]
        if found[0].get("error"):
            raise _google.rpc_status_error(found[0]["error"])
        return found[0]


def _context(features: Sequence[str], language: str) -> Optional[vi.VideoContext]:
    """Only the configs the features need, so a labels request stays exactly as before."""
    context = vi.VideoContext()
    if "faces" in features:  # Google leaves the boxes out unless asked
        context.face_detection_config = vi.FaceDetectionConfig(include_bounding_boxes=True)
    if "transcribe" in features:
        context.speech_transcription_config = vi.SpeechTranscriptionConfig(
            language_code=language, enable_automatic_punctuation=True)
    return context if ("faces" in features or "transcribe" in features) else None


def _labels(result: dict) -> VideoLabels:
    items = [_label(a, "segment") for a in result.get("segmentLabelAnnotations", [])]
    items.sort(key=lambda label: -label.confidence)
    items += [_label(a, "shot") for a in result.get("shotLabelAnnotations", [])]
    return VideoLabels(items=tuple(items), backend="google", model=MODEL, raw=result)


def _shots(result: dict) -> Shots:
    items = tuple(Shot(start=_google.seconds(s.get("startTimeOffset")),
                       end=_google.seconds(s.get("endTimeOffset")))
                  for s in result.get("shotAnnotations", []))
    return Shots(items=items, backend="google", model=MODEL, raw=result)


def _percent(metadata) -> float:
    progress = list(getattr(metadata, "annotation_progress", []) or [])
    return float(progress[0].progress_percent) if progress else 0.0


def _label(annotation: dict, scope: str) -> VideoLabel:
    entity = annotation.get("entity", {})
    segments = tuple(Segment(start=_google.seconds(s.get("segment", {}).get("startTimeOffset")),
                             end=_google.seconds(s.get("segment", {}).get("endTimeOffset")),
                             confidence=float(s.get("confidence", 0.0)))
                     for s in annotation.get("segments", []))
    return VideoLabel(description=entity.get("description", ""),
                      confidence=max((s.confidence for s in segments), default=0.0),
                      segments=segments, mid=entity.get("entityId", ""),
                      categories=tuple(c.get("description", "")
                                       for c in annotation.get("categoryEntities", [])),
                      scope=scope)
