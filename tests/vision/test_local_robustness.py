"""Awkward inputs through the local backend: each gets a correct result or InvalidInput."""

from __future__ import annotations

import io
import struct
import zlib

import numpy as np
import pytest
from PIL import Image

from cogsdk import Cog, InvalidInput

ALL = ["labels", "faces", "text", "safe_search", "properties"]


def encode(picture: Image.Image, fmt: str = "PNG", **options) -> bytes:
    buffer = io.BytesIO()
    picture.save(buffer, format=fmt, **options)
    return buffer.getvalue()


def png_claiming(width: int, height: int) -> bytes:
    """A tiny PNG whose header claims a huge picture: a decompression bomb's shape."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + \
            struct.pack(">I", zlib.crc32(kind + data))
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + \
        chunk(b"IDAT", zlib.compress(b"\x00" * 1000)) + chunk(b"IEND", b"")


@pytest.fixture(scope="module")
def astronaut(photos):
    return Image.fromarray(photos["astronaut"])


def one_face(cog, image):
    faces = cog.vision.faces(image)
    assert len(faces) == 1
    return faces[0]


def test_bad_inputs_fail_alone_in_their_slots(local_cog, photos):
    good = encode(Image.fromarray(photos["coffee"]), "JPEG")
    truncated = good[:len(good) // 3]
    results = local_cog.vision.labels([good, truncated, b"", b"hello, not a picture",
                                       png_claiming(60_000, 60_000)])
    assert "Espresso" in [x.description for x in results[0]]
    assert all(isinstance(error, InvalidInput) for error in results[1:])
    assert "too large" in str(results[4]) or "pixels" in str(results[4])


def test_a_bomb_alone_raises_before_decoding(local_cog):
    with pytest.raises(InvalidInput):
        local_cog.vision.annotate(png_claiming(50_000, 40_000), ALL)


def test_cmyk_jpeg(local_cog, astronaut):
    data = encode(astronaut.convert("CMYK"), "JPEG", quality=92)
    face = one_face(local_cog, data)
    assert 190 < (face.bounding_box.left + face.bounding_box.right) / 2 < 260


def test_sixteen_bit_and_grayscale(local_cog, astronaut):
    grey = astronaut.convert("L")
    sixteen = Image.fromarray((np.asarray(grey, np.uint16) * 257))
    assert sixteen.mode.startswith("I;16")
    for image in (encode(sixteen), encode(grey), np.asarray(grey)):
        face = one_face(local_cog, image)
        assert 190 < (face.bounding_box.left + face.bounding_box.right) / 2 < 260


def test_alpha_is_flattened_onto_white(local_cog, photos):
    rgba = Image.fromarray(photos["coffee"]).convert("RGBA")
    rgba.putalpha(255)
    assert "Espresso" in [x.description for x in local_cog.vision.labels(encode(rgba))]
    hole = Image.new("RGBA", (300, 200), (0, 0, 0, 0))  # fully transparent: a white page
    colors = local_cog.vision.properties(encode(hole)).dominant_colors
    assert colors[0].hex == "#ffffff" and colors[0].pixel_fraction > 0.99


def test_exif_rotated_photo_is_read_upright(local_cog, astronaut):
    upright = one_face(local_cog, astronaut)
    exif = Image.Exif()
    exif[0x0112] = 6  # "rotate 90 degrees clockwise to display"
    sideways = encode(astronaut.transpose(Image.Transpose.ROTATE_90), "JPEG", quality=95,
                      exif=exif)
    face = one_face(local_cog, sideways)
    assert abs(face.roll) < 10
    assert abs(face.bounding_box.left - upright.bounding_box.left) < 12
    assert abs(face.bounding_box.top - upright.bounding_box.top) < 12


@pytest.mark.parametrize("size", [(1, 1), (5, 400), (640, 8)])
def test_tiny_and_thin_flat_pictures_get_empty_results(local_cog, size):
    picture = Image.new("RGB", size, (200, 50, 50))
    annotation = local_cog.vision.annotate(encode(picture), ALL)
    assert len(annotation.faces) == 0 and annotation.text.text == ""
    assert len(annotation.labels) == 0  # a flat colour shows nothing to label
    assert annotation.properties.dominant_colors[0].red == 200


@pytest.mark.parametrize("size", [(3, 500), (640, 2)])
def test_absurdly_thin_pictures_are_refused_with_the_limit(local_cog, size):
    picture = Image.new("RGB", size, (200, 50, 50))
    with pytest.raises(InvalidInput, match="100:1"):
        local_cog.vision.annotate(encode(picture), ALL)


def test_offline_mode_opens_no_socket(no_sockets, photos):
    cog = Cog(mode="local", offline=True)
    annotation = cog.vision.annotate(photos["astronaut"], ALL)
    assert len(annotation.faces) == 1 and annotation.backend == "local"
    assert "local/" in annotation.model and annotation.safe_search.adult.name


def test_annotate_decodes_once_and_fills_every_feature(local_cog, photos):
    results = local_cog.vision.annotate([photos["chelsea"], b"junk"], ALL)
    cat, junk = results
    assert "Cat" in [x.description for x in cat.labels] and len(cat.faces) == 0
    assert cat.safe_search.adult.name in ("VERY_UNLIKELY", "UNLIKELY")
    assert cat.logos is None and isinstance(junk, InvalidInput)
