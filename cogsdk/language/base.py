"""The contract every natural-language backend fulfils."""

from __future__ import annotations

import abc
from typing import ClassVar, Optional

from .._backend import Backend
from .types import Categories, Entities, Sentiment, Syntax


class LanguageBackend(Backend, abc.ABC):
    service = "language"
    name: ClassVar[str]

    @abc.abstractmethod
    def entities(self, text: str, language: Optional[str]) -> Entities: ...

    @abc.abstractmethod
    def sentiment(self, text: str, language: Optional[str]) -> Sentiment: ...

    @abc.abstractmethod
    def syntax(self, text: str, language: Optional[str]) -> Syntax: ...

    @abc.abstractmethod
    def classify(self, text: str, language: Optional[str]) -> Categories: ...
