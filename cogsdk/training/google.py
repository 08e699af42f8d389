"""The cloud counterpart of a custom image model: a Vertex AI endpoint serving an AutoML
image classification model, called over REST with google-auth (no aiplatform package).

``POST https://{location}-aiplatform.googleapis.com/v1/{endpoint}:predict`` with
``{"instances": [{"content": base64}], "parameters": {...}}``; each prediction holds
``displayNames``, ``confidences`` and ``ids``. One image per request (AutoML image
models take one instance each), up to four requests at once.
"""

from __future__ import annotations

import base64
from concurrent.futures import ThreadPoolExecutor
from typing import Any, Sequence

import requests
from google.api_core import exceptions as gexc
from google.auth.transport.requests import AuthorizedSession

from .. import _google
from .._config import Settings
from ..errors import BackendError, CogError, InvalidInput, UnsupportedFeature
from ..media import ImageInput
from ..vision.types import Annotation, Label, Labels
from .store import VERTEX_ENDPOINT

MAX_PARALLEL_REQUESTS = 4
MAX_IMAGE_BYTES = int(1.5 * 2**20)
"""Vertex AI refuses an online prediction request over 1.5 MB."""


class VertexEndpoints:
    """Calls Vertex AI endpoints with the client's credentials, retries and deadline."""

    def __init__(self, settings: Settings) -> None:
        self._settings = settings
        credentials = _google.credentials(settings, "vision")
        self._http = AuthorizedSession(credentials) if credentials else requests.Session()
        if settings.api_key:
            self._http.headers["x-goog-api-key"] = settings.api_key

    def annotate(self, images: Sequence[ImageInput],
                 features: Any) -> list[Annotation | CogError]:
        """``labels`` of each image from the endpoint named in ``features``."""
        options = dict(features["labels"])
        endpoint = str(options["model"])
        location = VERTEX_ENDPOINT.match(endpoint)
        if location is None:
            raise UnsupportedFeature(f"{endpoint!r} is not a Vertex AI endpoint "
                                     "(projects/P/locations/L/endpoints/E): a custom model "
                                     "of the local store runs with mode='local'.")
        url = f"{self._base(location.group(1))}/v1/{endpoint}:predict"
        parameters = {"confidenceThreshold": float(options.get("min_score") or 0.0),
                      "maxPredictions": int(options.get("max_results") or 10)}
        if len(images) == 1:
            return [self._one(url, endpoint, images[0], parameters)]
        with ThreadPoolExecutor(min(MAX_PARALLEL_REQUESTS, len(images))) as pool:
            return list(pool.map(lambda image: self._one(url, endpoint, image, parameters),
                                 images))

    def _base(self, location: str) -> str:
        override = self._settings.endpoint_for("vision")
        if override and _google.is_custom_endpoint(self._settings, "vision"):
            return override.rstrip("/")  # a test server or proxy in front of Vertex
        return f"https://{location}-aiplatform.googleapis.com"

    def _one(self, url: str, endpoint: str, image: ImageInput,
             parameters: dict) -> Annotation | CogError:
        try:
            body = {"instances": [{"content": _content(image)}], "parameters": parameters}
            answer = _google.call(self._settings, lambda timeout: self._post(url, body,
                                                                             timeout))
            return _annotation(answer, endpoint)
        except CogError as error:
            return error

    def _post(self, url: str, body: dict, timeout: float) -> dict:
        response = self._http.post(url, json=body, timeout=timeout)
        if response.status_code >= 400:
            raise gexc.from_http_response(response)  # mapped into our tree by _google.call
        return response.json()

    def close(self) -> None:
        self._http.close()


def _content(image: ImageInput) -> str:
    if image.uri is not None:
        raise InvalidInput(f"{image.name}: a Vertex AI endpoint takes the image's bytes, "
                           "not a URI; pass a local file or bytes.")
    data = image.encoded()
    if len(data) > MAX_IMAGE_BYTES:
        raise InvalidInput(f"{image.name} is {len(data) // 1024} KiB; a Vertex AI prediction "
                           "request takes at most 1.5 MB. Resize it first.")
    return base64.b64encode(data).decode("ascii")


def _annotation(answer: Any, endpoint: str) -> Annotation:
    predictions = answer.get("predictions") if isinstance(answer, dict) else None
    if not predictions or not isinstance(predictions[0], dict):
        raise BackendError("Vertex AI answered without a prediction for the image.",
                           reason="MALFORMED_RESPONSE", backend="google")
    best = predictions[0]
    names, scores = best.get("displayNames", []), best.get("confidences", [])
    ids = best.get("ids") or [""] * len(names)
    items = tuple(Label(str(name), float(score), mid=str(mid), topicality=float(score))
                  for name, score, mid in zip(names, scores, ids))
    model = f"google/vertex/{answer.get('deployedModelId') or endpoint}"
    common = {"backend": "google", "model": model, "raw": answer}
    return Annotation(**common, labels=Labels(items=items, **common))
