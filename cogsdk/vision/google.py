"""Google Cloud Vision through the official client (REST transport)."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from typing import Sequence

from google.cloud import vision_v1

from .. import _google
from .._batch import load_all, run_valid
from .._progress import Progress
from .._config import Settings
from .._types import BoundingBox, Likelihood
from ..errors import CogError, InvalidInput
from ..media import ImageInput
from .base import FeatureOptions, VisionBackend
from .types import (Annotation, Color, Face, Faces, ImageProperties, Label, Labels, Landmark,
                    SafeSearch, TextBlock, TextLine, TextResult)

MAX_IMAGES_PER_REQUEST = 16
MAX_REQUEST_BYTES = 9 * 2**20  # Google refuses JSON bodies over 10 MB; base64 adds a third
MAX_PARALLEL_REQUESTS = 4
MODEL = "google/vision/v1"
LONG_LIST = 64
"""Lists longer than this show a progress bar on a terminal (``Cog(progress=...)``)."""

_TYPES = vision_v1.Feature.Type
_FEATURE_TYPES = {"labels": _TYPES.LABEL_DETECTION, "faces": _TYPES.FACE_DETECTION,
                  "text": _TYPES.TEXT_DETECTION, "safe_search": _TYPES.SAFE_SEARCH_DETECTION,
                  "properties": _TYPES.IMAGE_PROPERTIES, "logos": _TYPES.LOGO_DETECTION,
                  "landmarks": _TYPES.LANDMARK_DETECTION}


class GoogleVision(VisionBackend):
    """Sends up to 16 images per request and several requests at once."""

    name = "google"
    features = frozenset(_FEATURE_TYPES)

    def __init__(self, settings: Settings) -> None:
        self._settings = settings
        self._client = _google.gapic_client(vision_v1.ImageAnnotatorClient, settings, "vision")

    def annotate(self, images: Sequence[ImageInput],
                 features: FeatureOptions) -> list[Annotation | CogError]:
        checked = load_all(images, _inline_size_checked)
        return run_valid(checked, lambda valid: self._annotate_valid(valid, features))

    def _annotate_valid(self, images: list[ImageInput],
                        features: FeatureOptions) -> list[Annotation | CogError]:
        chunks = _chunks(images)
        if len(chunks) == 1:
            return self._annotate_chunk(chunks[0], features)
        results: list[Annotation | CogError] = []
        with ThreadPoolExecutor(min(MAX_PARALLEL_REQUESTS, len(chunks))) as pool, \
                Progress(len(images), setting=self._settings.progress, unit="img",
                         desc="vision", long_after=LONG_LIST) as progress:
            for answer in pool.map(lambda chunk: self._annotate_chunk(chunk, features), chunks):
                results.extend(answer)
                progress.update_to(len(results))
        return results

    def _annotate_chunk(self, chunk: list[ImageInput],
                        features: FeatureOptions) -> list[Annotation | CogError]:
        request = vision_v1.BatchAnnotateImagesRequest(
            requests=[_image_request(image, features) for image in chunk])
        try:
            response = _google.call(self._settings, lambda timeout: self._client.
                                    batch_annotate_images(request=request, retry=None,
                                                          timeout=timeout))
        except CogError as error:  # the whole request failed: every image gets the error
            return [error] * len(chunk)
        payload = _google.to_dict(response).get("responses", [])
        if len(payload) != len(chunk):
            payload = (payload + [{"error": {"code": 13, "message": "missing response"}}]
                       * len(chunk))[:len(chunk)]
        return [_annotation(item, features) for item in payload]

    def close(self) -> None:
        self._client.transport.close()


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


def _image_request(image: ImageInput, features: FeatureOptions) -> vision_v1.AnnotateImageRequest:
    if image.uri is not None:
        source = vision_v1.Image(source=vision_v1.ImageSource(image_uri=image.uri))
    else:
        source = vision_v1.Image(content=image.encoded())
    wanted = [vision_v1.Feature(type_=_FEATURE_TYPES[name],
                                max_results=int(options.get("max_results") or 0))
              for name, options in features.items()]
    languages = list(features.get("text", {}).get("languages") or [])
    context = vision_v1.ImageContext(language_hints=languages) if languages else None
    return vision_v1.AnnotateImageRequest(image=source, features=wanted, image_context=context)


def _annotation(payload: dict, features: FeatureOptions) -> Annotation | CogError:
    if payload.get("error"):
        return _google.rpc_status_error(payload["error"])
    common = {"backend": "google", "model": MODEL, "raw": payload}
    parts = {
        "labels": lambda: Labels(items=_labels(payload.get("labelAnnotations")), **common),
        "logos": lambda: Labels(items=_labels(payload.get("logoAnnotations")), **common),
        "landmarks": lambda: Labels(items=_labels(payload.get("landmarkAnnotations")),
                                    **common),
        "faces": lambda: Faces(items=tuple(map(_face, payload.get("faceAnnotations", []))),
                               **common),
        "text": lambda: _text(payload, common),
        "safe_search": lambda: _safe_search(payload.get("safeSearchAnnotation", {}), common),
        "properties": lambda: _properties(payload.get("imagePropertiesAnnotation", {}),
                                          common),
    }
    return Annotation(**common, **{name: parts[name]() for name in features})


def _box(poly: dict | None) -> BoundingBox:
    vertices = (poly or {}).get("vertices", [])
    return BoundingBox.from_points([(v.get("x", 0), v.get("y", 0)) for v in vertices])


def _labels(annotations: list | None) -> tuple[Label, ...]:
    return tuple(Label(description=a.get("description", ""), score=float(a.get("score", 0)),
                       mid=a.get("mid", ""), topicality=a.get("topicality"),
                       bounding_box=_box(a["boundingPoly"]) if "boundingPoly" in a else None)
                 for a in annotations or [])


def _face(a: dict) -> Face:
    likely = {name: Likelihood.parse(a.get(f"{name}Likelihood"))
              for name in ("joy", "sorrow", "anger", "surprise", "blurred", "headwear")}
    landmarks = tuple(Landmark(type=m.get("type", "UNKNOWN_LANDMARK"),
                               x=m.get("position", {}).get("x", 0.0),
                               y=m.get("position", {}).get("y", 0.0),
                               z=m.get("position", {}).get("z", 0.0))
                      for m in a.get("landmarks", []))
    return Face(bounding_box=_box(a.get("boundingPoly")), landmarks=landmarks,
                roll=a.get("rollAngle", 0.0), pan=a.get("panAngle", 0.0),
                tilt=a.get("tiltAngle", 0.0),
                detection_confidence=a.get("detectionConfidence", 0.0),
                under_exposed=Likelihood.parse(a.get("underExposedLikelihood")), **likely)


_BREAKS = {"SPACE": " ", "SURE_SPACE": " ", "EOL_SURE_SPACE": "\n", "LINE_BREAK": "\n",
           "HYPHEN": "-\n"}


def _paragraph_text(paragraph: dict) -> str:
    out = []
    for word in paragraph.get("words", []):
        for symbol in word.get("symbols", []):
            out.append(symbol.get("text", ""))
            kind = symbol.get("property", {}).get("detectedBreak", {}).get("type")
            out.append(_BREAKS.get(kind, ""))
    return "".join(out).strip()


def _text(payload: dict, common: dict) -> TextResult:
    full = payload.get("fullTextAnnotation") or {}
    blocks = []
    for page in full.get("pages", []):
        for block in page.get("blocks", []):
            lines = tuple(TextLine(text=_paragraph_text(p), bounding_box=_box(p.get("boundingBox")),
                                   confidence=p.get("confidence"))
                          for p in block.get("paragraphs", []))
            blocks.append(TextBlock(text="\n".join(line.text for line in lines),
                                    bounding_box=_box(block.get("boundingBox")),
                                    confidence=block.get("confidence"), lines=lines))
    words = payload.get("textAnnotations") or []
    if not blocks:  # TEXT_DETECTION without the full structure: one block per word
        blocks = [TextBlock(text=w.get("description", ""), bounding_box=_box(w.get("boundingPoly")))
                  for w in words[1:]]
    text = full.get("text") or (words[0].get("description", "") if words else "")
    languages = tuple(x.get("languageCode", "") for page in full.get("pages", [])
                      for x in page.get("property", {}).get("detectedLanguages", []))
    return TextResult(text=text.rstrip("\n"), blocks=tuple(blocks), languages=languages,
                      **common)


def _safe_search(a: dict, common: dict) -> SafeSearch:
    return SafeSearch(**{k: Likelihood.parse(a.get(k)) for k in
                         ("adult", "spoof", "medical", "violence", "racy")}, **common)


def _properties(a: dict, common: dict) -> ImageProperties:
    colors = tuple(Color(red=int(c.get("color", {}).get("red", 0)),
                         green=int(c.get("color", {}).get("green", 0)),
                         blue=int(c.get("color", {}).get("blue", 0)),
                         score=float(c.get("score", 0)),
                         pixel_fraction=float(c.get("pixelFraction", 0)))
                   for c in a.get("dominantColors", {}).get("colors", []))
    return ImageProperties(dominant_colors=colors, **common)
