"""Custom models: training time and prediction time.

    python benchmarks/custom_models.py [--repeat 20] [--images 200]

1. Training on ``--images`` images of scikit-image's lfw_subset (faces vs non-faces),
   embedding included, augmentation on auto (the default). Target: 30 s or less for
   200 images on 2 cores.
2. Prediction, one image: ``labels(picture, model=NAME)`` against plain ``labels(picture)``
   on the same picture, interleaved medians. Target: within 1.10x.

Uses a throw-away model store; writes out/bench_custom_models.json.
"""

from __future__ import annotations

import argparse
import json
import os
import tempfile
import time
from pathlib import Path

from _timing import paired_ms  # benchmarks/ is on sys.path when run as a script


def faces(count: int) -> dict:
    import numpy as np
    from skimage import data

    grey = (data.lfw_subset() * 255).round().astype(np.uint8)
    rgb = [np.stack([picture] * 3, axis=-1) for picture in grey]
    return {"face": rgb[:100][:count // 2], "other": rgb[100:][:count - count // 2]}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=20)
    parser.add_argument("--images", type=int, default=200)
    args = parser.parse_args()
    os.environ["COGSDK_MODELS"] = tempfile.mkdtemp(prefix="cogsdk-bench-")
    import onnx  # noqa: F401 - a one-time import (about 1 s), not part of training
    from PIL import Image
    from skimage import data

    import cogsdk

    cog = cogsdk.Cog(mode="local", offline=True, device="cpu")
    started = time.perf_counter()
    model = cog.vision.train("bench-faces", faces(args.images))
    training_s = time.perf_counter() - started
    picture = Image.fromarray(data.chelsea())
    plain, custom = paired_ms([lambda: cog.vision.labels(picture),
                               lambda: cog.vision.labels(picture, model="bench-faces")],
                              args.repeat)
    result = {"images": args.images, "training_s": round(training_s, 2),
              "validation_accuracy": model.evaluation.accuracy,
              "augmented": model.evaluation.augmented, "cpus": os.cpu_count(),
              "labels_ms": round(plain, 1), "custom_labels_ms": round(custom, 1),
              "ratio": round(custom / plain, 3)}
    print(json.dumps(result, indent=2))
    Path("out").mkdir(exist_ok=True)
    Path("out/bench_custom_models.json").write_text(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
