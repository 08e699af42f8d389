"""The contract every translation backend fulfils: whole lists, in input order."""

from __future__ import annotations

import abc
from typing import ClassVar, Optional, Sequence

from .._backend import Backend
from ..errors import CogError
from ..errors import UnsupportedFeature
from .types import DetectedLanguage, SupportedLanguages, Translation


class TranslationBackend(Backend, abc.ABC):
    service = "translation"
    name: ClassVar[str]

    @abc.abstractmethod
    def translate(self, texts: Sequence[str], target: str,
                  source: Optional[str]) -> list[Translation | CogError]:
        """Translate plain text. The facade adds ``format="html"`` and ``glossary=`` as
        keywords only when asked for, so a backend without them needs no change."""

    @abc.abstractmethod
    def detect(self, texts: Sequence[str]) -> list[DetectedLanguage | CogError]: ...

    def supported_languages(self, target: Optional[str]) -> SupportedLanguages:
        """The languages served, named in ``target`` where the backend can."""
        raise UnsupportedFeature(f"The {self.name} translation backend cannot list its "
                                 "languages.")
