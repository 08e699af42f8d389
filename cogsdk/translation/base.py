"""The contract every translation backend fulfils: whole lists, in input order."""

from __future__ import annotations

import abc
from typing import ClassVar, Optional, Sequence

from .._backend import Backend
from ..errors import CogError
from .types import DetectedLanguage, Translation


class TranslationBackend(Backend, abc.ABC):
    service = "translation"
    name: ClassVar[str]

    @abc.abstractmethod
    def translate(self, texts: Sequence[str], target: str,
                  source: Optional[str]) -> list[Translation | CogError]: ...

    @abc.abstractmethod
    def detect(self, texts: Sequence[str]) -> list[DetectedLanguage | CogError]: ...
