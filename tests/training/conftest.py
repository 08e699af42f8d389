"""Fixtures of the training tests: a private model store, real photos and faces from
scikit-image, short ticket texts, and the models trained on them once per session."""

from __future__ import annotations

import numpy as np
import pytest

pytest.importorskip("onnx", reason="training needs onnx: pip install 'cogsdk[training]'")
pytest.importorskip("onnxruntime", reason="needs the vision extra")

TICKETS = {
    "billing": [
        "I was charged twice for my subscription this month",
        "Please refund the duplicate payment on my credit card",
        "My invoice shows the wrong amount",
        "Why did my bill go up after the renewal?",
        "Cancel the charge, I never ordered the premium plan",
        "The receipt lists a fee I did not agree to",
        "How do I update the card you bill every month?",
        "I need a copy of last month's invoice for my taxes",
    ],
    "login": [
        "I cannot sign in, the password reset email never arrives",
        "My account is locked after too many login attempts",
        "The two-factor code is always rejected",
        "I forgot my password and the reset link has expired",
        "The app logs me out every few minutes",
        "Sign in with Google fails with an error",
        "I changed my email and now cannot log in",
        "It says my username does not exist but I registered last week",
    ],
    "shipping": [
        "My parcel has not arrived after two weeks",
        "The tracking number shows no movement since Monday",
        "The package was delivered to the wrong address",
        "Can you ship to Canada, and how long does delivery take?",
        "The courier left the box in the rain and it is damaged",
        "I want to change the delivery address of my order",
        "The order says shipped but the carrier has no record of it",
        "Half of my items were missing from the box",
    ],
}


@pytest.fixture(scope="session")
def store_dir(tmp_path_factory):
    """One model store for the whole session (trained models are shared)."""
    return tmp_path_factory.mktemp("models")


@pytest.fixture(autouse=True)
def _private_store(monkeypatch, store_dir):
    """No test ever writes to the developer's own model store."""
    monkeypatch.setenv("COGSDK_MODELS", str(store_dir))


@pytest.fixture(scope="session")
def cog():
    from cogsdk import Cog

    return Cog(mode="local", offline=True, device="cpu")


def views(picture: np.ndarray, count: int, seed: int) -> list:
    """``count`` different square crops of a photo, every other one mirrored."""
    from PIL import Image

    rng = np.random.default_rng(seed)
    image = Image.fromarray(picture)
    width, height = image.size
    found = []
    for index in range(count):
        side = rng.uniform(0.5, 0.9) * min(width, height)
        left, top = rng.uniform(0, width - side), rng.uniform(0, height - side)
        crop = image.crop((int(left), int(top), int(left + side), int(top + side)))
        crop = crop.resize((128, 128))
        found.append(crop.transpose(Image.FLIP_LEFT_RIGHT) if index % 2 else crop)
    return found


@pytest.fixture(scope="session")
def photos():
    """Real photographs shipped in scikit-image: a cat, coffee, an astronaut."""
    data = pytest.importorskip("skimage.data")
    return {"cat": data.chelsea(), "coffee": data.coffee(), "astronaut": data.astronaut()}


@pytest.fixture(scope="session")
def faces():
    """scikit-image's lfw_subset: 100 faces then 100 non-faces, 25x25 grey, as RGB."""
    data = pytest.importorskip("skimage.data")
    grey = (data.lfw_subset() * 255).round().astype(np.uint8)
    rgb = [np.stack([picture] * 3, axis=-1) for picture in grey]
    return {"face": rgb[:100], "other": rgb[100:]}


@pytest.fixture(scope="session")
def photo_model(cog, photos, store_dir):
    """Trained once from a mapping of label -> PIL images, augmentation on auto."""
    examples = {label: views(picture, 8, seed) for seed, (label, picture)
                in enumerate(photos.items())}
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("COGSDK_MODELS", str(store_dir))
        return cog.vision.train("photos", examples)


@pytest.fixture(scope="session")
def ticket_model(cog, store_dir):
    pytest.importorskip("tokenizers", reason="needs the language extra")
    texts = [text for texts in TICKETS.values() for text in texts]
    labels = [label for label, texts in TICKETS.items() for _ in texts]
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("COGSDK_MODELS", str(store_dir))
        return cog.language.train("tickets", texts, labels)
