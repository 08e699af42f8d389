"""``cog.translation``: translate text and detect its language."""

from __future__ import annotations

from typing import Any, Optional

from .._batch import is_many, load_all, run_valid, single
from ..errors import BackendError, CogError
from ..media import check_language_code, load_text
from .types import DetectedLanguage, Translation

__all__ = ["Translation", "DetectedLanguage", "TranslationService"]


class TranslationService:
    """Translation. Pass one string or a list (sent in as few requests as the service
    limits allow); a list returns a list in input order with errors in their slots."""

    def __init__(self, router) -> None:
        self._router = router

    def translate(self, text: Any, target: str, source: Optional[str] = None) -> Translation:
        """Translate into ``target`` (e.g. ``"es"``); ``source`` is detected when ``None``."""
        target = check_language_code(target, "target")
        source = check_language_code(source, "source") if source else None
        return self._batch(text, "translate",
                           lambda backend, texts: backend.translate(texts, target, source))

    def detect_language(self, text: Any) -> DetectedLanguage:
        """The language of the text as a BCP-47 code, with a confidence."""
        return self._batch(text, "detect_language", lambda backend, texts: backend.detect(texts))

    def _batch(self, text: Any, method: str, run):
        loaded = load_all(list(text) if is_many(text) else [text], load_text)
        try:
            results = self._router.call("translation", method, lambda backend: run_valid(
                loaded, lambda texts: run(backend, texts)))
        except BackendError as error:
            if not is_many(text):
                raise
            results = [item if isinstance(item, CogError) else error for item in loaded]
        return results if is_many(text) else single(results)



