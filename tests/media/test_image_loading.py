"""load_image and ImageInput.decode on good, odd and broken images."""

import io
import struct
import zlib

import numpy as np
import pytest
from PIL import Image

from cogsdk import InvalidInput
from cogsdk.media import load_image


def _encode(picture: Image.Image, fmt: str = "PNG", **kw) -> bytes:
    buffer = io.BytesIO()
    picture.save(buffer, format=fmt, **kw)
    return buffer.getvalue()


def _rgb() -> Image.Image:
    array = np.zeros((40, 60, 3), np.uint8)
    array[:, :30] = (255, 0, 0)
    array[:, 30:] = (0, 0, 255)
    return Image.fromarray(array)


@pytest.mark.parametrize("source", ["path", "bytes", "file", "pil", "numpy"])
def test_every_input_kind_decodes_to_the_same_rgb(source, tmp_path):
    png = _encode(_rgb())
    path = tmp_path / "a.png"
    path.write_bytes(png)
    value = {"path": str(path), "bytes": png, "file": io.BytesIO(png), "pil": _rgb(),
             "numpy": np.asarray(_rgb())}[source]
    decoded = load_image(value).decode()
    assert decoded.mode == "RGB" and decoded.size == (60, 40)
    assert decoded.getpixel((5, 5)) == (255, 0, 0) and decoded.getpixel((55, 5)) == (0, 0, 255)


def test_odd_modes_become_rgb():
    cmyk = _encode(_rgb().convert("CMYK"), "JPEG", quality=95)
    assert load_image(cmyk).decode().getpixel((5, 5))[0] > 200
    gray16 = Image.fromarray((np.ones((10, 10)) * 65535).astype(np.uint16))
    assert load_image(_encode(gray16)).decode().getpixel((1, 1)) == (255, 255, 255)
    palette = _encode(_rgb().convert("P"))
    assert load_image(palette).decode().getpixel((55, 5))[2] > 200
    rgba = Image.new("RGBA", (4, 4), (0, 0, 0, 0))
    assert load_image(_encode(rgba)).decode().getpixel((0, 0)) == (255, 255, 255)


def test_exif_rotation_is_applied():
    exif = Image.Exif()
    exif[0x0112] = 6  # rotate 90 degrees clockwise when shown
    data = _encode(_rgb(), "JPEG", exif=exif.tobytes())
    decoded = load_image(data).decode()
    assert decoded.size == (40, 60)
    assert decoded.getpixel((20, 5))[0] > 200  # red (left half) is now on top


@pytest.mark.parametrize("bad, message", [
    (b"", "empty"),
    (b"hello, I am a text file\n", "not an image"),
    (bytes(range(256)) * 10, "not an image"),
    (12, "Cannot read"),
    ("/definitely/not/here.jpg", "Cannot open"),
])
def test_unusable_inputs_are_invalid_input(bad, message):
    with pytest.raises(InvalidInput, match=message):
        load_image(bad)


def test_truncated_files_fail_on_decode_not_deep_in_pillow():
    for fmt in ("PNG", "JPEG"):
        data = _encode(_rgb().resize((300, 300)), fmt)
        cut = load_image(data[: len(data) // 2])
        with pytest.raises(InvalidInput, match="truncated or corrupt"):
            cut.decode()


def _png_header_only(width: int, height: int) -> bytes:
    def chunk(kind: bytes, body: bytes) -> bytes:
        return (struct.pack(">I", len(body)) + kind + body
                + struct.pack(">I", zlib.crc32(kind + body) & 0xFFFFFFFF))
    ihdr = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IEND", b"")


def test_decompression_bomb_is_refused_before_decoding():
    with pytest.raises(InvalidInput, match="pixels|too large"):
        load_image(_png_header_only(60000, 60000))


def test_zero_sized_and_wrong_arrays():
    with pytest.raises(InvalidInput):
        load_image(np.zeros((0, 10, 3), np.uint8))
    with pytest.raises(InvalidInput, match="uint8"):
        load_image(np.zeros((10, 10, 3), np.float32))


def test_uris_are_kept_by_reference():
    image = load_image("gs://bucket/x.jpg")
    assert image.uri == "gs://bucket/x.jpg" and image.content is None
    with pytest.raises(InvalidInput, match="remote URI"):
        image.decode()
