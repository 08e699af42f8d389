"""Offline video demo: shot changes and labels of a clip built from real photos.

Builds ``out/demo_clip.mp4`` with PyAV from photos shipped in scikit-image (hard cuts,
a white flash, a slow pan), then finds its shots and labels it with the local models
(``Cog(mode="local", offline=True)``: no socket is opened)::

    python examples/demo_video.py
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

import numpy as np

from cogsdk import Cog, CogError

OUT = Path("out")
FPS, WIDTH, HEIGHT = 25, 640, 360


def photos() -> list[tuple[str, np.ndarray]]:
    try:
        from skimage import data
    except ImportError:  # plain colour cards stand in for photos
        return [(name, np.full((HEIGHT, WIDTH, 3), color, np.uint8)) for name, color in
                (("red", (200, 30, 30)), ("green", (30, 160, 60)), ("blue", (40, 60, 200)))]
    return [("astronaut", data.astronaut()), ("coffee", data.coffee()),
            ("cat", data.chelsea()), ("rocket", data.rocket())]


def build_clip(path: Path) -> list[float]:
    """2.5 s per photo; a white flash inside the second shot; the third one pans."""
    import av
    from PIL import Image

    cuts, index = [], 0
    with av.open(str(path), "w") as container:
        stream = container.add_stream("libx264", rate=FPS, options={"preset": "ultrafast"})
        stream.width, stream.height, stream.pix_fmt = WIDTH, HEIGHT, "yuv420p"
        for number, (name, photo) in enumerate(photos()):
            if number:
                cuts.append(index / FPS)
            big = Image.fromarray(photo).resize((int(WIDTH * 1.4), int(HEIGHT * 1.4)))
            frames = int(2.5 * FPS)
            for i in range(frames):
                x = (big.width - WIDTH) * (i / frames if number == 2 else 0.5)
                picture = big.crop((int(x), 0, int(x) + WIDTH, HEIGHT))
                pixels = np.asarray(picture)
                if number == 1 and i == FPS:
                    pixels = np.full_like(pixels, 250)  # a flash is not a cut
                frame = av.VideoFrame.from_ndarray(np.ascontiguousarray(pixels), format="rgb24")
                frame.pts = index
                index += 1
                for packet in stream.encode(frame):
                    container.mux(packet)
        for packet in stream.encode(None):
            container.mux(packet)
    return cuts


def main() -> int:
    OUT.mkdir(exist_ok=True)
    clip = OUT / "demo_clip.mp4"
    cuts = build_clip(clip)
    print(f"built {clip} with cuts at {cuts} s (and a white flash at 3.5 s)")
    cog = Cog(mode="local", offline=True)

    started = time.perf_counter()
    shots = cog.video.shots(str(clip))
    print(f"\n-- {len(shots)} shots ({time.perf_counter() - started:.2f} s) --")
    for shot in shots:
        print(f"  {shot.start:5.2f} - {shot.end:5.2f} s")

    started = time.perf_counter()
    try:
        labels = cog.video.labels(str(clip))
    except CogError as error:
        print(f"\nlabels unavailable: {error}")
        return 0
    print(f"\n-- whole-video labels ({time.perf_counter() - started:.2f} s, "
          f"{labels.raw['sampled_frames']} frames sampled) --")
    for label in labels.segment_labels[:8]:
        print(f"  {label.confidence:.2f}  {label.description}")
    print("\n-- labels per shot --")
    for label in labels.shot_labels[:10]:
        where = ", ".join(f"{s.start:.1f}-{s.end:.1f}s ({s.confidence:.2f})"
                          for s in label.segments)
        print(f"  {label.description:<14} {where}")
    (OUT / "demo_video_labels.json").write_text(labels.to_json(indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
