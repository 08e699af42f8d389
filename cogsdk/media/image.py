"""Image inputs: bytes for the cloud, a decoded RGB picture for local models."""

from __future__ import annotations

import dataclasses
import functools
import io
import warnings
from typing import Any, Optional

from ..errors import InvalidInput
from ._common import is_remote_uri, read_bytes
from ._image_header import image_format

MAX_IMAGE_BYTES = 40 * 2**20
"""Largest encoded image accepted at all (Google's own limit is 20 MB)."""
MAX_PIXELS = 89_478_485
"""Largest decoded image (Pillow's decompression-bomb threshold): ~9500x9500."""
MAX_ASPECT_RATIO = 100
"""Longest side over shortest side. Models scale the short side up to their input size,
so a 100000x2 strip becomes billions of pixels (54 s); 100:1 still admits a cropped line
of text or a long receipt."""


@dataclasses.dataclass(frozen=True)
class ImageInput:
    """A checked image: exactly one of ``content`` (encoded bytes), ``uri`` or ``picture``."""

    name: str
    content: Optional[bytes] = None
    uri: Optional[str] = None
    picture: Any = None  # a PIL.Image.Image the caller gave us

    def encoded(self) -> bytes:
        """Encoded bytes to send inline (PNG for pictures given in memory)."""
        if self.content is not None:
            return self.content
        if self.picture is not None:
            return self._png
        raise InvalidInput(f"{self.uri} is a remote URI: only the cloud backend can read it.")

    @functools.cached_property
    def _png(self) -> bytes:
        buffer = io.BytesIO()
        self.picture.save(buffer, format="PNG")
        return buffer.getvalue()

    def decode(self, max_pixels: int = MAX_PIXELS):
        """Return an upright 8-bit RGB ``PIL.Image``, or raise InvalidInput."""
        if self.picture is not None:
            return to_rgb(self.picture, self.name)
        if self.uri is not None:
            raise InvalidInput(f"{self.uri} is a remote URI: the local backend reads only "
                               "local images. Download it first or use mode='cloud'.")
        return to_rgb(_decoded(self.content, self.name, max_pixels), self.name)


def load_image(value: Any) -> ImageInput:
    """Check what the caller passed and wrap it; raise InvalidInput when it is unusable."""
    if isinstance(value, ImageInput):
        return value
    if is_remote_uri(value):
        if value.lower().startswith("http://"):
            raise InvalidInput(f"{value}: only gs:// and https:// image URIs are accepted.")
        return ImageInput(name=value, uri=value)
    module = type(value).__module__
    if module.startswith("PIL."):
        return ImageInput(name=f"<PIL {value.mode} {value.size[0]}x{value.size[1]}>",
                          picture=value)
    if module == "numpy":
        return ImageInput(name=f"<array {getattr(value, 'shape', '?')}>",
                          picture=_from_array(value))
    content, name = read_bytes(value, "image", MAX_IMAGE_BYTES)
    _header_checked(content, name, MAX_PIXELS)  # decoding waits for a local backend
    return ImageInput(name=name, content=content)


def _header_checked(content: bytes, name: str, max_pixels: int) -> None:
    _, size = image_format(content, name)
    if size is not None:
        _check_size(size, name, max_pixels)


def _decoded(content: bytes, name: str, max_pixels: int):
    from PIL import Image, UnidentifiedImageError

    _header_checked(content, name, max_pixels)
    with warnings.catch_warnings():
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        try:
            picture = Image.open(io.BytesIO(content))
            _check_size(picture.size, name, max_pixels)
            picture.load()
        except InvalidInput:
            raise
        except (Image.DecompressionBombError, Image.DecompressionBombWarning) as exc:
            raise InvalidInput(f"{name} is too large to decode safely: {exc}") from exc
        except (UnidentifiedImageError, OSError, SyntaxError, ValueError, EOFError,
                MemoryError) as exc:
            raise InvalidInput(f"{name} is truncated or corrupt, or in a format the local "
                               f"decoder cannot read: {exc}") from exc
    return picture


def _check_size(size: tuple[int, int], name: str, max_pixels: int) -> None:
    width, height = size
    if width <= 0 or height <= 0:
        raise InvalidInput(f"{name} has no pixels ({width}x{height}).")
    if width * height > max_pixels:
        raise InvalidInput(f"{name} is {width}x{height}: more than {max_pixels:,} pixels. "
                           "Resize it before sending.")
    if max(width, height) > MAX_ASPECT_RATIO * min(width, height):
        raise InvalidInput(f"{name} is {width}x{height}: its long side is more than "
                           f"{MAX_ASPECT_RATIO} times its short side (the limit is "
                           f"{MAX_ASPECT_RATIO}:1). Crop it into pieces, or pad it, first.")


def _from_array(array: Any):
    from PIL import Image

    if array.dtype.name != "uint8" or array.ndim not in (2, 3) or (
            array.ndim == 3 and array.shape[2] not in (1, 3, 4)):
        raise InvalidInput(f"An image array must be HxW or HxWx3/4 uint8, not "
                           f"{array.shape} {array.dtype}.")
    _check_size((array.shape[1], array.shape[0]), "<array>", MAX_PIXELS)
    if array.ndim == 3 and array.shape[2] == 1:
        array = array[:, :, 0]
    return Image.fromarray(array)


def to_rgb(picture, name: str = "image"):
    """Upright 8-bit RGB: applies EXIF rotation, scales 16-bit, flattens alpha onto white."""
    from PIL import Image, ImageOps

    _check_size(picture.size, name, MAX_PIXELS)
    try:
        picture = ImageOps.exif_transpose(picture)
    except Exception:  # a broken EXIF block must not cost the picture itself
        pass
    if picture.mode in ("I", "I;16", "I;16B", "I;16L", "F"):
        picture = _scale_to_8bit(picture)
    if picture.mode in ("RGBA", "LA", "PA") or (picture.mode == "P" and
                                              "transparency" in picture.info):
        rgba = picture.convert("RGBA")
        background = Image.new("RGBA", rgba.size, (255, 255, 255, 255))
        picture = Image.alpha_composite(background, rgba)
    return picture.convert("RGB") if picture.mode != "RGB" else picture


def _scale_to_8bit(picture):
    import numpy as np
    from PIL import Image

    values = np.asarray(picture, dtype=np.float64)
    high = float(values.max()) if values.size else 0.0
    scale = 255.0 / 65535.0 if high > 255 else 1.0
    return Image.fromarray(np.clip(values * scale, 0, 255).astype(np.uint8))
