"""Pictures of a batch job: an annotated copy per image (``--draw``), and one contact
sheet of thumbnails with their top labels or boxes (``--contact-sheet``)."""

from __future__ import annotations

import logging
import math
import os
import re
from typing import Any, Iterable, Mapping, Optional

from ..errors import CogError

log = logging.getLogger("cogsdk.batch")
THUMB, CAPTION = 160, 30
MAX_TILES = 400
"""A contact sheet shows at most this many inputs (the first ones in the output)."""


def drawn_name(value: str) -> str:
    """``photos/2024/cat.jpg`` -> ``photos__2024__cat.png``: unique per input path."""
    parts = re.split(r"[\\/]+", os.path.splitext(value)[0])
    return "__".join(part for part in parts if part not in ("", ".", "..")) + ".png"


def draw_one(image: Any, result: Any, value: str, folder: str) -> Optional[str]:
    """Save ``cogsdk.draw(image, result)`` under ``folder``; a result it cannot draw (or a
    picture it cannot write) is logged and skipped, never fatal to the job."""
    from .._draw import draw

    path = os.path.join(folder, drawn_name(value))
    try:
        os.makedirs(folder, exist_ok=True)
        draw(image, result).save(path)
    except (CogError, OSError) as error:
        log.warning("cogsdk batch: cannot draw %s: %s", value, error)
        return None
    return path


def contact_sheet(lines: Iterable[Mapping[str, Any]], path: str, columns: int = 8) -> int:
    """Write one grid of thumbnails, each with its top labels or boxes; return how many."""
    from PIL import Image

    lines = list(lines)[:MAX_TILES]
    rows = max(1, math.ceil(len(lines) / columns))
    sheet = Image.new("RGB", (columns * THUMB, rows * (THUMB + CAPTION)), (32, 32, 32))
    for index, line in enumerate(lines):
        tile = _tile(line)
        sheet.paste(tile, ((index % columns) * THUMB, (index // columns) * (THUMB + CAPTION)))
    sheet.save(path)
    return len(lines)


def _tile(line: Mapping[str, Any]):
    from PIL import Image, ImageDraw

    tile = Image.new("RGB", (THUMB, THUMB + CAPTION), (32, 32, 32))
    pen = ImageDraw.Draw(tile)
    caption = [os.path.basename(line["input"])[:26]]
    thumb, scale = _thumbnail(line["input"])
    if thumb is not None:
        left, top = (THUMB - thumb.width) // 2, (THUMB - thumb.height) // 2
        tile.paste(thumb, (left, top))
        if line["ok"]:
            for box in _boxes(line["result"]):
                pen.rectangle([left + box["left"] * scale, top + box["top"] * scale,
                               left + box["right"] * scale, top + box["bottom"] * scale],
                              outline=(255, 64, 64), width=2)
    caption.append(_summary(line["result"]) if line["ok"] else f"! {line['error']['type']}")
    pen.multiline_text((3, THUMB + 1), "\n".join(caption), fill=(235, 235, 235), spacing=1)
    return tile


def _thumbnail(value: str):
    from ..media import load_image

    try:
        picture = load_image(value).decode()
    except CogError:
        return None, 0.0
    scale = min(THUMB / picture.width, THUMB / picture.height)
    return picture.resize((max(1, round(picture.width * scale)),
                           max(1, round(picture.height * scale)))), scale


def _parts(result: Mapping[str, Any]) -> list[Mapping[str, Any]]:
    """An annotation's feature results, or the result itself."""
    nested: list[Mapping[str, Any]] = [
        value for value in result.values()
        if isinstance(value, dict) and ("items" in value or "blocks" in value)]
    return nested or [result]


def _boxes(result: Mapping[str, Any]) -> list[Mapping[str, float]]:
    found = []
    for part in _parts(result):
        for item in list(part.get("items") or []) + list(part.get("blocks") or []):
            if isinstance(item, dict) and isinstance(item.get("bounding_box"), dict):
                found.append(item["bounding_box"])
    return found


def _summary(result: Mapping[str, Any]) -> str:
    words = []
    for part in _parts(result):
        items = part.get("items") or []
        named = [i["description"] for i in items if isinstance(i, dict) and "description" in i]
        if named:
            words += named[:2]
        elif items:
            words.append(f"{len(items)} found")
        elif part.get("text"):
            words.append(str(part["text"]).split("\n")[0][:20])
    return ", ".join(words)[:26] or "-"
