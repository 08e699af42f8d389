"""The contract every natural-language backend fulfils."""

from __future__ import annotations

import abc
from typing import ClassVar, Optional

from .._backend import Backend
from ..errors import UnsupportedFeature
from .types import TextAnnotation, Categories, Entities, Moderation, Sentiment, Syntax


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

    def entity_sentiment(self, text: str, language: Optional[str]) -> Entities:
        """Entities with the sentiment towards each (``Entity.score``/``magnitude``)."""
        raise UnsupportedFeature(f"The {self.name} language backend has no entity "
                                 "sentiment.")

    def moderate(self, text: str, language: Optional[str]) -> Moderation:
        """Moderation categories (toxic, insult, ...) with confidences."""
        raise UnsupportedFeature(f"The {self.name} language backend has no text moderation "
                                 "classifier; use mode='cloud' (Google's moderateText).")

    def annotate(self, text: str, language: Optional[str],
                 features: tuple[str, ...]) -> TextAnnotation:
        """Several features of one text; this default runs them one after another."""
        found = {name: getattr(self, name)(text, language) for name in features}
        entities = found.get("entity_sentiment") or found.get("entities")
        parts = [r for r in found.values() if r is not None]
        return TextAnnotation(entities=entities, sentiment=found.get("sentiment"),
                          syntax=found.get("syntax"), categories=found.get("classify"),
                          moderation=found.get("moderate"),
                          language=next((p.language for p in parts
                                         if getattr(p, "language", "")), language or ""),
                          backend=parts[0].backend, model="+".join(
                              dict.fromkeys(p.model for p in parts)),
                          raw={name: r.raw for name, r in found.items()})
