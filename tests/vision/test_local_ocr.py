"""Local OCR (PP-OCRv6 via rapidocr) on text rendered with Pillow and DejaVu fonts."""

from __future__ import annotations

from pathlib import Path

import pytest

from cogsdk import UnsupportedLanguage

FONTS = Path("/usr/share/fonts/truetype/dejavu")


def typeface(font: str, size: int):
    from PIL import ImageFont

    if not (FONTS / font).is_file():
        pytest.skip(f"needs Debian fonts-dejavu-core ({font}); see scripts/install-system-deps.sh")
    return ImageFont.truetype(str(FONTS / font), size)


def render(lines: list[str], font: str = "DejaVuSans.ttf", size: int = 40,
           width: int = 900):
    from PIL import Image, ImageDraw

    face = typeface(font, size)
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


PAGE = ["Region-based segmentation", "Let us first determine markers of the coins and the",
        "background. These markers are pixels that we can label",
        "unambiguously as either object or background. Here,",
        "the markers are found at the two extreme parts of the", "histogram of grey values:",
        ">>> markers = np.zeros_like(coins)"]


def test_a_small_photographed_page_reads_in_full(local_cog):
    data = pytest.importorskip("skimage.data", reason="needs scikit-image (test extra)")
    page = data.page()  # a 384x191 grey photo of a printed page
    result = local_cog.vision.text(page)
    assert result.text.splitlines() == PAGE
    first = result.blocks[0].lines[0].bounding_box  # in the caller's pixels, not 2x
    assert first.left < 10 and 280 < first.right < 310 and first.bottom < 45
    assert all(block.bounding_box.right <= 384 and block.bounding_box.bottom <= 191
               for block in result.blocks)


RECEIPT = [("Brötchen 2x", "1,20 EUR"), ("Kaffee", "2,90 EUR"), ("Croissant", "2,20 EUR"),
           ("Summe", "6,30 EUR"), ("Bar", "10,00 EUR"), ("Rückgeld", "3,70 EUR")]


def receipt(size: int = 20, width: int = 420, tilt: float = 1.0):
    """A till receipt: items flush left, amounts flush right, scanned ``tilt`` degrees
    askew (so each amount sits a little higher than its item)."""
    from PIL import Image, ImageDraw

    face, step = typeface("DejaVuSansMono.ttf", size), int(size * 1.7)
    picture = Image.new("RGB", (width, step * (len(RECEIPT) + 3)), "white")
    draw = ImageDraw.Draw(picture)
    draw.text((width // 2, size), "Bäckerei Sonnenschein", font=face, fill="black",
              anchor="mt")
    for row, (item, amount) in enumerate(RECEIPT):
        top = size + step * (row + 2)
        draw.text((size, top), item, font=face, fill="black")
        draw.text((width - size, top), amount, font=face, fill="black", anchor="ra")
    return picture.rotate(tilt, resample=Image.BICUBIC, fillcolor="white", expand=True)


@pytest.mark.parametrize("tilt", [1.0, 0.0, -1.0])
def test_receipt_rows_read_left_to_right_top_to_bottom(local_cog, tilt):
    result = local_cog.vision.text(receipt(tilt=tilt))
    assert result.text.splitlines() == ["Bäckerei Sonnenschein"] + [
        f"{item} {amount}" for item, amount in RECEIPT]  # "Summe 6,30 EUR"
    summe = next(line for block in result.blocks for line in block.lines
                 if line.text.startswith("Summe"))
    assert summe.bounding_box.width > 300  # one line from the item to its amount


def test_small_pictures_are_enlarged_large_ones_are_not():
    from cogsdk.vision._local.ocr import enlargement

    assert enlargement(384, 191) == 2.0  # page.png
    assert enlargement(900, 300) == 1.0  # 2x would pass the detector's 960 px cap
    assert enlargement(640, 480) == enlargement(4000, 3000) == 1.0


def test_boxes_overlapping_vertically_are_one_line_read_left_to_right():
    from cogsdk import BoundingBox
    from cogsdk.vision._local._ocr_layout import reading_order
    from cogsdk.vision.types import TextLine

    def line(text, left, top, right, bottom):
        return TextLine(text, BoundingBox(left, top, right, bottom), 0.9)
    # askew: each amount sits 6 px above its item, more than the gap between rows
    blocks = reading_order([line("6,30 EUR", 300, 54, 400, 78), line("Bar", 10, 90, 50, 114),
                            line("Summe", 10, 60, 90, 84), line("10,00 EUR", 290, 84, 400, 108)])
    assert [x.text for x in blocks[0].lines] == ["Summe 6,30 EUR", "Bar 10,00 EUR"]
    assert blocks[0].lines[0].bounding_box == BoundingBox(10, 54, 400, 84)
