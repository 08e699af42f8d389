"""``cog.language``: entities, sentiment, syntax and content categories."""

from __future__ import annotations

from typing import Any, Optional

from .._batch import is_many, load_all, single
from ..errors import CogError
from ..media import check_language_code, load_text
from .types import Categories, Entities, Sentiment, Syntax

__all__ = ["Language"]


class Language:
    """Text analysis. Each method takes one text or a list of texts (a list returns a list
    in input order, with a failing text's CogError in its slot). ``language`` is a
    BCP-47 code; ``None`` lets the backend detect it."""

    def __init__(self, router) -> None:
        self._router = router

    def entities(self, text: Any, language: Optional[str] = None) -> Entities:
        """Named entities (PERSON, LOCATION, ORGANIZATION...) with salience and mentions."""
        return self._each(text, "entities", language)

    def sentiment(self, text: Any, language: Optional[str] = None) -> Sentiment:
        """Document score (-1..1) and magnitude, and the same per sentence."""
        return self._each(text, "sentiment", language)

    def syntax(self, text: Any, language: Optional[str] = None) -> Syntax:
        """Tokens with lemma, part of speech and dependency head/label."""
        return self._each(text, "syntax", language)

    def classify(self, text: Any, language: Optional[str] = None) -> Categories:
        """Content categories such as ``/Arts & Entertainment``, most confident first."""
        return self._each(text, "classify", language)

    def _each(self, text: Any, method: str, language: Optional[str]):
        if language is not None:
            language = check_language_code(language)
        texts = list(text) if is_many(text) else [text]
        results = [item if isinstance(item, CogError) else self._one(method, item, language)
                   for item in load_all(texts, load_text)]
        return results if is_many(text) else single(results)

    def _one(self, method: str, text: str, language: Optional[str]):
        try:
            return self._router.call("language", method, lambda backend: getattr(
                backend, method)(text, language))
        except CogError as error:
            return error
