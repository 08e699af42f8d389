"""Test clips built with PyAV from real photos (scikit-image), with known cut times.

``hard_clip()`` holds five hard cuts, a one-frame white flash inside a shot (not a cut),
a slow pan across the cat photo (not a cut) and a same-scene reframing (wide shot of the
rocket, then a close-up of it: a cut).
"""

from __future__ import annotations

from pathlib import Path
from typing import Callable

import numpy as np

Frame = Callable[[int, int], np.ndarray]  # (index in shot, frames in shot) -> HxWx3 uint8


def photos() -> dict[str, np.ndarray]:
    from skimage import data

    return {"astronaut": data.astronaut(), "coffee": data.coffee(), "cat": data.chelsea(),
            "rocket": data.rocket(), "motorcycle": data.stereo_motorcycle()[0]}


def fit(image: np.ndarray, width: int, height: int) -> np.ndarray:
    """Crop to the aspect ratio around the centre, then resize (Pillow)."""
    from PIL import Image

    h, w = image.shape[:2]
    scale = min(w / width, h / height)
    cw, ch = int(width * scale), int(height * scale)
    top, left = (h - ch) // 2, (w - cw) // 2
    crop = Image.fromarray(image[top:top + ch, left:left + cw])
    return np.asarray(crop.resize((width, height), Image.BILINEAR))


def still(image: np.ndarray, width: int, height: int) -> Frame:
    picture = fit(image, width, height)
    return lambda i, n: picture


def pan(image: np.ndarray, width: int, height: int, zoom: float = 1.6) -> Frame:
    """A slow left-to-right pan: a window of 1/zoom of the photo slides across it."""
    from PIL import Image

    big = fit(image, int(width * zoom), int(height * zoom))
    source = Image.fromarray(big)

    def frame(i: int, n: int) -> np.ndarray:
        x = (big.shape[1] - width) * i / max(n - 1, 1)
        box = (x, (big.shape[0] - height) / 2, x + width, (big.shape[0] + height) / 2)
        return np.asarray(source.resize((width, height), Image.BILINEAR, box=box))
    return frame


def closeup(image: np.ndarray, width: int, height: int, zoom: float = 2.2) -> Frame:
    """The same scene, reframed: the centre of the photo, enlarged."""
    h, w = image.shape[:2]
    ch, cw = int(h / zoom), int(w / zoom)
    top, left = (h - ch) // 2, (w - cw) // 2
    return still(image[top:top + ch, left:left + cw], width, height)


def with_flash(shot: Frame, at: int) -> Frame:
    white = None

    def frame(i: int, n: int) -> np.ndarray:
        nonlocal white
        picture = shot(i, n)
        if i == at:
            white = white if white is not None else np.full_like(picture, 250)
            return white
        return picture
    return frame


def write_clip(path: Path, shots: list[tuple[float, Frame]], fps: int = 25,
               size: tuple[int, int] = (640, 360)) -> list[float]:
    """Encode the shots (seconds, frame function) as H.264; return the cut times."""
    import av

    width, height = size
    cuts = []
    with av.open(str(path), mode="w") as container:
        stream = container.add_stream("libx264", rate=fps,
                                      options={"preset": "ultrafast", "crf": "23"})
        stream.width, stream.height, stream.pix_fmt = width, height, "yuv420p"
        index = 0
        for number, (seconds, make) in enumerate(shots):
            count = round(seconds * fps)
            if number:
                cuts.append(index / fps)
            for i in range(count):
                frame = av.VideoFrame.from_ndarray(np.ascontiguousarray(make(i, count)),
                                                   format="rgb24")
                frame.pts = index
                index += 1
                for packet in stream.encode(frame):
                    container.mux(packet)
        for packet in stream.encode(None):
            container.mux(packet)
    return cuts


def hard_clip(path: Path, fps: int = 25, size: tuple[int, int] = (640, 360)) -> list[float]:
    """~11 s: astronaut | coffee (white flash at 3.0 s) | slow pan over the cat | rocket wide |
    rocket close-up | motorcycle. Returns the five true cut times."""
    p = photos()
    w, h = size
    return write_clip(path, [
        (2.0, still(p["astronaut"], w, h)),
        (2.0, with_flash(still(p["coffee"], w, h), at=fps)),
        (2.5, pan(p["cat"], w, h)),
        (1.5, still(p["rocket"], w, h)),
        (1.5, closeup(p["rocket"], w, h)),
        (1.5, still(p["motorcycle"], w, h)),
    ], fps, size)


def cat_clip(path: Path, seconds: float = 3.0, fps: int = 25) -> list[float]:
    """The cat photo, panned slowly: one shot."""
    return write_clip(path, [(seconds, pan(photos()["cat"], 640, 360, zoom=1.2))], fps)


def match(found: list[float], truth: list[float], tolerance: float = 0.25):
    """(precision, recall, matched pairs) of found cut times against the true ones."""
    unmatched, pairs = list(truth), []
    for t in found:
        best = min(unmatched, key=lambda u: abs(u - t), default=None)
        if best is not None and abs(best - t) <= tolerance:
            unmatched.remove(best)
            pairs.append((best, t))
    precision = len(pairs) / len(found) if found else 1.0
    recall = len(pairs) / len(truth) if truth else 1.0
    return precision, recall, pairs


def captioned(shot: Frame, text: str, first: int, last: int) -> Frame:
    """The shot with ``text`` drawn large in a white band on frames first..last-1."""
    from PIL import Image, ImageDraw, ImageFont

    font = ImageFont.load_default(size=44)

    def frame(i: int, n: int) -> np.ndarray:
        picture = shot(i, n)
        if not first <= i < last:
            return picture
        image = Image.fromarray(picture)
        draw = ImageDraw.Draw(image)
        draw.rectangle((30, 250, 610, 320), fill="white")
        draw.text((50, 260), text, fill="black", font=font)
        return np.asarray(image)
    return frame


def text_clip(path: Path, fps: int = 25) -> None:
    """4 s of the coffee photo; "OPEN DAILY" is on screen from 1.0 to 3.0 s."""
    coffee = still(photos()["coffee"], 640, 360)
    write_clip(path, [(4.0, captioned(coffee, "OPEN DAILY", fps, 3 * fps))], fps)


def speaking_clip(path: Path, wav: Path, fps: int = 10) -> None:
    """The astronaut photo for as long as the WAV lasts, with the WAV as an AAC track."""
    import av

    with av.open(str(wav)) as source:
        frames = [f for f in source.decode(audio=0)]
    seconds = sum(f.samples for f in frames) / frames[0].sample_rate
    picture = fit(photos()["astronaut"], 320, 180)
    with av.open(str(path), mode="w") as container:
        video = container.add_stream("libx264", rate=fps, options={"preset": "ultrafast"})
        video.width, video.height, video.pix_fmt = 320, 180, "yuv420p"
        audio = container.add_stream("aac", rate=frames[0].sample_rate)
        for index in range(round(seconds * fps)):
            frame = av.VideoFrame.from_ndarray(picture, format="rgb24")
            frame.pts = index
            container.mux(video.encode(frame))
        for frame in frames:
            frame.pts = None
            container.mux(audio.encode(frame))
        container.mux(video.encode(None))
        container.mux(audio.encode(None))
