"""``cog.translation``: translate text and detect its language."""

from __future__ import annotations

from typing import Any, Optional, overload

from .._facade import Facade, Many
from ..errors import CogError
from ..media import check_language_code, load_text
from .types import DetectedLanguage, Translation

__all__ = ["TranslationService"]


class TranslationService(Facade):
    """Translation. Pass one string or a list (sent in as few requests as the service
    limits allow); a list returns a list in input order with errors in their slots."""

    service = "translation"

    @overload
    def translate(self, text: Many, target: str, source: Optional[str] = ...
                  ) -> list[Translation | CogError]: ...
    @overload
    def translate(self, text: Any, target: str, source: Optional[str] = ...) -> Translation: ...

    def translate(self, text: Any, target: str, source: Optional[str] = None) -> Any:
        """Translate into ``target`` (e.g. ``"es"``); ``source`` is detected when ``None``."""
        target = check_language_code(target, "target")
        source = check_language_code(source, "source") if source else None
        return self._list("translate", text, load_text,
                          lambda backend, texts: backend.translate(texts, target, source))

    @overload
    def detect_language(self, text: Many) -> list[DetectedLanguage | CogError]: ...
    @overload
    def detect_language(self, text: Any) -> DetectedLanguage: ...

    def detect_language(self, text: Any) -> Any:
        """The language of the text as a BCP-47 code, with a confidence."""
        return self._list("detect_language", text, load_text,
                          lambda backend, texts: backend.detect(texts))
