"""Google Cloud Natural Language v1 through the official client (REST transport)."""

from __future__ import annotations

from typing import Any, Callable, Optional

from google.cloud import language_v1

from .. import _google
from .base import LanguageBackend
from .types import (Categories, Category, Entities, Entity, Mention, SentenceSentiment,
                    Sentiment, Syntax, Token)

MODEL = "google/language/v1"


class GoogleLanguage(_google.GoogleBackend, LanguageBackend):
    """v1 is used because v2 has no entity salience. Offsets count Unicode code points."""

    client_class = language_v1.LanguageServiceClient
    endpoint_key = "language"

    def _call(self, method: Callable, text: str, language: Optional[str],
              encoded: bool = True) -> dict:
        document = language_v1.Document(content=text, type_=language_v1.Document.Type.PLAIN_TEXT,
                                        language=language or "")
        extra = {"encoding_type": language_v1.EncodingType.UTF32} if encoded else {}
        response = _google.call(self._settings, lambda timeout: method(
            document=document, retry=None, timeout=timeout, **extra))
        return _google.to_dict(response)

    def entities(self, text: str, language: Optional[str]) -> Entities:
        payload = self._call(self._client.analyze_entities, text, language)
        items = tuple(Entity(name=e.get("name", ""), type=e.get("type", "UNKNOWN"),
                             salience=float(e.get("salience", 0.0)),
                             mentions=tuple(_mention(m) for m in e.get("mentions", [])),
                             metadata=dict(e.get("metadata", {})))
                      for e in payload.get("entities", []))
        return Entities(items=items, language=payload.get("language", language or ""),
                        **_common(payload))

    def sentiment(self, text: str, language: Optional[str]) -> Sentiment:
        payload = self._call(self._client.analyze_sentiment, text, language)
        document = payload.get("documentSentiment", {})
        sentences = tuple(SentenceSentiment(
            text=s.get("text", {}).get("content", ""),
            begin_offset=int(s.get("text", {}).get("beginOffset", 0)),
            score=float(s.get("sentiment", {}).get("score", 0.0)),
            magnitude=float(s.get("sentiment", {}).get("magnitude", 0.0)))
            for s in payload.get("sentences", []))
        return Sentiment(score=float(document.get("score", 0.0)),
                         magnitude=float(document.get("magnitude", 0.0)), sentences=sentences,
                         language=payload.get("language", language or ""), **_common(payload))

    def syntax(self, text: str, language: Optional[str]) -> Syntax:
        payload = self._call(self._client.analyze_syntax, text, language)
        tokens = tuple(Token(text=t.get("text", {}).get("content", ""),
                             begin_offset=int(t.get("text", {}).get("beginOffset", 0)),
                             lemma=t.get("lemma", ""),
                             part_of_speech=t.get("partOfSpeech", {}).get("tag", "UNKNOWN"),
                             head_index=int(t.get("dependencyEdge", {}).get("headTokenIndex", 0)),
                             label=t.get("dependencyEdge", {}).get("label", "UNKNOWN"))
                       for t in payload.get("tokens", []))
        sentences = tuple(s.get("text", {}).get("content", "")
                          for s in payload.get("sentences", []))
        return Syntax(tokens=tokens, sentences=sentences,
                      language=payload.get("language", language or ""), **_common(payload))

    def classify(self, text: str, language: Optional[str]) -> Categories:
        payload = self._call(self._client.classify_text, text, language, encoded=False)
        items = tuple(sorted((Category(name=c.get("name", ""),
                                       confidence=float(c.get("confidence", 0.0)))
                              for c in payload.get("categories", [])),
                             key=lambda c: -c.confidence))
        return Categories(items=items, **_common(payload))


def _mention(m: dict) -> Mention:
    return Mention(text=m.get("text", {}).get("content", ""),
                   begin_offset=int(m.get("text", {}).get("beginOffset", 0)),
                   type=m.get("type", "TYPE_UNKNOWN"))


def _common(payload: dict) -> dict[str, Any]:
    return {"backend": "google", "model": MODEL, "raw": payload}
