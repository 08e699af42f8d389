"""Reading order of OCR'd lines: boxes -> rows (lines) -> paragraphs (blocks).

The detector returns one box per run of text, in no useful order. A receipt's "Summe"
and its "6,30 EUR" far to the right are two boxes on one row; sorted by their top edge
alone, a slight tilt puts the amount first. So boxes that overlap vertically become one
line, read left to right; lines then go top to bottom and gather into paragraphs.
"""

from __future__ import annotations

import numpy as np

from ..._types import BoundingBox
from ..types import TextBlock, TextLine

ROW_OVERLAP = 0.5
"""Share of a box's height that must overlap a row's for the box to join that row."""


def reading_order(lines: list[TextLine]) -> tuple[TextBlock, ...]:
    return paragraphs([join_row(row) for row in rows(lines)])


def rows(lines: list[TextLine]) -> list[list[TextLine]]:
    """Lines that overlap vertically, each row left to right, rows top to bottom."""
    found: list[list[TextLine]] = []
    for line in sorted(lines, key=lambda x: centre(x.bounding_box)):
        row = next((row for row in found if same_row(line.bounding_box, row)), None)
        if row is None:
            found.append([line])
        else:
            row.append(line)
    ordered = [sorted(row, key=lambda x: x.bounding_box.left) for row in found]
    return sorted(ordered, key=lambda row: min(x.bounding_box.top for x in row))


def centre(box: BoundingBox) -> float:
    return (box.top + box.bottom) / 2


def same_row(box: BoundingBox, row: list[TextLine]) -> bool:
    """The box's centre lies in the row's span, and most of the box's height overlaps it
    (a row's span is that of its boxes, so a tilted row still holds together)."""
    top = min(x.bounding_box.top for x in row)
    bottom = max(x.bounding_box.bottom for x in row)
    overlap = min(box.bottom, bottom) - max(box.top, top)
    return top <= centre(box) <= bottom and overlap >= ROW_OVERLAP * box.height


def join_row(row: list[TextLine]) -> TextLine:
    if len(row) == 1:
        return row[0]
    return TextLine(" ".join(x.text for x in row), union(x.bounding_box for x in row),
                    round(float(np.mean([x.confidence for x in row])), 4))


def union(boxes) -> BoundingBox:
    return BoundingBox.from_points([p for box in boxes for p in (
        (box.left, box.top), (box.right, box.bottom))])


def paragraphs(lines: list[TextLine]) -> tuple[TextBlock, ...]:
    """A line joins the block above it when it starts right below it, overlaps it
    horizontally and has a similar height."""
    groups: list[list[TextLine]] = []
    for line in lines:  # already top to bottom
        box = line.bounding_box
        for group in groups:
            last = group[-1].bounding_box
            overlaps = min(box.right, last.right) > max(box.left, last.left)
            close = -0.5 * box.height < box.top - last.bottom < 0.8 * box.height
            alike = 0.6 < box.height / max(last.height, 1e-6) < 1.6
            if overlaps and close and alike:
                group.append(line)
                break
        else:
            groups.append([line])
    return tuple(TextBlock("\n".join(x.text for x in group),
                           union(x.bounding_box for x in group),
                           round(float(np.mean([x.confidence for x in group])), 4),
                           tuple(group))
                 for group in groups)
