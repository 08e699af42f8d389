"""``cog.translation``: translate text and detect its language."""

from __future__ import annotations

from typing import Any, Optional, overload

from .._facade import Facade, Many
from ..errors import CogError, InvalidInput
from ..media import check_language_code, load_text
from .types import DetectedLanguage, SupportedLanguages, Translation

__all__ = ["TranslationService"]


class TranslationService(Facade):
    """Translation. Pass one string or a list (sent in as few requests as the service
    limits allow); a list returns a list in input order with errors in their slots."""

    service = "translation"

    @overload
    def translate(self, text: Many, target: str, source: Optional[str] = ..., *,
                  format: str = ..., glossary: Optional[str] = ...
                  ) -> list[Translation | CogError]: ...
    @overload
    def translate(self, text: Any, target: str, source: Optional[str] = ..., *,
                  format: str = ..., glossary: Optional[str] = ...) -> Translation: ...

    def translate(self, text: Any, target: str, source: Optional[str] = None, *,
                  format: str = "text", glossary: Optional[str] = None) -> Any:
        """Translate into ``target`` (e.g. ``"es"``); ``source`` is detected when ``None``.

        Args:
            format: ``"html"`` keeps the markup and translates only the text (locally
                each text node on its own).
            glossary: a Cloud Translation v3 glossary id (``"my-terms"``, in
                ``us-central1``) or its full resource name; cloud v3 only.
        """
        target = check_language_code(target, "target")
        source = check_language_code(source, "source") if source else None
        extra = _extra(format, glossary)
        return self._list("translate", text, load_text,
                          lambda backend, texts: backend.translate(texts, target, source,
                                                                   **extra))

    def supported_languages(self, target: Optional[str] = None) -> SupportedLanguages:
        """The languages the backend translates from and into; ``target`` names them in
        that language (cloud). Locally, the languages of the installed pairs."""
        target = check_language_code(target, "target") if target else None
        return self._router.call("translation", "supported_languages",
                                 lambda backend: backend.supported_languages(target))

    @overload
    def detect_language(self, text: Many) -> list[DetectedLanguage | CogError]: ...
    @overload
    def detect_language(self, text: Any) -> DetectedLanguage: ...

    def detect_language(self, text: Any) -> Any:
        """The language of the text as a BCP-47 code, with a confidence."""
        return self._list("detect_language", text, load_text,
                          lambda backend, texts: backend.detect(texts))


FORMATS = ("text", "html")


def _extra(format: str, glossary: Optional[str]) -> dict[str, str]:
    """The keywords beyond plain text, only when asked for (see the backend contract)."""
    if format not in FORMATS:
        raise InvalidInput(f"format must be one of {FORMATS}, not {format!r}.")
    if glossary is not None and (not isinstance(glossary, str) or not glossary.strip()):
        raise InvalidInput(f"glossary must be a glossary id or name, not {glossary!r}.")
    extra = {"format": format} if format != "text" else {}
    if glossary:
        extra["glossary"] = glossary.strip()
    return extra
