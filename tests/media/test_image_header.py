"""Image bytes headed to the cloud are checked by their header, never decoded."""

import io
import struct

import pytest
from PIL import Image

from cogsdk import InvalidInput
from cogsdk.media import load_image
from cogsdk.media._image_header import image_format


def _encode(fmt: str, size=(6, 4)) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", size, (200, 120, 60)).save(buffer, format=fmt)
    return buffer.getvalue()


@pytest.mark.parametrize("fmt", ["PNG", "JPEG", "GIF", "WEBP", "BMP", "TIFF", "ICO"])
def test_formats_google_reads_are_recognised(fmt):
    assert image_format(_encode(fmt), "x")[0] == fmt


@pytest.mark.parametrize("head, fmt", [
    (b"\x00\x00\x00\x1cftypheic" + bytes(20), "HEIF"),
    (b"\x00\x00\x00\x1cftypavif" + bytes(20), "HEIF"),
    (b"%PDF-1.7\n" + bytes(20), "PDF"),
])
def test_heic_avif_and_pdf_are_recognised(head, fmt):
    assert image_format(head, "x")[0] == fmt


@pytest.mark.parametrize("fmt", ["PNG", "GIF", "BMP"])
def test_sizes_stated_in_the_header_are_read(fmt):
    assert image_format(_encode(fmt, (6, 4)), "x")[1] == (6, 4)


@pytest.mark.parametrize("data", [
    b"hello, I am a text file\n",
    bytes(range(256)) * 4,
    b"\x00\x00\x00\x18ftypmp42" + bytes(20),  # an MP4 video, not an image
    b"RIFF\x24\x00\x00\x00WAVEfmt " + bytes(20),  # a WAV file
])
def test_no_known_signature_is_not_an_image(data):
    with pytest.raises(InvalidInput, match="not an image"):
        load_image(data)


@pytest.mark.parametrize("cut", [b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIH", b"\xff\xd8\xff",
                                 b"GIF89a\x01", b"BM\x00\x00"])
def test_a_header_cut_short_is_truncated(cut):
    with pytest.raises(InvalidInput, match="truncated"):
        load_image(cut)


def test_png_without_ihdr_is_corrupt():
    data = b"\x89PNG\r\n\x1a\n" + struct.pack(">I", 13) + b"IDAT" + bytes(13)
    with pytest.raises(InvalidInput, match="corrupt PNG header"):
        load_image(data)


def test_huge_sizes_in_a_gif_header_are_refused_before_sending():
    with pytest.raises(InvalidInput, match="pixels"):
        load_image(b"GIF89a" + struct.pack("<HH", 65535, 65535) + bytes(16))


def test_a_good_header_loads_without_decoding_and_decode_still_checks():
    data = _encode("PNG", (300, 300))
    image = load_image(data[:60])  # the header is whole, the pixels are not
    assert image.content == data[:60]
    with pytest.raises(InvalidInput, match="truncated or corrupt"):
        image.decode()
