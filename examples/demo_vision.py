"""Offline vision demo: labels, faces, text and safe search on sample pictures.

Runs on the bundled local models only (``Cog(mode="local", offline=True)``: no socket
is opened) and writes annotated pictures under ``out/``::

    python examples/demo_vision.py
"""

from __future__ import annotations

import time
from pathlib import Path

import cogsdk
from cogsdk import Cog

OUT = Path("out")


def sample_photos() -> dict:
    """Real photos shipped inside scikit-image, or a drawn stand-in without it."""
    try:
        from skimage import data
    except ImportError:
        from PIL import Image, ImageDraw

        picture = Image.new("RGB", (400, 300), (90, 140, 200))
        ImageDraw.Draw(picture).ellipse((120, 60, 280, 240), fill=(240, 200, 80))
        return {"drawing": picture}
    return {"astronaut": data.astronaut(), "cat": data.chelsea(), "coffee": data.coffee()}


def sign():
    """A sign with accented words (DejaVu when installed: Pillow's own font has no accents)."""
    from PIL import Image, ImageDraw, ImageFont

    picture = Image.new("RGB", (760, 240), (250, 248, 240))
    pen = ImageDraw.Draw(picture)
    try:
        font = ImageFont.truetype("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf", 44)
    except OSError:
        font = ImageFont.load_default(size=44)
    pen.text((30, 40), "Café Olé - open daily", font=font, fill=(30, 30, 30))
    pen.text((30, 130), "Crème brûlée 4.50", font=font, fill=(150, 30, 30))
    return picture


def main() -> None:
    OUT.mkdir(exist_ok=True)
    cog = Cog(mode="local", offline=True)
    photos = sample_photos()
    started = time.perf_counter()
    results = cog.vision.annotate(list(photos.values()),
                                  ["labels", "faces", "safe_search", "properties"])
    print(f"annotated {len(photos)} photos in {time.perf_counter() - started:.2f} s "
          f"(first call loads the models)")
    for (name, photo), result in zip(photos.items(), results):
        labels = ", ".join(f"{x.description} {x.score:.2f}" for x in result.labels[:6])
        print(f"\n{name}: {labels}")
        for face in result.faces:
            box = face.bounding_box
            print(f"  face at ({box.left:.0f},{box.top:.0f})-({box.right:.0f},{box.bottom:.0f})"
                  f" joy={face.joy.name} roll={face.roll:+.0f} conf={face.detection_confidence:.2f}")
        safe = result.safe_search
        print(f"  safe search: adult={safe.adult.name} racy={safe.racy.name} "
              f"violence={safe.violence.name} (no local model: UNKNOWN)")
        print("  colours:", " ".join(c.hex for c in result.properties.dominant_colors[:5]))
        target = OUT / f"vision_{name}.png"
        cogsdk.draw(photo, result).save(target)
        print(f"  wrote {target}")
    text = cog.vision.text(sign())
    print(f"\nsign text ({text.model}):\n  " + text.text.replace("\n", "\n  "))
    cogsdk.draw(sign(), text).save(OUT / "vision_text.png")
    print(f"  wrote {OUT / 'vision_text.png'}")
    print("\nmodels:", cog.capabilities()["vision"]["local"]["doctor"])


if __name__ == "__main__":
    main()
