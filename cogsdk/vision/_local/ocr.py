"""Text (OCR): PP-OCRv6 detection + recognition through the ``rapidocr`` wheel's pipeline.

The ONNX models ship inside ``rapidocr==3.10.0``; the store verifies them and rapidocr
gets their paths, so it never reaches its download code. The recogniser is one
multilingual model: Chinese, Japanese, English and Latin-script languages. Any other
language hint raises UnsupportedLanguage (other scripts would need weights rapidocr
downloads at run time).

- Speed: the detector sees the image with its longer side capped at 960 px (rapidocr's
  default caps the *shorter* side at 736, which makes a wide page 2-3x slower for no gain
  on ordinary text). Images run one after another; the lines of one image are
  recognised in batches of 6 by rapidocr.
- Small images are enlarged first (``enlarge``, LANCZOS), and the boxes mapped back to
  the caller's pixels: the last line of page.png (384x191) loses a character at 1x.
- Upside-down lines: rapidocr's 0/180-degree classifier squeezes each line into 192x48
  px and so flips long lines of small print at random (5 of the 7 lines of
  scikit-image's page.png). The recogniser is the better judge: a line it reads poorly
  is read again turned round, and the likelier reading wins (``read_either_way``).
- Reading order: see ``_ocr_layout``.
"""

from __future__ import annotations

import threading
from typing import Any, Callable, Sequence

import numpy as np

from ... import models
from ..._types import BoundingBox
from ...errors import UnsupportedLanguage
from ..types import TextLine, TextResult
from ._ocr_layout import reading_order

DETECT_SIDE = 960
SMALL_SIDE, MAX_ENLARGE = 400, 2.0
"""Images whose shorter side is under SMALL_SIDE px are enlarged MAX_ENLARGE times, or
less where that would take the longer side past DETECT_SIDE. Measured on page.png and
on small rendered text: 2x reads best; 2.5x and 3x lose characters, and cost time."""
SURE_READING = 0.9
"""A line read upright with this confidence is not read again turned round."""
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


def enlargement(width: int, height: int) -> float:
    """How much to enlarge a picture before OCR: 1.0 for one that is large enough."""
    if min(width, height) >= SMALL_SIDE:
        return 1.0
    scale = min(MAX_ENLARGE, DETECT_SIDE / max(width, height))
    return scale if scale >= 1.25 else 1.0  # a small step up only costs time


def enlarge(picture: Any) -> tuple[Any, float]:
    from PIL import Image

    scale = enlargement(*picture.size)
    if scale == 1.0:
        return picture, 1.0
    size = (round(picture.width * scale), round(picture.height * scale))
    return picture.resize(size, Image.Resampling.LANCZOS), scale


def read_either_way(recognise: Callable) -> Callable:
    """Wraps rapidocr's ``recognize_txt``: lines read with less than SURE_READING
    confidence are read again turned 180 degrees, and the likelier reading is kept."""
    import cv2

    def recognise_oriented(crops: list) -> Any:
        upright = recognise(crops)
        weak = [i for i, score in enumerate(upright.scores) if score < SURE_READING]
        if not weak:
            return upright
        turned = recognise([cv2.rotate(crops[i], cv2.ROTATE_180) for i in weak])
        txts, scores = list(upright.txts), list(upright.scores)
        for i, text, score in zip(weak, turned.txts, turned.scores):
            if score > scores[i]:
                txts[i], scores[i] = text, score
        upright.txts, upright.scores = tuple(txts), scores
        return upright
    return recognise_oriented


class TextReader:
    def __init__(self, device: str) -> None:
        from rapidocr import RapidOCR

        provider = models.providers_for(device)[0]
        self.model = f"local/PP-OCRv6_small@onnxruntime:{provider}"
        self._lock = threading.Lock()  # rapidocr keeps per-call state on the instance
        self.engine = RapidOCR(params={
            "Global.log_level": "error",
            "Global.use_cls": False,  # read_either_way decides orientation instead
            "Det.model_path": str(models.model_path("ppocr_det")),
            "Rec.model_path": str(models.model_path("ppocr_rec")),
            "Cls.model_path": str(models.model_path("ppocr_cls")),
            "Det.limit_type": "max", "Det.limit_side_len": DETECT_SIDE,
            "EngineConfig.onnxruntime.use_cuda": provider == "CUDAExecutionProvider",
        })
        # rapidocr calls self.recognize_txt between detection and output
        setattr(self.engine, "recognize_txt", read_either_way(self.engine.recognize_txt))

    def __call__(self, pictures: Sequence[Any], languages: Sequence[str] = ()) -> list:
        check_languages(languages)
        return [self.read(picture) for picture in pictures]

    def recognise(self, picture: Any, characters: bool = False) -> tuple[Any, float]:
        """rapidocr's output on the (enlarged) picture and the enlargement; with
        ``characters``, ``output.word_results`` holds each line's character boxes."""
        enlarged, scale = enlarge(picture)
        bgr = np.ascontiguousarray(np.asarray(enlarged)[:, :, ::-1])
        with self._lock:
            output: Any = self.engine(bgr, return_word_box=characters,
                                      return_single_char_box=characters)
        return output, scale

    def read(self, picture: Any) -> TextResult:
        output, scale = self.recognise(picture)  # a RapidOCROutput, or an empty one
        if output.boxes is None or not output.txts:
            return TextResult(backend="local", model=self.model)
        quads = np.asarray(output.boxes, np.float64) / scale  # back to the caller's pixels
        lines = [TextLine(text, BoundingBox.from_points(quad.tolist()),
                          round(float(score), 4))
                 for quad, text, score in zip(quads, output.txts, output.scores)]
        blocks = reading_order(lines)
        return TextResult(text="\n".join(block.text for block in blocks), blocks=blocks,
                          backend="local", model=self.model,
                          raw={"polygons": quads.round(1).tolist()})
