"""The evaluation as text (``cogsdk train``) and as a picture (``model.report()``)."""

from __future__ import annotations

from typing import Any

from .model import CustomModel, Evaluation

CELL = 56
"""Side of one confusion-matrix cell, in pixels."""
THUMB = 96
WORST = 8
"""Mistakes drawn in the report: the most confident ones."""
MARGIN = 12
INK, GRID, WRONG = (20, 20, 20), (200, 200, 200), (200, 40, 40)


def summary(evaluation: Evaluation) -> str:
    """Accuracy, a per-label table, the confusion matrix and the worst mistakes."""
    width = max(len("label"), *(len(label) for label in evaluation.labels))
    lines = [f"accuracy {evaluation.accuracy:.3f} on {evaluation.validation_examples} "
             f"validation examples ({evaluation.train_examples} trained on"
             f"{', augmented' if evaluation.augmented else ''}; "
             f"{evaluation.seconds:.1f} s)", "",
             f"{'label':<{width}}  precision  recall     f1  support"]
    for label, s in evaluation.per_label.items():
        lines.append(f"{label:<{width}}  {s.precision:9.3f}  {s.recall:6.3f}  {s.f1:5.3f}  "
                     f"{s.support:7d}")
    lines += ["", "confusion (rows: true, columns: predicted)"]
    lines += [f"{label:<{width}}  " + " ".join(f"{n:4d}" for n in row)
              for label, row in zip(evaluation.labels, evaluation.confusion)]
    lines += [""] + [f"wrong: {m.name}: {m.true} -> {m.predicted} ({m.confidence:.2f})"
                     for m in evaluation.mistakes[:WORST]]
    lines += [f"skipped: {s.name}: {s.reason}" for s in evaluation.skipped]
    return "\n".join(lines).rstrip()


def draw(model: CustomModel) -> Any:
    """The confusion matrix (darker: more examples), then the worst mistakes as
    thumbnails captioned with their true and predicted labels."""
    from PIL import Image, ImageDraw

    evaluation = model.evaluation
    count = len(evaluation.labels)
    label_width = 8 * max([len(label) for label in evaluation.labels] + [4]) + MARGIN
    grid_width = label_width + CELL * count + MARGIN
    worst = evaluation.mistakes[:WORST]
    width = max(grid_width, MARGIN + (THUMB + MARGIN) * min(len(worst), 4), 360)
    rows_of_thumbs = (len(worst) + 3) // 4
    height = 60 + CELL * count + 40 + rows_of_thumbs * (THUMB + 44) + MARGIN
    picture = Image.new("RGB", (width, height), "white")
    pen = ImageDraw.Draw(picture)
    pen.text((MARGIN, MARGIN), f"{model.name}: accuracy {evaluation.accuracy:.3f} "
             f"({evaluation.validation_examples} validation examples)", fill=INK)
    _matrix(pen, evaluation, label_width, 60)
    top = 60 + CELL * count + 20
    pen.text((MARGIN, top), f"worst mistakes ({len(evaluation.mistakes)} in all)"
             if worst else "no mistakes on the validation examples", fill=INK)
    for position, mistake in enumerate(worst):
        left = MARGIN + (position % 4) * (THUMB + MARGIN)
        upper = top + 20 + (position // 4) * (THUMB + 44)
        _thumbnail(picture, pen, model.thumbnails.get(mistake.name), mistake, left, upper)
    return picture


def _matrix(pen: Any, evaluation: Evaluation, left: int, top: int) -> None:
    biggest = max([n for row in evaluation.confusion for n in row] + [1])
    pen.text((MARGIN, top - 28), "rows: true label, columns: predicted", fill=(110, 110, 110))
    for column, label in enumerate(evaluation.labels):  # column heads, cut to fit a cell
        pen.text((left + column * CELL + 2, top - 14), label[:CELL // 7], fill=INK)
    for row, (label, counts) in enumerate(zip(evaluation.labels, evaluation.confusion)):
        y = top + row * CELL
        pen.text((MARGIN, y + CELL // 2 - 6), label, fill=INK)
        for column, number in enumerate(counts):
            x = left + column * CELL
            shade = 255 - int(200 * number / biggest)
            colour = (shade, shade, 255) if row == column else (255, shade, shade)
            pen.rectangle((x, y, x + CELL - 1, y + CELL - 1), fill=colour, outline=GRID)
            pen.text((x + CELL // 2 - 8, y + CELL // 2 - 6), str(number),
                     fill="white" if shade < 128 else INK)


def _thumbnail(picture: Any, pen: Any, thumb: Any, mistake: Any, left: int, top: int) -> None:
    if thumb is not None:
        picture.paste(thumb, (left + (THUMB - thumb.width) // 2,
                              top + (THUMB - thumb.height) // 2))
    else:  # a model read back from the store: its pictures were not kept
        pen.rectangle((left, top, left + THUMB - 1, top + THUMB - 1), outline=GRID)
    pen.text((left, top + THUMB + 4), f"true: {mistake.true}"[:16], fill=INK)
    pen.text((left, top + THUMB + 18), f"pred: {mistake.predicted}"[:16], fill=WRONG)
    pen.text((left, top + THUMB + 30), f"{mistake.confidence:.2f}", fill=WRONG)
