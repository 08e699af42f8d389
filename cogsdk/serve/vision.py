"""Vision v1 ``BatchAnnotateImages``: Google's request in, ``cog.vision.annotate`` per
group of images that ask for the same features, Google's response out."""

from __future__ import annotations

import dataclasses
from typing import Any, Callable

from google.cloud import vision_v1

from ..errors import CogError
from . import vision_wire
from .wire import ApiError, api_error

MAX_IMAGES = 16
"""Google's limit of images per ``images:annotate`` request."""

REQUEST = vision_v1.BatchAnnotateImagesRequest.pb()
RESPONSE = vision_v1.BatchAnnotateImagesResponse.pb()
_TYPE = vision_v1.Feature.Type
FEATURES = {_TYPE.FACE_DETECTION: "faces", _TYPE.LANDMARK_DETECTION: "landmarks",
            _TYPE.LOGO_DETECTION: "logos", _TYPE.LABEL_DETECTION: "labels",
            _TYPE.TEXT_DETECTION: "text", _TYPE.DOCUMENT_TEXT_DETECTION: "text",
            _TYPE.SAFE_SEARCH_DETECTION: "safe_search", _TYPE.IMAGE_PROPERTIES: "properties",
            _TYPE.OBJECT_LOCALIZATION: "objects"}
"""Google's feature types with a cogsdk feature name; each is served when a backend has
it, and the others (crop hints, web, product search) answer UNIMPLEMENTED in their
image's slot."""

Annotate = Callable[[list, list], list]
"""``annotate(images, feature_names) -> [Annotation | CogError]``: ``cog.vision.annotate``,
or the dynamic batcher in front of it."""


@dataclasses.dataclass
class _Job:
    """One image of the request: what to annotate, how many results, what was refused."""

    image: Any = None
    limits: dict = dataclasses.field(default_factory=dict)
    refused: list = dataclasses.field(default_factory=list)
    error: ApiError | None = None


def batch_annotate(request: Any, annotate: Annotate, served: frozenset) -> Any:
    """Answer a ``BatchAnnotateImagesRequest``; ``served`` are the cogsdk feature names
    some backend of this server can run. Per-image failures stay in their slots."""
    if len(request.requests) > MAX_IMAGES:
        raise ApiError("INVALID_ARGUMENT", f"Too many images per request: "
                                           f"{len(request.requests)}; the limit is "
                                           f"{MAX_IMAGES}.")
    jobs = [_job(one, served) for one in request.requests]
    answers = _run(jobs, annotate)
    response = RESPONSE()
    for job, answer in zip(jobs, answers):
        slot = response.responses.add()
        vision_wire.fill(slot, answer, job.limits)
        _add_errors(slot, job, answer)
    return response


def _job(one: Any, served: frozenset) -> _Job:
    job = _Job()
    try:
        job.image = _image(one.image)
    except ApiError as error:
        job.error = error
        return job
    if not one.features:
        job.error = ApiError("INVALID_ARGUMENT", "No feature requested: set features[].type.")
    for feature in one.features:
        name = FEATURES.get(feature.type_)
        if name in served:
            job.limits[name] = max(job.limits.get(name, 0), feature.max_results)
        else:
            job.refused.append(_type_name(feature.type_))
    return job


def _type_name(value: int) -> str:
    try:
        return _TYPE(value).name
    except ValueError:  # a type newer than this client library
        return str(value)


def _image(image: Any) -> Any:
    """Inline bytes or a remote URI; never a server-side path."""
    if image.content:
        return bytes(image.content)
    uri = image.source.image_uri or image.source.gcs_image_uri
    if uri.lower().startswith(("gs://", "https://", "http://")):
        return uri
    raise ApiError("INVALID_ARGUMENT", "Image has no content: set image.content (base64) "
                                       "or image.source.imageUri (gs:// or https://).")


def _run(jobs: list[_Job], annotate: Annotate) -> list:
    """One ``annotate`` call per distinct feature set, answers put back in order."""
    answers: list = [None] * len(jobs)
    groups: dict[tuple, list[int]] = {}
    for index, job in enumerate(jobs):
        if job.error is None and job.limits:
            groups.setdefault(tuple(sorted(job.limits)), []).append(index)
    for names, indexes in groups.items():
        try:
            results = annotate([jobs[i].image for i in indexes], list(names))
        except CogError as error:  # the whole group failed alike
            results = [error] * len(indexes)
        for index, result in zip(indexes, results):
            answers[index] = result
    return answers


def _add_errors(slot: Any, job: _Job, answer: Any) -> None:
    error = job.error or (api_error(answer) if isinstance(answer, Exception) else None)
    if error is None and job.refused:
        error = ApiError("UNIMPLEMENTED", f"{', '.join(job.refused)}: no model for this "
                                          "feature on this cogsdk server (cogsdk serve "
                                          "--mode auto or cloud sends it to Google).")
    if error is not None:
        slot.error.CopyFrom(error.to_status())
