"""ONNX graphs of the custom models, built with the ``onnx`` package (training only).

- the backbone: a classifier graph cut before its last ``Gemm``, whose output is then the
  pooled features (MobileNetV2: ``[N, 1280]``);
- the image model: that backbone plus the trained head (``Gemm`` + ``Softmax``), one file;
- the text head: ``Gemm`` + ``Softmax`` over MiniLM sentence embeddings ``[N, 384]``.

Prediction needs only onnxruntime: the files are written once, at training time.
"""

from __future__ import annotations

import json
from typing import Any

import numpy as np

from .._engines import optional_import

OUTPUT = "probabilities"
OPSET = 17
IR_VERSION = 8
"""Old enough for every onnxruntime the project supports (opset 17 needs IR 8)."""


def _onnx() -> Any:
    return optional_import("onnx", "training", "training custom models")


def backbone(classifier_path: str) -> Any:
    """The classifier's graph without its final ``Gemm``: it outputs the pooled features."""
    onnx = _onnx()
    model = onnx.load(classifier_path)
    graph = model.graph
    last = next(node for node in graph.node if node.output[0] == graph.output[0].name)
    if last.op_type != "Gemm":
        raise ValueError(f"{classifier_path}: the last node is {last.op_type}, not Gemm")
    weight = next(init for init in graph.initializer if init.name == last.input[1])
    graph.node.remove(last)
    for name in last.input[1:]:  # the classifier's weights go with it
        graph.initializer.remove(next(i for i in graph.initializer if i.name == name))
    batch = graph.input[0].type.tensor_type.shape.dim[0].dim_param or "batch"
    del graph.output[:]
    graph.output.append(onnx.helper.make_tensor_value_info(
        last.input[0], onnx.TensorProto.FLOAT, [batch, int(weight.dims[1])]))
    return model


def with_head(backbone_model: Any, weight: np.ndarray, bias: np.ndarray,
              metadata: dict[str, Any]) -> bytes:
    """The backbone with the head appended: one serialised ONNX model."""
    onnx = _onnx()
    model = type(backbone_model)()
    model.CopyFrom(backbone_model)
    graph = model.graph
    features = graph.output[0].name
    batch = graph.output[0].type.tensor_type.shape.dim[0].dim_param or "batch"
    _append_head(graph, features, weight, bias)
    del graph.output[:]
    graph.output.append(onnx.helper.make_tensor_value_info(
        OUTPUT, onnx.TensorProto.FLOAT, [batch, len(bias)]))
    _stamp(model, metadata)
    return model.SerializeToString()


def head_only(weight: np.ndarray, bias: np.ndarray, metadata: dict[str, Any]) -> bytes:
    """``embedding [N, D] -> probabilities [N, K]``: the text models' graph."""
    onnx = _onnx()
    helper = onnx.helper
    graph = helper.make_graph([], "cogsdk-text-head", [helper.make_tensor_value_info(
        "embedding", onnx.TensorProto.FLOAT, ["batch", weight.shape[1]])], [
        helper.make_tensor_value_info(OUTPUT, onnx.TensorProto.FLOAT,
                                      ["batch", len(bias)])])
    _append_head(graph, "embedding", weight, bias)
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", OPSET)],
                              ir_version=IR_VERSION)
    _stamp(model, metadata)
    return model.SerializeToString()


def _append_head(graph: Any, features: str, weight: np.ndarray, bias: np.ndarray) -> None:
    onnx = _onnx()
    graph.initializer.extend([
        onnx.numpy_helper.from_array(weight.astype(np.float32), "cogsdk_head.weight"),
        onnx.numpy_helper.from_array(bias.astype(np.float32), "cogsdk_head.bias")])
    graph.node.extend([
        onnx.helper.make_node("Gemm", [features, "cogsdk_head.weight", "cogsdk_head.bias"],
                              ["cogsdk_head.logits"], transB=1, name="cogsdk_head_gemm"),
        onnx.helper.make_node("Softmax", ["cogsdk_head.logits"], [OUTPUT], axis=-1,
                              name="cogsdk_head_softmax")])


def _stamp(model: Any, metadata: dict[str, Any]) -> None:
    """Labels and provenance travel inside the file too, so it explains itself."""
    model.producer_name = "cogsdk"
    del model.metadata_props[:]
    for key, value in metadata.items():
        entry = model.metadata_props.add()
        entry.key, entry.value = f"cogsdk.{key}", json.dumps(value)
