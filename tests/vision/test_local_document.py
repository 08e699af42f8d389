"""Local document text (PP-OCR lines + character boxes) on rendered text and on
scikit-image's page."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

FONT = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")


def render(lines: list[str], size: int = 40, width: int = 900):
    """Dark text on white in DejaVu Sans, one line every 1.6 font sizes."""
    from PIL import Image, ImageDraw, ImageFont

    if not FONT.is_file():
        pytest.skip("needs Debian fonts-dejavu-core; see scripts/install-system-deps.sh")
    face = ImageFont.truetype(str(FONT), size)
    picture = Image.new("RGB", (width, int(size * 1.6 * len(lines) + 2 * size)), "white")
    draw = ImageDraw.Draw(picture)
    for row, line in enumerate(lines):
        draw.text((size, size + row * int(size * 1.6)), line, font=face, fill=(20, 20, 20))
    return picture


def _inside(inner, outer, slack: float = 2.0) -> bool:
    return (inner.left >= outer.left - slack and inner.top >= outer.top - slack and
            inner.right <= outer.right + slack and inner.bottom <= outer.bottom + slack)


def test_words_and_symbols_are_read_and_nested(local_cog):
    lines = ["Invoice 2026-11 total 149.90", "Deliver to Baker Street 221B", "", "",
             "A separate note"]
    doc = local_cog.vision.document_text(render(lines))
    assert doc.text.splitlines() == [x for x in lines if x]
    assert doc.backend == "local" and doc.raw["proportional_lines"] == []
    (page,) = doc.pages
    assert [b.text for b in page.blocks] == ["\n".join(lines[:2]), lines[-1]]
    assert [w.text for w in doc.words] == " ".join(lines).split()
    for block in page.blocks:
        for paragraph in block.paragraphs:
            assert _inside(paragraph.bounding_box, block.bounding_box)
            for word in paragraph.words:
                assert _inside(word.bounding_box, paragraph.bounding_box, 4)
                assert "".join(s.text for s in word.symbols) == word.text
                assert all(_inside(s.bounding_box, word.bounding_box) for s in word.symbols)
                assert 0.5 < word.confidence <= 1
    lefts = [w.bounding_box.left for w in doc.words[:4]]
    assert lefts == sorted(lefts)  # words of a line run left to right
    breaks = [w.symbols[-1].break_after for w in page.blocks[0].paragraphs[0].words]
    assert breaks == ["SPACE"] * 3 + ["EOL_SURE_SPACE"] + ["SPACE"] * 4 + ["LINE_BREAK"]


def test_page_of_scikit_image(local_cog):
    data = pytest.importorskip("skimage.data")
    picture = np.stack([data.page()] * 3, axis=-1)
    doc = local_cog.vision.document_text(picture, languages=["en"])
    words = [w.text for w in doc.words]
    assert words[:2] == ["Region-based", "segmentation"]
    assert {"markers", "coins", "background.", "histogram"} <= set(words)
    assert doc.pages[0].width == picture.shape[1]
    tops = [b.bounding_box.top for b in doc.pages[0].blocks]
    assert tops == sorted(tops)


def test_upside_down_lines_fall_back_to_proportional_boxes(local_cog):
    doc = local_cog.vision.document_text(render(["Hello World 2026"]).rotate(180))
    assert [w.text for w in doc.words] == ["Hello", "World", "2026"]
    if doc.raw["proportional_lines"]:  # read turned round: boxes split by characters
        (hello, world, year) = doc.words
        assert hello.bounding_box.right <= world.bounding_box.left <= year.bounding_box.left


def test_a_list_with_a_bad_item_and_the_annotation(local_cog):
    picture = render(["Quick brown fox"])
    docs = local_cog.vision.document_text([picture, b"not an image"])
    assert [w.text for w in docs[0].words] == ["Quick", "brown", "fox"]
    assert isinstance(docs[1], Exception)
    both = local_cog.vision.annotate(picture, ["text", "document_text"])
    assert both.text.text == both.document_text.text == "Quick brown fox"
