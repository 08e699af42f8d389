"""Sampled frames run through the router's local vision backend, in batches.

The same sampling as labels (about one frame a second plus each shot's first frame); the
pictures are bigger (``SHORT_SIDE``) because faces and text are small in a frame. Only
``(time, Annotation, picture size)`` is kept: a picture is dropped once its batch ran.
"""

from __future__ import annotations

from typing import Any, Callable, Mapping, Sequence

from ..._engines import engine_errors
from ...errors import CogError

BATCH = 16
SHORT_SIDE = 480
"""Short side of the sampled pictures: YuNet and PP-OCR lose small faces and print below."""

Sample = tuple[float, Any, tuple[int, int]]
"""(time in seconds, the vision Annotation, (width, height) of the picture it saw)."""


class FrameAnnotator:
    """Collects sampled pictures and annotates them ``BATCH`` at a time."""

    def __init__(self, annotate: Callable[[Sequence[Any], Mapping], list],
                 features: Mapping[str, Mapping]) -> None:
        self._annotate = annotate
        self._features = features
        self._batch: list[tuple[float, Any]] = []
        self.samples: list[Sample] = []

    def add(self, time: float, picture: Any) -> None:
        self._batch.append((time, picture))
        if len(self._batch) >= BATCH:
            self.flush()

    def flush(self) -> None:
        if not self._batch:
            return
        from ...media import load_image

        batch, self._batch = self._batch, []
        with engine_errors("annotating video frames"):
            results = self._annotate([load_image(p) for _, p in batch], self._features)
        for (time, picture), result in zip(batch, results):
            if not isinstance(result, CogError):
                self.samples.append((time, result, picture.size))
        self.samples.sort(key=lambda sample: sample[0])

    def models(self, feature: str) -> str:
        """The models the vision backend named for ``feature``, joined by ``+``."""
        names = dict.fromkeys(getattr(a, feature).model for _, a, _ in self.samples
                              if getattr(a, feature) is not None)
        return "+".join(names) or "none"
