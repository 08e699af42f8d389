"""Local vision overhead: cogsdk against the raw engines on the same model and input.

    python benchmarks/local_vision.py [--repeat 30]

1. labels, one image: ``cog.vision.labels(picture)`` against a raw onnxruntime
   ``session.run`` on the same session: (a) the bare ``session.run`` on a ready tensor,
   (b) what a user would write with the raw engine: preprocess + ``session.run`` +
   softmax + top-5, (c) the same model work as ``labels()``: (b) plus the "Person"
   evidence (YuNet, then NanoDet when no face is sure). Target: cogsdk / (c) <= 1.10;
   cogsdk / (b) says what the Person label costs.
2. labels, 16 images: one list call (one batched ``session.run``) against a loop of 16.
3. OCR: ``cog.vision.text(picture)`` against a raw ``rapidocr`` call with the same settings.
4. objects: ``cog.vision.objects(picture)`` against a raw onnxruntime run of the same
   NanoDet session: (a) the bare ``session.run`` on a ready tensor, (b) what a user
   would write with the raw engine: letterbox to 416x416 (BGR, NanoDet's mean/std) +
   ``session.run`` + stride decoding + NMS, with the package's own helpers. Target:
   cogsdk / (b) <= 1.10.
5. face mesh: ``cog.vision.faces(picture)`` (the mesh always runs; no option turns it
   off) against the raw engines on the same sessions: (a) the bare ``session.run`` of
   YuNet and of FaceMesh on ready tensors, (b) YuNet letterbox + ``session.run`` +
   decode, then FaceMesh's two looks (crop, ``session.run``, map back) on the face,
   (c) the same model work as ``faces()``: (b) plus the emotion model on the face crop
   (the upright YuNet re-runs happen only for faces the mesh misses: none here).
   Target: cogsdk / (c) <= 1.10; cogsdk / (b) says what the emotions cost.

Medians of ``--repeat`` runs after a warm-up; writes out/bench_local_vision.json.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import numpy as np

from _timing import paired_ms  # benchmarks/ is on sys.path when run as a script


def median_ms(fn, repeat: int) -> float:
    return paired_ms([fn], repeat)[0]


def photos():
    from PIL import Image
    from skimage import data

    return [Image.fromarray(getattr(data, name)()) for name in
            ("coffee", "chelsea", "astronaut", "rocket")]


def sign():
    from PIL import Image, ImageDraw, ImageFont

    picture = Image.new("RGB", (900, 300), "white")
    pen = ImageDraw.Draw(picture)
    try:
        font = ImageFont.truetype("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf", 40)
    except OSError:
        font = ImageFont.load_default(size=40)
    pen.text((30, 40), "Invoice 2026-11 total 149.90", font=font, fill="black")
    pen.text((30, 150), "Deliver to Baker Street 221B", font=font, fill="black")
    return picture


def labels_bench(cog, repeat: int) -> dict:
    from cogsdk import models
    from cogsdk.vision._local import faces, objects
    from cogsdk.vision._local.labels import preprocess

    picture = photos()[0]
    session = models.onnx_session("mobilenet_v2", "cpu")
    name = session.get_inputs()[0].name
    tensor = preprocess(picture)[None]

    def raw_pipeline():
        logits = session.run(None, {name: preprocess(picture)[None]})[0][0]
        p = np.exp(logits - logits.max())
        p /= p.sum()
        return np.argsort(-p)[:5]
    yunet = models.onnx_session(faces.DETECTOR, "cpu")
    nanodet = models.onnx_session(objects.MODEL, "cpu")
    yunet_outputs = [output.name for output in yunet.get_outputs()]
    nanodet_input = nanodet.get_inputs()[0].name

    def person_evidence():  # YuNet, then NanoDet when no face is sure (none on the coffee)
        batch, scale = faces.letterbox(picture)
        found = faces.decode(dict(zip(yunet_outputs, yunet.run(yunet_outputs,
                                                               {"input": batch}))), scale)
        if found[:, 4].max(initial=0.0) < objects.SURE_FACE:
            batch, scale, offset = objects.letterbox(picture)
            objects.decode(nanodet.run(None, {nanodet_input: batch}), scale, offset)

    def same_model_work():
        person_evidence()
        return raw_pipeline()
    bare, raw, full, ours = paired_ms([lambda: session.run(None, {name: tensor}),
                                       raw_pipeline, same_model_work,
                                       lambda: cog.vision.labels(picture)], repeat)
    return {"raw_session_run_ms": round(bare, 2), "raw_pipeline_ms": round(raw, 2),
            "raw_same_model_work_ms": round(full, 2), "cogsdk_ms": round(ours, 2),
            "ratio_vs_same_model_work": round(ours / full, 3),
            "ratio_vs_raw_pipeline": round(ours / raw, 3),
            "ratio_vs_bare_session_run": round(ours / bare, 3)}


def batch_bench(cog, repeat: int) -> dict:
    pictures = (photos() * 4)[:16]
    batch, loop = paired_ms([lambda: cog.vision.labels(pictures),
                             lambda: [cog.vision.labels(p) for p in pictures]],
                            max(3, repeat // 5))
    return {"batch_of_16_ms": round(batch, 1), "loop_of_16_ms": round(loop, 1),
            "speedup": round(loop / batch, 2)}


def ocr_bench(cog, repeat: int) -> dict:
    from rapidocr import RapidOCR

    picture = sign()
    engine = cog._router.backend("vision", "local").engine("text").engine
    raw = RapidOCR(params={key: engine.cfg[key.split(".")[0]][key.split(".")[1]]
                           for key in ("Det.model_path", "Rec.model_path", "Cls.model_path",
                                       "Det.limit_type", "Det.limit_side_len",
                                       "Global.use_cls")}
                   | {"Global.log_level": "error"})
    bgr = np.ascontiguousarray(np.asarray(picture)[:, :, ::-1])
    n = max(5, repeat // 3)
    raw_ms, ours = paired_ms([lambda: raw(bgr), lambda: cog.vision.text(picture)], n)
    return {"raw_rapidocr_ms": round(raw_ms, 1), "cogsdk_ms": round(ours, 1),
            "ratio": round(ours / raw_ms, 3)}


def objects_bench(cog, repeat: int) -> dict:
    from cogsdk import models
    from cogsdk.vision._local.objects import MODEL, decode, letterbox

    picture = photos()[0]  # coffee: a cup on a saucer, one box
    session = models.onnx_session(MODEL, "cpu")
    name = session.get_inputs()[0].name
    tensor = letterbox(picture)[0]

    def raw_pipeline():
        batch, scale, offset = letterbox(picture)
        return decode(session.run(None, {name: batch}), scale, offset)
    bare, raw, ours = paired_ms([lambda: session.run(None, {name: tensor}), raw_pipeline,
                                 lambda: cog.vision.objects(picture)], repeat)
    return {"raw_session_run_ms": round(bare, 2), "raw_pipeline_ms": round(raw, 2),
            "cogsdk_ms": round(ours, 2), "ratio_vs_raw_pipeline": round(ours / raw, 3),
            "ratio_vs_bare_session_run": round(ours / bare, 3)}


def face_mesh_bench(cog, repeat: int) -> dict:
    from cogsdk import models
    from cogsdk.vision._local import facemesh, faces

    picture = photos()[2]  # astronaut: one face
    yunet = models.onnx_session(faces.DETECTOR, "cpu")
    mesh = models.onnx_session(facemesh.MODEL, "cpu")
    emotions = models.onnx_session(faces.EMOTIONS, "cpu")
    outputs = [output.name for output in yunet.get_outputs()]
    mesh_input, emotion_input = mesh.get_inputs()[0].name, emotions.get_inputs()[0].name
    mesh_outputs = ["output_mesh", "output_faceflag", "output_contours"]

    def detect(view):
        batch, scale = faces.letterbox(view)
        return faces.decode(dict(zip(outputs, yunet.run(outputs, {"input": batch}))), scale)

    def look(transform):
        crop = facemesh.upright_crop(picture, transform)[None]
        points, presence, _ = mesh.run(mesh_outputs, {mesh_input: crop})
        return facemesh.to_picture(points[0].reshape(-1, 3), transform), float(presence[0, 0])

    def face_mesh(row):
        x1, y1, x2, y2 = row[:4]
        roll = faces.pose(row[5:].reshape(5, 2))[0]
        first = facemesh.crop_transform(np.array([(x1 + x2) / 2, (y1 + y2) / 2]), roll,
                                        max(x2 - x1, y2 - y1) * facemesh.FIRST_LOOK)
        points, _ = look(first)
        return look(facemesh.crop_transform(*facemesh.second_look(points)))

    def raw_mesh():
        return [face_mesh(row) for row in detect(picture)]

    def raw_all():
        rows = detect(picture)
        gray = picture.convert("L")
        crops = np.stack([faces.face_crop(gray, row[:4]) for row in rows])
        return emotions.run(None, {emotion_input: crops})[0], [face_mesh(r) for r in rows]

    row = detect(picture)[0]
    tensor = faces.letterbox(picture)[0]
    crop = facemesh.upright_crop(picture, facemesh.crop_transform(
        (row[:2] + row[2:4]) / 2, 0.0, max(row[2:4] - row[:2]) * facemesh.FIRST_LOOK))[None]
    bare_detect, bare_mesh, mesh_pipeline, full_pipeline, ours = paired_ms(
        [lambda: yunet.run(outputs, {"input": tensor}),
         lambda: mesh.run(mesh_outputs, {mesh_input: crop}), raw_mesh, raw_all,
         lambda: cog.vision.faces(picture)], repeat)
    return {"raw_yunet_session_run_ms": round(bare_detect, 2),
            "raw_facemesh_session_run_ms": round(bare_mesh, 2),
            "raw_yunet_plus_mesh_ms": round(mesh_pipeline, 2),
            "raw_same_model_work_ms": round(full_pipeline, 2),
            "cogsdk_ms": round(ours, 2),
            "ratio_vs_same_model_work": round(ours / full_pipeline, 3),
            "ratio_vs_yunet_plus_mesh": round(ours / mesh_pipeline, 3)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=30)
    args = parser.parse_args()
    from cogsdk import Cog

    cog = Cog(mode="local", offline=True, device="cpu")
    report = {"labels_one_image": labels_bench(cog, args.repeat),
              "labels_batch": batch_bench(cog, args.repeat),
              "ocr_one_image": ocr_bench(cog, args.repeat),
              "objects_one_image": objects_bench(cog, args.repeat),
              "face_mesh_one_image": face_mesh_bench(cog, args.repeat)}
    for section, values in report.items():
        print(f"{section}:")
        for key, value in values.items():
            print(f"  {key:28} {value}")
    out = Path("out")
    out.mkdir(exist_ok=True)
    (out / "bench_local_vision.json").write_text(json.dumps(report, indent=2) + "\n")


if __name__ == "__main__":
    main()
