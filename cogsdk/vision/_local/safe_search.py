"""Safe search: Yahoo's open_nsfw scores adult content; the rest stays UNKNOWN.

No registry package ships a violence, medical or spoof classifier, so those attributes
are ``Likelihood.UNKNOWN`` locally (honest: "no model", never a guess). ``racy`` reuses
the open_nsfw probability with a lower bar (its square root), because suggestive images
score between clean and explicit ones; racy is therefore never less likely than adult.
"""

from __future__ import annotations

import io
from typing import Any, Sequence

import numpy as np

from ..._types import Likelihood
from ..types import SafeSearch
from ._common import model_name, run_batched, session

MODEL = "open_nsfw"
VGG_MEAN_BGR = np.array([104.0, 117.0, 123.0], np.float32)


def preprocess(picture: Any) -> np.ndarray:
    """The Caffe pipeline open_nsfw was trained on: 256x256, JPEG round trip, crop 224, BGR.

    The JPEG round trip is deliberate: the model saw JPEG artefacts in training, and
    skipping it shifts scores by a few percent.
    """
    from PIL import Image

    resized = picture.resize((256, 256), Image.BILINEAR, reducing_gap=3.0)
    buffer = io.BytesIO()
    resized.save(buffer, format="JPEG")
    pixels = np.asarray(Image.open(buffer).convert("RGB"), np.float32)[16:240, 16:240]
    return pixels[:, :, ::-1] - VGG_MEAN_BGR


class SafeSearcher:
    def __init__(self, device: str) -> None:
        self.session = session(MODEL, device)
        self.model = model_name(MODEL, self.session)

    def scores(self, pictures: Sequence[Any]) -> np.ndarray:
        """open_nsfw's NSFW probability of each picture, in one batch."""
        batch = np.stack([preprocess(picture) for picture in pictures])
        return run_batched(self.session, batch)[:, 1]

    def __call__(self, pictures: Sequence[Any]) -> list[SafeSearch]:
        return [SafeSearch(adult=Likelihood.from_probability(float(p)),
                           racy=Likelihood.from_probability(float(np.sqrt(p))),
                           backend="local", model=self.model,
                           raw={"nsfw_score": round(float(p), 5)})
                for p in self.scores(pictures)]
