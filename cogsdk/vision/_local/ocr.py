"""Text (OCR): PP-OCRv6 detection + recognition through the ``rapidocr`` wheel's pipeline.

The three ONNX models (detector, 0/180-degree line classifier, recogniser) ship inside
``rapidocr==3.10.0``; the store verifies them and rapidocr gets their paths, so it never
reaches its download code. The recogniser is one multilingual model: Chinese, Japanese,
English and Latin-script languages. Any other language hint raises UnsupportedLanguage
(other scripts would need weights rapidocr downloads at run time).

Speed: the detector sees the image with its longer side capped at 960 px (rapidocr's
default caps the *shorter* side at 736, which makes a wide page 2-3x slower for no gain on
ordinary text). Images run one after another; the lines of one image are recognised in
batches of 6 by rapidocr.
"""

from __future__ import annotations

import threading
from typing import Any, Sequence

import numpy as np

from ... import models
from ..._types import BoundingBox
from ...errors import UnsupportedLanguage
from ..types import TextBlock, TextLine, TextResult

DETECT_SIDE = 960
LATIN = ("af az bs ca cs cy da de en es et eu fi fr ga gl hr hu id is it ku la lb lt lv mi "
         "ms mt nl no nb nn oc pl pt qu rm ro sk sl sq sr-latn sv sw tl tr uz vi").split()
SUPPORTED = frozenset(LATIN + ["zh", "zh-hans", "zh-hant", "zh-cn", "zh-tw", "ja"])


def check_languages(languages: Sequence[str]) -> None:
    for code in languages:
        tag = code.strip().lower().replace("_", "-")
        if tag not in SUPPORTED and tag.split("-")[0] not in SUPPORTED - {"sr-latn"}:
            raise UnsupportedLanguage(
                f"Local OCR reads Chinese, Japanese, English and Latin-script languages; "
                f"not {code!r}. Use mode='cloud' for other scripts.",
                language=code, supported=sorted(SUPPORTED))


class TextReader:
    def __init__(self, device: str) -> None:
        from rapidocr import RapidOCR

        provider = models.providers_for(device)[0]
        self.model = f"local/PP-OCRv6_small@onnxruntime:{provider}"
        self._lock = threading.Lock()  # rapidocr keeps per-call state on the instance
        self.engine = RapidOCR(params={
            "Global.log_level": "error",
            "Det.model_path": str(models.model_path("ppocr_det")),
            "Rec.model_path": str(models.model_path("ppocr_rec")),
            "Cls.model_path": str(models.model_path("ppocr_cls")),
            "Det.limit_type": "max", "Det.limit_side_len": DETECT_SIDE,
            "EngineConfig.onnxruntime.use_cuda": provider == "CUDAExecutionProvider",
        })

    def __call__(self, pictures: Sequence[Any], languages: Sequence[str] = ()) -> list:
        check_languages(languages)
        return [self.read(picture) for picture in pictures]

    def read(self, picture: Any) -> TextResult:
        bgr = np.ascontiguousarray(np.asarray(picture)[:, :, ::-1])
        with self._lock:
            output = self.engine(bgr)
        if output.boxes is None or not output.txts:
            return TextResult(backend="local", model=self.model)
        lines = [TextLine(text, BoundingBox.from_points(np.asarray(quad).tolist()),
                          round(float(score), 4))
                 for quad, text, score in zip(output.boxes, output.txts, output.scores)]
        blocks = group_lines(lines)
        return TextResult(text="\n".join(block.text for block in blocks), blocks=blocks,
                          backend="local", model=self.model,
                          raw={"polygons": np.asarray(output.boxes).round(1).tolist()})


def group_lines(lines: list[TextLine]) -> tuple[TextBlock, ...]:
    """Paragraphs: a line joins the block above it when it starts right below it,
    overlaps it horizontally and has a similar height."""
    groups: list[list[TextLine]] = []
    for line in sorted(lines, key=lambda x: (x.bounding_box.top, x.bounding_box.left)):
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
                           BoundingBox.from_points([p for x in group for p in (
                               (x.bounding_box.left, x.bounding_box.top),
                               (x.bounding_box.right, x.bounding_box.bottom))]),
                           round(float(np.mean([x.confidence for x in group])), 4),
                           tuple(group))
                 for group in groups)
