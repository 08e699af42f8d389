"""Fixtures of the batch tests: a folder of real photos (scikit-image), a truncated JPEG,
a text file dressed as a JPEG, and a text note that a folder walk must skip."""

from __future__ import annotations

import pytest

PHOTOS = ("astronaut", "chelsea", "coffee")
BAD = ("fake.jpg", "sub/truncated.jpg")
OFFLINE = ["--offline", "--mode", "local", "--no-progress"]
SETTINGS = {"mode": "local", "offline": True, "device": "cpu"}


@pytest.fixture(scope="session")
def photo_dir(tmp_path_factory):
    """``photos/``: three JPEG photos, ``fake.jpg`` (text), ``sub/truncated.jpg`` and
    ``sub/notes.txt``."""
    pytest.importorskip("onnxruntime", reason="needs the vision extra")
    data = pytest.importorskip("skimage.data", reason="needs scikit-image (test extra)")
    from PIL import Image

    folder = tmp_path_factory.mktemp("batch") / "photos"
    (folder / "sub").mkdir(parents=True)
    for name in PHOTOS:
        Image.fromarray(getattr(data, name)()).save(folder / f"{name}.jpg", quality=90)
    whole = (folder / "chelsea.jpg").read_bytes()
    (folder / "sub" / "truncated.jpg").write_bytes(whole[: len(whole) // 3])
    (folder / "fake.jpg").write_text("not an image, only text")
    (folder / "sub" / "notes.txt").write_text("a note, not a photo")
    return folder


def expected_inputs(folder) -> set[str]:
    return {str(folder / f"{name}.jpg") for name in PHOTOS} | {str(folder / b) for b in BAD}
