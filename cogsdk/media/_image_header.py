"""Recognising encoded images by their first bytes, without decoding them.

Bytes headed to the cloud are checked here only: Google decodes them anyway, and a Pillow
decode of every image would cost more CPU than the rest of a cloud call. The local path
still decodes for real (``ImageInput.decode``).
"""

from __future__ import annotations

import struct
from typing import Callable, Optional

from ..errors import InvalidInput

Size = Optional[tuple[int, int]]


def _png_size(head: bytes) -> Size:
    if head[12:16] != b"IHDR":
        raise ValueError("its first chunk is not IHDR")
    return struct.unpack(">II", head[16:24])


def _gif_size(head: bytes) -> Size:
    return struct.unpack("<HH", head[6:10])


def _bmp_size(head: bytes) -> Size:
    if struct.unpack("<I", head[14:18])[0] == 12:  # the old OS/2 header: 16-bit sizes
        return struct.unpack("<HH", head[18:22])
    width, height = struct.unpack("<ii", head[18:26])
    return width, abs(height)  # a negative height means rows run top-down


def _no_size(head: bytes) -> Size:
    return None  # stated deep in the file (JPEG, TIFF...): Google or the decoder checks


_HEIF_BRANDS = (b"heic", b"heix", b"hevc", b"hevx", b"heim", b"heis", b"mif1", b"msf1",
                b"avif", b"avis")
_Signature = tuple[str, Callable[[bytes], bool], int, Callable[[bytes], Size]]
_SIGNATURES: tuple[_Signature, ...] = (
    # (format, test on the first bytes, bytes of a complete header, size reader)
    ("PNG", lambda h: h.startswith(b"\x89PNG\r\n\x1a\n"), 24, _png_size),
    ("JPEG", lambda h: h.startswith(b"\xff\xd8\xff"), 4, _no_size),
    ("GIF", lambda h: h.startswith((b"GIF87a", b"GIF89a")), 10, _gif_size),
    ("WEBP", lambda h: h.startswith(b"RIFF") and h[8:12] == b"WEBP", 16, _no_size),
    ("BMP", lambda h: h.startswith(b"BM"), 26, _bmp_size),
    ("TIFF", lambda h: h.startswith((b"II*\x00", b"MM\x00*")), 8, _no_size),
    ("ICO", lambda h: h.startswith(b"\x00\x00\x01\x00"), 6, _no_size),
    ("HEIF", lambda h: h[4:8] == b"ftyp" and h[8:12] in _HEIF_BRANDS, 12, _no_size),
    ("PDF", lambda h: h.startswith(b"%PDF-"), 8, _no_size),
)


def image_signature(content: bytes) -> Optional[str]:
    """The image format these bytes start like ("JPEG", "PNG"...), or None."""
    head = content[:32]
    return next((fmt for fmt, matches, _, _ in _SIGNATURES if matches(head)), None)


def image_format(content: bytes, name: str) -> tuple[str, Size]:
    """The format of encoded image bytes and, where the header states it at a fixed
    place, their size; InvalidInput when no format Google reads starts this way, or
    when the header is cut short."""
    head = content[:32]
    for fmt, matches, header_bytes, size_of in _SIGNATURES:
        if not matches(head):
            continue
        if len(content) < header_bytes:
            raise InvalidInput(f"{name} is truncated: its {fmt} header needs {header_bytes} "
                               f"bytes and the file has {len(content)}.")
        try:
            return fmt, size_of(head)
        except ValueError as exc:
            raise InvalidInput(f"{name} has a corrupt {fmt} header: {exc}.") from exc
    raise InvalidInput(f"{name} is not an image (unknown file signature); Google reads "
                       "JPEG, PNG, GIF, WEBP, BMP, TIFF, ICO, HEIC/AVIF and PDF.")
