"""Document text: Google's pages -> blocks -> paragraphs -> words -> symbols, built from
PP-OCR's lines (``ocr.TextReader``, shared with ``text``) and rapidocr's character boxes.

rapidocr places each recognised character from the recogniser's CTC columns
(``return_single_char_box``). Where those do not spell the line as read (a line that
``read_either_way`` read turned round, or a line rapidocr gave no boxes for), the line's
box is split along its length in proportion to the characters instead, and
``raw["proportional_lines"]`` lists those lines. Layout follows ``_ocr_layout``: rows
of boxes are lines, and lines gather into blocks of one paragraph each.
"""

from __future__ import annotations

from typing import Any, Callable, Optional, Sequence

import numpy as np

from ..._types import BoundingBox
from ..types import (DocumentBlock, DocumentPage, DocumentParagraph, DocumentSymbol,
                     DocumentText, DocumentWord, TextLine)
from ._ocr_layout import join_row, paragraphs, rows
from .ocr import check_languages

Glyph = tuple[str, float, BoundingBox]
"""One character: its text, confidence and box in the caller's pixels."""


class DocumentReader:
    uses_engines = True
    """Built with the backend's engine getter: it reuses the ``text`` engine."""

    def __init__(self, device: str, engine: Callable[[str], Any]) -> None:
        self._reader = engine("text")
        self.model = self._reader.model

    def __call__(self, pictures: Sequence[Any], languages: Sequence[str] = ()) -> list:
        check_languages(languages)
        return [self.read(picture) for picture in pictures]

    def read(self, picture: Any) -> DocumentText:
        output, scale = self._reader.recognise(picture, characters=True)
        if output.boxes is None or not output.txts:
            return DocumentText(backend="local", model=self.model)
        lines, proportional = _lines(output, scale)
        blocks = tuple(_block(block, words) for block, words in _layout(lines))
        width, height = picture.size
        page = DocumentPage(width, height, _mean(b.confidence for b in blocks), blocks)
        return DocumentText(text="\n".join(b.text for b in blocks), pages=(page,),
                            backend="local", model=self.model,
                            raw={"proportional_lines": proportional})


def _lines(output: Any, scale: float) -> tuple[list[tuple[TextLine, list]], list[int]]:
    """Each detected line with its words (lists of glyphs), and the indices of the lines
    whose character boxes were split proportionally."""
    quads = np.asarray(output.boxes, np.float64) / scale
    boxed = output.word_results or ()
    aligned = len(boxed) == len(output.txts)  # rapidocr drops lines it has no boxes for
    found, proportional = [], []
    for index, (quad, text, score) in enumerate(zip(quads, output.txts, output.scores)):
        glyphs = _boxed_glyphs(boxed[index], text, scale) if aligned else None
        if glyphs is None:
            glyphs = _split_glyphs(quad, text, float(score))
            proportional.append(index)
        line = TextLine(text, BoundingBox.from_points(quad.tolist()), round(float(score), 4))
        found.append((line, _words(text, glyphs)))
    return found, proportional


def _boxed_glyphs(chars: Any, text: str, scale: float) -> Optional[list[Glyph]]:
    if not chars or "".join(c[0] for c in chars) != "".join(text.split()):
        return None
    return [(c, round(float(s), 4), BoundingBox.from_points(
        (np.asarray(box, np.float64) / scale).tolist())) for c, s, box in chars]


def _split_glyphs(quad: np.ndarray, text: str, score: float) -> list[Glyph]:
    """Boxes of the non-space characters, each an equal share of the line's length
    (along its top and bottom edges, so a tilted line stays tilted)."""
    top_left, top_right, bottom_right, bottom_left = quad[:4]
    n = max(len(text), 1)
    glyphs = []
    for i, char in enumerate(text):
        if char.isspace():
            continue
        start, end = i / n, (i + 1) / n
        corners = [top_left + (top_right - top_left) * t for t in (start, end)] + \
                  [bottom_left + (bottom_right - bottom_left) * t for t in (end, start)]
        glyphs.append((char, round(score, 4),
                       BoundingBox.from_points([tuple(c) for c in corners])))
    return glyphs


def _words(text: str, glyphs: list[Glyph]) -> list[list[Glyph]]:
    words, at = [], 0
    for word in text.split():
        words.append(glyphs[at:at + len(word)])
        at += len(word)
    return words


def _layout(lines: list[tuple[TextLine, list]]) -> list[tuple[Any, list]]:
    """Blocks in reading order, each with its lines' words (one list per line)."""
    words_of = {id(line): words for line, words in lines}
    ordered, joined_words = [], {}
    for row in rows([line for line, _ in lines]):
        line = join_row(row)  # the row's lines, left to right, as one
        ordered.append(line)
        joined_words[id(line)] = [w for part in row for w in words_of[id(part)]]
    return [(block, [joined_words[id(line)] for line in block.lines])
            for block in paragraphs(ordered)]


def _block(block: Any, lines: list[list[list[Glyph]]]) -> DocumentBlock:
    """One block of one paragraph; the last symbol of a word breaks with a space, of a
    line with EOL_SURE_SPACE and of the paragraph with LINE_BREAK, as Google marks them."""
    words = []
    for row, line in enumerate(lines):
        for index, glyphs in enumerate(line):
            last = "LINE_BREAK" if row == len(lines) - 1 else "EOL_SURE_SPACE"
            words.append(_word(glyphs, "SPACE" if index < len(line) - 1 else last))
    paragraph = DocumentParagraph(block.text, block.bounding_box, block.confidence,
                                  tuple(words))
    return DocumentBlock(block.text, block.bounding_box, block.confidence, (paragraph,))


def _word(glyphs: list[Glyph], break_after: str) -> DocumentWord:
    symbols = tuple(DocumentSymbol(text, box, confidence,
                                   break_after if i == len(glyphs) - 1 else "")
                    for i, (text, confidence, box) in enumerate(glyphs))
    return DocumentWord("".join(s.text for s in symbols),
                        BoundingBox.from_points([p for s in symbols for p in (
                            (s.bounding_box.left, s.bounding_box.top),
                            (s.bounding_box.right, s.bounding_box.bottom))]),
                        _mean(s.confidence for s in symbols), symbols)


def _mean(values) -> Optional[float]:
    found = [v for v in values if v is not None]
    return round(float(np.mean(found)), 4) if found else None
