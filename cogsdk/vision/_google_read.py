"""Reading Google's document text, crop hints and web detection answers (protobufs)."""

from __future__ import annotations

from typing import Any

from google.cloud import vision_v1

from .. import _google
from .._types import BoundingBox
from .types import (CropHint, CropHints, DocumentBlock, DocumentPage, DocumentParagraph,
                    DocumentSymbol, DocumentText, DocumentWord, WebDetection, WebEntity,
                    WebImage, WebLabel, WebPage)

_BREAK = vision_v1.TextAnnotation.DetectedBreak.BreakType
_BREAK_NAMES = {member.value: member.name for member in _BREAK if member.value}
_BREAK_TEXT = {"SPACE": " ", "SURE_SPACE": " ", "EOL_SURE_SPACE": "\n", "LINE_BREAK": "\n",
               "HYPHEN": "-\n"}
_BLOCK_NAMES = {member.value: member.name for member in vision_v1.Block.BlockType}


def box(poly: Any) -> BoundingBox:
    return BoundingBox.from_points([(v.x, v.y) for v in poly.vertices])


def _confidence(message: Any) -> Any:
    return _google.f32(message.confidence) or None


def _symbol(s: Any) -> DocumentSymbol:
    return DocumentSymbol(s.text, box(s.bounding_box), _confidence(s),
                          _BREAK_NAMES.get(s.property.detected_break.type_, ""))


def _word(w: Any) -> DocumentWord:
    symbols = tuple(map(_symbol, w.symbols))
    return DocumentWord("".join(s.text for s in symbols), box(w.bounding_box),
                        _confidence(w), symbols)


def _spelled(words: tuple[DocumentWord, ...]) -> str:
    """The words' text with the breaks Google detected after each symbol."""
    return "".join(s.text + _BREAK_TEXT.get(s.break_after, "")
                   for w in words for s in w.symbols).strip()


def _paragraph(p: Any) -> DocumentParagraph:
    words = tuple(map(_word, p.words))
    return DocumentParagraph(_spelled(words), box(p.bounding_box), _confidence(p), words)


def _block(b: Any) -> DocumentBlock:
    paragraphs = tuple(map(_paragraph, b.paragraphs))
    return DocumentBlock("\n".join(p.text for p in paragraphs), box(b.bounding_box),
                         _confidence(b), paragraphs,
                         _BLOCK_NAMES.get(b.block_type, "TEXT") if b.block_type else "TEXT")


def _page(p: Any) -> DocumentPage:
    return DocumentPage(int(p.width), int(p.height), _confidence(p),
                        tuple(map(_block, p.blocks)),
                        tuple(x.language_code for x in p.property.detected_languages))


def document_text(answer: Any, common: dict) -> DocumentText:
    full = answer.full_text_annotation
    return DocumentText(text=full.text.rstrip("\n"), pages=tuple(map(_page, full.pages)),
                        **common)


def crop_hints(answer: Any, common: dict) -> CropHints:
    f32 = _google.f32
    hints = []
    for hint in answer.crop_hints_annotation.crop_hints:
        found = box(hint.bounding_poly)
        hints.append(CropHint(found, f32(hint.confidence), f32(hint.importance_fraction),
                              round(found.width / max(found.height, 1.0), 4)))
    return CropHints(items=tuple(hints), **common)


def _images(images: Any) -> tuple[WebImage, ...]:
    return tuple(WebImage(i.url, _google.f32(i.score)) for i in images)


def web(answer: Any, common: dict) -> WebDetection:
    d = answer.web_detection
    pages = tuple(WebPage(p.url, _google.f32(p.score), p.page_title,
                          _images(p.full_matching_images),
                          _images(p.partial_matching_images))
                  for p in d.pages_with_matching_images)
    return WebDetection(
        entities=tuple(WebEntity(e.description, _google.f32(e.score), e.entity_id)
                       for e in d.web_entities),
        full_matching_images=_images(d.full_matching_images),
        partial_matching_images=_images(d.partial_matching_images),
        pages_with_matching_images=pages,
        visually_similar_images=_images(d.visually_similar_images),
        best_guess_labels=tuple(WebLabel(x.label, x.language_code)
                                for x in d.best_guess_labels), **common)
