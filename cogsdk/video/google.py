"""Google Cloud Video Intelligence v1 through the official client (REST transport)."""

from __future__ import annotations

from google.cloud import videointelligence_v1 as vi

from .. import _google
from ..errors import InvalidInput
from ..media import VideoInput
from .base import Progress, VideoBackend
from .types import Segment, Shot, Shots, VideoLabel, VideoLabels

MODEL = "google/videointelligence/v1"
MAX_INLINE_BYTES = 15 * 2**20  # JSON requests must stay small; larger videos go by gs://
OPERATION_LIMIT_SECONDS = 3 * 3600.0


class GoogleVideo(_google.GoogleBackend, VideoBackend):
    client_class = vi.VideoIntelligenceServiceClient
    endpoint_key = "video"

    def labels(self, video: VideoInput, progress: Progress) -> VideoLabels:
        result = self._annotate(video, vi.Feature.LABEL_DETECTION, progress)
        items = [_label(a, "segment") for a in result.get("segmentLabelAnnotations", [])]
        items.sort(key=lambda label: -label.confidence)
        items += [_label(a, "shot") for a in result.get("shotLabelAnnotations", [])]
        return VideoLabels(items=tuple(items), backend="google", model=MODEL, raw=result)

    def shots(self, video: VideoInput, progress: Progress) -> Shots:
        result = self._annotate(video, vi.Feature.SHOT_CHANGE_DETECTION, progress)
        items = tuple(Shot(start=_google.seconds(s.get("startTimeOffset")),
                           end=_google.seconds(s.get("endTimeOffset")))
                      for s in result.get("shotAnnotations", []))
        return Shots(items=items, backend="google", model=MODEL, raw=result)

    def _annotate(self, video: VideoInput, feature, progress: Progress) -> dict:
        request = vi.AnnotateVideoRequest(features=[feature])
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
        results = _google.to_dict(response).get("annotationResults", [{}]) or [{}]
        if results[0].get("error"):
            raise _google.rpc_status_error(results[0]["error"])
        return results[0]


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
