"""Google Cloud Natural Language through the official client (REST transport): v1 for
everything but moderation, which only v2 has (moderateText)."""

from __future__ import annotations

import threading
from typing import Callable, Optional

from google.cloud import language_v1, language_v2

from .. import _google
from .._config import Settings
from . import _google_parse as parse
from .base import LanguageBackend
from .types import TextAnnotation, Categories, Entities, Moderation, Sentiment, Syntax

MODEL = parse.MODEL
MODERATION_MODEL = "google/language/v2"
# our feature names -> AnnotateTextRequest.Features fields
_FEATURES = {"entities": "extract_entities", "sentiment": "extract_document_sentiment",
             "syntax": "extract_syntax", "classify": "classify_text",
             "entity_sentiment": "extract_entity_sentiment", "moderate": "moderate_text"}


class GoogleLanguage(_google.GoogleBackend, LanguageBackend):
    """v1 is used because v2 has no entity salience. Offsets count Unicode code points."""

    client_class = language_v1.LanguageServiceClient
    endpoint_key = "language"

    def __init__(self, settings: Settings) -> None:
        super().__init__(settings)
        self._v2 = None
        self._v2_lock = threading.Lock()

    def _call(self, method: Callable, text: str, language: Optional[str],
              encoded: bool = True, **fields) -> dict:
        document = language_v1.Document(content=text, type_=language_v1.Document.Type.PLAIN_TEXT,
                                        language=language or "")
        extra = {"encoding_type": language_v1.EncodingType.UTF32} if encoded else {}
        response = _google.call(self._settings, lambda timeout: method(
            document=document, retry=None, timeout=timeout, **extra, **fields))
        return _google.to_dict(response)

    def entities(self, text: str, language: Optional[str]) -> Entities:
        return parse.entities(self._call(self._client.analyze_entities, text, language),
                              language)

    def entity_sentiment(self, text: str, language: Optional[str]) -> Entities:
        return parse.entities(self._call(self._client.analyze_entity_sentiment, text,
                                         language), language)

    def sentiment(self, text: str, language: Optional[str]) -> Sentiment:
        return parse.sentiment(self._call(self._client.analyze_sentiment, text, language),
                               language)

    def syntax(self, text: str, language: Optional[str]) -> Syntax:
        return parse.syntax(self._call(self._client.analyze_syntax, text, language), language)

    def classify(self, text: str, language: Optional[str]) -> Categories:
        return parse.categories(self._call(self._client.classify_text, text, language,
                                           encoded=False))

    def annotate(self, text: str, language: Optional[str],
                 features: tuple[str, ...]) -> TextAnnotation:
        """One annotateText request for every feature asked for."""
        flags = language_v1.AnnotateTextRequest.Features(
            **{_FEATURES[name]: True for name in features})
        payload = self._call(self._client.annotate_text, text, language, features=flags)
        wants = set(features)
        return TextAnnotation(
            entities=parse.entities(payload, language)
            if wants & {"entities", "entity_sentiment"} else None,
            sentiment=parse.sentiment(payload, language) if "sentiment" in wants else None,
            syntax=parse.syntax(payload, language) if "syntax" in wants else None,
            categories=parse.categories(payload) if "classify" in wants else None,
            moderation=parse.moderation(payload) if "moderate" in wants else None,
            language=payload.get("language", language or ""), **parse.common(payload))

    def moderate(self, text: str, language: Optional[str]) -> Moderation:
        document = language_v2.Document(content=text,
                                        type_=language_v2.Document.Type.PLAIN_TEXT,
                                        language_code=language or "")
        client = self._moderation_client()
        response = _google.call(self._settings, lambda timeout: client.moderate_text(
            document=document, retry=None, timeout=timeout))
        return parse.moderation(_google.to_dict(response), MODERATION_MODEL)

    def _moderation_client(self):
        with self._v2_lock:
            if self._v2 is None:
                self._v2 = _google.gapic_client(language_v2.LanguageServiceClient,
                                                self._settings, self.endpoint_key)
            return self._v2

    def close(self) -> None:
        super().close()
        if self._v2 is not None:
            self._v2.transport.close()
