"""A photo is not a video: FFmpeg opens one as a one-frame clip of 0.04 s (issue 10, 4)."""

from __future__ import annotations

import io

import numpy as np
import pytest
from PIL import Image

from cogsdk import InvalidInput
from cogsdk.media import VideoInput


def _encoded(fmt: str, frames: int = 1) -> bytes:
    pictures = [Image.fromarray(np.full((48, 64, 3), 40 * i, np.uint8)) for i in range(frames)]
    buffer = io.BytesIO()
    more = {"save_all": True, "append_images": pictures[1:], "duration": 200} if frames > 1 \
        else {}
    pictures[0].save(buffer, format=fmt, **more)
    return buffer.getvalue()


@pytest.mark.parametrize("fmt", ["JPEG", "PNG", "GIF", "BMP"])
def test_shots_of_a_still_image_say_it_is_not_a_video(local_video, fmt, tmp_path, no_sockets):
    path = tmp_path / f"photo.{fmt.lower()}"
    path.write_bytes(_encoded(fmt))
    for value in (str(path), path.read_bytes()):
        with pytest.raises(InvalidInput, match="not a video"):
            local_video.video.shots(value)


@pytest.mark.parametrize("fmt", ["JPEG", "PNG", "TIFF", "ICO"])
def test_the_decoder_refuses_image_demuxers_past_the_sniff(local_video, fmt):
    from cogsdk.video._local.decode import Frames

    smuggled = VideoInput(name=f"<{fmt}>", content=_encoded(fmt))  # skips load_video
    with pytest.raises(InvalidInput, match="still image"):
        Frames(smuggled)


def test_an_animated_gif_is_still_a_clip(local_video):
    shots = local_video.video.shots(_encoded("GIF", frames=6))
    assert shots[-1].end == pytest.approx(1.2, abs=0.25)
