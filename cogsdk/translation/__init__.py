"""``cogsdk.translation``: the :class:`TranslationService` facade and its result types.

``cogsdk.translation.translate(text, "es")`` (any public method) uses the default client.
"""

from __future__ import annotations

from typing import Any, Optional

from .facade import TranslationService
from .types import DetectedLanguage, SupportedLanguage, SupportedLanguages, Translation
from .._facade import default_shortcut

__all__ = ["TranslationService", "Translation", "DetectedLanguage", "SupportedLanguage",
           "SupportedLanguages", "register_marian",
           "unregister_marian"]
__getattr__ = default_shortcut(TranslationService)


def register_marian(folder: Any, source: str, target: str,
                    model_id: Optional[str] = None) -> Any:
    """Add an exported Marian/OPUS-MT ONNX folder for local ``source -> target``
    translation (see docs/local-language.md). Its files are pinned by sha256 now."""
    from .._local_text import marian

    return marian.register(folder, source, target, model_id)


def unregister_marian(model_id: str) -> None:
    """Remove a model added with :func:`register_marian`."""
    from .._local_text import marian

    marian.unregister(model_id)
