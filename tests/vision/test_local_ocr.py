"""Local OCR (PP-OCRv6 via rapidocr) on text rendered with Pillow and DejaVu fonts."""

from __future__ import annotations

from pathlib import Path

import pytest

from cogsdk import UnsupportedLanguage

FONTS = Path("/usr/share/fonts/truetype/dejavu")


def render(lines: list[str], font: str = "DejaVuSans.ttf", size: int = 40,
           width: int = 900):
    from PIL import Image, ImageDraw, ImageFont

    if not (FONTS / font).is_file():
        pytest.skip(f"needs Debian fonts-dejavu-core ({font}); see scripts/install-system-deps.sh")
    face = ImageFont.truetype(str(FONTS / font), size)
    picture = Image.new("RGB", (width, int(size * 1.6 * len(lines) + 2 * size)), "white")
    draw = ImageDraw.Draw(picture)
    for row, line in enumerate(lines):
        draw.text((size, size + row * int(size * 1.6)), line, font=face, fill=(20, 20, 20))
    return picture


@pytest.mark.parametrize("font,size", [("DejaVuSans.ttf", 40), ("DejaVuSerif.ttf", 28),
                                       ("DejaVuSansMono-Bold.ttf", 56)])
def test_reads_rendered_text_exactly_across_fonts_and_sizes(local_cog, font, size):
    lines = ["Invoice 2026-11 total 149.90", "Deliver to Baker Street 221B"]
    result = local_cog.vision.text(render(lines, font, size, width=size * 20))
    assert result.text.splitlines() == lines
    assert result.backend == "local" and result.model.startswith("local/PP-OCRv6_small")


def test_accented_words(local_cog):
    lines = ["Straße résumé café", "Crème brûlée à Noël"]
    result = local_cog.vision.text(render(lines), languages=["fr", "de"])
    assert result.text.splitlines() == lines


def test_text_upside_down_is_still_read(local_cog):
    lines = ["Hello World 2026", "Quick brown fox"]
    result = local_cog.vision.text(render(lines).rotate(180))
    assert sorted(result.text.splitlines()) == sorted(lines)


def test_blocks_lines_boxes_and_confidence(local_cog):
    picture = render(["First paragraph line one", "First paragraph line two", "",
                      "", "A separate note"])
    result = local_cog.vision.text(picture)
    assert [block.text for block in result.blocks] == [
        "First paragraph line one\nFirst paragraph line two", "A separate note"]
    first, note = result.blocks
    assert len(first.lines) == 2 and first.lines[0].bounding_box.bottom <= \
        first.lines[1].bounding_box.top + 5
    assert first.bounding_box.bottom < note.bounding_box.top
    assert 0 < first.bounding_box.left < 80 and note.bounding_box.right < picture.width
    assert all(0.8 < line.confidence <= 1 for block in result.blocks for line in block.lines)


def test_no_text_gives_an_empty_result(local_cog, photos):
    result = local_cog.vision.text(photos["coffee"])
    assert len(result.text) < 4 and result.backend == "local"


@pytest.mark.parametrize("language", ["ru", "ar", "ko", "hi"])
def test_languages_outside_the_bundled_model_are_refused(local_cog, language):
    with pytest.raises(UnsupportedLanguage) as caught:
        local_cog.vision.text(render(["x"]), languages=[language])
    assert caught.value.language == language and "en" in caught.value.supported


def test_bundled_language_hints_are_accepted(local_cog):
    result = local_cog.vision.text(render(["Hola mundo"]), languages=["es", "zh-Hant", "ja"])
    assert result.text == "Hola mundo"
