"""Faces: YuNet boxes, a FaceMesh on each, mini-Xception emotions.

YuNet (OpenCV Zoo) is exported with a fixed ``[1,3,640,640]`` input, so detection runs
one image at a time; the emotion model then sees every face of every image in one batch.

YuNet's landmark head was trained on upright faces: on a tilted face it returns eyes
that are too level. So each face is looked at again in a zoomed crop turned upright by
the roll found so far (twice); the landmarks of that upright view, mapped back, give the
roll from the eye line (within ~5 degrees up to +-35), which turns the face upright for
the mesh (:mod:`.facemesh`). The mesh gives Google's ~36 landmark types with depth and
the pose. Where the mesh sees no face, the 5 YuNet points stay, with pan and tilt from
where the nose sits between the eyes and the mouth (rough: expect +-15 degrees).
"""

from __future__ import annotations

import math
from typing import Any, Sequence

import numpy as np

from ..._types import BoundingBox, Likelihood
from ..types import Face, Faces, Landmark
from ._common import model_name, run_batched, session
from .facemesh import FaceMesh, google_landmarks
from .facemesh import pose as mesh_pose

DETECTOR, EMOTIONS = "yunet", "emotion_minixception"
SIDE = 640
STRIDES = (8, 16, 32)
SCORE_THRESHOLD = 0.7
NMS_IOU = 0.3
# YuNet's points in image terms: the eye on the image's left first. Google names them
# the same way (LEFT_EYE has the smaller x on an upright frontal face).
LANDMARKS = ("LEFT_EYE", "RIGHT_EYE", "NOSE_TIP", "MOUTH_LEFT", "MOUTH_RIGHT")
EMOTION_CLASSES = ("angry", "disgust", "fear", "happy", "sad", "surprise", "neutral")
REFINED_FACES = 10
"""Faces per call that the mesh missed and that get the upright second look (each costs
two detector runs)."""
NOSE_DEPTH = 0.8
"""Nose-tip depth in half inter-eye distances: turns the nose's offset into an angle."""


def letterbox(picture: Any) -> tuple[np.ndarray, float]:
    """BGR float ``[1,3,640,640]``: scaled so the longer side fits, padded bottom/right."""
    from PIL import Image

    scale = SIDE / max(picture.size)
    size = (max(1, round(picture.width * scale)), max(1, round(picture.height * scale)))
    canvas = np.zeros((SIDE, SIDE, 3), np.float32)
    canvas[:size[1], :size[0]] = np.asarray(
        picture.resize(size, Image.BILINEAR, reducing_gap=3.0), np.float32)
    return canvas[:, :, ::-1].transpose(2, 0, 1)[None].copy(), scale


def decode(outputs: dict[str, np.ndarray], scale: float) -> np.ndarray:
    """Rows of ``[x1, y1, x2, y2, score, 10 landmark coords]`` in picture pixels."""
    rows = []
    for stride in STRIDES:
        cols = SIDE // stride
        cls, obj = (np.clip(outputs[f"{k}_{stride}"][0, :, 0], 0, 1) for k in ("cls", "obj"))
        score = np.sqrt(cls * obj)
        keep = np.flatnonzero(score >= SCORE_THRESHOLD)
        if not keep.size:
            continue
        grid = np.stack([keep % cols, keep // cols], axis=1).astype(np.float32)
        box = outputs[f"bbox_{stride}"][0, keep]
        centre = (grid + box[:, :2]) * stride
        half = np.exp(box[:, 2:4]) * stride / 2
        points = (outputs[f"kps_{stride}"][0, keep].reshape(-1, 5, 2) + grid[:, None]) * stride
        rows.append(np.hstack([centre - half, centre + half, score[keep, None],
                               points.reshape(-1, 10)]))
    if not rows:
        return np.empty((0, 15), np.float32)
    found = np.vstack(rows)
    found[:, :4] /= scale
    found[:, 5:] /= scale
    return found[nms(found[:, :4], found[:, 4])]


def nms(boxes: np.ndarray, scores: np.ndarray, iou_limit: float = NMS_IOU) -> list[int]:
    """Greedy non-maximum suppression: indices of the kept boxes, best first."""
    order, keep = list(np.argsort(-scores)), []
    while order:
        best = order.pop(0)
        keep.append(best)
        if not order:
            break
        rest = boxes[order]
        inter = (np.clip(np.minimum(rest[:, 2], boxes[best, 2]) -
                         np.maximum(rest[:, 0], boxes[best, 0]), 0, None) *
                 np.clip(np.minimum(rest[:, 3], boxes[best, 3]) -
                         np.maximum(rest[:, 1], boxes[best, 1]), 0, None))
        area = lambda b: (b[..., 2] - b[..., 0]) * (b[..., 3] - b[..., 1])  # noqa: E731
        iou = inter / (area(rest) + area(boxes[best]) - inter + 1e-9)
        order = [index for index, overlap in zip(order, iou) if overlap < iou_limit]
    return keep


def pose(points: np.ndarray) -> tuple[float, float, float]:
    """(roll, pan, tilt) in degrees from the 5 landmarks ``[[x, y], ...]``."""
    left, right, nose, mouth_left, mouth_right = points
    dx, dy = right - left
    roll = math.degrees(math.atan2(dy, dx))
    # Undo the roll, then read the nose's offset from the eye/mouth frame.
    c, s = math.cos(-math.radians(roll)), math.sin(-math.radians(roll))
    rotate = lambda p: np.array([c * p[0] - s * p[1], s * p[0] + c * p[1]])  # noqa: E731
    eyes, mouth, tip = rotate((left + right) / 2), rotate((mouth_left + mouth_right) / 2), \
        rotate(nose)
    half_eyes = max(math.hypot(dx, dy) / 2, 1e-6)
    pan = math.degrees(math.atan((tip[0] - eyes[0]) / half_eyes / NOSE_DEPTH))
    height = max(mouth[1] - eyes[1], 1e-6)
    # On a frontal face the nose tip sits ~55% of the way from the eyes to the mouth.
    tilt = math.degrees(math.atan((0.55 - (tip[1] - eyes[1]) / height) * 2.0))
    return round(roll, 1), round(pan, 1), round(tilt, 1)


def unrotate(points: np.ndarray, degrees: float, centre: np.ndarray) -> np.ndarray:
    """Map points of ``picture.rotate(degrees)`` (counter-clockwise) back to ``picture``."""
    theta = math.radians(degrees)
    c, s = math.cos(theta), math.sin(theta)
    x, y = (points - centre).T
    return np.stack([c * x - s * y, s * x + c * y], axis=1) + centre


def face_crop(gray: Any, box: np.ndarray) -> np.ndarray:
    """The square 64x64 grey crop the emotion model wants, scaled to [-1, 1]."""
    from PIL import Image

    x1, y1, x2, y2 = box
    side = max(x2 - x1, y2 - y1) * 1.1
    cx, cy = (x1 + x2) / 2, (y1 + y2) / 2
    crop = gray.crop((round(cx - side / 2), round(cy - side / 2),
                      round(cx + side / 2), round(cy + side / 2)))
    pixels = np.asarray(crop.resize((64, 64), Image.BILINEAR), np.float32)
    return (pixels / 127.5 - 1.0)[None]


class FaceAnalyzer:
    def __init__(self, device: str) -> None:
        self.detector = session(DETECTOR, device)
        self.emotions = session(EMOTIONS, device)
        self.mesh = FaceMesh(device)
        self.model = model_name(DETECTOR, self.detector) + "+" + EMOTIONS + "+facemesh"
        self._outputs = [output.name for output in self.detector.get_outputs()]

    def detect(self, picture: Any) -> np.ndarray:
        batch, scale = letterbox(picture)
        values = self.detector.run(self._outputs, {"input": batch})
        return decode(dict(zip(self._outputs, values)), scale)

    def refine(self, picture: Any, row: np.ndarray) -> np.ndarray:
        """The row with landmarks read from an upright, zoomed view of the face."""
        x1, y1, x2, y2 = row[:4]
        centre = np.array([(x1 + x2) / 2, (y1 + y2) / 2])
        half = 1.25 * max(x2 - x1, y2 - y1)
        left, top = centre - half
        crop = picture.crop((round(left), round(top), round(left + 2 * half),
                             round(top + 2 * half)))
        middle = np.array(crop.size) / 2
        angle, points = 0.0, None
        for _ in range(2):
            view = crop.rotate(angle, resample=3) if angle else crop  # 3: BICUBIC
            found = self.detect(view)
            if not len(found):
                break
            best = found[np.argmin(np.hypot(*(found[:, :2].T + found[:, 2:4].T) / 2
                                            - middle[:, None]))]
            points = unrotate(best[5:].reshape(5, 2), angle, middle)
            angle = pose(points)[0]
        if points is None:
            return row
        refined = row.copy()
        refined[5:] = (points + [round(left), round(top)]).reshape(-1)
        return refined

    def __call__(self, pictures: Sequence[Any], max_results: int = 50) -> list[Faces]:
        found = [self.detect(picture)[:max_results] for picture in pictures]
        faces = [(picture, row) for picture, rows in zip(pictures, found) for row in rows]
        faces, meshes = self._meshes(faces)
        crops = [face_crop(picture.convert("L"), row[:4]) for picture, row in faces]
        feelings = iter(run_batched(self.emotions, np.stack(crops)) if crops else [])
        rows, marks = iter([row for _, row in faces]), iter(meshes)
        return [Faces(items=tuple(self._face(next(rows), next(feelings), next(marks))
                                  for _ in picture_rows),
                      backend="local", model=self.model) for picture_rows in found]

    def _meshes(self, faces: list[tuple[Any, np.ndarray]]) -> tuple[list, list]:
        """``(faces, meshes)``: the mesh of each face, started from YuNet's roll. A face
        the mesh misses is refined (YuNet again on an upright, zoomed view: ~17 ms, so
        only for these, and at most :data:`REFINED_FACES` of them) and tried once more;
        its refined 5 points are what it reports if the mesh misses it again."""
        meshes = self.mesh([(picture, row[:4], pose(row[5:].reshape(5, 2))[0])
                            for picture, row in faces])
        missed = [i for i, mesh in enumerate(meshes) if mesh is None][:REFINED_FACES]
        if not missed:
            return faces, meshes
        faces = list(faces)
        for i in missed:
            faces[i] = (faces[i][0], self.refine(*faces[i]))
        again = self.mesh([(faces[i][0], faces[i][1][:4],
                            pose(faces[i][1][5:].reshape(5, 2))[0]) for i in missed])
        for i, mesh in zip(missed, again):
            meshes[i] = mesh
        return faces, meshes

    def _face(self, row: np.ndarray, emotion: np.ndarray, mesh: Any) -> Face:
        points = row[5:].reshape(5, 2)
        if mesh is None:  # no face for the mesh: YuNet's 5 points and rough pose
            roll, pan, tilt = pose(points)
            marks = [(name, float(x), float(y), 0.0) for name, (x, y) in zip(LANDMARKS, points)]
            sure = 0.0
        else:
            (roll, pan, tilt), marks, sure = mesh_pose(mesh[0]), google_landmarks(mesh[0]), \
                mesh[1]
        p = dict(zip(EMOTION_CLASSES, map(float, emotion)))
        return Face(
            bounding_box=BoundingBox(*map(lambda v: round(float(v), 1), row[:4])),
            landmarks=tuple(Landmark(name, round(x, 1), round(y, 1), round(z, 1))
                            for name, x, y, z in marks),
            roll=roll, pan=pan, tilt=tilt, detection_confidence=round(float(row[4]), 4),
            landmarking_confidence=round(sure, 4),
            joy=Likelihood.from_probability(p["happy"]),
            sorrow=Likelihood.from_probability(p["sad"]),
            anger=Likelihood.from_probability(p["angry"]),
            surprise=Likelihood.from_probability(p["surprise"]))
