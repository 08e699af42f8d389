"""The contract every vision backend fulfils: annotate a batch of images."""

from __future__ import annotations

import abc
from typing import ClassVar, Mapping, Sequence

from .._backend import Backend
from ..errors import CogError
from ..media import ImageInput
from .types import Annotation

FeatureOptions = Mapping[str, Mapping[str, object]]
"""``{"labels": {"max_results": 10}, "text": {"languages": ["en"]}}``."""


class VisionBackend(Backend, abc.ABC):
    """Subclass this, set ``name`` and ``features``, and register the class."""
    service = "vision"

    name: ClassVar[str]
    features: ClassVar[frozenset[str]]
    """Feature names (see :data:`cogsdk.vision.types.FEATURES`) this backend serves."""

    @abc.abstractmethod
    def annotate(self, images: Sequence[ImageInput],
                 features: FeatureOptions) -> list[Annotation | CogError]:
        """One Annotation (or the item's CogError) per image, in input order."""
