"""Video Intelligence v1 ``videos:annotate``: an Operation whose name has the
``projects/*/locations/*/operations/*`` form that the client's poller asks for."""

from __future__ import annotations

from typing import Any

from google.cloud import videointelligence_v1 as vi

from .operations import Operations
from .wire import ApiError, require

REQUEST = vi.AnnotateVideoRequest.pb()
PREFIX = "projects/cogsdk/locations/local/operations/"
_FEATURE = vi.Feature
_SERVED = {_FEATURE.LABEL_DETECTION: "labels", _FEATURE.SHOT_CHANGE_DETECTION: "shots"}


def annotate(cog: Any, request: Any, operations: Operations) -> Any:
    """Check the request now (a bad one is a 400), run it as an operation."""
    require(request.features, "At least one feature is required.")
    refused = [_FEATURE(f).name if f in _FEATURE._value2member_map_ else str(f)
               for f in request.features if f not in _SERVED]
    if refused:
        raise ApiError("UNIMPLEMENTED", f"{', '.join(refused)}: no model for this feature "
                                        "on this cogsdk server.")
    video = bytes(request.input_content) or request.input_uri
    require(video, "Set inputContent (base64) or inputUri (gs://).")
    require(isinstance(video, bytes) or video.startswith("gs://"),
            "inputUri must be a gs:// URI.")
    methods = [_SERVED[f] for f in dict.fromkeys(request.features)]
    uri = request.input_uri
    return operations.start(PREFIX, lambda: _run(cog, video, methods, uri),
                            lambda progress, started: _metadata(uri, progress, started))


def _run(cog: Any, video: Any, methods: list[str], uri: str) -> Any:
    response = vi.AnnotateVideoResponse.pb()()
    results = response.annotation_results.add(input_uri=uri)
    for method in methods:
        found = getattr(cog.video, method)(video)
        if method == "shots":
            for shot in found:
                _segment(results.shot_annotations.add(), shot.start, shot.end)
        else:
            for label in found:
                target = results.segment_label_annotations if label.scope == "segment" \
                    else results.shot_label_annotations
                _label(target.add(), label)
    return response


def _label(out: Any, label: Any) -> None:
    out.entity.entity_id = label.mid
    out.entity.description = label.description
    out.entity.language_code = "en-US"
    for category in label.categories:
        out.category_entities.add(description=category, language_code="en-US")
    for segment in label.segments:
        one = out.segments.add(confidence=segment.confidence)
        _segment(one.segment, segment.start, segment.end)


def _segment(out: Any, start: float, end: float) -> None:
    out.start_time_offset.FromNanoseconds(int(start * 1e9))
    out.end_time_offset.FromNanoseconds(int(end * 1e9))


def _metadata(uri: str, progress: int, started: float) -> Any:
    metadata = vi.AnnotateVideoProgress.pb()()
    one = metadata.annotation_progress.add(input_uri=uri, progress_percent=progress)
    one.start_time.FromNanoseconds(int(started * 1e9))
    one.update_time.GetCurrentTime()
    return metadata
