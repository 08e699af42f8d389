"""Google Cloud Vision through the official client (REST transport).

Requests are built and answers read as raw protobuf messages: the proto-plus wrappers
and a dict per answer cost more CPU than the rest of a call on a fast network. ``raw``
is still the REST JSON of each image's answer, built when first read.
"""

from __future__ import annotations

import io
from concurrent.futures import ThreadPoolExecutor
from typing import Any, Optional, Sequence

from google.cloud import vision_v1

from .. import _google
from . import _google_read
from .._batch import load_all, run_valid
from .._types import BoundingBox, Likelihood, Point
from ..errors import CogError, InvalidInput
from ..media import ImageInput
from .base import FeatureOptions, VisionBackend
from .types import (Annotation, Color, Face, Faces, ImageProperties, Label, Labels, Landmark,
                    LocalizedObject, Objects, SafeSearch, TextBlock, TextLine, TextResult)

MAX_IMAGES_PER_REQUEST = 16
MAX_REQUEST_BYTES = 9 * 2**20  # Google refuses JSON bodies over 10 MB; base64 adds a third
MAX_PARALLEL_REQUESTS = 4
MODEL = "google/vision/v1"

_TYPES = vision_v1.Feature.Type
_FEATURE_TYPES = {"labels": _TYPES.LABEL_DETECTION, "faces": _TYPES.FACE_DETECTION,
                  "text": _TYPES.TEXT_DETECTION, "safe_search": _TYPES.SAFE_SEARCH_DETECTION,
                  "properties": _TYPES.IMAGE_PROPERTIES, "logos": _TYPES.LOGO_DETECTION,
                  "landmarks": _TYPES.LANDMARK_DETECTION,
                  "objects": _TYPES.OBJECT_LOCALIZATION,
                  "document_text": _TYPES.DOCUMENT_TEXT_DETECTION,
                  "crop_hints": _TYPES.CROP_HINTS, "web": _TYPES.WEB_DETECTION}
_REQUEST = vision_v1.BatchAnnotateImagesRequest
_FEATURE_PB = vision_v1.Feature.pb()
_MISSING = vision_v1.AnnotateImageResponse.pb()(error={"code": 13,
                                                       "message": "missing response"})


class GoogleVision(_google.GoogleBackend, VisionBackend):
    """Sends up to 16 images per request and several requests at once."""

    client_class = vision_v1.ImageAnnotatorClient
    endpoint_key = "vision"
    features = frozenset(_FEATURE_TYPES)
    batch_size = MAX_IMAGES_PER_REQUEST * MAX_PARALLEL_REQUESTS * 2  # keeps the pool full

    def annotate(self, images: Sequence[ImageInput],
                 features: FeatureOptions) -> list[Annotation | CogError]:
        if features.get("labels", {}).get("model"):  # labels(model=...): a Vertex endpoint
            return self._vertex().annotate(images, features)
        checked = load_all(images, _inline_size_checked)
        return run_valid(checked, lambda valid: self._annotate_valid(valid, features))

    def _vertex(self) -> Any:
        """The Vertex AI client of ``labels(model="projects/.../endpoints/E")``."""
        if getattr(self, "_vertex_client", None) is None:
            from ..training.google import VertexEndpoints

            self._vertex_client = VertexEndpoints(self._settings)
        return self._vertex_client

    def _annotate_valid(self, images: list[ImageInput],
                        features: FeatureOptions) -> list[Annotation | CogError]:
        chunks = _chunks(images)
        if len(chunks) == 1:
            return self._annotate_chunk(chunks[0], features)
        with ThreadPoolExecutor(min(MAX_PARALLEL_REQUESTS, len(chunks))) as pool:
            answers = pool.map(lambda chunk: self._annotate_chunk(chunk, features), chunks)
            return [result for answer in answers for result in answer]

    def _annotate_chunk(self, chunk: list[ImageInput],
                        features: FeatureOptions) -> list[Annotation | CogError]:
        request = _batch_request(chunk, features)
        try:
            response = _google.call(self._settings, lambda timeout: self._client.
                                    batch_annotate_images(request=request, retry=None,
                                                          timeout=timeout))
        except CogError as error:  # the whole request failed: every image gets the error
            return [error] * len(chunk)
        answers = list(type(response).pb(response).responses)
        answers = (answers + [_MISSING] * len(chunk))[:len(chunk)]
        return [_annotation(answer, features, image) for answer, image in zip(answers, chunk)]


def _chunks(images: Sequence[ImageInput]) -> list[list[ImageInput]]:
    chunks: list[list[ImageInput]] = [[]]
    size = 0
    for image in images:
        weight = len(image.content or b"") * 4 // 3 + 512
        if chunks[-1] and (len(chunks[-1]) == MAX_IMAGES_PER_REQUEST
                           or size + weight > MAX_REQUEST_BYTES):
            chunks.append([])
            size = 0
        chunks[-1].append(image)
        size += weight
    return [chunk for chunk in chunks if chunk]


def _inline_size_checked(image: ImageInput) -> ImageInput:
    if image.uri is None and len(image.encoded()) * 4 // 3 > MAX_REQUEST_BYTES:
        raise InvalidInput(f"{image.name} is too large to send inline "
                           f"({len(image.encoded()) // 2**20} MiB); use a gs:// URI or "
                           "resize it.")
    return image


def _batch_request(chunk: list[ImageInput], features: FeatureOptions) -> Any:
    """The request as a raw protobuf message (wrapped, not copied, for the client)."""
    batch = _REQUEST.pb()()
    wanted = [_FEATURE_PB(type_=_FEATURE_TYPES[name],
                          max_results=int(options.get("max_results") or 0))
              for name, options in features.items()]
    languages = list(dict.fromkeys(
        code for name in ("text", "document_text")
        for code in features.get(name, {}).get("languages") or []))
    ratios = list(features.get("crop_hints", {}).get("aspect_ratios") or [])
    for image in chunk:
        one = batch.requests.add()
        if image.uri is not None:
            one.image.source.image_uri = image.uri
        else:
            one.image.content = image.encoded()
        one.features.extend(wanted)
        if languages:
            one.image_context.language_hints.extend(languages)
        if ratios:  # else Google's default: one 1:1 hint
            one.image_context.crop_hints_params.aspect_ratios.extend(ratios)
    return _REQUEST.wrap(batch)


def _annotation(answer: Any, features: FeatureOptions,
                image: ImageInput) -> Annotation | CogError:
    """One image's answer (an ``AnnotateImageResponse`` protobuf) as our result."""
    status = _google.pb_dict(answer.error) if answer.HasField("error") else None
    if status:
        return _google.rpc_status_error(status)
    common: dict[str, Any] = {"backend": "google", "model": MODEL,
                              "raw": _google.lazy_dict(answer)}
    parts: dict[str, Any] = {name: _PARTS[name](answer, common)
                             for name in features if name != "objects"}
    if "objects" in features:  # the only part whose reading needs the image's own size
        parts["objects"] = _objects(answer, common, _pixel_size(image))
    return Annotation(**common, **parts)


def _box(poly: Any) -> BoundingBox:
    return BoundingBox.from_points([(v.x, v.y) for v in poly.vertices])


def _labels(annotations: Any) -> tuple[Label, ...]:
    return tuple(map(_label, annotations))


def _label(a: Any) -> Label:
    # Floats go through f32 and zeros read as absent, exactly as in the JSON answer.
    score = _google.f32(a.score)
    topicality = score if a.topicality == a.score else _google.f32(a.topicality)  # usual
    return Label(description=a.description, score=score, mid=a.mid,
                 topicality=topicality or None,
                 bounding_box=_box(a.bounding_poly) if a.HasField("bounding_poly") else None)


_LIKELY = ("joy", "sorrow", "anger", "surprise", "blurred", "headwear")
_LANDMARK_NAMES = {member.value: member.name
                   for member in vision_v1.FaceAnnotation.Landmark.Type}
"""The JSON answer names landmark types; a number it does not know stays a number."""


def _face(a: Any) -> Face:
    f32 = _google.f32
    likely = {name: Likelihood.parse(getattr(a, f"{name}_likelihood")) for name in _LIKELY}
    landmarks = tuple(Landmark(type=_LANDMARK_NAMES.get(m.type_, m.type_),
                               x=f32(m.position.x), y=f32(m.position.y), z=f32(m.position.z))
                      for m in a.landmarks)
    return Face(bounding_box=_box(a.bounding_poly), landmarks=landmarks,
                roll=f32(a.roll_angle), pan=f32(a.pan_angle), tilt=f32(a.tilt_angle),
                detection_confidence=f32(a.detection_confidence),
                landmarking_confidence=f32(a.landmarking_confidence),
                under_exposed=Likelihood.parse(a.under_exposed_likelihood), **likely)


_BREAK = vision_v1.TextAnnotation.DetectedBreak.BreakType
_BREAKS = {_BREAK.SPACE: " ", _BREAK.SURE_SPACE: " ", _BREAK.EOL_SURE_SPACE: "\n",
           _BREAK.LINE_BREAK: "\n", _BREAK.HYPHEN: "-\n"}


def _paragraph_text(paragraph: Any) -> str:
    out = []
    for word in paragraph.words:
        for symbol in word.symbols:
            out.append(symbol.text)
            out.append(_BREAKS.get(symbol.property.detected_break.type_, ""))
    return "".join(out).strip()


def _block(block: Any) -> TextBlock:
    lines = tuple(TextLine(text=_paragraph_text(p), bounding_box=_box(p.bounding_box),
                           confidence=_google.f32(p.confidence) or None)
                  for p in block.paragraphs)
    return TextBlock(text="\n".join(line.text for line in lines),
                     bounding_box=_box(block.bounding_box),
                     confidence=_google.f32(block.confidence) or None, lines=lines)


def _text(answer: Any, common: dict) -> TextResult:
    full = answer.full_text_annotation
    blocks = [_block(block) for page in full.pages for block in page.blocks]
    words = list(answer.text_annotations)
    if not blocks:  # TEXT_DETECTION without the full structure: one block per word
        blocks = [TextBlock(text=w.description, bounding_box=_box(w.bounding_poly))
                  for w in words[1:]]
    text = full.text or (words[0].description if words else "")
    languages = tuple(x.language_code for page in full.pages
                      for x in page.property.detected_languages)
    return TextResult(text=text.rstrip("\n"), blocks=tuple(blocks), languages=languages,
                      **common)


def _safe_search(a: Any, common: dict) -> SafeSearch:
    return SafeSearch(**{k: Likelihood.parse(getattr(a, k)) for k in
                         ("adult", "spoof", "medical", "violence", "racy")}, **common)


def _properties(a: Any, common: dict) -> ImageProperties:
    f32 = _google.f32
    colors = tuple(Color(red=int(c.color.red), green=int(c.color.green),
                         blue=int(c.color.blue), score=f32(c.score),
                         pixel_fraction=f32(c.pixel_fraction))
                   for c in a.dominant_colors.colors)
    return ImageProperties(dominant_colors=colors, **common)


def _pixel_size(image: ImageInput) -> Optional[tuple[int, int]]:
    """Width and height of the upright picture (as the local path decodes it), read from
    the header only; ``None`` for a remote URI, whose size the answer does not give."""
    from PIL import Image

    if image.uri is not None:
        return None
    try:
        picture = image.picture or Image.open(io.BytesIO(image.content or b""))
        width, height = picture.size
        turned = picture.getexif().get(0x0112, 1) in (5, 6, 7, 8)  # EXIF: quarter turns
    except Exception:  # Google read it, so an odd header only costs the pixel boxes
        return None
    return (height, width) if turned else (width, height)


def _object(a: Any, size: Optional[tuple[int, int]]) -> LocalizedObject:
    f32 = _google.f32
    corners = tuple(Point(f32(v.x), f32(v.y)) for v in a.bounding_poly.normalized_vertices)
    pixels = None
    if size is not None:
        pixels = BoundingBox.from_points([(p.x * size[0], p.y * size[1]) for p in corners])
    return LocalizedObject(name=a.name, score=f32(a.score), normalized_vertices=corners,
                           bounding_box=pixels, mid=a.mid)


def _objects(answer: Any, common: dict, size: Optional[tuple[int, int]]) -> Objects:
    found = sorted((_object(a, size) for a in answer.localized_object_annotations),
                   key=lambda item: -item.score)
    return Objects(items=tuple(found), **common)


_PARTS = {
    "labels": lambda answer, common: Labels(items=_labels(answer.label_annotations), **common),
    "logos": lambda answer, common: Labels(items=_labels(answer.logo_annotations), **common),
    "landmarks": lambda answer, common: Labels(items=_labels(answer.landmark_annotations),
                                               **common),
    "faces": lambda answer, common: Faces(items=tuple(map(_face, answer.face_annotations)),
                                          **common),
    "text": _text,
    "safe_search": lambda answer, common: _safe_search(answer.safe_search_annotation, common),
    "properties": lambda answer, common: _properties(answer.image_properties_annotation,
                                                     common),
    "document_text": _google_read.document_text,
    "crop_hints": _google_read.crop_hints,
    "web": _google_read.web,
}
"""How each feature reads its part of one image's answer."""
