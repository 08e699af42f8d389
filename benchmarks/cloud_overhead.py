"""cogsdk's cloud path against the raw Google client, on the same loopback fake server.

Reports, in one run:
  1. per-call overhead: median time of ``cog.vision.labels(img)`` vs the official
     client's ``label_detection`` (ratio; target <= 1.10);
  2. batching: 100 images as one ``labels([...])`` call (16 per request, parallel
     requests) vs a loop of 100 ``label_detection`` calls (target >= 5x faster), with
     the fake server holding each answer for a simulated network round trip.

Calls are interleaved and medians reported, so that load on a shared machine hits both
sides alike. Run: ``make bench`` or
``python benchmarks/cloud_overhead.py [--calls 200] [--latency 0.05] [--rounds 3]``.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import multiprocessing
import types

from google.auth.credentials import AnonymousCredentials
from google.cloud import vision_v1
from PIL import Image

from _timing import paired_ms  # benchmarks/ is on sys.path when run as a script
from cogsdk import Cog
from cogsdk.testing import FakeGoogle


def _png() -> bytes:
    buffer = io.BytesIO()
    Image.linear_gradient("L").resize((320, 240)).convert("RGB").save(buffer, "PNG")
    return buffer.getvalue()


def _clients(fake) -> tuple[Cog, vision_v1.ImageAnnotatorClient]:
    cog = Cog(mode="cloud", endpoint=fake.url, credentials="anonymous")
    raw = vision_v1.ImageAnnotatorClient(transport="rest", credentials=AnonymousCredentials(),
                                         client_options={"api_endpoint": fake.url})
    return cog, raw


def per_call(fake, calls: int, image: bytes) -> dict[str, float]:
    """Median ms per call: cogsdk, the raw helper as shipped (no timeout at all), and
    the raw helper with the same 30 s timeout cogsdk always sets."""
    cog, raw = _clients(fake)
    runs = {"cogsdk": lambda: cog.vision.labels(image),
            "raw": lambda: raw.label_detection(image={"content": image}),
            "raw+timeout": lambda: raw.label_detection(image={"content": image}, timeout=30.0)}
    for _ in range(10):  # warm the connection pools
        for run in runs.values():
            run()
    return dict(zip(runs, paired_ms(list(runs.values()), calls)))


def batch(fake, count: int, image: bytes, rounds: int) -> tuple[float, float]:
    """Median ms of one list call and of a loop of single raw calls, over ``rounds``."""
    cog, raw = _clients(fake)
    images = [image] * count
    listed, looped = paired_ms([lambda: cog.vision.labels(images),
                                lambda: [raw.label_detection(image={"content": x})
                                         for x in images]], rounds)
    return listed, looped


def _serve(pipe, latency: float) -> None:
    """Child process: the fake server gets its own interpreter (and GIL), like a real one."""
    with FakeGoogle() as fake:
        fake.latency = latency
        pipe.send(fake.url)
        pipe.recv()  # until the parent is done


@contextlib.contextmanager
def server(latency: float):
    parent, child = multiprocessing.Pipe()
    process = multiprocessing.Process(target=_serve, args=(child, latency), daemon=True)
    process.start()
    try:
        yield types.SimpleNamespace(url=parent.recv())
    finally:
        parent.send("stop")
        process.join(5)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--calls", type=int, default=200)
    parser.add_argument("--images", type=int, default=100)
    parser.add_argument("--latency", type=float, default=0.05,
                        help="simulated round trip of the fake server for the batch test (s)")
    parser.add_argument("--rounds", type=int, default=3,
                        help="list calls and loops timed per latency (median)")
    args = parser.parse_args()
    image = _png()
    for latency in (0.0, 0.005):
        with server(latency) as fake:
            t = per_call(fake, args.calls, image)
            print(f"per call, {latency * 1e3:.0f} ms round trip: cogsdk {t['cogsdk']:.3f} ms"
                  f"  raw {t['raw']:.3f} ms (ratio {t['cogsdk'] / t['raw']:.3f})"
                  f"  raw+timeout {t['raw+timeout']:.3f} ms (ratio "
                  f"{t['cogsdk'] / t['raw+timeout']:.3f})  target <= 1.10, median of "
                  f"{args.calls}")
    for latency in (0.0, args.latency):
        with server(latency) as fake:
            listed, looped = batch(fake, args.images, image, args.rounds)
            print(f"{args.images} images, {latency * 1e3:.0f} ms round trip: one list call "
                  f"{listed / 1e3:6.3f} s   loop of label_detection {looped / 1e3:6.3f} s   "
                  f"speed-up {looped / listed:5.1f}x  (target >= 5x, median of "
                  f"{args.rounds})")


if __name__ == "__main__":
    main()
