"""``cogsdk.draw(image, result)``: a copy of the picture with the result drawn on it.

Faces get their box, landmarks and strongest emotion; objects their box and name; text
gets its line boxes, document text its word boxes, crop hints their crops; labels, safe search and colours get a caption panel or swatches. Works for results of
either backend (boxes are in pixels of the upright picture).
"""

from __future__ import annotations

from typing import Any

from ._types import Likelihood
from .errors import InvalidInput

BOX, POINT, TEXT_BOX, OBJECT_BOX = (255, 64, 64), (64, 220, 255), (40, 200, 80), (255, 190, 0)
CROP_BOX = (200, 80, 255)


def draw(image: Any, result: Any, *, width: int = 0):
    """Return a new RGB ``PIL.Image`` of ``image`` with ``result`` drawn on it."""
    from PIL import ImageDraw

    from .media import load_image

    picture = load_image(image).decode().copy()
    width = width or max(2, round(max(picture.size) / 300))
    pen = ImageDraw.Draw(picture)
    parts = _parts(result)
    if not parts:
        raise InvalidInput(f"cogsdk.draw cannot draw a {type(result).__name__}.")
    captions: list[str] = []
    for kind, part in parts:
        captions += _DRAWERS[kind](pen, part, width, picture.size)
    if captions:
        _caption(pen, captions, picture.size, _boxes(parts, picture.size))
    return picture


def _boxes(parts, size) -> list[tuple[float, float, float, float]]:
    """Face, object and text boxes, which the caption panel must not hide."""
    found = []
    for kind, part in parts:
        if kind == "objects":
            found += [_object_box(item, size) for item in part]
            continue
        items = part if kind == "faces" else part.blocks if kind == "text" else ()
        found += [(i.bounding_box.left, i.bounding_box.top, i.bounding_box.right,
                   i.bounding_box.bottom) for i in items]
    return found


def _parts(result: Any) -> list[tuple[str, Any]]:
    name = type(result).__name__
    if name == "Annotation":
        return [part for field in ("objects", "faces", "text", "document_text",
                                   "crop_hints", "labels", "safe_search", "properties")
                for part in _parts(getattr(result, field)) if getattr(result, field)]
    kinds = {"Faces": "faces", "TextResult": "text", "Labels": "labels",
             "SafeSearch": "safe_search", "ImageProperties": "properties",
             "Objects": "objects", "DocumentText": "document_text",
             "CropHints": "crop_hints"}
    return [(kinds[name], result)] if name in kinds else []


def _font(size: int):
    from PIL import ImageFont

    return ImageFont.load_default(size=max(10, size))


def _faces(pen, faces, width: int, size) -> list[str]:
    for face in faces:
        box = face.bounding_box
        pen.rectangle((box.left, box.top, box.right, box.bottom), outline=BOX, width=width)
        radius = width + 1
        for mark in face.landmarks:
            pen.ellipse((mark.x - radius, mark.y - radius, mark.x + radius, mark.y + radius),
                        fill=POINT)
        feelings = {name: getattr(face, name) for name in ("joy", "sorrow", "anger",
                                                           "surprise")}
        name, level = max(feelings.items(), key=lambda item: item[1])
        tag = f"{name}: {level.name.lower().replace('_', ' ')}" \
            if level >= Likelihood.POSSIBLE else "face"
        font = _font(round(max(12, box.height / 6)))
        pen.text((box.left, box.top - 2), tag, fill=BOX, font=font, anchor="lb")
    return [f"{len(faces)} face(s)"]


def _object_box(item, size) -> tuple[float, float, float, float]:
    """Pixels of an object's box: its own, else its normalized corners scaled (a cloud
    answer about a remote URI has no pixel box)."""
    if item.bounding_box is not None:
        box = item.bounding_box
        return box.left, box.top, box.right, box.bottom
    xs = [p.x * size[0] for p in item.normalized_vertices] or [0.0]
    ys = [p.y * size[1] for p in item.normalized_vertices] or [0.0]
    return min(xs), min(ys), max(xs), max(ys)


def _objects(pen, objects, width: int, size) -> list[str]:
    font = _font(max(12, size[1] // 35))
    for item in objects:
        left, top, right, bottom = _object_box(item, size)
        pen.rectangle((left, top, right, bottom), outline=OBJECT_BOX, width=width)
        tag = f"{item.name} {item.score:.2f}"
        inside = top < font.size + 4  # no room above the box: write just inside it
        pen.text((left + width + 2, top + width + 2) if inside else (left, top - 2), tag,
                 fill=OBJECT_BOX, font=font, anchor="la" if inside else "lb")
    return []


def _text(pen, text, width: int, size) -> list[str]:
    for block in text.blocks:
        for line in block.lines or (block,):
            box = line.bounding_box
            pen.rectangle((box.left, box.top, box.right, box.bottom), outline=TEXT_BOX,
                          width=width)
    return []


def _document_text(pen, document, width: int, size) -> list[str]:
    for word in document.words:
        box = word.bounding_box
        pen.rectangle((box.left, box.top, box.right, box.bottom), outline=TEXT_BOX,
                      width=max(1, width // 2))
    return []


def _crop_hints(pen, hints, width: int, size) -> list[str]:
    for hint in hints:
        box = hint.bounding_box
        pen.rectangle((box.left, box.top, box.right - 1, box.bottom - 1), outline=CROP_BOX,
                      width=width)
    return [f"crop {h.aspect_ratio:.2f}: keeps {h.importance_fraction:.0%}" for h in hints]


def _labels(pen, labels, width: int, size) -> list[str]:
    return [f"{label.description} {label.score:.2f}" for label in list(labels)[:5]]


def _safe_search(pen, safe, width: int, size) -> list[str]:
    return [f"adult {safe.adult.name.lower()}, racy {safe.racy.name.lower()}"]


def _properties(pen, properties, width: int, size) -> list[str]:
    side = max(12, size[0] // 20)
    for index, color in enumerate(properties.dominant_colors[:10]):
        x = index * side
        pen.rectangle((x, size[1] - side, x + side, size[1]),
                      fill=(color.red, color.green, color.blue), outline=(255, 255, 255))
    return []


def _caption(pen, lines: list[str], size, avoid) -> None:
    """A black panel of text in the corner that covers the fewest faces and words."""
    font = _font(max(11, size[1] // 40))
    text = "\n".join(lines)
    left, top, right, bottom = pen.multiline_textbbox((0, 0), text, font=font)
    w, h = right - left + 12, bottom - top + 12
    corners = [(0, 0), (size[0] - w, 0), (0, size[1] - h), (size[0] - w, size[1] - h)]

    def covered(corner) -> float:
        x, y = corner
        return sum(max(0, min(x + w, b[2]) - max(x, b[0])) *
                   max(0, min(y + h, b[3]) - max(y, b[1])) for b in avoid)
    x, y = min(corners, key=covered)
    pen.rectangle((x, y, x + w, y + h), fill=(0, 0, 0))
    pen.multiline_text((x + 6 - left, y + 6 - top), text, fill=(255, 255, 255), font=font)


_DRAWERS = {"faces": _faces, "text": _text, "labels": _labels, "safe_search": _safe_search,
            "properties": _properties, "objects": _objects,
            "document_text": _document_text, "crop_hints": _crop_hints}
