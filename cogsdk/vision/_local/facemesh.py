"""Face mesh: MediaPipe FaceMesh (468 points with depth) on the faces YuNet found.

The mesh model wants an upright face filling a 192x192 crop. YuNet's box and eye line
give the first crop (turned upright by the eye line); MediaPipe itself then tracks with
the box of the previous mesh, so a second look is taken in the box of the first mesh.
Both looks of every face of every picture run as one batch each.

From the mesh come Google's landmark types (with depth) and the head pose: the face's
own axes (ear to ear, forehead to chin) span a frame whose normal gives pan and tilt,
and whose ear-to-ear line gives roll.
"""

from __future__ import annotations

import math
from typing import Any, Sequence

import numpy as np

from ._common import model_name, session

MODEL = "facemesh"
SIDE = 192
FIRST_LOOK = 1.6
"""Crop side over YuNet's box side: YuNet's box is the face, FaceMesh wants a margin."""
SECOND_LOOK = 1.5
"""Crop side over the first mesh's extent: MediaPipe's own tracking margin."""
PRESENT = 0.5
"""Face-presence score below which the mesh is not trusted (a cat scores 0.004)."""

# Google's landmark type -> mesh points whose mean it is. Google's LEFT is the image's
# left on an upright frontal face (the subject's right), as YuNet's landmarks are named.
GOOGLE_POINTS = {
    "LEFT_EYE": (33, 133, 159, 145), "RIGHT_EYE": (263, 362, 386, 374),
    "LEFT_EYE_PUPIL": (33, 133, 159, 145), "RIGHT_EYE_PUPIL": (263, 362, 386, 374),
    "LEFT_OF_LEFT_EYEBROW": (70,), "RIGHT_OF_LEFT_EYEBROW": (107,),
    "LEFT_OF_RIGHT_EYEBROW": (336,), "RIGHT_OF_RIGHT_EYEBROW": (300,),
    "LEFT_EYEBROW_UPPER_MIDPOINT": (105,), "RIGHT_EYEBROW_UPPER_MIDPOINT": (334,),
    "MIDPOINT_BETWEEN_EYES": (168,), "FOREHEAD_GLABELLA": (9,),
    "NOSE_TIP": (1,), "NOSE_BOTTOM_LEFT": (98,), "NOSE_BOTTOM_RIGHT": (327,),
    "NOSE_BOTTOM_CENTER": (2,),
    "UPPER_LIP": (0,), "LOWER_LIP": (17,), "MOUTH_LEFT": (61,), "MOUTH_RIGHT": (291,),
    "MOUTH_CENTER": (13, 14),
    "LEFT_EYE_TOP_BOUNDARY": (159,), "LEFT_EYE_BOTTOM_BOUNDARY": (145,),
    "LEFT_EYE_LEFT_CORNER": (33,), "LEFT_EYE_RIGHT_CORNER": (133,),
    "RIGHT_EYE_TOP_BOUNDARY": (386,), "RIGHT_EYE_BOTTOM_BOUNDARY": (374,),
    "RIGHT_EYE_LEFT_CORNER": (362,), "RIGHT_EYE_RIGHT_CORNER": (263,),
    "LEFT_EAR_TRAGION": (234,), "RIGHT_EAR_TRAGION": (454,),
    "CHIN_GNATHION": (152,), "CHIN_LEFT_GONION": (172,), "CHIN_RIGHT_GONION": (397,),
    "LEFT_CHEEK_CENTER": (205,), "RIGHT_CHEEK_CENTER": (425,),
}
"""The 468-point mesh has no iris: a pupil is its eye's centre (said in the docs)."""
EAR_LEFT, EAR_RIGHT, FOREHEAD_TOP, CHIN = 234, 454, 10, 152


def crop_transform(centre: np.ndarray, roll: float, side: float) -> np.ndarray:
    """2x3 affine from crop pixels (0..192) to picture pixels, for an upright crop of
    ``side`` picture pixels around ``centre``, turned by ``roll`` degrees."""
    k = side / SIDE
    c, s = math.cos(math.radians(roll)) * k, math.sin(math.radians(roll)) * k
    half = SIDE / 2
    return np.array([[c, -s, centre[0] - half * (c - s)],
                     [s, c, centre[1] - half * (s + c)]])


def upright_crop(picture: Any, transform: np.ndarray) -> np.ndarray:
    """The ``[192,192,3]`` crop in [0, 1] that FaceMesh reads (RGB)."""
    from PIL import Image

    crop = picture.transform((SIDE, SIDE), Image.AFFINE, tuple(transform.reshape(-1)),
                             resample=Image.BILINEAR)
    return np.asarray(crop, np.float32) / 255.0


def to_picture(points: np.ndarray, transform: np.ndarray) -> np.ndarray:
    """Mesh points ``[468,3]`` in crop pixels -> picture pixels (depth scaled alike)."""
    xy = points[:, :2] @ transform[:, :2].T + transform[:, 2]
    scale = math.hypot(*transform[:, 0])
    return np.hstack([xy, points[:, 2:] * scale])


def roll_of(points: np.ndarray) -> float:
    """Clockwise in-image rotation of the ear-to-ear line, degrees."""
    dx, dy = points[EAR_RIGHT, :2] - points[EAR_LEFT, :2]
    return math.degrees(math.atan2(dy, dx))


def second_look(points: np.ndarray) -> tuple[np.ndarray, float, float]:
    """(centre, roll, side) of the crop around a first mesh, as MediaPipe tracks."""
    roll = roll_of(points)
    c, s = math.cos(math.radians(roll)), math.sin(math.radians(roll))
    upright = points[:, :2] @ np.array([[c, -s], [s, c]])  # undo the roll
    low, high = upright.min(axis=0), upright.max(axis=0)
    centre = np.array([[c, -s], [s, c]]) @ ((low + high) / 2)
    return centre, roll, float(max(high - low)) * SECOND_LOOK


def pose(points: np.ndarray) -> tuple[float, float, float]:
    """(roll, pan, tilt) in degrees from the mesh's own axes (x right, y down, z away).

    Roll is the ear line's turn in the image. With it undone, the face's normal (out of
    the face, towards the camera when frontal) gives pan (positive: the face points to
    the image's right, as YuNet's estimate) and tilt (positive: the face points up).
    """
    across = _unit(points[EAR_RIGHT] - points[EAR_LEFT])
    down = _unit(points[CHIN] - points[FOREHEAD_TOP])
    normal = -_unit(np.cross(across, down))  # x cross y points away from the camera
    roll = roll_of(points)
    c, s = math.cos(math.radians(-roll)), math.sin(math.radians(-roll))
    nx, ny = c * normal[0] - s * normal[1], s * normal[0] + c * normal[1]
    pan = math.degrees(math.atan2(nx, -normal[2]))
    tilt = math.degrees(math.atan2(-ny, math.hypot(nx, normal[2])))
    return round(roll, 1), round(pan, 1), round(tilt, 1)


def _unit(vector: np.ndarray) -> np.ndarray:
    return vector / max(float(np.linalg.norm(vector)), 1e-9)


def google_landmarks(points: np.ndarray) -> list[tuple[str, float, float, float]]:
    """(type, x, y, z) of Google's landmark types, in picture pixels."""
    marks = []
    for name, ids in GOOGLE_POINTS.items():
        x, y, z = (round(float(v), 1) for v in points[list(ids)].mean(axis=0))
        marks.append((name, x, y, z))
    return marks


class FaceMesh:
    """468 points per face; ``None`` where the model says there is no face."""

    def __init__(self, device: str) -> None:
        self.session = session(MODEL, device)
        self.model = model_name(MODEL, self.session)
        self._input = self.session.get_inputs()[0].name

    def __call__(self, faces: Sequence[tuple[Any, np.ndarray, float]]) -> list:
        """``faces``: (picture, YuNet box ``[x1,y1,x2,y2]``, roll) of every face.

        Returns ``(points [468,3], presence)`` per face, or ``None``."""
        if not faces:
            return []
        first = [crop_transform(np.array([(b[0] + b[2]) / 2, (b[1] + b[3]) / 2]), roll,
                                max(b[2] - b[0], b[3] - b[1]) * FIRST_LOOK)
                 for _, b, roll in faces]
        meshes, _ = self._run([face[0] for face in faces], first)
        second = [crop_transform(*second_look(points)) for points in meshes]
        meshes, presence = self._run([face[0] for face in faces], second)
        return [(points, float(p)) if p >= PRESENT else None
                for points, p in zip(meshes, presence)]

    def _run(self, pictures: Sequence[Any], transforms: list[np.ndarray]):
        batch = np.stack([upright_crop(p, t) for p, t in zip(pictures, transforms)])
        mesh, presence, _ = self.session.run(["output_mesh", "output_faceflag",
                                              "output_contours"], {self._input: batch})
        points = [to_picture(row.reshape(-1, 3), t) for row, t in zip(mesh, transforms)]
        return points, presence.reshape(-1)
