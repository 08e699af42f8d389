"""Turning what callers pass (paths, bytes, arrays, URIs) into checked inputs.

Nothing here imports a backend; Pillow and numpy are imported on first use.
"""

from .audio import AudioInput, load_audio
from .image import ImageInput, load_image
from .text import check_language_code, load_text
from .video import VideoInput, load_video

__all__ = ["AudioInput", "ImageInput", "VideoInput", "load_audio", "load_image", "load_video",
           "load_text", "check_language_code"]
