"""``cog.language``: entities, sentiment, syntax and content categories."""

from __future__ import annotations

from typing import Any, Optional, overload

from .._batch import each
from .._facade import Facade, Many
from ..errors import CogError
from ..media import check_language_code, load_text
from .types import Categories, Entities, Sentiment, Syntax

__all__ = ["Language"]


class Language(Facade):
    """Text analysis. Each method takes one text or a list of texts (a list returns a list
    in input order, with a failing text's CogError in its slot). ``language`` is a
    BCP-47 code; ``None`` lets the backend detect it."""

    service = "language"

    @overload
    def entities(self, text: Many, language: Optional[str] = ...
                 ) -> list[Entities | CogError]: ...
    @overload
    def entities(self, text: Any, language: Optional[str] = ...) -> Entities: ...

    def entities(self, text: Any, language: Optional[str] = None) -> Any:
        """Named entities (PERSON, LOCATION, ORGANIZATION...) with salience and mentions."""
        return self._each(text, "entities", language)

    @overload
    def sentiment(self, text: Many, language: Optional[str] = ...
                  ) -> list[Sentiment | CogError]: ...
    @overload
    def sentiment(self, text: Any, language: Optional[str] = ...) -> Sentiment: ...

    def sentiment(self, text: Any, language: Optional[str] = None) -> Any:
        """Document score (-1..1) and magnitude, and the same per sentence."""
        return self._each(text, "sentiment", language)

    @overload
    def syntax(self, text: Many, language: Optional[str] = ...) -> list[Syntax | CogError]: ...
    @overload
    def syntax(self, text: Any, language: Optional[str] = ...) -> Syntax: ...

    def syntax(self, text: Any, language: Optional[str] = None) -> Any:
        """Tokens with lemma, part of speech and dependency head/label."""
        return self._each(text, "syntax", language)

    @overload
    def classify(self, text: Many, language: Optional[str] = ...
                 ) -> list[Categories | CogError]: ...
    @overload
    def classify(self, text: Any, language: Optional[str] = ...) -> Categories: ...

    def classify(self, text: Any, language: Optional[str] = None) -> Any:
        """Content categories such as ``/Arts & Entertainment``, most confident first."""
        return self._each(text, "classify", language)

    def _each(self, text: Any, method: str, language: Optional[str]) -> Any:
        code = check_language_code(language) if language is not None else None
        return self._list(method, text, load_text,
                          each(lambda backend, item: getattr(backend, method)(item, code)))
