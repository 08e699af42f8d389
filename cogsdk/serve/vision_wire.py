"""cogsdk vision results written into Google's ``AnnotateImageResponse`` protobuf (the
reverse of ``cogsdk/vision/google.py``)."""

from __future__ import annotations

from typing import Any

from google.cloud import vision_v1

_LANDMARK = vision_v1.FaceAnnotation.pb().Landmark.Type
_BREAK = vision_v1.TextAnnotation.pb().DetectedBreak.BreakType
_LIKELY = ("joy", "sorrow", "anger", "surprise", "under_exposed", "blurred", "headwear")


def fill(slot: Any, annotation: Any, limits: dict[str, int]) -> None:
    """Write each feature of ``annotation`` that ``limits`` asks for into ``slot``;
    a limit of 0 keeps what the backend gave (Google's default is 10 for most)."""
    if annotation is None or isinstance(annotation, Exception):
        return
    for name, limit in limits.items():
        part = getattr(annotation, name, None)
        if part is not None:
            _WRITERS[name](slot, part, limit or None)


def _box(poly: Any, box: Any) -> None:
    for x, y in ((box.left, box.top), (box.right, box.top), (box.right, box.bottom),
                 (box.left, box.bottom)):
        poly.vertices.add(x=round(x), y=round(y))


def _labels(target: Any, labels: Any, limit: Any) -> None:
    for label in list(labels)[:limit]:
        entity = target.add(mid=label.mid, description=label.description, score=label.score,
                            topicality=label.score if label.topicality is None
                            else label.topicality)
        if label.bounding_box is not None:
            _box(entity.bounding_poly, label.bounding_box)


def _faces(slot: Any, faces: Any, limit: Any) -> None:
    for face in list(faces)[:limit]:
        out = slot.face_annotations.add(
            roll_angle=face.roll, pan_angle=face.pan, tilt_angle=face.tilt,
            detection_confidence=face.detection_confidence,
            landmarking_confidence=getattr(face, "landmarking_confidence", 0.0),
            **{f"{name}_likelihood": int(getattr(face, name)) for name in _LIKELY})
        _box(out.bounding_poly, face.bounding_box)
        _box(out.fd_bounding_poly, face.bounding_box)
        for mark in face.landmarks:
            kind = _LANDMARK.Value(mark.type) if mark.type in _LANDMARK.keys() else 0
            point = out.landmarks.add(type_=kind).position
            point.x, point.y, point.z = mark.x, mark.y, mark.z


def _text(slot: Any, text: Any, limit: Any) -> None:
    """``textAnnotations``: the whole text, then one entry per line (the local reader
    finds lines, not words); ``fullTextAnnotation``: blocks, a paragraph per line, and
    words with their symbols, so that any Google client rebuilds the same text."""
    if not text.text:
        return
    lines = [line for block in text.blocks for line in (block.lines or (block,))]
    whole = slot.text_annotations.add(description=text.text,
                                      locale=text.languages[0] if text.languages else "")
    if text.blocks:
        _box(whole.bounding_poly, _union([block.bounding_box for block in text.blocks]))
    for line in lines:
        _box(slot.text_annotations.add(description=line.text).bounding_poly, line.bounding_box)
    full = slot.full_text_annotation
    full.text = text.text + "\n"
    page = full.pages.add()
    for code in text.languages:
        page.property.detected_languages.add(language_code=code)
    for block in text.blocks:
        _block(page.blocks.add(confidence=block.confidence or 0.0), block)


def _block(out: Any, block: Any) -> None:
    _box(out.bounding_box, block.bounding_box)
    for line in block.lines or (block,):
        paragraph = out.paragraphs.add(confidence=line.confidence or 0.0)
        _box(paragraph.bounding_box, line.bounding_box)
        _words(paragraph, line)


def _words(paragraph: Any, line: Any) -> None:
    words = line.text.split()
    box, total = line.bounding_box, max(sum(len(w) + 1 for w in words), 1)
    start = 0
    for index, word in enumerate(words):  # word boxes: the line's box split by length
        left = box.left + box.width * start / total
        start += len(word) + 1
        out = paragraph.words.add()
        _box(out.bounding_box, type(box)(left, box.top, box.left + box.width * start / total,
                                         box.bottom))
        for symbol in word:
            out.symbols.add(text=symbol)
        last = index == len(words) - 1
        out.symbols[-1].property.detected_break.type_ = \
            _BREAK.LINE_BREAK if last else _BREAK.SPACE


def _union(boxes: list) -> Any:
    first = boxes[0]
    return type(first)(min(b.left for b in boxes), min(b.top for b in boxes),
                       max(b.right for b in boxes), max(b.bottom for b in boxes))


def _safe_search(slot: Any, result: Any, limit: Any) -> None:
    target = slot.safe_search_annotation
    for name in ("adult", "spoof", "medical", "violence", "racy"):
        setattr(target, name, int(getattr(result, name)))


def _properties(slot: Any, result: Any, limit: Any) -> None:
    for color in result.dominant_colors[:limit]:
        out = slot.image_properties_annotation.dominant_colors.colors.add(
            score=color.score, pixel_fraction=color.pixel_fraction)
        out.color.red, out.color.green, out.color.blue = color.red, color.green, color.blue


def _objects(slot: Any, objects: Any, limit: Any) -> None:
    for found in list(objects)[:limit]:
        out = slot.localized_object_annotations.add(mid=found.mid, name=found.name,
                                                    score=found.score)
        for corner in found.normalized_vertices:
            out.bounding_poly.normalized_vertices.add(x=corner.x, y=corner.y)


_WRITERS = {
    "labels": lambda slot, part, limit: _labels(slot.label_annotations, part, limit),
    "logos": lambda slot, part, limit: _labels(slot.logo_annotations, part, limit),
    "landmarks": lambda slot, part, limit: _labels(slot.landmark_annotations, part, limit),
    "faces": _faces, "text": _text, "safe_search": _safe_search, "properties": _properties,
    "objects": _objects,
}
